"""The demo's data files are internally consistent and valid API input: every plan, task and
issue body passes the API's own schemas, references parse, codes and keys resolve."""

import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.core.docnumber import format_plan_number, parse_doc_number, parse_symbol
from app.demo.seeds import (
    PlanSeed,
    agency_seeds,
    plan_create,
    plan_issue,
    plan_seed,
    plan_seeds,
    task_create,
    validated,
)
from app.plans.plans.schemas import PlanCreate
from app.plans.recurrence import Recurrence
from app.reference.data import CHANNEL_TYPES, INDICATOR_CODES, TOPIC_CODES, TOPICS
from tests.plans.factories import HISTORIC_KEYS

AGENCY_KEYS = {a.key: a for a in agency_seeds()}
# A stand-in id per agency key: the schemas check shapes, the services check the units.
AGENCY_IDS = {key: n for n, key in enumerate(AGENCY_KEYS, start=1)}
SEED_UNITS = {
    ("old", "01", "province"),
    ("old", "54", "province"),
    ("old", "564", "district"),
    ("old", "525", "district"),
    ("old", "126", "district"),
    ("old", "332", "district"),
    ("old", "12352", "commune"),
}


def old_plans() -> list[PlanSeed]:
    return [plan_seed(key) for key in HISTORIC_KEYS]


def all_tasks() -> Iterator[tuple[PlanSeed, dict[str, Any]]]:
    for p in plan_seeds():
        for task in p.tasks:
            yield p, task


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("key", [p.key for p in plan_seeds()])
def test_every_body_passes_the_api_schemas(key: str) -> None:
    seed = plan_seed(key)

    plan = plan_create(seed, unit_id=1, parent_id=None)
    tasks = [task_create(seed, n, AGENCY_IDS) for n in range(len(seed.tasks))]
    if seed.issued:
        assert plan_issue(seed).issued_on <= date(2026, 12, 31)

    # Validation changes nothing: the files hold what the API would store (NFC, known codes).
    assert plan.model_dump(exclude_unset=True, mode="json", exclude={"unit_id"}) == {
        **seed.plan,
        "parent_plan_id": None,
    }
    assert [t.title for t in tasks] == [t["title"] for t in seed.tasks]


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="titel"):
        validated(PlanCreate, {"titel": "Kế hoạch"}, "test")


def test_every_text_is_nfc() -> None:
    texts = list(strings([[p.plan, p.tasks, p.issue] for p in plan_seeds()]))
    texts += [a.name for a in agency_seeds()]

    assert [t for t in texts if unicodedata.normalize("NFC", t) != t] == []


def test_keys_are_unique() -> None:
    plan_keys = [p.key for p in plan_seeds()]

    assert len(set(plan_keys)) == len(plan_keys)
    assert len(AGENCY_KEYS) == len(agency_seeds())


def test_the_old_agencies_sit_in_the_seed_units() -> None:
    old = {(a.unit.tree, a.unit.code, a.unit.level) for a in agency_seeds() if a.unit.tree == "old"}

    assert old == SEED_UNITS


def test_old_plans_are_issued_by_seed_units() -> None:
    assert {(p.unit.tree, p.unit.code, p.unit.level) for p in old_plans()} <= SEED_UNITS


def test_parents_come_before_their_children() -> None:
    seen: set[str] = set()
    for p in plan_seeds():
        assert p.parent is None or p.parent in seen
        seen.add(p.key)


def test_parent_links_of_the_seeds() -> None:
    links = {p.key: p.parent for p in old_plans() if p.parent}

    assert links == {"donghoa-2022": "donghoa-24-2022", "lexa-17-2024": "tienlu-184-2023"}


def test_every_legal_basis_reference_parses() -> None:
    references = [b["reference"] for p in plan_seeds() for b in p.plan.get("legal_bases", [])]

    assert [parse_doc_number(r).text for r in references] == references


def test_every_plan_number_formats() -> None:
    numbers = [
        format_plan_number(p.issue["number"] if p.issue else None, p.plan["symbol"])
        for p in old_plans()
    ]

    assert numbers == [
        "167/KH-UBND",
        "184/KH-UBND",
        "24/KH-UBND",
        "145/KH-UBND",
        "33/KH-UBND",
        "…/KH-UBND",
        "…/KH-UBND",
        "17/KH-UBND",
    ]


def test_issued_plans_are_created_by_their_issue_date_and_drafts_at_their_start() -> None:
    for p in plan_seeds():
        parse_symbol(p.plan["symbol"])
        if p.issue is not None:
            assert p.as_of <= date.fromisoformat(p.issue["issued_on"])
        else:
            assert p.as_of == date.fromisoformat(p.plan["period_start"])


def test_dates_are_iso_and_inside_the_plan_period() -> None:
    for p, task in all_tasks():
        start = date.fromisoformat(p.plan["period_start"])
        end = date.fromisoformat(p.plan["period_end"])
        assert start <= end
        for name in ("start_on", "end_on", "due_on"):
            value = task.get(name)
            assert value is None or start <= date.fromisoformat(value) <= end


def test_topic_parents_exist() -> None:
    assert {t.parent_code for t in TOPICS} - TOPIC_CODES == {None}


def test_lead_agencies_belong_to_the_issuing_unit() -> None:
    strays = [
        (p.key, task["ordinal"])
        for p, task in all_tasks()
        if "lead_agency" in task and AGENCY_KEYS[task["lead_agency"]].unit != p.unit
    ]

    assert strays == []


def test_coordinators_resolve() -> None:
    coordinators = {c for _, task in all_tasks() for c in task.get("coordinators", [])}

    assert coordinators - AGENCY_KEYS.keys() == set()


def test_recurrences_are_known() -> None:
    assert {task["recurrence"] for _, task in all_tasks()} <= {r.value for r in Recurrence}


def test_trabong_task_ordinals() -> None:
    ordinals = [t["ordinal"] for t in plan_seed("trabong-2022-2025").tasks]

    assert ordinals == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10.a", "10.b", "11"]


def test_trabong_task_timing() -> None:
    recurrences = [t["recurrence"] for t in plan_seed("trabong-2022-2025").tasks]

    assert recurrences == [
        "annual",
        "annual",
        "annual",
        "annual",
        "annual",
        "continuous",
        "annual",
        "continuous",
        "annual",
        "weekly",
        "weekly",
        "annual",
    ]


def test_songma_task_timing() -> None:
    tasks = plan_seed("songma-33-2019").tasks

    assert [t["recurrence"] for t in tasks] == [
        "continuous",
        "weekly",
        "monthly",
        "once",
        "once",
        "once",
    ]
    assert [t.get("due_on") for t in tasks] == [None, None, None] + ["2019-12-31"] * 3


def test_songma_items_led_by_every_commune() -> None:
    tasks = plan_seed("songma-33-2019").tasks

    led_by_all = [(t["ordinal"], t["lead_text"]) for t in tasks if t.get("lead_all_children")]
    assert led_by_all == [
        ("1", "Các cơ quan, đơn vị, UBND các xã, thị trấn"),
        ("3", "UBND các xã, thị trấn"),
    ]


@pytest.mark.parametrize(
    ("key", "ordinals"),
    [
        ("donghoa-2022", ["1", "2", "3", "4", "5", "6", "7"]),
        ("lexa-17-2024", ["1", "2", "3", "4", "5", "6", "7"]),
        ("hanoi-145-2021", ["2.a", "2.b", "2.c"]),
    ],
)
def test_duty_sections_become_tasks(key: str, ordinals: list[str]) -> None:
    assert [t["ordinal"] for t in plan_seed(key).tasks] == ordinals


def test_donghoa_first_duty_falls_to_every_subordinate_unit() -> None:
    first = plan_seed("donghoa-2022").tasks[0]

    assert (first.get("lead_all_children"), first["lead_text"]) == (
        True,
        "Các cơ quan, đơn vị, UBND các xã, phường",
    )


def test_no_target_is_invented_for_the_seeds() -> None:
    assert [task["ordinal"] for p in old_plans() for task in p.tasks if task.get("targets")] == []


def test_every_counted_indicator_exists() -> None:
    counted = {code for c in CHANNEL_TYPES for code in c.counts}

    assert sorted(counted - INDICATOR_CODES) == []


def test_le_xa_radio_task_airs_daily() -> None:
    radio = plan_seed("lexa-17-2024").tasks[6]

    assert (radio["lead_text"], radio["recurrence"]) == ("Đài Truyền thanh xã", "daily")
