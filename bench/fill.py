"""The national data the benchmark reads: `cchc_bench`, filled once and reused.

A Postgres database of its own on the server of --url, with the official units, the demo data and
one issued plan of twenty tasks for every unit of both trees (14,165 plans, 283,300 tasks).
`ensure_filled` migrates an existing one to the code's head and fills it anew only when it is
missing, cannot be migrated, or lacks the plans.
"""

import os
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlmodel import Session, col

from app.core.text import fold

TASKS_PER_PLAN = 20
PASSWORD = "bench-demo-password"
RECURRENCES = ["weekly", "monthly", "quarterly", "annual", "continuous"]
CHANNELS = ["radio", "e_portal", "leaflet", "training", "conference"]


DATABASE = "cchc_bench"


def bench_url(server_url: str) -> str:
    """`cchc_bench` on the server of any database URL."""
    return server_url.rsplit("/", 1)[0] + "/" + DATABASE


def _exists(server_url: str) -> bool:
    admin = create_engine(server_url.rsplit("/", 1)[0] + "/postgres")
    with admin.connect() as conn:
        found = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": DATABASE}
        ).first()
    admin.dispose()
    return found is not None


def prepare_database(server_url: str) -> str:
    admin = create_engine(server_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DATABASE}"))
    admin.dispose()
    return bench_url(server_url)


def _counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        units, plans, tasks = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM admin_unit), (SELECT count(*) FROM plan), "
                "(SELECT count(*) FROM task)"
            )
        ).one()
    engine.dispose()
    return units, plans, tasks


def ensure_filled(server_url: str, refill: bool = False) -> tuple[str, int, int, bool]:
    """The bench database's URL, its plan and task counts, and whether it was filled now."""
    url = bench_url(server_url)
    os.environ["DATABASE_URL"] = url
    if not refill and _exists(server_url):
        from app.cli import main as cli

        try:
            migrated = cli(["migrate"]) == 0
            units, plans, tasks = _counts(url)
        except Exception as exc:  # e.g. alembic: filled by a branch with a revision this lacks
            print(f"{DATABASE} is not usable ({type(exc).__name__}: {exc}); filling it anew")
            migrated, units, plans, tasks = False, 0, 0, 0
        if migrated and units and plans >= units and tasks >= units * TASKS_PER_PLAN:
            return url, plans, tasks, False
    plans, tasks = fill(prepare_database(server_url))
    return url, plans, tasks, True


def fill(url: str) -> tuple[int, int]:
    os.environ["DATABASE_URL"] = url
    os.environ["CCHC_DEMO_PASSWORD"] = PASSWORD
    from app.cli import main as cli

    cli(["migrate"])
    cli(["load-units"])
    cli(["load-demo"])
    from app.core.db import get_engine
    from app.plans.plans.models import Plan
    from app.plans.tasks.models import Task
    from app.units.models import AdminUnit

    engine = get_engine()
    now = datetime.now(UTC)
    with Session(engine) as session:
        units = session.execute(select(col(AdminUnit.id), col(AdminUnit.name))).all()
        first_number = 1000
        plan_rows: list[dict[str, Any]] = []
        for n, (unit_id, name) in enumerate(units):
            title = f"Kế hoạch tuyên truyền cải cách hành chính năm 2024 của {name}"
            plan_rows.append(
                {
                    "unit_id": unit_id,
                    "number": first_number + n,
                    "symbol": "KH-UBND",
                    "number_year": 2024,
                    "title": title,
                    "title_folded": fold(title),
                    "place": name,
                    "issued_on": date(2024, 1, 15),
                    "effective_on": date(2024, 1, 15),
                    "period_start": date(2024, 1, 1),
                    "period_end": date(2024, 12, 31),
                    "signer_name": "Nguyễn Văn A",
                    "signer_title": "Chủ tịch",
                    "signing_mode": "TM.",
                    "status": "issued",
                    "visibility": "public" if n % 2 else "internal",
                    "legal_bases": [
                        {
                            "reference": "76/NQ-CP",
                            "issued_on": "2021-07-15",
                            "issuer": "Chính phủ",
                            "title": None,
                        }
                    ],
                    "purposes": ["Nâng cao nhận thức về cải cách hành chính."],
                    "requirements": ["Thực hiện thường xuyên, kịp thời."],
                    "budget": {
                        "sources": ["Ngân sách xã"],
                        "estimate_vnd": 20_000_000,
                        "note": None,
                    },
                    "recipients": ["Lưu: VT."],
                    "task_count": TASKS_PER_PLAN,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        for chunk in range(0, len(plan_rows), 2000):
            session.execute(insert(Plan), plan_rows[chunk : chunk + 2000])
        session.commit()
        added = select(col(Plan.id)).where(col(Plan.number) >= first_number)
        plan_ids = [row[0] for row in session.execute(added)]
        task_rows = [
            {
                "plan_id": plan_id,
                "position": t,
                "ordinal": str(t + 1),
                "title": f"Nhiệm vụ tuyên truyền số {t + 1}",
                "content": "Đưa tin, bài về cải cách hành chính trên các kênh của đơn vị.",
                "lead_all_children": False,
                "lead_text": "Công chức Văn phòng - Thống kê",
                "coordinator_agency_ids": [],
                "recurrence": RECURRENCES[t % 5],
                "start_on": date(2024, 1, 1),
                "end_on": date(2024, 12, 31),
                "channel_types": [CHANNELS[t % 5]],
                "topics": ["reform.procedures"],
                "targets": [],
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for plan_id in plan_ids
            for t in range(TASKS_PER_PLAN)
        ]
        for chunk in range(0, len(task_rows), 10000):
            session.execute(insert(Task), task_rows[chunk : chunk + 10000])
        session.commit()
        session.execute(text("ANALYZE"))
        total_plans = session.execute(select(func.count()).select_from(Plan)).scalar_one()
        total_tasks = session.execute(select(func.count()).select_from(Task)).scalar_one()
    return total_plans, total_tasks
