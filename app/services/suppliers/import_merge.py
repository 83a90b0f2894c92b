"""An imported row applied to the supplier it matched: the merged record and what changed.

The rules (the README's "Importing suppliers" says the same):

- A field the row gives a value for replaces the stored one; a blank cell or a column the file
  does not have leaves the stored value alone (an import never erases). A shop URL that is the
  same shop written another way (scheme, `www.`, trailing slash, case) keeps the stored text.
- Tags: the row's tags that the supplier lacks (case ignored) are added after its own.
- Contacts: a row contact with the same person as a stored one (or, when one of the two has no
  person, the same phone, WeChat, Wangwang or e-mail) updates it with its non-blank fields;
  any other is added.
- Certifications: one of the same kind and number (spaces and case ignored) updates the stored
  one's issuer and expiry date when given; any other is added.
- Member since: a year with its month replaces both; a year alone keeps the stored month when
  the year is the same, and clears it otherwise.
- Red flags: one not already there (same kind, date and remark) is added; one that is there
  and comes resolved (a date and a note) marks the stored one resolved.
- Nothing is ever removed from a list.
- Columns the importer does not know are listed in the preview; when the user asks, their
  cells are kept in the supplier's notes as "header: value" lines (a line already there is not
  added again, so importing twice does not repeat it).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from app.domain.kit.money import Money
from app.domain.suppliers.choices import Choice
from app.domain.suppliers.membership import member_since_text
from app.domain.suppliers.similarity import normalise_shop_url
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier

Item = TypeVar("Item", Contact, Certification, RedFlag)
SCALARS = (
    "name_zh",
    "name_en",
    "business_type",
    "province",
    "city",
    "address",
    "shop_url",
    "membership",
    "member_since",
    "member_since_month",
    "buyer_protection",
    "deposit",
    "reorder_rate",
    "on_time_rate",
    "response_rate",
    "quality_score",
    "service_score",
    "status",
    "notes",
)
LISTS = ("tags", "contacts", "certifications", "red_flags")
_IDENTIFIERS = ("phone", "wechat", "wangwang", "email")
_SHOWN = 48  # characters of a value shown in a change line
_NOT_DIGIT = re.compile(r"\D")
_BLANKS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class FieldChange:
    """One difference an import makes to a stored supplier, as the user names the field."""

    label: str
    old: str | None  # None: a list, where `new` says what is added or updated
    new: str

    @property
    def text(self) -> str:
        if self.old is None:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} → {self.new}"


def merge(stored: Supplier, incoming: Supplier, given: set[str]) -> Supplier:
    """`stored` with what the row gives (see the module's rules); `stored` is not changed."""
    merged = copy.deepcopy(stored)
    for name in SCALARS:
        new = getattr(incoming, name)
        if name == "member_since_month" and "member_since" in given:
            if new is None and incoming.member_since == stored.member_since:
                continue  # the same year, no month given: the stored month stays
            given = given | {name}
        if name not in given or new == getattr(stored, name):
            continue
        if name == "shop_url" and normalise_shop_url(new) == normalise_shop_url(stored.shop_url):
            continue
        setattr(merged, name, new)
    if "tags" in given:
        have = {_plain(tag) for tag in merged.tags}
        for tag in incoming.tags:
            if _plain(tag) not in have:
                merged.tags.append(tag)
                have.add(_plain(tag))
    if "contacts" in given:
        for contact in incoming.contacts:
            _merge_item(merged.contacts, contact, _same_contact, _update_contact)
    if "certifications" in given:
        for certification in incoming.certifications:
            _merge_item(
                merged.certifications, certification, _same_certification, _update_certification
            )
    if "red_flags" in given:
        for flag in incoming.red_flags:
            _merge_item(merged.red_flags, flag, _same_flag, _update_flag)
    return merged


def with_unknown_cells(notes: str, cells: Sequence[tuple[str, str]]) -> str:
    """The notes with a "header: value" line for each cell of an unknown column (not twice)."""
    lines = notes.splitlines()
    added = [f"{header}: {text}" for header, text in cells if f"{header}: {text}" not in lines]
    return "\n".join(filter(None, (notes.rstrip(), *added)))


def changes(stored: Supplier, merged: Supplier, label: Callable[[str], str]) -> list[FieldChange]:
    """What `merged` changes in `stored`, field by field in the order of the record."""
    found = [
        FieldChange(label(name), _scalar_text(stored, name), _scalar_text(merged, name))
        for name in SCALARS
        if name != "member_since_month" and _value(merged, name) != _value(stored, name)
    ]
    if merged.tags != stored.tags:
        added = merged.tags[len(stored.tags) :]
        found.append(FieldChange(label("tags"), None, "added " + _shorten("; ".join(added))))
    for name, describe in (
        ("contacts", _contact_text),
        ("certifications", _certification_text),
        ("red_flags", _flag_text),
    ):
        text = _list_change(getattr(stored, name), getattr(merged, name), describe)
        if text:
            found.append(FieldChange(label(name), None, text))
    return found


# --- lists ---------------------------------------------------------------------------------
def _merge_item(
    items: list[Item],
    new: Item,
    same: Callable[[Item, Item], bool],
    update: Callable[[Item, Item], None],
) -> None:
    for item in items:
        if same(item, new):
            update(item, new)
            return
    items.append(copy.copy(new))


def _same_contact(stored: Contact, new: Contact) -> bool:
    if stored.person and new.person:
        return _plain(stored.person) == _plain(new.person)
    return any(
        _identifier(name, getattr(stored, name))
        and _identifier(name, getattr(stored, name)) == _identifier(name, getattr(new, name))
        for name in _IDENTIFIERS
    )


def _update_contact(stored: Contact, new: Contact) -> None:
    for name in ("person", *_IDENTIFIERS):
        if getattr(new, name):
            setattr(stored, name, getattr(new, name))


def _same_certification(stored: Certification, new: Certification) -> bool:
    return stored.kind == new.kind and _code(stored.number) == _code(new.number)


def _update_certification(stored: Certification, new: Certification) -> None:
    if new.issuer:
        stored.issuer = new.issuer
    if new.expires_on is not None:
        stored.expires_on = new.expires_on


def _same_flag(stored: RedFlag, new: RedFlag) -> bool:
    return (stored.kind, stored.noted_on, stored.remark) == (new.kind, new.noted_on, new.remark)


def _update_flag(stored: RedFlag, new: RedFlag) -> None:
    if new.resolved_on is not None:
        stored.resolved_on, stored.resolution = new.resolved_on, new.resolution


def _list_change(old: Sequence[Item], new: Sequence[Item], describe: Callable[[Item], str]) -> str:
    """'added A, B; updated C' for a list merged by the rules above (items are never removed)."""
    added = [describe(item) for item in new[len(old) :]]
    updated = [describe(after) for before, after in zip(old, new, strict=False) if before != after]
    parts = []
    if added:
        parts.append("added " + ", ".join(added))
    if updated:
        parts.append("updated " + ", ".join(updated))
    return _shorten("; ".join(parts))


def _contact_text(contact: Contact) -> str:
    reach = next((getattr(contact, n) for n in _IDENTIFIERS if getattr(contact, n)), "")
    if contact.person and reach:
        return f"{contact.person} ({reach})"
    return contact.person or reach


def _certification_text(certification: Certification) -> str:
    return " ".join(filter(None, (certification.kind.label, certification.number)))


def _flag_text(flag: RedFlag) -> str:
    noted = flag.noted_on.isoformat() if flag.noted_on else ""
    return " ".join(filter(None, (flag.kind.label, noted)))


# --- values as the user reads them ---------------------------------------------------------
def _value(record: Supplier, name: str) -> object:
    if name == "member_since":  # the year and month are one value to the user
        return (record.member_since, record.member_since_month)
    return getattr(record, name)


def _scalar_text(record: Supplier, name: str) -> str:
    value = getattr(record, name)
    if name == "buyer_protection" and value is None:
        return "unknown"
    if name == "member_since" and value is not None:
        return member_since_text(value, record.member_since_month)
    return value_text(value)


def value_text(value: object) -> str:
    """A field value in a change line: '(blank)', 'yes', '45.5', '3,000.00 CNY', a choice's label."""
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Money | date | int):
        return str(value)
    return _shorten(" ".join(str(value).split()))


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _identifier(name: str, value: str) -> str:
    """How contact details compare: phones by their digits, the rest ignoring case and spaces."""
    if name == "phone":
        return _NOT_DIGIT.sub("", value)
    return "".join(value.casefold().split())


def _code(number: str) -> str:
    return _BLANKS.sub("", number).casefold()
