"""Reference data shared by plans, activities and reports: topics, channel types, indicators."""

from sqlalchemy import JSON, Column, text
from sqlmodel import Field, SQLModel


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    parent_id: int | None = Field(default=None, foreign_key="topic.id", index=True)
    ordinal: int = Field(default=0)


class ChannelType(SQLModel, table=True):
    __tablename__ = "channel_type"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    # Indicator codes an activity on a channel of this type counts (its quantities' keys).
    counts: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default=text("'[]'"))
    )


class Indicator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)
    unit: str = Field(max_length=40)
    aggregation: str = Field(max_length=10)
    source: str = Field(max_length=20)
    rule: str | None = Field(default=None, max_length=80)
