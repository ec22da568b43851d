"""Structured logs: one line per request, tied to a request id that the response echoes.

`RequestLogMiddleware` (pure ASGI, cheap) takes a sane incoming `X-Request-ID` or makes one,
echoes it on every response and logs one line when the request ends: method, route template,
status, duration and the caller's user id once the auth dependency knows it — never headers,
query strings or bodies. `logging_config()` sends every logger (ours and uvicorn's) through one
JSON or text formatter.
"""

import json
import logging
import os
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.settings import Settings

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_KEY = REQUEST_ID_HEADER.lower().encode("latin-1")
# An incoming id is reused when it is short and plain (UUIDs, proxy ids); anything else, a
# newline or 1,000 characters, is replaced so it cannot forge or flood a log line.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/._-]{1,200}")

request_log = logging.getLogger("cchc.request")
error_log = logging.getLogger("cchc.error")


@dataclass(slots=True)
class RequestContext:
    request_id: str
    user_id: int | None = None
    error_logged: bool = False


# Set by the middleware for the request's task and never reset: the error handler and the
# server's own error log run in that task after the middleware has returned. Sync dependencies
# run in threads with a copy of the context, which holds this same object, so what they note
# is seen here.
_current: ContextVar[RequestContext | None] = ContextVar("cchc_request", default=None)


def current_request_id() -> str | None:
    context = _current.get()
    return context.request_id if context else None


def note_caller(user_id: int) -> None:
    """Record who is calling, for the request's log line (a no-op outside a request)."""
    context = _current.get()
    if context is not None:
        context.user_id = user_id


def _incoming_request_id(scope: Scope) -> str:
    for key, value in scope["headers"]:
        if key == _REQUEST_ID_KEY:
            candidate: str = value.decode("latin-1")
            if _SAFE_REQUEST_ID.fullmatch(candidate):
                return candidate
            break
    return os.urandom(16).hex()  # as random as a UUID4, a tenth of the cost


def route_template(scope: Scope) -> str | None:
    """The path the request matched as written in the app (`/api/v1/plans/{plan_id}`)."""
    route = scope.get("route")
    regex = getattr(route, "path_regex", None)
    template: str | None = getattr(route, "path_format", None)
    path: str = scope["path"]
    if regex is not None and template is not None:
        # A router included under a prefix keeps its own paths: the prefix is what precedes
        # the part of the path that the route matched.
        start = 0
        while start != -1:
            if regex.match(path[start:]):  # the pattern is anchored at the string's start
                return path[:start] + template
            start = path.find("/", start + 1)
        return template
    if "endpoint" in scope and not scope.get("path_params") and _PLAIN_PATH.fullmatch(path):
        return path  # a route without parameters (a static asset, the OpenAPI document)
    return None  # nothing matched (404): the raw path is the caller's text, not ours


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        context = RequestContext(_incoming_request_id(scope))
        _current.set(context)
        header = (_REQUEST_ID_KEY, context.request_id.encode("latin-1"))
        status, responded = 500, False  # an unhandled error is answered outside, with a 500

        async def send_with_id(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status, responded = message["status"], True
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            if responded:  # the error handler answers only when no response has begun
                log_unexpected(exc)
            raise
        finally:
            if request_log.isEnabledFor(logging.INFO):
                request_log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "route": route_template(scope),
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                        "user_id": context.user_id,
                        "request_id": context.request_id,
                    },
                )


def log_unexpected(exc: Exception) -> str | None:
    """Log an unhandled error with its traceback; returns the request id to answer with."""
    context = _current.get()
    request_id = context.request_id if context else None
    error_log.error("unhandled error", exc_info=exc, extra={"request_id": request_id})
    if context is not None:
        context.error_logged = True
    return request_id


# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's coloured copy of the message
    "taskName",
}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields = {k: v for k, v in vars(record).items() if k not in _RECORD_ATTRIBUTES}
    if "request_id" not in fields and (request_id := current_request_id()) is not None:
        fields["request_id"] = request_id
    return fields


_ISO_SECONDS = "%Y-%m-%dT%H:%M:%S"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, extra fields, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime(_ISO_SECONDS, time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_fields(record))
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """For a developer's console: `12:00:00 INFO cchc.request request method=GET …`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s", "%H:%M:%S")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        extras = " ".join(f"{k}={v}" for k, v in _fields(record).items() if v is not None)
        return f"{line} {extras}" if extras else line


class _UvicornLifecycle(logging.Filter):
    """Keep uvicorn's warnings and the line with the URL it serves; drop the start-up chatter
    and its copy of a traceback that `log_unexpected` already wrote with the request id."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if record.levelno < logging.WARNING:
            return message.startswith("Uvicorn running")
        context = _current.get()
        return not (message.startswith("Exception in ASGI") and context and context.error_logged)


def logging_config(settings: Settings) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the server (uvicorn takes it as `log_config`)."""
    formatter = JsonFormatter if settings.effective_log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": f"{__name__}.{formatter.__name__}"}},
        "filters": {"uvicorn_lifecycle": {"()": f"{__name__}._UvicornLifecycle"}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": settings.log_level, "handlers": ["default"]},
        "loggers": {
            "uvicorn.error": {"filters": ["uvicorn_lifecycle"]},
            # One line per request comes from RequestLogMiddleware; uvicorn's would repeat it.
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
    }
