"""GET /activities/summary: the seeds' years counted by the database, level by level."""

from collections import Counter
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.channels.factories import API, activity_body, log, register
from tests.helpers import unit_id
from tests.plans.factories import user_headers

Auth = Callable[[str], dict[str, str]]
YEAR_2019 = {"date_from": "2019-01-01", "date_to": "2019-12-31"}
YEAR_2024 = {"date_from": "2024-01-01", "date_to": "2024-12-31"}


def _summary(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = client.get(f"{API}/activities/summary", params=params, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _listed(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    """What the activity rows themselves add up to, read through GET /activities."""
    quantities: Counter[str] = Counter()
    count = cost = 0
    cursor = None
    while True:
        query = {"limit": 200, **params, **({"cursor": cursor} if cursor else {})}
        page = client.get(f"{API}/activities", params=query, headers=headers).json()
        for item in page["items"]:
            count += 1
            cost += item["cost_vnd"] or 0
            quantities.update(item["quantities"])
        if not (cursor := page["next_cursor"]):
            return {"activities": count, "cost_vnd": cost, "quantities": dict(quantities)}


def _sum_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    quantities: Counter[str] = Counter()
    for row in rows:
        quantities.update(row["quantities"])
    return {
        "activities": sum(r["activities"] for r in rows),
        "cost_vnd": sum(r["cost_vnd"] for r in rows),
        "quantities": dict(quantities),
    }


def test_song_ma_weekly_broadcasts_sum_to_52_in_2019(
    client: TestClient, db: Session, auth: Auth
) -> None:
    summary = _summary(
        client,
        auth("songma.officer"),
        channel_type="radio",
        group_by=["channel_type"],
        **YEAR_2019,
    )

    assert (summary["unit_name"], summary["rows"]) == (
        "Huyện Sông Mã",
        [
            {
                "channel_type": "radio",
                "topic": None,
                "month": None,
                "activities": 52,
                "cost_vnd": 0,
                "quantities": {"broadcasts": 52, "minutes": 780},
            }
        ],
    )


def test_le_xa_daily_radio_counts_every_day_of_each_month(
    client: TestClient, db: Session, auth: Auth
) -> None:
    summary = _summary(
        client, auth("lexa.officer"), channel_type="radio", group_by=["month"], **YEAR_2024
    )

    by_month = {r["month"]: r["quantities"]["broadcasts"] for r in summary["rows"]}
    assert (by_month["2024-01"], by_month["2024-02"], len(by_month)) == (31, 29, 12)
    assert summary["totals"]["quantities"] == {"broadcasts": 366, "minutes": 1830, "articles": 366}


def test_rows_come_by_channel_type_topic_and_month(
    client: TestClient, db: Session, auth: Auth
) -> None:
    summary = _summary(client, auth("songma.officer"), **YEAR_2019)

    keys = [(r["channel_type"], r["topic"], r["month"]) for r in summary["rows"]]
    assert keys[:2] == [
        ("contest", "reform", "2019-10"),
        ("e_portal", "reform.procedures", "2019-01"),
    ]
    assert len(keys) == 1 + 12 + 12 + 12  # contest; portal, hotline and station by month
    assert summary["totals"]["cost_vnd"] == 5_000_000


def test_an_activity_on_two_topics_counts_in_each_topic_row_and_once_in_totals(
    client: TestClient, db: Session, auth: Auth
) -> None:
    summary = _summary(
        client, auth("lexa.officer"), channel_type="e_portal", group_by=["topic"], **YEAR_2024
    )

    assert [(r["topic"], r["activities"]) for r in summary["rows"]] == [
        ("index.par", 12),
        ("reform.procedures", 12),
    ]
    assert summary["totals"]["activities"] == 12


def test_a_topic_filter_keeps_only_its_topic_rows(
    client: TestClient, db: Session, auth: Auth
) -> None:
    summary = _summary(client, auth("lexa.officer"), topic="index", group_by=["topic"], **YEAR_2024)

    assert [(r["topic"], r["quantities"]) for r in summary["rows"]] == [
        ("index.par", {"articles": 24})
    ]


def test_totals_equal_the_rows_at_every_level_of_the_subtree(
    client: TestClient, db: Session, auth: Auth
) -> None:
    district = unit_id(db, "district", "332")
    tienlu = user_headers(db, district, "officer")
    station = register(client, tienlu, name="Đài Truyền thanh huyện Tiên Lữ")
    for day, cost in (("2024-02-05", 300_000), ("2024-07-15", 0)):
        body = activity_body(station["id"], occurred_on=day, cost_vnd=cost)
        log(client, tienlu, body)
    levels = [unit_id(db, "province", "33"), district, unit_id(db, "commune", "12352")]
    admin = auth("admin")

    totals = []
    for unit in levels:
        summary = _summary(
            client, admin, unit_id=unit, group_by=["channel_type", "month"], **YEAR_2024
        )
        assert summary["totals"] == _sum_rows(summary["rows"])
        assert summary["totals"] == _listed(client, admin, unit_id=unit, **YEAR_2024)
        totals.append(summary["totals"])
    province, district_total, commune = totals
    assert province == district_total
    assert district_total["activities"] - commune["activities"] == 2
    assert district_total["cost_vnd"] - commune["cost_vnd"] == 300_000


def test_a_commune_cannot_summarise_its_district(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = client.get(
        f"{API}/activities/summary",
        params={"unit_id": unit_id(db, "district", "332"), **YEAR_2024},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 404


def test_the_portal_gets_no_summary(client: TestClient, auth: Auth) -> None:
    response = client.get(f"{API}/activities/summary", params=YEAR_2024, headers=auth("portal"))

    assert response.status_code == 403


def test_a_backwards_range_is_422(client: TestClient, auth: Auth) -> None:
    response = client.get(
        f"{API}/activities/summary",
        params={"date_from": "2024-12-31", "date_to": "2024-01-01"},
        headers=auth("lexa.officer"),
    )

    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "query.date_to")


def test_a_national_summary_takes_every_tree(client: TestClient, auth: Auth) -> None:
    summary = _summary(
        client,
        auth("integration"),
        date_from="2019-01-01",
        date_to="2026-06-30",
        group_by=["channel_type"],
    )

    radio = next(r for r in summary["rows"] if r["channel_type"] == "radio")
    assert (summary["unit_id"], radio["activities"]) == (None, 52 + 366 + 365)


def test_writing_to_the_summary_is_405_not_a_missing_if_match(
    client: TestClient, auth: Auth
) -> None:
    response = client.patch(f"{API}/activities/summary", json={}, headers=auth("lexa.officer"))

    assert (response.status_code, response.json()["code"]) == (405, "method_not_allowed")
