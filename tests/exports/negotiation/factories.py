"""A negotiation export with boundary cases: CNY and USD quotes, a break exactly at the planned
quantity, an order multiple, a quote below its MOQ, one below the shop's minimum, one with
unknown shipping, an agent-fee minimum that binds, EU low-value relief with a flat duty, and an
agent fee of exactly x.xx5 CNY (45.045: half up gives 45.05, half-even 45.04)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import EU, DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.payment import PLAN_A, AgreedTerms
from app.domain.negotiation.quotes import PriceBreak, Quote, TradeTerm
from app.domain.negotiation.worksheet import NegotiationRound, Targets
from app.exports.negotiation.data import NegotiationExport, QuoteEntry, WorksheetEntry

D = Decimal
TODAY = date(2026, 11, 29)
HENGDA = "义乌市恒达工艺品厂 · Yiwu Hengda Crafts"
HUAQIANG = "深圳华强电子 · Shenzhen Huaqiang"
FORMULA_NAME = '=HYPERLINK("http://example.com","cheap")'
SMALL = "金华小商品 · Jinhua Small Goods"
SHOP_MIN = "宁波海运包装 · Ningbo Packaging"
UNKNOWN_SHIPPING = "东莞市新星 · Dongguan Xinxing"
PRODUCT = "手机支架 · Phone stand"


def breaks(*pairs: tuple[int, str]) -> tuple[PriceBreak, ...]:
    return tuple(PriceBreak(qty, D(price)) for qty, price in pairs)


def quotes() -> tuple[QuoteEntry, ...]:
    return (
        QuoteEntry(
            HENGDA,
            Quote(
                1,
                PRODUCT,
                "CNY",
                breaks((100, "3.20"), (500, "2.80"), (1000, "2.50")),
                domestic_shipping=D("25.00"),
                valid_until=date(2026, 12, 3),  # expiring: 4 days left
                lead_time_days=15,
            ),
        ),
        QuoteEntry(
            HUAQIANG,
            Quote(
                2,
                PRODUCT,
                "USD",
                breaks((200, "0.4125"), (1000, "0.39")),
                order_multiple=12,  # 500 orders 504; 1000 orders 1008
                domestic_shipping=D("3.50"),
                valid_until=date(2027, 1, 31),
                lead_time_days=20,
                trade_term=TradeTerm.FOB,
            ),
        ),
        QuoteEntry(
            FORMULA_NAME,
            Quote(3, PRODUCT, "CNY", breaks((1000, "1.95")), moq=1000, shipping_included=True),
        ),
        QuoteEntry(
            SMALL,
            Quote(
                4,
                PRODUCT,
                "CNY",
                breaks((50, "2.10"), (400, "1.98")),
                moq=30,
                domestic_shipping=D("12.00"),
                valid_until=date(2026, 11, 1),  # expired
                lead_time_days=7,
            ),
        ),
        QuoteEntry(
            SHOP_MIN,
            Quote(
                5,
                PRODUCT,
                "USD",
                breaks((300, "0.55"), (600, "0.50")),
                seller_min_amount=D("300.00"),
                seller_min_qty=600,
                domestic_shipping=D("0"),
            ),
        ),
        QuoteEntry(UNKNOWN_SHIPPING, Quote(6, PRODUCT, "CNY", breaks((1, "3.00")))),
    )


RATES = (
    ExchangeRate("CNY", D("7.70"), date(2026, 10, 1)),  # older: not used
    ExchangeRate("CNY", D("7.80"), date(2026, 11, 20)),
    ExchangeRate("CNY", D("7.95"), date(2026, 12, 5)),  # after the export date: not used
    ExchangeRate("USD", D("1.08"), date(2026, 11, 25)),
)
SETTINGS = LandedCostSettings(
    agent_fee_pct=D(3),
    agent_fee_min=D("30.00"),
    agent_fee_basis=FeeBasis.GOODS,
    payment_fee_pct=D("2.5"),
    freight=D("180.00"),
    insurance_pct=D("0.5"),
    insurance_cover_pct=D(110),
    duty_pct=D(4),
    duty_basis=DutyBasis.CIF,
    vat_pct=D(19),
    post_border_transport=D("25.00"),
    destination=EU,
    item_categories=2,
)


def worksheet() -> WorksheetEntry:
    targets = Targets(D("2.60"), D("2.75"), D("2.90"), "CNY")
    rounds = (
        NegotiationRound(date(2026, 11, 10), D("2.50"), D("2.95"), "volume 500", "first call"),
        NegotiationRound(date(2026, 11, 14), D("2.60"), D("2.80"), "30 % deposit"),
        NegotiationRound(date(2026, 11, 18), D("2.70"), D("2.70"), "", "met"),
    )
    agreed = AgreedTerms(
        supplier_id=1,
        product=PRODUCT,
        unit_price=D("2.70"),
        quantity=500,
        currency="CNY",
        payment_plan=PLAN_A,
        trade_term=TradeTerm.EXW,
        valid_until=date(2026, 12, 31),
        lead_time_days=15,
        quality_standard="AQL 2.5, 实拍图 before shipment",
        packaging="OPP bag, 50 per carton",
        after_sales="Replace defects within 30 days",
        agreed_on=date(2026, 11, 18),
        note="=not a formula",
    )
    return WorksheetEntry(HENGDA, targets, rounds, agreed)


def negotiation(**changes: object) -> NegotiationExport:
    values: dict[str, object] = {
        "product_name": PRODUCT,
        "planned_qty": 500,
        "home": "EUR",
        "rates": RATES,
        "settings": SETTINGS,
        "target_margin_pct": D(35),
        "selling_fee_pct": D(15),
        "quotes": quotes(),
        "worksheet": worksheet(),
        "today": TODAY,
    }
    values.update(changes)
    return NegotiationExport(**values)  # type: ignore[arg-type]
