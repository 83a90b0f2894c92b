"""Shared set-up for the negotiation service tests: a product, three suppliers, a 1688 quote."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.negotiation.quotes import PriceBreak, Quote, TradeTerm
from app.domain.samples.sample import Product
from app.services.negotiation.service import NegotiationService
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.factories import hengda, minimal

D = Decimal
BREAKS = (PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(500, D("2.50")))


@dataclass
class World:
    """A stored product and three suppliers, and the services over them."""

    negotiation: NegotiationService
    samples: SampleService
    suppliers: SupplierService
    product_id: int
    hengda: int
    letu: int
    kangjie: int

    def quote(self, supplier_id: int | None = None, **changes: Any) -> Quote:
        """Hengda's 1688 quote (domain.md's breaks), changed as given."""
        quote = Quote(
            supplier_id=self.hengda if supplier_id is None else supplier_id,
            product="",
            currency="CNY",
            breaks=BREAKS,
            moq=2,
            valid_from=date(2026, 11, 20),
            valid_until=date(2026, 12, 20),
            lead_time_days=7,
            domestic_shipping=D("8.00"),
            payment_terms="支付宝担保交易",
            trade_term=TradeTerm.EXW,
            note="混批 colours mixed",
        )
        return replace(quote, **changes)


@pytest.fixture
def world(database: Database) -> World:
    suppliers = SupplierService(database, today=lambda: TODAY)
    samples = SampleService(database, today=lambda: TODAY)
    product_id = samples.save_product(
        Product(name="Silicone fidget toy", name_zh="硅胶解压玩具")
    ).products[0]
    ids = [
        suppliers.save(supplier).created[0]
        for supplier in (
            hengda(),
            minimal("义乌市乐途玩具有限公司", "Yiwu Letu Toys Co., Ltd."),
            minimal("宁波市海曙康洁日用品有限公司"),
        )
    ]
    negotiation = NegotiationService(database, today=lambda: TODAY)
    return World(negotiation, samples, suppliers, product_id, *ids)
