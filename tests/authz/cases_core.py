"""Matrix cases for auth, units, agencies, users, audit and health routes."""

from app.users.models import Agency, AgencyKind, Role, User
from tests.authz.matrix import Case, Ctx, Prepared, everyone, statuses
from tests.conftest import DEMO_PASSWORD


def _unit(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"unit_id": ctx.owner_unit})


def _agency(ctx: Ctx) -> Agency:
    agency = Agency(
        unit_id=ctx.owner_unit,
        name="Phòng Nội vụ ma trận",
        name_folded="phong noi vu",
        kind=AgencyKind.department,
    )
    ctx.db.add(agency)
    ctx.db.flush()
    return agency


def _agency_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"agency_id": _agency(ctx).id})


def _agency_patch(ctx: Ctx) -> Prepared:
    agency = _agency(ctx)
    return Prepared(
        path_params={"agency_id": agency.id},
        json={"short_name": "NV"},
        headers={"If-Match": f'"agency-{agency.id}-v1"'},
    )


def _user(ctx: Ctx) -> User:
    user = ctx.user("same", "viewer")
    return user


def _user_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"user_id": _user(ctx).id})


def _user_patch(ctx: Ctx) -> Prepared:
    user = _user(ctx)
    return Prepared(
        path_params={"user_id": user.id},
        json={"full_name": "Nguyễn Văn Mới"},
        headers={"If-Match": f'"user-{user.id}-v1"'},
    )


def _new_agency(ctx: Ctx) -> Prepared:
    return Prepared(json={"unit_id": ctx.owner_unit, "name": "Phòng Tư pháp", "kind": "department"})


def _new_user(ctx: Ctx) -> Prepared:
    return Prepared(
        json={
            "username": "tienlu.new",
            "full_name": "Trần Thị Mới",
            "role": "officer",
            "password": "mat-khau-du-dai",
            "unit_id": ctx.owner_unit,
        }
    )


def _token(_ctx: Ctx) -> Prepared:
    return Prepared(
        data={"grant_type": "password", "username": "lexa.officer", "password": DEMO_PASSWORD}
    )


UNIT_READ = Case(role=Role.viewer, expect=everyone(200), setup=_unit)

CASES: dict[str, Case] = {
    "POST /api/v1/auth/token": Case(
        role=Role.viewer, expect=everyone(200), setup=_token, public=True
    ),
    "GET /api/v1/me": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/units": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/units/{unit_id}": UNIT_READ,
    "GET /api/v1/units/{unit_id}/children": UNIT_READ,
    "GET /api/v1/units/{unit_id}/ancestors": UNIT_READ,
    "GET /api/v1/units/{unit_id}/successors": UNIT_READ,
    "GET /api/v1/units/{unit_id}/predecessors": UNIT_READ,
    "GET /api/v1/agencies": Case(role=Role.viewer, expect=everyone(200)),
    # A child reads its ancestors' agencies (to see who leads a superior plan's task).
    "GET /api/v1/agencies/{agency_id}": Case(
        role=Role.viewer, expect=statuses(200, 200, 200, 404, 404), setup=_agency_params
    ),
    "POST /api/v1/agencies": Case(
        role=Role.admin, expect=statuses(201, 201, 403, 403, 403), setup=_new_agency
    ),
    "PATCH /api/v1/agencies/{agency_id}": Case(
        role=Role.admin, expect=statuses(200, 200, 403, 404, 404), setup=_agency_patch
    ),
    "GET /api/v1/users": Case(role=Role.admin, expect=everyone(200)),
    "POST /api/v1/users": Case(
        role=Role.admin, expect=statuses(201, 201, 403, 403, 403), setup=_new_user
    ),
    "GET /api/v1/users/{user_id}": Case(
        role=Role.admin, expect=statuses(200, 200, 404, 404, 404), setup=_user_params
    ),
    "PATCH /api/v1/users/{user_id}": Case(
        role=Role.admin, expect=statuses(200, 200, 404, 404, 404), setup=_user_patch
    ),
    "GET /api/v1/audit": Case(role=Role.admin, expect=everyone(200)),
    "GET /api/v1/healthz": Case(role=Role.viewer, expect=everyone(200), public=True),
    "GET /api/v1/readyz": Case(role=Role.viewer, expect=everyone(200), public=True),
}
