"""POST /activities:batch: all rows or none, every row's problems at once, and safe retries."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlmodel import Session, func, select

from app.channels.models import Activity
from app.core.idempotency import IdempotencyRecord, expire
from tests.channels.factories import API, LEXA_RADIO, activity_body, assignment_of, channel_id
from tests.helpers import unit_id

Auth = Callable[[str], dict[str, str]]
BATCH = f"{API}/activities:batch"


def _count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Activity)).one()


def _week(db: Session, n: int = 7) -> list[dict[str, Any]]:
    vp_tk = assignment_of(db, "lexa-17-2024", "2")
    radio = channel_id(db, LEXA_RADIO)
    return [
        activity_body(
            radio,
            assignment_id=vp_tk.id,
            occurred_on=f"2024-04-{day:02d}",
            title=f"Hướng dẫn thực hiện TTHC trên môi trường điện tử, ngày {day}/4",
        )
        for day in range(1, n + 1)
    ]


def test_a_batch_writes_every_row_in_order(client: TestClient, db: Session, auth: Auth) -> None:
    before = _count(db)

    response = client.post(BATCH, json=_week(db), headers=auth("lexa.officer"))

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["created"], _count(db) - before) == (7, 7)
    dates = [db.get(Activity, i).occurred_on.day for i in body["ids"]]  # type: ignore[union-attr]
    assert dates == [1, 2, 3, 4, 5, 6, 7]


def test_one_bad_row_writes_nothing_and_every_rows_problems_are_listed(
    client: TestClient, db: Session, auth: Auth
) -> None:
    rows = _week(db, 5)
    rows[1]["quantities"] = {"broadcasts": 1, "leaflets": 300}
    del rows[2]["title"]
    rows[3]["language"] = "hmn"
    rows[4]["occurred_on"] = "2023-12-30"
    before = _count(db)

    response = client.post(BATCH, json=rows, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [
        "body.1.quantities.leaflets",
        "body.2.title",
        "body.3.language",
        "body.4.occurred_on",
    ]
    assert _count(db) == before


def test_a_row_that_is_not_an_object_is_named(client: TestClient, db: Session, auth: Auth) -> None:
    response = client.post(BATCH, json=[_week(db, 1)[0], "tin"], headers=auth("lexa.officer"))

    assert [(e["field"], e["message"]) for e in response.json()["errors"]] == [
        ("body.1", "Phải là một đối tượng JSON.")
    ]


def test_more_than_5000_rows_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    row = _week(db, 1)[0]

    response = client.post(BATCH, json=[row] * 5001, headers=auth("lexa.officer"))

    assert (response.status_code, response.json()["errors"][0]["message"]) == (
        422,
        "Mỗi lô tối đa 5000 dòng; đã nhận 5001 dòng.",
    )


def test_an_empty_batch_is_422(client: TestClient, auth: Auth) -> None:
    assert client.post(BATCH, json=[], headers=auth("lexa.officer")).status_code == 422


def test_a_row_of_another_unit_makes_the_batch_403(
    client: TestClient, db: Session, auth: Auth
) -> None:
    lexa = unit_id(db, "commune", "12352")
    rows = [{**row, "unit_id": lexa} for row in _week(db, 3)]

    response = client.post(BATCH, json=rows, headers=auth("tienlu.officer"))

    assert (response.status_code, response.json()["code"]) == (403, "not_owning_unit")


def test_a_retry_with_the_same_key_answers_the_same_and_writes_nothing(
    client: TestClient, db: Session, auth: Auth
) -> None:
    headers = {**auth("lexa.officer"), "Idempotency-Key": "lexa-2024-04-week-1"}
    first = client.post(BATCH, json=_week(db), headers=headers)
    before = _count(db)

    again = client.post(BATCH, json=_week(db), headers=headers)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _count(db) == before


def test_the_same_key_with_another_body_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    headers = {**auth("lexa.officer"), "Idempotency-Key": "lexa-2024-04-week-1"}
    assert client.post(BATCH, json=_week(db), headers=headers).status_code == 201
    before = _count(db)

    response = client.post(BATCH, json=_week(db, 6), headers=headers)

    assert (response.status_code, response.json()["code"]) == (422, "idempotency_key_reused")
    assert _count(db) == before


def test_a_failed_batch_leaves_its_key_free(client: TestClient, db: Session, auth: Auth) -> None:
    headers = {**auth("lexa.officer"), "Idempotency-Key": "lexa-retry-after-fix"}
    rows = _week(db, 2)
    broken = [rows[0], {**rows[1], "quantities": {"leaflets": 1}}]
    assert client.post(BATCH, json=broken, headers=headers).status_code == 422

    assert client.post(BATCH, json=rows, headers=headers).status_code == 201


def test_keys_belong_to_their_caller(client: TestClient, db: Session, auth: Auth) -> None:
    rows = _week(db, 2)
    key = {"Idempotency-Key": "shared-key"}
    assert client.post(BATCH, json=rows, headers={**auth("lexa.officer"), **key}).status_code == 201
    before = _count(db)

    response = client.post(BATCH, json=rows, headers={**auth("lexa.leader"), **key})

    assert (response.status_code, _count(db) - before) == (201, 2)


def test_a_key_older_than_a_day_is_a_new_request(
    client: TestClient, db: Session, auth: Auth
) -> None:
    headers = {**auth("lexa.officer"), "Idempotency-Key": "lexa-old-key"}
    assert client.post(BATCH, json=_week(db, 2), headers=headers).status_code == 201
    db.exec(update(IdempotencyRecord).values(created_at=datetime.now(UTC) - timedelta(hours=25)))
    before = _count(db)

    response = client.post(BATCH, json=_week(db, 2), headers=headers)

    assert (response.status_code, _count(db) - before) == (201, 2)
    assert "Idempotent-Replayed" not in response.headers


def test_expiry_deletes_only_keys_past_their_day(
    client: TestClient, db: Session, auth: Auth
) -> None:
    for key in ("k-old", "k-new"):
        headers = {**auth("lexa.officer"), "Idempotency-Key": key}
        assert client.post(BATCH, json=_week(db, 1), headers=headers).status_code == 201
    db.exec(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.key == "k-old")  # type: ignore[arg-type]
        .values(created_at=datetime.now(UTC) - timedelta(hours=25))
    )

    assert expire(db) == 1
    assert db.exec(select(IdempotencyRecord.key)).all() == ["k-new"]
