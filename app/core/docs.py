"""Swagger UI and ReDoc that work with no internet: the JavaScript, CSS and icon come from the
fastapi-offline package's copies, and a Content-Security-Policy keeps the browser from fetching
anything from another host (ReDoc's side menu would otherwise load its vendor's logo)."""

from collections.abc import Callable
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse

ASSETS = "/docs/assets"
# Both pages start from an inline script; the point of the policy is where the browser may
# connect: this server only (`data:` icons and ReDoc's `blob:` search worker stay in the page).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
    ]
)


def _offline(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


def _local(request: Request) -> Callable[[str], str]:
    """Paths of this app as the browser must ask for them (behind a proxy's root_path)."""
    root: str = request.scope.get("root_path", "")
    return lambda path: root + path


def install_docs(app: FastAPI, docs_url: str = "/docs", redoc_url: str = "/redoc") -> None:
    """Serve the docs pages; the app is built with `docs_url=None, redoc_url=None`."""
    assert app.openapi_url and app.swagger_ui_oauth2_redirect_url
    openapi_url, redirect_url = app.openapi_url, app.swagger_ui_oauth2_redirect_url
    static = files("fastapi_offline") / "static"
    app.mount(ASSETS, StaticFiles(directory=str(static)), name="docs-assets")

    @app.get(docs_url, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        url = _local(request)
        return _offline(
            get_swagger_ui_html(
                openapi_url=url(openapi_url),
                title=f"{app.title} - Swagger UI",
                oauth2_redirect_url=url(redirect_url),
                swagger_js_url=url(f"{ASSETS}/swagger-ui-bundle.js"),
                swagger_css_url=url(f"{ASSETS}/swagger-ui.css"),
                swagger_favicon_url=url(f"{ASSETS}/favicon.png"),
                swagger_ui_parameters=app.swagger_ui_parameters,
            )
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_oauth2_redirect() -> HTMLResponse:
        return _offline(get_swagger_ui_oauth2_redirect_html())

    @app.get(redoc_url, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        url = _local(request)
        return _offline(
            get_redoc_html(
                openapi_url=url(openapi_url),
                title=f"{app.title} - ReDoc",
                redoc_js_url=url(f"{ASSETS}/redoc.standalone.js"),
                redoc_favicon_url=url(f"{ASSETS}/favicon.png"),
                with_google_fonts=False,
            )
        )
