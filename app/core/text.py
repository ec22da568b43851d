"""Text as people type it: NFC storage, tone-insensitive search keys, Vietnamese sort order."""

import unicodedata

_VI_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_BASE_ORDER = {ch: i for i, ch in enumerate(_VI_ALPHABET)}


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Search key: lower case, tone marks and diacritics removed, đ → d, spaces collapsed.

    "Đông Hòa" and "dong hoa" fold to the same key; so do NFC and NFD spellings.
    """
    decomposed = unicodedata.normalize("NFD", value.lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def _vi_char_key(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    # Letters with a breve/circumflex/horn are distinct letters in Vietnamese (ă, â, ê, ô, ơ, ư);
    # tone marks only break ties.
    shape_marks = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}
    letter = base
    for m in marks:
        if m in shape_marks:
            if base == "a":
                letter = "ă" if m == "\u0306" else "â"
            elif base == "e" and m == "\u0302":
                letter = "ê"
            elif base == "o":
                letter = "ô" if m == "\u0302" else "ơ"
            elif base == "u" and m == "\u031b":
                letter = "ư"
    tone_marks = "\u0300\u0309\u0303\u0301\u0323"
    tone = next((tone_marks.index(m) + 1 for m in marks if m in tone_marks), 0)
    order = _BASE_ORDER.get(letter, 100 + ord(letter))
    return order, tone


def vi_sort_key(value: str) -> tuple[tuple[int, int], ...]:
    """Sort key that follows the Vietnamese alphabet (a ă â b c d đ e ê …)."""
    return tuple(_vi_char_key(ch) for ch in nfc(value).lower())


def like_pattern(query: str) -> str:
    """A LIKE pattern (escape char `\\`) matching the folded query anywhere."""
    folded = fold(query)
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
