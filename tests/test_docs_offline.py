"""Swagger UI and ReDoc work on a network with no internet: every asset comes from the app."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.conftest import DEMO_PASSWORD

DOC_PAGES = ("/docs", "/redoc")
# URLs the Swagger init script builds in JavaScript rather than in an attribute.
_SCRIPT_URLS = re.compile(r"""(?:\burl:|oauth2RedirectUrl:[^'"]*)\s*['"]([^'"]+)['"]""")


class _References(HTMLParser):
    """Every URL-valued attribute of a page (src, href, ReDoc's spec-url)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, _tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in ("src", "href", "spec-url") and v]


def _referenced(page: str) -> list[str]:
    parser = _References()
    parser.feed(page)
    return parser.urls + _SCRIPT_URLS.findall(page)


@pytest.mark.parametrize("page", DOC_PAGES)
def test_doc_page_names_no_other_host(client: TestClient, page: str) -> None:
    html = client.get(page).text
    assert re.findall(r"https?://[^\s'\"<>]+", html) == []
    assert "fonts.googleapis" not in html


@pytest.mark.parametrize("page", DOC_PAGES)
def test_every_asset_a_doc_page_references_is_served_by_the_app(
    client: TestClient, page: str
) -> None:
    urls = _referenced(client.get(page).text)
    assert urls, "the page references no asset: the parser missed them"
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), url
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url


def test_swagger_page_loads_its_script_style_icon_contract_and_redirect_page(
    client: TestClient,
) -> None:
    assert sorted(_referenced(client.get("/docs").text)) == [
        "/docs/assets/favicon.png",
        "/docs/assets/swagger-ui-bundle.js",
        "/docs/assets/swagger-ui.css",
        "/docs/oauth2-redirect",
        "/openapi.json",
    ]


def test_redoc_page_loads_its_script_icon_and_the_contract(client: TestClient) -> None:
    assert sorted(_referenced(client.get("/redoc").text)) == [
        "/docs/assets/favicon.png",
        "/docs/assets/redoc.standalone.js",
        "/openapi.json",
    ]


def test_doc_stylesheets_load_nothing_remote(client: TestClient) -> None:
    for page in DOC_PAGES:
        for url in _referenced(client.get(page).text):
            if url.endswith(".css"):
                css = client.get(url).text
                assert re.findall(r"url\(\s*['\"]?https?:|@import", css) == [], url


def test_swagger_keeps_authorization_across_reloads(client: TestClient) -> None:
    assert '"persistAuthorization": true' in client.get("/docs").text


def test_authorize_button_logs_in_against_the_local_token_endpoint(client: TestClient) -> None:
    schemes = client.get("/openapi.json").json()["components"]["securitySchemes"]
    [flow] = [s["flows"]["password"] for s in schemes.values() if s["type"] == "oauth2"]
    assert flow["tokenUrl"] == "/api/v1/auth/token"
    redirect = client.get("/docs/oauth2-redirect")
    assert (redirect.status_code, redirect.headers["content-type"]) == (
        200,
        "text/html; charset=utf-8",
    )
    login = client.post(
        flow["tokenUrl"],
        data={"grant_type": "password", "username": "admin", "password": DEMO_PASSWORD},
    )
    token = login.json()["access_token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert (me.status_code, me.json()["username"]) == (200, "admin")


@pytest.mark.parametrize("page", [*DOC_PAGES, "/docs/oauth2-redirect"])
def test_doc_pages_let_the_browser_fetch_from_this_server_only(
    client: TestClient, page: str
) -> None:
    policy = client.get(page).headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    sources = {source for value in directives.values() for source in value.split()}
    assert directives["default-src"] == "'self'"
    assert sources == {"'self'", "'unsafe-inline'", "data:", "blob:"}
