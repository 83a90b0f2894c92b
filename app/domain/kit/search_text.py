"""Pinyin keys for Chinese text: sort order and the text a quick filter searches."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def _lazy_pinyin():  # pypinyin's dictionaries take ~0.2 s to load: only when first needed
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def pinyin_syllables(text: str) -> list[str]:
    """'义乌市Abc' → ['yi', 'wu', 'shi', 'abc']; non-Chinese runs come through lower-cased."""
    if not text:
        return []
    return [part.strip().lower() for part in _lazy_pinyin()(text) if part.strip()]


def sort_key(text: str) -> str:
    """Chinese sorts by its pinyin (the order a Chinese dictionary and a buyer expect)."""
    syllables = pinyin_syllables(text)
    return " ".join(syllables) + "\x00" + text.lower()


# Administrative words a buyer skips when saying a name: 义乌市恒达 is "yiwu hengda", "ywhd".
_ADMINISTRATIVE = str.maketrans("", "", "省市县区镇")


def search_text(parts: Iterable[str]) -> str:
    """One lower-case haystack: the parts as typed, their pinyin spaced, unspaced and initials,
    also without the administrative words (省市县区镇) a buyer leaves out.

    'yiwu', 'yi wu', 'yiwuhengda', 'ywhd' and '义乌' all find 义乌市恒达工艺品厂.
    """
    pieces: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        pieces.append(part.lower())
        if any("\u3400" <= ch <= "\u9fff" for ch in part):
            pieces += _pinyin_forms(part)
            short = part.translate(_ADMINISTRATIVE)
            if short != part and short:
                pieces += _pinyin_forms(short)[1:]  # unspaced and initials: the spaced one is in
    return " | ".join(pieces)


def _pinyin_forms(text: str) -> list[str]:
    syllables = pinyin_syllables(text)
    return [" ".join(syllables), "".join(syllables), "".join(s[0] for s in syllables if s)]


def matches(haystack: str, query: str) -> bool:
    """Every word of the query is somewhere in the haystack, or the query without spaces is."""
    words = query.lower().split()
    if not words:
        return True
    if all(word in haystack for word in words):
        return True
    return len(words) > 1 and "".join(words) in haystack
