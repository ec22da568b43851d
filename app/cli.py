"""Operator commands: python -m app <command> (or the `cchc` entry point)."""

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.settings import ROOT

if TYPE_CHECKING:
    from alembic.config import Config


def _say(args: argparse.Namespace, line: str) -> None:
    """A progress line, left out with --quiet (what an operator must act on is always printed)."""
    if not args.quiet:
        print(line)


def _alembic_config() -> "Config":
    from alembic.config import Config

    # From a checkout: the repository's alembic.ini; in the container: the working directory's.
    local = Path.cwd() / "alembic.ini"
    return Config(str(local if local.exists() else ROOT / "alembic.ini"))


def _schema_revision() -> str | None:
    from alembic.runtime.migration import MigrationContext

    from app.core.db import get_engine

    with get_engine().connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def cmd_migrate(args: argparse.Namespace) -> int:
    from alembic import command

    before = _schema_revision()
    command.upgrade(_alembic_config(), "head")
    after = _schema_revision()
    if before is None:
        _say(args, f"Schema created at revision {after}.")
    elif before != after:
        _say(args, f"Schema upgraded from revision {before} to {after}.")
    else:
        _say(args, f"Schema already at the latest revision ({after}).")
    return 0


def cmd_load_units(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from app.core.db import get_engine
    from app.units.loader import load_units

    started = time.perf_counter()
    with Session(get_engine()) as session:
        report = load_units(session)
        session.commit()
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{k}={v}" for k, v in sorted(report.counts.items()))
    _say(
        args,
        f"Units: {report.units_inserted} inserted, {report.successions_inserted} succession "
        f"links inserted in {elapsed:.1f}s ({counts})",
    )
    return 0


def cmd_load_demo(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from app.core.db import get_engine
    from app.demo.loader import load_demo

    with Session(get_engine()) as session:
        report = load_demo(session)
        session.commit()
    for line in report:
        # The demo password (or that it is unchanged) is the one line an operator needs.
        if "password" in line:
            print(line)
        else:
            _say(args, line)
    return 0


def cmd_refresh_due_dates(_args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from app.core.db import get_engine
    from app.plans.assignments.service import refresh_next_due

    with Session(get_engine()) as session:
        updated = refresh_next_due(session)
        session.commit()
    print(f"Assignments whose next due date moved on: {updated}")
    return 0


def cmd_expire_idempotency_keys(_args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from app.core.db import get_engine
    from app.core.idempotency import RETENTION, expire

    with Session(get_engine()) as session:
        removed = expire(session)
        session.commit()
    print(f"Idempotency keys older than {RETENTION}: {removed} deleted")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlmodel import Session, col, select

    from app.audit.service import record, snapshot
    from app.core.db import get_engine
    from app.core.security import hash_password
    from app.units.models import AdminUnit
    from app.users.models import Role, User
    from app.users.passwords import password_problem

    if problem := password_problem(args.password, args.username, args.full_name or ""):
        print(problem, file=sys.stderr)
        return 2
    with Session(get_engine()) as session:
        unit_id = None
        if args.unit_code:
            unit = session.exec(
                select(AdminUnit)
                .where(AdminUnit.code == args.unit_code)
                # A code can name an old and a new commune: the unit in force today wins.
                .order_by(col(AdminUnit.valid_to).is_(None).desc())
            ).first()
            if unit is None:
                print(f"No unit with code {args.unit_code}", file=sys.stderr)
                return 2
            unit_id = unit.id
        if session.exec(select(User).where(User.username == args.username)).first():
            print(f"User {args.username} already exists", file=sys.stderr)
            return 2
        user = User(
            username=args.username,
            full_name=args.full_name or args.username,
            role=Role(args.role),
            unit_id=unit_id,
            password_hash=hash_password(args.password),
            scopes=" ".join(args.scope or []),
        )
        session.add(user)
        session.flush()
        # An operator's write is audited like any other; the actor is the command line (None).
        record(session, None, "create", "user", user.id, user.unit_id, after=snapshot(user))
        session.commit()
    print(f"Created {args.role} {args.username}")
    return 0


def cmd_openapi(_args: argparse.Namespace) -> int:
    from app.main import create_app

    print(json.dumps(create_app().openapi(), ensure_ascii=False, indent=2, sort_keys=True))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.core.observability import logging_config
    from app.core.settings import get_settings

    settings = get_settings()
    settings.check_safe_to_serve()
    workers = args.workers or settings.worker_count
    # h11 bounds the request line and headers it buffers (httptools does not).
    uvicorn.run(
        "app.main:app",
        host=args.host,
        port=args.port,
        workers=workers,
        log_config=logging_config(settings),
        access_log=False,  # the app logs one line per request itself, with its request id
        http="h11",
        h11_max_incomplete_event_size=settings.max_header_bytes,
    )
    return 0


def cmd_db_ping(args: argparse.Namespace) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = create_engine(args.url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc", description="cchc-api operator commands")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only what needs the operator's attention"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="alembic upgrade head").set_defaults(func=cmd_migrate)
    sub.add_parser("load-units", help="load both official unit trees").set_defaults(
        func=cmd_load_units
    )
    sub.add_parser("load-demo", help="seed plans, agencies and demo users").set_defaults(
        func=cmd_load_demo
    )
    sub.add_parser(
        "refresh-due-dates", help="move passed next-due dates on (run daily from cron)"
    ).set_defaults(func=cmd_refresh_due_dates)
    sub.add_parser(
        "expire-idempotency-keys", help="delete Idempotency-Keys past 24 h (run daily from cron)"
    ).set_defaults(func=cmd_expire_idempotency_keys)
    cu = sub.add_parser("create-user", help="create a user")
    cu.add_argument("username")
    cu.add_argument("--password", required=True)
    cu.add_argument(
        "--role",
        required=True,
        choices=["admin", "leader", "officer", "viewer", "portal", "integration"],
    )
    cu.add_argument("--unit-code", help="official unit code; omit for a national account")
    cu.add_argument("--full-name")
    cu.add_argument("--scope", action="append", help="integration scope (repeatable)")
    cu.set_defaults(func=cmd_create_user)
    sub.add_parser("openapi", help="print the OpenAPI contract").set_defaults(func=cmd_openapi)
    sv = sub.add_parser("serve", help="serve the API with uvicorn")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument(
        "--workers", type=int, default=0, help="server processes (default: CCHC_WORKERS or cores)"
    )
    sv.set_defaults(func=cmd_serve)
    ping = sub.add_parser("db-ping", help="exit 0 when the database answers")
    ping.add_argument("--url", required=True)
    ping.set_defaults(func=cmd_db_ping)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result
