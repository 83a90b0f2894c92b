"""Writes from a window: a refusal comes back as text (and field messages), never raised."""

from __future__ import annotations

import pytest

from app.errors import DatabaseError, ValidationError
from app.ui.widgets.operations import attempt


class _Intact:
    def __init__(self, damage: Exception | None = None) -> None:
        self.damage = damage

    def require_intact(self) -> None:
        if self.damage is not None:
            raise self.damage


def test_a_write_returns_its_result() -> None:
    outcome = attempt(_Intact(), lambda: 42)
    assert outcome.ok and outcome.result == 42


def test_a_validation_error_gives_its_field_messages() -> None:
    def refuse() -> None:
        raise ValidationError({"price": "Too many decimals.", "supplier_id": "Choose one."})

    outcome = attempt(_Intact(), refuse)
    assert not outcome.ok and outcome.result is None
    assert outcome.refusal.text == "Too many decimals.; Choose one."
    assert outcome.refusal.field_errors["price"] == "Too many decimals."


def test_a_damaged_file_is_never_written() -> None:
    written: list[int] = []
    outcome = attempt(_Intact(DatabaseError("x.sqlite3 is damaged.")), lambda: written.append(1))
    assert outcome.refusal.text == "x.sqlite3 is damaged." and written == []


def test_other_errors_are_not_swallowed() -> None:
    with pytest.raises(ZeroDivisionError):
        attempt(_Intact(), lambda: 1 / 0)
