"""After a file is written: open it, or show it in its folder, in one click (never blocking)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME


def offer_to_open(parent: QWidget, path: Path, text: str) -> QMessageBox:
    """A small non-modal box: Open file · Show in folder · Close."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=parent)
    open_text = QCoreApplication.translate("open_file", "&Open file")
    folder_text = QCoreApplication.translate("open_file", "Show in &folder")
    open_button = box.addButton(open_text, QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(folder_text, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)

    def chosen(button: object) -> None:
        if button is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(chosen)
    box.open()
    return box
