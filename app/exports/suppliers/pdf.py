"""The supplier list as a printable landscape A4 PDF table, Chinese names included."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from app.domain.suppliers.certifications import ExpiryState, expiry_state, needs_attention
from app.domain.suppliers.choices import PROVINCES, CertificationKind, Choice, Membership, Status
from app.domain.suppliers.membership import member_since_text, years_text
from app.domain.suppliers.supplier import Certification, Contact, Supplier
from app.exports.kit.pdf_layout import (
    AMBER,
    GREY,
    RED,
    DocumentSpec,
    Span,
    Styles,
    build_pdf,
    lines,
    paragraph,
    stacked,
    styles,
)
from app.exports.kit.pdf_table import Column, LongTable, cell_style

_PROVINCE_EN = dict(PROVINCES)
_WARNING_STATUSES = (Status.REJECTED, Status.BLACKLISTED)
NO_VALUE = "–"
MAX_CERTIFICATION_NOTES = 6  # then "+ N more": a row must stay shorter than a page

COLUMNS = (
    Column("#", 3.4, "right"),  # room for 5 digits
    Column("Supplier", 15),
    Column("Type", 7),
    Column("Location", 7.5),
    Column("1688 membership", 8.5),
    Column("Status", 6),
    Column("Reorder", 5, "right"),
    Column("On-time", 5, "right"),
    Column("Response", 5.4, "right"),
    Column("Tags", 9),
    Column("Primary contact", 13),
    Column("Certifications to check", 13),
    Column("Red flags", 4.6, "centre"),
)


def export_suppliers_pdf(
    suppliers: Sequence[Supplier],
    out: Path,
    *,
    today: date,
    title: str = "Suppliers",
    on_progress: Callable[[int, int], bool] | None = None,
) -> Path:
    """Write one table row per supplier to `out` (landscape A4, header row on every page)."""
    count = f"{len(suppliers):,} supplier{'' if len(suppliers) == 1 else 's'}"
    exported = f"exported {today.isoformat()}"
    spec = DocumentSpec(
        title=title,
        subtitle=f"{exported}, {count}",
        landscape=True,
        running_header=title,
        footer=f"Sourcing Workbench · {title} · {exported}",
    )
    table_styles = styles()
    numbered = list(enumerate(suppliers, start=1))
    table = LongTable(
        COLUMNS,
        numbered,
        lambda item: supplier_row(item[0], item[1], today, table_styles),
        table_styles=table_styles,
    )
    story: list[Flowable] = [table]
    if not suppliers:
        story.append(paragraph("No suppliers to export.", table_styles.body))
    return build_pdf(out, spec, story, total=len(suppliers), on_progress=on_progress)


def supplier_row(number: int, supplier: Supplier, today: date, s: Styles) -> list[Flowable | str]:
    """The cells of one supplier's row, in COLUMNS order (plain strings for short numbers)."""
    return [
        str(number),
        _name(supplier, s),
        _choice(supplier.business_type, s),
        _location(supplier, s),
        _membership(supplier, today, s),
        _status(supplier.status, s),
        format_rate(supplier.reorder_rate),
        format_rate(supplier.on_time_rate),
        format_rate(supplier.response_rate),
        paragraph(", ".join(supplier.tags) or NO_VALUE, s.cell),
        _contact(primary_contact(supplier.contacts), s),
        _certifications(supplier.certifications, today, s),
        _red_flags(supplier, s),
    ]


def format_rate(value: Decimal | None) -> str:
    """A percentage as printed: "45.5 %", "92 %", or a dash when unknown."""
    if value is None:
        return NO_VALUE
    return f"{value.normalize():f} %"


def primary_contact(contacts: Sequence[Contact]) -> Contact | None:
    """The first contact with anything in it."""
    return next((c for c in contacts if not c.is_empty()), None)


def certification_notes(
    certifications: Sequence[Certification], today: date
) -> list[tuple[str, ExpiryState]]:
    """Expired or expiring certifications, soonest first: ("CE expires in 42 d", EXPIRING).
    One renewed by a newer valid one, merged by 三证合一 or never expiring is left out."""
    attention = sorted(needs_attention(list(certifications), today), key=_expiry_key)
    notes: list[tuple[str, ExpiryState]] = []
    for certification in attention:
        if certification.expires_on is None:
            continue  # needs attention only with a date; kept for the type checker
        state = expiry_state(certification, today, certifications)
        days = (certification.expires_on - today).days
        label = _certification_label(certification)
        if state is ExpiryState.EXPIRED:
            notes.append((f"{label} expired", state))
        elif days == 0:
            notes.append((f"{label} expires today", state))
        else:
            notes.append((f"{label} expires in {days} d", state))
    return notes


def _expiry_key(certification: Certification) -> date:
    return certification.expires_on or date.max


def _certification_label(certification: Certification) -> str:
    if certification.kind is CertificationKind.OTHER:
        return certification.number or certification.issuer or "Other certificate"
    return certification.kind.label


def _name(supplier: Supplier, s: Styles) -> Paragraph:
    if supplier.name_zh and supplier.name_en:
        return stacked(supplier.name_zh, supplier.name_en, s.cell)
    return paragraph(supplier.display_name or NO_VALUE, s.cell)


def _choice(choice: Choice | None, s: Styles) -> Paragraph:
    if choice is None:
        return paragraph(NO_VALUE, s.cell)
    return stacked(choice.label, choice.label_zh, s.cell)


def _location(supplier: Supplier, s: Styles) -> Paragraph:
    place = " · ".join(part for part in (supplier.province, supplier.city) if part)
    return stacked(place or NO_VALUE, _PROVINCE_EN.get(supplier.province, ""), s.cell)


PROTECTION_WORDS = {True: "protection: yes", False: "protection: no", None: "protection: unknown"}


def _membership(supplier: Supplier, today: date, s: Styles) -> Paragraph:
    """Level over "since 2019-03 · 7 y" and the buyer protection (yes, no, unknown); red
    for none, under a year (the guide's disqualifiers) or no protection."""
    membership = supplier.membership
    level = Span(membership.label if membership else NO_VALUE)
    if membership is Membership.NONE:
        level = Span(membership.label, RED)
    years = supplier.membership_years(today)
    since = ""
    if years is not None:
        joined = member_since_text(supplier.member_since, supplier.member_since_month)
        since = f"since {joined} · {years_text(years, short=True)}"
    protection = supplier.buyer_protection
    return lines(
        [
            level,
            Span(since, RED if years == 0 else GREY, smaller=True),
            Span(PROTECTION_WORDS[protection], RED if protection is False else GREY, smaller=True),
        ],
        s.cell,
    )


def _status(status: Status, s: Styles) -> Paragraph:
    colour = RED if status in _WARNING_STATUSES else None
    return lines([Span(status.label, colour)], s.cell)


def _contact(contact: Contact | None, s: Styles) -> Paragraph:
    if contact is None:
        return paragraph(NO_VALUE, s.cell)
    wechat = f"WeChat: {contact.wechat}" if contact.wechat else ""
    return lines([contact.person, contact.phone, Span(wechat, GREY)], s.cell)


def _certifications(certifications: Sequence[Certification], today: date, s: Styles) -> Paragraph:
    notes = certification_notes(certifications, today)
    if not notes:
        return paragraph(NO_VALUE, s.cell)
    shown: list[Span | str] = [
        Span(text, RED if state is ExpiryState.EXPIRED else AMBER)
        for text, state in notes[:MAX_CERTIFICATION_NOTES]
    ]
    if len(notes) > MAX_CERTIFICATION_NOTES:
        shown.append(f"+ {len(notes) - MAX_CERTIFICATION_NOTES} more")
    return lines(shown, s.cell)


def _red_flags(supplier: Supplier, s: Styles) -> Paragraph:
    """The open red flags (resolved ones no longer count), "+ N resolved" under them."""
    centre = cell_style(COLUMNS[-1], s)
    count = len(supplier.open_red_flags())
    resolved = len(supplier.red_flags) - count
    shown = [Span(str(count), RED if count else GREY)]
    if resolved:
        shown.append(Span(f"+ {resolved} resolved", GREY, smaller=True))
    return lines(shown, centre)
