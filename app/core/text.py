"""Text as people type it: NFC storage and tone-insensitive search keys."""

import unicodedata


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
