"""Settings (issue 15): this computer's choices go to the settings file, the database's to the
database; a new language says it shows after a restart."""

from __future__ import annotations

from pathlib import Path

from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.destinations import DestinationCode, DutyBasis
from app.ui.settings import AUTO_BACKUP, BACKUP_KEEP_DAILY, LANGUAGE, PAPER, Settings
from app.ui.settings_dialog import DataSettings, SettingsDialog


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
