"""Administrative units (GSO codes) and the old → new links of the 2025 reform."""

from datetime import date
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.db import enum_type

# The 2025 reform: two-level local government from 1 July 2025 (districts abolished, provinces
# and communes merged).
REFORM_DATE = date(2025, 7, 1)
LAST_OLD_DAY = date(2025, 6, 30)


class UnitLevel(StrEnum):
    province = "province"
    district = "district"
    commune = "commune"


def ancestor_paths(path: str) -> list[str]:
    """Paths of a unit's ancestors, province first: "old/33/332/12352/" → old/33/, old/33/332/."""
    tree, *codes = path.rstrip("/").split("/")
    return [f"{tree}/{'/'.join(codes[:n])}/" for n in range(1, len(codes))]


class AdminUnit(SQLModel, table=True):
    __tablename__ = "admin_unit"
    # Postgres uses a btree index for LIKE 'prefix%' only with pattern ops (non-C collations).
    __table_args__ = (
        Index("ix_admin_unit_path_prefix", "path", postgresql_ops={"path": "varchar_pattern_ops"}),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=10, index=True)
    name: str = Field(max_length=120)
    name_folded: str = Field(max_length=120, index=True)
    level: UnitLevel = Field(sa_type=enum_type(UnitLevel), index=True)
    kind: str = Field(max_length=20)
    parent_id: int | None = Field(default=None, foreign_key="admin_unit.id", index=True)
    # Materialised path of codes, e.g. "old/33/332/12352/" or "new/33/12361/": a subtree is a
    # prefix match, so scope checks are one indexed LIKE, never a recursive walk.
    path: str = Field(max_length=40, unique=True)
    valid_from: date | None = Field(default=None)
    valid_to: date | None = Field(default=None)


class UnitSuccession(SQLModel, table=True):
    __tablename__ = "unit_succession"

    predecessor_id: int = Field(foreign_key="admin_unit.id", primary_key=True)
    successor_id: int = Field(foreign_key="admin_unit.id", primary_key=True, index=True)
    # True when only part of the old unit's area went to this successor.
    partial: bool = Field(default=False)
    effective_on: date
