"""Channel and activity writes under real concurrency (see tests/test_concurrency.py): one
version wins, and a batch retried ten times at once is written once."""

from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlmodel import Session, func, select

from app.channels.models import Activity
from tests.test_concurrency import Stage, race, staged, statuses


@pytest.fixture(scope="module")
def stage() -> Iterator[Stage]:
    with staged("race_channels") as s:
        yield s


def _channel(stage: Stage, name: str) -> dict[str, Any]:
    body = {"channel_type": "e_portal", "name": name}
    response = httpx.post(f"{stage.url}/channels", json=body, headers=stage.officer)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    result["etag"] = response.headers["ETag"]
    return result


def _row(channel_id: int, day: int) -> dict[str, Any]:
    return {
        "channel_id": channel_id,
        "occurred_on": f"2026-03-{day:02d}",
        "title": f"Tin cải cách hành chính trên Cổng thông tin điện tử tỉnh, ngày {day}/3",
        "quantities": {"articles": 1},
    }


def _activities(stage: Stage, channel_id: int) -> int:
    with Session(stage.engine) as session:
        stmt = select(func.count()).select_from(Activity).where(Activity.channel_id == channel_id)
        count: int = session.exec(stmt).one()
        return count


def test_twenty_channel_edits_with_one_etag_make_one_change(stage: Stage) -> None:
    channel = _channel(stage, "Cổng thông tin điện tử tỉnh Hưng Yên")

    def patch(client: httpx.Client, i: int) -> httpx.Response:
        return client.patch(
            f"{stage.url}/channels/{channel['id']}",
            json={"schedule": f"Cập nhật lần {i}"},
            headers={**stage.officer, "If-Match": channel["etag"]},
        )

    responses = race(20, patch)
    assert statuses(responses) == Counter({200: 1, 412: 19})
    final = httpx.get(f"{stage.url}/channels/{channel['id']}", headers=stage.officer).json()
    winner = next(r.json() for r in responses if r.status_code == 200)
    assert (final["schedule"], final["version"]) == (winner["schedule"], 2)


def test_twenty_activity_edits_with_one_etag_make_one_change(stage: Stage) -> None:
    channel = _channel(stage, "Trang tin CCHC tỉnh Hưng Yên")
    created = httpx.post(
        f"{stage.url}/activities", json=_row(channel["id"], 2), headers=stage.officer
    )
    assert created.status_code == 201, created.text
    path = f"{stage.url}/activities/{created.json()['id']}"
    tag = created.headers["ETag"]

    def patch(client: httpx.Client, i: int) -> httpx.Response:
        body = {"quantities": {"articles": i + 2}}
        return client.patch(path, json=body, headers={**stage.officer, "If-Match": tag})

    responses = race(20, patch)
    assert statuses(responses) == Counter({200: 1, 412: 19})
    winner = next(r.json() for r in responses if r.status_code == 200)
    final = httpx.get(path, headers=stage.officer).json()
    assert (final["quantities"], final["version"]) == (winner["quantities"], 2)


def test_ten_concurrent_retries_of_one_batch_write_it_once_and_answer_alike(stage: Stage) -> None:
    channel = _channel(stage, "Chuyên mục CCHC tỉnh Hưng Yên")
    rows = [_row(channel["id"], day) for day in range(1, 21)]
    headers = {**stage.officer, "Idempotency-Key": "hungyen-2026-03-portal"}

    def post(client: httpx.Client, _i: int) -> httpx.Response:
        return client.post(f"{stage.url}/activities:batch", json=rows, headers=headers)

    responses = race(10, post)
    assert statuses(responses) == Counter({201: 10})
    assert len({r.text for r in responses}) == 1
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in responses) == 9
    assert _activities(stage, channel["id"]) == 20
