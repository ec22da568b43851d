"""The demo loads every seed plan once, with its tasks, topics, parents and assignments."""

from sqlmodel import Session, func, select

from app.demo.loader import load_agencies
from app.demo.plans import load_seed_plans
from app.plans.assignments.models import Assignment
from app.plans.plans.models import Plan, PlanTopic
from tests.plans.factories import HISTORIC_KEYS, seed, seed_plan


def test_loading_the_seed_plans_again_inserts_nothing(db: Session) -> None:
    assert load_seed_plans(db, load_agencies(db)) == 0


def test_every_seed_plan_is_loaded_with_its_tasks(db: Session) -> None:
    counts = {key: seed_plan(db, key).task_count for key in HISTORIC_KEYS}

    assert counts == {
        "tienlu-167-2021": 0,
        "tienlu-184-2023": 0,
        "donghoa-24-2022": 0,
        "hanoi-145-2021": 3,
        "songma-33-2019": 6,
        "donghoa-2022": 7,
        "trabong-2022-2025": 12,
        "lexa-17-2024": 7,
    }


def test_seed_parent_links_point_at_the_superior_plans(db: Session) -> None:
    assert seed_plan(db, "lexa-17-2024").parent_plan_id == seed_plan(db, "tienlu-184-2023").id
    assert seed_plan(db, "donghoa-2022").parent_plan_id == seed_plan(db, "donghoa-24-2022").id


def test_seed_topics_are_attached(db: Session) -> None:
    plan = seed_plan(db, "trabong-2022-2025")

    count = db.exec(
        select(func.count()).select_from(PlanTopic).where(PlanTopic.plan_id == plan.id)
    ).one()

    assert count == len(seed("trabong-2022-2025").plan["topics"])


def test_only_issued_seed_plans_have_assignments(db: Session) -> None:
    rows = db.exec(
        select(Plan.title, func.count())
        .join(Assignment, Assignment.plan_id == Plan.id)  # type: ignore[arg-type]
        .group_by(Plan.title)
    ).all()

    assert dict(rows) == {
        "Tuyên truyền công tác cải cách hành chính năm 2019": 43,  # Sông Mã: 19 + 19 + 5
        "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2024": 10,
        # Hưng Yên 2026: two tasks for each of the 104 communes, and four for provincial agencies.
        seed("hungyen-2026").title: 2 * 104 + 4,
    }
