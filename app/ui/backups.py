"""Backups from the window: File ▸ Back up…, File ▸ Restore from backup… (the automatic backups
listed with their dates and what they hold), and the daily automatic backup made off the GUI
thread after the window has opened (app.store.auto_backup)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import WorkbenchError
from app.ui.settings import (
    AUTO_BACKUP,
    BACKUP_FOLDER,
    BACKUP_KEEP_DAILY,
    BACKUP_KEEP_WEEKLY,
    Settings,
)

if TYPE_CHECKING:
    from app.store.backup_set import BackupInfo

# The manifest's record counts as the window shows them (a count the manifest lacks is left out).
_COUNTED = {
    "suppliers": QT_TRANSLATE_NOOP("BackupCounts", "{count} suppliers"),
    "products": QT_TRANSLATE_NOOP("BackupCounts", "{count} products"),
    "samples": QT_TRANSLATE_NOOP("BackupCounts", "{count} samples"),
    "audits": QT_TRANSLATE_NOOP("BackupCounts", "{count} audits"),
    "photos": QT_TRANSLATE_NOOP("BackupCounts", "{count} photos"),
    "quotes": QT_TRANSLATE_NOOP("BackupCounts", "{count} quotes"),
    "orders": QT_TRANSLATE_NOOP("BackupCounts", "{count} orders"),
    "parcels": QT_TRANSLATE_NOOP("BackupCounts", "{count} parcels"),
    "parcel photos": QT_TRANSLATE_NOOP("BackupCounts", "{count} parcel photos"),
    "shipments": QT_TRANSLATE_NOOP("BackupCounts", "{count} shipments"),
}


def backup_summary(info: BackupInfo) -> str:
    """'36 suppliers, 4 products, …' in the interface language (what the backup holds)."""
    return QCoreApplication.translate("BackupCounts", ", ").join(
        QCoreApplication.translate("BackupCounts", str(text)).format(count=f"{info.counts[key]:,}")
        for key, text in _COUNTED.items()
        if key in info.counts
    )


def backup_root(settings: Settings) -> Path | None:
    """The automatic backups' folder the user chose (None: backups/ in the data folder)."""
    folder = settings.get(BACKUP_FOLDER).strip()
    return Path(folder).expanduser() if folder else None


class DailyBackup(QThread):
    """Makes today's automatic backup of one database, once; says what it did."""

    done = Signal(str)

    def __init__(self, database: Path, today: date, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._database, self._today = database, today
        self._keep = (settings.get(BACKUP_KEEP_DAILY), settings.get(BACKUP_KEEP_WEEKLY))
        self._root = backup_root(settings)

    def run(self) -> None:
        from app.store.auto_backup import Retention, make_daily_backup

        try:
            info = make_daily_backup(
                self._database, self._today, Retention(*self._keep), self._root
            )
        except WorkbenchError as error:
            self.done.emit(self.tr("Today's automatic backup failed: {error}").format(error=error))
            return
        if info is not None:
            made = self.tr("Automatic backup made: {folder} ({summary})")
            self.done.emit(made.format(folder=info.folder, summary=backup_summary(info)))


def start_daily_backup(
    database: Path, today: date, settings: Settings, parent: QWidget, say: Callable[[str], None]
) -> DailyBackup | None:
    """Start today's automatic backup when it is due and not switched off."""
    from app.store.auto_backup import daily_backup_due

    if not settings.get(AUTO_BACKUP) or not daily_backup_due(
        database, today, backup_root(settings)
    ):
        return None
    worker = DailyBackup(database, today, settings, parent)
    worker.done.connect(say)
    worker.start()
    return worker


class RestoreDialog(QDialog):
    """Choose a backup: the automatic ones, newest first, or another folder or file."""

    def __init__(self, database: Path, backups: list[BackupInfo], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.chosen: Path | None = None
        self.database = database
        self.list = QListWidget()
        for info in backups:
            when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{when} — {backup_summary(info)}")
            item.setData(256, str(info.folder))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_current())
        other = QPushButton(self.tr("Choose another backup…"))
        other.clicked.connect(self._choose_other)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The backup replaces <b>{file}</b>. The file as it is now, with its photos, is "
                "kept beside it (named …before-restore-…), never deleted."
            ).format(file=html.escape(database.name))
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        listed = self.tr("Automatic backups:") if backups else self.tr("No automatic backups yet.")
        layout.addWidget(QLabel(listed))
        layout.addWidget(self.list)
        layout.addWidget(other)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(256))
            self.accept()

    def _choose_other(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a backup folder"), str(self.database.parent)
        )
        if folder:
            self.chosen = Path(folder)
            self.accept()


def choose_backup(database: Path, settings: Settings, parent: QWidget) -> Path | None:
    from app.store.auto_backup import list_backups

    dialog = RestoreDialog(database, list_backups(database, backup_root(settings)), parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
