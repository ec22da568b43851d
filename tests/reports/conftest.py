"""The reporting tests' stage: huyện Tiên Lữ's quarterly schedule for three of its communes."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.helpers import unit_id
from tests.reports.factories import LEXA, communes_of, new_schedule, tienlu_id

Auth = Callable[[str], dict[str, str]]


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
