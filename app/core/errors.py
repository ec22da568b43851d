"""RFC 9457 problem details: one error type per failure a caller can act on, one handler."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

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
    title: str = Field(description="Tiêu đề lỗi bằng tiếng Việt.", examples=["Không tìm thấy"])
    status: int = Field(description="Mã trạng thái HTTP.", examples=[404])
    detail: str | None = Field(
        default=None, description="Giải thích cụ thể, người dùng có thể hành động theo."
    )
    code: str = Field(description="Mã lỗi ổn định cho máy đọc.", examples=["not_found"])
    errors: list[FieldProblem] | None = Field(
        default=None, description="Các trường không hợp lệ (chỉ với lỗi 422)."
    )


class AppError(Exception):
    status: int = 400
    code: str = "bad_request"
    title: str = "Yêu cầu không hợp lệ"

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

    def __init__(self, detail: str | None = None, *, code: str | None = None) -> None:
        super().__init__(detail, code=code, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Không có quyền thực hiện"


class NotFound(AppError):
    status = 404
    code = "not_found"
    title = "Không tìm thấy"


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Xung đột dữ liệu"


class PreconditionFailed(AppError):
    status = 412
    code = "precondition_failed"
    title = "Phiên bản đã thay đổi"


class PreconditionRequired(AppError):
    status = 428
    code = "precondition_required"
    title = "Thiếu điều kiện If-Match"


class ValidationProblem(AppError):
    status = 422
    code = "validation_error"
    title = "Dữ liệu không hợp lệ"

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

# Vietnamese messages for the pydantic error types a caller meets most often.
_PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": "Trường này là bắt buộc.",
    "string_too_short": "Giá trị quá ngắn.",
    "string_too_long": "Giá trị quá dài.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "bool_parsing": "Phải là true hoặc false.",
    "date_from_datetime_parsing": "Phải là ngày dạng YYYY-MM-DD.",
    "date_parsing": "Phải là ngày dạng YYYY-MM-DD.",
    "date_type": "Phải là ngày dạng YYYY-MM-DD.",
    "enum": "Giá trị không thuộc danh sách cho phép.",
    "literal_error": "Giá trị không thuộc danh sách cho phép.",
    "greater_than_equal": "Giá trị quá nhỏ.",
    "less_than_equal": "Giá trị quá lớn.",
    "greater_than": "Giá trị quá nhỏ.",
    "less_than": "Giá trị quá lớn.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách.",
    "string_type": "Phải là chuỗi ký tự.",
    "extra_forbidden": "Trường này không được phép.",
    "string_pattern_mismatch": "Giá trị không đúng định dạng.",
    "value_error": "Giá trị không hợp lệ.",
}


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


def _field_message(err: dict[str, Any]) -> str:
    if err.get("type") == "value_error":
        ctx = err.get("ctx") or {}
        if "error" in ctx:
            return str(ctx["error"])
    return _PYDANTIC_MESSAGES.get(
        str(err.get("type")), str(err.get("msg", "Giá trị không hợp lệ."))
    )


def _validation_errors(exc: RequestValidationError) -> list[FieldProblem]:
    return [
        FieldProblem(
            field=".".join(str(part) for part in err.get("loc", ())),
            message=_field_message(err),
            type=str(err.get("type", "value_error")),
        )
        for err in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    async def app_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return problem_response(
            exc.status, exc.code, exc.title, exc.detail, exc.errors, exc.headers
        )

    async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = _validation_errors(exc)
        fields = ", ".join(e.field for e in errors)
        return problem_response(
            422,
            "validation_error",
            "Dữ liệu không hợp lệ",
            f"Kiểm tra lại các trường: {fields}.",
            errors,
        )

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code, title = _HTTP_TITLES.get(exc.status_code, ("http_error", "Lỗi yêu cầu"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Đường dẫn không tồn tại."
        if exc.status_code == 405:
            detail = "Phương thức HTTP này không dùng được với đường dẫn này."
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(exc.status_code, code, title, detail, headers=headers)

    async def data_error(_request: Request, _exc: Exception) -> JSONResponse:
        # Last line of defence: typed params keep values in range, but a value the database
        # still refuses (out-of-range number, over-long text) is the caller's input, not a 500.
        return problem_response(
            422,
            "value_out_of_range",
            "Dữ liệu không hợp lệ",
            "Một giá trị vượt quá giới hạn mà hệ thống lưu trữ được.",
        )

    async def unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return problem_response(
            500, "internal_error", "Lỗi hệ thống", "Đã có lỗi không mong muốn; vui lòng thử lại."
        )

    app.add_exception_handler(AppError, app_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DataError, data_error)
    app.add_exception_handler(Exception, unexpected)


def responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the errors a route can raise."""
    out: dict[int | str, dict[str, Any]] = {}
    for err in errors:
        out[err.status] = {
            "model": Problem,
            "description": err.title,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return out
