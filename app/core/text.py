"""Text as people type it: NFC storage, tone-insensitive search keys, and the one string type
every input uses (no NUL characters, which neither database stores as text)."""

import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema
from sqlalchemy import BindParameter, ColumnElement

NUL_MESSAGE = "Không được chứa ký tự NUL (\\u0000)."
# How the contract says "no NUL" (a JSON Schema regular expression).
NUL_FREE_PATTERN = "^[^\\u0000]*$"


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Search key: lower case, tone marks and diacritics removed, đ → d, spaces collapsed.

    "Đông Hòa" and "dong hoa" fold to the same key; so do NFC and NFD spellings.
    """
    decomposed = unicodedata.normalize("NFD", value.lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def like_pattern(query: str) -> str:
    """A LIKE pattern (escape char `\\`) matching the folded query anywhere."""
    folded = fold(query)
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches_folded(column: Any, query: str | BindParameter[str]) -> ColumnElement[bool]:
    """The search every list uses: the folded `column` contains the folded `query`, with the
    query's `%`, `_` and `\\` taken literally (a parameter is bound to `like_pattern(query)`)."""
    pattern = like_pattern(query) if isinstance(query, str) else query
    return column.like(pattern, escape="\\")  # type: ignore[no-any-return]


def _reject_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("string_nul", NUL_MESSAGE)
    return value


class _NulFreeInContract:
    """Adds the no-NUL pattern to a string's JSON schema (unless a stricter one is there)."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        json_schema: dict[str, Any] = handler(schema)
        json_schema.setdefault("pattern", NUL_FREE_PATTERN)
        return json_schema


# Every string of every request (body fields, list items, query parameters) is a `Text`: a NUL
# is a 422 naming the exact field ("body.purposes.2"), never a database error or a stored NUL.
Text = Annotated[str, AfterValidator(_reject_nul), _NulFreeInContract()]


def _nfc_input(value: object) -> object:
    return nfc(value) if isinstance(value, str) else value


# Text stored as typed, NFC and trimmed before its length is checked: "; " is one character
# (a 422 where two are the minimum), never a name stored shorter than its own read model allows.
NfcText = Annotated[Text, BeforeValidator(_nfc_input)]
