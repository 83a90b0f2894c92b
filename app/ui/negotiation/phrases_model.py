"""The phrasebook's table: each glossary entry's Chinese, English, category and whether it is
built in or the user's own, filtered by the domain's search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.domain.negotiation.phrasebook import GlossaryEntry, search
from app.services.negotiation.records import Phrase
from app.ui.negotiation.rounds_model import PlainTableModel, bilingual

ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the phrase's id: None for a built-in one
CHINESE, ENGLISH, CATEGORY, SOURCE = range(4)
BUILT_IN = str(QT_TRANSLATE_NOOP("PhrasesModel", "built-in"))  # translated where shown
YOURS = str(QT_TRANSLATE_NOOP("PhrasesModel", "yours"))


def matching(phrases: Sequence[Phrase], text: str) -> list[Phrase]:
    """The phrases the domain's search finds for `text`, in their order (empty: all)."""
    entries = [GlossaryEntry(p.chinese, p.english, p.category, p.kind) for p in phrases]
    found = {id(entry) for entry in search(entries, text)}
    return [phrase for phrase, entry in zip(phrases, entries, strict=True) if id(entry) in found]


class PhrasesModel(PlainTableModel):
    headers = (
        str(QT_TRANSLATE_NOOP("PhrasesModel", "Chinese 中文")),
        str(QT_TRANSLATE_NOOP("PhrasesModel", "English")),
        str(QT_TRANSLATE_NOOP("PhrasesModel", "Category")),
        str(QT_TRANSLATE_NOOP("PhrasesModel", "Source")),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.phrases: list[Phrase] = []
        self.text = ""

    def set_phrases(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = list(phrases)
        self._set(matching(self.phrases, self.text))

    def set_filter(self, text: str) -> None:
        self.text = text
        self._set(matching(self.phrases, text))

    def phrase_at(self, row: int) -> Phrase | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def cell(self, row: Phrase, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            source = QCoreApplication.translate("PhrasesModel", BUILT_IN if row.built_in else YOURS)
            return (row.chinese, row.english, bilingual(row.category), source)[column]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == CHINESE:
            hint = self.tr("Enter or double-click copies the Chinese.")
            return f"{row.chinese}\n{row.english}\n{hint}"
        if role == Qt.ItemDataRole.FontRole and column == CHINESE:
            font = QFont()
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 1.15)  # the text to copy, easy to read
            return font
        return None
