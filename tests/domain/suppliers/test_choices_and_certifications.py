from datetime import date, timedelta

import pytest

from app.domain.suppliers.certifications import ExpiryState, expiry_state, needs_attention
from app.domain.suppliers.choices import BusinessType, CertificationKind, Membership, Status
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
    soon = Certification(CertificationKind.CE, expires_on=TODAY + timedelta(days=10))
    certifications = [
        Certification(),
        Certification(CertificationKind.ROHS, expires_on=date(2030, 1, 1)),
        soon,
    ]
    assert needs_attention(certifications, TODAY) == [soon]


def test_chinese_labels_read_as_a_sourcing_professional_writes_them() -> None:
    from app.domain.suppliers.choices import RedFlagKind

    assert Status.PROSPECT.label_zh == "潜在供应商"
    assert Status.APPROVED.label_zh == "合格供应商"
    assert RedFlagKind.BAD_REVIEWS.label_zh == "差评（质量/服务问题）"
    assert RedFlagKind.REFUSES_SAMPLES.label_zh == "推脱寄样、拒绝实地验厂"
    assert Status.parse("已认可") is Status.APPROVED  # the label a file may still carry


def test_the_guides_disqualifiers_are_the_disqualifying_red_flags() -> None:
    from app.domain.suppliers.choices import RedFlagKind

    assert {kind for kind in RedFlagKind if kind.disqualifying} == {
        RedFlagKind.NO_MEMBERSHIP,
        RedFlagKind.PERSONAL_ACCOUNT,
        RedFlagKind.FALSE_DETAILS,
    }
    assert RedFlagKind.parse("个人账户") is RedFlagKind.PERSONAL_ACCOUNT
