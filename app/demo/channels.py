"""The seeds' channels and a year of activities on them (app/demo/data/channels.json).

Entered through the channel and activity services as a leader of each unit, so the same checks
apply as to anyone (quantities per channel type, assignments of issued plans, periods). A series
expands to one activity per due date of its recurrence ("weekly" over 2019: 52). A channel
already present (same unit and name) is left as it is, with its activities.
"""

import json
from datetime import date
from importlib.resources import files
from typing import Any

from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.channels.activity_schemas import ActivityCreate
from app.channels.models import Channel
from app.channels.schemas import ChannelCreate
from app.channels.service import create_channel
from app.channels.writes import import_activities
from app.demo.lookup import unit_of
from app.demo.seeds import UnitKey, plan_seed
from app.plans.assignments.models import Assignment, AssignmentRole
from app.plans.plans.models import Plan
from app.plans.recurrence import Recurrence, Schedule
from app.plans.tasks.models import Task
from app.units.models import AdminUnit
from app.users.models import Agency, Role, User


def _data() -> dict[str, Any]:
    raw = files("app.demo").joinpath("data", "channels.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def _acting_leader(session: Session, unit: AdminUnit) -> Caller:
    """The demo administrator in a leader's place in `unit` (audited as the administrator)."""
    admin = session.exec(select(User).where(User.username == "admin")).one()
    assert admin.id is not None and unit.id is not None
    return Caller(admin.id, admin.username, Role.leader, unit.id, unit.path, None)


def _cited(session: Session, cites: dict[str, str], unit_id: int, operator: int | None) -> Any:
    """(task id, assignment id) a series cites: the unit's assignment of the task, the operator's
    own first; only the task when the unit has none (a task led by every commune)."""
    task = session.exec(
        select(Task)
        .join(Plan, col(Plan.id) == Task.plan_id)
        .where(Plan.title == plan_seed(cites["plan"]).title, Task.ordinal == cites["task"])
    ).one()
    mine = list(
        session.exec(
            select(Assignment).where(
                Assignment.task_id == task.id, Assignment.assignee_unit_id == unit_id
            )
        )
    )
    mine.sort(key=lambda a: (a.assignee_agency_id != operator, a.role != AssignmentRole.lead))
    return task.id, (mine[0].id if mine else None)


def _rows(series: dict[str, Any], channel: Channel, cited: Any) -> list[ActivityCreate]:
    start, end = date.fromisoformat(series["from"]), date.fromisoformat(series["to"])
    languages = series.get("languages", ["vie"])
    rows = []
    for n, day in enumerate(Schedule(Recurrence(series["every"]), start, end).dates()):
        title = series["title"].format(
            n=n + 1, date=day.strftime("%d/%m/%Y"), month=day.strftime("%m/%Y")
        )
        task_id, assignment_id = cited or (None, None)
        rows.append(
            ActivityCreate.model_validate(
                {
                    "unit_id": channel.unit_id,
                    "channel_id": channel.id,
                    "occurred_on": day,
                    "task_id": None if assignment_id else task_id,
                    "assignment_id": assignment_id,
                    "title": title,
                    "topics": series.get("topics", []),
                    "quantities": series["quantities"],
                    "cost_vnd": series.get("cost_vnd"),
                    "language": languages[n % len(languages)],
                    "public": series.get("public", False),
                }
            )
        )
    return rows


def load_demo_channels(session: Session, agencies: dict[str, Agency]) -> tuple[int, int]:
    """Register the missing demo channels and log their series; returns (channels, activities)."""
    data = _data()
    channels: dict[str, Channel] = {}
    new: set[str] = set()
    for spec in data["channels"]:
        unit = unit_of(session, UnitKey.of(spec["unit"]))
        existing = session.exec(
            select(Channel).where(
                Channel.unit_id == unit.id, Channel.name == spec["channel"]["name"]
            )
        ).first()
        if existing is None:
            operator = agencies[spec["operator"]].id if "operator" in spec else None
            body = {
                **spec["channel"],
                "unit_id": unit.id,
                "operator_agency_id": operator,
                "merged_from": [channels[key].id for key in spec.get("merged_from", [])],
            }
            caller = _acting_leader(session, unit)
            existing = create_channel(session, caller, ChannelCreate.model_validate(body))
            new.add(spec["key"])
        channels[spec["key"]] = existing
    logged = 0
    for series in data["series"]:
        if series["channel"] not in new:
            continue
        channel = channels[series["channel"]]
        owner = session.get(AdminUnit, channel.unit_id)
        assert owner is not None
        cited = None
        if "cites" in series:
            cited = _cited(session, series["cites"], channel.unit_id, channel.operator_agency_id)
        rows = _rows(series, channel, cited)
        logged += len(import_activities(session, _acting_leader(session, owner), rows))
    return len(new), logged
