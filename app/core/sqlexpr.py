"""SQL expressions that the two databases spell differently, written once."""

from typing import Any

from sqlalchemy import BigInteger, Boolean, ColumnElement, String, cast, func
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


class in_range(FunctionElement[bool]):
    """`in_range(column, low, high)`: low <= column < high, compared byte by byte whatever the
    database's collation. On Postgres the pattern operators (`~>=~`, `~<~`), which an index with
    `varchar_pattern_ops` serves even when the bounds are parameters of a prepared statement (a
    `LIKE :prefix || '%'` is planned as a scan of the whole table once Postgres caches a generic
    plan for it); on SQLite plain comparisons (its default collation is bytewise)."""

    type = Boolean()
    inherit_cache = True
    name = "in_range"


def _range_parts(element: in_range, compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(clause, **kw) for clause in element.clauses]


@compiles(in_range, "postgresql")
def _in_range_postgresql(element: in_range, compiler: SQLCompiler, **kw: Any) -> str:
    column, low, high = _range_parts(element, compiler, **kw)
    return f"({column} ~>=~ {low} AND {column} ~<~ {high})"


@compiles(in_range)
def _in_range_default(element: in_range, compiler: SQLCompiler, **kw: Any) -> str:
    column, low, high = _range_parts(element, compiler, **kw)
    return f"({column} >= {low} AND {column} < {high})"
