"""Issue 13: a renewed certificate silences the old one; 三证合一 documents and FCC IDs never
expire."""

from datetime import date, timedelta

import pytest

from app.domain.suppliers.certifications import (
    ExpiryState,
    expiry_state,
    needs_attention,
    state_text,
    states,
)
from app.domain.suppliers.choices import CertificationKind as CK
from app.domain.suppliers.supplier import Certification

TODAY = date(2026, 11, 29)


def _in(days: int) -> date:
    return TODAY + timedelta(days=days)


def test_a_newer_valid_certificate_of_the_kind_silences_the_expired_one() -> None:
    """Cixi Delong: its old CE expired 400 days ago, its new CE is valid to 2027."""
    old, new = Certification(CK.CE, expires_on=_in(-400)), Certification(CK.CE, expires_on=_in(330))
    assert states([old, new], TODAY) == [ExpiryState.RENEWED, ExpiryState.VALID]
    assert needs_attention([old, new], TODAY) == []
    assert state_text(old, TODAY, [old, new]) == (
        f"renewed (the newer one is valid to {_in(330).isoformat()})"
    )
    alone = [old]
    assert states(alone, TODAY) == [ExpiryState.EXPIRED] and needs_attention(alone, TODAY) == alone


def test_an_expiring_certificate_with_its_renewal_in_hand_is_silenced_too() -> None:
    expiring, renewal = (
        Certification(CK.ISO_9001, expires_on=_in(20)),
        Certification(CK.ISO_9001, expires_on=_in(1100)),
    )
    assert expiry_state(expiring, TODAY, [expiring, renewal]) is ExpiryState.RENEWED


@pytest.mark.parametrize(
    "other",
    [
        Certification(CK.ROHS, expires_on=_in(300)),  # another kind
        Certification(CK.CE, expires_on=_in(-1)),  # newer, but expired itself
        Certification(CK.CE, expires_on=None),  # no date: not known to be newer
    ],
)
def test_only_a_later_unexpired_one_of_the_same_kind_renews(other: Certification) -> None:
    old = Certification(CK.CE, expires_on=_in(-400))
    assert expiry_state(old, TODAY, [old, other]) is ExpiryState.EXPIRED


def test_other_certificates_are_different_things_and_never_renew_each_other() -> None:
    reach = Certification(CK.OTHER, "REACH", expires_on=_in(-5))
    lfgb = Certification(CK.OTHER, "LFGB", expires_on=_in(400))
    assert expiry_state(reach, TODAY, [reach, lfgb]) is ExpiryState.EXPIRED


@pytest.mark.parametrize("kind", [CK.TAX_REGISTRATION, CK.ORGANISATION_CODE])
def test_san_zheng_he_yi_documents_are_merged_never_expired(kind: CK) -> None:
    """Tax registration and organisation code were merged into the business licence."""
    long_gone = Certification(kind, expires_on=_in(-3300))
    assert expiry_state(long_gone, TODAY) is ExpiryState.MERGED
    assert needs_attention([long_gone], TODAY) == []
    assert state_text(long_gone, TODAY) == "merged into the business licence (三证合一)"


@pytest.mark.parametrize("kind", [CK.FCC, CK.BANK_ACCOUNT_LICENCE])
def test_fcc_ids_and_bank_account_licences_do_not_expire(kind: CK) -> None:
    dated = Certification(kind, expires_on=_in(-1))
    assert expiry_state(dated, TODAY) is ExpiryState.NEVER_EXPIRES
    assert needs_attention([dated], TODAY) == []
    assert state_text(dated, TODAY) == "does not expire"


@pytest.mark.parametrize(
    ("days", "text"),
    [(-1, "expired"), (0, "expires today"), (1, "expires in 1 day"), (60, "expires in 60 days")],
)
def test_state_text_on_the_warning_boundaries(days: int, text: str) -> None:
    assert state_text(Certification(CK.CE, expires_on=_in(days)), TODAY) == text
    assert state_text(Certification(CK.CE, expires_on=_in(61)), TODAY) == "valid"
