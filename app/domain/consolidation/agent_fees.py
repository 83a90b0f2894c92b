"""A purchasing agent's fees (domain.md: Forwarder consolidation, "Agent fees seen").

Rules, decided once:
- Every fee is computed in the agent's currency (usually CNY) and rounded to the cent (minor
  unit) ROUND_HALF_UP when computed (domain.md: Rounding); amounts in another currency are
  refused, never converted here.
- Service fee on an order's value: progressive tiers, "10 % of the first 3,000 + 5 % above" is
  ServiceTier(3000, 10), ServiceTier(None, 5); then at least the minimum (5 CNY). An order of 0
  costs 0 (the minimum is for an order, not for nothing).
- Per-parcel handling: per parcel received. Consolidation (合箱): per outgoing box made of two
  or more parcels (a parcel sent alone is not consolidated). Repack (remove boxes, 去包装): per
  parcel repacked. These three are what the box split changes or counts.
- Insurance: a % of the declared value, at least the minimum when anything is insured; 0 when
  the declared value is 0.
- Storage: free for `free_storage_days` after arrival (parcels.storage_status); after that
  `storage_fee_per_month` per parcel for each started month of 30 days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from app.domain.consolidation.parcels import Parcel, storage_status
from app.domain.consolidation.units import ZERO, ceil_div, problem, round_money
from app.domain.kit.money import DEFAULT_CURRENCY, Money

HUNDRED = Decimal(100)
DAYS_PER_STORAGE_MONTH = 30  # a started month of 30 days (project choice)
FREE_STORAGE_DAYS = 180  # domain.md: "free storage 180 days after arrival"
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class ServiceTier:
    """`percent` % of the part of the order value up to `up_to` (None: everything above)."""

    up_to: Decimal | None
    percent: Decimal


DEFAULT_SERVICE_TIERS = (  # domain.md: 10 % of the first 3,000 CNY + 5 % above
    ServiceTier(Decimal(3000), Decimal(10)),
    ServiceTier(None, Decimal(5)),
)


class AgentFeesError(ValueError):
    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class AgentFees:
    name: str = ""
    currency: str = DEFAULT_CURRENCY
    service_tiers: tuple[ServiceTier, ...] = DEFAULT_SERVICE_TIERS
    service_minimum: Decimal = Decimal(5)  # domain.md: minimum 5
    handling_per_parcel: Decimal = Decimal(0)
    consolidation_per_box: Decimal = Decimal(0)
    repack_per_parcel: Decimal = Decimal(0)
    insurance_percent: Decimal = Decimal(0)
    insurance_minimum: Decimal = Decimal(0)
    free_storage_days: int = FREE_STORAGE_DAYS
    storage_fee_per_month: Decimal = Decimal(0)  # per parcel, per started month

    def __post_init__(self) -> None:
        object.__setattr__(self, "service_tiers", tuple(self.service_tiers))
        problems = agent_fee_problems(self)
        if problems:
            raise AgentFeesError(problems)

    def money(self, amount: Decimal) -> Money:
        return round_money(amount, self.currency)

    def service_fee(self, order_value: Money) -> Money:
        """The agent's fee on an order of goods (tiers, then the minimum)."""
        value = self._own(order_value, "The order value")
        if value == 0:
            return self.money(ZERO)
        fee, floor = ZERO, ZERO
        for tier in self.service_tiers:
            top = value if tier.up_to is None else min(value, tier.up_to)
            if top > floor:
                fee += (top - floor) * tier.percent / HUNDRED
            if tier.up_to is None or value <= tier.up_to:
                break
            floor = tier.up_to
        return self.money(max(self.money(fee).amount, self.service_minimum))

    def handling_fee(self, parcels: int) -> Money:
        return self.money(self.handling_per_parcel * parcels)

    def consolidation_fee(self, consolidated_boxes: int) -> Money:
        """For boxes of two or more parcels."""
        return self.money(self.consolidation_per_box * consolidated_boxes)

    def repack_fee(self, parcels: int) -> Money:
        return self.money(self.repack_per_parcel * parcels)

    def insurance_fee(self, declared_value: Money) -> Money:
        value = self._own(declared_value, "The declared value")
        if value == 0:
            return self.money(ZERO)
        fee = self.money(value * self.insurance_percent / HUNDRED)
        return self.money(max(fee.amount, self.insurance_minimum))

    def storage_fee(self, parcel: Parcel, on: date) -> Money:
        """Storage charged for `parcel` up to `on` (0 while storage is free or not arrived)."""
        if parcel.arrived_on is None or on < parcel.arrived_on:
            return self.money(ZERO)
        status = storage_status(parcel.arrived_on, on, self.free_storage_days)
        if not status.overdue:
            return self.money(ZERO)
        months = ceil_div(Decimal(-status.days_left), Decimal(DAYS_PER_STORAGE_MONTH))
        return self.money(self.storage_fee_per_month * months)

    def _own(self, amount: Money, label: str) -> Decimal:
        if amount.currency != self.currency:
            raise ValueError(
                f"{label} is in {amount.currency} but the agent charges in {self.currency}: "
                f"enter it in {self.currency}."
            )
        if amount.amount < 0:
            raise ValueError(f"{label} cannot be negative ({amount}).")
        return amount.amount


def agent_fee_problems(fees: AgentFees) -> list[str]:
    """Every broken rule of an agent's fees as a sentence; empty when usable."""
    found: list[str | None] = []
    if not isinstance(fees.currency, str) or not _CURRENCY.fullmatch(fees.currency):
        found.append(
            f"The currency must be a three-letter code such as CNY, not {fees.currency!r}."
        )
    for value, label in (
        (fees.service_minimum, "The minimum service fee"),
        (fees.handling_per_parcel, "The handling fee per parcel"),
        (fees.consolidation_per_box, "The consolidation fee per box"),
        (fees.repack_per_parcel, "The repack fee per parcel"),
        (fees.insurance_minimum, "The minimum insurance fee"),
        (fees.storage_fee_per_month, "The monthly storage fee"),
    ):
        found.append(problem(value, label, minimum=ZERO))
    found.append(_percent_problem(fees.insurance_percent, "The insurance rate"))
    days = fees.free_storage_days
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        found.append(f"Free storage days must be a whole number, 0 or more, not {days!r}.")
    found += _tier_problems(fees.service_tiers)
    return [text for text in found if text]


def _percent_problem(value: object, label: str) -> str | None:
    text = problem(value, label, minimum=ZERO)
    if text is None and isinstance(value, Decimal | int) and value > HUNDRED:
        text = f"{label} must be 100 % or less, not {value} %."
    return text


def _tier_problems(tiers: tuple[ServiceTier, ...]) -> list[str | None]:
    if not tiers:
        return ["Give the service fee rate (for example 5 % of the order value)."]
    found = [_percent_problem(tier.percent, "A service fee rate") for tier in tiers]
    found += [
        problem(tier.up_to, "A service fee tier's upper value", positive=True)
        for tier in tiers
        if tier.up_to is not None
    ]
    limits = [tier.up_to for tier in tiers]
    if limits[-1] is not None:
        found.append("The service fee tiers must end with a rate for any larger value.")
    elif any(limit is None for limit in limits[:-1]):
        found.append("Service fee tiers: only the last may have no upper value.")
    elif any(b <= a for a, b in pairwise(lim for lim in limits[:-1] if lim is not None)):
        found.append("Service fee tiers must rise: each upper value above the one before.")
    return found
