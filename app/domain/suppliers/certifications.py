"""When a certification needs attention: expired, or expiring soon, unless it never expires or
a newer one of the same kind has taken its place.

Rules, decided once:
- Expired: the expiry date is before today; expiring: within EXPIRY_WARNING_DAYS (60) days.
- Renewed: an expired or expiring certificate is silenced when the supplier holds another of
  the same kind that expires later and has not expired (Cixi Delong's old CE, with its new CE
  valid to 2027). "Other" certificates are different things, so they never renew each other.
- Merged: the tax registration and organisation code certificates were merged into the business
  licence by the 三证合一 reform (2015-2017); they never expire, whatever date they carry.
- Never expires: an FCC ID (an FCC grant has no expiry) and the bank account licence (开户许可证).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import Enum

from app.domain.suppliers.choices import CertificationKind
from app.domain.suppliers.supplier import Certification

EXPIRY_WARNING_DAYS = 60  # issue 2: flag certifications expiring within 60 days
MERGED_KINDS = frozenset({CertificationKind.TAX_REGISTRATION, CertificationKind.ORGANISATION_CODE})
NEVER_EXPIRING_KINDS = frozenset({CertificationKind.FCC, CertificationKind.BANK_ACCOUNT_LICENCE})
MERGED_TEXT = "merged into the business licence (三证合一)"
NEVER_EXPIRES_TEXT = "does not expire"


class ExpiryState(Enum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NO_DATE = "no_date"
    RENEWED = "renewed"  # expired or expiring, but a newer valid one of the kind is held
    MERGED = "merged"  # 三证合一: part of the business licence now
    NEVER_EXPIRES = "never_expires"  # FCC ID, bank account licence


def expiry_state(
    certification: Certification, today: date, others: Sequence[Certification] = ()
) -> ExpiryState:
    """The state of one certification; `others` are the supplier's certifications (this one
    may be among them), which decide whether it was renewed."""
    if certification.kind in MERGED_KINDS:
        return ExpiryState.MERGED
    if certification.kind in NEVER_EXPIRING_KINDS:
        return ExpiryState.NEVER_EXPIRES
    state = _dated_state(certification, today)
    if state in (ExpiryState.EXPIRED, ExpiryState.EXPIRING) and renewal(
        certification, today, others
    ):
        return ExpiryState.RENEWED
    return state


def _dated_state(certification: Certification, today: date) -> ExpiryState:
    expires = certification.expires_on
    if expires is None:
        return ExpiryState.NO_DATE
    if expires < today:
        return ExpiryState.EXPIRED
    if expires <= today + timedelta(days=EXPIRY_WARNING_DAYS):
        return ExpiryState.EXPIRING
    return ExpiryState.VALID


def renewal(
    certification: Certification, today: date, others: Sequence[Certification]
) -> Certification | None:
    """The newer certificate of the same kind that replaces this one, if the supplier has one:
    it expires later than this one and has not expired (the latest such one)."""
    expires = certification.expires_on
    if expires is None or certification.kind is CertificationKind.OTHER:
        return None
    newer = [
        other
        for other in others
        if other is not certification
        and other.kind is certification.kind
        and other.expires_on is not None
        and other.expires_on > expires
        and other.expires_on >= today
    ]
    return max(newer, key=lambda other: other.expires_on or date.min, default=None)


def states(certifications: Sequence[Certification], today: date) -> list[ExpiryState]:
    """The state of each certification of one supplier, in order."""
    return [expiry_state(c, today, certifications) for c in certifications]


def needs_attention(certifications: Sequence[Certification], today: date) -> list[Certification]:
    """The certifications that have expired or expire within the warning period (and were
    not renewed, merged or never expire)."""
    return [
        c
        for c, state in zip(certifications, states(certifications, today), strict=True)
        if state in (ExpiryState.EXPIRED, ExpiryState.EXPIRING)
    ]


def state_text(
    certification: Certification, today: date, others: Sequence[Certification] = ()
) -> str:
    """The state in words: "expired", "expires in 42 days", "renewed (valid to 2027-03-01)",
    "merged into the business licence (三证合一)", "does not expire", "valid", or ""."""
    state = expiry_state(certification, today, others)
    expires = certification.expires_on
    if state is ExpiryState.MERGED:
        return MERGED_TEXT
    if state is ExpiryState.NEVER_EXPIRES:
        return NEVER_EXPIRES_TEXT
    if state is ExpiryState.RENEWED:
        newer = renewal(certification, today, others)
        until = newer.expires_on.isoformat() if newer and newer.expires_on else ""
        return f"renewed (the newer one is valid to {until})"
    if state is ExpiryState.NO_DATE or expires is None:
        return ""
    if state is ExpiryState.EXPIRED:
        return "expired"
    if state is ExpiryState.EXPIRING:
        days = (expires - today).days
        return "expires today" if days == 0 else f"expires in {days} day{'s' * (days != 1)}"
    return "valid"
