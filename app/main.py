"""create_app(): routers, middleware and exception handlers — nothing else."""

import gc

from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import Engine

from app.audit.router import router as audit_router
from app.channels.activity_router import router as activities_router
from app.channels.router import router as channels_router
from app.core.db import install_database_error_handlers, serving_reads
from app.core.docs import install_docs
from app.core.errors import install_error_handlers
from app.core.limits import BodyLimitMiddleware
from app.core.observability import RequestLogMiddleware
from app.core.settings import get_settings
from app.health.router import router as health_router
from app.plans.assignments.router import router as assignments_router
from app.plans.plans.router import router as plans_router
from app.plans.tasks.router import router as tasks_router
from app.reference.router import router as reference_router
from app.reports.report_router import router as reports_router
from app.reports.router import router as reporting_router
from app.units.router import router as units_router
from app.users.router import agencies_router, auth_router, users_router

API_PREFIX = "/api/v1"

DESCRIPTION = """
Dịch vụ API thống nhất cho công tác thông tin, tuyên truyền cải cách hành chính (CCHC):
đơn vị hành chính, cơ quan, người dùng, kế hoạch, nhiệm vụ, phân công, kênh và hoạt động
tuyên truyền.

* Xác thực: `POST /api/v1/auth/token` (OAuth2 `password` cho người dùng, `client_credentials`
  cho tài khoản dịch vụ), rồi gửi `Authorization: Bearer <access_token>`. Nút **Authorize** dùng
  được ngay với tài khoản demo.
* Lỗi: `application/problem+json` (RFC 9457) với `code` ổn định và `title`/`detail` tiếng Việt.
* Danh sách: `limit` (≤ 200) và `cursor` lấy từ `next_cursor`.
* Sửa/xóa: gửi `If-Match` với `ETag` của lần đọc gần nhất (412 khi đã có người sửa).
* Giới hạn: nội dung yêu cầu tối đa 1 MB theo mặc định (413); độ dài tối đa của mỗi chuỗi, danh
  sách ghi trong lược đồ; không chuỗi nào được chứa ký tự NUL; thời điểm không ghi múi giờ là giờ
  Việt Nam.
* Gửi lại an toàn: `POST /activities:batch` nhận `Idempotency-Key`; gửi lại cùng khóa, cùng nội
  dung trong 24 giờ thì nhận lại câu trả lời lần đầu mà không ghi thêm.
"""


def _operation_id(route: APIRoute) -> str:
    return route.name


def create_app(engine: Engine | None = None) -> FastAPI:
    """The application; `engine` overrides the configured database (tests, benchmarks)."""
    settings = get_settings()
    settings.check_safe_to_serve()
    app = FastAPI(
        title="cchc-api",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=_operation_id,
        swagger_ui_parameters={"persistAuthorization": True},
        docs_url=None,  # served by install_docs, from local files
        redoc_url=None,
        lifespan=serving_reads,
    )
    app.state.engine = engine
    install_docs(app)
    install_error_handlers(app)
    install_database_error_handlers(app)
    app.add_middleware(
        BodyLimitMiddleware,
        max_body_bytes=settings.max_body_bytes,
        per_path={f"{API_PREFIX}/activities:batch": settings.max_batch_body_bytes},
    )
    app.add_middleware(RequestLogMiddleware)
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
        channels_router,
        activities_router,
        reporting_router,
        reports_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    return app


app = create_app()
# Everything made at import — SQLAlchemy's metadata, the routes, pydantic's validators — lives as
# long as the process: out of the garbage collector's reach, a full collection no longer scans
# some 190,000 objects in the middle of a request (at 32 clients: p99 212 → 84 ms, +20% req/s).
gc.freeze()
