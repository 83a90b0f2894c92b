"""The Agents & lines page: an agent's fees and a line's rate card typed in, the domain's
problems listed beside the form, nothing saved until they are fixed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QMessageBox

from app.domain.consolidation.rate_card import FirstAdditional, VolumeTrigger
from app.ui.consolidation.line_form import FIRST_ADDITIONAL, PER_KG, SEA
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS
from tests.ui.conftest import DialogAnswers
from tests.ui.consolidation.conftest import World

D = Decimal


def test_an_agent_with_broken_fees_is_explained_and_not_saved(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    tab.agents.new_agent_button.click()
    form = tab.agents.fees_form
    form.name_edit.setText("Wegobuy")
    form.amounts["insurance_percent"].setText("130")
    form.save_button.click()
    assert "100 % or less" in form.problems.text()
    assert len(world.service.agents()) == 2
    form.amounts["insurance_percent"].setText("2,5")  # a decimal comma
    form.save_button.click()
    saved = world.service.agent(world.service.find_agent_id("Wegobuy"))
    assert saved.fees.insurance_percent == D("2.5")
    assert tab.agents.agents.rowCount() == 3 and tab.agents.current_agent_id() == saved.id


def test_a_line_is_typed_checked_by_the_domain_and_saved(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    tab.new_action.trigger()  # Ctrl+N on this page: a new line of the chosen agent
    form = tab.agents.line_form
    assert form.isEnabled() and form.line_id is None
    form.name_edit.setText("YunExpress 云途")
    form.trigger_box.setCurrentIndex(1)  # over N cm
    form.trigger_edit.setText("60")
    form.fa["first_kg"].setText("0.5")
    form.fa["first_price"].setText("110")
    form.fa["step_kg"].setText("0,5")
    form.fa["step_price"].setText("30")
    form.ratio_edit.setText("1.5")  # 分泡 above 1: the domain refuses it
    form.transit_min.setText("9")
    form.transit_max.setText("7")
    form.save_button.click()
    problems = form.problems.text()
    assert "ratio must be 1 or less" in problems and "shorter than the shortest" in problems
    form.ratio_edit.setText("0.5")
    form.transit_max.setText("12")
    form.save_button.click()
    assert form.problems.text() == ""
    agent = tab.agents.current_agent_id()
    line = next(line for line in world.service.lines(agent) if line.name == "YunExpress 云途")
    assert line.card.pricing == FirstAdditional(D("0.5"), D(110), D("0.5"), D(30))
    assert line.card.volume_trigger == VolumeTrigger(D(60))
    assert line.card.half_volumetric_ratio == D("0.5")
    assert tab.agents.current_line_id() == line.id


def test_a_stored_card_shows_every_setting_and_saves_back_unchanged(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    kinds = set()
    for agent_row in range(tab.agents.agents.rowCount()):
        tab.agents.agents_view.selectRow(agent_row)
        for line_row in range(tab.agents.lines.rowCount()):
            tab.agents.lines_view.selectRow(line_row)
            stored = tab.agents.lines.record(line_row).card
            assert tab.agents.line_form.check() == stored  # the form round-trips the card
            kinds.add(tab.agents.line_form.pricing_box.currentIndex())
    assert kinds == {FIRST_ADDITIONAL, PER_KG, SEA}  # EMS, express and air, sea


def test_the_import_is_pointed_to_on_the_command_line(tab: ConsolidationTab) -> None:
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in tab.agents.findChildren(QLabel))
    assert "python -m app import rates" in texts


def test_deleting_a_line_asks_first(
    tab: ConsolidationTab, world: World, dialogs: DialogAnswers
) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    tab.agents.lines_view.selectRow(0)
    tab.agents.lines_view.setFocus()
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_action.trigger()
    assert "Delete this line?" in dialogs.asked[-1]
    assert len(world.service.lines()) == 3
