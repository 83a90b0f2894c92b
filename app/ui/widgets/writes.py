"""One way to run a write from a window: never into a damaged file, and a refusal comes back
as text to show (with the field messages for a form), never as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import ValidationError, WorkbenchError


class _Guarded(Protocol):
    def require_intact(self) -> None: ...


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
