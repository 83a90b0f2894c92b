"""A mistyped validity date of a quote is shown beside its field and nothing is saved."""

from __future__ import annotations

from app.ui.negotiation.tab import NegotiationTab
from tests.db_rows import query
from tests.ui.date_typing import not_a_date, retype_date
from tests.ui.negotiation.test_tab import tab  # noqa: F401

QUOTES = "SELECT id, moq, valid_from, valid_until FROM quotes ORDER BY id"


def test_a_mistyped_validity_date_is_shown_beside_it_and_nothing_is_saved(
    tab: NegotiationTab,  # noqa: F811
) -> None:
    path = tab.workbench.path
    before = query(path, QUOTES)
    tab.comparison.table.selectRow(0)
    form = tab.quote_form
    form.counts["moq"].setText("300")
    retype_date(form.valid_until, "2026-13-01")
    form.save_button.click()
    assert form.errors["valid_until"].text() == f"⚠ {not_a_date('2026-13-01')}"
    assert form.errors["valid_from"].text() == ""
    assert query(path, QUOTES) == before
