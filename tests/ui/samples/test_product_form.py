"""The product form: a product in and out unchanged (Decimal, criteria ids), numbers refused
with the field named, its own criteria added, renamed and removed, Ctrl+S and Esc."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.samples.sample import Criterion, CriterionKind, Product
from app.ui.samples.product_form import ProductForm, parse_spec
from app.ui.widgets.parsing import ParseError

STAND = Product(
    "Magnetic phone stand",
    "磁吸手机支架",
    "phone accessories",
    Decimal("12.0"),
    Decimal("8.5"),
    Decimal("2.5"),
    Decimal("0.150"),
    "aluminium alloy",
    "space grey",
    "Folds flat.\nHolds a 7-inch tablet at 60°.",
    (
        Criterion("Holds a 7-inch tablet", CriterionKind.PASS_FAIL, id=7),
        Criterion("Hinge after 500 folds", id=8),
    ),
    id=3,
)
OWN_FIRST_ROW = 4  # after the four built-in criteria


@pytest.fixture
def form(qtbot) -> ProductForm:
    editor = ProductForm()
    qtbot.addWidget(editor)
    editor.show_product(STAND)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_a_product_goes_in_and_comes_out_unchanged(form: ProductForm) -> None:
    assert form.product() == STAND
    assert form.spec_edits["weight_kg"].text() == "0.150"  # as entered, places kept
    assert isinstance(form.product().length_cm, Decimal)
    assert not form.is_dirty()
    assert not form.save_button.isEnabled()


def test_a_new_product_starts_empty(qtbot) -> None:
    form = ProductForm()
    qtbot.addWidget(form)
    assert form.product() == Product()
    assert form.criteria.rowCount() == OWN_FIRST_ROW  # the built-ins, shown read-only
    assert not form.criteria.item(0, 0).isEditable()


def test_a_bad_number_is_refused_naming_the_field(qtbot, form: ProductForm) -> None:
    form.spec_edits["length_cm"].setText("12,5x")
    with pytest.raises(ValueError, match=r"Target length \(cm\): '12,5x' is not a number"):
        form.product()
    form.spec_edits["length_cm"].setFocus()
    with qtbot.assertNotEmitted(form.save_requested):
        qtbot.keyClick(
            form.spec_edits["length_cm"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    message = form.field_errors["length_cm"]
    assert message.isVisible() and "Target length (cm)" in message.text()
    assert not form.field_errors["weight_kg"].isVisible()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", None),
        ("12.5", Decimal("12.5")),
        (" 12.5 cm ", Decimal("12.5")),
        ("1,200", Decimal(1200)),
    ],
)
def test_spec_numbers_are_read_as_decimal(typed: str, expected: Decimal | None) -> None:
    assert parse_spec(typed, "Target length", "cm") == expected


@pytest.mark.parametrize("typed", ["12,5", "12，5", "abc", "12.5 kg", "1e999999999"])
def test_a_decimal_comma_or_junk_is_refused_not_guessed(typed: str) -> None:
    with pytest.raises(ParseError, match="Target length"):
        parse_spec(typed, "Target length", "cm")


def test_ctrl_s_asks_to_save_the_product_as_typed(qtbot, form: ProductForm) -> None:
    form.text_edits["category"].setText("  stands ")
    form.spec_edits["weight_kg"].setText("0.16")
    assert form.is_dirty() and form.save_button.isEnabled()
    with qtbot.waitSignal(form.save_requested) as asked:
        qtbot.keyClick(
            form.text_edits["category"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    saved = asked.args[0]
    assert saved.category == "stands" and saved.weight_kg == Decimal("0.16")
    assert saved.id == 3 and saved.criteria == STAND.criteria


def test_the_product_rules_are_checked_before_asking(qtbot, form: ProductForm) -> None:
    form.text_edits["name"].clear()
    form.text_edits["name_zh"].clear()
    form.spec_edits["width_cm"].setText("0")
    with qtbot.assertNotEmitted(form.save_requested):
        form.save_button.click()
    assert "English or a Chinese name" in form.field_errors["name"].text()
    assert "above 0" in form.field_errors["width_cm"].text()


def test_escape_reverts_to_the_product_shown(qtbot, form: ProductForm) -> None:
    form.text_edits["name"].setText("Something else")
    form.spec_edits["height_cm"].setText("9")
    with qtbot.waitSignal(form.revert_requested):
        qtbot.keyClick(form.text_edits["name"], Qt.Key.Key_Escape)
    assert form.text_edits["name"].text() == "Magnetic phone stand"
    assert form.product() == STAND and not form.is_dirty()


def test_dirty_changes_are_signalled_once_each_way(qtbot, form: ProductForm) -> None:
    with qtbot.waitSignal(form.dirty_changed) as changed:
        form.text_edits["colour"].setText("black")
    assert changed.args == [True]
    with qtbot.waitSignal(form.dirty_changed) as changed:
        form.text_edits["colour"].setText("space grey")  # typed back: nothing to save
    assert changed.args == [False]


# --- the product's own criteria ------------------------------------------------------------
def test_a_criterion_is_added_with_its_kind(form: ProductForm) -> None:
    form.new_criterion.setText("No sharp edges")
    form.new_kind.setCurrentIndex(form.new_kind.findData(CriterionKind.PASS_FAIL.value))
    form.add_button.click()
    assert form.product().criteria[-1] == Criterion("No sharp edges", CriterionKind.PASS_FAIL)
    assert form.new_criterion.text() == ""
    assert form.is_dirty()
    assert form.criteria.item(form.criteria.rowCount() - 1, 1).text() == "Pass / fail"


@pytest.mark.parametrize(
    ("name", "says"),
    [("", "Name the criterion"), ("function", "built-in"), ("hinge AFTER 500 folds", "twice")],
)
def test_a_criterion_name_already_taken_or_empty_is_refused(form: ProductForm, name, says) -> None:
    form.new_criterion.setText(name)
    form.add_button.click()
    assert len(form.product().criteria) == 2
    assert form.field_errors["criteria"].isVisible()
    assert says in form.field_errors["criteria"].text()


def test_renaming_a_criterion_keeps_its_id(qtbot, form: ProductForm) -> None:
    form.criteria_view.setCurrentIndex(form.criteria.index(OWN_FIRST_ROW + 1, 0))
    form.rename_button.click()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Hinge after 1,000 folds")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on its next turn of the event loop.
    qtbot.waitUntil(lambda: form.product().criteria[1].name == "Hinge after 1,000 folds")
    assert form.product().criteria[1] == Criterion("Hinge after 1,000 folds", id=8)
    assert form.is_dirty()


def test_escape_in_a_criterion_being_renamed_cancels_only_the_rename(qtbot, form) -> None:
    form.criteria_view.setCurrentIndex(form.criteria.index(OWN_FIRST_ROW, 0))
    form.rename_button.click()
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, " (new)")
    with qtbot.assertNotEmitted(form.revert_requested):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert form.product() == STAND


def test_ctrl_s_keeps_a_rename_still_being_typed(qtbot, form: ProductForm) -> None:
    form.criteria_view.setCurrentIndex(form.criteria.index(OWN_FIRST_ROW, 0))
    form.rename_button.click()
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Holds a 10-inch tablet")
    with qtbot.waitSignal(form.save_requested) as asked:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked.args[0].criteria[0] == Criterion(
        "Holds a 10-inch tablet", CriterionKind.PASS_FAIL, id=7
    )


def test_removing_a_criterion_says_its_scores_go_with_it(form: ProductForm) -> None:
    form.criteria_view.setCurrentIndex(form.criteria.index(OWN_FIRST_ROW, 0))
    assert form.remove_button.isEnabled()
    form.remove_button.click()
    assert form.product().criteria == (Criterion("Hinge after 500 folds", id=8),)
    assert "scores will be deleted when you save" in form.criteria_hint.text()


def test_built_in_criteria_cannot_be_renamed_or_removed(form: ProductForm) -> None:
    form.criteria_view.setCurrentIndex(form.criteria.index(0, 0))
    assert not form.rename_button.isEnabled()
    assert not form.remove_button.isEnabled()
    form.remove_criterion()
    assert form.criteria.rowCount() == OWN_FIRST_ROW + 2


def test_errors_go_beside_their_fields_and_clear(form: ProductForm) -> None:
    form.show_errors(
        {
            "name": "Keep this under 300 characters.",
            "criteria[1]": "'Hinge after 500 folds' is listed twice.",
            "id": "Product 3 no longer exists.",
        }
    )
    assert form.field_errors["name"].text() == "⚠ Keep this under 300 characters."
    assert form.field_errors["criteria"].text().startswith("⚠ Hinge after 500 folds: ")
    assert form.general_errors.text() == "⚠ Product 3 no longer exists."
    form.show_errors({})
    assert not form.field_errors["name"].isVisible()
    assert not form.general_errors.isVisible()
