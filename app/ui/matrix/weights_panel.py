"""Weights (sliders with spin boxes that always total 100 %) and the level thresholds.

Moving one weight re-shares the others at once (app.domain.matrix.weight_balance), so the matrix
re-ranks live and the set is never invalid; the tab stores it after a short pause.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.matrix.scoring import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    Criterion,
    LevelThresholds,
    Weights,
)
from app.domain.matrix.weight_balance import rebalance
from app.ui.matrix.legend import term

_BUDDIES = {  # each criterion's label with its mnemonic
    Criterion.QUALITY: str(QT_TRANSLATE_NOOP("WeightsPanel", "&Quality")),
    Criterion.DELIVERY: str(QT_TRANSLATE_NOOP("WeightsPanel", "&Delivery")),
    Criterion.SERVICE: str(QT_TRANSLATE_NOOP("WeightsPanel", "&Service")),
    Criterion.COST: str(QT_TRANSLATE_NOOP("WeightsPanel", "&Cost")),
}


class WeightsPanel(QWidget):
    weights_changed = Signal(object)  # Weights
    thresholds_changed = Signal(object)  # LevelThresholds
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weights = DEFAULT_WEIGHTS
        self._updating = False
        self.sliders: dict[Criterion, QSlider] = {}
        self.spins: dict[Criterion, QSpinBox] = {}
        weights_box = QGroupBox(self.tr("Weights (always 100 %)"))
        grid = QGridLayout(weights_box)
        for row, criterion in enumerate(Criterion):
            label = QLabel(QCoreApplication.translate("WeightsPanel", _BUDDIES[criterion]))
            label.setToolTip(
                self.tr("{criterion} covers {covers}.").format(
                    criterion=term(criterion.label), covers=term(criterion.covers)
                )
            )
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setPageStep(5)
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setAccelerated(True)
            label.setBuddy(spin)
            slider.valueChanged.connect(lambda v, c=criterion: self._on_moved(c, v))
            spin.valueChanged.connect(lambda v, c=criterion: self._on_moved(c, v))
            grid.addWidget(label, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(spin, row, 2)
            self.sliders[criterion], self.spins[criterion] = slider, spin
        self.total_label = QLabel()
        grid.addWidget(self.total_label, len(Criterion), 0, 1, 3)
        self.min_known_spin = QSpinBox()
        self.min_known_spin.setRange(0, 100)
        self.min_known_spin.setSuffix(" %")
        self.min_known_spin.setToolTip(
            self.tr(
                "A level needs scores for criteria carrying at least this share of the weight "
                "(exactly this share is enough); with less the level is 'incomplete', unranked."
            )
        )
        self.min_known_spin.valueChanged.connect(self._on_min_known)
        min_known_label = QLabel(self.tr("Level needs &scored"))
        min_known_label.setBuddy(self.min_known_spin)
        min_known_label.setToolTip(self.min_known_spin.toolTip())
        row = len(Criterion) + 1
        grid.addWidget(min_known_label, row, 0)
        grid.addWidget(self.min_known_spin, row, 2)

        levels_box = QGroupBox(self.tr("Levels (minimum weighted score)"))
        levels = QHBoxLayout(levels_box)
        self.threshold_spins: dict[str, QSpinBox] = {}
        for name in ("a", "b", "c"):
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setToolTip(
                self.tr("Lowest weighted score that is level {level}").format(level=name.upper())
            )
            spin.valueChanged.connect(self._on_threshold)
            levels.addWidget(QLabel(name.upper()))
            levels.addWidget(spin)
            self.threshold_spins[name] = spin
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)

        self.restore_button = QPushButton(self.tr("Restore &defaults"))
        self.restore_button.setToolTip(
            self.tr(
                "Quality 40, Delivery 30, Service 20, Cost 10; 50 % scored for a level; "
                "A 90, B 75, C 60"
            )
        )
        self.restore_button.clicked.connect(self.restore_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(weights_box)
        layout.addWidget(levels_box)
        layout.addWidget(self.threshold_note)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_settings(DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS)

    # --- showing ------------------------------------------------------------------------
    def weights(self) -> Weights:
        return self._weights

    def thresholds(self) -> LevelThresholds | None:
        """The thresholds as set, or None while they do not rise from C to A."""
        a, b, c = (Decimal(self.threshold_spins[n].value()) for n in ("a", "b", "c"))
        try:
            return LevelThresholds(a, b, c)
        except ValueError:
            return None

    def show_settings(self, weights: Weights, thresholds: LevelThresholds) -> None:
        self._show_weights(weights)
        self._updating = True
        try:
            for name in ("a", "b", "c"):
                self.threshold_spins[name].setValue(int(getattr(thresholds, name)))
        finally:
            self._updating = False
        self.threshold_note.clear()

    def _show_weights(self, weights: Weights) -> None:
        self._weights = weights
        self._updating = True
        try:
            for criterion, weight in weights.as_dict().items():
                self.sliders[criterion].setValue(int(weight))
                self.spins[criterion].setValue(int(weight))
            self.min_known_spin.setValue(int(weights.min_known))
        finally:
            self._updating = False
        total = sum(weights.as_dict().values())
        self.total_label.setText(self.tr("Total {total} %").format(total=total))

    # --- user moves -----------------------------------------------------------------------
    def _on_moved(self, criterion: Criterion, value: int) -> None:
        if self._updating or value == int(getattr(self._weights, criterion.value)):
            return
        self._show_weights(rebalance(self._weights, criterion, value))
        self.weights_changed.emit(self._weights)

    def _on_min_known(self, value: int) -> None:
        if self._updating or value == int(self._weights.min_known):
            return
        self._weights = replace(self._weights, min_known=Decimal(value))
        self.weights_changed.emit(self._weights)

    def _on_threshold(self) -> None:
        if self._updating:
            return
        thresholds = self.thresholds()
        if thresholds is None:
            self.threshold_note.setText(
                self.tr("⚠ Thresholds must rise from C to A (C < B < A); not applied.")
            )
            return
        self.threshold_note.clear()
        self.thresholds_changed.emit(thresholds)
