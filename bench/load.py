"""Load generators: `wrk` (compiled, so the client is not the bottleneck) and a Python fallback.

Both send GET requests with a bearer token over keep-alive connections for a fixed time, cycling
through a list of paths, and report requests per second, p50 and p99 latency and the number of
failed requests (any status but 200, timeouts and socket errors).
"""

import asyncio
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

# wrk calls done() once at the end: its percentiles (µs) and counts as one JSON line.
WRK_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "errors": %d, "p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""
# Only for several paths: a request() function costs wrk a Lua call per request.
WRK_CYCLE = """
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, paths[n % #paths + 1])
end
"""


@dataclass(frozen=True)
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def wrk_path() -> str | None:
    return shutil.which("wrk")


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII is a valid Lua string literal


def wrk_script(token: str, paths: list[str]) -> str:
    lines = [f"wrk.headers[{_lua_string('Authorization')}] = {_lua_string('Bearer ' + token)}"]
    if len(paths) > 1:
        lines.append("paths = {" + ", ".join(_lua_string(p) for p in paths) + "}")
        lines.append(WRK_CYCLE)
    lines.append(WRK_DONE)
    return "\n".join(lines)


def run_wrk(base: str, paths: list[str], token: str, clients: int, seconds: float) -> Result:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        script = Path(tmp) / "bench.lua"
        script.write_text(wrk_script(token, paths))
        command = [
            wrk_path() or "wrk",
            "--threads",
            "1",
            "--connections",
            str(clients),
            "--duration",
            f"{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            base + paths[0],
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("BENCH "))
    data = json.loads(line.removeprefix("BENCH "))
    return Result(
        rps=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        requests=data["requests"],
        errors=data["errors"],
    )


async def _run_python(
    base: str, paths: list[str], token: str, clients: int, seconds: float
) -> Result:
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    latencies: list[float] = []
    errors = 0
    turn = itertools.count()
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                path = paths[next(turn) % len(paths)]
                started = time.perf_counter()
                try:
                    response = await client.get(path, headers=headers)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000

    count = len(latencies)
    return Result(count / elapsed, percentile(0.5), percentile(0.99), count, errors)


def run_python(base: str, paths: list[str], token: str, clients: int, seconds: float) -> Result:
    """The asyncio httpx client: it shares the CPU with the servers, so figures are a floor."""
    return asyncio.run(_run_python(base, paths, token, clients, seconds))
