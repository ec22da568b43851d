"""National-scale benchmark of GET /plans (list and detail).

Fills a Postgres database of its own (`cchc_bench` on the server of --url) with the official units,
the demo data and one issued plan of twenty tasks for every unit of both trees (14,165 plans,
283,300 tasks), starts the API with uvicorn on it, and measures p50 / p99 / requests per second
at 1 and 32 concurrent clients with an asyncio httpx load generator on loopback.

    make bench                       # or: .venv/bin/python -m bench.plans --url postgresql+psycopg://…
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from typing import Any

import httpx
from sqlalchemy import create_engine, func, insert, select, text
from sqlmodel import Session

from app.core.text import fold

TASKS_PER_PLAN = 20
PASSWORD = "bench-demo-password"
RECURRENCES = ["weekly", "monthly", "quarterly", "annual", "continuous"]
CHANNELS = ["radio", "e_portal", "leaflet", "training", "conference"]


def prepare_database(server_url: str) -> str:
    base = server_url.rsplit("/", 1)[0]
    admin = create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS cchc_bench WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE cchc_bench"))
    admin.dispose()
    return base + "/cchc_bench"


def fill(url: str) -> tuple[int, int]:
    os.environ["DATABASE_URL"] = url
    os.environ["CCHC_DEMO_PASSWORD"] = PASSWORD
    from app.cli import main as cli

    cli(["migrate"])
    cli(["load-units"])
    cli(["load-demo"])
    from app.core.db import get_engine
    from app.plans.models import Plan, Task
    from app.units.models import AdminUnit

    engine = get_engine()
    now = datetime.now(UTC)
    with Session(engine) as session:
        units = session.execute(select(AdminUnit.id, AdminUnit.name)).all()
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
        plan_ids = [
            row[0] for row in session.execute(select(Plan.id).where(Plan.number >= first_number))
        ]  # type: ignore[operator]
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


async def _token(client: httpx.AsyncClient, username: str) -> str:
    response = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": username, "password": PASSWORD},
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


async def measure(
    base: str, paths: list[str], username: str, clients: int, requests: int
) -> dict[str, float]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        headers = {"Authorization": f"Bearer {await _token(client, username)}"}
        for path in paths[:20]:  # warm up
            await client.get(path, headers=headers)
        latencies: list[float] = []
        errors = 0
        queue = iter(range(requests))

        async def worker() -> None:
            nonlocal errors
            for i in queue:
                path = paths[i % len(paths)]
                started = time.perf_counter()
                response = await client.get(path, headers=headers)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "rps": len(latencies) / elapsed,
        "errors": errors,
    }


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "CCHC_ENV": "dev"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
    )
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/readyz").status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the API did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="any database URL on the Postgres server")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--skip-fill", action="store_true")
    args = parser.parse_args()

    bench_url = args.url.rsplit("/", 1)[0] + "/cchc_bench"
    if not args.skip_fill:
        started = time.perf_counter()
        plans, tasks = fill(prepare_database(args.url))
        print(f"filled {plans} plans, {tasks} tasks in {time.perf_counter() - started:.0f}s")
    engine = create_engine(bench_url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM plan ORDER BY random() LIMIT 500"))]
    engine.dispose()
    random.seed(1)
    scenarios = [
        ("GET /plans?limit=50 (national admin)", ["/api/v1/plans?limit=50"], "admin"),
        ("GET /plans?limit=50 (commune officer)", ["/api/v1/plans?limit=50"], "lexa.officer"),
        ("GET /plans/{id} (national admin)", [f"/api/v1/plans/{i}" for i in ids], "admin"),
    ]
    proc = serve(bench_url, args.port, args.workers)
    try:
        print("| request | clients | p50 ms | p99 ms | req/s | errors |")
        print("|---|---|---|---|---|---|")
        for label, paths, user in scenarios:
            for clients in (1, 32):
                count = args.requests // 4 if clients == 1 else args.requests
                r = asyncio.run(
                    measure(f"http://127.0.0.1:{args.port}", paths, user, clients, count)
                )
                print(
                    f"| {label} | {clients} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                    f"{r['rps']:.0f} | {r['errors']:.0f} |",
                    flush=True,
                )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
