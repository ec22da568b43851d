"""What the operator commands print: `make run` relies on `--quiet` saying nothing needless."""

import os
import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from app.core.settings import ROOT
from tests.conftest import alembic_config


def _cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[arg-type]
    assert head is not None
    return head


def test_migrate_says_it_created_the_schema_then_that_it_is_current(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite3"
    first, second = _cli(database, "migrate"), _cli(database, "migrate")
    assert first.stdout == f"Schema created at revision {_head()}.\n"
    assert second.stdout == f"Schema already at the latest revision ({_head()}).\n"


def test_quiet_migrate_prints_nothing_at_all(tmp_path: Path) -> None:
    result = _cli(tmp_path / "fresh.sqlite3", "--quiet", "migrate")
    assert (result.stdout, result.stderr) == ("", "")
