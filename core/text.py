"""Vietnamese text: composed (NFC) for comparing and printing, folded for matching what people type,
and a collation key for sorting in Vietnamese alphabetical order."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Names typed on different keyboards compare and print the same once composed."""
    return unicodedata.normalize("NFC", text or "").strip()


def fold_vi(text: str) -> str:
    """Lower-case, strip diacritics and fold đ/Đ to d, for matching what people type.

    "Khởi nghiệp Đà Nẵng" and "khoi nghiep da nang" fold to the same string.
    """
    return _SPACES.sub(" ", unaccent(text).casefold()).strip()


def unaccent(text: str) -> str:
    """Vietnamese without its diacritics, case kept: "Đà Nẵng" → "Da Nang" (an SMS in 7-bit characters)."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text or ""))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    # đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
    return stripped.replace("đ", "d").replace("Đ", "D")


def html_to_text(html: str) -> str:
    """Plain text of a rich-text fragment, for indexing."""
    return re.sub(r"<[^>]+>", " ", html or "")


# Vietnamese alphabetical order: ă and â follow a, đ follows d, ê follows e, ô and ơ follow o, ư follows u.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Vowel marks that make a new letter (breve, circumflex, horn), recombined with their base letter.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tones weigh less than letters, in dictionary order: level, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple:
    """A collation key for Vietnamese: "Duy Xuyên" < "Đại Lộc" < "Điện Bàn" < "Đông Giang".

    Letters decide first (Đ after D, Ơ after Ô), then tones (a < à < ả < ã < á < ạ), then the text as
    written, so no ICU library is needed for the few hundred names of the area tree.
    """
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONE_RANK and tones:
            tones[-1] = _TONE_RANK[char]
        elif char in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        elif char.isalnum() or char.isspace():
            letters.append(" " if char.isspace() else char)
            tones.append(0)
        # apostrophes and hyphens (Ch'ơm, Tr'Hy) do not count
    ranks = tuple(_LETTER_RANK.get(c, -1 if c == " " else ord(c) - 1000) for c in letters)
    return (ranks, tuple(tones), text)
