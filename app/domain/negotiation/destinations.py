"""Where the goods are imported, and the low-value relief each destination gives on a date
(domain.md: Customs value and duty; Low-value relief: "changes often: keep it a dated setting
per destination, never a constant").

Rules, decided once:
- A destination's relief is a list of dated rules; the rule in force on the date of import is
  used: `starts` inclusive, `ends` exclusive (a rule ending 2026-07-01 no longer applies that
  day). Before the first rule and for "none" there is no relief.
- Thresholds are in the destination's currency (EU: EUR, UK: GBP, US: USD) and compare with the
  intrinsic value: the goods only, transport and insurance excluded, "at most" (inclusive). By
  default that is the order's own goods; a consignment carrying other goods too gives its whole
  goods value instead (LandedCostSettings.consignment_value).
- The EU's flat duty is per item category (tariff line) in the consignment, in EUR; it replaces
  the relief's zero duty on consignments at or under the threshold.
- After 2028-07-01 domain.md gives no EU rule. Decided: the €150 duty relief is taken to end with
  the flat-duty period (the EU's plan removes it then), so duty is charged in full: the
  conservative choice for a buyer's cost; the rule's note asks the user to check.
- The UK relief's end ("by March 2029") has no date yet, so it stays open-ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class DutyBasis(StrEnum):
    """domain.md: EU and UK tax the CIF value; the US the FOB (transaction) value."""

    CIF = "CIF"
    FOB = "FOB"

    @property
    def label(self) -> str:
        return _BASIS_LABELS[self]


_BASIS_LABELS = {
    DutyBasis.CIF: "CIF: goods + transport and insurance to the border",
    DutyBasis.FOB: "FOB: goods delivered to the port of export",
}


@dataclass(frozen=True, slots=True)
class ReliefRule:
    starts: date | None  # in force from this day; None: from before the app's records
    ends: date | None  # no longer in force from this day; None: no end announced
    duty_free_up_to: Decimal | None = None  # no duty when the intrinsic value is at most this
    flat_duty_per_category: Decimal | None = None  # charged instead, per item category
    vat_free_up_to: Decimal | None = None  # no import VAT when the value is at most this
    note: str = ""  # the source and what the user should know

    def in_force(self, on: date) -> bool:
        started = self.starts is None or self.starts <= on
        return started and (self.ends is None or on < self.ends)


class DestinationCode(StrEnum):
    EU = "EU"
    UK = "UK"
    US = "US"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Destination:
    code: DestinationCode
    name: str
    currency: str  # the currency its thresholds are written in ("" for none)
    duty_basis: DutyBasis  # the basis its customs use (a default for the settings)
    rules: tuple[ReliefRule, ...] = ()

    @property
    def label(self) -> str:
        return self.name

    def rule_on(self, on: date) -> ReliefRule | None:
        """The relief rule in force on the date of import; None: no relief."""
        for rule in self.rules:
            if rule.in_force(on):
                return rule
        return None


EU = Destination(
    DestinationCode.EU,
    "European Union",
    "EUR",
    DutyBasis.CIF,
    (
        ReliefRule(
            None,
            date(2021, 7, 1),
            duty_free_up_to=Decimal(150),  # domain.md: no duty at most €150 intrinsic value
            vat_free_up_to=Decimal(22),  # the €22 VAT relief, ended 2021-07-01
            note="No duty at or under €150; no import VAT at or under €22 (until 2021-06-30).",
        ),
        ReliefRule(
            date(2021, 7, 1),  # domain.md: VAT from the first euro since 2021-07-01
            date(2026, 7, 1),
            duty_free_up_to=Decimal(150),
            note="No duty at or under €150 (goods only); import VAT from the first euro.",
        ),
        ReliefRule(
            date(2026, 7, 1),  # domain.md: flat €3 per item category from 2026-07-01
            date(2028, 7, 1),  # domain.md: approved 2026-02-11, until 2028-07-01
            duty_free_up_to=Decimal(150),
            flat_duty_per_category=Decimal(3),
            note="At or under €150: a flat €3 per item category instead of duty; "
            "import VAT from the first euro.",
        ),
        ReliefRule(
            date(2028, 7, 1),
            None,
            note="No low-value relief assumed after 2028-06-30 (domain.md gives no rule): "
            "check the current EU rule.",
        ),
    ),
)
UK = Destination(
    DestinationCode.UK,
    "United Kingdom",
    "GBP",
    DutyBasis.CIF,
    (
        ReliefRule(
            None,
            None,  # domain.md: to be abolished by March 2029; no date fixed yet
            duty_free_up_to=Decimal(135),  # domain.md: no duty at £135 or less per consignment
            note="No duty at or under £135 per consignment; VAT still due. Relief to be "
            "abolished by March 2029.",
        ),
    ),
)
US = Destination(
    DestinationCode.US,
    "United States",
    "USD",
    DutyBasis.FOB,
    (
        ReliefRule(
            None,
            date(2016, 3, 10),
            duty_free_up_to=Decimal(200),  # de minimis before the 2016 Trade Facilitation Act
            note="$200 de minimis.",
        ),
        ReliefRule(
            date(2016, 3, 10),
            date(2025, 5, 2),  # domain.md: suspended for goods from China/HK since 2025-05-02
            duty_free_up_to=Decimal(800),
            note="$800 de minimis: no duty at or under $800.",
        ),
        ReliefRule(
            date(2025, 5, 2),
            None,
            note="$800 de minimis suspended for goods from China and Hong Kong since "
            "2025-05-02 (for all countries since 2025-08-29): duty from the first dollar.",
        ),
    ),
)
NO_DESTINATION = Destination(DestinationCode.NONE, "None (no relief)", "", DutyBasis.CIF)
DESTINATIONS = {d.code: d for d in (EU, UK, US, NO_DESTINATION)}


def destination(code: str) -> Destination:
    """The built-in profile for 'EU', 'UK', 'US' or 'none'."""
    try:
        return DESTINATIONS[DestinationCode(code)]
    except ValueError:
        raise ValueError(f"'{code}' is not a destination: choose EU, UK, US or none.") from None
