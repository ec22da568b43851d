"""create_app(): routers, middleware and exception handlers — nothing else."""

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.audit.router import router as audit_router
from app.core.errors import install_error_handlers
from app.core.settings import get_settings
from app.health.router import router as health_router
from app.plans.router import router as plans_router
from app.plans.work_router import assignments_router, tasks_router
from app.reference.router import router as reference_router
from app.units.router import router as units_router
from app.users.router import agencies_router, auth_router, users_router

API_PREFIX = "/api/v1"

DESCRIPTION = """
Dịch vụ API thống nhất cho công tác thông tin, tuyên truyền cải cách hành chính (CCHC):
đơn vị hành chính, cơ quan, người dùng, kế hoạch, nhiệm vụ và phân công.

* Xác thực: `POST /api/v1/auth/token` (OAuth2 `password` cho người dùng, `client_credentials`
  cho tài khoản dịch vụ), rồi gửi `Authorization: Bearer <access_token>`. Nút **Authorize** dùng
  được ngay với tài khoản demo.
* Lỗi: `application/problem+json` (RFC 9457) với `code` ổn định và `title`/`detail` tiếng Việt.
* Danh sách: `limit` (≤ 200) và `cursor` lấy từ `next_cursor`.
* Sửa/xóa: gửi `If-Match` với `ETag` của lần đọc gần nhất (412 khi đã có người sửa).
"""


def _operation_id(route: APIRoute) -> str:
    return route.name


def create_app() -> FastAPI:
    get_settings().check_safe_to_serve()
    app = FastAPI(
        title="cchc-api",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=_operation_id,
        swagger_ui_parameters={"persistAuthorization": True},
    )
    install_error_handlers(app)
    for router in (
        auth_router,
        units_router,
        agencies_router,
        users_router,
        audit_router,
        health_router,
        reference_router,
        plans_router,
        tasks_router,
        assignments_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    return app


app = create_app()
