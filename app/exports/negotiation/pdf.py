"""The Negotiation tab as a printable report: landscape A4, the CJK font embedded, "Page x of
y". Per product (each on a new page): the quotes compared at the planned quantity (break, unit
price, goods total, landed cost and per unit to 4 decimals, selling price, lead time, validity,
rank, the cheapest ★ and "too good to be true" flags), the market statistics, the inputs used,
and, when a supplier was chosen, its rounds, agreed terms, payment plan and landed cost line by
line. Every figure is the domain's own (figures module); headings are English / 中文.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.domain.negotiation.amounts import format_money, format_percent
from app.domain.negotiation.market import TOO_GOOD_PCT
from app.domain.negotiation.quotes import Validity
from app.exports.kit.pdf_layout import (
    AMBER,
    RED,
    DocumentSpec,
    Span,
    Styles,
    build_pdf,
    lines,
    paragraph,
    styles,
)
from app.exports.kit.pdf_table import Column, LongTable
from app.exports.negotiation.data import NegotiationExport
from app.exports.negotiation.figures import (
    QuoteFigures,
    market_by_currency,
    quote_figures,
    worksheet_figures,
)
from app.exports.negotiation.pdf_sections import (
    NO_VALUE,
    heading_style,
    inputs_section,
    market_section,
    note_style,
    per_unit_text,
    price_text,
    worksheet_section,
)

Progress = Callable[[int, int], bool]
TITLE = "Negotiation report / 谈判报告"
CHEAPEST = "★"
COLUMNS = (
    Column("Rank\n排名", 3.4, "right"),
    Column("Supplier\n供应商", 17),
    Column("Break\n价格档", 6.4, "right"),
    Column("Unit price\n单价", 8.5, "right"),
    Column("Goods total\n货款", 8.5, "right"),
    Column("Landed cost\n到岸成本", 8.5, "right"),
    Column("Per unit\n单位成本", 7, "right"),
    Column("Selling price\n建议售价", 7, "right"),
    Column("Lead time\n交期", 5.2, "right"),
    Column("Validity\n有效期", 8.5),
    Column("Flags\n标记", 10),
)
_VALIDITY_COLOUR = {Validity.EXPIRED: RED, Validity.EXPIRING: AMBER, Validity.NOT_YET_VALID: AMBER}


def export_negotiation_pdf(
    products: Sequence[NegotiationExport], out: Path, *, on_progress: Progress | None = None
) -> Path:
    """Write the report of `products` (in this order) to `out` atomically; on_progress(done,
    total) is called as the pages are laid out (total: every quote row plus one per product)
    and returning False cancels (no file is written, an existing `out` is kept)."""
    s = styles(7.2)
    story: list[Flowable] = []
    total = sum(len(p.quotes) for p in products) + len(products)  # table rows + a marker each
    for number, product in enumerate(products):
        if number:
            story.append(PageBreak())
        story += product_story(product, s)
        marker = Spacer(1, 0)
        marker.progress_rows = 1  # the product's last flowable laid out (its rows count too)
        story.append(marker)
    if not products:
        story.append(paragraph("No products to export.", s.body))
    dates = sorted({p.today for p in products})
    exported = f"exported {dates[-1].isoformat()}" if dates else "nothing to export"
    count = f"{len(products)} product{'' if len(products) == 1 else 's'}"
    spec = DocumentSpec(
        title=TITLE,
        subtitle=f"{exported} · {count}",
        landscape=True,
        running_header=TITLE,
        footer=f"Sourcing Workbench · {TITLE} · {exported}",
    )
    return build_pdf(Path(out), spec, story, total=total, on_progress=on_progress)


def product_story(data: NegotiationExport, s: Styles) -> list[Flowable]:
    heading = ParagraphStyle("product", parent=s.body, fontSize=13, leading=17, spaceAfter=1)
    note = note_style(s)
    rows = quote_figures(data)
    about = (
        f"Planned quantity / 计划数量 {data.planned_qty:,} pieces · home currency / 本币 "
        f"{data.home.upper()} · rates and relief as of {data.today.isoformat()} · "
        f"{len(data.quotes)} quote{'' if len(data.quotes) == 1 else 's'}"
    )
    story: list[Flowable] = [
        paragraph(data.product_name, heading),
        paragraph(about, s.body),
        Spacer(1, 2 * mm),
        paragraph("Quotes compared / 报价比较", heading_style(s)),
    ]
    if rows:
        story.append(
            LongTable(COLUMNS, rows, lambda row: comparison_row(row, data, s), table_styles=s)
        )
    else:
        story.append(paragraph("No quotes for this product yet.", s.body))
    story.append(Spacer(1, 1.5 * mm))
    story.append(paragraph(legend(data), note))
    try:
        story += market_section(market_by_currency(data), s)
    except ValueError as error:
        story += [
            paragraph("Market statistics / 市场统计", heading_style(s)),
            lines([Span(str(error), RED)], s.cell),
        ]
    story += inputs_section(data, s)
    worksheet = worksheet_figures(data)
    if worksheet is not None:
        story += worksheet_section(worksheet, s)
    return story


def legend(data: NegotiationExport) -> str:
    return (
        f"{CHEAPEST} lowest unit price among the quotes in the same currency · 'too good?': "
        f"more than {format_percent(TOO_GOOD_PCT)} below the median unit price (check quality "
        "and the supplier first) · landed cost in the home currency, per the money rules; per "
        "unit = landed cost / ordered quantity, shown to 4 decimals · selling price for a "
        f"{format_percent(data.target_margin_pct)} margin after a "
        f"{format_percent(data.selling_fee_pct)} fee, rounded up to the cent · rank by landed "
        "cost per unit, lowest first."
    )


def comparison_row(row: QuoteFigures, data: NegotiationExport, s: Styles) -> list[Flowable | str]:
    """One quote's cells, in COLUMNS order."""
    quote, home = row.entry.quote, data.home.upper()
    right = ParagraphStyle("right", parent=s.cell, alignment=2)
    supplier = paragraph(row.entry.supplier_name, s.cell)
    validity = _validity(row, s)
    lead = f"{quote.lead_time_days} d" if quote.lead_time_days is not None else NO_VALUE
    priced = row.priced
    if priced is None:
        reason = lines([Span(row.reason, RED)], s.cell)
        return [
            NO_VALUE,
            supplier,
            NO_VALUE,
            reason,
            NO_VALUE,
            NO_VALUE,
            NO_VALUE,
            NO_VALUE,
            lead,
            validity,
            _flags(row, s),
        ]
    step = f"≥ {priced.price_break.min_qty:,}"
    if priced.ordered_qty != priced.quantity:
        step += f"\norders {priced.ordered_qty:,}"
    landed: Flowable | str = NO_VALUE
    per_unit = selling = NO_VALUE
    if row.landed is not None:
        landed = format_money(row.landed.total, home)
        per_unit = per_unit_text(row.landed.per_unit, home)
    elif row.landed_problem:
        landed = lines([Span(row.landed_problem, RED)], right)
    if row.selling is not None:
        selling = format_money(row.selling, home)
    elif row.selling_problem:
        selling = "no price"
    return [
        NO_VALUE if row.rank is None else str(row.rank),
        supplier,
        paragraph(step, right),
        price_text(priced.unit_price, priced.currency),
        format_money(priced.goods_total, priced.currency),
        landed,
        per_unit,
        selling,
        lead,
        validity,
        _flags(row, s),
    ]


def _validity(row: QuoteFigures, s: Styles) -> Paragraph:
    quote, validity = row.entry.quote, row.validity
    text = f"{validity.label} / {validity.label_zh}"
    until = f"until {quote.valid_until.isoformat()}" if quote.valid_until else ""
    colour = _VALIDITY_COLOUR.get(validity)
    return lines([Span(text, colour) if colour else text, Span(until, smaller=True)], s.cell)


def _flags(row: QuoteFigures, s: Styles) -> Paragraph | str:
    market = row.market
    if market is None:
        return ""
    parts: list[Span | str] = []
    if market.cheapest:
        parts.append(f"{CHEAPEST} cheapest / 最低价")
    if market.too_good:
        below = (
            f" {format_percent(market.below_median_pct)} below median"
            if (market.below_median_pct is not None)
            else ""
        )
        parts.append(Span(f"too good? 低价存疑{below}", RED))
    return lines(parts, s.cell) if parts else ""
