"""SQL expressions that the two databases spell differently, written once."""

from typing import Any

from sqlalchemy import BigInteger, ColumnElement, String, cast, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class year_month(FunctionElement[str]):
    """The month of a date as text, "2019-03": `to_char` on Postgres, `strftime` on SQLite.

    Text rather than a truncated date, so both databases group, order and return it alike.
    """

    type = String()
    inherit_cache = True
    name = "year_month"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


@compiles(year_month, "sqlite")
def _year_month_sqlite(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


def total(column: Any) -> ColumnElement[int]:
    """SUM of an integer column as a BIGINT, 0 over no rows (Postgres sums BIGINT as NUMERIC)."""
    return cast(func.coalesce(func.sum(column), 0), BigInteger)
