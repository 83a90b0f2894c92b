"""Realistic supplier records for tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.kit.money import Money
from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier

# A unified social credit code with a valid check character (GB 32100-2015).
LICENCE_CODE = "91330782MA28B7KX0N"


def certificate_number(kind: CertificationKind) -> str:
    """A number a test can store for any kind: the licence's must be a valid credit code."""
    return LICENCE_CODE if kind is CertificationKind.BUSINESS_LICENCE else f"N-{kind}"


def hengda(**overrides: object) -> Supplier:
    """A fully filled Zhejiang factory: every field and list has a value."""
    supplier = Supplier(
        name_zh="义乌市恒达工艺品厂",
        name_en="Yiwu Hengda Crafts Factory",
        business_type=BusinessType.FACTORY,
        province="浙江",
        city="义乌",
        address="浙江省义乌市福田街道工业园12号",
        shop_url="https://hengda.1688.com",
        membership=Membership.STRONG,
        member_since=2019,
        member_since_month=3,
        buyer_protection=True,
        deposit=Money(Decimal("3000.00"), "CNY"),
        reorder_rate=Decimal("45.5"),
        on_time_rate=Decimal("98.2"),
        response_rate=Decimal("92"),
        quality_score=Decimal("4.6"),
        service_score=Decimal("4.8"),
        status=Status.SAMPLING,
        tags=["工艺品", "home decor"],
        notes="Good English; samples in 5 days.",
        contacts=[
            Contact("王丽", "+86 138 0000 1234", "wangli_hd", "恒达工艺", "wangli@hengda.cn")
        ],
        certifications=[
            Certification(
                CertificationKind.BUSINESS_LICENCE, LICENCE_CODE, "义乌市市场监督管理局", None
            ),
            Certification(CertificationKind.CE, "CE-2024-118", "TÜV Rheinland", date(2027, 1, 10)),
        ],
        red_flags=[RedFlag(RedFlagKind.PRICE_TOO_LOW, date(2026, 10, 2), "30 % under market")],
    )
    for name, value in overrides.items():
        setattr(supplier, name, value)
    return supplier


def minimal(name_zh: str = "", name_en: str = "", **overrides: object) -> Supplier:
    supplier = Supplier(name_zh=name_zh, name_en=name_en)
    for name, value in overrides.items():
        setattr(supplier, name, value)
    return supplier
