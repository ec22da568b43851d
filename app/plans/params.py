"""Identifier types for the plans routes: ids fit the database's 32-bit integer keys, so an
out-of-range id is a 422 naming the field, never a database error."""

from typing import Annotated

from fastapi import Path
from pydantic import Field

MAX_ID = 2**31 - 1
MAX_INT = 2**31 - 1  # integer columns (e.g. a task's budget in VND)

DbId = Annotated[int, Field(ge=1, le=MAX_ID)]
PlanId = Annotated[int, Path(ge=1, le=MAX_ID, description="Mã kế hoạch.")]
TaskId = Annotated[int, Path(ge=1, le=MAX_ID, description="Mã nhiệm vụ.")]
AssignmentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Mã phân công.")]
