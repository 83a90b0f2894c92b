"""Saved views on the Capacity & Credit matrix (issue 14): filters, sort and columns come back
in one click, and the frozen supplier column always stays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.suppliers.choices import Status
from app.services.suppliers.service import SupplierService
from app.ui.matrix.tab import MatrixTab
from app.ui.matrix.table_state import COLUMN_INDEX
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.factories import minimal

PROVINCE, PERIOD = COLUMN_INDEX["province"], COLUMN_INDEX["period"]


@pytest.fixture
def tab(
    qtbot, db_path: Path, supplier_service: SupplierService, tmp_path: Path
) -> Iterator[MatrixTab]:
    supplier_service.insert_many(
        [
            minimal("义乌市恒达工艺品厂", province="浙江", status=Status.APPROVED),
            minimal("深圳市华强通讯配件有限公司", province="广东", status=Status.APPROVED),
            minimal("成都竹编厂", province="四川", status=Status.APPROVED),
            minimal("东莞包装厂", province="广东", status=Status.PROSPECT),
        ]
    )
    supplier_service.database.close()
    session = open_session(db_path, create=False)
    session.workbench.today = lambda: TODAY
    widget = MatrixTab(session.workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 4, timeout=5000)
    yield widget
    widget.wait_until_loaded()
    session.close()


def shown(tab: MatrixTab) -> list[str]:
    return [row.display_name for row in tab.model.table.visible_rows()]


def test_a_matrix_view_brings_back_filter_sort_and_columns(tab: MatrixTab) -> None:
    bar, header = tab.filter_bar, tab.table.horizontalHeader()
    bar.status_box.setCurrentIndex(bar.status_box.findData(Status.APPROVED))
    tab.table.sortByColumn(PROVINCE, Qt.SortOrder.DescendingOrder)  # Zhejiang, Sichuan, ...
    header.setSectionHidden(PERIOD, True)
    wanted = shown(tab)
    assert wanted == ["义乌市恒达工艺品厂", "成都竹编厂", "深圳市华强通讯配件有限公司"]
    button = bar.views_button
    button.save_current("已合格 · 按省份")

    bar.status_box.setCurrentIndex(0)
    bar.text_box.setText("厂")
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(PERIOD, False)
    header.setSectionHidden(0, True)  # (no menu hides it; a view shows it again)
    assert shown(tab) != wanted

    assert button.apply("已合格 · 按省份")
    assert shown(tab) == wanted
    assert bar.text_box.text() == "" and bar.status_box.currentData() == Status.APPROVED
    assert header.isSectionHidden(PERIOD) and not header.isSectionHidden(0)
    assert header.sortIndicatorSection() == PROVINCE
    assert bar.count_label.text() == "3 of 4 suppliers"
    assert any(a.shortcut().toString() == "Ctrl+Shift+F" for a in tab.actions())
