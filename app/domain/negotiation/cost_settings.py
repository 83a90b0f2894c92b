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

from app.domain.kit.message import QT_TRANSLATE_NOOP, Message, Term
from app.domain.kit.money import DEFAULT_CURRENCY
from app.domain.kit.numbers import number_problem_said
from app.domain.negotiation.amounts import HUNDRED, ZERO
from app.domain.negotiation.destinations import NO_DESTINATION, Destination, DutyBasis
from app.domain.negotiation.quotes import amount_problems_said

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
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
_PERCENTS = (  # (field, label, maximum); the cover has its own range
    ("agent_fee_pct", Term("The agent fee %", "代理服务费 %"), HUNDRED),
    ("payment_fee_pct", Term("The payment fee %", "支付手续费 %"), HUNDRED),
    ("insurance_pct", Term("The insurance %", "保险费率 %"), HUNDRED),
    ("duty_pct", Term("The duty %", "关税 %"), MAX_DUTY_PCT),
    ("vat_pct", Term("The VAT %", "增值税 %"), HUNDRED),
)
_COVER = Term("The insurance cover %", "投保比例 %")
_AGENT_MIN = Term("The agent's minimum fee", "代理服务费最低收费")
_FREIGHT = Term("Freight", "国际运费")
_AFTER_BORDER = Term("Transport after the border", "入境后运费")
_CONSIGNMENT = Term("The consignment's goods value", "整批货值")
_CHOICES = (  # (field, kind, what to choose)
    ("agent_fee_basis", FeeBasis, Term("what the agent fee is charged on", "代理服务费计费基数")),
    ("duty_basis", DutyBasis, Term("the duty basis (CIF or FOB)", "关税计税基础（CIF 或 FOB）")),
    ("destination", Destination, Term("the destination", "目的地")),
    ("vat_reclaimable", bool, Term("whether VAT is reclaimable", "增值税是否可抵扣")),
)


def settings_problems(settings: LandedCostSettings, home: str) -> list[str]:
    """Every broken rule of the landed-cost settings as a sentence; empty when usable."""
    return [str(said) for said in settings_problems_said(settings, home)]


def settings_problems_said(settings: LandedCostSettings, home: str) -> list[Message]:
    """`settings_problems` as messages the interface says in its language."""
    s = settings
    if not isinstance(home, str) or not re.fullmatch(r"[A-Z]{3}", home):
        not_home = QT_TRANSLATE_NOOP(
            "domain.negotiation",
            "{code} is not a currency code: choose your home currency, like EUR.",
        )
        return [Message(MESSAGES, not_home, code=repr(home))]
    problems: list[Message] = []
    for key, label, maximum in _PERCENTS:
        problem = number_problem_said(getattr(s, key), label, minimum=ZERO, maximum=maximum)
        problems += [problem] if problem else []
    problem = number_problem_said(s.insurance_cover_pct, _COVER, COVER_MIN, COVER_MAX)
    problems += [problem] if problem else []
    agent = s.agent_currency if isinstance(s.agent_currency, str) else DEFAULT_CURRENCY
    for value, label, currency in (
        (s.agent_fee_min, _AGENT_MIN, agent),
        (s.freight, _FREIGHT, home),
        (s.post_border_transport, _AFTER_BORDER, home),
    ):
        entered = Term(label.label.lower().removeprefix("the "), label.label_zh)
        problems += amount_problems_said(value, label, currency, True, entered)
    dest_currency = s.destination.currency if isinstance(s.destination, Destination) else home
    problems += amount_problems_said(s.consignment_value, _CONSIGNMENT, dest_currency or home)
    for key, kind, what in _CHOICES:
        if not isinstance(getattr(s, key), kind):
            choose = QT_TRANSLATE_NOOP("domain.negotiation", "Choose {what}.")
            problems.append(Message(MESSAGES, choose, what=what))
    if not isinstance(s.agent_currency, str) or not re.fullmatch(r"[A-Z]{3}", s.agent_currency):
        not_agent = QT_TRANSLATE_NOOP(
            "domain.negotiation", "{code} is not a currency code for the agent, like CNY."
        )
        problems.append(Message(MESSAGES, not_agent, code=repr(s.agent_currency)))
    if isinstance(s.item_categories, bool) or not isinstance(s.item_categories, int):
        whole = QT_TRANSLATE_NOOP(
            "domain.negotiation", "The number of item categories must be a whole number."
        )
        problems.append(Message(MESSAGES, whole))
    elif s.item_categories < 1:
        least = QT_TRANSLATE_NOOP(
            "domain.negotiation", "A consignment has at least 1 item category."
        )
        problems.append(Message(MESSAGES, least))
    return problems
