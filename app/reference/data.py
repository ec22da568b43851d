"""Reference data as shipped: topics, channel types, indicators and languages (app/reference/data).

The JSON files are the source; `app.reference.loader` copies topics, channel types and indicators
into their tables (plans, activities and reports join on them), and every input schema checks its
codes against the frozensets here without a query. Languages are a closed list only validated
against, so they stay a file.
"""

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal


@dataclass(frozen=True)
class TopicRef:
    code: str
    name: str
    name_en: str
    parent_code: str | None
    ordinal: int  # position among the topic's siblings, from 1


@dataclass(frozen=True)
class ChannelTypeRef:
    code: str
    name: str
    name_en: str
    # Indicator codes an activity on a channel of this type may count ("broadcasts", "minutes").
    counts: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorRef:
    """What a report counts. `aggregation` says how reporters' figures combine: `sum`, `max`,
    `latest` (a figure standing at the end of the period, such as channels in operation: the
    reporters' figures add up, and a later report replaces an earlier one), `ratio` (a
    percentage recomputed from its two summing parts, never an average of percentages).
    `rule` says how a computed figure is derived: `quantity:<code>` and `activities` and `cost`
    from the period's activity summary, `assignments:total|done` from the reporter's
    assignments, `ratio:<numerator>/<denominator>`; manual figures have none."""

    code: str
    name: str
    unit: str
    aggregation: Literal["sum", "max", "latest", "ratio"]
    source: Literal["activities", "assignments", "computed", "manual"]
    rule: str | None


@dataclass(frozen=True)
class LanguageRef:
    code: str
    name: str
    name_en: str


def _read(name: str) -> list[dict[str, Any]]:
    raw = files("app.reference").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    rows: list[dict[str, Any]] = json.loads(raw)
    return rows


def _topics() -> tuple[TopicRef, ...]:
    siblings: dict[str | None, int] = {}
    topics = []
    for row in _read("topics"):
        parent = row["parent"]
        siblings[parent] = siblings.get(parent, 0) + 1
        topics.append(TopicRef(row["code"], row["name"], row["name_en"], parent, siblings[parent]))
    return tuple(topics)


TOPICS: tuple[TopicRef, ...] = _topics()
CHANNEL_TYPES: tuple[ChannelTypeRef, ...] = tuple(
    ChannelTypeRef(r["code"], r["name"], r["name_en"], tuple(r["counts"]))
    for r in _read("channel_types")
)
INDICATORS: tuple[IndicatorRef, ...] = tuple(
    IndicatorRef(r["code"], r["name"], r["unit"], r["aggregation"], r["source"], r["rule"])
    for r in _read("indicators")
)
LANGUAGES: tuple[LanguageRef, ...] = tuple(
    LanguageRef(r["code"], r["name"], r["name_en"]) for r in _read("languages")
)

TOPIC_CODES = frozenset(t.code for t in TOPICS)
CHANNEL_TYPE_CODES = frozenset(c.code for c in CHANNEL_TYPES)
INDICATOR_CODES = frozenset(i.code for i in INDICATORS)
LANGUAGE_CODES = frozenset(language.code for language in LANGUAGES)
# What an activity on each channel type counts, for validating quantities without a query.
COUNTS_BY_CHANNEL_TYPE: dict[str, tuple[str, ...]] = {c.code: c.counts for c in CHANNEL_TYPES}
VIETNAMESE = "vie"
