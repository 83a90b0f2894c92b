"""Payment plans, instalment amounts to the cent, and the agreed terms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.negotiation.payment import (
    BUILT_IN_PLANS,
    ESCROW_ADVICE,
    PLAN_A,
    PLAN_B,
    PLAN_C,
    AgreedTerms,
    Instalment,
    PaymentEvent,
    Risk,
    agreed_from,
    agreed_terms_problems,
    custom_plan,
    plan_amounts,
    risk_of,
    schedule_problems,
)
from app.domain.negotiation.quotes import PriceBreak, PricedQuote, Quote, TradeTerm, price_quote

D = Decimal


def amounts_of(plan: object, total: str, currency: str = "CNY") -> list[Decimal]:
    return [a.amount for a in plan_amounts(plan, D(total), currency)]  # type: ignore[arg-type]


def test_the_built_in_plans_of_domain_md() -> None:
    assert [(i.percent, i.due) for i in PLAN_A.instalments] == [
        (D(30), PaymentEvent.ON_ORDER),
        (D(70), PaymentEvent.BEFORE_SHIPMENT),
    ]
    assert (PLAN_A.risk, PLAN_B.risk, PLAN_C.risk) == (Risk.MEDIUM, Risk.LOW, Risk.VERY_LOW)
    assert [(i.percent, i.due) for i in PLAN_B.instalments] == [
        (D(50), PaymentEvent.ON_ORDER),
        (D(50), PaymentEvent.ON_DELIVERY),
    ]
    assert PLAN_C.note == "Needs good credit with the supplier."
    assert "escrow" in ESCROW_ADVICE
    for plan in BUILT_IN_PLANS:
        assert risk_of(plan.instalments) is plan.risk  # the custom rule rates them the same
        assert schedule_problems(plan.instalments) == []


def test_plan_amounts_to_the_cent() -> None:
    assert amounts_of(PLAN_A, "2800.00") == [D("840.00"), D("1960.00")]
    assert amounts_of(PLAN_B, "0.01") == [D("0.01"), D("0.00")]  # a tie goes to the earlier
    assert amounts_of(PLAN_C, "123.45") == [D("123.45")]
    assert amounts_of(PLAN_A, "1001", "JPY") == [D(300), D(701)]  # 300.3 / 700.7


def test_leftover_cents_go_by_largest_remainder_not_to_the_last_instalment() -> None:
    plan = custom_plan(
        (
            Instalment(D(45), PaymentEvent.ON_ORDER),
            Instalment(D(10), PaymentEvent.BEFORE_SHIPMENT),
            Instalment(D(45), PaymentEvent.ON_DELIVERY),
        )
    )
    # exact 0.0225, 0.005, 0.0225: the cent goes to the middle one (remainder-on-last gives
    # 0.02, 0.00, 0.03).
    assert amounts_of(plan, "0.05") == [D("0.02"), D("0.01"), D("0.02")]
    thirds = custom_plan(
        (
            Instalment(D("33.33"), PaymentEvent.ON_ORDER),
            Instalment(D("33.33"), date(2026, 12, 1)),
            Instalment(D("33.34"), PaymentEvent.ON_DELIVERY),
        )
    )
    assert amounts_of(thirds, "100.00") == [D("33.33"), D("33.33"), D("33.34")]
    assert thirds.instalments[1].due_label == "2026-12-01"
    assert thirds.instalments[0].due_label == "Deposit on order"


def test_a_custom_schedule_must_add_up_to_100() -> None:
    with pytest.raises(ValueError, match=r"add up to exactly 100 %; they add up to 99\.99 %"):
        custom_plan(
            (
                Instalment(D("49.99"), PaymentEvent.ON_ORDER),
                Instalment(D(50), PaymentEvent.ON_DELIVERY),
            )
        )
    assert schedule_problems(()) == [
        "Add at least one instalment (a percentage and when it is due)."
    ]
    problems = schedule_problems(
        (
            Instalment(D(0), PaymentEvent.ON_ORDER),
            Instalment(D("50.001"), PaymentEvent.ON_DELIVERY),
            Instalment(D(50), "on delivery"),  # type: ignore[arg-type]
        )
    )
    assert problems == [
        "Instalment 1's percentage must be above 0.",
        "Instalment 2's percentage has more than 2 decimals.",
        "Instalment 3: say when it is due (an event or a date).",
    ]
    with pytest.raises(ValueError, match="The total has more than 2 decimals"):
        plan_amounts(PLAN_A, D("10.005"), "CNY")
    with pytest.raises(ValueError, match="The total must be 0 or more"):
        plan_amounts(PLAN_A, D(-1), "CNY")


@pytest.mark.parametrize(
    ("parts", "risk"),
    [
        (((100, PaymentEvent.ON_ORDER),), Risk.HIGH),
        (((51, PaymentEvent.ON_ORDER), (49, PaymentEvent.ON_DELIVERY)), Risk.HIGH),
        (((50, PaymentEvent.ON_ORDER), (50, PaymentEvent.ON_DELIVERY)), Risk.LOW),
        (
            (
                (20, PaymentEvent.ON_ORDER),
                (40, PaymentEvent.BEFORE_SHIPMENT),
                (40, PaymentEvent.ON_DELIVERY),
            ),
            Risk.MEDIUM,
        ),
        (((40, date(2027, 1, 1)), (60, PaymentEvent.ON_DELIVERY)), Risk.LOW),
        (((100, PaymentEvent.ON_DELIVERY),), Risk.VERY_LOW),
    ],
)
def test_a_custom_plans_risk(parts: tuple, risk: Risk) -> None:
    plan = custom_plan(tuple(Instalment(D(p), due) for p, due in parts), "Mine")
    assert plan.risk is risk and plan.code == "custom" and plan.name == "Mine"
    assert Risk.VERY_LOW.label == "Very low"


@given(
    cents=st.integers(0, 10**11),
    weights=st.lists(st.integers(1, 1000), min_size=1, max_size=6),
    currency=st.sampled_from(["CNY", "EUR", "JPY"]),
)
def test_instalments_always_sum_to_the_total(cents: int, weights: list[int], currency: str) -> None:
    bps = [w * 10_000 // sum(weights) for w in weights]
    bps[-1] += 10_000 - sum(bps)
    if any(b == 0 for b in bps):
        return
    plan = custom_plan(tuple(Instalment(D(b).scaleb(-2), PaymentEvent.ON_DELIVERY) for b in bps))
    total = D(cents).scaleb(-2) if currency != "JPY" else D(cents)
    amounts = amounts_of(plan, str(total), currency)
    assert sum(amounts) == total
    assert all(type(a) is Decimal and a >= 0 for a in amounts)


# --- agreed terms ---------------------------------------------------------------------------
def test_the_agreed_total_is_derived_from_price_and_quantity() -> None:
    quote = Quote(
        7,
        "Phone stand",
        breaks=(PriceBreak(2, D("2.845")),),
        valid_until=date(2026, 12, 31),
        lead_time_days=15,
        trade_term=TradeTerm.FOB,
    )
    priced = price_quote(quote, 1)  # below the MOQ
    assert not isinstance(priced, PricedQuote)
    priced = price_quote(quote, 3)
    assert isinstance(priced, PricedQuote)
    terms = agreed_from(priced, PLAN_A, date(2026, 12, 1))
    assert terms.total == D("8.54")  # 8.535 half up
    assert (terms.supplier_id, terms.quantity, terms.trade_term, terms.lead_time_days) == (
        7,
        3,
        TradeTerm.FOB,
        15,
    )
    assert agreed_terms_problems(terms) == []
    full = replace(
        terms,
        quality_standard="AQL 2.5",
        packaging="Polybag, FNSKU label",
        after_sales="Replace defects",
    )
    assert agreed_terms_problems(full) == []


def test_broken_agreed_terms_are_named() -> None:
    terms = AgreedTerms(
        supplier_id=None,  # type: ignore[arg-type]
        product="",
        unit_price=D(0),
        quantity=0,
        currency="rmb",
        valid_until=date(2026, 11, 1),
        agreed_on=date(2026, 12, 1),
        lead_time_days=-3,
        trade_term="FOB",  # type: ignore[arg-type]
    )
    assert agreed_terms_problems(terms) == [
        "Choose the supplier.",
        "Enter the product.",
        "'rmb' is not a currency code like CNY or USD.",
        "The unit price must be above 0.",
        "The quantity must be a whole number of 1 or more.",
        "Choose the payment plan (A, B, C or your own).",
        "Choose the trade term (EXW, FOB, CIF or DDP).",
        "The lead time must be a whole number of days, 0 or more.",
        "The price is valid until 2026-11-01, before it was agreed (2026-12-01): check the dates.",
    ]
