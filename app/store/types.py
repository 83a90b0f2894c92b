"""Column types that keep domain values exact on SQLite: Decimal as text, enums as codes, UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    """SQLite's NUMERIC is a float (1,000 × 0.10 sums to 99.99999...); text keeps it exact."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, float):
            # Decimal(0.1) is 0.1000000000000000055511151231257827...: refuse, never guess.
            raise TypeError(f"{value!r} is a float; pass a Decimal or an int")
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return str(number)

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class ChoiceCode(TypeDecorator[StrEnum]):
    """A StrEnum stored as its code, so renaming a Python member never rewrites data."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum]) -> None:
        super().__init__()
        self.enum_type = enum_type
        # A dict lookup, not enum_type(code): reading 100,000 suppliers calls this 600,000 times.
        self._members = {member.value: member for member in enum_type}

    def process_bind_param(self, value: StrEnum | str | None, dialect: Any) -> str | None:
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value: str | None, dialect: Any) -> StrEnum | None:
        if value is None:
            return None
        member = self._members.get(value)
        return member if member is not None else self.enum_type(value)  # unknown: ValueError


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps are stored as ISO-8601 text in UTC and come back timezone-aware."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def utc_now() -> datetime:
    return datetime.now(UTC)
