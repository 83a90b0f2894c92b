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


def parse_decimal(text: str) -> Decimal:
    """Read a number the way people type it: '3,000', ' 12.5 ', '¥3000', '45%'."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    for mark in ("¥", "￥", "$", "%", "％", "CNY", "RMB", "USD", "元"):
        cleaned = cleaned.replace(mark, "")
    try:
        value = Decimal(cleaned.strip())
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' is not a number")
    return value
