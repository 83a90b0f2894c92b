"""The quotes sheet's columns, defined once for the import and its template: key, English and
Chinese header, other names a sheet may use, and how a cell is read.

One row per price break; the rows of one supplier and product form one quote. Headers are
matched like the supplier import's (case, spaces, _ - % and a trailing colon do not matter),
in English or Chinese; a bilingual header such as '单价 / Unit price' matches by either half.
Cells are read as people type them: '¥3.20', '3.20元/件', '2-99件' (the break starts at 2),
'≥500', '500件以上', '7天', '7-10天' (the later day: 10), '包邮' in the shipping column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.negotiation.amounts import decimal_places
from app.domain.negotiation.quotes import PRICE_PLACES, TradeTerm, price_problems
from app.exports.suppliers.columns import (
    header_key,
    parse_bool,
    parse_currency,
    parse_date,
    parse_decimal_cell,
    parse_int,
    parse_text,
)

_UNITS = r"(?:件|个|套|条|双|把|只|张|支|片|盒|袋|包|瓶|台|本|块|枚|根|对|卷|副|顶|米|pcs|pc|pieces|piece|sets|set|pairs|pair|units|unit)"
_DASH = r"(?:-|~|～|至|到)"
_RANGE = re.compile(rf"^(\d+)\s*{_UNITS}?\s*{_DASH}\s*(\d+)\s*{_UNITS}?$", re.IGNORECASE)
_AT_LEAST = re.compile(rf"^(?:≥|>=|=>|大于等于|不少于)\s*(\d+)\s*{_UNITS}?$", re.IGNORECASE)
_MORE_THAN = re.compile(rf"^(?:>|大于|超过)\s*(\d+)\s*{_UNITS}?$", re.IGNORECASE)
_FROM = re.compile(rf"^(\d+)\s*{_UNITS}?\s*(?:及以上|以上|起批|起订|起|\+)?$", re.IGNORECASE)
_PER_UNIT = re.compile(rf"\s*/\s*{_UNITS}\s*$", re.IGNORECASE)
_DAYS = re.compile(r"^(\d+)(?:\s*[-~～至到]\s*(\d+))?\s*(?:天|日|days?|d)?$", re.IGNORECASE)
_FREE_SHIPPING = {"包邮", "免运费", "free", "free shipping", "included"}
_CENT = Decimal("0.01")
_TERM_WORDS = {term.label_zh: term for term in TradeTerm}


def parse_break_qty(value: object) -> int:
    """The quantity a break starts at: 100, '100件', '100-499', '≥500', '>499', '500以上'."""
    if not isinstance(value, str):
        return _positive(parse_int(value), value)
    text = unicodedata.normalize("NFKC", value).replace(",", "").strip()
    for pattern, offset in ((_RANGE, 0), (_AT_LEAST, 0), (_MORE_THAN, 1), (_FROM, 0)):
        found = pattern.match(text)
        if found:
            return _positive(int(found.group(1)) + offset, value)
    raise ValueError(f"'{value}' is not a quantity (write 100, 100-499 or ≥500)")


def parse_price(value: object) -> Decimal:
    """A unit price above 0 with at most 4 decimals: 3.2, '¥3.20', '3.20元/件'."""
    if isinstance(value, str):
        value = _PER_UNIT.sub("", unicodedata.normalize("NFKC", value).strip())
    price = parse_decimal_cell(value)
    if price <= 0:
        raise ValueError(f"'{value}' is not a price above 0")
    if decimal_places(price) > PRICE_PLACES:
        raise ValueError(f"'{value}' has more than {PRICE_PLACES} decimals")
    if price_problems(price, "The unit price"):
        raise ValueError(f"'{value}' is not a unit price")
    return price if decimal_places(price) >= 2 else price.quantize(_CENT)  # 3.2 reads as 3.20


def parse_count(value: object) -> int:
    """A whole number of pieces, 1 or more: 50, '50件'."""
    if isinstance(value, str):
        text = re.sub(rf"\s*{_UNITS}\s*$", "", value.strip(), flags=re.IGNORECASE)
        return _positive(parse_int(text), value)
    return _positive(parse_int(value), value)


def parse_days(value: object) -> int:
    """Days: 7, '7天', '7 days', '7-10天' (the later day, 10: plan for it)."""
    if not isinstance(value, str):
        days = parse_int(value)
    else:
        found = _DAYS.match(unicodedata.normalize("NFKC", value).strip())
        if not found:
            raise ValueError(f"'{value}' is not a number of days")
        days = int(found.group(2) or found.group(1))
    if days < 0:
        raise ValueError(f"'{value}' is not a number of days")
    return days


def parse_money(value: object) -> Decimal:
    amount = parse_decimal_cell(value)
    if amount < 0:
        raise ValueError(f"'{value}' is below 0")
    return amount


def parse_shipping(value: object) -> Decimal | str:
    """Domestic shipping per order, or the word that says it is included ('包邮')."""
    if isinstance(value, str) and parse_text(value).casefold() in _FREE_SHIPPING:
        return "included"
    return parse_money(value)


def parse_trade_term(value: object) -> TradeTerm:
    """EXW, FOB, CIF or DDP, in any case, with or without a place ('FOB Ningbo'), or the
    Chinese name (离岸价)."""
    text = parse_text(value)
    if text in _TERM_WORDS:
        return _TERM_WORDS[text]
    first = text.split()[0].upper() if text.split() else ""
    try:
        return TradeTerm(first)
    except ValueError:
        raise ValueError(f"'{value}' is not a trade term (EXW, FOB, CIF or DDP)") from None


def _positive(number: int, value: object) -> int:
    if number < 1:
        raise ValueError(f"'{value}' is not a quantity of 1 or more")
    return number


@dataclass(frozen=True, slots=True)
class QuoteColumn:
    key: str
    label: str  # the English header
    label_zh: str  # the Chinese header
    aliases: tuple[str, ...]
    parse: Callable[[object], object]
    width: float = 14

    @property
    def header(self) -> str:
        """The template's bilingual header: '单价 / Unit price'."""
        return f"{self.label_zh} / {self.label}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, self.label_zh, *self.aliases)


# fmt: off
COLUMNS: tuple[QuoteColumn, ...] = (
    QuoteColumn("supplier", "Supplier", "供应商", ("供应商名称", "厂家", "工厂", "商家", "公司名称", "supplier name", "supplier id"), parse_text, 30),
    QuoteColumn("product", "Product", "产品", ("商品", "产品名称", "商品名称", "品名", "product name"), parse_text, 24),
    QuoteColumn("currency", "Currency", "币种", ("货币", "币别"), parse_currency, 8),
    QuoteColumn("min_qty", "From quantity", "起批量", ("数量区间", "批发数量", "阶梯数量", "最小数量", "数量", "min qty", "quantity", "break"), parse_break_qty, 12),
    QuoteColumn("unit_price", "Unit price", "单价", ("价格", "批发价", "单价(元)", "单价（元）", "price"), parse_price, 10),
    QuoteColumn("moq", "MOQ", "起订量", ("最小起订量", "minimum order quantity", "min order"), parse_count, 10),
    QuoteColumn("order_multiple", "Order multiple", "订购倍数", ("倍数", "整倍数", "multiple"), parse_count, 10),
    QuoteColumn("seller_min_amount", "Shop minimum amount", "店铺起订金额", ("起订金额", "最低起订金额", "混批金额"), parse_money, 12),
    QuoteColumn("seller_min_qty", "Shop minimum pieces", "混批起订量", ("店铺起订件数", "混批件数"), parse_count, 12),
    QuoteColumn("valid_from", "Valid from", "生效日期", ("报价日期", "有效期自", "valid_from"), parse_date, 12),
    QuoteColumn("valid_until", "Valid until", "有效期至", ("报价有效期", "截止日期", "有效期", "valid till"), parse_date, 12),
    QuoteColumn("lead_time_days", "Lead time (days)", "交期(天)", ("交期（天）", "交期", "交货期", "生产周期", "lead time", "lead time days"), parse_days, 10),
    QuoteColumn("domestic_shipping", "Domestic shipping", "运费", ("国内运费", "shipping"), parse_shipping, 10),
    QuoteColumn("shipping_included", "Shipping included", "包邮", ("含运费", "是否包邮"), parse_bool, 10),
    QuoteColumn("payment_terms", "Payment terms", "付款方式", ("付款条件", "支付方式"), parse_text, 22),
    QuoteColumn("trade_term", "Trade term", "贸易术语", ("贸易条款", "价格条款", "incoterm", "incoterms"), parse_trade_term, 10),
    QuoteColumn("note", "Note", "备注", ("说明", "notes"), parse_text, 30),
)
# fmt: on
BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED = ("supplier", "product", "currency", "min_qty", "unit_price")
BREAK_KEYS = ("min_qty", "unit_price")
ROW_KEYS = ("supplier", "product", *BREAK_KEYS)  # the rest describe the whole quote
SHEET_NAMES = ("Quotes", "报价", "报价单")
_BY_NAME = {header_key(name): column.key for column in COLUMNS for name in column.names}


def column_of(header: object) -> str | None:
    """The column key a header names, whole or by either half of 'zh / en'; None for none."""
    if header is None:
        return None
    text = parse_text(header)
    key = _BY_NAME.get(header_key(text))
    if key is not None:
        return key
    halves = [part for part in re.split(r"\s*/\s*|\n", text) if part.strip()]
    found = {_BY_NAME.get(header_key(part)) for part in halves} - {None}
    return found.pop() if len(found) == 1 else None


def columns_of(headers: Sequence[object]) -> list[str | None]:
    return [column_of(header) for header in headers]
