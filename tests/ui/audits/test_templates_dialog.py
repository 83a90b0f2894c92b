"""Checklist templates as a user edits them: copy the built-in one, add, move, remove items,
save; a bad edit is refused and nothing is stored; old audits keep their copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.domain.audits.checklist import AnswerKind
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.audits.template_model import KIND_COLUMN, UNIT_COLUMN
from app.ui.audits.templates_dialog import TemplatesDialog
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many([hengda()])
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, workbench: Workbench, monkeypatch) -> TemplatesDialog:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("灯饰 lighting audit", True))
    widget = TemplatesDialog(workbench)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_built_in_template_is_read_only(dialog: TemplatesDialog) -> None:
    assert dialog.template is not None and dialog.template.read_only
    assert not dialog.save_button.isEnabled() and dialog.read_only_note.isVisibleTo(dialog)
    assert not dialog.items.setData(dialog.items.index(0, 2), "changed")


def test_copy_edit_and_save_a_template(dialog: TemplatesDialog, workbench: Workbench) -> None:
    default_items = len(workbench.audits.template(None).items())
    dialog.copy_selected()
    assert dialog.template.name == "灯饰 lighting audit" and not dialog.template.read_only
    items = dialog.items
    dialog.items_view.setCurrentIndex(items.index(0, 2))
    dialog._add()  # a new item after the first, in the same section
    assert items.setData(items.index(1, 2), "Ageing test of LED drivers seen")
    assert items.setData(items.index(1, 3), "已见LED驱动老化测试")
    assert items.setData(items.index(1, KIND_COLUMN), "number")
    assert items.setData(items.index(1, UNIT_COLUMN), "hours")
    dialog.items_view.setCurrentIndex(items.index(1, 2))
    dialog._move(-1)  # now the first item
    last = items.rowCount() - 1
    dialog.items_view.setCurrentIndex(items.index(last, 2))
    dialog._remove()
    dialog.category_edit.setText("灯饰")
    assert dialog.save(), dialog.message.text()
    saved = workbench.audits.template(dialog.template.id)
    first = saved.sections[0].items[0]
    assert (first.text_en, first.text_zh, first.kind, first.unit) == (
        "Ageing test of LED drivers seen",
        "已见LED驱动老化测试",
        AnswerKind.NUMBER,
        "hours",
    )
    assert len(saved.items()) == default_items  # one added, one removed
    assert saved.category == "灯饰"
    assert query(workbench.path, "SELECT count(*) FROM checklist_templates") == [(1,)]


def test_an_item_without_chinese_is_refused_and_nothing_is_stored(
    dialog: TemplatesDialog, workbench: Workbench
) -> None:
    dialog.copy_selected()
    before = workbench.audits.template(dialog.template.id)
    items = dialog.items
    assert items.setData(items.index(0, 3), "")
    assert not dialog.save()
    assert "Chinese" in dialog.message.text()
    assert workbench.audits.template(dialog.template.id) == before


def test_old_audits_keep_their_copy_of_the_template(
    dialog: TemplatesDialog, workbench: Workbench
) -> None:
    dialog.copy_selected()
    template_id = dialog.template.id
    audit = workbench.audits.start_audit(1, template_id)
    items = dialog.items
    assert items.setData(items.index(0, 2), "Rewritten first item")
    assert dialog.save()
    assert workbench.audits.audit(audit.id).template.items()[0].text_en != "Rewritten first item"
    check = Qt.CheckState.Checked.value
    assert dialog.items.setData(items.index(0, 6), check, Qt.ItemDataRole.CheckStateRole)
