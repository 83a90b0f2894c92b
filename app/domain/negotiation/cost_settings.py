"""The landed-cost settings the user keeps per product or shipment, and their checks (domain.md:
Agent fees; Customs value and duty). The calculation is landed_cost's.

Rules, decided once:
- Percentages are typed as percent (2 means 2 %): agent fee, payment fee, insurance and VAT
  0-100; duty 0-1000 (duties over 100 % exist: US tariffs on Chinese goods in 2025); insurance
  cover 100-200 % (domain.md: 100, or 110 for the Incoterms CIF minimum).
- Amounts are 0 or more with at most their currency's decimals: the agent's minimum fee in the
  agent's currency (CNY), freight and transport after the border in the home currency, the
  consignment's goods value in the destination's currency.
- Freight is the whole order's transport to the border, typed in or taken from a consolidation
  allocation; transport after the border is kept apart (it is in the VAT base, not in duty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.kit.money import DEFAULT_CURRENCY
from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import HUNDRED, ZERO
from app.domain.negotiation.destinations import NO_DESTINATION, Destination, DutyBasis
from app.domain.negotiation.quotes import amount_problems

MAX_DUTY_PCT = Decimal(1000)  # duties over 100 % exist (US 2025 tariffs on China)
COVER_MIN, COVER_MAX = Decimal(100), Decimal(200)  # domain.md: 100 % or 110 % (CIF minimum)


class FeeBasis(StrEnum):
    """domain.md: agent fees are a % of goods only, or of goods + domestic shipping."""

    GOODS = "goods"
    GOODS_AND_DOMESTIC = "goods+domestic"

    @property
    def label(self) -> str:
        return "Goods" if self is FeeBasis.GOODS else "Goods + domestic shipping"


@dataclass(frozen=True, slots=True)
class LandedCostSettings:
    """Percentages as typed (2 means 2 %); amounts in the currency each field names."""

    agent_fee_pct: Decimal = ZERO
    agent_fee_min: Decimal = ZERO  # in the agent's currency
    agent_fee_basis: FeeBasis = FeeBasis.GOODS
    payment_fee_pct: Decimal = ZERO  # of goods + domestic + agent fee
    freight: Decimal = ZERO  # home currency, whole order, to the border
    insurance_pct: Decimal = ZERO
    insurance_cover_pct: Decimal = HUNDRED  # 100, or 110 (Incoterms CIF minimum)
    duty_pct: Decimal = ZERO
    duty_basis: DutyBasis = DutyBasis.CIF
    vat_pct: Decimal = ZERO
    vat_reclaimable: bool = False
    post_border_transport: Decimal = ZERO  # home currency
    destination: Destination = NO_DESTINATION
    item_categories: int = 1  # tariff lines in the consignment (EU flat duty)
    consignment_value: Decimal | None = None  # whole consignment's goods, destination currency
    agent_currency: str = DEFAULT_CURRENCY


# --- validation -----------------------------------------------------------------------------
def settings_problems(settings: LandedCostSettings, home: str) -> list[str]:
    """Every broken rule of the landed-cost settings as a sentence; empty when usable."""
    s = settings
    problems: list[str] = []
    if not isinstance(home, str) or not re.fullmatch(r"[A-Z]{3}", home):
        return [f"{home!r} is not a currency code: choose your home currency, like EUR."]
    for value, label, maximum in (
        (s.agent_fee_pct, "The agent fee %", HUNDRED),
        (s.payment_fee_pct, "The payment fee %", HUNDRED),
        (s.insurance_pct, "The insurance %", HUNDRED),
        (s.duty_pct, "The duty %", MAX_DUTY_PCT),
        (s.vat_pct, "The VAT %", HUNDRED),
    ):
        problem = number_problem(value, label, minimum=ZERO, maximum=maximum)
        problems += [problem] if problem else []
    problem = number_problem(s.insurance_cover_pct, "The insurance cover %", COVER_MIN, COVER_MAX)
    problems += [problem] if problem else []
    agent = s.agent_currency if isinstance(s.agent_currency, str) else DEFAULT_CURRENCY
    problems += amount_problems(s.agent_fee_min, "The agent's minimum fee", agent, True)
    problems += amount_problems(s.freight, "Freight", home, True)
    problems += amount_problems(s.post_border_transport, "Transport after the border", home, True)
    dest_currency = s.destination.currency if isinstance(s.destination, Destination) else home
    problems += amount_problems(
        s.consignment_value, "The consignment's goods value", dest_currency or home
    )
    choices: tuple[tuple[object, type, str], ...] = (
        (s.agent_fee_basis, FeeBasis, "what the agent fee is charged on"),
        (s.duty_basis, DutyBasis, "the duty basis (CIF or FOB)"),
        (s.destination, Destination, "the destination"),
        (s.vat_reclaimable, bool, "whether VAT is reclaimable"),
    )
    for choice, kind, label in choices:
        if not isinstance(choice, kind):
            problems.append(f"Choose {label}.")
    if not isinstance(s.agent_currency, str) or not re.fullmatch(r"[A-Z]{3}", s.agent_currency):
        problems.append(f"{s.agent_currency!r} is not a currency code for the agent, like CNY.")
    if isinstance(s.item_categories, bool) or not isinstance(s.item_categories, int):
        problems.append("The number of item categories must be a whole number.")
    elif s.item_categories < 1:
        problems.append("A consignment has at least 1 item category.")
    return problems
