from datetime import date, timedelta

import pytest

from app.domain.suppliers.certifications import ExpiryState, expiry_state, needs_attention
from app.domain.suppliers.choices import BusinessType, Membership, Status
from app.domain.suppliers.supplier import Certification

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strong", Membership.STRONG),
        ("Strong merchant", Membership.STRONG),
        ("实力商家", Membership.STRONG),
        ("源头工厂", Membership.SOURCE_FACTORY),
        ("诚信通", Membership.BASIC),
        ("on hold", Status.ON_HOLD),
        ("ON_HOLD", Status.ON_HOLD),
        ("贸易公司", BusinessType.TRADING),
    ],
)
def test_choices_parse_codes_and_both_languages(text: str, expected: object) -> None:
    assert type(expected).parse(text) is expected


def test_unknown_choice_lists_the_options() -> None:
    with pytest.raises(ValueError, match="Prospect, Contacted"):
        Status.parse("maybe")


@pytest.mark.parametrize(
    ("days", "state"),
    [
        (-1, ExpiryState.EXPIRED),
        (0, ExpiryState.EXPIRING),
        (60, ExpiryState.EXPIRING),
        (61, ExpiryState.VALID),
    ],
)
def test_expiry_warning_is_sixty_days(days: int, state: ExpiryState) -> None:
    certification = Certification(expires_on=TODAY + timedelta(days=days))
    assert expiry_state(certification, TODAY) is state


def test_needs_attention_skips_undated_and_valid() -> None:
    soon = Certification(expires_on=TODAY + timedelta(days=10))
    certifications = [Certification(), Certification(expires_on=date(2030, 1, 1)), soon]
    assert needs_attention(certifications, TODAY) == [soon]
