"""The consolidation part of the demo, written through ConsolidationService like a user would (so
every rule applies): two agents with their fees and four lines, 1688 orders of the demo products
from the suppliers that make them, a dozen parcels at the warehouses, and two shipments.

- Superbuy (5 % service fee, ¥10 per consolidated box, ¥5 per repacked parcel, 90 days of free
  storage) runs the DHL express line (/5000, 0.5 kg steps to 20.5 kg then whole kg) and EMS
  (volume only over 60 cm, then /8000). CSSBuy (10 % of the first ¥3,000 + 5 %, ¥2 handling
  per parcel, 180 days free) runs an air line for sensitive goods (/6000, ¥20 per box) and sea
  LCL (W/M at 1,000 kg per m³, at least 1 W/M). Every line's card is templates.py's example.
  Their cartons: Superbuy's weigh 0.5 kg, CSSBuy's sturdier ones 0.8 kg (packing factor 1.1 and
  repack factor 0.8 at both).
- Orders at every status, their unit prices from the quotes; the new order of phone stands
  from Hengtong takes the price agreed on the Negotiation tab (read through the schema by
  `items_from_agreed_quote`, so the demo works without it too).
- Parcels: magnetic phone stands (带磁), one parcel with a battery (带电, wireless chargers), one
  over 120 cm (too long for the express and air lines), one 80 days at Superbuy (10 days of
  free storage left), two parcels of one order.
- "十月海运 October sea" shipped 20 days ago on sea LCL with its estimate and the actual charge
  (an extra charge after weighing); "磁吸支架空运 Stands by air" is planned on the air line.
Dates follow `today` so the demo never goes stale. Orders of suppliers not given are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from app.demo.matrix import shop_slug
from app.domain.consolidation.agent_fees import AgentFees, ServiceTier
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.orders import OrderStatus
from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.planner import WayCost
from app.domain.kit.money import Money
from app.domain.suppliers.supplier import Supplier
from app.services.consolidation.records import (
    Order,
    OrderItem,
    ParcelInput,
    ShipmentStatus,
)
from app.services.consolidation.service import ConsolidationService
from app.services.consolidation.templates import AIR_SPECIAL, EMS, EXPRESS, SEA_LCL
from app.services.samples.service import SampleService

D = Decimal
S = OrderStatus
SUPERBUY = AgentFees(
    name="Superbuy",
    service_tiers=(ServiceTier(None, D(5)),),
    service_minimum=D(0),
    consolidation_per_box=D(10),
    repack_per_parcel=D(5),
    insurance_percent=D(3),
    insurance_minimum=D(10),
    free_storage_days=90,
    storage_fee_per_month=D(5),
)
CSSBUY = AgentFees(
    name="CSSBuy",
    handling_per_parcel=D(2),
    repack_per_parcel=D(3),
    insurance_percent=D("2.5"),
    free_storage_days=180,
    storage_fee_per_month=D(8),
)
AGENTS = ((SUPERBUY, (EXPRESS, EMS)), (CSSBUY, (AIR_SPECIAL, SEA_LCL)))
PACKING = {  # the agents' carton tare (kg), packing and repack factors
    SUPERBUY.name: PackingRules(D("0.5"), D("1.1"), D("0.8")),
    CSSBUY.name: PackingRules(D("0.8"), D("1.1"), D("0.8")),
}


class DemoOrder(NamedTuple):
    key: str  # how the parcels below name it
    slug: str  # the supplier's 1688 shop sub-domain
    number: str  # the 1688 order number
    product: str  # the demo product's Chinese name
    quantity: int
    price: str  # unit price in CNY; "agreed": the Negotiation tab's agreed price
    status: OrderStatus
    days: tuple[
        int | None, int | None, int | None, int | None
    ]  # ordered, paid, shipped, delivered ago
    shipping: str = "12.00"
    tracking: str = ""
    hs_code: str = ""


class DemoParcel(NamedTuple):
    code: str
    label: str
    agent: str
    orders: tuple[str, ...]
    size: str  # "kg length width height"
    arrived_ago: int
    tags: frozenset[RestrictedTag] = frozenset()
    declared: str = ""  # CNY
    note: str = ""


_MAG, _BAT = RestrictedTag.MAGNET, RestrictedTag.BATTERY
ORDERS = (
    DemoOrder(
        "stand-trial",
        "hengtongwj",
        "3421658712345678901",
        "磁吸手机支架",
        200,
        "12.80",
        S.DELIVERED,
        (28, 28, 24, 21),
        "15.00",
        "SF1402938475600",
        "8302.50",
    ),
    DemoOrder(
        "flask",
        "shundaflask",
        "3421658712345678902",
        "500毫升保温杯",
        100,
        "21.50",
        S.COMPLETE,
        (45, 44, 40, 36),
        "30.00",
        "SF1402938471100",
        "9617.00",
    ),
    DemoOrder(
        "tote",
        "hongyuanbags",
        "3421658712345678903",
        "帆布托特包",
        100,
        "9.80",
        S.COMPLETE,
        (42, 42, 38, 35),
        "12.00",
        "YT7538192040100",
        "4202.22",
    ),
    DemoOrder(
        "toys",
        "letutoys",
        "3421658712345678904",
        "硅胶解压玩具",
        500,
        "2.50",
        S.DELIVERED,
        (16, 16, 12, 9),
        "8.00",
        "ZT5546372811200",
        "9503.00",
    ),
    DemoOrder(
        "toys-old",
        "hengdacrafts",
        "3421658712345678905",
        "硅胶解压玩具",
        300,
        "2.60",
        S.COMPLETE,
        (95, 95, 88, 80),
        "10.00",
        "ZT5546372811100",
        "9503.00",
    ),
    DemoOrder(
        "charger",
        "hqtxpj",
        "3421658712345678906",
        "磁吸手机支架",
        100,
        "13.90",
        S.DELIVERED,
        (14, 14, 10, 7),
        "10.00",
        "YT7538192040200",
        "8504.40",
    ),
    DemoOrder(
        "tote-long",
        "hongyuanbags",
        "3421658712345678907",
        "帆布托特包",
        200,
        "9.80",
        S.DELIVERED,
        (12, 12, 8, 5),
        "12.00",
        "YT7538192040300",
        "4202.22",
    ),
    DemoOrder(
        "stand-more",
        "hengtongwj",
        "3421658712345678908",
        "磁吸手机支架",
        100,
        "12.80",
        S.DELIVERED,
        (10, 10, 6, 3),
        "15.00",
        "SF1402938475700",
        "8302.50",
    ),
    DemoOrder(
        "stand-agreed",
        "hengtongwj",
        "3421658712345678909",
        "磁吸手机支架",
        300,
        "agreed",
        S.PENDING_SHIPMENT,
        (2, 2, None, None),
        "15.00",
        "",
        "8302.50",
    ),
    DemoOrder(
        "flask-kangjie",
        "kangjiehome",
        "3421658712345678910",
        "500毫升保温杯",
        50,
        "22.80",
        S.SHIPPED,
        (6, 6, 2, None),
        "25.00",
        "75361029380200",
        "9617.00",
    ),
    DemoOrder(
        "tote-jiahe",
        "jiahexiangbao",
        "3421658712345678911",
        "帆布托特包",
        100,
        "9.20",
        S.PENDING_PAYMENT,
        (0, None, None, None),
        "15.00",
    ),
)
PARCELS = (
    DemoParcel("SF1402938475611", "磁吸支架 1/2 phone stands", "Superbuy", ("stand-trial",),
               "16.2 50 40 30", 21, frozenset({_MAG}), "1280.00"),
    DemoParcel("SF1402938475612", "磁吸支架 2/2 phone stands", "Superbuy", ("stand-trial",),
               "15.8 50 40 30", 21, frozenset({_MAG}), "1280.00"),
    DemoParcel("SF1402938471101", "保温杯 1/2 flasks", "CSSBuy", ("flask",), "21.5 60 40 45", 36,
               declared="1075.00"),
    DemoParcel("SF1402938471102", "保温杯 2/2 flasks", "CSSBuy", ("flask",), "21.0 45 60 40", 36,
               declared="1075.00", note="外箱一角压扁 one corner crushed"),
    DemoParcel("YT7538192040101", "帆布包 1/2 tote bags", "CSSBuy", ("tote",), "23.0 55 45 40",
               35, declared="490.00"),
    DemoParcel("YT7538192040102", "帆布包 2/2 tote bags", "CSSBuy", ("tote",), "22.6 55 45 38",
               35, declared="490.00"),
    DemoParcel("ZT5546372811201", "解压玩具 1/2 fidget toys", "Superbuy", ("toys",),
               "14.8 50 40 35", 9, declared="625.00"),
    DemoParcel("ZT5546372811202", "解压玩具 2/2 fidget toys", "Superbuy", ("toys",),
               "15.1 50 40 35", 8, declared="625.00"),
    DemoParcel("ZT5546372811101", "解压玩具 fidget toys (Hengda)", "Superbuy", ("toys-old",),
               "20.3 60 40 40", 80, declared="780.00", note="Free storage ends soon: ship it."),
    DemoParcel("YT7538192040201", "无线充支架 wireless charger stands", "Superbuy", ("charger",),
               "10.0 45 35 30", 7, frozenset({_BAT, _MAG}), "1390.00",
               "Built-in 1,000 mAh battery: sensitive-goods lines only."),
    DemoParcel("YT7538192040301", "帆布包长箱 tote bags, long carton", "Superbuy", ("tote-long",),
               "24.0 125 40 30", 5, declared="1960.00", note="125 cm: too long for some lines."),
    DemoParcel("SF1402938475701", "磁吸支架 phone stands (2nd order)", "Superbuy", ("stand-more",),
               "15.9 50 40 30", 3, frozenset({_MAG}), "1280.00"),
)  # fmt: skip
SEA_SHIPMENT = "十月海运 October sea"
AIR_SHIPMENT = "磁吸支架空运 Stands by air"


def fill_demo_consolidation(
    consolidation: ConsolidationService, suppliers: Iterable[Supplier], today: date
) -> list[int]:
    """Add the demo's agents, lines, orders, parcels and shipments for the stored demo
    suppliers (matched by their 1688 shop address) and products; returns the shipment ids."""
    suppliers_by_slug = {shop_slug(s.shop_url): s.id for s in suppliers if s.id is not None}
    samples = SampleService(consolidation.database, today=consolidation.today)
    products = {p.name_zh: p.id for p in samples.products()}
    agents = {}
    for fees, cards in AGENTS:
        agent_id = consolidation.save_agent(fees, packing=PACKING[fees.name]).created[0]
        agents[fees.name] = agent_id
        for card in cards:
            consolidation.save_line(agent_id, card)
    orders = {}
    for demo in ORDERS:
        supplier_id, product_id = suppliers_by_slug.get(demo.slug), products.get(demo.product)
        if supplier_id is None or product_id is None:
            continue
        order = _order(consolidation, demo, supplier_id, product_id, today)
        orders[demo.key] = consolidation.save_order(order).created[0]
    parcels = {}
    for parcel in PARCELS:
        order_ids = tuple(orders[key] for key in parcel.orders if key in orders)
        parcels[parcel.code] = consolidation.save_parcel(
            _parcel(parcel, agents[parcel.agent], order_ids, today)
        ).created[0]
    return [
        _sea_shipment(consolidation, [parcels[p.code] for p in PARCELS[2:6]], today),
        _air_shipment(consolidation, [parcels[p.code] for p in PARCELS[:2]]),
    ]


def _order(
    consolidation: ConsolidationService,
    demo: DemoOrder,
    supplier_id: int,
    product_id: int,
    today: date,
) -> Order:
    price, currency = (D(demo.price), "CNY") if demo.price != "agreed" else (D("12.80"), "CNY")
    if demo.price == "agreed":
        agreed = consolidation.items_from_agreed_quote(product_id)
        if agreed is not None and agreed.supplier_id == supplier_id:
            price, currency = agreed.unit_price, agreed.currency
    ordered, paid, shipped, delivered = (
        None if days is None else today - timedelta(days=days) for days in demo.days
    )
    return Order(
        supplier_id=supplier_id,
        order_number=demo.number,
        status=demo.status,
        items=(OrderItem(product_id, demo.quantity, price, currency, demo.hs_code),),
        domestic_shipping=Money(D(demo.shipping), "CNY"),
        tracking_number=demo.tracking,
        ordered_on=ordered,
        paid_on=paid,
        shipped_on=shipped,
        delivered_on=delivered,
    )


def _parcel(
    demo: DemoParcel, agent_id: int, order_ids: tuple[int, ...], today: date
) -> ParcelInput:
    weight, length, width, height = (D(part) for part in demo.size.split())
    return ParcelInput(
        weight,
        length,
        width,
        height,
        code=demo.code,
        label=demo.label,
        agent_id=agent_id,
        arrived_on=today - timedelta(days=demo.arrived_ago),
        tags=demo.tags,
        declared_value=Money(D(demo.declared), "CNY") if demo.declared else None,
        order_ids=order_ids,
        note=demo.note,
    )


def _sea_shipment(consolidation: ConsolidationService, parcel_ids: list[int], today: date) -> int:
    """Planned 25 days ago on sea LCL, paid the next day, shipped 20 days ago; the agent
    measured 1.1 W/M and asked for the difference."""
    then = ConsolidationService(consolidation.database, today=lambda: today - timedelta(days=25))
    view = then.plan_view(parcel_ids)
    index = next(i for i, line in enumerate(view.lines) if line.card == SEA_LCL)
    best = view.plan.lines[index].best
    assert isinstance(best, WayCost)
    shipment_id = then.create_shipment(
        SEA_SHIPMENT, parcel_ids, view.line_id(index), best.way
    ).created[0]
    consolidation.set_shipment_status(
        shipment_id, ShipmentStatus.PAID, on=today - timedelta(days=24)
    )
    consolidation.set_shipment_status(
        shipment_id, ShipmentStatus.SHIPPED, on=today - timedelta(days=20)
    )
    actual = Money(best.total.amount + D(110), best.total.currency)  # 1.1 W/M, not 1.0
    consolidation.record_actual_charge(shipment_id, actual)
    consolidation.edit_shipment(
        shipment_id,
        name=SEA_SHIPMENT,
        tracking_number="COSU6341728590",
        note="Booked for the next sailing; the agent measured 1.1 W/M (补款 ¥110).",
    )
    return shipment_id


def _air_shipment(consolidation: ConsolidationService, parcel_ids: list[int]) -> int:
    """The two parcels of magnetic phone stands, planned on the air line for sensitive goods,
    its cheaper way (as they are, or repacked)."""
    view = consolidation.plan_view(parcel_ids)
    index = next(i for i, line in enumerate(view.lines) if line.card == AIR_SPECIAL)
    best = view.plan.lines[index].best
    assert isinstance(best, WayCost)
    return consolidation.create_shipment(
        AIR_SHIPMENT, parcel_ids, view.line_id(index), best.way
    ).created[0]
