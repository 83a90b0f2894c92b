"""File ▸ Settings (issue 15): what belongs to this computer (language, paper, automatic backups:
stored in the settings file) and what belongs to the data (home currency, destination, VAT
registration through the Negotiation service; the default agent of a new parcel through the
Consolidation service: stored in the database). Exchange rates and the other landed-cost
settings stay on Negotiation ▸ Landed cost, where they are used."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.domain.negotiation.destinations import DESTINATIONS, DestinationCode
from app.ui import i18n
from app.ui.settings import (
    AUTO_BACKUP,
    BACKUP_FOLDER,
    BACKUP_KEEP_DAILY,
    BACKUP_KEEP_WEEKLY,
    LANGUAGE,
    PAPER,
    Settings,
)

if TYPE_CHECKING:
    from app.domain.negotiation.cost_settings import LandedCostSettings

HOME_CURRENCIES = ("EUR", "USD", "GBP", "AUD", "CAD", "CNY")


@dataclass(frozen=True)
class DataSettings:
    """The settings that travel with the database."""

    home_currency: str
    landed: LandedCostSettings
    default_agent_id: int | None = None  # the agent a new parcel starts with
    agents: tuple[tuple[int, str], ...] = ()  # (id, name) of every agent, to choose from


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, data: DataSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings, self.data = settings, data
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            shown = self.tr("System language") if code == i18n.SYSTEM else name  # others: own names
            self.language.addItem(shown, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.get(LANGUAGE)), 0))
        self.restart_note = QLabel(self.tr("A new language shows after the app restarts."))
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda _i: self.restart_note.setVisible(self.language_changed())
        )
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(settings.get(PAPER))
        self.auto_backup = QCheckBox(
            self.tr("Back up the open database on the first open each day")
        )
        self.auto_backup.setChecked(settings.get(AUTO_BACKUP))
        self.keep_daily, self.keep_weekly = QSpinBox(), QSpinBox()
        self.keep_daily.setRange(1, 90)
        self.keep_weekly.setRange(0, 52)
        self.keep_daily.setValue(settings.get(BACKUP_KEEP_DAILY))
        self.keep_weekly.setValue(settings.get(BACKUP_KEEP_WEEKLY))
        self.backup_folder = QLineEdit(settings.get(BACKUP_FOLDER))
        self.backup_folder.setPlaceholderText(str(config.data_dir() / "backups"))
        self.backup_folder.setToolTip(self.tr("Empty: the backups folder in the data folder"))
        self.choose_folder = QPushButton(self.tr("C&hoose…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        self.folder_problem = QLabel()
        self.folder_problem.setWordWrap(True)
        self.folder_problem.setVisible(False)
        self.home = QComboBox()
        self.home.setEditable(True)
        self.home.addItems(HOME_CURRENCIES)
        self.home.setCurrentText(data.home_currency)
        self.destination = QComboBox()
        for code, profile in DESTINATIONS.items():
            # The destinations' names are translated with the Negotiation tab's labels.
            name = QCoreApplication.translate("Negotiation", profile.name)
            self.destination.addItem(name, code.value)
        self.destination.setCurrentIndex(
            max(self.destination.findData(data.landed.destination.code.value), 0)
        )
        self.vat_registered = QCheckBox(self.tr("VAT-registered (import VAT is reclaimed)"))
        self.vat_registered.setChecked(data.landed.vat_reclaimable)
        self.default_agent = QComboBox()
        self.default_agent.addItem(self.tr("— none —"), None)
        for agent_id, name in data.agents:
            self.default_agent.addItem(name, agent_id)
        self.default_agent.setCurrentIndex(
            max(self.default_agent.findData(data.default_agent_id), 0)
        )
        self.default_agent.setToolTip(
            self.tr("A new parcel on the Consolidation tab starts at this agent's warehouse")
        )
        self._layout()

    def _layout(self) -> None:
        computer = QGroupBox(self.tr("This computer"))
        form = QFormLayout(computer)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("&Paper"), self.paper)
        form.addRow(self.auto_backup)
        form.addRow(self.tr("Keep daily backups"), self.keep_daily)
        form.addRow(self.tr("Then one a week for (weeks)"), self.keep_weekly)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder)
        folder_label = QLabel(self.tr("Backup &folder"))
        folder_label.setBuddy(self.backup_folder)  # Alt+F: a label beside a layout has no buddy
        form.addRow(folder_label, folder_row)
        form.addRow("", self.folder_problem)
        data = QGroupBox(self.tr("This database"))
        data_form = QFormLayout(data)
        data_form.addRow(self.tr("&Home currency"), self.home)
        data_form.addRow(self.tr("&Destination"), self.destination)
        data_form.addRow(self.vat_registered)
        data_form.addRow(self.tr("Default &agent"), self.default_agent)
        data_form.addRow(
            QLabel(self.tr("Exchange rates, fees and duty: Negotiation ▸ Landed cost."))
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(computer)
        layout.addWidget(data)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        start = self.backup_folder.text().strip() or str(config.data_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if folder:
            self.backup_folder.setText(folder)

    def _accept_if_valid(self) -> None:
        """A chosen backup folder must be a folder we can make: say why not, stay open."""
        problem = self.folder_problem_text()
        self.folder_problem.setText(problem)
        self.folder_problem.setVisible(bool(problem))
        if problem:
            self.backup_folder.setFocus()
            return
        self.accept()

    def folder_problem_text(self) -> str:
        text = self.backup_folder.text().strip()
        if not text:
            return ""
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            return self.tr("Enter the whole path of the backup folder (or leave it empty).")
        if folder.exists() and not folder.is_dir():
            return self.tr("{path} is a file, not a folder.").format(path=folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            return self.tr("Cannot make the backup folder {path}: {reason}.").format(
                path=folder, reason=reason
            )
        return ""

    def language_changed(self) -> bool:
        return self.language.currentData() != self.settings.get(LANGUAGE)

    def save_computer_settings(self) -> None:
        """The settings of this computer, written to the settings file."""
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.set(PAPER, self.paper.currentText())
        self.settings.set(AUTO_BACKUP, self.auto_backup.isChecked())
        self.settings.set(BACKUP_KEEP_DAILY, self.keep_daily.value())
        self.settings.set(BACKUP_KEEP_WEEKLY, self.keep_weekly.value())
        self.settings.set(BACKUP_FOLDER, self.backup_folder.text().strip())
        self.settings.sync()

    def data_settings(self) -> DataSettings:
        """The database's settings as chosen (the caller saves what changed)."""
        profile = DESTINATIONS[DestinationCode(self.destination.currentData())]
        landed = replace(self.data.landed, vat_reclaimable=self.vat_registered.isChecked())
        if profile != landed.destination:  # a new destination brings its customs' basis
            landed = replace(landed, destination=profile, duty_basis=profile.duty_basis)
        return DataSettings(
            self.home.currentText().strip().upper(),
            landed,
            self.default_agent.currentData(),
            self.data.agents,
        )
