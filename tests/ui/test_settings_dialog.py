"""Settings (issue 15): this computer's choices go to the settings file, the database's to the
database; a new language says it shows after a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.destinations import DestinationCode, DutyBasis
from app.ui.backups import backup_root, start_daily_backup
from app.ui.settings import (
    AUTO_BACKUP,
    BACKUP_FOLDER,
    BACKUP_KEEP_DAILY,
    LANGUAGE,
    PAPER,
    Settings,
)
from app.ui.settings_dialog import DataSettings, SettingsDialog
from tests.conftest import TODAY


def test_computer_settings_are_written_and_data_settings_returned(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, DataSettings("CNY", LandedCostSettings()))
    qtbot.addWidget(dialog)
    assert not dialog.restart_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.restart_note.isVisibleTo(dialog)
    dialog.paper.setCurrentText("Letter")
    dialog.auto_backup.setChecked(False)
    dialog.keep_daily.setValue(10)
    dialog.home.setCurrentText("eur")
    dialog.destination.setCurrentIndex(dialog.destination.findData(DestinationCode.US.value))
    dialog.vat_registered.setChecked(True)
    dialog.save_computer_settings()
    again = Settings(tmp_path / "s.ini")
    assert again.get(LANGUAGE) == "zh_CN" and again.get(PAPER) == "Letter"
    assert again.get(AUTO_BACKUP) is False and again.get(BACKUP_KEEP_DAILY) == 10
    data = dialog.data_settings()
    assert data.home_currency == "EUR"
    assert data.landed.destination.code is DestinationCode.US
    assert data.landed.duty_basis is DutyBasis.FOB  # the US customs' basis comes with it
    assert data.landed.vat_reclaimable


def test_the_window_saves_data_settings_and_exports_on_the_chosen_paper(window) -> None:
    service = window.session.workbench.negotiation
    before = DataSettings(service.home_currency(), service.landed_settings())
    dialog = SettingsDialog(window.settings, before, window)
    dialog.paper.setCurrentText("Letter")
    dialog.home.setCurrentText("usd")
    dialog.destination.setCurrentIndex(dialog.destination.findData(DestinationCode.US.value))
    window.apply_settings(dialog, before)
    assert service.home_currency() == "USD"
    assert service.landed_settings().destination.code is DestinationCode.US
    request = window._export_request("suppliers")
    assert request is not None and request.paper == "Letter"


def test_a_refused_currency_changes_nothing_in_the_database(window) -> None:
    service = window.session.workbench.negotiation
    before = DataSettings(service.home_currency(), service.landed_settings())
    dialog = SettingsDialog(window.settings, before, window)
    dialog.home.setCurrentText("euros")
    dialog.vat_registered.setChecked(not before.landed.vat_reclaimable)
    window.apply_settings(dialog, before)
    assert service.home_currency() == before.home_currency
    assert service.landed_settings() == before.landed
    assert "not a currency code" in window.statusBar().currentMessage()


def test_a_backup_folder_is_checked_before_the_dialog_closes(qtbot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, DataSettings("CNY", LandedCostSettings()))
    qtbot.addWidget(dialog)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for wrong, says in (("relative/folder", "whole path"), (str(a_file), "is a file")):
        dialog.backup_folder.setText(wrong)
        dialog._accept_if_valid()
        assert says in dialog.folder_problem.text()
        assert dialog.result() != dialog.DialogCode.Accepted
    chosen = tmp_path / "USB 备份" / "workbench"
    dialog.backup_folder.setText(str(chosen))
    dialog._accept_if_valid()
    assert dialog.result() == dialog.DialogCode.Accepted and chosen.is_dir()
    dialog.save_computer_settings()
    assert backup_root(Settings(tmp_path / "s.ini")) == chosen


def test_the_daily_backup_and_the_restore_list_use_the_chosen_folder(
    qtbot, tmp_path: Path, filled_db: Path
) -> None:
    from app.store.auto_backup import list_backups

    settings = Settings(tmp_path / "s.ini")
    settings.set(BACKUP_FOLDER, str(tmp_path / "elsewhere"))
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    worker = start_daily_backup(filled_db, TODAY, settings, parent, said.append)
    assert worker is not None
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    worker.wait()
    assert "Automatic backup made" in said[0] and str(tmp_path / "elsewhere") in said[0]
    assert len(list_backups(filled_db, tmp_path / "elsewhere")) == 1
    assert start_daily_backup(filled_db, TODAY, settings, parent, said.append) is None  # done


def test_the_default_agent_is_chosen_among_none_and_the_agents(qtbot, tmp_path: Path) -> None:
    agents = ((2, "CSSBuy"), (1, "Superbuy"))
    data = DataSettings("CNY", LandedCostSettings(), default_agent_id=1, agents=agents)
    dialog = SettingsDialog(Settings(tmp_path / "s.ini"), data)
    qtbot.addWidget(dialog)
    box = dialog.default_agent
    assert [box.itemText(i) for i in range(box.count())] == ["— none —", "CSSBuy", "Superbuy"]
    assert box.currentText() == "Superbuy"  # the stored default is shown
    assert dialog.data_settings().default_agent_id == 1
    box.setCurrentIndex(1)
    assert dialog.data_settings().default_agent_id == 2
    box.setCurrentIndex(0)
    chosen = dialog.data_settings()
    assert chosen.default_agent_id is None and chosen.agents == agents


def test_a_default_agent_deleted_meanwhile_is_refused_and_stays_unset(window) -> None:
    service = window.session.workbench.negotiation
    before = DataSettings(
        service.home_currency(), service.landed_settings(), None, ((99, "Gone agent"),)
    )
    dialog = SettingsDialog(window.settings, before, window)
    dialog.default_agent.setCurrentIndex(1)
    window.apply_settings(dialog, before)
    assert window.session.workbench.consolidation.default_agent_id() is None
    assert "Agent 99 no longer exists" in window.statusBar().currentMessage()
