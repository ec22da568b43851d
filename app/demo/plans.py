"""Seed plans → plan rows (filled in by the plans work)."""

from sqlmodel import Session

from app.users.models import Agency


def load_seed_plans(session: Session, agencies: dict[str, Agency]) -> int:
    return 0
