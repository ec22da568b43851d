"""GET /activities: scope, filters, tone-insensitive search and keyset pages over the demo year."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.channels.factories import API, LEXA_RADIO, SONGMA_STATION, assignment_of, channel_id
from tests.conftest import StatementCounter
from tests.helpers import unit_id

Auth = Callable[[str], dict[str, str]]


def _all(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"limit": 200, **params, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"{API}/activities", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items


def test_le_xa_radio_aired_every_day_of_2024(client: TestClient, db: Session, auth: Auth) -> None:
    items = _all(client, auth("lexa.officer"), channel_id=channel_id(db, LEXA_RADIO))

    days = [i["occurred_on"] for i in items]
    assert (len(days), days[0], days[-1]) == (366, "2024-12-31", "2024-01-01")


def test_pages_follow_newest_first_without_gaps_or_repeats(
    client: TestClient, db: Session, auth: Auth
) -> None:
    small = _all(
        client, auth("lexa.officer"), limit=7, date_from="2024-03-01", date_to="2024-03-31"
    )

    dates = [(i["occurred_on"], i["id"]) for i in small]
    assert dates == sorted(dates, reverse=True)
    assert len({i["id"] for i in small}) == len(small) == 31 + 1  # 31 broadcasts, 1 article


def test_a_commune_sees_its_own_and_public_activities_only(
    client: TestClient, db: Session, auth: Auth
) -> None:
    units = {i["unit_name"] for i in _all(client, auth("lexa.officer"), public=False)}

    assert units == {"Xã Lệ Xá"}


def test_unit_filter_takes_the_subtree(client: TestClient, db: Session, auth: Auth) -> None:
    province = unit_id(db, "province", "33")  # Hưng Yên, above Tiên Lữ and Lệ Xá

    items = _all(client, auth("admin"), unit_id=province, date_from="2024-01-01")

    assert {i["unit_name"] for i in items} == {"Xã Lệ Xá"}
    assert len(items) == 366 + 12


def test_assignment_filter_gives_its_evidence(client: TestClient, db: Session, auth: Auth) -> None:
    weekly = assignment_of(db, "songma-33-2019", "2")

    items = _all(client, auth("songma.officer"), assignment_id=weekly.id)

    assert (len(items), {i["channel_name"] for i in items}) == (52, {SONGMA_STATION})


def test_topic_filter_includes_the_topics_below_it(
    client: TestClient, db: Session, auth: Auth
) -> None:
    # Trà Bồng's portal and village meetings carry index.papi (and index.par): all under "index".
    trabong = unit_id(db, "district", "525")

    items = _all(client, auth("trabong.officer"), topic="index", unit_id=trabong)

    assert (len(items), {i["channel_type"] for i in items}) == (
        12 + 4,
        {"e_portal", "community_meeting"},
    )


def test_an_unknown_topic_is_422(client: TestClient, auth: Auth) -> None:
    response = client.get(f"{API}/activities", params={"topic": "cai_cach"}, headers=auth("admin"))

    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "query.topic")


def test_q_ignores_tone_marks(client: TestClient, auth: Auth) -> None:
    items = _all(client, auth("admin"), q="TO GAP ve dich vu cong truc tuyen")

    assert [i["title"] for i in items] == [
        "Phát hành tờ gấp về dịch vụ công trực tuyến mức độ 3, mức độ 4"
    ]


def test_channel_type_and_dates_narrow_the_list(client: TestClient, auth: Auth) -> None:
    items = _all(
        client, auth("admin"), channel_type="hotline", date_from="2019-04-01", date_to="2019-06-30"
    )

    assert [i["occurred_on"] for i in items] == ["2019-06-30", "2019-05-31", "2019-04-30"]


def test_the_minority_language_broadcasts_are_every_fourth_week(
    client: TestClient, db: Session, auth: Auth
) -> None:
    items = _all(client, auth("songma.officer"), channel_id=channel_id(db, SONGMA_STATION))

    assert sum(i["language"] == "blt" for i in items) == 13


def test_a_page_costs_the_same_statements_for_5_and_200_rows(
    client: TestClient, auth: Auth, count_statements: StatementCounter
) -> None:
    headers = auth("admin")
    client.get(f"{API}/activities", params={"limit": 5}, headers=headers)  # warm caches
    count_statements.count = 0
    client.get(f"{API}/activities", params={"limit": 5}, headers=headers)
    small = count_statements.count
    count_statements.count = 0
    client.get(f"{API}/activities", params={"limit": 200}, headers=headers)

    assert count_statements.count == small
