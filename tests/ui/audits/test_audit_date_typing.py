"""A mistyped audit date is refused with its message and nothing is saved: Qt would have kept
"2026-02-30" as 2026-02-03, which looks like a whole date."""

from __future__ import annotations

import pytest

from app.ui.audits.audits_dialog import AuditsDialog
from tests.conftest import TODAY
from tests.ui.audits.test_compact_checklist import _stored, dialog  # noqa: F401
from tests.ui.date_typing import not_a_date, retype_date


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "2026-11-"])
def test_a_mistyped_audit_date_is_refused_and_nothing_is_saved(
    dialog: AuditsDialog,  # noqa: F811
    typed: str,
) -> None:
    dialog.form.name_edit.setText("王工")
    retype_date(dialog.form.date_edit, typed)
    assert dialog.form.date_edit.text() == typed
    assert not dialog.save()
    assert not_a_date(typed) in dialog.message.text()
    assert _stored(dialog, "audited_on, auditor_name") == [(TODAY.isoformat(), "")]
    assert dialog.form.is_dirty()  # still there to correct
