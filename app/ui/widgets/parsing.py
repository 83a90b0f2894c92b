"""Text typed into the supplier editor read as values, and values written back as text."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.kit.money import parse_decimal, reading_of

DATE_FORMAT_HINT = "yyyy-mm-dd"
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_YEAR = re.compile(r"^\d{4}$")
_TAG_SEPARATORS = re.compile(r"[;；]")


class ParseError(ValueError):
    """Text that is not the kind of value the field holds; the message says what to type."""


def format_decimal(value: Decimal | None) -> str:
    """45.50 -> '45.5', 92 -> '92'; None -> '' (unknown)."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_amount(value: Decimal) -> str:
    """Money amounts keep their places and group thousands: 3000.00 -> '3,000.00'."""
    return f"{value:,f}"


def parse_optional_decimal(text: str, what: str) -> Decimal | None:
    """'' -> None; '45.5', '45.5 %', '3,000' -> Decimal; anything else -> ParseError."""
    if not text.strip():
        return None
    try:
        return parse_decimal(text)
    except ValueError:
        message = QCoreApplication.translate("parsing", "'{text}' is not a number: {what}.")
        raise ParseError(message.format(text=text.strip(), what=what)) from None


def parse_amount(text: str, what: str) -> tuple[Decimal | None, str]:
    """'' -> (None, ''); '10万' -> (100000, '= 100,000'): the value and what was understood,
    for a hint beside the field; anything else -> ParseError."""
    value = parse_optional_decimal(text, what)
    return value, "" if value is None else reading_of(text, value)


def parse_count(text: str, what: str) -> int | None:
    """'' -> None; '1,000', '500件', '500 pcs' -> 500-style whole numbers; else ParseError."""
    stripped = text.strip().replace(",", "").replace("，", "")
    for unit in ("pcs", "pieces", "件", "个", "套", "只", "条", "双"):
        stripped = stripped.removesuffix(unit).strip()
    if not stripped:
        return None
    if not stripped.isdigit():
        message = QCoreApplication.translate("parsing", "'{text}' is not a whole number: {what}.")
        raise ParseError(message.format(text=text.strip(), what=what))
    return int(stripped)


def parse_year(text: str) -> int | None:
    stripped = text.strip()
    if not stripped:
        return None
    if not _YEAR.match(stripped):
        message = QCoreApplication.translate(
            "parsing", "'{text}' is not a year: enter four digits, e.g. 2019."
        )
        raise ParseError(message.format(text=stripped))
    return int(stripped)


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def parse_date(text: str) -> date | None:
    """'' -> None; '2027-01-10', '2027/1/10', '2027年1月10日' -> date; else ParseError."""
    stripped = text.strip()
    if not stripped:
        return None
    found = _DATE.match(stripped)
    if found:
        try:
            return date(*(int(part) for part in found.groups()))
        except ValueError:
            pass
    message = QCoreApplication.translate(
        "parsing", "'{text}' is not a date: enter it as {format}, e.g. 2027-01-31."
    )
    raise ParseError(message.format(text=stripped, format=DATE_FORMAT_HINT))


def parse_tags(text: str) -> list[str]:
    """'工艺品; home decor' -> ['工艺品', 'home decor']; Chinese '；' separates too."""
    return [tag.strip() for tag in _TAG_SEPARATORS.split(text) if tag.strip()]


def format_tags(tags: list[str]) -> str:
    return "; ".join(tags)
