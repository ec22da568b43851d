"""Idempotent loader for topics, channel types and indicators (app/reference/data → tables)."""

from sqlmodel import Session, select

from app.core.db import flush
from app.reference import data as ref
from app.reference.models import ChannelType, Indicator, Topic


def load_reference_data(session: Session) -> dict[str, int]:
    """Insert missing rows and refresh the others, matched by code; returns rows inserted."""
    inserted = {"topics": 0, "channel_types": 0, "indicators": 0}
    topics = {t.code: t for t in session.exec(select(Topic))}
    for t in ref.TOPICS:
        row = topics.get(t.code)
        parent_id = topics[t.parent_code].id if t.parent_code else None
        if row is None:
            row = Topic(code=t.code, name=t.name, name_en=t.name_en)
            inserted["topics"] += 1
        row.name, row.name_en, row.ordinal, row.parent_id = t.name, t.name_en, t.ordinal, parent_id
        session.add(row)
        flush(session)  # a child needs its parent's id
        topics[t.code] = row
    channel_types = {c.code: c for c in session.exec(select(ChannelType))}
    for c in ref.CHANNEL_TYPES:
        if (ct := channel_types.get(c.code)) is None:
            ct = ChannelType(code=c.code, name=c.name, name_en=c.name_en)
            inserted["channel_types"] += 1
        ct.name, ct.name_en, ct.counts = c.name, c.name_en, list(c.counts)
        session.add(ct)
    indicators = {i.code: i for i in session.exec(select(Indicator))}
    for i in ref.INDICATORS:
        if (ind := indicators.get(i.code)) is None:
            ind = Indicator(
                code=i.code, name=i.name, unit=i.unit, aggregation=i.aggregation, source=i.source
            )
            inserted["indicators"] += 1
        ind.name, ind.unit, ind.aggregation, ind.source = i.name, i.unit, i.aggregation, i.source
        ind.rule = i.rule
        session.add(ind)
    flush(session)
    return inserted
