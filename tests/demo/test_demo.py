"""The demo database content and the synthetic suppliers used by benchmarks."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from app.demo import demo_suppliers, fill_demo, synthetic_suppliers
from app.domain.suppliers.certifications import ExpiryState, expiry_state
from app.domain.suppliers.choices import MAIN_PROVINCES, PROVINCES, BusinessType, Membership, Status
from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import validate_supplier
from app.errors import WorkbenchError
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.factories import hengda


@pytest.fixture(scope="module")
def demo() -> list[Supplier]:
    return demo_suppliers(TODAY)


def test_demo_is_deterministic() -> None:
    assert demo_suppliers(TODAY) == demo_suppliers(TODAY)


def test_demo_covers_every_membership_status_and_business_type(demo: list[Supplier]) -> None:
    assert len(demo) >= 30
    assert {s.membership for s in demo} == set(Membership)
    assert {s.status for s in demo} == set(Status)
    assert {s.business_type for s in demo} == set(BusinessType)


def test_demo_places_are_known_provinces_with_all_four_main_ones(demo: list[Supplier]) -> None:
    provinces = {s.province for s in demo}
    assert {zh for zh, _ in MAIN_PROVINCES} <= provinces
    assert provinces <= {zh for zh, _ in PROVINCES}
    assert all(s.city and s.address.startswith(s.province) for s in demo)


def test_demo_names_and_shops_are_distinct_and_in_both_languages(demo: list[Supplier]) -> None:
    assert len({s.shop_url for s in demo}) == len(demo)
    assert len({s.display_name for s in demo}) == len(demo)
    assert any(s.name_zh and not s.name_en for s in demo)
    assert any(s.name_en and not s.name_zh for s in demo)
    assert sum(bool(s.name_zh and s.name_en) for s in demo) >= 25


def test_demo_records_are_valid_and_use_decimals(demo: list[Supplier]) -> None:
    for supplier in demo:
        assert validate_supplier(supplier, TODAY) == {}, supplier.display_name
        for name in ("reorder_rate", "on_time_rate", "response_rate"):
            value = getattr(supplier, name)
            assert value is None or isinstance(value, Decimal)
        if supplier.deposit is not None:
            assert isinstance(supplier.deposit.amount, Decimal)
            assert supplier.buyer_protection


def test_demo_membership_years_spread_up_to_today(demo: list[Supplier]) -> None:
    years = [s.member_since for s in demo if s.member_since is not None]
    assert min(years) == 2008
    assert max(years) == TODAY.year
    assert all(s.member_since is None for s in demo if s.membership is Membership.NONE)


def test_demo_contacts_and_certifications(demo: list[Supplier]) -> None:
    assert all(1 <= len(s.contacts) <= 3 for s in demo)
    states = [expiry_state(c, TODAY) for s in demo for c in s.certifications]
    assert ExpiryState.EXPIRED in states
    assert ExpiryState.EXPIRING in states
    assert states.count(ExpiryState.VALID) > states.count(ExpiryState.EXPIRED) * 2
    with_licence = [s for s in demo if any(c.kind == "business_licence" for c in s.certifications)]
    assert len(with_licence) >= len(demo) * 3 // 4


def test_demo_dates_follow_today() -> None:
    later = date(2031, 3, 1)
    suppliers = demo_suppliers(later)
    states = {expiry_state(c, later) for s in suppliers for c in s.certifications}
    assert {ExpiryState.EXPIRED, ExpiryState.EXPIRING} <= states
    assert all(validate_supplier(s, later) == {} for s in suppliers)


def test_demo_red_flags_sit_on_the_troubled_suppliers(demo: list[Supplier]) -> None:
    troubled = {Status.ON_HOLD, Status.REJECTED, Status.BLACKLISTED}
    assert all(s.red_flags for s in demo if s.status in troubled)
    flags = [f for s in demo for f in s.red_flags]
    assert all(f.noted_on is not None and f.noted_on <= TODAY and f.remark for f in flags)


def test_fill_demo_stores_every_record(supplier_service: SupplierService) -> None:
    change = fill_demo(supplier_service)
    stored = supplier_service.all_records()
    assert len(change.created) == len(stored) == len(demo_suppliers(TODAY))

    def by_shop(records: list[Supplier]) -> list[Supplier]:
        plain = [dataclasses.replace(s, id=None, created_at=None, updated_at=None) for s in records]
        return sorted(plain, key=lambda s: s.shop_url)

    assert by_shop(stored) == by_shop(demo_suppliers(TODAY))


def test_fill_demo_refuses_a_database_with_suppliers(supplier_service: SupplierService) -> None:
    supplier_service.save(hengda())
    with pytest.raises(WorkbenchError, match="empty database"):
        fill_demo(supplier_service)
    assert [s.name_zh for s in supplier_service.all_records()] == [hengda().name_zh]


def test_synthetic_suppliers_are_valid_varied_and_distinct() -> None:
    suppliers = synthetic_suppliers(1000)
    assert len(suppliers) == 1000
    assert all(validate_supplier(s, TODAY) == {} for s in suppliers)
    assert len({s.name_zh for s in suppliers}) == 1000
    assert len({s.name_en for s in suppliers}) == 1000
    assert len({s.shop_url for s in suppliers}) == 1000
    assert all(len(s.contacts) == 1 and 1 <= len(s.tags) <= 2 for s in suppliers)
    assert {s.status for s in suppliers} == set(Status)
    assert {s.membership for s in suppliers} == set(Membership)
    assert {s.province for s in suppliers} <= {zh for zh, _ in PROVINCES}


def test_synthetic_suppliers_follow_the_seed() -> None:
    assert synthetic_suppliers(50, seed=7) == synthetic_suppliers(50, seed=7)
    assert synthetic_suppliers(50, seed=7) != synthetic_suppliers(50, seed=8)


def test_demo_certificates_that_do_not_expire_have_no_expiry_date(demo: list[Supplier]) -> None:
    """Issue 13: FCC IDs, bank account licences and the merged 三证合一 documents."""
    from app.domain.suppliers.certifications import MERGED_KINDS, NEVER_EXPIRING_KINDS

    kinds = MERGED_KINDS | NEVER_EXPIRING_KINDS
    lasting = [c for s in demo for c in s.certifications if c.kind in kinds]
    assert {c.kind for c in lasting} == set(kinds)
    assert all(c.expires_on is None for c in lasting)


def test_delongs_renewed_ce_needs_no_attention(demo: list[Supplier]) -> None:
    from app.domain.suppliers.certifications import needs_attention

    delong = next(s for s in demo if s.name_en.startswith("Cixi Delong"))
    ce = [c for c in delong.certifications if c.kind == "ce"]
    assert len(ce) == 2 and any(expiry_state(c, TODAY) is ExpiryState.EXPIRED for c in ce)
    assert not [c for c in needs_attention(delong.certifications, TODAY) if c.kind == "ce"]


def test_demo_protection_disqualifiers_and_a_resolved_flag(demo: list[Supplier]) -> None:
    from app.domain.suppliers.choices import RedFlagKind

    assert {s.buyer_protection for s in demo} == {True, False, None}
    flags = [f for s in demo for f in s.red_flags]
    assert any(f.kind is RedFlagKind.PERSONAL_ACCOUNT for f in flags)
    resolved = [f for f in flags if f.resolved]
    assert resolved and all(f.resolution and f.resolved_on <= TODAY for f in resolved)
