"""Agencies (cơ quan, đơn vị) of a unit and the users who work in them."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.db import Versioned, enum_type


class AgencyKind(StrEnum):
    people_committee = "people_committee"
    office = "office"
    department = "department"
    media_centre = "media_centre"
    political_centre = "political_centre"
    front = "front"
    mass_organisation = "mass_organisation"
    post = "post"
    civil_servant = "civil_servant"
    other = "other"


class Role(StrEnum):
    admin = "admin"
    leader = "leader"
    officer = "officer"
    viewer = "viewer"
    portal = "portal"
    integration = "integration"


SERVICE_ROLES = frozenset({Role.portal, Role.integration})


class Agency(Versioned, SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    name: str = Field(max_length=200)
    name_folded: str = Field(max_length=200, index=True)
    short_name: str | None = Field(default=None, max_length=40)
    kind: AgencyKind = Field(sa_type=enum_type(AgencyKind))
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class User(Versioned, SQLModel, table=True):
    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    full_name: str = Field(max_length=120)
    role: Role = Field(sa_type=enum_type(Role))
    # None only for national accounts (the country-wide admin and service accounts).
    unit_id: int | None = Field(default=None, foreign_key="admin_unit.id", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    password_hash: str = Field(max_length=255)
    # Space-separated OAuth2 scopes granted to an integration account ("plans:read units:read").
    scopes: str = Field(default="", max_length=255)
    is_active: bool = Field(default=True)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
