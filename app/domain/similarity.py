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


def core_name(name: str) -> str:
    text = name.strip().lower()
    for word in _COMMON_WORDS:
        text = text.replace(word, "")
    return re.sub(r"[\s\W_]+", "", text)


def names_look_alike(first: str, second: str) -> bool:
    a, b = core_name(first), core_name(second)
    if not a or not b:
        return False
    if a == b:
        return True
    return SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAME_RATIO
