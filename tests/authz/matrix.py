"""The authorization matrix: who may call each route on a resource owned by huyện Tiên Lữ.

Every route of the app needs a `Case` (keyed "METHOD /api/v1/path"); a route without one fails
`test_every_route_has_a_case`. Relations are to the owner unit, huyện Tiên Lữ (332, Hưng Yên):
same = Tiên Lữ, parent = tỉnh Hưng Yên (33), child = xã Lệ Xá (12352),
sibling = huyện Phù Cừ (333, also Hưng Yên), other = Hà Nội (01), all of the pre-2025 tree;
successor = xã Tiên Hoa (12361 of today's tree), which took part of Tiên Lữ's area on 1/7/2025
and reads its history (plans, tasks, assignments) without writing any of it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.core.security import create_access_token, hash_password
from app.demo.lookup import unit_of
from app.demo.seeds import UnitKey
from app.users.models import Role, User

RELATIONS = ("same", "parent", "child", "sibling", "other", "successor")
TOKEN_FAILURES = ("anonymous", "expired", "wrong_key", "alg_none")
UNIT_OF = {
    "same": UnitKey("old", "district", "332"),
    "parent": UnitKey("old", "province", "33"),
    "child": UnitKey("old", "commune", "12352"),
    "sibling": UnitKey("old", "district", "333"),
    "other": UnitKey("old", "province", "01"),
    "successor": UnitKey("new", "commune", "12361"),
}


@dataclass
class Ctx:
    db: Session
    client: TestClient
    _users: dict[tuple[str, str], User] = field(default_factory=dict)

    def unit(self, relation: str) -> int:
        unit = unit_of(self.db, UNIT_OF[relation])
        assert unit.id is not None
        return unit.id

    @property
    def owner_unit(self) -> int:
        return self.unit("same")

    def user(self, relation: str, role: str) -> User:
        key = (relation, role)
        if key not in self._users:
            user = User(
                username=f"matrix.{relation}.{role}",
                full_name=f"Ma trận {relation} {role}",
                role=Role(role),
                unit_id=self.unit(relation),
                password_hash=hash_password("matrix-password"),
                scopes="read" if role == "integration" else "",
            )
            self.db.add(user)
            self.db.flush()
            self._users[key] = user
        return self._users[key]

    def headers(self, relation: str, role: str) -> dict[str, str]:
        user = self.user(relation, role)
        assert user.id is not None
        token, _ = create_access_token(user.id, {"role": role, "unit_id": user.unit_id})
        return {"Authorization": f"Bearer {token}"}


@dataclass
class Prepared:
    """What a case's setup made: the path parameters and the request to send."""

    path_params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    data: dict[str, Any] | None = None
    params: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """Expected status per relation for callers of `role` acting on Tiên Lữ's resource."""

    role: str
    expect: dict[str, int]
    setup: Callable[[Ctx], Prepared] = lambda _ctx: Prepared()
    # Routes that take no token (health, token endpoint): the token failures do not apply.
    public: bool = False

    def __post_init__(self) -> None:
        missing = set(RELATIONS) - set(self.expect)
        assert not missing, f"case lacks expectations for {sorted(missing)}"


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(RELATIONS, status)


def statuses(
    same: int, parent: int, child: int, sibling: int, other: int, successor: int | None = None
) -> dict[str, int]:
    """Expectations per relation. The successor is a stranger (`other`) unless given: only the
    plans domain (plans, tasks, assignments) lets a successor read its predecessors' records."""
    return {
        "same": same,
        "parent": parent,
        "child": child,
        "sibling": sibling,
        "other": other,
        "successor": other if successor is None else successor,
    }
