"""Exchange rates written the ECB way (1 HOME = x CCY), converted and rounded once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.negotiation.fx import ExchangeRate, convert, rate_for, rate_problems, to_home

D = Decimal
DAY = date(2026, 11, 1)
RATES = (ExchangeRate("CNY", D("7.80"), DAY), ExchangeRate("USD", D("1.08"), DAY))


def test_home_is_the_amount_divided_by_the_rate() -> None:
    assert to_home(D("78000.00"), "CNY", RATES, "EUR") == D("10000.00")
    assert to_home(D("100.00"), "CNY", RATES, "EUR") == D("12.82")  # 12.8205...
    assert type(to_home(D("100.00"), "CNY", RATES, "EUR")) is Decimal


def test_a_whole_total_is_converted_once_not_a_rounded_unit_price_times_units() -> None:
    # ¥1.00 a piece is €0.128...: a rounded unit price (€0.13) x 3 would be €0.39.
    assert to_home(D("3.00"), "CNY", RATES, "EUR") == D("0.38")


def test_conversion_rounds_half_up() -> None:
    rates = (ExchangeRate("CNY", D(2), DAY),)
    assert to_home(D("0.05"), "CNY", rates, "EUR") == D("0.03")  # 0.025: half-even gives 0.02
    assert to_home(D("0.01"), "CNY", rates, "EUR") == D("0.01")  # 0.005
    assert to_home(D("0.03"), "CNY", rates, "JPY") == D("0")  # JPY has no minor unit


def test_the_home_currencys_own_rate_is_one() -> None:
    assert rate_for("EUR", RATES, "EUR") == 1
    assert to_home(D("12.345"), "EUR", (), "EUR") == D("12.35")
    wrong = (ExchangeRate("EUR", D(2), DAY),)  # a rate typed for home is ignored
    assert to_home(D("10.00"), "eur", wrong, "EUR") == D("10.00")


def test_a_missing_rate_names_the_currency_and_what_to_enter() -> None:
    with pytest.raises(ValueError) as caught:
        to_home(D(10), "GBP", RATES, "EUR")
    assert str(caught.value) == "No exchange rate for GBP: enter 1 EUR = x GBP."


def test_the_latest_rate_on_or_before_the_date_is_used() -> None:
    rates = (
        ExchangeRate("CNY", D("7.50"), date(2026, 1, 1)),
        ExchangeRate("CNY", D("7.80"), date(2026, 6, 1)),
        ExchangeRate("CNY", D("8.00"), date(2026, 9, 1)),
    )
    assert rate_for("CNY", rates, "EUR", date(2026, 6, 1)) == D("7.80")  # the day itself
    assert rate_for("CNY", rates, "EUR", date(2026, 5, 31)) == D("7.50")
    assert rate_for("CNY", rates, "EUR") == D("8.00")
    with pytest.raises(ValueError, match="No exchange rate for CNY on or before 2025-12-31"):
        rate_for("CNY", rates, "EUR", date(2025, 12, 31))


def test_between_two_foreign_currencies_the_cross_rate_goes_through_home() -> None:
    assert convert(D("100.00"), "USD", "CNY", RATES, "EUR") == D("722.22")  # 100 x 7.80 / 1.08
    assert convert(D("78.00"), "CNY", "EUR", RATES, "EUR") == D("10.00")
    assert convert(D("1.005"), "CNY", "CNY", RATES, "EUR") == D("1.01")


def test_describe_and_check_a_rate() -> None:
    rate = ExchangeRate("CNY", D("7.80"), DAY)
    assert rate.describe("EUR") == "1 EUR = 7.80 CNY (2026-11-01)"
    assert rate_problems(rate) == []
    assert "must be above 0" in rate_problems(ExchangeRate("CNY", D(0), DAY))[0]
    as_float = ExchangeRate("CNY", 7.8, DAY)  # type: ignore[arg-type]
    assert "not a float" in rate_problems(as_float)[0]
    assert "not a currency code" in rate_problems(ExchangeRate("yuan", D(7), DAY))[0]
    undated = ExchangeRate("CNY", D(7), None)  # type: ignore[arg-type]
    assert "Give the date" in rate_problems(undated)[0]
