"""An agent's fees, each rounded to the cent, and estimate against actual freight."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.consolidation.agent_fees import AgentFees, AgentFeesError, ServiceTier
from app.domain.consolidation.estimate import Settlement, compare_estimate
from app.domain.kit.money import Money
from tests.domain.consolidation.cards import parcel

D = Decimal


def cny(amount: str) -> Money:
    return Money(D(amount), "CNY")


@pytest.mark.parametrize(
    ("value", "fee"),
    [
        ("2000", "200.00"),
        ("3000", "300.00"),
        ("5000", "400.00"),  # 10 % of 3,000 + 5 % of 2,000
        ("20", "5.00"),  # 2.00, minimum 5
        ("100.05", "10.01"),  # 10.005 half up
        ("0", "0.00"),
    ],
)
def test_service_fee_tiers_then_the_minimum(value: str, fee: str) -> None:
    assert AgentFees().service_fee(cny(value)) == cny(fee)


def test_three_tiers_are_progressive() -> None:
    fees = AgentFees(
        service_tiers=(
            ServiceTier(D(1000), D(8)),
            ServiceTier(D(5000), D(6)),
            ServiceTier(None, D(4)),
        ),
        service_minimum=D(0),
    )
    assert fees.service_fee(cny("6000")) == cny("360.00")  # 80 + 240 + 40


def test_fees_in_another_currency_are_refused() -> None:
    with pytest.raises(ValueError, match="The order value is in USD but the agent charges in CNY"):
        AgentFees().service_fee(Money(D(10), "USD"))


def test_per_parcel_per_box_and_insurance_fees() -> None:
    fees = AgentFees(
        handling_per_parcel=D("1.5"),
        consolidation_per_box=D(8),
        repack_per_parcel=D(3),
        insurance_percent=D(2),
        insurance_minimum=D(10),
    )
    assert fees.handling_fee(3) == cny("4.50")
    assert fees.consolidation_fee(2) == cny("16.00")
    assert fees.repack_fee(4) == cny("12.00")
    assert fees.insurance_fee(cny("1000")) == cny("20.00")
    assert fees.insurance_fee(cny("100")) == cny("10.00")  # minimum
    assert fees.insurance_fee(cny("0")) == cny("0.00")


def test_storage_is_free_then_charged_per_started_month() -> None:
    fees = AgentFees(free_storage_days=180, storage_fee_per_month=D(10))
    stored = parcel(1, "1", (10, 10, 10))
    stored = type(stored)(1, "A", D(1), stored.dimensions, arrived_on=date(2026, 1, 1))
    assert fees.storage_fee(stored, date(2026, 6, 30)) == cny("0.00")  # day 180: last free day
    assert fees.storage_fee(stored, date(2026, 7, 1)) == cny("10.00")
    assert fees.storage_fee(stored, date(2026, 7, 30)) == cny("10.00")  # 30 days over
    assert fees.storage_fee(stored, date(2026, 7, 31)) == cny("20.00")
    assert fees.storage_fee(parcel(2, "1", (1, 1, 1)), date(2027, 1, 1)) == cny("0.00")


def test_every_problem_of_the_fees_is_listed() -> None:
    with pytest.raises(AgentFeesError) as caught:
        AgentFees(
            currency="rmb",
            handling_per_parcel=D(-1),
            insurance_percent=D(150),
            free_storage_days=-3,
            service_tiers=(ServiceTier(D(3000), D(10)),),
        )
    assert list(caught.value.problems) == [
        "The currency must be a three-letter code such as CNY, not 'rmb'.",
        "The handling fee per parcel must be 0 or more, not -1.",
        "The insurance rate must be 100 % or less, not 150 %.",
        "Free storage days must be a whole number, 0 or more, not -3.",
        "The service fee tiers must end with a rate for any larger value.",
    ]


def test_estimate_against_actual_gives_the_refund_or_the_extra_charge() -> None:
    refund = compare_estimate(cny("300.00"), cny("276.50"))
    assert refund.difference == cny("-23.50")
    assert refund.percent == D("-7.8")  # -7.833 %
    assert refund.settlement is Settlement.REFUND and refund.settlement.label_zh == "退款"
    extra = compare_estimate(cny("200.00"), cny("201.00"))
    assert (extra.settlement, extra.percent) == (Settlement.EXTRA_CHARGE, D("0.5"))
    assert compare_estimate(cny("0"), cny("0")).settlement is Settlement.EXACT
    assert compare_estimate(cny("0"), cny("5")).percent is None
    with pytest.raises(ValueError, match="enter both in one currency"):
        compare_estimate(cny("1"), Money(D(1), "USD"))
