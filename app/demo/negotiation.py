"""The negotiation part of the demo, written through NegotiationService like a user would (so
every rule applies): quotes for the four demo products from the suppliers that make them,
worksheets for two of them, and the settings of a reseller in Germany.

- Home currency EUR, with rates typed from a bank's page: 1 EUR = 7.80 CNY (and an older 7.72),
  1 EUR = 1.08 USD. Landed cost for the EU: the agent takes 5 % of the goods (at least ¥30),
  3 % to top up the agent's wallet, €60 freight to the border, 2 % insurance on 110 % of the
  value, 4 % duty on the CIF value (or the EU's flat €3 on small consignments, from 2026-07-01),
  19 % import VAT (not reclaimed: a small seller below the VAT threshold), €12 from the border.
  Selling: a 35 % margin after Amazon's 15 % fee.
- 磁吸手机支架: five quotes; the blacklisted gadget shop quotes far below everyone (too good to
  be true), Chuangweida's quote has expired, Juxinyuan has not said what shipping costs. Four
  rounds with Hengtong end in an agreement: Hengtong is the chosen supplier.
- 500毫升保温杯: three factories in CNY and a trading company on Alibaba.com in USD (FOB); three
  rounds with Shunda, still open.
- 帆布托特包 and 硅胶解压玩具: quotes only; one expires within the week, one has an order multiple
  and one a shop minimum (mixed batch).
Dates follow `today` so the demo never goes stale. Quotes of suppliers not given are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from app.demo.matrix import shop_slug
from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import EU, DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.payment import PLAN_A, AgreedTerms
from app.domain.negotiation.phrasebook import Category
from app.domain.negotiation.quotes import PriceBreak, Quote, TradeTerm
from app.domain.negotiation.worksheet import CostPart, NegotiationRound, Targets
from app.domain.suppliers.supplier import Supplier
from app.services.negotiation.records import Worksheet
from app.services.negotiation.service import NegotiationService

D = Decimal
HOME = "EUR"
RATES = (("CNY", "7.72", 40), ("CNY", "7.80", 3), ("USD", "1.08", 3))  # currency, rate, days ago
SETTINGS = LandedCostSettings(
    agent_fee_pct=D(5),
    agent_fee_min=D(30),
    agent_fee_basis=FeeBasis.GOODS,
    payment_fee_pct=D(3),
    freight=D(60),
    insurance_pct=D(2),
    insurance_cover_pct=D(110),
    duty_pct=D(4),
    duty_basis=DutyBasis.CIF,
    vat_pct=D(19),
    vat_reclaimable=False,
    post_border_transport=D(12),
    destination=EU,
)
MARGIN_PCT, FEE_PCT = D(35), D(15)
PHRASES = (
    ("能按我们的要求做彩盒包装吗？", "Can you make colour boxes to our packaging spec?", Category.PACKAGING),
    ("大货生产前请先寄产前样确认。", "Please send a pre-production sample to confirm before bulk production.", Category.QUALITY),
    ("请按FOB宁波报价。", "Please quote FOB Ningbo.", Category.PRICE),
)  # fmt: skip


class DemoQuote(NamedTuple):
    slug: str  # the supplier's 1688 shop sub-domain
    currency: str
    breaks: str  # "10:14.50 100:12.80 500:11.20"
    valid: tuple[int, int] | None  # (days ago it was quoted, days it is valid from then)
    lead_time_days: int | None
    shipping: str  # "12.00"; "included"; "" unknown
    payment_terms: str = ""
    trade_term: TradeTerm = TradeTerm.EXW
    note: str = ""
    moq: int | None = None
    multiple: int = 1
    shop_minimum: tuple[str, int] | None = None  # (amount, pieces): met by either


class DemoProduct(NamedTuple):
    name_zh: str  # the demo product (demo/samples.py)
    planned_qty: int
    quotes: tuple[DemoQuote, ...]


_ESCROW = "支付宝担保交易 Alipay escrow"
_A = "30% 定金, 70% 发货前 (deposit, balance before shipment)"
PRODUCTS = (
    DemoProduct("磁吸手机支架", 300, (
        DemoQuote("hengtongwj", "CNY", "10:14.50 100:12.80 500:11.20", (12, 30), 20, "15.00",
                  _A, note="Aluminium CNC body; logo laser engraving +¥0.60.", moq=10),
        DemoQuote("hqtxpj", "CNY", "2:15.80 50:13.90 300:12.60", (9, 30), 7, "10.00", _ESCROW,
                  note="In stock in black and silver; mixed colours allowed."),
        DemoQuote("cwdsm", "CNY", "5:16.50 100:14.00", (45, 30), 10, "12.00", _ESCROW,
                  note="Trading company: ships from a Huizhou factory."),
        DemoQuote("youpinhui", "CNY", "1:6.50", (8, 60), 3, "included",
                  "Alipay to a personal account (个人账户) for 5 % off",
                  note="Far below every other quote: plastic, not aluminium (see the sample)."),
        DemoQuote("juxinyuan", "CNY", "50:13.60 200:13.20 1000:12.40", (6, 20), 12, "",
                  _ESCROW, note="Shipping to be confirmed once the carton size is known.",
                  moq=50),
    )),
    DemoProduct("500毫升保温杯", 500, (
        DemoQuote("shundaflask", "CNY", "20:21.50 200:19.80 1000:18.20", (10, 45), 15, "30.00",
                  _A, note="Laser logo included from 200 pieces; gift box +¥1.20."),
        DemoQuote("kangjiehome", "CNY", "50:22.80 500:20.50", (15, 30), 18, "25.00", _ESCROW,
                  moq=50, multiple=50, note="Packed 50 to a carton: order whole cartons."),
        DemoQuote("xinyuanbaihuo", "CNY", "10:24.00 100:22.00", (5, 15), 5, "18.00", _ESCROW),
        DemoQuote("greenwaytrade", "USD", "100:2.95 500:2.75", (4, 30), 25, "included",
                  "T/T 30 % deposit, 70 % against B/L copy", TradeTerm.FOB,
                  "Quoted on Alibaba.com (trading company), in USD, FOB Xiamen: "
                  "not a 1688 price.", moq=100),
    )),
    DemoProduct("帆布托特包", 200, (
        DemoQuote("hongyuanbags", "CNY", "2:11.50 100:9.80 500:8.60", (7, 30), 12, "12.00",
                  _ESCROW, note="12 oz canvas; screen print one colour included."),
        DemoQuote("jiahexiangbao", "CNY", "30:9.20 300:8.50 1000:7.90", (25, 40), 15, "15.00",
                  _ESCROW, moq=30, note="10 oz canvas unless asked (thinner than the spec)."),
        DemoQuote("jinchengpiju", "CNY", "10:15.00 200:13.50", (10, 60), 20, "20.00", _A,
                  note="Leather trims on the handles."),
    )),
    DemoProduct("硅胶解压玩具", 1000, (
        DemoQuote("letutoys", "CNY", "2:3.20 100:2.80 500:2.50", (6, 30), 5, "8.00", _ESCROW,
                  note="混批: colours mixed from 2 pieces."),
        DemoQuote("hengdacrafts", "CNY", "50:2.60 500:2.30", (3, 30), 10, "10.00", _ESCROW,
                  moq=50, multiple=50, note="Sold in bags of 50."),
        DemoQuote("jiameijewelry", "CNY", "10:3.00 200:2.70", (20, 25), 7, "10.00", _ESCROW,
                  shop_minimum=("300.00", 30), note="Shop minimum ¥300 or 30 pieces, mixed."),
    )),
)  # fmt: skip

STAND_ROUNDS = (  # days ago, our offer, their counter, concession, note
    (20, "10.80", "12.80", "", "Opened with Huaqiang's ¥12.60 at 300 pieces."),
    (14, "11.30", "12.50", "We pay 30 % deposit (plan A)", ""),
    (8, "11.80", "12.20", "500 more pieces within 3 months", "They asked for a repeat order."),
    (3, "12.00", "12.00", "Neutral packaging at no extra cost", "Agreed on the phone."),
)
FLASK_ROUNDS = (
    (10, "17.50", "19.80", "", "Anchored at Kangjie's carton price."),
    (6, "18.20", "19.20", "Printed logo instead of laser", ""),
    (2, "18.60", "19.00", "", "They wait for the steel price next week."),
)


def fill_demo_negotiation(
    negotiation: NegotiationService, suppliers: Iterable[Supplier], today: date
) -> None:
    """Add the negotiation demo for the stored demo suppliers and products (module docstring)."""
    ids = {shop_slug(s.shop_url): s.id for s in suppliers if s.id is not None}
    products = {p.name_zh: p.id for p in negotiation.products()}
    negotiation.set_home_currency(HOME)
    for currency, rate, days in RATES:
        negotiation.save_rate(ExchangeRate(currency, D(rate), today - timedelta(days=days)))
    negotiation.save_landed_settings(SETTINGS)
    negotiation.save_selling_targets(MARGIN_PCT, FEE_PCT)
    for chinese, english, category in PHRASES:
        negotiation.add_phrase(chinese, english, category)
    for entry in PRODUCTS:
        product_id = products.get(entry.name_zh)
        if product_id is None:
            continue
        negotiation.set_planned_qty(product_id, entry.planned_qty)
        for demo in entry.quotes:
            supplier_id = ids.get(demo.slug)
            if supplier_id is not None:
                negotiation.save_quote(product_id, build_quote(demo, supplier_id, today))
    stand, flask = products.get("磁吸手机支架"), products.get("500毫升保温杯")
    hengtong, shunda = ids.get("hengtongwj"), ids.get("shundaflask")
    if stand is not None and hengtong is not None:
        _stand_worksheet(negotiation, stand, hengtong, today)
    if flask is not None and shunda is not None:
        _flask_worksheet(negotiation, flask, shunda, today)


def build_quote(demo: DemoQuote, supplier_id: int, today: date) -> Quote:
    breaks = tuple(
        PriceBreak(int(qty), D(price))
        for qty, price in (part.split(":") for part in demo.breaks.split())
    )
    valid_from = valid_until = None
    if demo.valid is not None:
        valid_from = today - timedelta(days=demo.valid[0])
        valid_until = valid_from + timedelta(days=demo.valid[1])
    included = demo.shipping == "included"
    return Quote(
        supplier_id=supplier_id,
        product="",
        currency=demo.currency,
        breaks=breaks,
        moq=demo.moq,
        order_multiple=demo.multiple,
        seller_min_amount=D(demo.shop_minimum[0]) if demo.shop_minimum else None,
        seller_min_qty=demo.shop_minimum[1] if demo.shop_minimum else None,
        valid_from=valid_from,
        valid_until=valid_until,
        lead_time_days=demo.lead_time_days,
        domestic_shipping=None if included or not demo.shipping else D(demo.shipping),
        shipping_included=included,
        payment_terms=demo.payment_terms,
        trade_term=demo.trade_term,
        note=demo.note,
    )


def _rounds(
    plan: tuple[tuple[int, str, str, str, str], ...], today: date
) -> tuple[NegotiationRound, ...]:
    return tuple(
        NegotiationRound(today - timedelta(days=days), D(ours), D(theirs), concession, note)
        for days, ours, theirs, concession, note in plan
    )


def _stand_worksheet(
    negotiation: NegotiationService, product_id: int, supplier_id: int, today: date
) -> None:
    negotiation.save_worksheet(
        product_id,
        supplier_id,
        Worksheet(
            product_id,
            supplier_id,
            "CNY",
            Targets(D("11.50"), D("12.20"), D("12.80"), "CNY"),
            None,
            _rounds(STAND_ROUNDS, today),
            note="Hengtong's sample is the golden sample; Huaqiang is the second source.",
        ),
    )
    negotiation.mark_agreed(
        product_id,
        supplier_id,
        AgreedTerms(
            supplier_id=supplier_id,
            product="",
            unit_price=D("12.00"),
            quantity=300,
            currency="CNY",
            payment_plan=PLAN_A,
            trade_term=TradeTerm.EXW,
            valid_until=today + timedelta(days=60),
            lead_time_days=20,
            quality_standard="AQL 2.5 (general level II) against the golden sample; hinge "
            "holds a 7-inch tablet at 60°.",
            packaging="Neutral white box, our barcode label, 50 to a carton.",
            after_sales="Defects above 2.5 % replaced free in the next order.",
            agreed_on=today - timedelta(days=3),
        ),
    )


def _flask_worksheet(
    negotiation: NegotiationService, product_id: int, supplier_id: int, today: date
) -> None:
    shares = {
        CostPart.RAW_MATERIAL: D(55),
        CostPart.LABOUR: D(18),
        CostPart.OVERHEAD: D(15),
        CostPart.PROFIT: D(12),
    }
    negotiation.save_worksheet(
        product_id,
        supplier_id,
        Worksheet(
            product_id,
            supplier_id,
            "CNY",
            Targets(D("18.00"), D("18.80"), D("19.50"), "CNY"),
            shares,
            _rounds(FLASK_ROUNDS, today),
            note="304 steel is most of the price: push on the logo and the packaging.",
        ),
    )
