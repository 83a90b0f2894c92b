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
