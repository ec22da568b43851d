"""The demo's data files, read and checked against the API's own input schemas.

`data/agencies.json` lists the agencies the plans name (by key); `data/plans/*.json` holds one
plan each, as the API takes it: `plan` is a POST /plans body, `tasks` are POST /plans/{id}/tasks
bodies (agencies by key: `lead_agency`, `coordinators`), `issue` is a POST /plans/{id}/issue body
(or null for a draft). `unit` names the issuing unit by tree ("old": before 1/7/2025, "new":
today's), level and official code; `parent` is the key of the plan it implements; `as_of` is the
day the plan is created on (issued plans are issued on their own `issued_on`). `comments` (and a
task's `comment`) say where the text was incomplete or what was inferred; they are not loaded.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel

from app.plans.plans.schemas import PlanCreate, PlanIssue
from app.plans.tasks.schemas import TaskCreate

_DATA = files("app.demo").joinpath("data")


@dataclass(frozen=True)
class UnitKey:
    tree: str  # "old" (until 30/6/2025) or "new" (from 1/7/2025)
    level: str
    code: str

    @classmethod
    def of(cls, raw: Mapping[str, str]) -> "UnitKey":
        return cls(raw["tree"], raw["level"], raw["code"])


@dataclass(frozen=True)
class AgencySeed:
    key: str
    unit: UnitKey
    name: str
    kind: str


@dataclass(frozen=True)
class PlanSeed:
    key: str
    unit: UnitKey
    parent: str | None
    as_of: date
    plan: dict[str, Any]
    tasks: list[dict[str, Any]]
    issue: dict[str, Any] | None

    @property
    def title(self) -> str:
        return str(self.plan["title"])

    @property
    def issued(self) -> bool:
        return self.issue is not None


def validated[M: BaseModel](model: type[M], body: Mapping[str, Any], where: str) -> M:
    """`body` as `model` validates it, refusing keys the API does not know (a typo in a data
    file would otherwise be dropped without a word)."""
    unknown = set(body) - set(model.model_fields)
    if unknown:
        raise ValueError(f"{where}: fields {sorted(unknown)} are not in {model.__name__}")
    return model.model_validate(dict(body))


def _json(*parts: str) -> Any:
    return json.loads(_DATA.joinpath(*parts).read_text(encoding="utf-8"))


@cache
def agency_seeds() -> tuple[AgencySeed, ...]:
    return tuple(
        AgencySeed(a["key"], UnitKey.of(a["unit"]), a["name"], a["kind"])
        for a in _json("agencies.json")
    )


@cache
def plan_seeds() -> tuple[PlanSeed, ...]:
    """Every plan file, each plan after the plan it implements (then by key)."""
    seeds = {}
    for entry in sorted(_DATA.joinpath("plans").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        raw = json.loads(entry.read_text(encoding="utf-8"))
        seeds[raw["key"]] = PlanSeed(
            key=raw["key"],
            unit=UnitKey.of(raw["unit"]),
            parent=raw.get("parent"),
            as_of=date.fromisoformat(raw["as_of"]),
            plan=raw["plan"],
            tasks=raw.get("tasks", []),
            issue=raw.get("issue"),
        )
    ordered: list[PlanSeed] = []

    def place(seed: PlanSeed, chain: tuple[str, ...] = ()) -> None:
        if seed in ordered:
            return
        if seed.key in chain:
            raise ValueError(f"plan parents form a loop: {' → '.join((*chain, seed.key))}")
        if seed.parent is not None:
            place(seeds[seed.parent], (*chain, seed.key))
        ordered.append(seed)

    for seed in seeds.values():
        place(seed)
    return tuple(ordered)


def plan_seed(key: str) -> PlanSeed:
    return next(s for s in plan_seeds() if s.key == key)


def plan_create(seed: PlanSeed, unit_id: int, parent_id: int | None) -> PlanCreate:
    body = {**seed.plan, "unit_id": unit_id, "parent_plan_id": parent_id}
    return validated(PlanCreate, body, f"{seed.key}: plan")


def task_create(seed: PlanSeed, index: int, agency_ids: Mapping[str, int]) -> TaskCreate:
    """A task body with its agency keys turned into ids."""
    task = {k: v for k, v in seed.tasks[index].items() if k != "comment"}
    lead = task.pop("lead_agency", None)
    coordinators = task.pop("coordinators", [])
    body = {
        **task,
        "position": index,
        "lead_agency_id": agency_ids[lead] if lead is not None else None,
        "coordinator_agency_ids": [agency_ids[key] for key in coordinators],
    }
    return validated(TaskCreate, body, f"{seed.key}: task {index}")


def plan_issue(seed: PlanSeed) -> PlanIssue:
    assert seed.issue is not None
    return validated(PlanIssue, seed.issue, f"{seed.key}: issue")
