"""The problems reporting routes answer, documented once for every route's `responses=`."""

from app.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    Unauthorized,
    ValidationProblem,
    responses,
)

READ_ERRORS = responses(Unauthorized, Forbidden, NotFound, ValidationProblem)
WRITE_ERRORS = responses(
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    ValidationProblem,
)
