"""Benchmark of reporting at national scale: consolidation and compliance of a province.

Fills a Postgres database of its own (`cchc_bench_reports` on the server of --url) with the
official units, the reference data and, on today's tree (34 provinces, 3,321 communes), one
quarterly schedule per province for its communes and **eight quarterly reports (2024-Q1 to
2025-Q4) of twenty indicators for every commune**, in every state — 26,568 reports. Then it
measures, in process through the ASGI app (no network), `GET /units/{id}/consolidation` and
`GET /units/{id}/compliance` of the province with the most communes for 2025-Q4, as its leader:
p50/p95 over --requests calls each. The issue's target: p95 under 150 ms.

    .venv/bin/python -m bench.reports --url postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, insert, text
from sqlmodel import Session, col, select

from app.core.db import make_engine
from app.core.security import create_access_token, hash_password
from app.core.settings import ROOT
from app.main import create_app
from app.reference.data import INDICATORS
from app.reference.loader import load_reference_data
from app.reports.models import Report, ReporterKind, ReportingSchedule, ReportStatus
from app.reports.periods import Deadline, DeadlineRule, Frequency, PeriodRule, make_period
from app.units.loader import load_units
from app.units.models import AdminUnit, UnitLevel
from app.users.models import Role, User

DBNAME = "cchc_bench_reports"
DEADLINE = Deadline(DeadlineRule.days_after, days=5)
QUARTERS = [(2024, q) for q in range(1, 5)] + [(2025, q) for q in range(1, 5)]
CODES = [i.code for i in INDICATORS if i.aggregation != "ratio"][:20]
STATES = (
    ReportStatus.accepted,
    ReportStatus.accepted,
    ReportStatus.submitted,
    ReportStatus.returned,
)
PERIOD = "2025-Q4"


def _database(url: str) -> str:
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DBNAME}"))
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + DBNAME


def _reports(
    schedule: ReportingSchedule, communes: list[int], now: datetime
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n, commune in enumerate(communes):
        for year, quarter in QUARTERS:
            period = make_period(Frequency.quarterly, PeriodRule.decree09, DEADLINE, year, quarter)
            status = STATES[(n + quarter) % len(STATES)]
            if n % 17 == 0 and (year, quarter) == (2025, 4):
                continue  # a missing commune now and then
            late = (n + year) % 5 == 0
            rows.append(
                {
                    "schedule_id": schedule.id,
                    "period_key": period.key,
                    "period_start": period.start,
                    "period_end": period.end,
                    "deadline": period.deadline,
                    "unit_id": commune,
                    "agency_id": None,
                    "receiver_unit_id": schedule.receiver_unit_id,
                    "status": status,
                    "values": {c: (n * 7 + i * 3 + quarter) % 50 for i, c in enumerate(CODES)},
                    "task_progress": [],
                    "submitted_at": now,
                    "days_late": 3 if late else 0,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    return rows


def fill(url: str) -> tuple[Any, int, int]:
    """The filled engine, the measured province's id and its leader's user id."""
    engine = make_engine(_database(url))
    config = Config(str(ROOT / "alembic.ini"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    now = datetime.now(UTC) - timedelta(days=1)
    with Session(engine) as session:
        load_units(session)
        load_reference_data(session)
        provinces = session.exec(
            select(AdminUnit).where(
                AdminUnit.level == UnitLevel.province, col(AdminUnit.path).startswith("new/")
            )
        ).all()
        total = 0
        for province in provinces:
            assert province.id is not None
            schedule = ReportingSchedule(
                unit_id=province.id,
                title="Báo cáo quý",
                reporter_kind=ReporterKind.child_units,
                receiver_unit_id=province.id,
                frequency=Frequency.quarterly,
                period_rule=PeriodRule.decree09,
                deadline_rule=DeadlineRule.days_after,
                deadline_days=5,
            )
            session.add(schedule)
            session.flush()
            communes = list(
                session.exec(select(AdminUnit.id).where(AdminUnit.parent_id == province.id))
            )
            rows = _reports(schedule, [c for c in communes if c is not None], now)
            session.execute(insert(Report), rows)
            total += len(rows)
        biggest = session.exec(
            select(AdminUnit.parent_id, func.count())
            .where(col(AdminUnit.path).startswith("new/"), AdminUnit.level == UnitLevel.commune)
            .group_by(col(AdminUnit.parent_id))
            .order_by(func.count().desc())
        ).first()
        assert biggest is not None and biggest[0] is not None
        leader = User(
            username="bench.leader",
            full_name="Lãnh đạo tỉnh",
            role=Role.leader,
            unit_id=biggest[0],
            password_hash=hash_password("bench-password"),
        )
        session.add(leader)
        session.commit()
        assert leader.id is not None
        print(f"filled {total} reports for {len(provinces)} provinces")
        session.execute(text("ANALYZE"))
        session.commit()
        return engine, biggest[0], leader.id


def measure(
    client: TestClient, path: str, params: dict[str, str], headers: dict[str, str], n: int
) -> tuple[float, float]:
    for _ in range(3):
        assert client.get(path, params=params, headers=headers).status_code == 200
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(path, params=params, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    times.sort()
    return statistics.median(times), times[int(0.95 * (n - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a Postgres URL on the server to use")
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    engine, province, user_id = fill(args.url)
    token, _ = create_access_token(user_id, {"role": "leader", "unit_id": province})
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(engine)) as client:
        for route in ("consolidation", "compliance"):
            path = f"/api/v1/units/{province}/{route}"
            p50, p95 = measure(client, path, {"period": PERIOD}, headers, args.requests)
            print(f"{route:14} province {province} {PERIOD}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        body = client.get(
            f"/api/v1/units/{province}/compliance", params={"period": PERIOD}, headers=headers
        ).json()
        print(f"expected reporters: {body['expected']}, missing: {body['missing']}")
    engine.dispose()


if __name__ == "__main__":
    main()
