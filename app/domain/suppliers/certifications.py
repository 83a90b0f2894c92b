"""When a certification needs attention: expired, or expiring soon."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from app.domain.suppliers.supplier import Certification

EXPIRY_WARNING_DAYS = 60  # issue 2: flag certifications expiring within 60 days


class ExpiryState(Enum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NO_DATE = "no_date"


def expiry_state(certification: Certification, today: date) -> ExpiryState:
    expires = certification.expires_on
    if expires is None:
        return ExpiryState.NO_DATE
    if expires < today:
        return ExpiryState.EXPIRED
    if expires <= today + timedelta(days=EXPIRY_WARNING_DAYS):
        return ExpiryState.EXPIRING
    return ExpiryState.VALID


def needs_attention(certifications: list[Certification], today: date) -> list[Certification]:
    """The certifications that have expired or expire within the warning period."""
    return [
        c
        for c in certifications
        if expiry_state(c, today) in (ExpiryState.EXPIRED, ExpiryState.EXPIRING)
    ]
