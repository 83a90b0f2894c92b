"""The sample form (issue 14): every problem at once under its own field and in the user's
words, dates with a calendar that still take typing and blanks, the status following the
dates as they are typed, and numbers read the way a 1688 buyer writes them."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.kit.money import Money
from app.domain.samples.sample import BUILT_IN_CRITERIA, Sample, SampleStatus
from app.ui.samples.sample_form import FOLLOWS_DATES, SET_BY_HAND, SampleForm
from app.ui.widgets.date_field import DateField
from tests.conftest import TODAY

INTERNAL = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
SUPPLIERS = [(1, "义乌市恒达工艺品厂 · Yiwu Hengda"), (2, "深圳华强 · Huaqiang")]
STORED = Sample(
    product_id=3,
    supplier_id=1,
    variant="黑色 black",
    price=Money(Decimal("15.50")),
    requested_on=date(2026, 11, 1),
    id=9,
)


@pytest.fixture
def form(qtbot) -> SampleForm:
    widget = SampleForm(today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.set_suppliers(SUPPLIERS)
    widget.show_sample(STORED, BUILT_IN_CRITERIA)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(widget, text: str) -> None:
    """Key presses as a keyboard sends them (QTest.keyClicks knows no Chinese)."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


# --- 1. every error at once, beside its field, in the user's words ---------------------------
def test_every_problem_shows_at_once_under_its_own_field(form: SampleForm, qtbot) -> None:
    saved: list[Sample] = []
    form.save_requested.connect(saved.append)
    form.supplier_box.setCurrentIndex(-1)
    form.price_edit.setText("thirty")
    form.shipping_edit.setText("-2")
    form.measure_edits["weight_kg"].setText("heavy")
    form.measure_edits["length_cm"].setText("0")
    form.date_edits["shipped_on"].set_value(date(2026, 10, 1))  # before it was requested
    form.date_edits["received_on"].set_value(date(2026, 12, 1))  # after today
    form.save_button.click()
    assert saved == []
    shown = form.errors_shown()
    assert set(shown) == {
        "supplier_id",
        "price",
        "shipping",
        "weight_kg",
        "length_cm",
        "shipped_on",
        "received_on",
    }
    assert shown["supplier_id"] == "Choose the supplier."
    assert "'thirty' is not a number" in shown["price"]
    assert "'heavy' is not a number: the measured weight in kg" in shown["weight_kg"]
    assert "cannot be negative" in shown["shipping"]
    assert "above 0" in shown["length_cm"]
    assert "before it was requested" in shown["shipped_on"]
    assert "in the future" in shown["received_on"]
    # Each under its own field, not one line at the bottom.
    labels = {key: form.error_labels[key] for key in shown}
    assert len({id(label) for label in labels.values()}) == len(shown)
    assert form.message.isHidden()
    assert form.supplier_box.hasFocus()  # the first field with a problem
    # Fixed: the messages go.
    form.supplier_box.setCurrentIndex(0)
    for edit in (form.price_edit, form.shipping_edit, *form.measure_edits.values()):
        edit.clear()
    form.date_edits["shipped_on"].set_value(None)
    form.date_edits["received_on"].set_value(None)
    form.save_button.click()
    assert form.errors_shown() == {} and len(saved) == 1


def test_service_refusals_show_beside_their_fields_too(form: SampleForm) -> None:
    form.show_errors(
        {
            "variant": "Keep this under 300 characters.",
            "tracking_number": "Keep this under 100 characters.",
            "golden": "The golden sample is the approved reference: approve it first.",
            "scores.appearance": "Appearance is scored 1 to 5 (whole numbers).",
            "photos[0]": "'x' is not a photo store hash.",
        }
    )
    shown = form.errors_shown()
    assert shown["variant"].startswith("Keep this under 300")
    assert shown["tracking_number"].startswith("Keep this under 100")
    assert shown["golden"].startswith("The golden sample")
    assert shown["scores"].startswith("Appearance is scored")
    assert shown[""] == "'x' is not a photo store hash."  # no field of its own here


@pytest.mark.parametrize("garbage", ["abc", "1.2.3", "--", "¥", "3,2,0,0x"])
def test_no_message_of_the_form_names_an_internal_field(form: SampleForm, garbage: str) -> None:
    edits: list[QLineEdit] = [form.price_edit, form.shipping_edit, *form.measure_edits.values()]
    for edit in edits:
        edit.setText(garbage)
    form.price_currency.setCurrentText("C1")
    _sample, errors = form.read()
    assert set(errors) >= {"price", "shipping", "length_cm", "width_cm", "height_cm", "weight_kg"}
    assert [m for m in errors.values() if INTERNAL.search(m)] == []


# --- 2. dates with a calendar ---------------------------------------------------------------
def test_every_date_of_the_form_is_a_calendar_field_blank_by_default(qtbot) -> None:
    form = SampleForm(today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show_sample(Sample(product_id=3), BUILT_IN_CRITERIA)
    assert set(form.date_edits) == {"requested_on", "shipped_on", "received_on"}
    for field in form.date_edits.values():
        assert isinstance(field, DateField) and field.calendarPopup()
        assert field.value() is None and field.text() == "—"  # blank: not today
    sample, errors = form.read()
    assert errors == {"supplier_id": "Choose the supplier."}
    assert sample is not None and sample.requested_on is None and sample.received_on is None


@pytest.mark.parametrize(
    "typed", ["2026-11-03", "2026-11-3", "20261103", "2026/11/3", "2026年11月3日", "2026.11.03"]
)
def test_a_date_can_still_be_typed(form: SampleForm, typed: str) -> None:
    field = form.date_edits["shipped_on"]
    field.setFocus()
    _type(field, typed)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2026, 11, 3)
    sample, errors = form.read()
    assert errors == {} and sample is not None and sample.shipped_on == date(2026, 11, 3)


def test_delete_leaves_a_date_blank_and_the_blank_is_saved(form: SampleForm) -> None:
    field = form.date_edits["requested_on"]
    assert field.value() == date(2026, 11, 1)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None
    sample, _errors = form.read()
    assert sample is not None and sample.requested_on is None


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_calendar_of_a_blank_date_opens_on_this_month_and_picks_on_click(
    form: SampleForm,
) -> None:
    field = form.date_edits["received_on"]
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert field.value() is None  # opening chooses nothing
    calendar.clicked.emit(QDate(2026, 11, 9))
    assert field.value() == date(2026, 11, 9)


# --- 3. the status follows the dates as they are typed ------------------------------------
def test_the_status_follows_the_dates_unless_chosen_by_hand(form: SampleForm) -> None:
    status = form.status_box
    assert status.currentData() == "requested" and form.status_hint.text() == FOLLOWS_DATES
    form.date_edits["shipped_on"].set_value(date(2026, 11, 3))
    assert status.currentData() == "shipped"
    form.date_edits["received_on"].set_value(date(2026, 11, 9))
    assert status.currentData() == "received" and form.status_hint.text() == FOLLOWS_DATES
    form.date_edits["received_on"].set_value(None)
    assert status.currentData() == "shipped"  # a date cleared takes its status with it
    # Chosen by hand: the dates leave it alone, and the save says so.
    status.setCurrentIndex(status.findData("requested"))
    status.activated.emit(status.currentIndex())
    form.date_edits["received_on"].set_value(date(2026, 11, 9))
    assert status.currentData() == "requested" and form.status_hint.text() == SET_BY_HAND
    assert form.status_by_hand
    sample, _errors = form.read()
    assert sample is not None and sample.status is SampleStatus.REQUESTED
    form.show_sample(STORED, BUILT_IN_CRITERIA)  # shown again: following again
    assert not form.status_by_hand


def test_decisions_do_not_follow_dates(form: SampleForm) -> None:
    form.show_sample(
        Sample(product_id=3, supplier_id=1, status=SampleStatus.REJECTED, id=4), BUILT_IN_CRITERIA
    )
    form.date_edits["received_on"].set_value(date(2026, 11, 9))
    assert form.status_box.currentData() == "rejected" and form.status_hint.text() == ""


# --- 7. numbers as a 1688 buyer writes them ------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "amount", "hint"),
    [
        ("¥3.20", Decimal("3.20"), "= 3.20 CNY"),
        ("3,200", Decimal("3200"), "= 3,200.00 CNY"),
        ("￥3,200.5", Decimal("3200.5"), "= 3,200.50 CNY"),
        ("35.50", Decimal("35.50"), ""),  # plain: nothing to explain
    ],
)
def test_prices_are_read_as_typed_and_the_reading_is_shown(
    form: SampleForm, typed: str, amount: Decimal, hint: str
) -> None:
    form.price_edit.setText(typed)
    assert form.hints["price"].text() == hint
    sample, errors = form.read()
    assert errors == {} and sample is not None and sample.price == Money(amount, "CNY")


def test_the_reading_follows_the_currency_and_measurements_read_too(form: SampleForm) -> None:
    form.shipping_edit.setText("1,200")
    form.shipping_currency.setCurrentText("JPY")
    assert form.hints["shipping"].text() == "= 1,200 JPY"
    form.measure_edits["weight_kg"].setText("1,250")
    assert form.hints["weight_kg"].text() == "= 1,250"
    form.measure_edits["length_cm"].setText("abc")
    assert form.hints["length_cm"].text() == ""  # not a number (yet): no reading, no noise
    sample, errors = form.read()
    assert sample is not None and sample.shipping == Money(Decimal(1200), "JPY")
    assert sample.weight_kg == Decimal(1250) and list(errors) == ["length_cm"]
