"""The Capacity & Credit tab's behaviour: loading, filtering, editing facts, credit and scores,
re-weighting live, and the comparison charts. Widgets hold no SQL: every read and write goes
through the Workbench's MatrixService."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import LevelThresholds, Scores, Weights
from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.exporting import ExportRequest
from app.services.matrix.compare import (
    MAX_COMPARED,
    RADAR_AXES,
    radar_values,
    trend_series,
)
from app.services.matrix.rows import load_matrix
from app.services.workbench import Workbench
from app.ui.matrix.legend import term
from app.ui.matrix.loader import MatrixLoader
from app.ui.matrix.radar_chart import RadarSeries
from app.ui.matrix.tab_view import MatrixTabView
from app.ui.matrix.table_model import MatrixModel
from app.ui.matrix.table_state import COLUMN_INDEX, MatrixFilter
from app.ui.matrix.trend_chart import TrendPoint
from app.ui.settings import MATRIX_HEADER, MATRIX_SIDE_TAB, MATRIX_SPLITTER, Settings
from app.ui.widgets.operations import Operations

SAVE_DELAY_MS = 600  # weights are stored once the user stops moving them
# Re-ranking takes about 5 ms per 1,000 suppliers: live while a slider moves up to this many
# rows, and past it once the slider rests for a moment, so dragging never queues up ranks.
LIVE_RERANK_ROWS = 20_000
RANK_PAUSE_MS = 150


class MatrixTab(MatrixTabView):
    """Emits `message` for the status bar and `audits_requested(supplier id)`; follows every
    Change on the window's Operations bus (its own writes included)."""

    message = Signal(str)
    audits_requested = Signal(int)
    go_to_tab = Signal(str)  # a tab's key ("suppliers"): the window shows that tab

    def __init__(
        self,
        workbench: Workbench,
        settings: Settings,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(workbench.today(), parent)
        self.workbench = workbench
        self.settings = settings
        self.operations = operations or Operations(workbench, self)
        self.operations.changed.connect(self.apply_change)
        self.model = MatrixModel(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self._current_id: int | None = None
        self._loader: MatrixLoader | None = None
        self._loaded = False
        self._stale = True
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._store_settings)
        self._pending_weights: Weights | None = None
        self._rank_timer = QTimer(self, singleShot=True, interval=RANK_PAUSE_MS)
        self._rank_timer.timeout.connect(self._apply_weights)
        self._restore_layout()
        self.filter_bar.use_saved_views(self, settings, self.table)
        self._connect()
        self._axes = [term(axis) for axis in RADAR_AXES]
        self.radar.set_series(self._axes, [])

    @property
    def matrix(self) -> Any:
        return self.workbench.matrix

    # --- loading -----------------------------------------------------------------------
    def mark_stale(self, _change: object = None) -> None:
        """Re-read everything: now when showing, else when the tab is next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def apply_change(self, change: Change) -> None:
        """A write to suppliers, their matrix data or their audits: re-grade the rows it
        touched (at once when loaded), or re-read everything when suppliers went away."""
        if not change.supplier_ids:
            return
        if change.deleted or not self._loaded or self._loader is not None:
            self.mark_stale()
        else:
            self._refresh(change.touched)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        if self._loader is not None:
            return
        self._stale = False
        self.retry_button.hide()
        self.show_loading()
        today = self.workbench.today()
        self._loader = MatrixLoader(
            lambda: load_matrix(self.matrix, today), self.workbench.path, self
        )
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._loader.finished.connect(self._loader_done)
        self._loader.start()

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def wait_until_loaded(self) -> None:
        if self._loader is not None:
            self._loader.wait()
            QCoreApplication.processEvents()

    def _loader_done(self) -> None:
        if self._loader is not None:
            self._loader.deleteLater()
        self._loader = None

    def _on_loaded(self, rows: list[MatrixRow]) -> None:
        try:
            weights, thresholds = self.matrix.weights(), self.matrix.thresholds()
        except WorkbenchError as error:
            self._on_load_failed(str(error))
            return
        self.model.table.set_weights(weights, thresholds)
        self.weights_panel.show_settings(weights, thresholds)
        self.legend.show_thresholds(thresholds)
        self.model.set_rows(rows)
        self.filter_bar.set_categories(self.model.table.categories())
        self._loaded = True
        self._after_rows_changed()
        if self._current_id is not None:
            self._select_id(self._current_id)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self.show_ready()

    def _on_load_failed(self, text: str) -> None:
        self.empty_switch.set_empty(False)  # the problem and Retry, never "no suppliers"
        self.show_load_failed(text)

    # --- wiring ------------------------------------------------------------------------
    def _connect(self) -> None:
        self.filter_bar.changed.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.capacity_edited.connect(self._on_inline_edit)
        self.model.edit_refused.connect(self._refuse)
        self.capacity_form.record_requested.connect(self._record_fact)
        self.capacity_form.delete_requested.connect(self._delete_fact)
        self.credit_form.save_requested.connect(self._save_credit)
        self.evaluation_form.save_requested.connect(self._save_evaluation)
        self.evaluation_form.delete_requested.connect(self._delete_evaluation)
        self.weights_panel.weights_changed.connect(self._on_weights)
        self.weights_panel.thresholds_changed.connect(self._on_thresholds)
        self.weights_panel.restore_requested.connect(self._restore_defaults)
        self.audits_action.triggered.connect(self.open_audits)
        self.suppliers_action.triggered.connect(lambda: self.go_to_tab.emit("suppliers"))
        self.retry_button.clicked.connect(self.reload)

    def _apply_filter(self, wanted: MatrixFilter) -> None:
        self.model.set_filter(wanted)
        self._after_rows_changed()
        if self._current_id is not None:
            self._select_id(self._current_id)

    def _after_rows_changed(self) -> None:
        self.filter_bar.show_count(self.model.rowCount(), self.model.table.total)
        # No supplier at all (not just none passing the filter): say what the matrix is for.
        self.empty_switch.set_empty(self._loaded and self.model.table.total == 0)

    def _select_id(self, supplier_id: int) -> None:
        row = self.model.row_of(supplier_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def shown_ids(self) -> list[int]:
        return [row.supplier_id for row in self.model.table.visible_rows()]

    # --- the current supplier ----------------------------------------------------------
    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self._current_id = self.model.supplier_id(current.row())
        self._show_supplier(self._current_id)

    def _show_supplier(self, supplier_id: int) -> None:
        row = self.model.matrix_row(supplier_id)
        if row is None:
            return
        english = f" · {row.name_en}" if row.name_en and row.name_zh else ""
        self.supplier_title.setText(f"<b>{row.display_name}</b>{english}")
        try:
            facts = self.matrix.capacity_history(supplier_id)
            record = self.matrix.credit_inputs([supplier_id]).get(supplier_id)
            evaluations = self.matrix.evaluations(supplier_id)
        except WorkbenchError as error:
            self._refuse(str(error))
            return
        self.capacity_form.show_facts(facts)
        self.credit_form.show_credit(record, row.credit)
        weights = self.model.table.weights
        self.evaluation_form.show_evaluations(evaluations, weights)
        points = [  # the lines' names in the interface language
            TrendPoint(period, {term(key): value for key, value in values.items()})
            for period, values in trend_series(evaluations, weights)
        ]
        self.trend.set_history(row.display_name, points)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [self.model.table.row_at(r) for r in rows[: MAX_COMPARED + 1]]
        series = [RadarSeries(row.display_name, radar_values(row)) for row in chosen]
        self.radar.set_series(self._axes, series)

    # --- writes ------------------------------------------------------------------------
    def _write(self, operation: Callable[[], Change], form: Any = None) -> Change | None:
        """One write through the window's operations (which refresh the rows it touched, see
        apply_change); a problem is shown beside the form."""
        outcome = self.operations.run(operation)
        if outcome.refusal is not None:
            self._refuse(outcome.refusal.text, form)
            return None
        result: Change = outcome.result
        return result

    def _refresh(self, supplier_ids: Sequence[int]) -> None:
        """Re-read and re-grade the changed rows at once, keeping the selection."""
        if not supplier_ids:
            return
        rows = load_matrix(self.matrix, self.workbench.today(), supplier_ids)
        self.model.upsert(rows)
        self._after_rows_changed()
        if self._current_id is not None and self._current_id in supplier_ids:
            self._show_supplier(self._current_id)
            self._on_selection(QItemSelection(), QItemSelection())

    def _refuse(self, text: str, form: Any = None) -> None:
        if form is not None:
            form.show_error(text)
        self.message.emit(text)
        self.status_label.setText(f"⚠ {text}")

    def _on_inline_edit(self, supplier_id: int, dimension: Dimension, value: Decimal) -> None:
        source = self.capacity_form.source()
        today = self.workbench.today()
        change = self._write(
            lambda: self.matrix.record_capacity_fact(supplier_id, dimension, value, source, today)
        )
        if change is not None:
            row = self.model.matrix_row(supplier_id)
            cell = row.capacity[dimension] if row else None
            self.show_recorded(dimension, value, source, today, cell.grade if cell else None)

    def _record_fact(
        self,
        dimension: Dimension,
        value: Decimal,
        source: FactSource,
        observed: date | None,
        note: str,
    ) -> None:
        if self._current_id is None:
            return
        supplier_id = self._current_id
        change = self._write(
            lambda: self.matrix.record_capacity_fact(
                supplier_id, dimension, value, source, observed, note
            ),
            self.capacity_form,
        )
        if change is not None:
            self.capacity_form.clear_entry()

    def _delete_fact(self, fact_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete capacity fact"),
            self.tr(
                "Delete this fact from the history? The previous fact of that dimension, if "
                "any, becomes the current one."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda: self.matrix.delete_capacity_fact(fact_id), self.capacity_form)

    def _save_credit(self, inputs: CreditInputs, override: CreditOverride | None) -> None:
        if self._current_id is not None:
            supplier_id = self._current_id
            self._write(
                lambda: self.matrix.save_credit_inputs(supplier_id, inputs, override),
                self.credit_form,
            )

    def _save_evaluation(
        self, period: str, scores: Scores, note: str, indicators: dict[Indicator, Decimal]
    ) -> None:
        if self._current_id is not None:
            supplier_id = self._current_id
            change = self._write(
                lambda: self.matrix.save_evaluation(
                    supplier_id, period, scores, note=note, indicators=indicators or None
                ),
                self.evaluation_form,
            )
            if change is not None:
                self.evaluation_form.clear_entry()

    def _delete_evaluation(self, period: str) -> None:
        if self._current_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete evaluation"),
            self.tr("Delete the scores of period {period}?").format(period=period),
        )
        if answer == QMessageBox.StandardButton.Yes:
            supplier_id = self._current_id
            self._write(
                lambda: self.matrix.delete_evaluation(supplier_id, period), self.evaluation_form
            )

    # --- weights and thresholds --------------------------------------------------------
    def _on_weights(self, weights: Weights) -> None:
        self._pending_weights = weights
        self._save_timer.start()
        if self.model.table.total > LIVE_RERANK_ROWS:
            self._rank_timer.start()  # a slider drag over a huge matrix: rank the last value
        else:
            self._apply_weights()

    def _apply_weights(self) -> None:
        if self._pending_weights is not None:
            self.model.set_weights(self._pending_weights)
            self._pending_weights = None
            self._show_current_scores()

    def _on_thresholds(self, thresholds: LevelThresholds) -> None:
        self.model.set_weights(self.model.table.weights, thresholds)
        self.legend.show_thresholds(thresholds)
        self._save_timer.start()

    def _store_settings(self) -> None:
        self._apply_weights()
        table = self.model.table
        try:
            self.workbench.require_intact()
            self.matrix.save_weights(table.weights)
            self.matrix.save_thresholds(table.thresholds)
        except WorkbenchError as error:
            self._refuse(self.tr("The weights could not be stored: {error}").format(error=error))

    def _restore_defaults(self) -> None:
        try:
            self.workbench.require_intact()
            weights = self.matrix.restore_default_weights()
            thresholds = self.matrix.restore_default_thresholds()
        except WorkbenchError as error:
            self._refuse(str(error))
            return
        self._save_timer.stop()
        self._rank_timer.stop()
        self._pending_weights = None
        self.weights_panel.show_settings(weights, thresholds)
        self.model.set_weights(weights, thresholds)
        self.legend.show_thresholds(thresholds)
        self._show_current_scores()
        self.message.emit(self.tr("Weights and levels are back to the defaults."))

    def _show_current_scores(self) -> None:
        if self._current_id is not None:
            self._show_supplier(self._current_id)

    def flush(self) -> None:
        """Store pending weight changes now (before closing or switching databases)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._store_settings()

    # --- layout memory -----------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.apply_default_widths()
        header = self.table.horizontalHeader()
        state = self.settings.get(MATRIX_HEADER)
        if state is None or not header.restoreState(state):
            header.setSortIndicator(COLUMN_INDEX["rank"], Qt.SortOrder.AscendingOrder)
        splitter = self.settings.get(MATRIX_SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.side_tabs.setCurrentIndex(self.settings.get(MATRIX_SIDE_TAB))

    def save_layout(self) -> None:
        self.flush()
        self.settings.set(MATRIX_HEADER, self.table.horizontalHeader().saveState())
        self.settings.set(MATRIX_SPLITTER, self.splitter.saveState())
        self.settings.set(MATRIX_SIDE_TAB, self.side_tabs.currentIndex())

    # --- the tab protocol ----------------------------------------------------------------
    def edit_actions(self) -> list[QAction | None]:
        return [self.audits_action, None, self.find_action]

    def export_request(self) -> ExportRequest:
        """The rows shown, in order, with the weights as shown (stored or not); before the
        matrix has loaded, every supplier."""
        table = self.model.table
        ids = self.shown_ids() if self._loaded else None
        return ExportRequest("matrix", ids=ids, weights=table.weights, thresholds=table.thresholds)

    def confirm_leave(self) -> bool:
        return True

    def leave(self) -> None:
        self.save_layout()
        self.wait_until_loaded()

    def open_audits(self) -> None:
        if self._current_id is not None:
            self.audits_requested.emit(self._current_id)
