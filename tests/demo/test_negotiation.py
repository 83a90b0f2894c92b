"""The negotiation demo: quotes for every demo product, worksheets for two of them, one agreed
(a chosen supplier), the settings of a reseller in the EU, and something for every flag."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.demo import fill_demo
from app.demo.matrix import shop_slug
from app.domain.negotiation.comparison import Comparison, QuoteComparison
from app.domain.negotiation.destinations import EU
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.phrasebook import GLOSSARY
from app.domain.negotiation.quotes import TradeTerm, Validity
from app.services.negotiation.records import ProductQuotes, QuoteRow
from app.services.negotiation.service import NegotiationService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.conftest import TODAY

D = Decimal


@dataclass
class Demo:
    negotiation: NegotiationService
    products: dict[str, ProductQuotes]  # by Chinese name
    quotes: dict[str, list[QuoteRow]]
    comparisons: dict[str, Comparison]  # at the planned quantity
    slugs: dict[int, str]  # supplier id -> shop slug


def _filled(path: Path, today: date) -> tuple[Database, Demo]:
    open_database_file(path)
    database = Database(path)
    suppliers = SupplierService(database, today=lambda: today)
    fill_demo(suppliers)
    negotiation = NegotiationService(database, today=lambda: today)
    products = {p.name_zh: p for p in negotiation.products()}
    quotes = {name: negotiation.quotes_of(p.id) for name, p in products.items()}
    comparisons = {name: negotiation.comparison(p.id) for name, p in products.items()}
    slugs = {s.id or 0: shop_slug(s.shop_url) for s in suppliers.all_records()}
    return database, Demo(negotiation, products, quotes, comparisons, slugs)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    database, filled = _filled(tmp_path_factory.mktemp("demo") / "demo.sqlite3", TODAY)
    yield filled
    database.close()


def _row(demo: Demo, product: str, slug: str) -> QuoteComparison:
    return next(r for r in demo.comparisons[product].rows if demo.slugs[r.supplier_id] == slug)


def test_every_product_has_three_to_five_quotes_and_a_planned_quantity(demo: Demo) -> None:
    assert {name: len(rows) for name, rows in demo.quotes.items()} == {
        "磁吸手机支架": 5,
        "500毫升保温杯": 4,
        "帆布托特包": 3,
        "硅胶解压玩具": 3,
    }
    assert {name: p.planned_qty for name, p in demo.products.items()} == {
        "磁吸手机支架": 300,
        "500毫升保温杯": 500,
        "帆布托特包": 200,
        "硅胶解压玩具": 1000,
    }
    for rows in demo.quotes.values():
        for row in rows:
            assert len(row.quote.breaks) >= 1 and row.quote.lead_time_days is not None


def test_the_settings_of_a_reseller_in_the_eu(demo: Demo) -> None:
    n = demo.negotiation
    assert n.home_currency() == "EUR"
    assert ExchangeRate("CNY", D("7.80"), date(2026, 11, 26)) in n.rates()
    assert ExchangeRate("USD", D("1.08"), date(2026, 11, 26)) in n.rates()
    settings = n.landed_settings()
    assert settings.destination == EU and settings.vat_pct == D(19) and not settings.vat_reclaimable
    assert (settings.agent_fee_pct, settings.agent_fee_min, settings.duty_pct) == (
        D(5),
        D(30),
        D(4),
    )
    targets = n.selling_targets()
    assert (targets.margin_pct, targets.fee_pct) == (D(35), D(15))
    own = [p for p in n.phrases() if not p.built_in]
    assert len(n.phrases()) == len(GLOSSARY) + 3 and len(own) == 3


def test_one_usd_quote_from_an_alibaba_trading_company(demo: Demo) -> None:
    usd = [r for rows in demo.quotes.values() for r in rows if r.quote.currency == "USD"]
    assert len(usd) == 1
    [row] = usd
    assert demo.slugs[row.quote.supplier_id] == "greenwaytrade"
    assert "Alibaba.com" in row.quote.note and row.quote.trade_term is TradeTerm.FOB
    flask = _row(demo, "500毫升保温杯", "greenwaytrade")
    assert flask.landed is not None and flask.rank is not None  # converted, compared


def test_flags_expired_expiring_too_good_and_unknown_shipping(demo: Demo) -> None:
    rows = [r for c in demo.comparisons.values() for r in c.rows]
    assert [demo.slugs[r.supplier_id] for r in rows if r.validity is Validity.EXPIRED] == ["cwdsm"]
    assert [demo.slugs[r.supplier_id] for r in rows if r.too_good] == ["youpinhui"]
    assert [demo.slugs[r.supplier_id] for r in rows if r.validity is Validity.EXPIRING] == [
        "jiameijewelry"
    ]
    unknown = _row(demo, "磁吸手机支架", "juxinyuan")
    assert unknown.landed is None and "shipping" in unknown.problem and unknown.unit_price
    for comparison in demo.comparisons.values():
        assert comparison.cheapest, "every product has a cheapest quote"


def test_two_worksheets_and_one_agreed_quote(demo: Demo) -> None:
    n = demo.negotiation
    stand, flask = demo.products["磁吸手机支架"], demo.products["500毫升保温杯"]
    assert stand.chosen_supplier_id is not None
    assert demo.slugs[stand.chosen_supplier_id] == "hengtongwj"
    assert stand.chosen_supplier_name.startswith("东莞市恒通五金塑胶制品有限公司")
    agreed_sheet = n.worksheet(stand.id, stand.chosen_supplier_id)
    assert len(agreed_sheet.rounds) == 4 and agreed_sheet.targets is not None
    assert agreed_sheet.agreed is not None and agreed_sheet.agreed.unit_price == D("12.00")
    assert agreed_sheet.agreed.total == D("3600.00")
    assert flask.chosen_supplier_id is None
    shunda = next(i for i, slug in demo.slugs.items() if slug == "shundaflask")
    open_sheet = n.worksheet(flask.id, shunda)
    assert len(open_sheet.rounds) == 3 and open_sheet.shares is not None
    chosen = [p.name_zh for p in demo.products.values() if p.chosen_supplier_id is not None]
    assert chosen == ["磁吸手机支架"]


def test_the_demo_is_deterministic(demo: Demo, tmp_path: Path) -> None:
    database, again = _filled(tmp_path / "again.sqlite3", TODAY)
    try:
        assert again.quotes == demo.quotes
        assert again.products == demo.products
        assert again.negotiation.rates() == demo.negotiation.rates()
    finally:
        database.close()
