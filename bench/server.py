"""The API under test: uvicorn on loopback in a subprocess, returned once it answers /readyz."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def serve(
    url: str,
    port: int,
    *,
    workers: int = 1,
    app_dir: Path = ROOT,
    env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Serve `app_dir`'s code (this checkout by default) on `url` with the real Argon2 costs."""
    full_env = {
        **os.environ,
        "DATABASE_URL": url,
        "CCHC_ENV": "dev",
        "PYTHONPATH": str(app_dir),
        **(env or {}),
    }
    full_env.pop("CCHC_ARGON2_FAST", None)
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(
        command,
        cwd=app_dir,
        env=full_env,
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
