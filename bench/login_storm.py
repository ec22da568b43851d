"""Login storm: 40 clients post wrong passwords for 30 s while one client polls GET /plans.

Prepares the database of --url (migrate, units, demo data; a fresh SQLite file is fine), starts
the API with uvicorn on loopback against it with the real Argon2 parameters, and reports the
server's resident memory (before the storm and its peak) and the latency of the poll.

    .venv/bin/python -m bench.login_storm --url sqlite:///var/bench-login.sqlite3

--app-dir serves another checkout's code with this venv (for a before/after comparison);
--lift-limits raises the failed-login limits out of reach, as a storm from many addresses
against many accounts would see them, so that only the Argon2 bound is measured.
"""

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, inspect, text

from bench.server import ROOT, serve

PASSWORD = "bench-demo-password"
TOKEN = "/api/v1/auth/token"
PEOPLE = [
    f"{unit}.{role}"
    for unit in ("hanoi", "donghoa", "trabong", "songma", "tienlu", "lexa")
    for role in ("leader", "officer")
]
LIFTED = {
    "CCHC_LOGIN_MAX_FAILURES_PER_USER": "1000000",
    "CCHC_LOGIN_MAX_FAILURES_PER_ADDRESS": "1000000",
}


def prepare(url: str, app_dir: Path) -> None:
    env = {**os.environ, "DATABASE_URL": url, "CCHC_DEMO_PASSWORD": PASSWORD, "CCHC_ENV": "dev"}
    for command in ("migrate", "load-units", "load-demo"):
        subprocess.run(
            [sys.executable, "-m", "app", command],
            cwd=app_dir,
            env={**env, "PYTHONPATH": str(app_dir)},
            check=True,
            stdout=subprocess.DEVNULL,
        )


def forget_failures(url: str) -> None:
    """Start from clean login counters (an earlier run leaves loopback locked out)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        if inspect(conn).has_table("login_counter"):
            conn.execute(text("DELETE FROM login_counter"))
    engine.dispose()


def rss_mib(pid: int, key: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Storm:
    deadline: float
    logins: Counter[int] = field(default_factory=Counter)
    login_seconds: list[float] = field(default_factory=list)
    polls: list[float] = field(default_factory=list)
    poll_errors: Counter[int] = field(default_factory=Counter)
    peak_rss: float = 0.0


async def attacker(client: httpx.AsyncClient, storm: Storm, n: int) -> None:
    attempt = 0
    while time.monotonic() < storm.deadline:
        attempt += 1
        data = {
            "grant_type": "password",
            "username": PEOPLE[(n + attempt) % len(PEOPLE)],
            "password": f"wrong-password-{n}-{attempt}",
        }
        started = time.perf_counter()
        try:
            response = await client.post(TOKEN, data=data)
            storm.logins[response.status_code] += 1
        except httpx.TransportError:
            storm.logins[0] += 1
        storm.login_seconds.append(time.perf_counter() - started)


async def poller(client: httpx.AsyncClient, storm: Storm, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < storm.deadline:
        started = time.perf_counter()
        try:
            response = await client.get("/api/v1/plans?limit=50", headers=headers)
            if response.status_code != 200:
                storm.poll_errors[response.status_code] += 1
        except httpx.TransportError:
            storm.poll_errors[0] += 1
        storm.polls.append(time.perf_counter() - started)
        await asyncio.sleep(0.1)


async def sampler(storm: Storm, pid: int) -> None:
    while time.monotonic() < storm.deadline:
        storm.peak_rss = max(storm.peak_rss, rss_mib(pid))
        await asyncio.sleep(0.05)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.99) - 1)]


async def run(base: str, pid: int, clients: int, seconds: float) -> Storm:
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        login = await client.post(
            TOKEN, data={"grant_type": "password", "username": "admin", "password": PASSWORD}
        )
        login.raise_for_status()
        token = login.json()["access_token"]
        quiet = Storm(deadline=time.monotonic() + 3)
        await asyncio.gather(poller(client, quiet, token), sampler(quiet, pid))
        print(
            f"before the storm: RSS {quiet.peak_rss:.0f} MiB, poll p50 "
            f"{statistics.median(quiet.polls) * 1000:.0f} ms over {len(quiet.polls)} polls"
        )
        storm = Storm(deadline=time.monotonic() + seconds)
        await asyncio.gather(
            poller(client, storm, token),
            sampler(storm, pid),
            *(attacker(client, storm, n) for n in range(clients)),
        )
    return storm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="database URL (SQLite file or Postgres)")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout whose code to serve")
    parser.add_argument("--skip-load", action="store_true", help="database already prepared")
    parser.add_argument("--lift-limits", action="store_true", help="measure the Argon2 bound alone")
    args = parser.parse_args()

    app_dir = args.app_dir.resolve()
    if not args.skip_load:
        prepare(args.url, app_dir)
    forget_failures(args.url)
    env = {"CCHC_SECRET_KEY": secrets.token_urlsafe(48), **(LIFTED if args.lift_limits else {})}
    proc = serve(args.url, args.port, app_dir=app_dir, env=env)
    try:
        storm = asyncio.run(
            run(f"http://127.0.0.1:{args.port}", proc.pid, args.clients, args.seconds)
        )
        peak = rss_mib(proc.pid, "VmHWM")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    logins = sum(storm.logins.values())
    print(f"code: {app_dir}  clients: {args.clients}  seconds: {args.seconds:.0f}")
    print(f"login answers: {dict(sorted(storm.logins.items()))} ({logins / args.seconds:.1f}/s)")
    print(f"login p50 {statistics.median(storm.login_seconds) * 1000:.0f} ms")
    print(f"server RSS: peak sampled {storm.peak_rss:.0f} MiB, high-water mark {peak:.0f} MiB")
    print(
        f"GET /plans poll: {len(storm.polls)} polls, p50 "
        f"{statistics.median(storm.polls) * 1000:.0f} ms, p99 {p99(storm.polls) * 1000:.0f} ms, "
        f"max {max(storm.polls) * 1000:.0f} ms, errors {dict(storm.poll_errors)}"
    )


if __name__ == "__main__":
    main()
