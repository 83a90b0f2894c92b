"""Which stored supplier an imported row is: by 1688 shop, business licence, or name and city.

The rules, tried in this order (the README's "Importing suppliers" says the same):

1. The same 1688 shop: the shop URL compared without scheme, `www.`, trailing slash or case of
   the host (a 1688 shop is its sub-domain, so pages inside it are the same shop).
2. The same business licence number (营业执照): since 2015 it is the unified social credit code
   (统一社会信用代码). The record has no field of its own for that code, so the licence's
   number in the certifications stands for it; only numbers of 18 (or the older 15) characters
   count, spaces and case ignored. Only a workbook's Certifications sheet gives one.
3. The same Chinese name (or, for a row without one, the same English name), case and spaces
   ignored, in the same city (a trailing 市 ignored; a blank city on either side does not count
   against the match).

A rule that finds several stored suppliers narrows them to those with the row's name; if that
leaves not exactly one, the next rule is tried. A row no rule matches is new; it is reported as
looking like the stored suppliers with the same shop or licence, or a very similar name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import select

from app.domain.suppliers.choices import CertificationKind
from app.domain.suppliers.similarity import SIMILAR_NAME_RATIO, core_name, normalise_shop_url
from app.domain.suppliers.supplier import Supplier
from app.services.suppliers.service import LookAlike, SupplierService
from app.store.models.suppliers import CertificationRow, SupplierRow

LICENCE_LENGTHS = (15, 18)
SAME_SHOP = "same 1688 shop"  # the reasons SupplierService.look_alikes gives
SIMILAR_NAME = "very similar name"
SAME_LICENCE = "same business licence number"


@dataclass(frozen=True)
class Existing:
    """What matching needs of one stored supplier."""

    id: int
    name_zh: str
    name_en: str
    city: str
    shop_key: str
    licences: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en


@dataclass(frozen=True)
class Match:
    """The stored supplier a row is, and the rule that said so."""

    existing: Existing
    reason: str
    column: str  # the column key the rule compared (shop_url, name_zh...); "" for the licence


def load_existing(service: SupplierService) -> list[Existing]:
    """Every stored supplier's names, city, shop key and licence numbers, in one read."""
    with service.database.transaction() as session:
        licences: dict[int, list[str]] = defaultdict(list)
        for supplier_id, number in session.execute(
            select(CertificationRow.supplier_id, CertificationRow.number).where(
                CertificationRow.kind == CertificationKind.BUSINESS_LICENCE
            )
        ):
            if licence_key(number):
                licences[supplier_id].append(licence_key(number))
        rows = session.execute(
            select(
                SupplierRow.id,
                SupplierRow.name_zh,
                SupplierRow.name_en,
                SupplierRow.city,
                SupplierRow.shop_key,
            )
        ).all()
    return [
        Existing(key, zh, en, city, shop, tuple(licences.get(key, ())))
        for key, zh, en, city, shop in rows
    ]


def licence_key(number: str) -> str:
    """A licence number as compared: no spaces or dashes, upper case; "" when it is no code."""
    key = "".join(number.replace("-", "").split()).upper()
    return key if len(key) in LICENCE_LENGTHS else ""


def licences_of(supplier: Supplier) -> set[str]:
    return {
        key
        for certification in supplier.certifications
        if certification.kind == CertificationKind.BUSINESS_LICENCE
        and (key := licence_key(certification.number))
    }


def name_key(text: str) -> str:
    return " ".join(text.casefold().split())


def city_key(text: str) -> str:
    return name_key(text).removesuffix("市")


class Matcher:
    """Matches rows against the stored suppliers, indexed once."""

    def __init__(self, existing: Sequence[Existing]) -> None:
        self.existing = existing
        self.by_id = {item.id: item for item in existing}
        self.by_shop: dict[str, list[Existing]] = defaultdict(list)
        self.by_licence: dict[str, list[Existing]] = defaultdict(list)
        self.by_zh: dict[str, list[Existing]] = defaultdict(list)
        self.by_en: dict[str, list[Existing]] = defaultdict(list)
        for item in existing:
            if item.shop_key:
                self.by_shop[item.shop_key].append(item)
            for licence in item.licences:
                self.by_licence[licence].append(item)
            if item.name_zh.strip():
                self.by_zh[name_key(item.name_zh)].append(item)
            if item.name_en.strip():
                self.by_en[name_key(item.name_en)].append(item)
        self._names: tuple[_NameIndex, _NameIndex] | None = None

    def match(self, supplier: Supplier) -> Match | None:
        """The one stored supplier the record is, by the first rule that finds exactly one."""
        shop = normalise_shop_url(supplier.shop_url)
        if shop:
            found = _one(self.by_shop.get(shop, []), supplier)
            if found is not None:
                return Match(found, SAME_SHOP, "shop_url")
        for licence in sorted(licences_of(supplier)):
            found = _one(self.by_licence.get(licence, []), supplier)
            if found is not None:
                return Match(found, SAME_LICENCE, "")
        return self._by_name_and_city(supplier)

    def _by_name_and_city(self, supplier: Supplier) -> Match | None:
        if supplier.name_zh.strip():
            column, index, language = "name_zh", self.by_zh, "Chinese"
        else:
            column, index, language = "name_en", self.by_en, "English"
        city = city_key(supplier.city)
        candidates = [
            item
            for item in index.get(name_key(getattr(supplier, column)), [])
            if not city or not city_key(item.city) or city_key(item.city) == city
        ]
        if len(candidates) != 1:
            return None
        found = candidates[0]
        both = city and city_key(found.city)
        return Match(found, f"same {language} name" + (" and city" if both else ""), column)

    def look_alikes(self, supplier: Supplier) -> list[LookAlike]:
        """The stored suppliers a new record resembles, as SupplierService.look_alikes finds
        them (same shop, very similar name), and those with the same licence number."""
        if self._names is None:  # built on first use: a file of known suppliers needs none
            self._names = (
                _NameIndex((e.id, e.name_zh) for e in self.existing),
                _NameIndex((e.id, e.name_en) for e in self.existing),
            )
        reasons: dict[int, str] = {}
        for item in self.by_shop.get(normalise_shop_url(supplier.shop_url), []):
            reasons[item.id] = SAME_SHOP
        for index, name in zip(self._names, (supplier.name_zh, supplier.name_en), strict=True):
            for found in index.similar(name):
                reasons.setdefault(found, SIMILAR_NAME)
        for licence in sorted(licences_of(supplier)):
            for item in self.by_licence.get(licence, []):
                reasons.setdefault(item.id, SAME_LICENCE)
        return [LookAlike(key, self.by_id[key].name, reasons[key]) for key in sorted(reasons)]


class _NameIndex:
    """Finds the stored names NameMatcher calls very similar to a new one without comparing it
    with every stored name: only those sharing at least half of its character pairs are
    compared (an 85 % match leaves about that much in common), so a file of 1,000 new rows
    is not compared 1,000 times with the whole list."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        self.cores: dict[int, str] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        for key, name in names:
            core = core_name(name) if name.strip() else ""
            if core:
                self.cores[key] = core
                for gram in _pairs(core):
                    self.postings[gram].append(key)

    def similar(self, name: str) -> list[int]:
        core = core_name(name) if name.strip() else ""
        if not core:
            return []
        grams = _pairs(core)
        shared: Counter[int] = Counter()
        for gram in grams:
            shared.update(self.postings.get(gram, ()))
        needed = max(1, (len(grams) + 1) // 2)
        matcher = SequenceMatcher(None, "", core)  # NameMatcher.matches, on stored cores
        found = []
        for key, count in shared.items():
            other = self.cores[key]
            if count < needed:
                continue
            matcher.set_seq1(other)
            if other == core or (
                matcher.real_quick_ratio() >= SIMILAR_NAME_RATIO
                and matcher.quick_ratio() >= SIMILAR_NAME_RATIO
                and matcher.ratio() >= SIMILAR_NAME_RATIO
            ):
                found.append(key)
        return sorted(found)


def _pairs(core: str) -> set[str]:
    """The pairs of neighbouring characters of a name's core ('恒达工艺' → 恒达, 达工, 工艺)."""
    if len(core) < 2:
        return {core} if core else set()
    return {core[i : i + 2] for i in range(len(core) - 1)}


def _one(candidates: Iterable[Existing], supplier: Supplier) -> Existing | None:
    """The only candidate, or the only one with the record's name among several."""
    listed = list(candidates)
    if len(listed) > 1:
        zh, en = name_key(supplier.name_zh), name_key(supplier.name_en)
        listed = [
            item
            for item in listed
            if (zh and name_key(item.name_zh) == zh) or (en and name_key(item.name_en) == en)
        ]
    return listed[0] if len(listed) == 1 else None
