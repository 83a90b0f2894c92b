"""The Suppliers tab, the audits, the import preview and the restore dialog in 简体中文 (issue 15):
with the catalogue built from their sources installed, everything a person reads on them is
Chinese, except names, numbers and codes."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.suppliers.choices import Membership, Status
from app.services.suppliers.importing import preview_import
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.audits.answers_model import ANSWER
from app.ui.audits.audits_dialog import AuditsDialog
from app.ui.audits.templates_dialog import TemplatesDialog
from app.ui.backups import RestoreDialog
from app.ui.import_preview import ImportPreviewDialog
from app.ui.settings import Settings
from app.ui.suppliers.tab import SuppliersTab
from app.ui.suppliers.table_model import COLUMN_FIELDS
from tests.conftest import TODAY
from tests.factories import hengda
from tests.ui.i18n_walk import chinese, untranslated

PART = [
    "app/ui/suppliers",
    "app/ui/audits",
    "app/ui/import_preview.py",
    "app/ui/backups.py",
    "app/ui/widgets/saved_views.py",  # the Views button every table shares
]
CURRENCIES = {"CNY", "USD", "EUR", "GBP", "HKD"}
NAMES = {"Yiwu Hengda Crafts Factory", "Factory audit (default)", "SGS", "TÜV"}  # data, names
# The audit date's calendar names the months by the locale (QLocale), not by the catalogue.
MONTHS = set(calendar.month_name[1:])


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many([hengda()])
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


def test_the_suppliers_tab_reads_in_chinese(
    qtbot, in_chinese: None, workbench: Workbench, tmp_path: Path
) -> None:
    tab = SuppliersTab(workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(tab)
    tab.load_first_screen()
    tab.table.selectRow(0)  # the editor shows the supplier: its labels, lists and buttons
    assert tab.editor.form.isEnabled()
    assert untranslated(tab, allowed=CURRENCIES | NAMES) == []
    assert tab.filter_bar.count_label.text() == "1 家供应商"
    assert tab.new_action.text() == "新建供应商(&N)"
    assert tab.editor.member_years.text() == "入驻 7 年"
    model = tab.model
    row = {field: model.index(0, n).data() for n, field in enumerate(COLUMN_FIELDS)}
    assert row["status"] == Status.SAMPLING.label_zh  # the domain's own Chinese labels
    assert row["membership"] == Membership.STRONG.label_zh
    assert model.headerData(0, Qt.Orientation.Horizontal) == "中文名称"


def test_the_audits_and_their_templates_read_in_chinese(
    qtbot, in_chinese: None, workbench: Workbench
) -> None:
    supplier_id = workbench.suppliers.all_records()[0].id
    assert supplier_id is not None
    dialog = AuditsDialog(workbench, supplier_id)
    qtbot.addWidget(dialog)
    assert "还没有验厂记录" in dialog.message.text()
    dialog.new_audit()
    view, answers = dialog.form.answers_view, dialog.form.answers
    first = next(
        r for r in range(answers.rowCount()) if answers.item(r).key.startswith("documents.")
    )
    view.setCurrentIndex(answers.index(first, ANSWER))
    QTest.keyClick(view, Qt.Key.Key_P)
    assert answers.index(first, ANSWER).data() == "✔ 合格"
    assert "合格 1" in dialog.form.score_label.text()
    assert untranslated(dialog, allowed=NAMES | MONTHS) == []
    assert dialog.windowTitle().startswith("验厂记录 — ")

    templates = TemplatesDialog(workbench, dialog)
    qtbot.addWidget(templates)
    assert untranslated(templates, allowed=NAMES) == []
    assert templates.items.index(0, 4).data() == "合格/不合格"


def test_the_import_preview_and_the_restore_dialog_read_in_chinese(
    qtbot, in_chinese: None, tmp_path: Path
) -> None:
    source = tmp_path / "list.csv"
    source.write_text(
        "供应商名称,店铺链接\n甲厂,https://jia.1688.com\n乙厂,http://jia.1688.com/\n",
        encoding="utf-8",
    )
    preview = ImportPreviewDialog(preview_import(None, source, today=TODAY))
    qtbot.addWidget(preview)
    assert untranslated(preview) == []
    assert preview.summary.text() == "导入 list.csv？\n新增 2 家，更新 0 家，不变 0 家。"
    assert preview.section_texts() == ["彼此重复的行 (1)", "新增 (2)"]

    restore = RestoreDialog(tmp_path / "workbench.db", [], preview)
    qtbot.addWidget(restore)
    assert untranslated(restore) == []
    assert restore.windowTitle() == "从备份恢复"
