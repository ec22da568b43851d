"""The reporting tests' stage: huyện Tiên Lữ's quarterly schedule for three of its communes."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlmodel import Session

from app.reports.models import Report, ReportEvent, ReportingSchedule
from tests.helpers import unit_id
from tests.reports.factories import LEXA, communes_of, new_schedule, tienlu_id

Auth = Callable[[str], dict[str, str]]


@pytest.fixture(autouse=True)
def _without_demo_reporting(request: pytest.FixtureRequest) -> None:
    """Each test builds the schedules it counts: the demo's schedules and reports
    (tests/reports/test_demo.py checks them) are removed inside the test's transaction, so a
    consolidation or a list holds exactly the test's own."""
    if request.module.__name__.endswith("test_demo") or "db" not in request.fixturenames:
        return
    db: Session = request.getfixturevalue("db")
    for table in (ReportEvent, Report, ReportingSchedule):
        db.execute(delete(table))
    db.flush()


@pytest.fixture
def loop(client: TestClient, auth: Auth, db: Session) -> dict[str, Any]:
    """Tiên Lữ's quarterly schedule for Lệ Xá and two more of its communes."""
    lexa = unit_id(db, "commune", LEXA)
    others = [c for c in communes_of(db, tienlu_id(db), 3) if c != lexa][:2]
    schedule = new_schedule(
        client,
        auth("tienlu.officer"),
        reporter_kind="named_units",
        reporter_unit_ids=[lexa, *others],
    )
    return {"schedule": schedule, "lexa": lexa, "others": others}
