"""An assignment's evidence: the activities that cite it, their totals and the latest ones."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.channels.factories import API, LEXA_RADIO, activity_body, assignment_of, channel_id, log
from tests.conftest import StatementCounter

Auth = Callable[[str], dict[str, str]]


def test_song_ma_weekly_programme_shows_its_52_broadcasts(
    client: TestClient, db: Session, auth: Auth
) -> None:
    weekly = assignment_of(db, "songma-33-2019", "2")

    evidence = client.get(f"{API}/assignments/{weekly.id}", headers=auth("songma.officer")).json()[
        "evidence"
    ]

    assert {k: evidence[k] for k in ("activities", "cost_vnd", "quantities", "last_on")} == {
        "activities": 52,
        "cost_vnd": 0,
        "quantities": {"broadcasts": 52, "minutes": 780},
        "last_on": "2019-12-30",
    }
    assert [a["occurred_on"] for a in evidence["latest"]] == [
        "2019-12-30",
        "2019-12-23",
        "2019-12-16",
    ]


def test_an_assignment_without_activities_shows_none(
    client: TestClient, db: Session, auth: Auth
) -> None:
    justice = assignment_of(db, "lexa-17-2024", "5")

    evidence = client.get(f"{API}/assignments/{justice.id}", headers=auth("lexa.officer")).json()[
        "evidence"
    ]

    assert evidence == {
        "activities": 0,
        "cost_vnd": 0,
        "quantities": {},
        "last_on": None,
        "latest": [],
    }


def test_a_logged_activity_becomes_the_latest_evidence(
    client: TestClient, db: Session, auth: Auth
) -> None:
    vp_tk = assignment_of(db, "lexa-17-2024", "2")
    body = activity_body(
        channel_id(db, LEXA_RADIO),
        assignment_id=vp_tk.id,
        occurred_on="2024-05-20",
        cost_vnd=150_000,
    )
    created = log(client, auth("lexa.officer"), body)

    evidence = client.get(f"{API}/assignments/{vp_tk.id}", headers=auth("lexa.officer")).json()[
        "evidence"
    ]

    assert (evidence["activities"], evidence["cost_vnd"], evidence["latest"][0]["id"]) == (
        1,
        150_000,
        created["id"],
    )


def test_the_assignment_list_costs_the_same_statements_for_5_and_50_rows(
    client: TestClient, auth: Auth, count_statements: StatementCounter
) -> None:
    headers = auth("admin")
    client.get(f"{API}/assignments", params={"limit": 5}, headers=headers)  # warm caches
    count_statements.count = 0
    client.get(f"{API}/assignments", params={"limit": 5}, headers=headers)
    small = count_statements.count
    count_statements.count = 0
    client.get(f"{API}/assignments", params={"limit": 50}, headers=headers)

    assert count_statements.count == small
