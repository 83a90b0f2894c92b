"""Read a 1688 price table pasted as text into price breaks and the MOQ (domain.md: Quotes come
as price breaks: 2-99 pcs ¥3.20, 100-499 ¥2.80, ≥ 500 ¥2.50; MOQ 起订量).

Rules, decided once:
- The text is read as two lists in the order they appear: prices and quantity ranges. The n-th
  price belongs to the n-th range. That one rule reads every layout 1688 copies: range then price
  ("2-99件 ¥3.20 / 100-499件 ¥2.80"), price then range ("¥3.20 2-99件", the phone layout), and the
  table layout (a 价格 row of prices, then a 起批量 row of ranges). The counts must match.
- A price is a number after ¥ / ￥ / RMB / CNY or before 元 ("3.20元/件"), or a bare number that
  is not a quantity. A price range ("¥3.20-5.00", a product with variants) is refused: it is not
  one break's price.
- A quantity is a range "2-99件" (also －, ～, ~, 至, 到), "≥500件" (also >=, 以上, 起, 起批, 起订),
  "起批量 2", or a lone count with its unit ("2件"). ">500" means more than 500, so 501. Units:
  件 个 套 条 双 把 只 张 支 片 盒 袋 包 瓶 台 本 块 枚 根 对 卷 副 顶 米 pcs piece set pair unit.
- Full-width characters are read as their half-width forms (NFKC), "1,000" as 1000. Clauses
  about stock, sales, reviews or shipping fees (库存, 已售, 成交, 销量, 评价, 运费 ...) are
  skipped up to the next line, "/", "|" or ";". Other words (价格, 起批量 headers) are ignored.
- Breaks are sorted by their first quantity; two prices starting at one quantity are refused. The
  MOQ is the first range's low end. Gaps, overlaps, a bounded last range and a price that rises
  with quantity are read but reported as warnings for the user to check.
- Prices are in yuan: a table marked in $ or USD is refused (enter such a quote by hand).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from app.domain.negotiation.quotes import PriceBreak, break_problems, price_problems

EXAMPLE = "2-99件 ¥3.20 / 100-499件 ¥2.80 / ≥500件 ¥2.50"
_UNIT = (
    r"(?:件|个|套|条|双|把|只|张|支|片|盒|袋|包|瓶|台|本|块|枚|根|对|卷|副|顶|米"
    r"|pcs|pc|pieces|piece|sets|set|pairs|pair|units|unit)"
)
_NUM = r"\d+(?:\.\d+)?"
_CCY = r"(?:¥|RMB|CNY)"
_DASH = r"(?:-|~|至|到)"
_TOKENS = re.compile(
    rf"""
    (?P<price_range>{_CCY}[ \t]*{_NUM}[ \t]*{_DASH}[ \t]*{_CCY}?[ \t]*{_NUM}
        (?![\d.]|\s*(?:{_DASH}|{_UNIT}))
      | {_NUM}[ \t]*[-~][ \t]*{_NUM}[ \t]*元)
    | {_CCY}\s*(?P<price>{_NUM})(?:\s*元)?(?:\s*/\s*{_UNIT})?
    | (?P<price_yuan>{_NUM})\s*元(?:\s*/\s*{_UNIT})?
    | (?P<low>\d+)\s*{_UNIT}?\s*{_DASH}\s*(?P<high>\d+)\s*{_UNIT}?
    | (?:≥|>=|=>|大于等于|不少于)\s*(?P<at_least>\d+)\s*{_UNIT}?(?:\s*及?以上)?
    | (?P<from>\d+)\s*{_UNIT}?\s*(?:及以上|以上|起批|起订|起售|起)
    | (?:>|大于|超过)\s*(?P<more_than>\d+)\s*{_UNIT}?
    | (?:最小起订量|起订量|起批量|MOQ)[ \t]*:?[ \t]*(?:≥|>=)?[ \t]*(?P<header>\d+)
        (?![\d.]|\s*{_DASH})\s*{_UNIT}?
    | (?P<count>\d+)\s*{_UNIT}
    | (?P<bare>{_NUM})
    """,
    re.VERBOSE | re.IGNORECASE,
)
_NOISE = re.compile(r"(?:库存|已售|成交|销量|评价|运费|收藏|回头率|可售|月销)[^\n/|;]*")
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])")
_DOLLARS = re.compile(r"\$|USD", re.IGNORECASE)
_DASHES = str.maketrans({"—": "-", "–": "-", "―": "-", "‐": "-", "−": "-", "〜": "~", "≧": "≥"})


@dataclass(frozen=True, slots=True)
class QuantityRange:
    low: int
    high: int | None  # None: open ("≥500")
    text: str  # as read, for messages


@dataclass(frozen=True, slots=True)
class PastedTable:
    breaks: tuple[PriceBreak, ...]
    moq: int  # the first range's low end
    unit: str  # the unit the table counts in ("件"), "" when none was written
    warnings: tuple[str, ...] = ()  # read, but worth a look


def parse_price_table(text: str) -> PastedTable:
    """Breaks and MOQ from a pasted 1688 price table; ValueError says what could not be read."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"Paste the price table, for example '{EXAMPLE}'.")
    cleaned = _normalise(text)
    if _DOLLARS.search(cleaned):
        raise ValueError(
            "The prices are marked in dollars; a 1688 table is in yuan (¥). "
            "Enter a quote in another currency by hand."
        )
    prices, ranges, unit = _read_tokens(cleaned)
    if not prices and not ranges:
        raise ValueError(
            "No prices or quantities found in the pasted text. "
            f"Paste the price table as 1688 shows it, for example '{EXAMPLE}'."
        )
    if len(prices) != len(ranges):
        raise ValueError(_count_mismatch(prices, ranges))
    pairs = sorted(zip(ranges, prices, strict=True), key=lambda pair: pair[0].low)
    _check_pairs(pairs)
    breaks = tuple(PriceBreak(r.low, price) for r, price in pairs)
    problems = break_problems(breaks)
    if problems:
        raise ValueError(" ".join(problems))
    return PastedTable(breaks, pairs[0][0].low, unit, tuple(_warnings(pairs)))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    return _NOISE.sub(" ", text)


def _read_tokens(text: str) -> tuple[list[Decimal], list[QuantityRange], str]:
    prices: list[Decimal] = []
    ranges: list[QuantityRange] = []
    units: list[str] = []
    for match in _TOKENS.finditer(text):
        token = match.group(0).strip()
        if match.group("price_range") is not None:
            raise ValueError(
                f"'{token}' is a price range (a product with variants), not one price: "
                "enter the price of the variant you are buying."
            )
        price_text = match.group("price") or match.group("price_yuan") or match.group("bare")
        if price_text is not None:
            prices.append(_price(price_text, token))
            continue
        ranges.append(_quantity(match, token))
        found = re.search(_UNIT, token, re.IGNORECASE)
        if found:
            units.append(found.group(0))
    return prices, ranges, units[0] if units else ""


def _price(number: str, token: str) -> Decimal:
    price = Decimal(number)
    problems = price_problems(price, f"The price '{token}'")
    if problems:
        raise ValueError(problems[0])
    return price


def _quantity(match: re.Match[str], token: str) -> QuantityRange:
    if match.group("low") is not None:
        low, high = int(match.group("low")), int(match.group("high"))
        if high < low:
            raise ValueError(f"The range '{token}' runs backwards: write the smaller number first.")
        return _checked(QuantityRange(low, high, token))
    if match.group("more_than") is not None:
        return _checked(QuantityRange(int(match.group("more_than")) + 1, None, token))
    for name in ("at_least", "from", "header", "count"):
        value = match.group(name)
        if value is not None:
            return _checked(QuantityRange(int(value), None, token))
    raise AssertionError(f"unhandled token {token!r}")  # pragma: no cover - every group handled


def _checked(quantity: QuantityRange) -> QuantityRange:
    if quantity.low < 1:
        raise ValueError(f"'{quantity.text}': a quantity starts at 1 or more.")
    return quantity


def _count_mismatch(prices: list[Decimal], ranges: list[QuantityRange]) -> str:
    price_list = ", ".join(f"¥{p}" for p in prices)
    range_list = ", ".join(f"'{r.text}'" for r in ranges)
    if not ranges:
        return (
            f"Found {_plural(len(prices), 'price')} ({price_list}) but no quantity: add the "
            "quantity each price starts at, for example '≥2件 ¥3.20'."
        )
    if not prices:
        return (
            f"Found {_plural(len(ranges), 'quantity range')} ({range_list}) but no price: "
            f"copy the prices too, for example '{EXAMPLE}'."
        )
    return (
        f"Found {_plural(len(prices), 'price')} ({price_list}) but "
        f"{_plural(len(ranges), 'quantity range')} ({range_list}): each price needs its "
        "quantity range."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _check_pairs(pairs: list[tuple[QuantityRange, Decimal]]) -> None:
    for (first, _), (second, _) in pairwise(pairs):
        if first.low == second.low:
            raise ValueError(
                f"Two prices start at {first.low:,} pieces ('{first.text}' and '{second.text}'): "
                "each range needs its own start."
            )


def _warnings(pairs: list[tuple[QuantityRange, Decimal]]) -> list[str]:
    warnings: list[str] = []
    for (first, price), (second, next_price) in pairwise(pairs):
        if first.high is not None and first.high + 1 < second.low:
            gap = f"{first.high + 1:,}"
            if second.low - 1 > first.high + 1:
                gap += f"-{second.low - 1:,}"
            warnings.append(
                f"No price for {gap} pieces: the '{first.text}' price is used for them."
            )
        elif first.high is not None and first.high >= second.low:
            warnings.append(
                f"'{first.text}' overlaps '{second.text}': from {second.low:,} pieces the "
                "second price applies."
            )
        if next_price > price:
            warnings.append(
                f"The price rises from ¥{price} to ¥{next_price} at {second.low:,} pieces: "
                "check the table."
            )
    last = pairs[-1][0]
    if last.high is not None:
        warnings.append(
            f"The last range '{last.text}' ends at {last.high:,}; its price is used for larger "
            "quantities too."
        )
    return warnings
