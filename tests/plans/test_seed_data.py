"""The seed plans are internally consistent: references parse, codes and keys resolve."""

import json
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.core.docnumber import format_plan_number, parse_doc_number, parse_symbol
from app.demo.seed_plans import AGENCIES, PLANS, PlanSeed, TaskSeed
from app.plans.recurrence import Recurrence
from app.reference.data import (
    CHANNEL_TYPE_CODES,
    CHANNEL_TYPES,
    INDICATOR_CODES,
    TOPIC_CODES,
    TOPICS,
)

AGENCY_KEYS = {a["key"]: a for a in AGENCIES}
SEED_UNITS = {
    ("01", "province"),
    ("54", "province"),
    ("564", "district"),
    ("525", "district"),
    ("126", "district"),
    ("332", "district"),
    ("12352", "commune"),
}


def plan(key: str) -> PlanSeed:
    return next(p for p in PLANS if p["key"] == key)


def all_tasks() -> Iterator[tuple[PlanSeed, TaskSeed]]:
    for p in PLANS:
        for task in p["tasks"]:
            yield p, task


def lead_agency(task: TaskSeed) -> str | None:
    lead = task["lead"]
    if lead is not None and "agency" in lead:
        return lead["agency"]
    return None


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_seed_data_survives_a_json_round_trip() -> None:
    data = {"agencies": AGENCIES, "plans": PLANS}

    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_every_text_is_nfc() -> None:
    texts = list(strings([AGENCIES, PLANS]))

    assert [t for t in texts if unicodedata.normalize("NFC", t) != t] == []


def test_keys_are_unique() -> None:
    plan_keys = [p["key"] for p in PLANS]

    assert len(set(plan_keys)) == len(plan_keys)
    assert len(AGENCY_KEYS) == len(AGENCIES)


def test_agencies_sit_in_the_seed_units() -> None:
    assert {(a["unit_code"], a["unit_level"]) for a in AGENCIES} == SEED_UNITS


def test_plans_are_issued_by_seed_units() -> None:
    assert {(p["unit_code"], p["unit_level"]) for p in PLANS} <= SEED_UNITS


def test_parents_come_before_their_children() -> None:
    seen: set[str] = set()
    for p in PLANS:
        assert p["parent_plan_key"] is None or p["parent_plan_key"] in seen
        seen.add(p["key"])


def test_parent_links_of_the_seeds() -> None:
    links = {p["key"]: p["parent_plan_key"] for p in PLANS if p["parent_plan_key"]}

    assert links == {"donghoa-2022": "donghoa-24-2022", "lexa-17-2024": "tienlu-184-2023"}


def test_every_legal_basis_reference_parses() -> None:
    references = [b["reference"] for p in PLANS for b in p["legal_bases"]]

    assert [parse_doc_number(r).text for r in references] == references


def test_every_plan_number_formats() -> None:
    numbers = [format_plan_number(p["number"], p["symbol"]) for p in PLANS]

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


def test_issued_plans_have_number_and_date_and_drafts_do_not() -> None:
    for p in PLANS:
        parse_symbol(p["symbol"])
        issued = p["status"] == "issued"
        assert (p["number"] is not None, p["issued_on"] is not None) == (issued, issued)


def test_dates_are_iso_and_inside_the_plan_period() -> None:
    for p, task in all_tasks():
        start, end = date.fromisoformat(p["period_start"]), date.fromisoformat(p["period_end"])
        assert start <= end
        for value in (task["start_on"], task["end_on"], task["due_on"]):
            assert value is None or start <= date.fromisoformat(value) <= end


def test_topic_channel_and_indicator_codes_exist() -> None:
    used_topics = {t for p in PLANS for t in p["topics"]}
    used_topics |= {t for _, task in all_tasks() for t in task["topics"]}
    used_channels = {c for _, task in all_tasks() for c in task["channel_types"]}
    used_indicators = {t["indicator"] for _, task in all_tasks() for t in task["targets"]}

    assert used_topics - TOPIC_CODES == set()
    assert used_channels - CHANNEL_TYPE_CODES == set()
    assert used_indicators - INDICATOR_CODES == set()


def test_topic_parents_exist() -> None:
    assert {t.parent_code for t in TOPICS} - TOPIC_CODES == {None}


def test_lead_agencies_belong_to_the_issuing_unit() -> None:
    strays = [
        (p["key"], task["ordinal"])
        for p, task in all_tasks()
        if (key := lead_agency(task)) is not None
        and AGENCY_KEYS[key]["unit_code"] != p["unit_code"]
    ]

    assert strays == []


def test_coordinators_resolve() -> None:
    coordinators = {c for _, task in all_tasks() for c in task["coordinators"]}

    assert coordinators - AGENCY_KEYS.keys() == set()


def test_recurrences_are_known() -> None:
    assert {task["recurrence"] for _, task in all_tasks()} <= {r.value for r in Recurrence}


def test_trabong_task_ordinals() -> None:
    ordinals = [t["ordinal"] for t in plan("trabong-2022-2025")["tasks"]]

    assert ordinals == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10.a", "10.b", "11"]


def test_trabong_task_timing() -> None:
    recurrences = [t["recurrence"] for t in plan("trabong-2022-2025")["tasks"]]

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
    tasks = plan("songma-33-2019")["tasks"]

    assert [t["recurrence"] for t in tasks] == [
        "continuous",
        "weekly",
        "monthly",
        "once",
        "once",
        "once",
    ]
    assert [t["due_on"] for t in tasks] == [None, None, None, "2019-12-31"] + ["2019-12-31"] * 2


def test_songma_items_led_by_every_commune() -> None:
    tasks = plan("songma-33-2019")["tasks"]

    led_by_all = [
        (t["ordinal"], t["lead_text"]) for t in tasks if t["lead"] == {"all_children": True}
    ]
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
    assert [t["ordinal"] for t in plan(key)["tasks"]] == ordinals


def test_donghoa_first_duty_falls_to_every_subordinate_unit() -> None:
    first = plan("donghoa-2022")["tasks"][0]

    assert (first["lead"], first["lead_text"]) == (
        {"all_children": True},
        "Các cơ quan, đơn vị, UBND các xã, phường",
    )


def test_no_target_is_invented() -> None:
    assert [task["targets"] for _, task in all_tasks() if task["targets"]] == []


def test_every_counted_indicator_exists() -> None:
    counted = {code for c in CHANNEL_TYPES for code in c.counts}

    assert sorted(counted - INDICATOR_CODES) == []


def test_le_xa_radio_task_airs_daily() -> None:
    radio = plan("lexa-17-2024")["tasks"][6]

    assert (radio["lead_text"], radio["recurrence"]) == ("Đài Truyền thanh xã", "daily")
