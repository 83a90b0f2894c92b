"""The dialog of Edit ▸ Edit selected suppliers: one status, membership level or new tags for
every selected supplier at once (the tab stores it as one step that Ctrl+Z takes back)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.suppliers.bulk_edit import BulkEdit
from app.domain.suppliers.choices import Choice, Membership, Status
from app.ui.suppliers.editor_widgets import ChoiceCombo
from app.ui.widgets.parsing import parse_tags

MAX_NAMES = 4  # named in the dialog's first line; the rest are counted


class KeepOrChoose(ChoiceCombo):
    """A choice, or first "leave as it is" (value None): nothing changes there."""

    def __init__(self, choices: type[Choice], keep_text: str) -> None:
        super().__init__(choices, optional=False)
        self.insertItem(0, keep_text, None)
        self.setCurrentIndex(0)


class BulkEditDialog(QDialog):
    def __init__(self, names: Sequence[str], count: int, parent: QWidget | None = None) -> None:
        """For `count` selected suppliers, the first of them `names` (MAX_NAMES are shown)."""
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        shown = "; ".join(names[:MAX_NAMES])
        if count > MAX_NAMES:
            shown = self.tr("{names} and {count} more").format(
                names=shown, count=f"{count - MAX_NAMES:,}"
            )
        if count == 1:
            self.setWindowTitle(self.tr("Edit one supplier"))
            intro = QLabel(self.tr("Set on {name}:").format(name=shown))
            apply_text = self.tr("Apply")
        else:
            self.setWindowTitle(self.tr("Edit {count} suppliers").format(count=f"{count:,}"))
            intro = QLabel(
                self.tr("Set on all {count} selected suppliers: {names}").format(
                    count=f"{count:,}", names=shown
                )
            )
            apply_text = self.tr("Apply to {count} suppliers").format(count=f"{count:,}")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        keep = self.tr("(leave as it is)")
        self.status = KeepOrChoose(Status, keep)
        self.membership = KeepOrChoose(Membership, keep)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. 工艺品; home decor"))
        self.tags.setToolTip(
            self.tr("Added to each supplier's tags (separate several with ;); none is removed")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("1688 &membership"), self.membership)
        form.addRow(self.tr("&Add tags"), self.tags)
        note = QLabel(self.tr("Ctrl+Z undoes the whole edit."))
        note.setStyleSheet("color: palette(placeholder-text)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(apply_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._update_apply)
        self.membership.currentIndexChanged.connect(self._update_apply)
        self.tags.textChanged.connect(self._update_apply)
        self._update_apply()
        self.setMinimumWidth(460)

    def edit(self) -> BulkEdit:
        """What the dialog asks for; empty while nothing is chosen."""
        return BulkEdit(
            status=self.status.value(),
            membership=self.membership.value(),
            add_tags=tuple(parse_tags(self.tags.text())),
        )

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(not self.edit().is_empty())


def ask_bulk_edit(names: Sequence[str], count: int, parent: QWidget) -> BulkEdit | None:
    """The edit chosen in a BulkEditDialog; None when cancelled or nothing was chosen."""
    dialog = BulkEditDialog(names, count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.edit().is_empty():
        return None
    return dialog.edit()
