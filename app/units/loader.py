"""Copy the official unit list (vietnam-provinces) into our own tables.

The package is GPL reference data; the service reads only its own tables at request time.
Ids are assigned in a fixed order (old tree, then new tree, each sorted by code), so a fresh
load gives every unit the same id on every database. Re-running inserts only what is missing.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, text
from sqlmodel import Session, select

from app.core.text import fold, nfc
from app.units.models import LAST_OLD_DAY, REFORM_DATE, AdminUnit, UnitLevel, UnitSuccession


@dataclass
class LoadReport:
    units_inserted: int
    successions_inserted: int
    counts: dict[str, int]


def _kind(division_type: str) -> str:
    # The package says "thành phố trung ương" for Hà Nội, HCMC…; officials write "thành phố".
    return "thành phố" if division_type == "thành phố trung ương" else division_type


def _unit(
    code: str, name: str, level: UnitLevel, kind: str, parent: str | None, path: str, old: bool
) -> dict[str, Any]:
    return {
        "code": code,
        "name": nfc(name),
        "name_folded": fold(name),
        "level": level,
        "kind": _kind(kind),
        "parent_path": parent,
        "path": path,
        "valid_from": None if old else REFORM_DATE,
        "valid_to": LAST_OLD_DAY if old else None,
    }


def official_units() -> list[dict[str, Any]]:
    """Both trees from the package, parents before children, in a fixed order."""
    from vietnam_provinces import Province, Ward
    from vietnam_provinces.legacy import District as OldDistrict
    from vietnam_provinces.legacy import Province as OldProvince
    from vietnam_provinces.legacy import Ward as OldWard

    rows: list[dict[str, Any]] = []
    old_province_path: dict[int, str] = {}
    for p in sorted(OldProvince.iter_all(), key=lambda u: u.code.value):
        path = f"old/{p.code.value:02d}/"
        old_province_path[p.code.value] = path
        rows.append(
            _unit(
                f"{p.code.value:02d}",
                p.name,
                UnitLevel.province,
                p.division_type,
                None,
                path,
                old=True,
            )
        )
    district_path: dict[int, str] = {}
    for d in sorted(OldDistrict.iter_all(), key=lambda u: u.code.value):
        parent = old_province_path[d.province_code.value]
        path = f"{parent}{d.code.value:03d}/"
        district_path[d.code.value] = path
        rows.append(
            _unit(
                f"{d.code.value:03d}",
                d.name,
                UnitLevel.district,
                d.division_type,
                parent,
                path,
                old=True,
            )
        )
    for w in sorted(OldWard.iter_all(), key=lambda u: u.code.value):
        parent = district_path[w.district_code.value]
        rows.append(
            _unit(
                f"{w.code.value:05d}",
                w.name,
                UnitLevel.commune,
                w.division_type,
                parent,
                f"{parent}{w.code.value:05d}/",
                old=True,
            )
        )
    for np in sorted(Province.iter_all(), key=lambda u: u.code.value):
        rows.append(
            _unit(
                f"{np.code.value:02d}",
                np.name,
                UnitLevel.province,
                np.division_type,
                None,
                f"new/{np.code.value:02d}/",
                old=False,
            )
        )
    for nw in sorted(Ward.iter_all(), key=lambda u: u.code.value):
        parent = f"new/{nw.province_code.value:02d}/"
        rows.append(
            _unit(
                f"{nw.code.value:05d}",
                nw.name,
                UnitLevel.commune,
                nw.division_type,
                parent,
                f"{parent}{nw.code.value:05d}/",
                old=False,
            )
        )
    return rows


def official_successions(path_of_old_ward: dict[int, str]) -> list[tuple[str, str, bool]]:
    """(old path, new path, partial) for provinces, districts and communes."""
    from vietnam_provinces import Ward
    from vietnam_provinces._province_conversion_2025 import OLD_TO_NEW as PROVINCES
    from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW as WARDS

    new_ward_province = {w.code.value: w.province_code.value for w in Ward.iter_all()}
    links: list[tuple[str, str, bool]] = []
    for old_code, p_entry in sorted(PROVINCES.items()):
        many = len(p_entry.new_provinces) > 1
        for new in p_entry.new_provinces:
            links.append((f"old/{old_code:02d}/", f"new/{new.code:02d}/", many))
    by_district: dict[str, set[str]] = {}
    for old_code, entry in sorted(WARDS.items()):
        old_path = path_of_old_ward.get(old_code)
        if old_path is None:
            continue
        district = old_path.rsplit("/", 2)[0] + "/"
        for new_ward in entry.new_wards:
            province = new_ward_province.get(new_ward.code, new_ward.province_code)
            new_path = f"new/{province:02d}/{new_ward.code:05d}/"
            links.append((old_path, new_path, entry.old_ward.is_partly_merged))
            by_district.setdefault(district, set()).add(new_path)
    for district, targets in sorted(by_district.items()):
        for new_path in sorted(targets):
            links.append((district, new_path, len(targets) > 1))
    return links


def load_units(session: Session) -> LoadReport:
    rows = official_units()
    existing: dict[str, int] = {
        path: unit_id
        for path, unit_id in session.exec(select(AdminUnit.path, AdminUnit.id)).all()
        if unit_id is not None
    }
    next_id = max(existing.values(), default=0) + 1
    ids: dict[str, int] = dict(existing)
    new_rows: list[dict[str, Any]] = []
    for row in rows:
        if row["path"] in ids:
            continue
        ids[row["path"]] = next_id
        parent_path = row.pop("parent_path")
        new_rows.append(
            {**row, "id": next_id, "parent_id": ids[parent_path] if parent_path else None}
        )
        next_id += 1
    for chunk in range(0, len(new_rows), 2000):
        session.execute(insert(AdminUnit), new_rows[chunk : chunk + 2000])

    old_wards = {
        int(r["code"]): r["path"]
        for r in rows
        if r["path"].startswith("old/") and r["level"] == UnitLevel.commune
    }
    have = set(
        session.exec(select(UnitSuccession.predecessor_id, UnitSuccession.successor_id)).all()
    )
    links = []
    for old_path, new_path, partial in official_successions(old_wards):
        pair = (ids[old_path], ids[new_path])
        if pair in have:
            continue
        have.add(pair)
        links.append(
            {
                "predecessor_id": pair[0],
                "successor_id": pair[1],
                "partial": partial,
                "effective_on": REFORM_DATE,
            }
        )
    for chunk in range(0, len(links), 5000):
        session.execute(insert(UnitSuccession), links[chunk : chunk + 5000])
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('admin_unit', 'id'), "
                "(SELECT coalesce(max(id), 1) FROM admin_unit))"
            )
        )
    session.flush()
    counts: dict[str, int] = {}
    for row in rows:
        tree = row["path"].split("/", 1)[0]
        key = f"{tree}.{row['level']}"
        counts[key] = counts.get(key, 0) + 1
    return LoadReport(len(new_rows), len(links), counts)
