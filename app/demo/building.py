"""How a hand-written demo entry becomes a Supplier: licence, credit code, certificate numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from app.domain.kit.money import Money
from app.domain.suppliers.choices import BusinessType as BT
from app.domain.suppliers.choices import CertificationKind as CK
from app.domain.suppliers.choices import Membership as M
from app.domain.suppliers.choices import RedFlagKind as RF
from app.domain.suppliers.choices import Status as S
from app.domain.suppliers.credit_code import CODE_CHARACTERS, check_character
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier


class DemoCert(NamedTuple):
    kind: CK
    issuer: str
    expires_in_days: int | None  # relative to `today`; negative: already expired; None: no expiry
    # '#' a digit, '@' a letter, {region} the city's region code, {year} the year of issue
    number_pattern: str = ""


class DemoEntry(NamedTuple):
    """One demo supplier; dates are relative to `today` so the demo never goes stale."""

    slug: str  # the 1688 shop sub-domain
    name_zh: str
    name_en: str
    business_type: BT
    province: str
    city: str
    address: str
    membership: M
    member_years: int | None  # 诚信通 since (today.year - member_years); None: never a member
    status: S
    deposit_cny: str | None  # buyer-protection deposit (买家保障); None: no buyer protection
    figures: str  # "reorder on-time response quality service", "" when not looked up yet
    tags: tuple[str, ...]
    contacts: tuple[tuple[str, str, str, str, str], ...]  # person, phone, WeChat, 旺旺, e-mail
    certs: tuple[DemoCert, ...] = ()
    # kind, days ago, remark[, days ago resolved, how]: a resolved flag no longer counts
    flags: tuple[tuple[RF, int, str] | tuple[RF, int, str, int, str], ...] = ()
    notes: str = ""
    licence: bool = True  # a business licence (营业执照, 长期) unless certs hold a dated one
    protection_checked: bool = True  # False: buyer protection not looked up yet (unknown)


# Administrative division codes (the 3rd-8th characters of a unified social credit code).
_REGION_CODES = {
    "深圳": "440300", "东莞": "441900", "广州": "440100", "中山": "442000",
    "义乌": "330782", "宁波": "330200", "慈溪": "330282", "杭州": "330100",
    "湖州": "330500", "永康": "330784", "南通": "320600", "苏州": "320500",
    "常州": "320400", "常熟": "320581", "丹阳": "321181", "晋江": "350582",
    "莆田": "350300", "厦门": "350200", "石狮": "350581", "泉州": "350500",
    "福州": "350100", "青岛": "370200", "保定": "130600",
}  # fmt: skip

_NUMBER_PATTERNS = {
    CK.TAX_REGISTRATION: "{region}#########",
    CK.ORGANISATION_CODE: "########-#",
    CK.BANK_ACCOUNT_LICENCE: "J#############",
    CK.LEGAL_PERSON_ID: "{region}********###X",
    CK.FACTORY_AUDIT: "AUD-{year}-#####",
    CK.CE: "CE-{year}-@@-#####",
    CK.FCC: "2A@@@-####",
    CK.ROHS: "RH-{year}-#####",
    CK.ISO_9001: "####Q#####R#M",
    CK.OTHER: "{year}-#####",
}
CERTIFICATE_YEARS = 3  # CE, ISO 9001 and audit reports in the demo run three years from issue


def build_supplier(entry: DemoEntry, today: date) -> Supplier:
    rng = random.Random(f"demo:{entry.slug}")  # str seeds hash with SHA-512: stable everywhere
    certs = list(entry.certs)
    if entry.licence and not any(c.kind is CK.BUSINESS_LICENCE for c in certs):
        certs.insert(0, DemoCert(CK.BUSINESS_LICENCE, f"{entry.city}市市场监督管理局", None))
    reorder, on_time, response, quality, service = _figures(entry.figures)
    return Supplier(
        name_zh=entry.name_zh,
        name_en=entry.name_en,
        business_type=entry.business_type,
        province=entry.province,
        city=entry.city,
        address=entry.address,
        shop_url=f"https://{entry.slug}.1688.com",
        membership=entry.membership,
        # Joined `member_years` years ago this month: the years shown are the years written.
        member_since=None if entry.member_years is None else today.year - entry.member_years,
        member_since_month=None if entry.member_years is None else today.month,
        buyer_protection=entry.deposit_cny is not None if entry.protection_checked else None,
        deposit=None if entry.deposit_cny is None else Money(Decimal(entry.deposit_cny), "CNY"),
        reorder_rate=reorder,
        on_time_rate=on_time,
        response_rate=response,
        quality_score=quality,
        service_score=service,
        status=entry.status,
        tags=list(entry.tags),
        notes=entry.notes,
        contacts=[Contact(*fields) for fields in entry.contacts],
        certifications=[_certification(c, entry, today, rng) for c in certs],
        red_flags=[_red_flag(flag, today) for flag in entry.flags],
    )


def _red_flag(flag: tuple, today: date) -> RedFlag:
    kind, days_ago, remark, *resolved = flag
    red_flag = RedFlag(kind, today - timedelta(days=days_ago), remark)
    if resolved:
        red_flag.resolved_on, red_flag.resolution = today - timedelta(days=resolved[0]), resolved[1]
    return red_flag


def _figures(text: str) -> list[Decimal | None]:
    values: list[Decimal | None] = [Decimal(part) for part in text.split()]
    return values or [None] * 5


def _certification(
    cert: DemoCert, entry: DemoEntry, today: date, rng: random.Random
) -> Certification:
    region = _REGION_CODES[entry.city]
    expires = None if cert.expires_in_days is None else today + timedelta(days=cert.expires_in_days)
    if cert.kind is CK.BUSINESS_LICENCE:
        # 92: an individual business (个体工商户: 商行, 店); 91: a company or a factory.
        sole_trader = entry.name_zh.endswith(("商行", "店"))
        number = _credit_code(("92" if sole_trader else "91") + region, rng)
    else:
        pattern = cert.number_pattern or _NUMBER_PATTERNS[cert.kind]
        issued = min(today.year, (expires or today).year - CERTIFICATE_YEARS)
        number = _fill_pattern(pattern.format(region=region, year=issued), rng)
    return Certification(cert.kind, number, cert.issuer, expires)


def _credit_code(prefix: str, rng: random.Random) -> str:
    """An 18-character unified social credit code (统一社会信用代码) with a valid check character."""
    body = prefix + "".join(rng.choice(CODE_CHARACTERS) for _ in range(17 - len(prefix)))
    return body + check_character(body)


def _fill_pattern(pattern: str, rng: random.Random) -> str:
    """'CE-2024-@@-#####' → 'CE-2024-KM-30815': '#' a digit, '@' a letter, the rest as written."""
    return "".join(_fill_character(ch, rng) for ch in pattern)


def _fill_character(ch: str, rng: random.Random) -> str:
    if ch == "#":
        return str(rng.randrange(10))
    if ch == "@":
        return rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    return ch
