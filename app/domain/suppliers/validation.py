"""Rules a supplier record must meet before it is stored, each broken rule named by its field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from app.domain.suppliers.choices import CertificationKind
from app.domain.suppliers.credit_code import licence_number_problem
from app.domain.suppliers.supplier import Certification, RedFlag, Supplier

RATE_MIN, RATE_MAX = Decimal(0), Decimal(100)  # 1688 rates are percentages
SCORE_MIN, SCORE_MAX = Decimal(0), Decimal(5)  # 1688 shows quality/service scores out of 5
FIRST_MEMBERSHIP_YEAR = 2002  # 诚信通 started in 2002; an earlier year is a typo
MAX_TEXT = 2000
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# A host name as typed without its scheme: labels of letters, digits and hyphens, dot-separated,
# ending in a top-level domain of letters ("shop123.1688.com", "www.example.cn").
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.IGNORECASE)
_IME_DOTS = str.maketrans({"。": ".", "．": "."})
_HOST_AND_REST = re.compile(r"^(?P<host>[^/?#\s]+)(?P<rest>(?:[/?#]\S*)?)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+0-9 ()\-./]{5,}$")


def validate_supplier(supplier: Supplier, today: date) -> dict[str, str]:
    """Return {field: message} for every broken rule; empty when the record is fine."""
    errors: dict[str, str] = {}
    if not supplier.name_zh.strip() and not supplier.name_en.strip():
        errors["name_zh"] = "Enter a Chinese or an English name."
    for name in ("name_zh", "name_en", "city", "province", "address"):
        if len(getattr(supplier, name)) > 300:
            errors[name] = "Keep this under 300 characters."
    if len(supplier.notes) > 20 * MAX_TEXT:
        errors["notes"] = "Notes are too long (over 40,000 characters)."
    if full_shop_url(supplier.shop_url) is None:
        errors["shop_url"] = (
            "Enter the shop's web address, e.g. shop123.1688.com or https://shop123.1688.com."
        )
    since = _member_since_problem(supplier, today)
    if since:
        errors["member_since"] = since
    for name in ("reorder_rate", "on_time_rate", "response_rate"):
        value = getattr(supplier, name)
        if value is not None and not RATE_MIN <= value <= RATE_MAX:
            errors[name] = "A rate must be between 0 and 100 %."
    for name in ("quality_score", "service_score"):
        value = getattr(supplier, name)
        if value is not None and not SCORE_MIN <= value <= SCORE_MAX:
            errors[name] = "A score must be between 0 and 5."
    if supplier.deposit is not None and supplier.deposit.amount < 0:
        errors["deposit"] = "A deposit cannot be negative."
    for tag in supplier.tags:
        if len(tag) > 60:
            errors["tags"] = "Keep each tag under 60 characters."
    for index, contact in enumerate(supplier.contacts):
        prefix = f"contacts[{index}]"
        if contact.email and not _EMAIL.match(contact.email.strip()):
            errors[f"{prefix}.email"] = "Enter an e-mail address like name@example.com."
        if contact.phone and not _PHONE.match(contact.phone.strip()):
            errors[f"{prefix}.phone"] = "A phone number holds digits, spaces, + ( ) - only."
    for index, certification in enumerate(supplier.certifications):
        problem = code_problem(certification)
        if problem:
            errors[f"certifications[{index}].number"] = problem
    for index, flag in enumerate(supplier.red_flags):
        errors.update(
            {f"red_flags[{index}].{key}": text for key, text in _flag_problems(flag, today).items()}
        )
    return errors


def full_shop_url(text: str) -> str | None:
    """The web address a typed shop URL means, as it is stored: 'shop123.1688.com' and
    'www.abc.1688.com/page' (copied without their scheme) gain 'https://', and a '。' that a
    Chinese input method typed for a dot is read as one; an address with http:// or https://
    stays as typed; '' stays ''. None when the text is no web address."""
    stripped = text.strip()
    if not stripped:
        return ""
    if _SCHEME.match(stripped):
        return stripped if _URL.match(stripped) else None
    found = _HOST_AND_REST.match(stripped.removeprefix("//"))
    if found is None:
        return None
    host = found["host"].translate(_IME_DOTS)
    return f"https://{host}{found['rest']}" if _HOST.match(host) else None


def _member_since_problem(supplier: Supplier, today: date) -> str | None:
    year, month = supplier.member_since, supplier.member_since_month
    if year is None:
        return "Give the year the supplier joined, not only the month." if month else None
    if month is not None and not 1 <= month <= 12:
        return f"The month must be 1 to 12, not {month}."
    if year > today.year:
        return f"The year cannot be in the future (after {today.year})."
    if month is not None and (year, month) > (today.year, today.month):
        return f"The month cannot be in the future (after {today.year}-{today.month:02d})."
    if year < FIRST_MEMBERSHIP_YEAR:
        return f"1688 membership began in {FIRST_MEMBERSHIP_YEAR}."
    return None


def code_problem(certification: Certification) -> str | None:
    """The business licence's number is where the unified social credit code is typed (the
    record has no field of its own for it): it must be a valid code, or an old 15-digit
    registration number. The merged tax registration and organisation code certificates keep
    whatever older number they carry (an individual's tax number was an 18-digit ID number)."""
    if certification.kind is CertificationKind.BUSINESS_LICENCE:
        return licence_number_problem(certification.number)
    return None


def _flag_problems(flag: RedFlag, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if flag.noted_on is not None and flag.noted_on > today:
        problems["noted_on"] = "A red flag cannot be dated in the future."
    if flag.resolved_on is not None:
        if flag.resolved_on > today:
            problems["resolved_on"] = "A red flag cannot be resolved in the future."
        elif flag.noted_on is not None and flag.resolved_on < flag.noted_on:
            problems["resolved_on"] = "A red flag cannot be resolved before it was noted."
        if not flag.resolution.strip():
            problems["resolution"] = "Say how it was resolved (e.g. licence checked at the visit)."
    elif flag.resolution.strip():
        problems["resolved_on"] = "Give the date it was resolved, or clear the resolution."
    return problems
