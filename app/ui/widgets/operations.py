"""One way to run an operation from the window (after Anki's CollectionOp).

`Operations.run` runs a service call once the file is known intact, turns a refusal into text
(with the field messages for a form, never a traceback), and broadcasts every Change the call
returned on `changed`. Every tab listens to the one Operations of its window, so a supplier
added on the Suppliers tab reaches the Samples tab's picker and the matrix at once, and each
tab refreshes only what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from app.errors import ValidationError, WorkbenchError
from app.services.changes import Change


class _Guarded(Protocol):
    def require_intact(self) -> None: ...


class _FieldForm(Protocol):
    def show_errors(self, errors: dict[str, str]) -> None: ...


@dataclass(frozen=True)
class Refusal:
    text: str  # one line for a status or message label
    field_errors: dict[str, str] = field(default_factory=dict)  # for messages beside fields


@dataclass(frozen=True)
class Outcome:
    result: Any = None
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None


def attempt(workbench: _Guarded, operation: Callable[[], Any]) -> Outcome:
    """Run `operation` once the file is known intact; a refusal instead of an exception."""
    try:
        workbench.require_intact()
        return Outcome(operation())
    except ValidationError as error:
        return Outcome(refusal=Refusal("; ".join(error.field_errors.values()), error.field_errors))
    except WorkbenchError as error:
        return Outcome(refusal=Refusal(str(error)))


def changes_in(result: object) -> list[Change]:
    """The Changes an operation returned: itself, or those inside a tuple or list."""
    if isinstance(result, Change):
        return [result]
    if isinstance(result, tuple | list):
        return [item for item in result if isinstance(item, Change)]
    return []


class Operations(QObject):
    """The window's operation runner and change bus.

    `changed(Change)` reaches every tab; `refused(str)` and `message(str)` go to the status bar.
    """

    changed = Signal(object)
    refused = Signal(str)

    def __init__(self, workbench: _Guarded, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench

    def run(self, operation: Callable[[], Any], *, form: _FieldForm | None = None) -> Outcome:
        """Run one write; on success broadcast what it changed, on refusal say why.

        `form` (with `show_errors`) gets the field messages, or none after a success.
        """
        outcome = attempt(self.workbench, operation)
        if form is not None:
            form.show_errors({} if outcome.refusal is None else outcome.refusal.field_errors)
        if outcome.refusal is not None:
            self.refused.emit(outcome.refusal.text)
            return outcome
        self.announce(changes_in(outcome.result))
        return outcome

    def announce(self, changes: Iterable[Change]) -> None:
        """Hand changes made outside `run` (an import behind a progress dialog) to every tab."""
        for change in changes:
            self.changed.emit(change)
