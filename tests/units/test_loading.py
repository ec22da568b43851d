"""The official unit list, copied into our tables: counts, seed units and successor links."""

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.units.models import AdminUnit, UnitLevel
from tests.helpers import unit_id


def _count(db: Session, level: UnitLevel, old: bool) -> int:
    condition = AdminUnit.path.startswith("old/" if old else "new/")  # type: ignore[attr-defined]
    return db.exec(
        select(func.count()).select_from(AdminUnit).where(AdminUnit.level == level, condition)
    ).one()


def test_pre_reform_tree_has_63_provinces_696_districts_10051_communes(db: Session) -> None:
    assert _count(db, UnitLevel.province, old=True) == 63
    assert _count(db, UnitLevel.district, old=True) == 696
    assert _count(db, UnitLevel.commune, old=True) == 10051


def test_two_level_tree_has_34_provinces_3321_communes_and_no_districts(db: Session) -> None:
    assert _count(db, UnitLevel.province, old=False) == 34
    assert _count(db, UnitLevel.commune, old=False) == 3321
    assert _count(db, UnitLevel.district, old=False) == 0


def test_loading_again_inserts_nothing(db: Session) -> None:
    from app.units.loader import load_units

    report = load_units(db)
    assert (report.units_inserted, report.successions_inserted) == (0, 0)


def test_seed_units_exist_with_their_official_codes(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    expected = {
        ("dong hoa", "district"): ("564", "Thị xã Đông Hòa", "thị xã"),
        ("tra bong", "district"): ("525", "Huyện Trà Bồng", "huyện"),
        ("song ma", "district"): ("126", "Huyện Sông Mã", "huyện"),
        ("le xa", "commune"): ("12352", "Xã Lệ Xá", "xã"),
        ("ha noi", "province"): ("01", "Thành phố Hà Nội", "thành phố"),
    }
    for (q, level), (code, name, kind) in expected.items():
        response = client.get(
            "/api/v1/units",
            params={"q": q, "level": level, "as_of": "2024-01-15"},
            headers=auth("lexa.officer"),
        )
        found = {(u["code"], u["name"], u["kind"]) for u in response.json()["items"]}
        assert (code, name, kind) in found, (q, found)


def test_le_xa_sits_under_tien_lu_under_hung_yen(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    lexa = unit_id(db, "commune", "12352")
    response = client.get(f"/api/v1/units/{lexa}/ancestors", headers=auth("lexa.officer"))
    assert [u["name"] for u in response.json()["items"]] == ["Tỉnh Hưng Yên", "Huyện Tiên Lữ"]


def test_le_xa_leads_to_xa_tien_hoa(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    lexa = unit_id(db, "commune", "12352")
    response = client.get(f"/api/v1/units/{lexa}/successors", headers=auth("lexa.officer"))
    links = response.json()["items"]
    assert [(link["unit"]["name"], link["parent_name"]) for link in links] == [
        ("Xã Tiên Hoa", "Tỉnh Hưng Yên")
    ]
    tien_hoa = links[0]["unit"]["id"]
    back = client.get(f"/api/v1/units/{tien_hoa}/predecessors", headers=auth("lexa.officer"))
    assert "Xã Lệ Xá" in [link["unit"]["name"] for link in back.json()["items"]]


def test_dong_hoa_town_leads_into_dak_lak(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    donghoa = unit_id(db, "district", "564")
    links = client.get(
        f"/api/v1/units/{donghoa}/successors", headers=auth("donghoa.officer")
    ).json()["items"]
    assert links, "thị xã Đông Hòa has successors"
    assert {link["parent_name"] for link in links} == {"Tỉnh Đắk Lắk"}
    phu_yen = unit_id(db, "province", "54")
    provinces = client.get(f"/api/v1/units/{phu_yen}/successors", headers=auth("donghoa.officer"))
    assert [link["unit"]["name"] for link in provinces.json()["items"]] == ["Tỉnh Đắk Lắk"]


def test_search_ignores_tone_marks_and_d_stroke(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    for q in ("dong hoa", "Đông Hòa", "DONG HOA", "đông hoà"):
        response = client.get(
            "/api/v1/units", params={"q": q, "level": "district"}, headers=auth("admin")
        )
        assert [u["name"] for u in response.json()["items"]] == ["Thị xã Đông Hòa"], q


def test_as_of_selects_the_tree_in_force(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    headers = auth("admin")
    before = client.get(
        "/api/v1/units", params={"q": "le xa", "as_of": "2025-06-30"}, headers=headers
    )
    after = client.get(
        "/api/v1/units", params={"q": "le xa", "as_of": "2025-07-01"}, headers=headers
    )
    assert [u["name"] for u in before.json()["items"]] == ["Xã Lệ Xá"]
    assert after.json()["items"] == []
