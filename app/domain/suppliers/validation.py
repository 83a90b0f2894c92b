"""Rules a supplier record must meet before it is stored, each broken rule named by its field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from app.domain.suppliers.supplier import Supplier

RATE_MIN, RATE_MAX = Decimal(0), Decimal(100)  # 1688 rates are percentages
SCORE_MIN, SCORE_MAX = Decimal(0), Decimal(5)  # 1688 shows quality/service scores out of 5
FIRST_MEMBERSHIP_YEAR = 2002  # 诚信通 started in 2002; an earlier year is a typo
MAX_TEXT = 2000
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
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
    if supplier.shop_url and not _URL.match(supplier.shop_url.strip()):
        errors["shop_url"] = "Enter a web address starting with http:// or https://."
    if supplier.member_since is not None:
        if supplier.member_since > today.year:
            errors["member_since"] = f"The year cannot be in the future (after {today.year})."
        elif supplier.member_since < FIRST_MEMBERSHIP_YEAR:
            errors["member_since"] = f"1688 membership began in {FIRST_MEMBERSHIP_YEAR}."
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
    for index, flag in enumerate(supplier.red_flags):
        if flag.noted_on is not None and flag.noted_on > today:
            errors[f"red_flags[{index}].noted_on"] = "A red flag cannot be dated in the future."
    return errors
