"""Money as Decimal with its currency, and its exact integer form for storage."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DEFAULT_CURRENCY = "CNY"
# ISO 4217 minor-unit exponents of the currencies a 1688 buyer meets; others default to 2.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str = DEFAULT_CURRENCY

    def to_minor(self) -> int:
        """Integer minor units (fen, cents), rounding half up to the currency's precision."""
        scale = Decimal(10) ** exponent(self.currency)
        return int((self.amount * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @classmethod
    def from_minor(cls, minor: int, currency: str = DEFAULT_CURRENCY) -> Money:
        places = exponent(currency)
        return cls(Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places)), currency)

    def __str__(self) -> str:
        return f"{self.amount:,.{exponent(self.currency)}f} {self.currency}"


# How a 1688 buyer writes quantities and amounts: "80k", "10万", "1.2万", "3千".
_MULTIPLIERS = (("万", Decimal(10_000)), ("千", Decimal(1_000)), ("k", Decimal(1_000)))
_MARKS = ("¥", "￥", "$", "%", "％", "CNY", "RMB", "USD", "元", "年")


def parse_decimal(text: str) -> Decimal:
    """Read a number the way people type it: '3,000', ' 12.5 ', '¥3000', '45%', '80k', '10万',
    '1.2万', '2017年' (the unit or mark is dropped, a multiplier applied)."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    for mark in _MARKS:
        cleaned = cleaned.replace(mark, "")
    cleaned = cleaned.strip()
    factor = Decimal(1)
    for suffix, multiplier in _MULTIPLIERS:
        if cleaned.lower().endswith(suffix):
            cleaned, factor = cleaned[: -len(suffix)].strip(), multiplier
            break
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' is not a number")
    return value * factor if factor != 1 else value


def reading_of(text: str, value: Decimal) -> str:
    """What was understood, when it is not plain to see: '10万' → '= 100,000'; '' otherwise."""
    plain = text.strip()
    if plain == f"{value}" or plain == f"{value:f}":
        return ""
    number = f"{value:,f}"
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return f"= {number}"
