"""Exchange rates the user types in (the app is offline: no live rates; domain.md: Landed cost per
unit ... converted from CNY at a rate the user enters).

Rules, decided once:
- A rate is written the ECB way, "1 HOME = x CCY" (1 EUR = 7.80 CNY), so HOME = CCY / x
  (domain.md: Exchange rates). Between two foreign currencies the cross rate goes through home:
  B = A / x_A x x_B, exact, rounded once.
- A whole total is converted and rounded ONCE to the target currency's minor unit ROUND_HALF_UP;
  a rounded unit price is never converted and multiplied (domain.md: the classic error).
- The home currency's own rate is always 1; a rate entered for it is ignored.
- With several rates for one currency, the latest one dated on or before `on` is used (`on`
  None: the latest of all). A missing rate raises ValueError (a kit MessageError, which the
  interface says in its language) naming the currency and the rate to enter ("No exchange rate
  for USD: enter 1 EUR = x USD.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.domain.kit.message import QT_TRANSLATE_NOOP, Message, MessageError
from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import round_money

ONE = Decimal(1)
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    currency: str
    per_home: Decimal  # 1 HOME = per_home CCY
    as_of: date

    def describe(self, home: str) -> str:
        """'1 EUR = 7.80 CNY (2026-11-29)'."""
        return f"1 {home} = {self.per_home} {self.currency} ({self.as_of.isoformat()})"


def rate_problems(rate: ExchangeRate) -> list[str]:
    """Every broken rule of one typed-in rate; empty when usable."""
    problems: list[str] = []
    if not isinstance(rate.currency, str) or not _CURRENCY.fullmatch(rate.currency):
        problems.append(f"{rate.currency!r} is not a currency code like CNY or USD.")
    label = f"The {rate.currency} rate" if isinstance(rate.currency, str) else "The rate"
    problem = number_problem(rate.per_home, label)
    if problem:
        problems.append(problem)
    elif rate.per_home <= 0:
        problems.append(f"{label} must be above 0.")
    if isinstance(rate.as_of, datetime) or not isinstance(rate.as_of, date):
        problems.append(f"Give the date of the {rate.currency} rate.")
    return problems


def rate_for(
    currency: str, rates: Iterable[ExchangeRate], home: str, on: date | None = None
) -> Decimal:
    """x in "1 HOME = x CCY": 1 for the home currency, else the latest rate on or before `on`."""
    wanted = currency.upper()
    if wanted == home.upper():
        return ONE
    candidates = [r for r in rates if r.currency.upper() == wanted]
    usable = [r for r in candidates if on is None or r.as_of <= on]
    if not usable:
        raise MessageError(_no_rate(wanted, home.upper(), on if candidates else None))
    return max(usable, key=lambda r: r.as_of).per_home


def _no_rate(currency: str, home: str, on: date | None) -> Message:
    """'No exchange rate for USD: enter 1 EUR = x USD.' (with the day when rates are only
    later)."""
    if on is None:
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.negotiation",
                "No exchange rate for {currency}: enter 1 {home} = x {currency}.",
            ),
            currency=currency,
            home=home,
        )
    return Message(
        MESSAGES,
        QT_TRANSLATE_NOOP(
            "domain.negotiation",
            "No exchange rate for {currency} on or before {date}: enter 1 {home} = x {currency}.",
        ),
        currency=currency,
        home=home,
        date=on.isoformat(),
    )


def to_home(
    amount: Decimal,
    currency: str,
    rates: Iterable[ExchangeRate],
    home: str,
    on: date | None = None,
) -> Decimal:
    """A whole amount in home currency: amount / x, rounded once to the home's minor unit."""
    return round_money(amount / rate_for(currency, rates, home, on), home)


def convert(
    amount: Decimal,
    source: str,
    target: str,
    rates: Iterable[ExchangeRate],
    home: str,
    on: date | None = None,
) -> Decimal:
    """A whole amount from `source` to `target` currency through home, rounded once."""
    rates = tuple(rates)
    if source.upper() == target.upper():
        return round_money(amount, target)
    source_rate = rate_for(source, rates, home, on)
    target_rate = rate_for(target, rates, home, on)
    return round_money(amount * target_rate / source_rate, target)
