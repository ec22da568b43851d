"""`make run` demo data: reference data, the seeds' agencies, demo users and the seed plans.

Demo users of two eras: the historic ones work in the units that issued the seeds (abolished on
1/7/2025 but for Hà Nội) and read and follow their old plans; the current ones work in today's
units (Hưng Yên, xã Tiên Hoa, Đắk Lắk, Quảng Ngãi, Sơn La, xã Sông Mã) and run the workflow
on a 2026 plan.
"""

import os
import secrets
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.core.db import flush
from app.core.security import hash_password
from app.core.text import fold, nfc
from app.demo.channels import load_demo_channels
from app.demo.lookup import unit_of
from app.demo.plans import load_seed_plans
from app.demo.reports import load_demo_reports
from app.demo.seeds import UnitKey, agency_seeds
from app.reference.loader import load_reference_data
from app.users.models import Agency, AgencyKind, Role, User


@dataclass(frozen=True)
class DemoUnit:
    key: str
    unit: UnitKey
    officer_agency: str  # folded name fragment of the agency the demo officer works in

    @property
    def current(self) -> bool:
        return self.unit.tree == "new"


# The seeds' issuers (pre-2025 tree) plus huyện Tiên Lữ, which issued Lệ Xá's superior plans;
# then today's units: the successors of those places (Hưng Yên took Tiên Lữ, xã Tiên Hoa took
# Lệ Xá, Đắk Lắk took Phú Yên's Đông Hòa, Quảng Ngãi Trà Bồng, Sơn La and xã Sông Mã Sông Mã).
DEMO_UNITS = (
    DemoUnit("hanoi", UnitKey("old", "province", "01"), "so noi vu"),
    DemoUnit("donghoa", UnitKey("old", "district", "564"), "phong noi vu"),
    DemoUnit("trabong", UnitKey("old", "district", "525"), "phong van hoa va thong tin"),
    DemoUnit("songma", UnitKey("old", "district", "126"), "phong noi vu"),
    DemoUnit("tienlu", UnitKey("old", "district", "332"), "phong noi vu"),
    DemoUnit("lexa", UnitKey("old", "commune", "12352"), "van phong - thong ke"),
    DemoUnit("hungyen", UnitKey("new", "province", "33"), "so noi vu"),
    DemoUnit("tienhoa", UnitKey("new", "commune", "12361"), "van phong hdnd"),
    DemoUnit("daklak", UnitKey("new", "province", "66"), "so noi vu"),
    DemoUnit("quangngai", UnitKey("new", "province", "51"), "so noi vu"),
    DemoUnit("sonla", UnitKey("new", "province", "14"), "so noi vu"),
    DemoUnit("xasongma", UnitKey("new", "commune", "04168"), "van phong hdnd"),
)


def ensure_agency(session: Session, unit_id: int, name: str, kind: AgencyKind) -> Agency:
    name = nfc(name)
    agency = session.exec(
        select(Agency).where(Agency.unit_id == unit_id, Agency.name == name)
    ).first()
    if agency is None:
        agency = Agency(unit_id=unit_id, name=name, name_folded=fold(name), kind=kind)
        session.add(agency)
        flush(session)
    return agency


def load_agencies(session: Session) -> dict[str, Agency]:
    by_key: dict[str, Agency] = {}
    for seed in agency_seeds():
        unit = unit_of(session, seed.unit)
        assert unit.id is not None
        by_key[seed.key] = ensure_agency(session, unit.id, seed.name, AgencyKind(seed.kind))
    return by_key


def _agency_for(session: Session, unit_id: int, fragment: str | None) -> int | None:
    stmt = select(Agency).where(Agency.unit_id == unit_id)
    if fragment:
        stmt = stmt.where(col(Agency.name_folded).contains(fragment))
    else:
        stmt = stmt.where(Agency.kind == AgencyKind.people_committee)
    agency = session.exec(stmt.order_by(col(Agency.id))).first()
    return agency.id if agency else None


def load_users(session: Session, password: str) -> list[str]:
    """Create missing demo accounts; existing ones keep their password."""
    wanted: list[tuple[str, str, Role, int | None, int | None, str]] = [
        ("admin", "Quản trị hệ thống", Role.admin, None, None, ""),
        ("portal", "Cổng thông tin điện tử", Role.portal, None, None, ""),
        ("integration", "Hệ thống quản lý văn bản", Role.integration, None, None, "read"),
    ]
    for demo in DEMO_UNITS:
        unit = unit_of(session, demo.unit)
        assert unit.id is not None
        demo_unit = unit.id
        committee = _agency_for(session, demo_unit, None)
        officer_agency = _agency_for(session, demo_unit, demo.officer_agency)
        wanted += [
            (f"{demo.key}.leader", f"Lãnh đạo {unit.name}", Role.leader, demo_unit, committee, ""),
            (
                f"{demo.key}.officer",
                f"Chuyên viên {unit.name}",
                Role.officer,
                demo_unit,
                officer_agency,
                "",
            ),
        ]
    existing = set(session.exec(select(User.username)))
    created = []
    password_hash = hash_password(password)
    for username, full_name, role, unit_id, agency_id, scopes in wanted:
        if username in existing:
            continue
        session.add(
            User(
                username=username,
                full_name=full_name,
                role=role,
                unit_id=unit_id,
                agency_id=agency_id,
                password_hash=password_hash,
                scopes=scopes,
            )
        )
        created.append(username)
    flush(session)
    return created


def load_demo(session: Session) -> list[str]:
    """Load everything `make run` shows; safe to run again. Returns lines to print."""
    lines = []
    inserted = load_reference_data(session)
    lines.append("Reference data: " + ", ".join(f"{k}+{v}" for k, v in inserted.items()))
    agencies = load_agencies(session)
    for demo in DEMO_UNITS:  # every demo unit gets its People's Committee
        unit = unit_of(session, demo.unit)
        assert unit.id is not None
        if _agency_for(session, unit.id, None) is None:
            ensure_agency(
                session,
                unit.id,
                f"UBND {unit.name[0].lower()}{unit.name[1:]}",
                AgencyKind.people_committee,
            )
    lines.append(f"Agencies from the seeds: {len(agencies)}")
    given = os.environ.get("CCHC_DEMO_PASSWORD")
    password = given or secrets.token_urlsafe(12)
    created = load_users(session, password)
    if created:
        shown = "(from CCHC_DEMO_PASSWORD)" if given else password
        lines.append(f"Demo users created: {', '.join(created)}")
        lines.append(f"Their password (shown once): {shown}")
    else:
        lines.append("Demo users already exist; their passwords are unchanged.")
    # Plans are entered by the demo users of their units (officers draft, leaders issue).
    plans = load_seed_plans(session, agencies)
    lines.append(f"Seed plans: {plans} inserted")
    channels, activities = load_demo_channels(session, agencies)
    lines.append(f"Channels, activities: {channels}, {activities} inserted")
    schedules, reports = load_demo_reports(session)
    lines.append(f"Reporting schedules, reports: {schedules}, {reports} inserted")
    return lines
