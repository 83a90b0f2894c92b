"""Issue 14 on the matrix side panel: the capacity fact's "observed on" date is a calendar field
that still takes typing and a blank, and a wrong date is refused with a message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from app.services.suppliers.service import SupplierService
from app.ui.matrix.capacity_form import CapacityForm
from app.ui.matrix.tab import MatrixTab
from app.ui.session import open_session
from app.ui.settings import Settings
from app.ui.widgets.date_field import DateField
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda

FACTS = "SELECT dimension, value, observed_on FROM capacity_facts ORDER BY id"


@pytest.fixture
def tab(qtbot, db_path: Path, supplier_service: SupplierService, tmp_path) -> Iterator[MatrixTab]:
    supplier_service.insert_many([hengda()])
    supplier_service.database.close()
    session = open_session(db_path, create=False)
    session.workbench.today = lambda: TODAY
    widget = MatrixTab(session.workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1, timeout=5000)
    widget.table.selectRow(0)
    yield widget
    widget.wait_until_loaded()
    session.close()


def _form(tab: MatrixTab, value: str) -> CapacityForm:
    form = tab.capacity_form
    form.value_edit.setText(value)
    return form


def _retype(field: DateField, text: str) -> None:
    """Clear the field (Delete) and type `text` as a keyboard would, then leave it."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def test_observed_on_is_a_calendar_field_that_starts_on_today(tab: MatrixTab) -> None:
    field = tab.capacity_form.date_edit
    assert isinstance(field, DateField) and field.calendarPopup()
    assert field.value() == TODAY
    _form(tab, "120").record_button.click()
    assert query(tab.workbench.path, FACTS) == [("monthly_capacity", "120", TODAY.isoformat())]


def test_a_typed_date_is_recorded(tab: MatrixTab) -> None:
    form = _form(tab, "80000")
    _retype(form.date_edit, "2026-10-5")
    form.record_button.click()
    assert query(tab.workbench.path, FACTS) == [("monthly_capacity", "80000", "2026-10-05")]
    assert form.history.item(0, 3).text() == "2026-10-05"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_date_picked_from_the_calendar_is_recorded(tab: MatrixTab) -> None:
    form = _form(tab, "80000")
    form.date_edit.setFocus()
    QTest.keyClick(form.date_edit, Qt.Key.Key_F4)
    calendar = form.date_edit.calendarWidget()
    assert calendar.isVisible()
    calendar.clicked.emit(QDate(2026, 11, 12))
    form.record_button.click()
    assert query(tab.workbench.path, FACTS) == [("monthly_capacity", "80000", "2026-11-12")]


def test_a_blank_date_is_still_allowed(tab: MatrixTab) -> None:
    form = _form(tab, "80000")
    form.date_edit.setFocus()
    QTest.keyClick(form.date_edit, Qt.Key.Key_Delete)
    assert form.date_edit.text() == "—"
    form.record_button.click()
    assert query(tab.workbench.path, FACTS) == [("monthly_capacity", "80000", None)]
    assert form.history.item(0, 3).text() == "unknown"


@pytest.mark.parametrize("typed", ["2026-10-", "2026-10-0", "2026-02-30", "2026-13-01"])
def test_a_half_typed_or_impossible_date_is_refused_and_records_nothing(
    tab: MatrixTab, typed: str
) -> None:
    """Qt would complete "2026-10-" with the day the field had, keep "2026-02-30" as the 3rd
    and "2026-13-01" as January: the text typed stays, the record is refused with a message."""
    form = _form(tab, "80000")
    _retype(form.date_edit, typed)
    assert form.date_edit.text() == typed
    form.record_button.click()
    assert form.error_label.text() == (
        f"⚠ '{typed}' is not a date: enter it as yyyy-mm-dd, e.g. 2027-01-31."
    )
    assert query(tab.workbench.path, FACTS) == []
    assert form.value_edit.text() == "80000"  # still there to correct


def test_a_date_after_today_is_refused_with_a_message_and_records_nothing(
    tab: MatrixTab,
) -> None:
    form = _form(tab, "80000")
    ahead = TODAY + timedelta(days=3)
    form.date_edit.set_value(ahead)
    form.record_button.click()
    assert form.error_label.text() == f"⚠ {ahead.isoformat()} is in the future."
    assert query(tab.workbench.path, FACTS) == []
    assert form.value_edit.text() == "80000"
