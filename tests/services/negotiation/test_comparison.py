"""The service's comparison, quantity advice and export bundle over stored quotes, rates and
settings."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.payment import PLAN_B, AgreedTerms
from app.domain.negotiation.quotes import PriceBreak, Validity
from app.domain.negotiation.worksheet import NegotiationRound, Targets
from app.errors import ValidationError
from app.exports.negotiation.data import NegotiationExport, QuoteEntry, WorksheetEntry
from app.services.negotiation.records import Worksheet
from tests.conftest import TODAY
from tests.services.negotiation.fixtures import World

D = Decimal


def _three_quotes(world: World) -> None:
    n = world.negotiation
    n.save_quote(world.product_id, world.quote())  # 2.80 at 100, ¥8 shipping
    n.save_quote(
        world.product_id,
        world.quote(
            world.letu,
            breaks=(PriceBreak(1, D("1.40")),),
            valid_until=TODAY - timedelta(days=1),
        ),
    )
    n.save_quote(
        world.product_id,
        world.quote(
            world.kangjie,
            currency="USD",
            breaks=(PriceBreak(50, D("0.40")),),
            moq=None,
            domestic_shipping=None,
            shipping_included=True,
        ),
    )


def test_the_comparison_uses_the_stored_rates_settings_and_planned_quantity(world: World) -> None:
    n = world.negotiation
    _three_quotes(world)
    n.set_home_currency("EUR")
    n.save_rate(ExchangeRate("CNY", D("7.80"), TODAY - timedelta(days=3)))
    n.save_rate(ExchangeRate("USD", D("1.08"), TODAY - timedelta(days=3)))
    n.save_landed_settings(LandedCostSettings(freight=D("10.00")))
    n.save_selling_targets(D(30), D(15))
    n.set_planned_qty(world.product_id, 100)
    result = n.comparison(world.product_id)
    assert (result.quantity, result.on, result.home) == (100, TODAY, "EUR")
    hengda, letu, kangjie = (result.row_of(s) for s in (world.hengda, world.letu, world.kangjie))
    assert hengda.landed_total == D("46.93")  # 280/7.8 = 35.90 + 8/7.8 = 1.03 + freight 10
    assert kangjie.landed_total == D("47.04")  # 40/1.08 = 37.04 + 10
    assert letu.landed_total == D("28.98")  # 140/7.8 = 17.95 + 1.03 + 10
    assert [hengda.rank, kangjie.rank, letu.rank] == [2, 3, 1]
    assert letu.validity is Validity.EXPIRED and letu.too_good  # far below the median
    assert hengda.selling is not None and hengda.selling.price == D("0.86")  # .4693/.55 up
    assert result.market_note == "Unit prices in USD are converted to CNY for the statistics."


def test_a_missing_rate_still_shows_the_goods_price_and_says_why(world: World) -> None:
    _three_quotes(world)
    world.negotiation.set_home_currency("EUR")
    result = world.negotiation.comparison(world.product_id, 100)
    row = result.row_of(world.hengda)
    assert row.unit_price == D("2.80") and row.goods_total == D("280.00")
    assert row.landed is None and row.rank is None
    assert row.problem == "No exchange rate for CNY: enter 1 EUR = x CNY."


def test_the_comparison_quantity_is_checked(world: World) -> None:
    _three_quotes(world)
    with pytest.raises(ValidationError, match="planned quantity"):
        world.negotiation.comparison(world.product_id)
    with pytest.raises(ValidationError, match="from 1 to"):
        world.negotiation.comparison(world.product_id, 0)


def test_advice_gives_landed_totals_or_falls_back_to_goods(world: World) -> None:
    n = world.negotiation
    [quote_id] = n.save_quote(world.product_id, world.quote()).created
    goods = n.advice(world.product_id, quote_id, 90, 110)  # home CNY, zero settings: landed
    assert goods.landed and goods.currency == "CNY"
    assert goods.point(100).total == D("288.00") and goods.point(99).total == D("324.80")
    assert goods.savings[0].from_qty == 99 and goods.savings[0].to_qty == 100
    n.set_home_currency("EUR")  # no CNY rate: goods totals in CNY
    fallback = n.advice(world.product_id, quote_id, 90, 110)
    assert not fallback.landed and fallback.currency == "CNY"
    assert fallback.point(100).total == D("280.00")
    with pytest.raises(ValidationError, match="upwards"):
        n.advice(world.product_id, quote_id, 110, 90)


def test_export_data_is_the_bundle_the_exports_take(world: World) -> None:
    n = world.negotiation
    _three_quotes(world)
    n.set_home_currency("EUR")
    n.save_rate(ExchangeRate("CNY", D("7.80"), TODAY))
    n.save_selling_targets(D(35), D(15))
    plain = n.export_data(world.product_id)
    assert isinstance(plain, NegotiationExport)
    assert plain.product_name == "硅胶解压玩具 · Silicone fidget toy"
    assert plain.planned_qty == 50  # no plan: the largest MOQ among the quotes
    assert (plain.home, plain.target_margin_pct, plain.selling_fee_pct) == ("EUR", D(35), D(15))
    assert plain.rates == (ExchangeRate("CNY", D("7.80"), TODAY),)
    assert plain.settings == LandedCostSettings() and plain.today == TODAY
    assert plain.worksheet is None
    assert [e.supplier_name for e in plain.quotes] == [
        "义乌市恒达工艺品厂 · Yiwu Hengda Crafts Factory",
        "义乌市乐途玩具有限公司 · Yiwu Letu Toys Co., Ltd.",
        "宁波市海曙康洁日用品有限公司",
    ]
    assert isinstance(plain.quotes[0], QuoteEntry) and plain.quotes[0].quote.breaks[0].min_qty == 2
    targets = Targets(D("2.40"), D("2.60"), D("2.80"), "CNY")
    rounds = (NegotiationRound(date(2026, 11, 20), D("2.40"), D("2.70")),)
    n.save_worksheet(
        world.product_id,
        world.hengda,
        Worksheet(world.product_id, world.hengda, "CNY", targets, None, rounds),
    )
    n.mark_agreed(
        world.product_id,
        world.hengda,
        AgreedTerms(world.hengda, "", D("2.60"), 500, "CNY", PLAN_B, agreed_on=TODAY),
    )
    n.set_planned_qty(world.product_id, 500)
    chosen = n.export_data(world.product_id, on=date(2026, 12, 1))
    assert chosen.planned_qty == 500 and chosen.today == date(2026, 12, 1)
    assert isinstance(chosen.worksheet, WorksheetEntry)
    assert chosen.worksheet.supplier_name == "义乌市恒达工艺品厂 · Yiwu Hengda Crafts Factory"
    assert chosen.worksheet.targets == targets and chosen.worksheet.rounds == rounds
    assert chosen.worksheet.agreed is not None and chosen.worksheet.agreed.total == D("1300.00")
    assert n.export_data(world.product_id, quantity=200).planned_qty == 200
