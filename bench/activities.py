"""Benchmark of activities at national scale: a batch of 5,000 and a province's yearly summary.

Fills a Postgres database of its own (`cchc_bench_channels` on the server of --url) with the
official units, the demo data and, for **every unit of the pre-2025 tree** (63 provinces, 696
districts, 10,051 communes), a radio and an e-portal channel and 200 activities in 2024 with
their quantities and topics — 2.16 million activities — written with COPY. Then it serves the API
on loopback and measures:

1. `POST /activities:batch` of 5,000 rows as a commune officer (half citing an assignment): wall
   time of five batches, each under a new Idempotency-Key, the median reported; then a replay
   (same key, same body). Beside it, the bare driver: the same rows inserted with psycopg in one
   transaction (activities RETURNING id, then quantities and topics), no checks.
2. `GET /activities/summary` of a province's subtree for 2024 (Hà Nội before 2025: 610 units,
   122,000 activities; Hưng Yên: 172 units), at 1 and 32 connections with `wrk` (or httpx when
   wrk is missing). Beside it, the bare driver: the summary's four SQL statements run with
   psycopg in a loop on one connection.

    .venv/bin/python -m bench.activities --url postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import create_engine, text

DBNAME = "cchc_bench_channels"
PASSWORD = "bench-demo-password"
PER_UNIT = 200
YEAR = 2024
BATCH = 5000
TOPICS = [
    "reform.procedures",
    "reform.digital_government",
    "reform.civil_service",
    "index.par",
    "index.papi",
    "legal_dissemination",
]


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def prepare_database(server_url: str) -> str:
    base = server_url.rsplit("/", 1)[0]
    admin = create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DBNAME}"))
    admin.dispose()
    return f"{base}/{DBNAME}"


def _copy(cur: psycopg.Cursor[Any], table: str, columns: str, rows: Any) -> None:
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def fill(url: str) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ["CCHC_DEMO_PASSWORD"] = PASSWORD
    from app.cli import main as cli

    cli(["migrate"])
    cli(["load-units"])
    cli(["load-demo"])
    now = datetime.now(UTC)
    with psycopg.connect(_libpq(url)) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM admin_unit WHERE path LIKE 'old/%' ORDER BY path")
        units = [row[0] for row in cur.fetchall()]
        cur.execute("SELECT code, id FROM topic")
        topic_ids: dict[str, int] = dict(cur.fetchall())
        cur.execute("SELECT coalesce(max(id), 0) FROM channel")
        first_channel = cur.fetchone()[0] + 1  # type: ignore[index]
        cur.execute("SELECT coalesce(max(id), 0) FROM activity")
        first_activity = cur.fetchone()[0] + 1  # type: ignore[index]
        channels = []
        for n, unit in enumerate(units):
            for k, (kind, name) in enumerate(
                (("radio", "Đài truyền thanh"), ("e_portal", "Cổng TTĐT"))
            ):
                channels.append(
                    (
                        first_channel + 2 * n + k,
                        unit,
                        kind,
                        f"{name} {unit}",
                        f"bench {unit}",
                        '["vie"]',
                        True,
                        1,
                        now,
                        now,
                    )
                )
        _copy(
            cur,
            "channel",
            "id, unit_id, channel_type, name, name_folded, languages, is_active, version, "
            "created_at, updated_at",
            channels,
        )
        step = 366 / PER_UNIT

        def activities() -> Any:
            for n, unit in enumerate(units):
                for i in range(PER_UNIT):
                    radio = i % 3 != 2
                    day = date(YEAR, 1, 1) + timedelta(days=int(i * step))
                    yield (
                        first_activity + n * PER_UNIT + i,
                        unit,
                        first_channel + 2 * n + (0 if radio else 1),
                        "radio" if radio else "e_portal",
                        day,
                        "Tin cải cách hành chính",
                        "tin cai cach hanh chinh",
                        100_000 if i % 10 == 0 else None,
                        "vie",
                        not radio,
                        1,
                        now,
                        now,
                    )

        _copy(
            cur,
            "activity",
            "id, unit_id, channel_id, channel_type, occurred_on, title, title_folded, "
            "cost_vnd, language, public, version, created_at, updated_at",
            activities(),
        )

        def quantities() -> Any:
            for n in range(len(units)):
                for i in range(PER_UNIT):
                    activity = first_activity + n * PER_UNIT + i
                    if i % 3 != 2:
                        yield (activity, "broadcasts", 1)
                        yield (activity, "minutes", 5 + i % 11)
                    else:
                        yield (activity, "articles", 1 + i % 3)

        _copy(cur, "activity_quantity", "activity_id, indicator_code, value", quantities())
        rows = (
            (first_activity + k, topic_ids[TOPICS[k % len(TOPICS)]])
            for k in range(len(units) * PER_UNIT)
        )
        _copy(cur, "activity_topic", "activity_id, topic_id", rows)
        cur.execute("SELECT setval('channel_id_seq', (SELECT max(id) FROM channel))")
        cur.execute("SELECT setval('activity_id_seq', (SELECT max(id) FROM activity))")
        conn.commit()
        cur.execute("ANALYZE")
        cur.execute("SELECT count(*) FROM activity")
        total: int = cur.fetchone()[0]  # type: ignore[index]
    return total


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
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
            "1",
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
    )
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/readyz").status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the API did not start")


def token(base: str, username: str) -> str:
    response = httpx.post(
        f"{base}/api/v1/auth/token",
        data={"grant_type": "password", "username": username, "password": PASSWORD},
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def batch_rows(url: str, n: int, offset: int) -> list[dict[str, Any]]:
    with psycopg.connect(_libpq(url)) as conn:
        channel = conn.execute(
            "SELECT id FROM channel WHERE name = 'Đài truyền thanh xã Lệ Xá'"
        ).fetchone()[0]  # type: ignore[index]
        assignment = conn.execute(
            "SELECT a.id FROM assignment a JOIN agency g ON g.id = a.assignee_agency_id "
            "JOIN admin_unit u ON u.id = g.unit_id "
            "WHERE u.code = '12352' AND g.name = 'Công chức Văn phòng - Thống kê' "
            "AND a.role = 'lead' ORDER BY a.id LIMIT 1"
        ).fetchone()[0]  # type: ignore[index]
    return [
        {
            "channel_id": channel,
            "occurred_on": (date(YEAR, 1, 1) + timedelta(days=(offset + i) % 366)).isoformat(),
            "title": f"Tin về thủ tục hành chính trên sóng truyền thanh xã, số {offset + i}",
            "quantities": {"broadcasts": 1, "minutes": 5},
            "topics": ["reform.procedures"],
            **({"assignment_id": assignment} if i % 2 else {}),
        }
        for i in range(n)
    ]


def bench_batch(base: str, url: str, runs: int) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {token(base, 'lexa.officer')}"}
    first: list[float] = []
    replay: list[float] = []
    created: list[int] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for run in range(runs):
            rows = batch_rows(url, BATCH, run * BATCH)
            keyed = {**headers, "Idempotency-Key": str(uuid.uuid4())}
            started = time.perf_counter()
            response = client.post("/api/v1/activities:batch", json=rows, headers=keyed)
            first.append(time.perf_counter() - started)
            assert response.status_code == 201, response.text[:500]
            created += response.json()["ids"]
            started = time.perf_counter()
            again = client.post("/api/v1/activities:batch", json=rows, headers=keyed)
            replay.append(time.perf_counter() - started)
            assert again.headers.get("Idempotent-Replayed") == "true"
    with psycopg.connect(_libpq(url)) as conn:  # the fill's data stays as it was
        conn.execute("DELETE FROM activity WHERE id = ANY(%s)", (created,))
    bare = [bare_batch(url, batch_rows(url, BATCH, 10**6 + run * BATCH)) for run in range(runs)]
    return {
        "api_s": statistics.median(first),
        "replay_s": statistics.median(replay),
        "bare_s": statistics.median(bare),
    }


def bare_batch(url: str, rows: list[dict[str, Any]]) -> float:
    """The same rows with psycopg in one transaction: no checks, no audit, no framework."""
    with psycopg.connect(_libpq(url)) as conn:
        unit = conn.execute("SELECT unit_id FROM channel WHERE id = %s", (rows[0]["channel_id"],))
        unit_id = unit.fetchone()[0]  # type: ignore[index]
        topic = conn.execute("SELECT id FROM topic WHERE code = 'reform.procedures'").fetchone()[0]  # type: ignore[index]
        now = datetime.now(UTC)
        started = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO activity (unit_id, channel_id, channel_type, occurred_on, "
                "assignment_id, title, title_folded, language, public, version, created_at, "
                "updated_at) VALUES (%s, %s, 'radio', %s, %s, %s, %s, 'vie', false, 1, %s, %s) "
                "RETURNING id",
                [
                    (
                        unit_id,
                        r["channel_id"],
                        r["occurred_on"],
                        r.get("assignment_id"),
                        r["title"],
                        r["title"].lower(),
                        now,
                        now,
                    )
                    for r in rows
                ],
                returning=True,
            )
            ids = []
            while True:
                ids.append(cur.fetchone()[0])  # type: ignore[index]
                if not cur.nextset():
                    break
            cur.executemany(
                "INSERT INTO activity_quantity (activity_id, indicator_code, value) "
                "VALUES (%s, %s, %s)",
                [
                    (i, code, v)
                    for i, r in zip(ids, rows, strict=True)
                    for code, v in r["quantities"].items()
                ],
            )
            cur.executemany(
                "INSERT INTO activity_topic (activity_id, topic_id) VALUES (%s, %s)",
                [(i, topic) for i in ids],
            )
        conn.commit()
        elapsed = time.perf_counter() - started
        # Leave the national data as filled, so the summary measures the same rows every run.
        conn.execute("DELETE FROM activity WHERE id = ANY(%s)", (ids,))
        conn.commit()
        return elapsed


SUMMARY_SQL = [
    "SELECT count(a.id), coalesce(sum(a.cost_vnd), 0)::bigint FROM activity a WHERE {w}",
    "SELECT q.indicator_code, sum(q.value)::bigint FROM activity a JOIN activity_quantity q "
    "ON q.activity_id = a.id WHERE {w} GROUP BY q.indicator_code",
    "SELECT a.channel_type, t.code, to_char(a.occurred_on, 'YYYY-MM'), count(a.id), "
    "coalesce(sum(a.cost_vnd), 0)::bigint FROM activity a "
    "LEFT JOIN activity_topic at ON at.activity_id = a.id LEFT JOIN topic t ON t.id = at.topic_id "
    "WHERE {w} GROUP BY 1, 2, 3",
    "SELECT a.channel_type, t.code, to_char(a.occurred_on, 'YYYY-MM'), q.indicator_code, "
    "sum(q.value)::bigint FROM activity a JOIN activity_quantity q ON q.activity_id = a.id "
    "LEFT JOIN activity_topic at ON at.activity_id = a.id LEFT JOIN topic t ON t.id = at.topic_id "
    "WHERE {w} GROUP BY 1, 2, 3, 4",
]
WHERE = (
    "a.occurred_on >= %(start)s AND a.occurred_on <= %(end)s AND a.unit_id IN "
    "(SELECT id FROM admin_unit WHERE path LIKE %(prefix)s)"
)


def bare_summary(url: str, prefix: str, seconds: float) -> dict[str, float]:
    """The summary's four statements with psycopg on one connection, one request after another."""
    params = {"start": date(YEAR, 1, 1), "end": date(YEAR, 12, 31), "prefix": prefix + "%"}
    latencies = []
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            for sql in SUMMARY_SQL:
                conn.execute(sql.format(w=WHERE), params).fetchall()
            latencies.append(time.perf_counter() - started)
    latencies.sort()
    return {
        "rps": len(latencies) / sum(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


WRK_DONE = """
wrk.headers["Authorization"] = "Bearer %s"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %%d, "duration_us": %%d, "errors": %%d, '
    .. '"p50_us": %%d, "p99_us": %%d}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def load(url: str, bearer: str, clients: int, seconds: int) -> dict[str, float]:
    """Requests per second, p50 and p99 over `seconds` at `clients` keep-alive connections."""
    if shutil.which("wrk") is None:
        return python_load(url, bearer, clients, seconds)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bench.lua"
        script.write_text(WRK_DONE % bearer)
        done = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{clients}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(x for x in done.stdout.splitlines() if x.startswith("BENCH "))
    data = json.loads(line.removeprefix("BENCH "))
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50_ms": data["p50_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "errors": data["errors"],
    }


def python_load(url: str, bearer: str, clients: int, seconds: int) -> dict[str, float]:
    import asyncio

    async def run() -> dict[str, float]:
        latencies: list[float] = []
        errors = 0
        async with httpx.AsyncClient(timeout=30) as client:
            deadline = time.perf_counter() + seconds

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < deadline:
                    started = time.perf_counter()
                    response = await client.get(url, headers={"Authorization": f"Bearer {bearer}"})
                    latencies.append(time.perf_counter() - started)
                    errors += response.status_code != 200

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(clients)))
            elapsed = time.perf_counter() - started
        latencies.sort()
        return {
            "rps": len(latencies) / elapsed,
            "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
            "errors": errors,
        }

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="any database URL on the Postgres server")
    parser.add_argument("--port", type=int, default=8170)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-fill", action="store_true")
    args = parser.parse_args()

    url = args.url.rsplit("/", 1)[0] + f"/{DBNAME}"
    if not args.skip_fill:
        started = time.perf_counter()
        total = fill(prepare_database(args.url))
        print(f"filled {total:,} activities in {time.perf_counter() - started:.0f}s", flush=True)
    base = f"http://127.0.0.1:{args.port}"
    proc = serve(url, args.port)
    try:
        batch = bench_batch(base, url, args.runs)
        print(
            f"| `POST /activities:batch` ({BATCH:,} rows) | {batch['api_s']:.2f} s | "
            f"replay {batch['replay_s']:.3f} s | bare driver {batch['bare_s']:.2f} s |",
            flush=True,
        )
        with psycopg.connect(_libpq(url)) as conn:
            provinces = conn.execute(
                "SELECT code, id, path FROM admin_unit WHERE level = 'province' AND path LIKE "
                "'old/%' AND code IN ('01', '33') ORDER BY code DESC"
            ).fetchall()
        print("| summary | clients | API req/s | p50 ms | p99 ms | bare req/s | bare p50 ms |")
        print("|---|---|---|---|---|---|---|")
        for code, unit_id, path in provinces:
            user = "hanoi.leader" if code == "01" else "admin"
            bearer = token(base, user)
            target = (
                f"{base}/api/v1/activities/summary?unit_id={unit_id}"
                f"&date_from={YEAR}-01-01&date_to={YEAR}-12-31"
            )
            assert (
                httpx.get(
                    target, headers={"Authorization": f"Bearer {bearer}"}, timeout=120
                ).status_code
                == 200
            )
            bare = bare_summary(url, path, args.seconds)
            # Hà Nội's year takes seconds of database time per request: 32 at once on this
            # machine finish none within wrk's timeout and leave the server busy for minutes.
            for clients in (1,) if code == "01" else (1, 32):
                r = load(target, bearer, clients, args.seconds)
                print(
                    f"| province {code} | {clients} | {r['rps']:.1f} | {r['p50_ms']:.1f} | "
                    f"{r['p99_ms']:.1f} | {bare['rps']:.1f} | {bare['p50_ms']:.1f} |",
                    flush=True,
                )
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
