"""Alembic owns the schema: it round-trips with data present and matches the models exactly."""

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from app.core.db import dispose, make_engine
from app.models import metadata
from tests.conftest import TEST_DBNAME, TEST_URL, _tmp, migrate

SCRATCH = f"{TEST_DBNAME}_migrations"


@pytest.fixture
def scratch_engine() -> Iterator[Engine]:
    """A database of its own, so the round trip does not disturb the suite's database."""
    if TEST_URL.startswith("sqlite"):
        engine = make_engine(f"sqlite:///{_tmp / 'migrations.sqlite3'}")
        yield engine
        dispose(engine)
        (_tmp / "migrations.sqlite3").unlink(missing_ok=True)
        return
    admin = create_engine(TEST_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {SCRATCH}"))
    engine = make_engine(TEST_URL.rsplit("/", 1)[0] + "/" + SCRATCH)
    yield engine
    dispose(engine)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)"))
    admin.dispose()


def test_upgrade_downgrade_upgrade_with_rows_present(scratch_engine: Engine) -> None:
    from sqlmodel import Session

    from app.demo.loader import load_demo
    from app.units.loader import load_units

    with scratch_engine.begin() as conn:
        migrate(conn)
    with Session(scratch_engine) as session:
        load_units(session)
        load_demo(session)
        session.commit()
    with scratch_engine.begin() as conn:
        migrate(conn, "base", down=True)
    assert set(inspect(scratch_engine).get_table_names()) <= {"alembic_version"}
    with scratch_engine.begin() as conn:
        migrate(conn)
    assert "plan" in inspect(scratch_engine).get_table_names()


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []
