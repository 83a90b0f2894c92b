"""Per-agent packing rules on the Agents page (issue 12: carton tare, packing and repack factors
typed beside the fees, checked before anything is written, used by the planner for that agent's
boxes) and the default agent of Settings (issue 15) that a new parcel starts at."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.planner import Way
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS, PARCELS
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from tests.db_rows import query
from tests.ui.consolidation.conftest import World

D = Decimal


def _show_agent(tab: ConsolidationTab, agent_id: int) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    row = tab.agents.agents.row_of(agent_id)
    assert row is not None
    tab.agents.agents_view.selectRow(row)


def _cell(model, row: int, header: str) -> str:
    column = next(c for c in range(model.columnCount()) if model.columns[c].header == header)
    return model.index(row, column).data()


def test_an_agents_packing_rules_are_shown_typed_and_saved(
    tab: ConsolidationTab, world: World
) -> None:
    _show_agent(tab, world.superbuy)
    edits = tab.agents.fees_form.packing_edits
    assert {key: edit.text() for key, edit in edits.items()} == {
        "carton_tare_kg": "0.5",
        "packing_factor": "1.1",
        "repack_factor": "0.8",
    }
    edits["carton_tare_kg"].setText("0,8 kg")  # a decimal comma and the unit
    edits["packing_factor"].setText("1.2")
    edits["repack_factor"].setText("")  # empty: the default
    tab.agents.fees_form.save_button.click()
    assert tab.agents.fees_form.problems.text() == ""
    assert world.service.agent(world.superbuy).packing == PackingRules(D("0.8"), D("1.2"))
    assert world.service.agent(world.cssbuy).packing == PackingRules()  # only that agent
    row = tab.agents.agents.row_of(world.superbuy)
    assert _cell(tab.agents.agents, row, "Packing / 包装") == "0.8 kg · ×1.2 · repack ×0.8"
    assert edits["carton_tare_kg"].text() == "0.8"  # shown again as stored


@pytest.mark.parametrize(
    ("key", "typed", "says"),
    [
        ("carton_tare_kg", "-0.5", "The carton tare must be 0 kg or more, not -0.5."),
        ("packing_factor", "0.9", "The packing factor must be 1 or more, not 0.9."),
        ("repack_factor", "1.5", "The repack factor must be more than 0 and at most 1, not 1.5."),
        ("repack_factor", "0", "The repack factor must be more than 0 and at most 1, not 0."),
        ("packing_factor", "abc", "'abc' is not a number: Packing factor."),
    ],
)
def test_wrong_packing_is_explained_and_nothing_is_written(
    tab: ConsolidationTab, world: World, key: str, typed: str, says: str
) -> None:
    _show_agent(tab, world.cssbuy)
    form = tab.agents.fees_form
    form.amounts["handling_per_parcel"].setText("9")  # a fee change waits with it
    form.packing_edits[key].setText(typed)
    form.save_button.click()
    assert says in form.problems.text() and form.problems.isVisibleTo(form)
    stored = world.service.agent(world.cssbuy)
    assert stored.packing == PackingRules() and stored.fees.handling_per_parcel == 2
    assert query(world.workbench.path, "SELECT DISTINCT carton_tare_kg FROM agents") == [(None,)]


def test_a_new_agent_with_wrong_packing_is_not_created(tab: ConsolidationTab, world: World) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    tab.agents.new_agent_button.click()
    form = tab.agents.fees_form
    form.name_edit.setText("Wegobuy")
    form.amounts["insurance_percent"].setText("130")
    form.packing_edits["packing_factor"].setText("0.5")
    form.save_button.click()
    problems = form.problems.text()  # the fees' and the packing's, at once
    assert "100 % or less" in problems and "packing factor must be 1 or more" in problems
    assert world.service.find_agent_id("Wegobuy") is None
    form.amounts["insurance_percent"].setText("3")
    form.save_button.click()
    assert "100 % or less" not in form.problems.text()
    assert world.service.find_agent_id("Wegobuy") is None
    form.packing_edits["packing_factor"].setText("1.15")
    form.save_button.click()
    assert form.problems.text() == ""
    added = world.service.agent(world.service.find_agent_id("Wegobuy"))
    assert added.packing == PackingRules(packing_factor=D("1.15"))


def test_the_planner_boxes_weigh_the_agents_own_carton(tab: ConsolidationTab, world: World) -> None:
    _show_agent(tab, world.superbuy)
    tab.agents.fees_form.packing_edits["carton_tare_kg"].setText("2")
    tab.agents.fees_form.save_button.click()
    tab.shipping.plan_parcels(world.parcels)
    page = tab.planner
    for line, carton in (("EMS", "2"), ("空运特货专线 Air special", "0.5")):
        row = next(r for r in page.lines.rows if r.entry.name == line)
        page.table.selectRow(page.lines_proxy.mapFromSource(page.lines.index(row.id, 0)).row())
        page.way_box.setCurrentIndex(page.way_box.findData(Way.ONE_BOX.value))
        assert page.boxes.rowCount() == 1
        expected = f"{D('6.4') + D('3.2') + D(carton)} kg"  # the two parcels + the carton
        assert _cell(page.boxes, 0, "Actual / 实重") == expected, line


# --- the default agent -------------------------------------------------------------------------
def test_without_a_default_a_new_parcel_of_two_agents_has_none(
    tab: ConsolidationTab, world: World
) -> None:
    tab.parcels.new_button.click()
    assert tab.pages.currentIndex() == PARCELS
    assert tab.parcels.form.agent_box.currentData() is None


def test_the_default_agent_chosen_in_settings_starts_a_new_parcel(
    world: World, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.workbench.close()  # the window has its own

    def choose_cssbuy(dialog: SettingsDialog) -> int:
        names = [dialog.default_agent.itemText(i) for i in range(dialog.default_agent.count())]
        assert names[1:] == ["CSSBuy", "Superbuy"] and dialog.default_agent.currentIndex() == 0
        dialog.default_agent.setCurrentIndex(dialog.default_agent.findData(world.cssbuy))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", choose_cssbuy)
    window.show_settings()
    assert query(
        world.workbench.path,
        "SELECT value FROM app_settings WHERE key = 'consolidation.default_agent_id'",
    ) == [(str(world.cssbuy),)]
    window.tabs.setCurrentWidget(window.host("consolidation"))
    QApplication.processEvents()
    tab = window.tab("consolidation")
    assert isinstance(tab, ConsolidationTab)
    tab.parcels.new_button.click()
    assert tab.parcels.form.agent_box.currentData() == world.cssbuy
    assert tab.parcels.form.agent_box.currentText() == "CSSBuy"
