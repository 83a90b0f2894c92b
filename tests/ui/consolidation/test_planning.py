"""The Planner and Shipments pages over a real database: a line refused for a parcel over its
size names the parcel, cheapest and fastest are marked in words and icons, a plan becomes a
shipment, the actual charge shows its difference, the allocation sums to the charge."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.kit.money import Money
from app.services.consolidation.records import ShipmentStatus
from app.ui.consolidation.planner_page import PlannerPage
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import PLANNER, SHIPMENTS
from tests.ui.consolidation.conftest import World

D = Decimal


def _column(model, header: str) -> int:
    return next(c for c in range(model.columnCount()) if model.columns[c].header.startswith(header))


def _line_cell(page: PlannerPage, line_name: str, header: str, role=Qt.ItemDataRole.DisplayRole):
    model = page.lines
    row = next(r for r in range(model.rowCount()) if model.record(r).entry.name == line_name)
    return model.index(row, _column(model, header)).data(role)


def _plan_all(tab: ConsolidationTab) -> None:
    tab.parcels.table.selectAll()
    tab.plan_action.trigger()
    assert tab.pages.currentIndex() == PLANNER
    assert tab.planner.lines.rowCount() == 4


def _make_shipment(tab: ConsolidationTab, monkeypatch, name: str = "十二月 December air") -> int:
    asked: list[tuple[str, Money]] = []

    def ask(default_name: str, estimate: Money, _summary: str):
        asked.append((default_name, estimate))
        return name, estimate

    monkeypatch.setattr(tab, "ask_shipment", ask)
    tab.planner.create_button.click()
    assert asked, "the name and the estimate were asked"
    return tab.shipments.current_id()


def test_a_line_refused_for_a_parcel_over_its_size_limit_names_the_parcel(
    tab: ConsolidationTab, world: World
) -> None:
    world.add_parcel("long box", "5", (40, 130, 30), code="LONG")
    tab.reload()
    _plan_all(tab)
    page = tab.planner
    refused = _line_cell(page, "DHL 快递 Express", "Accepted")
    assert refused == "✗ Parcel 'long box': Longest side 130 cm is over this line's 120 cm"
    assert _line_cell(page, "DHL 快递 Express", "Cost") == "—"
    assert _line_cell(page, "EMS", "Accepted") == "✓ yes"  # EMS takes 150 cm
    assert "DHL 快递 Express: Parcel 'long box'" in page.note_label.text()


def test_cheapest_and_fastest_are_marked_in_words_and_icons(
    tab: ConsolidationTab, world: World
) -> None:
    _plan_all(tab)
    page = tab.planner
    plans = {row.entry.name: row.plan for row in page.lines.rows}
    cheapest = [name for name, plan in plans.items() if plan.cheapest]
    fastest = [name for name, plan in plans.items() if plan.fastest]
    assert cheapest and fastest == ["DHL 快递 Express"]  # 4-7 days
    for name, plan in plans.items():
        marks = _line_cell(page, name, "Best")
        assert ("★ cheapest" in marks) == plan.cheapest
        assert ("⚡ fastest" in marks) == plan.fastest
        icon = _line_cell(page, name, "Best", Qt.ItemDataRole.DecorationRole)
        assert (icon is not None) == (plan.cheapest or plan.fastest)
    # cheapest first, and chosen: its boxes are shown with what they cost
    first = page.lines_proxy.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "★ cheapest" in first
    assert page.current_row().plan.cheapest
    assert page.boxes.rowCount() >= 1 and "=" in page.cost_label.text()


def test_separately_and_repacked_are_shown_beside_the_consolidated_cost(
    tab: ConsolidationTab,
) -> None:
    _plan_all(tab)
    separately = _line_cell(tab.planner, "EMS", "Separately")
    repacked = _line_cell(tab.planner, "EMS", "Repacked")
    assert separately.startswith("¥") and repacked.startswith("¥")
    tab.planner.repack_box.setChecked(False)
    tab.planner.plan_button.click()
    assert _line_cell(tab.planner, "EMS", "Repacked") == "not compared"


def test_a_plan_becomes_a_shipment(tab: ConsolidationTab, world: World, monkeypatch) -> None:
    _plan_all(tab)
    page = tab.planner
    row = page.current_row()
    cost = row.plan.best
    shipment_id = _make_shipment(tab, monkeypatch)
    assert tab.pages.currentIndex() == SHIPMENTS
    entry = world.service.shipment(shipment_id)
    assert entry.name == "十二月 December air" and entry.line_id == row.entry.id
    assert entry.estimate == cost.total and entry.status is ShipmentStatus.PLANNED
    assert sorted(entry.parcel_ids) == sorted(world.parcels)
    assert all(not r.waiting for r in tab.parcels.model.rows)  # they left the waiting list
    assert tab.parcels.proxy.rowCount() == 0  # the Parcels page shows waiting ones
    assert page.lines.rowCount() == 0  # the plan of parcels now shipped is gone


def test_the_actual_charge_shows_the_difference(
    tab: ConsolidationTab, world: World, monkeypatch
) -> None:
    _plan_all(tab)
    shipment_id = _make_shipment(tab, monkeypatch)
    page = tab.shipments
    estimate = world.service.shipment(shipment_id).estimate
    page.actual_edit.setText(f"{estimate.amount + 25:,}")  # with a thousands comma, maybe
    page.actual_button.click()
    entry = world.service.shipment(shipment_id)
    assert entry.actual == Money(estimate.amount + 25, "CNY")
    row = page.model.row_of(shipment_id)
    text = page.model.index(row, _column(page.model, "Difference")).data()
    percent = (D(25) * 100 / estimate.amount).quantize(D("0.1"))
    assert text == f"+¥25.00 (+{percent} %) 补款 extra charge"
    assert page.chart.series()[1].points == ((1.0, float(entry.actual.amount)),)
    page.status_box.setCurrentIndex(page.status_box.findData("shipped"))
    page.status_button.click()
    assert world.service.shipment(shipment_id).status is ShipmentStatus.SHIPPED


@pytest.mark.parametrize("basis", list(AllocationBasis))
def test_allocation_shares_sum_to_the_total(
    tab: ConsolidationTab, world: World, monkeypatch, basis: AllocationBasis
) -> None:
    _plan_all(tab)
    _make_shipment(tab, monkeypatch)
    page = tab.shipments
    page.basis_box.setCurrentIndex(page.basis_box.findData(basis.value))
    items = page.allocation.rows
    assert len(items) == 2  # the order's two items
    total = world.service.shipment(page.current_id()).charge
    assert sum((item.share.amount for item in items), D(0)) == total.amount
    assert "exactly" in page.allocation_label.text()
    assert "Negotiation tab's landed cost" in page.allocation_label.text()
    shown = page.allocation.index(0, _column(page.allocation, "Per unit")).data()
    assert shown.endswith(" CNY") and len(shown.split()[0].split(".")[1]) == 4


def test_export_names_the_selected_shipment_on_the_shipments_page(
    tab: ConsolidationTab, monkeypatch
) -> None:
    assert tab.export_request().kind == "consolidation"
    assert tab.export_request().shipment is None
    _plan_all(tab)
    shipment_id = _make_shipment(tab, monkeypatch)
    assert tab.export_request().shipment == str(shipment_id)
    tab.pages.setCurrentIndex(PLANNER)
    assert tab.export_request().shipment is None
