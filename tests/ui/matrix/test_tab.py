"""The Capacity & Credit tab as a user drives it: edits re-grade, weights re-rank, filters."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.scoring import Criterion, Scores, Weights
from app.domain.suppliers.choices import Status
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.ui.matrix.tab import MatrixTab
from app.ui.matrix.table_state import COLUMN_INDEX
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal

ORDER = Qt.SortOrder


@pytest.fixture
def matrix_db(db_path: Path, supplier_service: SupplierService) -> Path:
    """Three suppliers: A strong on quality, B strong on cost, C never evaluated."""
    change = supplier_service.insert_many(
        [
            hengda(),  # 义乌市恒达工艺品厂, 浙江, sampling, tags 工艺品 / home decor
            minimal(
                "深圳市华强通讯配件有限公司",
                "Huaqiang Phone Parts",
                province="广东",
                tags=["手机壳"],
                status=Status.APPROVED,
            ),
            minimal(name_en="Ningbo Homeware", province="浙江", status=Status.APPROVED),
        ]
    )
    a, b, _c = change.created
    matrix = MatrixService(supplier_service.database, today=lambda: TODAY)
    matrix.save_evaluation(a, "2026-Q3", Scores(Decimal(95), Decimal(70), Decimal(80), Decimal(40)))
    matrix.save_evaluation(
        b, "2026-Q3", Scores(Decimal(60), Decimal(80), Decimal(80), Decimal(100))
    )
    matrix.record_capacity_fact(a, Dimension.EMPLOYEES, Decimal(45), FactSource.SUPPLIER_WORD)
    supplier_service.database.close()
    return db_path


@pytest.fixture
def tab(qtbot, matrix_db: Path, tmp_path: Path) -> Iterator[MatrixTab]:
    session = open_session(matrix_db, create=False)
    session.workbench.today = lambda: TODAY
    widget = MatrixTab(session.workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=5000)
    yield widget
    widget.wait_until_loaded()
    session.close()


def _texts(tab: MatrixTab, key: str) -> list[str]:
    column = COLUMN_INDEX[key]
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def _row_of(tab: MatrixTab, name: str) -> int:
    names = _texts(tab, "supplier")
    return next(i for i, text in enumerate(names) if name in text)


def test_rows_are_ranked_by_weighted_score_with_the_unscored_last(tab: MatrixTab) -> None:
    # A: (95x40 + 70x30 + 80x20 + 40x10)/100 = 79.0; B: (60x40 + 80x30 + 80x20 + 100x10) = 74.0
    assert _texts(tab, "weighted") == ["79.0", "74.0", "—"]
    assert _texts(tab, "level") == ["B", "C", "unknown"]
    assert _texts(tab, "rank") == ["1", "2", ""]
    assert "恒达" in _texts(tab, "supplier")[0]


def test_graded_cells_show_grade_text_colour_and_rule(tab: MatrixTab) -> None:
    index = tab.model.index(_row_of(tab, "恒达"), COLUMN_INDEX["employees"])
    assert index.data() == "average\n45"
    assert "rule: average is at least 20 and under 50 people" in index.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Supplier's word" in index.data(Qt.ItemDataRole.ToolTipRole)
    unknown = tab.model.index(_row_of(tab, "Ningbo"), COLUMN_INDEX["employees"])
    assert unknown.data() == "unknown"
    fills = {
        index.data(Qt.ItemDataRole.BackgroundRole).name(),
        unknown.data(Qt.ItemDataRole.BackgroundRole).name(),
    }
    assert len(fills) == 2  # average and unknown look different


def test_editing_a_capacity_cell_stores_a_fact_and_regrades_at_once(tab: MatrixTab) -> None:
    row = _row_of(tab, "恒达")
    index = tab.model.index(row, COLUMN_INDEX["employees"])
    assert tab.model.setData(index, "120")
    row = _row_of(tab, "恒达")
    assert tab.model.index(row, COLUMN_INDEX["employees"]).data() == "excellent\n120"
    facts = query(tab.workbench.path, "SELECT value, source FROM capacity_facts ORDER BY id")
    assert facts[-1] == ("120", "supplier_word")
    assert "excellent" in tab.status_label.text()


def test_a_wrong_number_is_refused_and_nothing_is_written(tab: MatrixTab) -> None:
    index = tab.model.index(_row_of(tab, "恒达"), COLUMN_INDEX["employees"])
    before = query(tab.workbench.path, "SELECT count(*) FROM capacity_facts")
    assert not tab.model.setData(index, "lots")
    assert "'lots' is not a number" in tab.status_label.text()
    assert query(tab.workbench.path, "SELECT count(*) FROM capacity_facts") == before
    assert tab.model.setData(index, "-5")  # parsed, then the service refuses it
    assert "Employees" in tab.status_label.text() and "⚠" in tab.status_label.text()
    assert query(tab.workbench.path, "SELECT count(*) FROM capacity_facts") == before


def test_moving_a_weight_keeps_100_and_reranks_live(tab: MatrixTab) -> None:
    panel = tab.weights_panel
    panel.spins[Criterion.COST].setValue(70)  # cost now dominates: B (cost 100) overtakes A
    total = sum(spin.value() for spin in panel.spins.values())
    assert total == 100 and panel.sliders[Criterion.COST].value() == 70
    assert "Total 100 %" in panel.total_label.text()
    assert "Huaqiang" in _texts(tab, "supplier")[0]
    assert tab.model.headerData(COLUMN_INDEX["cost"], Qt.Orientation.Horizontal) == "Cost 70 %"
    tab.flush()
    stored = MatrixService(tab.workbench.database).weights()
    assert stored.cost == Decimal(70) and sum(stored.as_dict().values()) == Decimal(100)


def test_restore_defaults_brings_back_40_30_20_10(tab: MatrixTab) -> None:
    tab.weights_panel.spins[Criterion.QUALITY].setValue(10)
    tab.flush()
    tab._restore_defaults()
    assert [s.value() for s in tab.weights_panel.spins.values()] == [40, 30, 20, 10]
    assert tab.workbench.matrix.weights() == Weights()
    assert _texts(tab, "weighted")[0] == "79.0"


def test_thresholds_change_levels(tab: MatrixTab) -> None:
    tab.weights_panel.threshold_spins["b"].setValue(70)
    assert _texts(tab, "level") == ["B", "B", "unknown"]
    assert "70 to under 90" in tab.legend.text()  # the legend follows the thresholds
    assert "at least 50,000 and at most 100,000 pieces" in tab.legend.text()
    tab.weights_panel.threshold_spins["c"].setValue(95)  # C above B: refused, levels stay
    assert "must rise" in tab.weights_panel.threshold_note.text()
    assert _texts(tab, "level") == ["B", "B", "unknown"]


def test_filters_by_status_category_province_and_text(tab: MatrixTab) -> None:
    bar = tab.filter_bar
    bar.status_box.setCurrentIndex(bar.status_box.findData(Status.APPROVED))
    assert len(_texts(tab, "supplier")) == 2
    bar.province_box.setCurrentIndex(bar.province_box.findData("浙江"))
    assert _texts(tab, "supplier") == ["Ningbo Homeware"]
    bar.status_box.setCurrentIndex(0)
    bar.province_box.setCurrentIndex(0)
    bar.category_box.setCurrentIndex(bar.category_box.findData("手机壳"))
    assert len(_texts(tab, "supplier")) == 1 and "华强" in _texts(tab, "supplier")[0]
    assert bar.count_label.text() == "1 of 3 suppliers"
    bar.category_box.setCurrentIndex(0)
    bar.text_box.insert("hengda")
    assert len(_texts(tab, "supplier")) == 1 and "恒达" in _texts(tab, "supplier")[0]


def test_sorting_a_capacity_column_puts_unknown_last_both_ways(tab: MatrixTab) -> None:
    tab.model.setData(tab.model.index(_row_of(tab, "华强"), COLUMN_INDEX["employees"]), "300")
    column = COLUMN_INDEX["employees"]
    tab.table.sortByColumn(column, ORDER.AscendingOrder)
    assert _texts(tab, "employees") == ["average\n45", "excellent\n300", "unknown"]
    tab.table.sortByColumn(column, ORDER.DescendingOrder)
    assert _texts(tab, "employees") == ["excellent\n300", "average\n45", "unknown"]


def test_credit_override_shows_both_ratings(tab: MatrixTab) -> None:
    tab.table.selectRow(_row_of(tab, "恒达"))
    form = tab.credit_form
    form.manual_box.setCurrentIndex(form.manual_box.findData(CreditRating.C))
    form.reason_edit.setText("")
    form.save_button.click()
    assert "reason" in form.error_label.text().lower()  # no reason: refused
    form.reason_edit.setText("样品与大货不符 samples differ from bulk")
    form.save_button.click()
    text = tab.model.index(_row_of(tab, "恒达"), COLUMN_INDEX["credit"]).data()
    assert text.startswith("C (manual; rule ")
    stored = query(tab.workbench.path, "SELECT manual_rating, manual_reason FROM credit_inputs")
    assert stored == [("C", "样品与大货不符 samples differ from bulk")]


def test_saving_an_evaluation_rescores_and_a_bad_score_changes_nothing(tab: MatrixTab) -> None:
    tab.table.selectRow(_row_of(tab, "Ningbo"))
    form = tab.evaluation_form
    form.period_edit.setText("2026-Q4")
    form.score_edits[Criterion.QUALITY].setText("120")
    form.save_button.click()
    assert "between 0 and 100" in form.error_label.text()
    assert query(tab.workbench.path, "SELECT count(*) FROM evaluations") == [(2,)]
    form.score_edits[Criterion.QUALITY].setText("92")
    form.save_button.click()
    row = _row_of(tab, "Ningbo")
    assert tab.model.index(row, COLUMN_INDEX["weighted"]).data() == "92.0"  # only Q present
    # Quality alone is 40 % of the weight: no level until half the weight is scored.
    assert tab.model.index(row, COLUMN_INDEX["level"]).data() == "incomplete\nmissing D, S, C"
    assert "Incomplete: the scored criteria carry 40 %" in tab.model.index(
        row, COLUMN_INDEX["level"]
    ).data(Qt.ItemDataRole.ToolTipRole)
    tab.table.selectRow(_row_of(tab, "Ningbo"))
    form.period_edit.setText("2026-Q4")
    form.score_edits[Criterion.QUALITY].setText("92")
    form.score_edits[Criterion.DELIVERY].setText("90")
    form.save_button.click()
    row = _row_of(tab, "Ningbo")
    assert tab.model.index(row, COLUMN_INDEX["weighted"]).data() == "91.1"
    assert tab.model.index(row, COLUMN_INDEX["level"]).data() == "A"
    assert form.history.rowCount() == 1


def test_selecting_two_to_five_rows_compares_them_on_the_radar(tab: MatrixTab) -> None:
    # Through the selection model, not selectRow(): that one obeys the keyboard modifiers Qt
    # believes are held, and a Ctrl left "down" by an earlier test would toggle the row off.
    tab.table.selectionModel().select(
        tab.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert not tab.radar.is_comparing()
    tab.table.selectionModel().select(
        tab.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert tab.radar.is_comparing()
    assert len(tab.radar._series) == 2


def test_the_trend_chart_follows_the_current_row(tab: MatrixTab) -> None:
    tab.table.selectRow(_row_of(tab, "恒达"))
    assert "恒达" in tab.trend._title
    assert [p.period for p in tab.trend._points] == ["2026-Q3"]


def test_an_evaluation_from_sub_indicators_scores_its_criterion(tab: MatrixTab) -> None:
    from app.domain.matrix.indicators import Indicator

    tab.table.selectRow(_row_of(tab, "Ningbo"))
    form = tab.evaluation_form
    form.period_edit.setText("2026-Q4")
    form.indicator_box.setChecked(True)
    form.indicator_edits[Indicator.PASS_RATE].setText("98.5")
    form.indicator_edits[Indicator.COMPLAINT_RATE].setText("2")  # 100 - 10 x 2 = 80
    assert "Quality" in form.indicator_preview.text()
    form.score_edits[Criterion.DELIVERY].setText("70")
    form.save_button.click()
    row = _row_of(tab, "Ningbo")
    # Quality = mean(98.5, 80) = 89.3 (half-up); weighted (89.3x40 + 70x30) / 70 = 81.0
    assert tab.model.index(row, COLUMN_INDEX["quality"]).data() == "89.3"
    assert tab.model.index(row, COLUMN_INDEX["weighted"]).data() == "81.0"
    stored = query(tab.workbench.path, "SELECT indicator, value FROM evaluation_indicators")
    assert sorted(stored) == [("complaint_rate", "2"), ("pass_rate", "98.5")]


def test_a_score_and_sub_indicators_for_one_criterion_are_refused(tab: MatrixTab) -> None:
    from app.domain.matrix.indicators import Indicator

    tab.table.selectRow(_row_of(tab, "Ningbo"))
    form = tab.evaluation_form
    form.period_edit.setText("2026-Q4")
    form.indicator_box.setChecked(True)
    form.indicator_edits[Indicator.PASS_RATE].setText("98")
    form.score_edits[Criterion.QUALITY].setText("90")
    form.save_button.click()
    assert "clear one of them" in form.error_label.text()
    assert query(tab.workbench.path, "SELECT count(*) FROM evaluations") == [(2,)]


def test_deleting_a_fact_asks_first(tab: MatrixTab, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    tab.table.selectRow(_row_of(tab, "恒达"))
    form = tab.capacity_form
    form.history_view.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.No
    form.delete_button.click()
    assert query(tab.workbench.path, "SELECT count(*) FROM capacity_facts") == [(1,)]
    dialogs.answer = QMessageBox.StandardButton.Yes
    form.delete_button.click()
    assert query(tab.workbench.path, "SELECT count(*) FROM capacity_facts") == [(0,)]
    row = _row_of(tab, "恒达")
    assert tab.model.index(row, COLUMN_INDEX["employees"]).data() == "unknown"


def test_layout_and_side_tab_are_remembered(qtbot, tab: MatrixTab) -> None:
    tab.side_tabs.setCurrentIndex(2)
    tab.table.sortByColumn(COLUMN_INDEX["employees"], ORDER.DescendingOrder)
    tab.save_layout()
    again = MatrixTab(tab.workbench, tab.settings)
    qtbot.addWidget(again)
    header = again.table.horizontalHeader()
    assert again.side_tabs.currentIndex() == 2
    assert header.sortIndicatorSection() == COLUMN_INDEX["employees"]
    assert header.sortIndicatorOrder() == ORDER.DescendingOrder


def test_a_huge_matrix_reranks_once_the_slider_rests(qtbot, tab: MatrixTab, monkeypatch) -> None:
    from app.ui.matrix import tab as tab_module

    monkeypatch.setattr(tab_module, "LIVE_RERANK_ROWS", 2)  # our three rows count as huge
    tab.weights_panel.spins[Criterion.COST].setValue(70)
    assert "恒达" in _texts(tab, "supplier")[0]  # not re-ranked yet: the slider may still move
    qtbot.waitUntil(lambda: "Huaqiang" in _texts(tab, "supplier")[0], timeout=2000)


# --- issue 13 ------------------------------------------------------------------------------


def test_the_share_a_level_needs_is_set_beside_the_weights(tab: MatrixTab) -> None:
    panel = tab.weights_panel
    assert panel.min_known_spin.value() == 50
    tab.table.selectRow(_row_of(tab, "Ningbo"))
    form = tab.evaluation_form
    form.period_edit.setText("2026-Q4")
    form.score_edits[Criterion.QUALITY].setText("92")  # 40 % of the weight
    form.save_button.click()
    level = COLUMN_INDEX["level"]
    assert tab.model.index(_row_of(tab, "Ningbo"), level).data().startswith("incomplete")
    panel.min_known_spin.setValue(40)  # exactly 40 % is enough now
    assert tab.model.index(_row_of(tab, "Ningbo"), level).data() == "A"
    assert [s.value() for s in panel.spins.values()] == [40, 30, 20, 10]  # weights untouched
    tab.flush()
    assert tab.workbench.matrix.weights().min_known == Decimal(40)


def test_the_credit_form_shows_the_suppliers_one_repeat_rate(tab: MatrixTab) -> None:
    tab.table.selectRow(_row_of(tab, "恒达"))
    text = tab.credit_form.repeat_label.text()
    assert text.startswith("45.5 %") and "Suppliers tab" in text
    tab.table.selectRow(_row_of(tab, "Ningbo"))
    assert tab.credit_form.repeat_label.text().startswith("unknown")


def test_the_legend_states_the_boundaries_the_code_grades(tab: MatrixTab) -> None:
    legend = " ".join(tab.legend.text().split())
    assert "takes the lower grade" not in legend
    assert "50,000 pieces is good" in legend and "n/a" in legend and "incomplete" in legend


def test_a_trading_companys_production_reads_n_a_and_a_small_source_factory_is_flagged(
    tab: MatrixTab,
) -> None:
    import dataclasses

    from app.domain.matrix.capacity import Grade
    from app.domain.matrix.rows import CapacityCell

    row = tab.model.matrix_row(tab.model.supplier_id(_row_of(tab, "恒达")))
    assert row is not None
    na = CapacityCell(None, Grade.NOT_APPLICABLE, "n/a: a trading company")
    small = CapacityCell(Decimal(800), Grade.AVERAGE, "Factory area 800 m²", warning="check it")
    tab.model.upsert(
        [dataclasses.replace(row, capacity={**row.capacity, Dimension.PRODUCTION_LINES: na,
                                            Dimension.FACTORY_AREA: small})]
    )  # fmt: skip
    index = _row_of(tab, "恒达")
    lines = tab.model.index(index, COLUMN_INDEX["production_lines"])
    area = tab.model.index(index, COLUMN_INDEX["factory_area"])
    assert lines.data() == "n/a\n(trading company)"
    assert area.data() == "⚠ average\n800"
    assert "⚠ check it" in area.data(Qt.ItemDataRole.ToolTipRole)
