"""Matrix cases for reporting: periods, schedules, reports, consolidation and compliance of huyện
Tiên Lữ (see matrix.py)."""

from app.users.models import Role
from tests.authz.matrix import Case, Prepared, everyone


def _periods(_ctx: object) -> Prepared:
    return Prepared(params={"frequency": "quarterly", "year": 2024, "deadline_days": 5})


CASES: dict[str, Case] = {
    "GET /api/v1/report-periods": Case(role=Role.viewer, expect=everyone(200), setup=_periods),
}
