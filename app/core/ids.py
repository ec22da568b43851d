"""Identifier and amount types shared by every route: ids fit the 32-bit integer keys of both
databases, so an out-of-range id is a 422 naming the field, never a database error."""

from typing import Annotated

from fastapi import Path
from pydantic import Field

from app.core.text import Text

MAX_ID = 2**31 - 1
# Money is an integer number of VND (DESIGN §6), stored as BIGINT; a quadrillion đồng is far
# beyond any communication budget and still exact in JSON numbers.
MAX_VND = 10**15

DbId = Annotated[int, Field(ge=1, le=MAX_ID)]
Vnd = Annotated[int, Field(ge=0, le=MAX_VND)]
# A catalogue code (topic, channel type, indicator, scope): short, checked against its list.
Code = Annotated[Text, Field(max_length=40)]


def path_id(description: str) -> object:
    return Path(ge=1, le=MAX_ID, description=description)


PlanId = Annotated[int, path_id("Mã kế hoạch.")]
TaskId = Annotated[int, path_id("Mã nhiệm vụ.")]
AssignmentId = Annotated[int, path_id("Mã phân công.")]
UnitId = Annotated[int, path_id("Mã nội bộ của đơn vị hành chính.")]
AgencyId = Annotated[int, path_id("Mã cơ quan.")]
UserId = Annotated[int, path_id("Mã người dùng.")]
