"""The data-wide negotiation settings: the home currency, the exchange rates the user typed, the
default landed-cost settings, the "too good to be true" threshold and the selling targets.

Stored in app_settings as JSON with Decimals as strings (like the matrix settings); missing or
unreadable settings (a hand-edited file) read as the defaults. The rates have their own table.

Rules decided here:
- The home currency is CNY until the user chooses theirs (a reseller's is usually EUR, USD or
  GBP: the app cannot know which, and CNY at least leaves 1688 prices as they are).
- Rates are "1 HOME = x CCY", so changing the home currency while rates are stored would make
  every one of them wrong: it is refused until they are deleted. The home currency's own rate
  is always 1 and cannot be entered. One rate per currency and date: saving another for the
  same date replaces it.
- Selling targets default to a 30 % margin on price and no fee; margin + fee must stay below
  100 % (no price gives more). The threshold defaults to 30 % below the median.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import HUNDRED, ZERO
from app.domain.negotiation.comparison import DEFAULT_MARGIN_PCT
from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings, settings_problems
from app.domain.negotiation.destinations import DutyBasis, destination
from app.domain.negotiation.fx import ExchangeRate, rate_problems
from app.domain.negotiation.market import TOO_GOOD_PCT
from app.errors import NotFound, ValidationError
from app.services.negotiation.records import RATES, NegotiationChange, SellingTargets, Subject
from app.services.negotiation.validation import SETTINGS_FIELDS, keyed
from app.services.sql import inserted_id
from app.store.db import Database
from app.store.models.matrix import SettingRow

HOME_KEY = "negotiation.home_currency"
LANDED_KEY = "negotiation.landed_cost"
TOO_GOOD_KEY = "negotiation.too_good_pct"
SELLING_KEY = "negotiation.selling_targets"
DEFAULT_HOME = "CNY"  # until the user sets theirs (module rules)
DEFAULT_SELLING = SellingTargets(DEFAULT_MARGIN_PCT, ZERO)
_CURRENCY = re.compile(r"[A-Z]{3}")
_DECIMAL_FIELDS = {
    f.name for f in fields(LandedCostSettings) if f.type in ("Decimal", "Decimal | None")
}


class NegotiationSettings:
    """Settings and rates; the negotiation service builds on this."""

    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today

    # --- home currency ---------------------------------------------------------------------
    def home_currency(self) -> str:
        """The currency costs are compared in: CNY until the user sets theirs."""
        stored = self._setting(HOME_KEY)
        if isinstance(stored, str) and _CURRENCY.fullmatch(stored):
            return stored
        return DEFAULT_HOME

    def set_home_currency(self, code: str) -> NegotiationChange:
        text = code.strip().upper() if isinstance(code, str) else ""
        if not _CURRENCY.fullmatch(text):
            raise ValidationError(
                {"home": f"'{code}' is not a currency code: choose yours, like EUR or USD."}
            )
        current = self.home_currency()
        if text != current:
            with self.database.transaction() as session:
                count = session.scalar(select(func.count()).select_from(RATES)) or 0
            if count:
                rates = "1 rate is" if count == 1 else f"{count} rates are"
                raise ValidationError(
                    {
                        "home": f"{rates} written as 1 {current} = x …: delete "
                        f"{'it' if count == 1 else 'them'} first, then change the home currency "
                        f"and enter the rates again as 1 {text} = x …."
                    }
                )
        self._save_setting(HOME_KEY, text)
        return NegotiationChange(subject=Subject.SETTINGS)

    # --- exchange rates --------------------------------------------------------------------
    def rates(self) -> list[ExchangeRate]:
        """Every typed rate, by currency, newest first."""
        with self.database.transaction() as session:
            rows = session.execute(
                select(RATES).order_by(RATES.c.currency, RATES.c.as_of.desc())
            ).all()
        return [ExchangeRate(row.currency, row.per_home, row.as_of) for row in rows]

    def save_rate(self, rate: ExchangeRate) -> NegotiationChange:
        """Add a rate, or replace the one of the same currency and date."""
        problems = rate_problems(rate) if isinstance(rate, ExchangeRate) else ["Give a rate."]
        errors = keyed(
            problems, ((("currency code",), "currency"), (("date",), "as_of")), "per_home"
        )
        home = self.home_currency()
        if not errors and rate.currency == home:
            errors["currency"] = f"{home} is your home currency: its rate is always 1."
        if errors:
            raise ValidationError(errors)
        values = {"currency": rate.currency, "per_home": rate.per_home, "as_of": rate.as_of}
        with self.database.transaction() as session:
            connection = session.connection()
            same = (RATES.c.currency == rate.currency) & (RATES.c.as_of == rate.as_of)
            stored = connection.scalar(select(RATES.c.id).where(same))
            if stored is None:
                rate_id = inserted_id(connection.execute(insert(RATES).values(**values)))
                return NegotiationChange(created=(rate_id,), subject=Subject.RATES)
            connection.execute(update(RATES).where(RATES.c.id == stored).values(**values))
        return NegotiationChange(updated=(stored,), subject=Subject.RATES)

    def delete_rate(self, currency: str, as_of: date) -> NegotiationChange:
        with self.database.transaction() as session:
            connection = session.connection()
            same = (RATES.c.currency == currency) & (RATES.c.as_of == as_of)
            stored = connection.scalar(select(RATES.c.id).where(same))
            if stored is None:
                raise NotFound(f"There is no {currency} rate of {as_of} any more.")
            connection.execute(delete(RATES).where(RATES.c.id == stored))
        return NegotiationChange(deleted=(stored,), subject=Subject.RATES)

    # --- landed-cost settings --------------------------------------------------------------
    def landed_settings(self) -> LandedCostSettings:
        """The default landed-cost settings (zero fees, no destination until set)."""
        stored = self._setting(LANDED_KEY)
        try:
            return decode_landed(stored)
        except (TypeError, KeyError, ValueError, ArithmeticError, AttributeError):
            return LandedCostSettings()

    def save_landed_settings(self, settings: LandedCostSettings) -> NegotiationChange:
        if not isinstance(settings, LandedCostSettings):
            raise ValidationError({"settings": "Give the landed-cost settings."})
        errors = keyed(
            settings_problems(settings, self.home_currency()), SETTINGS_FIELDS, "settings"
        )
        if errors:
            raise ValidationError(errors)
        self._save_setting(LANDED_KEY, encode_landed(settings))
        return NegotiationChange(subject=Subject.SETTINGS)

    # --- thresholds and targets ------------------------------------------------------------
    def too_good_pct(self) -> Decimal:
        """How far below the median a unit price is "too good to be true" (default 30 %)."""
        try:
            value = Decimal(self._setting(TOO_GOOD_KEY))
        except (TypeError, ValueError, ArithmeticError):
            return TOO_GOOD_PCT
        return value if value.is_finite() and ZERO <= value <= HUNDRED else TOO_GOOD_PCT

    def set_too_good_pct(self, pct: Decimal) -> NegotiationChange:
        problem = number_problem(pct, "The 'too good to be true' threshold", ZERO, HUNDRED)
        if problem:
            raise ValidationError({"too_good_pct": problem})
        self._save_setting(TOO_GOOD_KEY, str(pct))
        return NegotiationChange(subject=Subject.SETTINGS)

    def selling_targets(self) -> SellingTargets:
        stored = self._setting(SELLING_KEY)
        try:
            targets = SellingTargets(Decimal(stored["margin_pct"]), Decimal(stored["fee_pct"]))
        except (TypeError, KeyError, ValueError, ArithmeticError):
            return DEFAULT_SELLING
        return DEFAULT_SELLING if _selling_problems(targets) else targets

    def save_selling_targets(self, margin_pct: Decimal, fee_pct: Decimal) -> NegotiationChange:
        targets = SellingTargets(margin_pct, fee_pct)
        errors = _selling_problems(targets)
        if errors:
            raise ValidationError(errors)
        self._save_setting(SELLING_KEY, {"margin_pct": str(margin_pct), "fee_pct": str(fee_pct)})
        return NegotiationChange(subject=Subject.SETTINGS)

    # --- storage ---------------------------------------------------------------------------
    def _setting(self, key: str) -> Any:
        with self.database.transaction() as session:
            text = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    def _save_setting(self, key: str, value: object) -> None:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        with self.database.transaction() as session:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=text))
            else:
                row.value = text


def _selling_problems(targets: SellingTargets) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key, value, label in (
        ("margin_pct", targets.margin_pct, "The target margin %"),
        ("fee_pct", targets.fee_pct, "The selling fee %"),
    ):
        problem = number_problem(value, label, ZERO, HUNDRED)
        if problem:
            errors[key] = problem
    if not errors and targets.margin_pct + targets.fee_pct >= HUNDRED:
        errors["margin_pct"] = (
            "The margin and the selling fee add up to 100 % or more: no price can give that. "
            "Lower one of them."
        )
    return errors


def encode_landed(settings: LandedCostSettings) -> dict[str, Any]:
    """JSON-ready: Decimals as strings, choices as their codes."""
    data: dict[str, Any] = {}
    for item in fields(LandedCostSettings):
        value = getattr(settings, item.name)
        if item.name == "destination":
            value = value.code.value
        elif isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, FeeBasis | DutyBasis):
            value = value.value
        data[item.name] = value
    return data


def decode_landed(data: dict[str, Any]) -> LandedCostSettings:
    """The settings stored by encode_landed; raises on anything it cannot read."""
    values: dict[str, Any] = {}
    for item in fields(LandedCostSettings):
        if item.name not in data:
            continue  # a setting added later: its default
        raw = data[item.name]
        if item.name == "destination":
            values[item.name] = destination(raw)
        elif item.name == "agent_fee_basis":
            values[item.name] = FeeBasis(raw)
        elif item.name == "duty_basis":
            values[item.name] = DutyBasis(raw)
        elif item.name in _DECIMAL_FIELDS:
            values[item.name] = None if raw is None else Decimal(raw)
        else:
            values[item.name] = raw
    settings = LandedCostSettings(**values)
    if settings_problems(settings, "EUR"):  # any home: only the settings' own rules matter
        raise ValueError("unusable stored settings")
    return settings
