"""The comparison says when its freight was measured on a shipment (the demo's tote bags)."""

from __future__ import annotations

from pathlib import Path

from app.demo import create_demo
from app.services.workbench import Workbench
from app.ui.negotiation.tab import NegotiationTab
from tests.conftest import TODAY


def test_the_market_line_names_the_shipments_freight_per_unit(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo(path, today=lambda: TODAY)
    workbench = Workbench(path, today=lambda: TODAY)
    tab = NegotiationTab(workbench)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    products = tab.products_view.model()
    row = next(
        r for r in range(products.rowCount()) if "帆布托特包" in str(products.index(r, 0).data())
    )
    tab.products_view.selectRow(row)
    qtbot.waitUntil(lambda: tab.comparison.model.rowCount() > 0)
    tote = next(p.id for p in workbench.negotiation.products() if p.name_zh == "帆布托特包")
    measured = workbench.consolidation.freight_per_unit(tote)
    assert measured is not None
    text = tab.comparison.market.text()
    assert "allocated from the latest shipment" in text
    assert f"{measured.amount:,.4f} {measured.currency}" in text


def test_a_per_unit_figure_on_a_half_rounds_up_as_in_the_pdf() -> None:
    from decimal import Decimal

    from app.ui.negotiation.comparison_model import per_unit_text

    assert per_unit_text(Decimal("3.35025"), "EUR") == "3.3503 EUR"  # €670.05 / 200
    assert per_unit_text(Decimal("1234.5"), "CNY") == "1,234.5000 CNY"
