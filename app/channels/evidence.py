"""Evidence of an assignment: the activities that cite it, their totals and the latest few.

Read with the assignment (its read model's `evidence`), for a whole page of assignments in three
statements: the counts, the quantity sums and the latest activities (a window function).
"""

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, Field
from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from app.channels.models import Activity, ActivityQuantity
from app.core.sqlexpr import total

LATEST = 3


class ActivityBrief(BaseModel):
    id: int = Field(description="Mã hoạt động.")
    occurred_on: date = Field(description="Ngày thực hiện.", examples=["2019-12-29"])
    title: str = Field(
        description="Tiêu đề.", examples=["Chuyên mục CCHC trên sóng truyền thanh huyện"]
    )
    channel_id: int = Field(description="Kênh.")
    url: str | None = Field(description="Đường dẫn.")


class Evidence(BaseModel):
    """What the assignee has logged against an assignment (GET /activities?assignment_id=…)."""

    activities: int = Field(description="Số hoạt động ghi theo phân công.", examples=[52])
    cost_vnd: int = Field(description="Tổng kinh phí đã chi (đồng).", examples=[0])
    quantities: dict[str, int] = Field(
        description="Tổng số lượng theo mã chỉ tiêu, so được với chỉ tiêu của nhiệm vụ.",
        examples=[{"broadcasts": 52, "minutes": 780}],
    )
    last_on: date | None = Field(description="Ngày của hoạt động gần nhất.")
    latest: list[ActivityBrief] = Field(
        description=f"Tối đa {LATEST} hoạt động gần nhất, mới nhất trước."
    )


NO_EVIDENCE = Evidence(activities=0, cost_vnd=0, quantities={}, last_on=None, latest=[])


def evidence_for(session: Session, assignment_ids: Sequence[int]) -> dict[int, Evidence]:
    """Evidence of each assignment in `assignment_ids` that has any, in three statements
    whatever the number of assignments."""
    ids = list(dict.fromkeys(assignment_ids))
    if not ids:
        return {}
    cited = col(Activity.assignment_id)
    counts = session.execute(
        sa_select(
            cited,
            func.count(col(Activity.id)),
            total(Activity.cost_vnd),
            func.max(Activity.occurred_on),
        )
        .where(cited.in_(ids))
        .group_by(cited)
    ).all()
    found = {
        assignment_id: Evidence(activities=n, cost_vnd=cost, quantities={}, last_on=last, latest=[])
        for assignment_id, n, cost, last in counts
    }
    code = col(ActivityQuantity.indicator_code)
    sums = session.execute(
        sa_select(cited, code, total(ActivityQuantity.value))
        .join(ActivityQuantity, col(ActivityQuantity.activity_id) == Activity.id)
        .where(cited.in_(ids))
        .group_by(cited, code)
        .order_by(cited, code)
    )
    for assignment_id, indicator, value in sums:
        found[assignment_id].quantities[indicator] = value
    rank = (
        func.row_number()
        .over(
            partition_by=cited, order_by=(col(Activity.occurred_on).desc(), col(Activity.id).desc())
        )
        .label("rank")
    )
    ranked = (
        sa_select(
            col(Activity.id),
            cited,
            col(Activity.occurred_on),
            col(Activity.title),
            col(Activity.channel_id),
            col(Activity.url),
            rank,
        )
        .where(cited.in_(ids))
        .subquery()
    )
    latest = session.execute(
        sa_select(ranked)
        .where(ranked.c.rank <= LATEST)
        .order_by(ranked.c.assignment_id, ranked.c.rank)
    )
    for row in latest:
        found[row.assignment_id].latest.append(
            ActivityBrief(
                id=row.id,
                occurred_on=row.occurred_on,
                title=row.title,
                channel_id=row.channel_id,
                url=row.url,
            )
        )
    return found
