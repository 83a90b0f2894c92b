"""An honest empty state for a tab whose feature has not been built yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderTab(QWidget):
    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(f"<h2>{title}</h2>")
        body = QLabel(explanation)
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(
                Qt.TextFormat.RichText if label is heading else Qt.TextFormat.PlainText
            )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


# (title, what it will do) — shown until each tab's own issue lands.
COMING_TABS = (
    (
        "Negotiation",
        "Negotiation worksheets are not built yet. They will hold quotes with price breaks and "
        "MOQ, your target / acceptable / walk-away prices, each round of offers, and the "
        "agreed terms.",
    ),
    (
        "Consolidation",
        "Forwarder consolidation is not built yet. It will list parcels arriving at your "
        "agent's warehouse, compute volumetric and chargeable weight per shipping line, and "
        "allocate international freight back to a landed cost per unit.",
    ),
)
