"""Small lookups shared by the domain tests."""

from sqlmodel import Session

from app.units.service import old_unit_id


def unit_id(db: Session, level: str, code: str) -> int:
    """A unit of the pre-2025 tree (where the seeds were issued) by level and official code."""
    return old_unit_id(db, level, code)
