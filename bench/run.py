"""`make bench`: the API's read path beside the bare endpoint (bench.bare), in one run.

Fills `cchc_bench` if needed (bench.fill), serves the API and the bare app with uvicorn on
loopback (one worker each, then one worker per core for the list), checks both answer the same
body, then loads each request with `wrk` (or the Python client when wrk is missing) at 1 and 32
clients, in interleaved rounds (API, bare, bare, API, …), and prints one table of medians: the
API's requests per second as a ratio to the bare app's, latencies, and the issue-9 targets.

    .venv/bin/python -m bench.run --url postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlalchemy import create_engine, text

from bench.fill import PASSWORD, ensure_filled
from bench.load import Result, run_python, run_wrk, wrk_path

API = "/api/v1"


@dataclass(frozen=True)
class Scenario:
    label: str
    user: str
    paths: list[str]
    min_ratio: float | None = None  # the API's req/s at least this share of the bare app's
    min_rps_at_1: float | None = None  # the API's req/s at one client (per worker)
    max_p99_ms_at_32: float | None = None  # with one worker per core


@dataclass(frozen=True)
class Row:
    scenario: Scenario
    workers: int
    clients: int
    app: list[Result]
    bare: list[Result]


def scenarios(plan_ids: list[int]) -> list[Scenario]:
    page = [f"{API}/plans?limit=50"]
    return [
        Scenario("`GET /plans?limit=50` (national admin)", "admin", page, 0.5),
        Scenario("`GET /plans?limit=50` (commune officer)", "lexa.officer", page, 0.5),
        Scenario(
            "`GET /plans/{id}` (20 tasks)",
            "admin",
            [f"{API}/plans/{i}" for i in plan_ids],
            min_rps_at_1=300,
        ),
        Scenario("`GET /units?limit=50`", "admin", [f"{API}/units?limit=50"], 0.5),
    ]


@contextmanager
def serving(target: str, url: str, port: int, workers: int) -> Iterator[str]:
    """uvicorn serving `target` on loopback until the block ends; yields its base URL."""
    env = {**os.environ, "DATABASE_URL": url, "CCHC_ENV": "dev"}
    command = [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}{API}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                raise SystemExit(f"{target} exited with {proc.returncode} before serving")
            time.sleep(0.2)
        else:
            raise SystemExit(f"{target} did not answer on port {port}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def token(base: str, username: str) -> str:
    response = httpx.post(
        f"{base}{API}/auth/token",
        data={"grant_type": "password", "username": username, "password": PASSWORD},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def compare_bodies(app: str, bare: str, scenario: Scenario, tok: str) -> str:
    """Whether both answer the scenario's first path with the same body."""
    headers = {"Authorization": f"Bearer {tok}"}
    ours = httpx.get(app + scenario.paths[0], headers=headers, timeout=30)
    theirs = httpx.get(bare + scenario.paths[0], headers=headers, timeout=30)
    sizes = f"API {len(ours.content):,} B, bare {len(theirs.content):,} B"
    if ours.status_code != 200 or theirs.status_code != 200:
        return f"{sizes}: status API {ours.status_code}, bare {theirs.status_code} (!)"
    if ours.content == theirs.content:
        return f"{sizes}: identical"
    if ours.json() == theirs.json():
        return f"{sizes}: same JSON, other bytes"
    return f"{sizes}: DIFFERENT JSON (the bare app no longer matches the API)"


Runner = Callable[[str, list[str], str, int, float], Result]


def measure_phase(
    runner: Runner,
    app: str,
    bare: str,
    tokens: dict[str, str],
    cases: list[tuple[Scenario, int]],
    workers: int,
    rounds: int,
    seconds: float,
) -> list[Row]:
    """Every case in each round, the API and the bare app back to back, taking turns first."""
    for scenario, _ in cases:  # warm up: pools, prepared statements, caches
        for base in (app, bare):
            runner(base, scenario.paths, tokens[scenario.user], 32, 1)
    results: dict[int, tuple[list[Result], list[Result]]] = {i: ([], []) for i in range(len(cases))}
    for n in range(rounds):
        for i, (scenario, clients) in enumerate(cases):
            order = [(app, 0), (bare, 1)] if (n + i) % 2 == 0 else [(bare, 1), (app, 0)]
            for base, side in order:
                result = runner(base, scenario.paths, tokens[scenario.user], clients, seconds)
                results[i][side].append(result)
        print(f"  round {n + 1}/{rounds} done", flush=True)
    return [Row(s, workers, c, *results[i]) for i, (s, c) in enumerate(cases)]


def _median(results: list[Result], field: str) -> float:
    return float(statistics.median(getattr(r, field) for r in results))


def verdict(row: Row) -> str:
    s, app_rps = row.scenario, _median(row.app, "rps")
    checks: list[tuple[str, bool]] = []
    if s.min_ratio is not None and row.workers == 1:
        ratio = app_rps / _median(row.bare, "rps")
        checks.append((f"≥ {s.min_ratio:.0%} of bare", ratio >= s.min_ratio))
    if s.min_rps_at_1 is not None and row.clients == 1:
        checks.append((f"≥ {s.min_rps_at_1:.0f} req/s", app_rps >= s.min_rps_at_1))
    if s.max_p99_ms_at_32 is not None and row.clients == 32:
        p99 = _median(row.app, "p99_ms")
        checks.append((f"p99 < {s.max_p99_ms_at_32:.0f} ms", p99 < s.max_p99_ms_at_32))
    return "; ".join(f"{what}: {'pass' if ok else 'FAIL'}" for what, ok in checks) or "—"


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| request | workers | clients | API req/s | bare req/s | API/bare | API p50 ms | "
        "API p99 ms | bare p50 ms | bare p99 ms | errors | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        app_rps, bare_rps = _median(row.app, "rps"), _median(row.bare, "rps")
        errors = sum(r.errors for r in row.app + row.bare)
        lines.append(
            f"| {row.scenario.label} | {row.workers} | {row.clients} | {app_rps:.0f} | "
            f"{bare_rps:.0f} | {app_rps / bare_rps:.0%} | {_median(row.app, 'p50_ms'):.1f} | "
            f"{_median(row.app, 'p99_ms'):.1f} | {_median(row.bare, 'p50_ms'):.1f} | "
            f"{_median(row.bare, 'p99_ms'):.1f} | {errors} | {verdict(row)} |"
        )
    return lines


def sample_plan_ids(url: str, count: int = 500) -> list[int]:
    """Plans of 20 tasks (the bench's), a fixed sample so every run reads the same ones."""
    engine = create_engine(url)
    with engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM plan WHERE task_count = 20 ORDER BY id")))
    engine.dispose()
    return sorted(random.Random(9).sample([i for (i,) in ids], min(count, len(ids))))


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            model = next(x.split(":", 1)[1].strip() for x in info if x.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores ({model}), load average {load}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="any database URL on the Postgres server")
    parser.add_argument("--port", type=int, default=8765, help="the API's; the bare app's is +1")
    parser.add_argument("--seconds", type=float, default=5, help="per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--per-core", type=int, default=os.cpu_count() or 1, help="workers of the second phase"
    )
    parser.add_argument("--only", help="run only the scenarios whose label contains this")
    parser.add_argument("--refill", action="store_true", help="fill cchc_bench anew")
    parser.add_argument("--json", help="also write the raw results to this file")
    args = parser.parse_args()

    started = time.perf_counter()
    url, plans, tasks, filled = ensure_filled(args.url, args.refill)
    fill_note = f"filled in {time.perf_counter() - started:.0f} s" if filled else "already filled"
    use_wrk = args.client == "wrk" or (args.client == "auto" and wrk_path() is not None)
    if args.client == "wrk" and wrk_path() is None:
        raise SystemExit("wrk is not installed (apt-get install wrk), or use --client python")
    runner: Runner = run_wrk if use_wrk else run_python
    client = "wrk, 1 thread" if use_wrk else "Python asyncio httpx client (wrk not found)"
    every = scenarios(sample_plan_ids(url))
    chosen = [s for s in every if not args.only or args.only in s.label]
    print(f"cchc_bench: {plans:,} plans, {tasks:,} tasks ({fill_note})")
    print(f"machine: {machine()}")
    if os.getloadavg()[0] > (os.cpu_count() or 1) / 2:
        print("warning: the machine is busy with other work; every figure will be low")
    print(f"client: {client}; {args.rounds} rounds of {args.seconds:g} s per measurement")

    rows: list[Row] = []
    phases = [(1, [(s, c) for s in chosen for c in (1, 32)])]
    listing = every[0]
    if args.per_core > 1 and listing in chosen:
        per_core = Scenario(listing.label, listing.user, listing.paths, max_p99_ms_at_32=50)
        phases.append((args.per_core, [(per_core, 32)]))
    tokens: dict[str, str] = {}
    for workers, cases in phases:
        app_target, bare_target = "app.main:app", "bench.bare:app"
        with (
            serving(app_target, url, args.port, workers) as app,
            serving(bare_target, url, args.port + 1, workers) as bare,
        ):
            for user in {s.user for s, _ in cases} - tokens.keys():
                tokens[user] = token(app, user)
            print(f"{workers} worker(s) each:")
            for scenario in {s.label: s for s, _ in cases}.values():
                same = compare_bodies(app, bare, scenario, tokens[scenario.user])
                print(f"  {scenario.label}: {same}")
            rows += measure_phase(
                runner, app, bare, tokens, cases, workers, args.rounds, args.seconds
            )

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\n{stamp}, {machine()}, {client}, medians of {args.rounds} rounds:\n")
    print("\n".join(table(rows)))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        raw = [
            {
                "request": r.scenario.label,
                "workers": r.workers,
                "clients": r.clients,
                "app": [vars(x) for x in r.app],
                "bare": [vars(x) for x in r.bare],
            }
            for r in rows
        ]
        with open(args.json, "w") as out:
            json.dump({"when": stamp, "machine": machine(), "rows": raw}, out, indent=1)


if __name__ == "__main__":
    main()
