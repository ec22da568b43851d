"""Channels of a unit: registering, reading within scope, changing, and the 2025 merge links."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.channels.models import Channel
from tests.channels.factories import (
    API,
    LEXA_RADIO,
    SONGMA_STATION,
    TIENHOA_RADIO,
    channel_id,
    new_unit_id,
    register,
)
from tests.helpers import unit_id
from tests.plans.factories import user_headers

Auth = Callable[[str], dict[str, str]]


def test_an_officer_registers_a_channel_of_their_unit(
    client: TestClient, db: Session, auth: Auth
) -> None:
    created = register(
        client,
        auth("lexa.officer"),
        name="  Loa truyền thanh thôn Đông  ",
        languages=["vie"],
        frequency="daily",
        schedule="Sáng 6h00 hàng ngày",
    )

    assert {k: created[k] for k in ("unit_id", "unit_name", "name", "frequency", "is_active")} == {
        "unit_id": unit_id(db, "commune", "12352"),
        "unit_name": "Xã Lệ Xá",
        "name": "Loa truyền thanh thôn Đông",
        "frequency": "daily",
        "is_active": True,
    }


def test_languages_default_to_vietnamese(client: TestClient, auth: Auth) -> None:
    assert register(client, auth("lexa.officer"))["languages"] == ["vie"]


def test_an_unknown_language_is_422_naming_it(client: TestClient, auth: Auth) -> None:
    response = client.post(
        f"{API}/channels",
        json={"channel_type": "radio", "name": "Loa thôn", "languages": ["vie", "thai"]},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.languages"


def test_an_unknown_channel_type_is_422(client: TestClient, auth: Auth) -> None:
    response = client.post(
        f"{API}/channels",
        json={"channel_type": "carrier_pigeon", "name": "Bồ câu đưa thư"},
        headers=auth("lexa.officer"),
    )

    assert (response.status_code, response.json()["errors"][0]["field"]) == (
        422,
        "body.channel_type",
    )


def test_the_operator_must_be_an_agency_of_the_unit(
    client: TestClient, db: Session, auth: Auth
) -> None:
    station = db.get(Channel, channel_id(db, SONGMA_STATION))
    assert station is not None  # operated by an agency of huyện Sông Mã

    response = client.post(
        f"{API}/channels",
        json={
            "channel_type": "radio",
            "name": "Loa thôn",
            "operator_agency_id": station.operator_agency_id,
        },
        headers=auth("lexa.officer"),
    )

    assert (response.status_code, response.json()["errors"][0]["field"]) == (
        422,
        "body.operator_agency_id",
    )


def test_a_channel_of_another_unit_cannot_be_registered(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = client.post(
        f"{API}/channels",
        json={
            "unit_id": unit_id(db, "district", "332"),
            "channel_type": "radio",
            "name": "Đài truyền thanh huyện Tiên Lữ",
        },
        headers=auth("lexa.officer"),
    )

    assert (response.status_code, response.json()["code"]) == (403, "not_owning_unit")


def test_a_commune_reads_its_districts_channels_but_not_a_siblings(
    client: TestClient, db: Session, auth: Auth
) -> None:
    district = unit_id(db, "district", "332")
    station = register(client, user_headers(db, district, "officer"), name="Đài huyện Tiên Lữ")
    neighbour = unit_id(db, "commune", "12355")
    theirs = register(client, user_headers(db, neighbour, "officer"), name="Loa xã láng giềng")

    mine = auth("lexa.officer")
    assert client.get(f"{API}/channels/{station['id']}", headers=mine).status_code == 200
    assert client.get(f"{API}/channels/{theirs['id']}", headers=mine).status_code == 404


def test_list_filters_by_unit_subtree_type_and_q(
    client: TestClient, db: Session, auth: Auth
) -> None:
    params = {
        "unit_id": unit_id(db, "district", "126"),
        "channel_type": "radio",
        "q": "truyen hinh",
    }

    response = client.get(f"{API}/channels", params=params, headers=auth("admin"))

    assert [c["name"] for c in response.json()["items"]] == [SONGMA_STATION]


def test_the_station_lists_its_minority_languages(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = client.get(
        f"{API}/channels/{channel_id(db, SONGMA_STATION)}", headers=auth("songma.officer")
    )

    assert (response.json()["languages"], response.json()["frequency"]) == (
        ["vie", "blt", "hmn"],
        "weekly",
    )


def test_patch_needs_if_match_and_bumps_the_version(client: TestClient, auth: Auth) -> None:
    created = register(client, auth("lexa.officer"))
    path = f"{API}/channels/{created['id']}"

    without = client.patch(path, json={"is_active": False}, headers=auth("lexa.officer"))
    response = client.patch(
        path,
        json={"is_active": False, "schedule": "Ngừng phát từ tháng 7"},
        headers={**auth("lexa.officer"), "If-Match": created["etag"]},
    )

    assert without.status_code == 428
    body = response.json()
    assert (response.status_code, body["is_active"], body["version"]) == (200, False, 2)
    assert response.headers["ETag"] == f'"channel-{created["id"]}-v2"'


def test_a_stale_etag_is_412(client: TestClient, auth: Auth) -> None:
    created = register(client, auth("lexa.officer"))
    path = f"{API}/channels/{created['id']}"
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}
    assert (
        client.patch(path, json={"name": "Loa thôn Đông mới"}, headers=headers).status_code == 200
    )

    assert client.patch(path, json={"name": "Loa thôn Tây"}, headers=headers).status_code == 412


def test_the_type_cannot_be_changed(client: TestClient, auth: Auth) -> None:
    created = register(client, auth("lexa.officer"))

    response = client.patch(
        f"{API}/channels/{created['id']}",
        json={"channel_type": "e_portal"},
        headers={**auth("lexa.officer"), "If-Match": created["etag"]},
    )

    assert (response.status_code, response.json()["errors"][0]["type"]) == (422, "extra_forbidden")


def test_the_successors_radio_names_the_merged_radio_of_le_xa(
    client: TestClient, db: Session, auth: Auth
) -> None:
    lexa = client.get(f"{API}/channels/{channel_id(db, LEXA_RADIO)}", headers=auth("admin")).json()
    tienhoa = client.get(
        f"{API}/channels/{channel_id(db, TIENHOA_RADIO)}", headers=auth("admin")
    ).json()

    assert lexa["merged_into"] == {
        "id": tienhoa["id"],
        "name": TIENHOA_RADIO,
        "unit_id": tienhoa["unit_id"],
    }
    assert [c["name"] for c in tienhoa["merged_from"]] == [LEXA_RADIO]
    assert lexa["is_active"] is False


def test_the_abolished_communes_own_users_still_read_its_radio(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = client.get(
        f"{API}/channels/{channel_id(db, LEXA_RADIO)}", headers=auth("lexa.officer")
    )

    assert (response.status_code, response.json()["name"]) == (200, LEXA_RADIO)


def test_only_a_predecessor_units_channel_can_be_merged(
    client: TestClient, db: Session, auth: Auth
) -> None:
    tienhoa = user_headers(db, new_unit_id(db, "12361"), "officer")

    response = client.post(
        f"{API}/channels",
        json={
            "channel_type": "radio",
            "name": "Đài truyền thanh xã Tiên Hoa (2)",
            "merged_from": [channel_id(db, SONGMA_STATION)],
        },
        headers=tienhoa,
    )

    assert (response.status_code, response.json()["errors"][0]["field"]) == (
        422,
        "body.merged_from.0",
    )


def test_a_merged_channel_cannot_be_merged_again(
    client: TestClient, db: Session, auth: Auth
) -> None:
    tienhoa = user_headers(db, new_unit_id(db, "12361"), "officer")

    response = client.post(
        f"{API}/channels",
        json={
            "channel_type": "radio",
            "name": "Đài truyền thanh xã Tiên Hoa (2)",
            "merged_from": [channel_id(db, LEXA_RADIO)],
        },
        headers=tienhoa,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("Kênh «Đài truyền thanh xã Lệ Xá»")
