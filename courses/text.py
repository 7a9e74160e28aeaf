"""Text folding so that Vietnamese is found with or without diacritics."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold_vi(text: str) -> str:
    """Lower-case, strip diacritics and fold đ/Đ to d, for matching what people type.

    "Khởi nghiệp Đà Nẵng" and "khoi nghiep da nang" fold to the same string.
    """
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text or ""))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    # đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def html_to_text(html: str) -> str:
    """Plain text of a rich-text fragment, for indexing."""
    return re.sub(r"<[^>]+>", " ", html or "")
