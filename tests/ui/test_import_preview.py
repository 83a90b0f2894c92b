"""The import preview dialog: counts, then the detail list; Enter imports, Esc cancels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services.suppliers.importing import ImportPlan, preview_import
from app.ui.import_preview import ImportPreviewDialog
from tests.conftest import TODAY


@pytest.fixture
def plan(tmp_path: Path) -> ImportPlan:
    source = tmp_path / "list.csv"
    source.write_text(
        "供应商名称,店铺链接\n甲厂,https://jia.1688.com\n乙厂,http://jia.1688.com/\n",
        encoding="utf-8",
    )
    return preview_import(None, source, today=TODAY)


def _shown(qtbot, plan: ImportPlan) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_shows_counts_then_sections(qtbot, plan: ImportPlan) -> None:
    dialog = _shown(qtbot, plan)
    assert dialog.summary.text() == "Import list.csv?\n2 new, 0 updated, 0 unchanged."
    assert dialog.section_texts() == ["Rows that match each other (1)", "New (2)"]
    assert dialog.import_button.isDefault()


@pytest.mark.parametrize(
    ("key", "result"),
    [
        (Qt.Key.Key_Return, QDialog.DialogCode.Accepted),
        (Qt.Key.Key_Escape, QDialog.DialogCode.Rejected),
    ],
)
def test_enter_imports_and_escape_cancels_even_from_the_list(
    qtbot, plan: ImportPlan, key: Qt.Key, result: QDialog.DialogCode
) -> None:
    dialog = _shown(qtbot, plan)
    dialog.details.setFocus()
    dialog.details.setCurrentItem(dialog.details.topLevelItem(1))
    qtbot.keyClick(dialog.details, key)
    assert not dialog.isVisible()
    assert dialog.result() == result


def test_unknown_columns_are_named_and_can_be_kept_in_the_notes(
    qtbot, tmp_path: Path, supplier_service
) -> None:
    """Issue 13: a 采购员 column is said to be ignored; ticking the box keeps it in the notes."""
    from app.services.suppliers.importing import apply_import

    source = tmp_path / "buyers.csv"
    source.write_text("供应商名称,采购员\n甲厂,张三\n", encoding="utf-8")
    plan = preview_import(supplier_service, source)
    dialog = ImportPreviewDialog(
        plan,
        replan=lambda keep: preview_import(supplier_service, source, keep_unknown_columns=keep),
    )
    qtbot.addWidget(dialog)
    assert dialog.summary.text().endswith("Ignored columns: 采购员.")
    assert not dialog.keep_unknown.isHidden() and not dialog.keep_unknown.isChecked()
    dialog.keep_unknown.setChecked(True)
    assert dialog.plan.kept_unknown
    assert dialog.summary.text().endswith("Columns kept in the suppliers' notes: 采购员.")
    apply_import(supplier_service, dialog.plan)
    assert supplier_service.all_records()[0].notes == "采购员: 张三"


def test_without_unknown_columns_there_is_no_box(qtbot, plan: ImportPlan) -> None:
    dialog = ImportPreviewDialog(plan, replan=lambda keep: plan)
    qtbot.addWidget(dialog)
    assert dialog.keep_unknown.isHidden()
