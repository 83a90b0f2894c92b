"""Errors a user can cause, each with a message they can act on (shown without a traceback)."""

from __future__ import annotations


class WorkbenchError(Exception):
    """A problem the user can fix; `str(error)` is the whole message to show."""


class DatabaseError(WorkbenchError):
    """The database file cannot be used as it is (not ours, corrupt, locked, read-only...)."""


class NotAWorkbenchDatabase(DatabaseError):
    pass


class DatabaseLocked(DatabaseError):
    pass


class DatabaseReadOnly(DatabaseError):
    pass


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseCorrupt(DatabaseError):
    pass


class ValidationError(WorkbenchError):
    """Input that breaks a rule; `field_errors` maps a field name to what is wrong with it."""

    def __init__(self, field_errors: dict[str, str]) -> None:
        self.field_errors = dict(field_errors)
        lines = [f"{field}: {message}" for field, message in self.field_errors.items()]
        super().__init__("; ".join(lines) or "invalid input")


class NotFound(WorkbenchError):
    pass


class ImportRejected(WorkbenchError):
    """An import that changed nothing, with every bad row listed."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        text = "Nothing was imported. Fix these rows and try again:\n" + "\n".join(shown)
        if more > 0:
            text += f"\n... and {more} more"
        super().__init__(text)


class ExportFailed(WorkbenchError):
    pass


class Cancelled(WorkbenchError):
    """The user stopped a long operation; nothing was written."""


class PhotoRejected(WorkbenchError):
    """One file of a photo import was refused (not an image, damaged, too large...); the
    other files of the same import go on, and nothing of this one is left in the store."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path} was not imported: {reason}.")


class PhotoStoreError(WorkbenchError):
    """The photo folder beside the database cannot be used (read-only, full, a damaged file)."""


class UnreadableRecord(DatabaseError):
    """A stored value the app cannot read (a damaged or hand-edited file): `check` names it."""


# What a stored value the app cannot read raises while rows are read back (ValueError from a
# date or number parse, TypeError from text where a number belongs...).
READ_ERRORS = (ValueError, TypeError, ArithmeticError, KeyError, AttributeError)


def unreadable_record(error: Exception, path: object) -> UnreadableRecord:
    """One line for a value the app cannot read, pointing to the check that names the record."""
    return UnreadableRecord(
        f"A value stored in {path} cannot be read ({type(error).__name__}: {error}). "
        f"'workbench check --db {path}' names the record; nothing was written."
    )
