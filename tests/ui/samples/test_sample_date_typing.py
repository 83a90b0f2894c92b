"""A mistyped sample date is shown under its field and no sample is stored."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from app.ui.samples.tab import SamplesTab
from tests.db_rows import query
from tests.ui.date_typing import not_a_date, retype_date
from tests.ui.samples.test_tab import tab, workbench  # noqa: F401


@pytest.mark.parametrize(
    ("name", "typed"), [("shipped_on", "2026-02-30"), ("received_on", "2026-11-0")]
)
def test_a_mistyped_date_is_shown_under_its_field_and_nothing_is_stored(
    tab: SamplesTab,  # noqa: F811
    monkeypatch,
    name: str,
    typed: str,
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mug", True))
    tab.new_product()
    tab.new_sample()
    form = tab.sample_form
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(2))
    retype_date(form.date_edits[name], typed)
    form.save_button.click()
    assert form.errors_shown() == {name: not_a_date(typed)}
    assert query(tab.workbench.path, "SELECT count(*) FROM samples") == [(0,)]
