"""Whether a new supplier looks like one already on the list: same shop or a near-same name."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import urlsplit

SIMILAR_NAME_RATIO = 0.85
# Legal-form words that every supplier shares; comparing without them finds the real name.
_COMMON_WORDS = (
    "有限责任公司",
    "有限公司",
    "股份",
    "集团",
    "公司",
    "工厂",
    "厂",
    "co., ltd.",
    "co.,ltd.",
    "co., ltd",
    "co.,ltd",
    "co ltd",
    "company",
    "limited",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "factory",
    "co.",
)


def normalise_shop_url(url: str) -> str:
    """'https://www.Shop123.1688.com/page/x?spm=1' and 'shop123.1688.com' compare equal."""
    text = url.strip().lower()
    if not text:
        return ""
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    if host.endswith("1688.com"):
        path = ""  # a 1688 shop is its sub-domain; pages inside it are the same shop
    return host + path


_COMMON = re.compile("|".join(re.escape(word) for word in _COMMON_WORDS))
# A Chinese legal name starts with its place (义乌市, 广东省深圳市): shared by neighbours, not a
# sign of the same company, so it is left out of the comparison.
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}?[省市县区])+")
_NOT_WORD = re.compile(r"[\s\W_]+")


def core_name(name: str) -> str:
    """The distinctive part of a company name: no legal form, place prefix, spaces or marks."""
    text = _PLACE_PREFIX.sub("", name.strip().lower())
    return _NOT_WORD.sub("", _COMMON.sub("", text))


class NameMatcher:
    """Compares one name against many quickly (the new supplier against the whole list)."""

    def __init__(self, name: str) -> None:
        self.core = core_name(name)
        self._matcher = SequenceMatcher(None, "", self.core)  # seq2 is analysed once

    def matches(self, other: str) -> bool:
        other_core = core_name(other)
        if not self.core or not other_core:
            return False
        if other_core == self.core:
            return True
        matcher = self._matcher
        matcher.set_seq1(other_core)
        # Cheap upper bounds first: most names are nowhere near.
        return (
            matcher.real_quick_ratio() >= SIMILAR_NAME_RATIO
            and matcher.quick_ratio() >= SIMILAR_NAME_RATIO
            and matcher.ratio() >= SIMILAR_NAME_RATIO
        )


def names_look_alike(first: str, second: str) -> bool:
    return NameMatcher(first).matches(second)
