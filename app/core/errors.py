"""RFC 9457 problem details: one error type per failure a caller can act on, one handler."""

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.core.observability import REQUEST_ID_HEADER, log_unexpected

PROBLEM_JSON = "application/problem+json"


class FieldProblem(BaseModel):
    field: str = Field(
        description="Đường dẫn tới trường lỗi, ví dụ `body.legal_bases.0.reference`."
    )
    message: str = Field(description="Mô tả lỗi bằng tiếng Việt.")
    type: str = Field(description="Mã loại lỗi ổn định (theo pydantic hoặc của dịch vụ).")


class Problem(BaseModel):
    """An error response (`application/problem+json`, RFC 9457)."""

    type: str = Field(default="about:blank", description="URI phân loại lỗi.")
    title: str = Field(description="Tiêu đề lỗi bằng tiếng Việt.")
    status: int = Field(description="Mã trạng thái HTTP.")
    detail: str | None = Field(
        default=None, description="Giải thích cụ thể, người dùng có thể hành động theo."
    )
    code: str = Field(description="Mã lỗi ổn định cho máy đọc.")
    errors: list[FieldProblem] | None = Field(
        default=None, description="Các trường không hợp lệ (chỉ với lỗi 422)."
    )


class AppError(Exception):
    status: int = 400
    code: str = "bad_request"
    title: str = "Yêu cầu không hợp lệ"
    # What the contract shows as this status's example answer.
    example: str = "Yêu cầu thiếu tham số bắt buộc."

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        errors: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        if code:
            self.code = code
        self.errors = errors
        self.headers = headers


class BadRequest(AppError):
    pass


class Unauthorized(AppError):
    status = 401
    code = "unauthorized"
    title = "Chưa xác thực"
    example = "Cần đăng nhập: gửi header Authorization: Bearer <mã truy cập>."

    def __init__(self, detail: str | None = None, *, code: str | None = None) -> None:
        super().__init__(detail, code=code, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Không có quyền thực hiện"
    example = "Vai trò của tài khoản không được phép thực hiện thao tác này."


class NotFound(AppError):
    status = 404
    code = "not_found"
    title = "Không tìm thấy"
    example = "Không tìm thấy kế hoạch mã 12."


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Xung đột dữ liệu"
    example = "Dữ liệu xung đột với bản ghi đã có (trùng hoặc đang được tham chiếu)."


class PreconditionFailed(AppError):
    status = 412
    code = "precondition_failed"
    title = "Phiên bản đã thay đổi"
    example = 'Bản ghi đã được người khác sửa (phiên bản hiện tại "plan-12-v4").'


class PayloadTooLarge(AppError):
    status = 413
    code = "payload_too_large"
    title = "Dữ liệu gửi lên quá lớn"
    example = "Nội dung yêu cầu dài quá giới hạn 1048576 byte."


class PreconditionRequired(AppError):
    status = 428
    code = "precondition_required"
    title = "Thiếu điều kiện If-Match"
    example = "Gửi kèm header If-Match với ETag của lần đọc gần nhất."
    missing_if_match = (
        "Gửi kèm header If-Match với ETag của lần đọc gần nhất để tránh ghi đè thay đổi của "
        "người khác."
    )


class ServiceUnavailable(AppError):
    status = 503
    code = "service_unavailable"
    title = "Dịch vụ tạm thời bận"
    example = "Cơ sở dữ liệu đang bận, vui lòng thử lại."


class ValidationProblem(AppError):
    status = 422
    code = "validation_error"
    title = "Dữ liệu không hợp lệ"
    example = "Kiểm tra lại các trường: body.period_end."

    @classmethod
    def for_field(cls, field: str, message: str, type_: str = "value_error") -> "ValidationProblem":
        return cls(message, errors=[FieldProblem(field=field, message=message, type=type_)])


_HTTP_TITLES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Yêu cầu không hợp lệ"),
    401: ("unauthorized", "Chưa xác thực"),
    403: ("forbidden", "Không có quyền thực hiện"),
    404: ("not_found", "Không tìm thấy"),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ"),
    406: ("not_acceptable", "Định dạng yêu cầu không được hỗ trợ"),
    413: ("payload_too_large", "Dữ liệu gửi lên quá lớn"),
    415: ("unsupported_media_type", "Kiểu nội dung không được hỗ trợ"),
}

# Vietnamese messages for the pydantic error types a caller meets; `{…}` are the error's context
# values ({unit} is "ký tự" for a string and "phần tử" for a list).
_PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": "Trường này là bắt buộc.",
    "string_too_short": "Tối thiểu {min_length} ký tự.",
    "string_too_long": "Tối đa {max_length} ký tự.",
    "too_short": "Tối thiểu {min_length} {unit}.",
    "too_long": "Tối đa {max_length} {unit}.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "int_from_float": "Phải là số nguyên.",
    "int_parsing_size": "Số quá lớn.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "date_from_datetime_parsing": "Phải là ngày dạng YYYY-MM-DD.",
    "date_from_datetime_inexact": "Phải là ngày dạng YYYY-MM-DD.",
    "date_parsing": "Phải là ngày dạng YYYY-MM-DD.",
    "date_type": "Phải là ngày dạng YYYY-MM-DD.",
    "datetime_parsing": "Phải là thời điểm ISO 8601, ví dụ 2024-01-15T08:00:00+07:00.",
    "datetime_from_date_parsing": "Phải là thời điểm ISO 8601, ví dụ 2024-01-15T08:00:00+07:00.",
    "datetime_type": "Phải là thời điểm ISO 8601, ví dụ 2024-01-15T08:00:00+07:00.",
    "timezone_offset": "Độ lệch múi giờ không hợp lệ.",
    "enum": "Giá trị không thuộc danh sách cho phép.",
    "literal_error": "Giá trị không thuộc danh sách cho phép.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "greater_than": "Phải lớn hơn {gt}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "model_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách.",
    "string_type": "Phải là chuỗi ký tự.",
    "string_unicode": "Phải là chuỗi ký tự UTF-8.",
    "extra_forbidden": "Trường này không được phép.",
    "string_pattern_mismatch": "Giá trị không đúng định dạng.",
    "value_error": "Giá trị không hợp lệ.",
}
# Raised by our own annotated types (app.core.text, app.core.clock), with a Vietnamese message.
_OWN_ERROR_TYPES = frozenset({"string_nul", "datetime_out_of_range"})
INVALID_JSON = "Nội dung gửi lên không phải JSON hợp lệ."


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail, code=code, errors=errors)
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _field_message(err: Mapping[str, Any]) -> str:
    kind, ctx = str(err.get("type")), err.get("ctx") or {}
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind in _OWN_ERROR_TYPES:
        return str(err.get("msg"))
    template = _PYDANTIC_MESSAGES.get(kind, "Giá trị không hợp lệ.")
    unit = "phần tử" if ctx.get("field_type") == "List" else "ký tự"
    try:
        return template.format(unit=unit, **ctx)
    except (KeyError, IndexError, ValueError):
        return template


def _invalid_json(message: str) -> JSONResponse:
    """Malformed or undecodable JSON: one problem for the whole body, not a character index."""
    problem = FieldProblem(field="body", message=message, type="json_invalid")
    return problem_response(422, "invalid_json", "Dữ liệu không hợp lệ", INVALID_JSON, [problem])


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path: routes are split per method, so Starlette's
    405 names only the first route's."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in _METHODS
        if any(r.matches({**request.scope, "method": method})[0] == Match.FULL for r in routes)
    ]
    return ", ".join(allowed)


def field_problems(
    errors: Sequence[Mapping[str, Any]], prefix: tuple[str | int, ...] = ()
) -> list[FieldProblem]:
    """Pydantic errors as field problems with Vietnamese messages; `prefix` places them in the
    request (("body", 3) for the fourth row of a batch)."""
    return [
        FieldProblem(
            field=".".join(str(part) for part in (*prefix, *err.get("loc", ()))),
            message=_field_message(err),
            type=str(err.get("type", "value_error")),
        )
        for err in errors
    ]


def _validation_errors(exc: RequestValidationError) -> list[FieldProblem]:
    return field_problems(exc.errors())


def install_error_handlers(app: FastAPI) -> None:
    async def app_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return problem_response(
            exc.status, exc.code, exc.title, exc.detail, exc.errors, exc.headers
        )

    async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        broken = next((e for e in exc.errors() if e.get("type") == "json_invalid"), None)
        if broken is not None:
            position = broken.get("loc", ("body", 0))[-1]
            place = f" (lỗi ở ký tự thứ {position + 1})" if isinstance(position, int) else ""
            return _invalid_json(f"Không đọc được JSON{place}.")
        errors = _validation_errors(exc)
        if any(e.type == "missing" and e.field.lower() == "header.if-match" for e in errors) and (
            not any(e.field.startswith("path.") for e in errors)
        ):
            # The contract marks If-Match required; leaving it out is a precondition problem
            # (once the path names a resource at all: a malformed id is a 422 first).
            required = PreconditionRequired
            return problem_response(
                required.status, required.code, required.title, required.missing_if_match
            )
        fields = ", ".join(e.field for e in errors)
        return problem_response(
            422,
            "validation_error",
            "Dữ liệu không hợp lệ",
            f"Kiểm tra lại các trường: {fields}.",
            errors,
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if isinstance(exc.__cause__, UnicodeDecodeError):  # FastAPI's "error parsing the body"
            return _invalid_json("Nội dung JSON phải được mã hóa UTF-8.")
        code, title = _HTTP_TITLES.get(exc.status_code, ("http_error", "Lỗi yêu cầu"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        headers = dict(exc.headers) if exc.headers else {}
        if exc.status_code == 400 and exc.__cause__ is not None:
            detail = "Không đọc được nội dung yêu cầu; kiểm tra Content-Type và định dạng."
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Đường dẫn không tồn tại."
        if exc.status_code == 405:
            detail = "Phương thức HTTP này không dùng được với đường dẫn này."
            headers["Allow"] = _allowed_methods(request)
        if exc.status_code == 413 and detail in (None, "Content Too Large"):
            detail = "Nội dung yêu cầu dài quá giới hạn cho phép."
        return problem_response(exc.status_code, code, title, detail, headers=headers or None)

    async def data_error(_request: Request, exc: Exception) -> JSONResponse:
        # Last line of defence: typed params keep values in range, but a value the database
        # still refuses (out-of-range number, over-long text) is the caller's input, not a 500.
        if "NUL" in str(exc):
            return problem_response(
                422, "nul_character", "Dữ liệu không hợp lệ", "Dữ liệu gửi lên chứa ký tự NUL."
            )
        return problem_response(
            422,
            "value_out_of_range",
            "Dữ liệu không hợp lệ",
            "Một giá trị vượt quá giới hạn mà hệ thống lưu trữ được.",
        )

    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Answered outside the request-log middleware: the id is logged and echoed here.
        request_id = log_unexpected(exc)
        return problem_response(
            500,
            "internal_error",
            "Lỗi hệ thống",
            "Đã có lỗi không mong muốn; vui lòng thử lại.",
            headers={REQUEST_ID_HEADER: request_id} if request_id else None,
        )

    app.add_exception_handler(AppError, app_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DataError, data_error)
    app.add_exception_handler(Exception, unexpected)


def _example(err: type[AppError]) -> dict[str, Any]:
    errors = None
    if err is ValidationProblem:
        message = "Ngày kết thúc kỳ kế hoạch phải không trước ngày bắt đầu."
        errors = [FieldProblem(field="body.period_end", message=message, type="value_error")]
    problem = Problem(
        title=err.title, status=err.status, detail=err.example, code=err.code, errors=errors
    )
    return problem.model_dump(exclude_none=True)


def responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the errors a route can raise, each with its own example."""
    out: dict[int | str, dict[str, Any]] = {}
    schema = {"$ref": "#/components/schemas/Problem"}
    for err in errors:
        example = _example(err)
        out[err.status] = {
            "model": Problem,
            "description": err.title,
            "content": {PROBLEM_JSON: {"schema": schema, "example": example}},
        }
    return out


# The response sets of a domain's routes: reads of scoped resources, and versioned writes.
READ_ERRORS = responses(Unauthorized, Forbidden, NotFound, ValidationProblem)
WRITE_ERRORS = responses(
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    ValidationProblem,
)
