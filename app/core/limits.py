"""The request body limit: a body longer than the setting is a 413 problem, before any route runs.

FastAPI's own `max_body_size` answers a declared `Content-Length` over the limit with a plain-text
413, and only after the route has run when the route reads no body (a `POST …/close` would close
the plan and still answer 413). This middleware refuses such a request up front, and counts the
bytes of a body sent without a length as the route reads it.
"""

from collections.abc import Mapping

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import PayloadTooLarge, problem_response


def too_large_detail(limit: int) -> str:
    return f"Nội dung yêu cầu dài quá giới hạn {limit} byte."


class _BodyTooLarge(HTTPException):
    """Raised while a route reads its body; the HTTP error handler turns it into the 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=PayloadTooLarge.status, detail=too_large_detail(limit))


class BodyLimitMiddleware:
    def __init__(
        self, app: ASGIApp, max_body_bytes: int, per_path: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.default_limit = max_body_bytes
        # Bulk routes (a batch of 5,000 activities) may take more than the default.
        self.per_path = dict(per_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope["path"], self.default_limit)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            response = problem_response(
                PayloadTooLarge.status,
                PayloadTooLarge.code,
                PayloadTooLarge.title,
                too_large_detail(limit),
                headers={"Connection": "close"},
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)
