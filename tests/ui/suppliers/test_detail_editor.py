"""The supplier detail editor: round trip, validation shown at the field, lists, dirty flag."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.domain.kit.money import Money
from app.domain.suppliers.choices import BusinessType, CertificationKind, Membership, Status
from app.domain.suppliers.supplier import Certification, Contact, Supplier
from app.errors import ValidationError
from app.ui.suppliers.detail_editor import SupplierEditor
from app.ui.suppliers.editor_view import EMPTY_HINT
from app.ui.suppliers.list_models import ERROR_ROLE, WARNING_BACKGROUND
from tests.conftest import TODAY
from tests.factories import hengda, minimal


@pytest.fixture
def editor(qtbot) -> SupplierEditor:
    widget = SupplierEditor(lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(480, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def errors_of(editor: SupplierEditor) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        editor.supplier()
    return caught.value.field_errors


def test_a_filled_supplier_reads_back_equal(editor: SupplierEditor) -> None:
    record = hengda(id=7, created_at=datetime(2026, 1, 2, 3, 4), updated_at=datetime(2026, 5, 6))
    editor.set_supplier(record)
    read = editor.supplier()
    assert read == record and read is not record
    # equal is not enough for StrEnum: the choices must come back as members, not str
    assert type(read.status) is Status and type(read.membership) is Membership
    assert type(read.business_type) is BusinessType
    assert type(read.certifications[1].kind) is CertificationKind
    assert not editor.is_dirty()


def test_fields_show_labels_and_stored_values(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    assert editor.province.currentText() == "浙江 Zhejiang"
    assert editor.business_type.currentText() == "Factory · 生产厂家"
    assert editor.deposit_amount.text() == "3,000.00"
    assert editor.reorder_rate.text() == "45.5"
    assert editor.tags.text() == "工艺品; home decor"
    assert editor.business_type.itemText(0) == "—"  # optional: unknown
    assert editor.membership.itemText(0) == "—"
    assert editor.status.itemText(0) == "Prospect · 潜在供应商"  # required: no empty entry


def test_empty_form_gives_unknowns(editor: SupplierEditor) -> None:
    editor.set_supplier(Supplier())
    editor.name_en.setText("  Ningbo Homeware ")
    assert editor.supplier() == minimal(name_en="Ningbo Homeware")


def test_buyer_protection_is_yes_no_or_unknown_and_starts_unknown(editor: SupplierEditor) -> None:
    """Issue 13: a tri-state choice, never a checkbox whose untouched state means "no"."""
    editor.set_supplier(Supplier(name_zh="恒达"))
    assert editor.buyer_protection.currentText().startswith("unknown")
    assert editor.supplier().buyer_protection is None
    for value in (True, False, None):
        editor.buyer_protection.set_value(value)
        assert editor.supplier().buyer_protection is value
    assert [editor.buyer_protection.itemText(i) for i in range(3)] == [
        "unknown (not checked yet)",
        "yes: keeps a deposit (买家保障)",
        "no deposit",
    ]
    assert "left out of the credit rating" in editor.buyer_protection.toolTip()


def test_member_since_takes_the_month_and_shows_it(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    assert editor.member_since.text() == "2019-03"
    editor.member_since.setText("2025年12月")
    record = editor.supplier()
    assert (record.member_since, record.member_since_month) == (2025, 12)
    assert record.membership_years(date(2026, 1, 5)) == 0  # "< 1 year", not "1 year"
    editor.member_since.setText("2019-13")
    assert "month must be 1 to 12" in errors_of(editor)["member_since"]


def test_the_membership_table_is_the_tooltip_and_survives_an_error(
    editor: SupplierEditor,
) -> None:
    editor.set_supplier(hengda())
    tip = editor.membership.toolTip()
    assert "about 6,688 CNY a year · business licence · risk medium" in tip
    assert "risk very low" in tip and "3-5+ years is a good sign" in tip
    editor.show_errors({"membership": "wrong"})
    assert editor.membership.toolTip() == "wrong"
    editor.clear_errors()
    assert editor.membership.toolTip() == tip


def test_typed_values_are_read(editor: SupplierEditor) -> None:
    editor.set_supplier(Supplier(name_zh="恒达"))
    editor.reorder_rate.setText("45.5 %")
    editor.quality_score.setText(" 4 ")
    editor.deposit_amount.setText("¥3,000")
    editor.deposit_currency.setCurrentText("HKD")
    editor.tags.setText("工艺品；home decor; ; gifts")
    editor.province.setEditText("guangdong")
    editor.business_type.setCurrentIndex(3)
    editor.membership.setCurrentIndex(1)
    record = editor.supplier()
    assert record.reorder_rate == Decimal("45.5") and record.quality_score == Decimal(4)
    assert record.deposit == Money(Decimal(3000), "HKD")
    assert record.tags == ["工艺品", "home decor", "gifts"]
    assert record.province == "广东"
    assert record.business_type is BusinessType.BOTH
    assert record.membership is Membership.NONE


def test_province_list_stores_chinese_and_keeps_other_text(editor: SupplierEditor) -> None:
    editor.set_supplier(Supplier(name_zh="恒达", province="内蒙古"))
    assert editor.province.currentText() == "内蒙古"
    assert editor.supplier().province == "内蒙古"
    editor.province.setCurrentIndex(editor.province.findData("福建"))
    assert editor.province.currentText() == "福建 Fujian"
    assert editor.supplier().province == "福建"


def test_a_word_in_a_rate_is_refused_and_shown_at_the_field(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.reorder_rate.setText("abc")
    errors = errors_of(editor)
    assert list(errors) == ["reorder_rate"]
    editor.show_errors(errors)
    label = editor.error_labels["reorder_rate"]
    assert label.isVisible() and "'abc' is not a number" in label.text()
    assert label.parentWidget() is editor.reorder_rate.parentWidget()
    assert editor.reorder_rate.hasFocus()
    editor.clear_errors()
    assert not label.isVisible()


@pytest.mark.parametrize(
    ("field", "text", "key", "message"),
    [
        ("member_since", "2027", "member_since", "cannot be in the future"),
        ("member_since", "20x5", "member_since", "not a year"),
        ("shop_url", "hengda 1688", "shop_url", "web address"),
        ("on_time_rate", "101", "on_time_rate", "between 0 and 100"),
        ("service_score", "5.5", "service_score", "between 0 and 5"),
        ("deposit_amount", "3000x", "deposit", "not a number"),
        ("name_zh", " ", "name_zh", "Chinese or an English name"),
    ],
)
def test_wrong_values_are_refused(
    editor: SupplierEditor, field: str, text: str, key: str, message: str
) -> None:
    editor.set_supplier(hengda(name_en=""))
    getattr(editor, field).setText(text)
    errors = errors_of(editor)
    assert list(errors) == [key] and message in errors[key]


def test_this_year_is_accepted(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.member_since.setText(str(TODAY.year))
    assert editor.supplier().member_since == TODAY.year


def test_leaving_a_field_shows_its_error_at_once(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.reorder_rate.setFocus()
    editor.reorder_rate.selectAll()
    qtbot.keyClicks(editor.reorder_rate, "abc")
    qtbot.keyClick(editor.reorder_rate, Qt.Key.Key_Tab)
    label = editor.error_labels["reorder_rate"]
    assert label.isVisible() and "not a number" in label.text()
    assert not editor.error_labels["shop_url"].isVisible()
    editor.reorder_rate.setFocus()
    editor.reorder_rate.selectAll()
    qtbot.keyClicks(editor.reorder_rate, "45")
    qtbot.keyClick(editor.reorder_rate, Qt.Key.Key_Return)
    assert not label.isVisible()


def test_first_bad_field_in_form_order_gets_focus(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.show_errors({"service_score": "x", "shop_url": "y", "contacts[0].email": "z"})
    assert editor.shop_url.hasFocus()
    editor.show_errors({"notes": "too long", "red_flags[0].noted_on": "future"})
    assert editor.red_flags.table.hasFocus()
    assert editor.red_flags.table.currentIndex().column() == 1


def test_adding_a_contact_and_editing_its_email(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.contacts.add_button.click()
    model = editor.contacts.model
    assert model.rowCount() == 2 and editor.is_dirty()
    model.setData(model.index(1, model.column_of("person")), "李强")
    model.setData(model.index(1, model.column_of("email")), "liqiang@hengda.cn")
    assert editor.supplier().contacts == [
        hengda().contacts[0],
        Contact(person="李强", email="liqiang@hengda.cn"),
    ]


def test_an_empty_contact_row_is_not_saved(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.contacts.add_button.click()
    assert editor.supplier().contacts == hengda().contacts


def test_a_bad_email_marks_its_row_and_cell(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    model = editor.contacts.model
    email = model.index(0, model.column_of("email"))
    model.setData(email, "wangli at hengda")
    errors = errors_of(editor)
    assert list(errors) == ["contacts[0].email"]
    editor.show_errors(errors)
    assert model.data(email, ERROR_ROLE) == errors["contacts[0].email"]
    label = editor.contacts.error_label
    assert label.isVisible() and "Row 1, E-mail: Enter an e-mail address" in label.text()
    assert editor.contacts.table.currentIndex() == email


def test_a_bad_certification_date_is_refused(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    model = editor.certifications.model
    model.setData(model.index(1, model.column_of("expires_on")), "2027-02-30")
    errors = errors_of(editor)
    assert list(errors) == ["certifications[1].expires_on"]
    assert "yyyy-mm-dd" in errors["certifications[1].expires_on"]
    # the list's own message appears as soon as the cell is left
    assert "Row 2, Expires" in editor.certifications.error_label.text()


def test_removing_a_certification(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    table = editor.certifications.table
    table.setCurrentIndex(editor.certifications.model.index(0, 1))
    assert editor.certifications.remove_button.isEnabled()
    editor.certifications.remove_button.click()
    assert editor.supplier().certifications == [hengda().certifications[1]]
    assert editor.is_dirty()


def test_a_certification_expiring_soon_is_flagged_in_words(editor: SupplierEditor) -> None:
    expiring = Certification(CertificationKind.CE, "CE-1", "TÜV", TODAY + timedelta(days=30))
    editor.set_supplier(hengda(certifications=[expiring]))
    model = editor.certifications.model
    status = model.index(0, model.column_of("status"))
    assert model.data(status) == "expires in 30 days"
    assert model.data(status, Qt.ItemDataRole.BackgroundRole) == WARNING_BACKGROUND
    assert "Expires on" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    table = editor.certifications.table
    rect = table.visualRect(status)
    assert table.viewport().rect().contains(rect)  # the status column is not scrolled away


def test_editing_sets_dirty_once(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    seen: list[bool] = []
    editor.dirtyChanged.connect(seen.append)
    with qtbot.waitSignal(editor.dirtyChanged, check_params_cb=lambda dirty: dirty):
        qtbot.keyClicks(editor.city, "x")
    editor.buyer_protection.set_value(None)
    editor.notes.setPlainText("changed")
    assert seen == [True] and editor.is_dirty()
    assert editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    with qtbot.waitSignal(editor.dirtyChanged, check_params_cb=lambda dirty: not dirty):
        editor.set_supplier(hengda())
    assert not editor.is_dirty() and not editor.save_button.isEnabled()


def test_set_supplier_clears_errors(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.show_errors({"shop_url": "bad", "contacts[0].email": "bad", "odd_key": "bad"})
    assert editor.general_errors.isVisible()
    assert editor.general_errors.message() == "Odd key: bad"  # a key with no field of its own
    editor.set_supplier(hengda())
    assert not editor.error_labels["shop_url"].isVisible()
    assert not editor.contacts.error_label.isVisible()
    assert not editor.general_errors.isVisible()
    assert editor.contacts.model.data(editor.contacts.model.index(0, 4), ERROR_ROLE) is None


def test_save_button_and_ctrl_s_ask_to_save(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.city.setText("义乌市")
    with qtbot.waitSignal(editor.saveRequested):
        editor.save_button.click()
    editor.city.setFocus()
    with qtbot.waitSignal(editor.saveRequested):
        qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(editor.revertRequested):
        qtbot.keyClick(editor.city, Qt.Key.Key_Escape)


def test_ctrl_s_keeps_a_cell_being_typed(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    table = editor.contacts.table
    model = editor.contacts.model
    wechat = model.index(0, model.column_of("wechat"))
    table.setFocus()
    table.setCurrentIndex(wechat)
    table.edit(wechat)
    cell = table.focusWidget()
    qtbot.keyClick(cell, Qt.Key.Key_End)
    qtbot.keyClicks(cell, "_2")
    with qtbot.waitSignal(editor.saveRequested):
        qtbot.keyClick(cell, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.supplier().contacts[0].wechat == "wangli_hd_2"


def test_escape_in_a_cell_cancels_the_cell_only(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    table = editor.contacts.table
    index = editor.contacts.model.index(0, 0)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    with qtbot.assertNotEmitted(editor.revertRequested):
        qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Escape)
    assert editor.supplier().contacts == hengda().contacts


def test_nothing_to_save_until_edited(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.city.setFocus()
    with qtbot.assertNotEmitted(editor.saveRequested):
        qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_no_supplier_disables_the_form(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.set_supplier(None)
    assert not editor.form.isEnabled()
    assert editor.hint.isVisible() and editor.hint.text() == EMPTY_HINT
    assert editor.name_zh.text() == "" and editor.contacts.model.rowCount() == 0
    assert not editor.save_button.isEnabled() and not editor.is_dirty()
    editor.set_supplier(Supplier())
    assert editor.form.isEnabled() and not editor.hint.isVisible()
    assert editor.status.value() is Status.PROSPECT


def test_labels_have_buddies_and_mnemonics(editor: SupplierEditor) -> None:
    labels = [label for label in editor.form.findChildren(QLabel) if label.buddy() is not None]
    buddies = {label.buddy() for label in labels}
    for key, widget in editor.field_widgets.items():
        if key != "notes":
            assert widget in buddies, key
    assert all("&" in label.text() for label in labels)


def test_tab_order_follows_the_form(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.name_zh.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        editor.name_zh,
        editor.name_en,
        editor.business_type,
        editor.status,
        editor.province,
        editor.city,
        editor.address,
        editor.shop_url,
        editor.membership,
        editor.member_since,
        editor.buyer_protection,
        editor.deposit_amount,
        editor.deposit_currency,
    ]


def test_today_decides_future_red_flags(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    model = editor.red_flags.model
    model.setData(
        model.index(0, model.column_of("noted_on")), (TODAY + timedelta(days=1)).isoformat()
    )
    assert list(errors_of(editor)) == ["red_flags[0].noted_on"]
    editor.red_flags.add_button.click()
    assert editor.red_flags.model.items()[1].noted_on == TODAY


_QUIT_WHILE_TYPING = """
from datetime import date
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.ui.suppliers.detail_editor import SupplierEditor
from tests.factories import hengda
app = QApplication([])
editor = SupplierEditor(lambda: date(2026, 11, 29))
editor.set_supplier(hengda())
editor.show()
editor.activateWindow()
app.processEvents()
editor.reorder_rate.setFocus()
QTest.keyClicks(editor.reorder_rate, "x")
print("typed")
"""


def test_quitting_while_a_field_is_typed_in_prints_no_traceback() -> None:
    """At exit Qt reports the focused field as left while it deletes the form."""
    result = subprocess.run(
        [sys.executable, "-c", _QUIT_WHILE_TYPING],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[3],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.stdout.strip() == "typed"
    assert "Traceback" not in result.stderr and result.returncode == 0


def test_ctrl_s_reaches_the_editor_from_any_field(qtbot, editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    editor.city.setText("义乌市")
    editor.status.setFocus()  # a combo box eats the key press: the shortcut serves it
    with qtbot.waitSignal(editor.saveRequested):
        qtbot.keyClick(editor.status, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    editor.clearFocus()
    editor.save_button.setFocus()
    editor.save_button.clearFocus()  # the focus is outside the fields the key is sent to
    with qtbot.waitSignal(editor.saveRequested):
        qtbot.keyClick(editor.name_en, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(editor.revertRequested):
        qtbot.keyClick(editor.notes, Qt.Key.Key_Escape)


def test_years_of_membership_show_beside_the_join_date(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    assert editor.member_years.text() == "7 years as a member"
    editor.member_since.setText("2025-12")  # on 2026-11-29: eleven months
    assert editor.member_years.text() == "< 1 year as a member"
    editor.member_since.setText("")
    assert editor.member_years.text() == "year or year-month"
