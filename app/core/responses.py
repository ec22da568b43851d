"""Responses built once: a model already shaped to its schema is serialised straight to JSON.

A route that returns a pydantic model makes FastAPI dump it to Python objects, validate it again
against `response_model` and encode the result; for a list of 200 summaries that is most of the
request. Routes keep `response_model=` (the contract), build their schema objects from selected
columns, and return `json_response(...)`, which serialises them once in pydantic's core.
"""

from collections.abc import Mapping

from fastapi import Response
from pydantic import BaseModel

JSON = "application/json"


def json_response(
    model: BaseModel, *, status_code: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return Response(
        model.__pydantic_serializer__.to_json(model),
        status_code=status_code,
        media_type=JSON,
        headers=headers,
    )
