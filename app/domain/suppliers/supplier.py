"""A supplier record as plain data: what the services store and the views and exports show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.domain.kit.money import Money
from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.membership import membership_years


@dataclass(slots=True)
class Contact:
    person: str = ""
    phone: str = ""
    wechat: str = ""
    wangwang: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not any((self.person, self.phone, self.wechat, self.wangwang, self.email))


@dataclass(slots=True)
class Certification:
    kind: CertificationKind = CertificationKind.BUSINESS_LICENCE
    number: str = ""
    issuer: str = ""
    expires_on: date | None = None


@dataclass(slots=True)
class RedFlag:
    """A red flag noted on a date; once resolved (a date and a note saying how) it stops
    counting against the supplier but stays on record."""

    kind: RedFlagKind = RedFlagKind.OTHER
    noted_on: date | None = None
    remark: str = ""
    resolved_on: date | None = None
    resolution: str = ""

    @property
    def resolved(self) -> bool:
        return self.resolved_on is not None


@dataclass(slots=True)
class Supplier:
    """Everything domain.md says a supplier record holds. `id` is None until stored."""

    name_zh: str = ""
    name_en: str = ""
    business_type: BusinessType | None = None
    province: str = ""
    city: str = ""
    address: str = ""
    shop_url: str = ""
    membership: Membership | None = None
    member_since: int | None = None  # the year joined
    member_since_month: int | None = None  # 1-12; None: only the year is known
    buyer_protection: bool | None = None  # a deposit kept for buyers: yes, no, None unknown
    deposit: Money | None = None
    # 1688 performance figures: rates in percent (0-100), scores on 1688's 0-5 scale.
    reorder_rate: Decimal | None = None
    on_time_rate: Decimal | None = None
    response_rate: Decimal | None = None
    quality_score: Decimal | None = None
    service_score: Decimal | None = None
    status: Status = Status.PROSPECT
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    contacts: list[Contact] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return self.name_zh or self.name_en

    def membership_years(self, today: date) -> int | None:
        """Completed years since the join month (app.domain.suppliers.membership)."""
        return membership_years(self.member_since, self.member_since_month, today)

    def open_red_flags(self) -> list[RedFlag]:
        """The red flags that still count: those not resolved."""
        return [flag for flag in self.red_flags if not flag.resolved]
