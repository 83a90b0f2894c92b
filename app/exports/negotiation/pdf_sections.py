"""The parts of a product's negotiation report after the comparison: market statistics, the
inputs used, and the chosen supplier's worksheet (rounds, agreed terms, payment plan, landed
cost line by line). Figures come from app.exports.negotiation.figures (the domain's own)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.kit.money import exponent
from app.domain.negotiation.amounts import decimal_places, format_money, format_percent
from app.domain.negotiation.market import MarketStats
from app.domain.negotiation.payment import PaymentEvent
from app.exports.kit.pdf_layout import (
    GREY,
    RED,
    Span,
    Styles,
    aligned,
    escape_text,
    lines,
    paragraph,
)
from app.exports.kit.pdf_table import GRID, HEADER_BACKGROUND
from app.exports.negotiation.data import NegotiationExport
from app.exports.negotiation.figures import (
    WorksheetFigures,
    rate_in_use,
    relief_applies,
    relief_rule,
    workbook_currencies,
)

NO_VALUE = "–"
PER_UNIT = Decimal("0.0001")
FRAME_WIDTH = 277 * mm  # landscape A4 less the side margins


def price_text(amount: Decimal, currency: str) -> str:
    """A unit price with its own decimals, at least the currency's: '$0.4125', '¥2.80'."""
    usual = exponent(currency)
    places = max(usual, decimal_places(amount))
    text = format_money(amount, currency)
    if places == usual:
        return text
    return text.replace(f"{abs(amount):,.{usual}f}", f"{abs(amount):,.{places}f}", 1)


def per_unit_text(amount: Decimal, currency: str) -> str:
    """Four decimals, half up: '€0.9823'."""
    shown = amount.quantize(PER_UNIT, ROUND_HALF_UP)
    return price_text(shown, currency) if exponent(currency) <= 4 else str(shown)


def heading_style(s: Styles) -> ParagraphStyle:
    return ParagraphStyle(
        "section",
        parent=s.body,
        fontSize=10.5,
        leading=14,
        spaceBefore=5,
        spaceAfter=2,
        textColor=colors.HexColor("#2f4b6e"),
    )


def note_style(s: Styles) -> ParagraphStyle:
    return ParagraphStyle("note", parent=s.cell, textColor=colors.HexColor(GREY))


def small_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    s: Styles,
    *,
    header: bool = True,
    right: Sequence[int] = (),
) -> Table:
    """A short table of wrapped cells; the first row is a dark header when `header`; the
    columns numbered in `right` are aligned right (amounts)."""
    data = []
    for number, row in enumerate(rows):
        base = s.header_cell if header and number == 0 else s.cell
        data.append(
            [
                cell
                if isinstance(cell, Flowable)
                else paragraph(cell, aligned(base, "right") if column in right else base)
                for column, cell in enumerate(row)
            ]
        )
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.cell.fontName),  # never reportlab's Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND))
    table.setStyle(TableStyle(commands))
    return table


# --- market statistics -----------------------------------------------------------------------


def market_section(stats: Sequence[MarketStats], s: Styles) -> list[Flowable]:
    head = heading_style(s)
    story: list[Flowable] = [paragraph("Market statistics / 市场统计 (unit prices)", head)]
    if not stats:
        return [*story, paragraph("No quote can be priced at this quantity.", s.body)]
    rows: list[list[object]] = [
        [
            "Currency\n币种",
            "Priced\n可报价",
            "Lowest\n最低",
            "Highest\n最高",
            "Mean\n平均",
            "Median\n中位数",
            "Weighted mean\n加权平均",
            "Note\n说明",
        ]
    ]
    for item in stats:
        currency = item.currency or ""

        def shown(value: Decimal | None, currency: str = currency) -> str:
            return NO_VALUE if value is None or not currency else price_text(value, currency)

        rows.append(
            [
                currency or NO_VALUE,
                str(item.count),
                shown(item.minimum),
                shown(item.maximum),
                shown(item.mean),
                shown(item.median),
                shown(item.weighted_mean),
                item.note
                or f"too good to be true: more than {format_percent(item.threshold_pct)} "
                "below the median",
            ]
        )
    widths = [18 * mm, 16 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 26 * mm, 110 * mm]
    return [KeepTogether([*story, small_table(rows, widths, s, right=range(1, 7))])]


# --- inputs used -----------------------------------------------------------------------------


def inputs_section(data: NegotiationExport, s: Styles) -> list[Flowable]:
    st, home = data.settings, data.home.upper()
    rates = []
    for currency in workbook_currencies(data)[1:]:
        rate = rate_in_use(data, currency)
        rates.append(
            f"1 {home} = {rate.per_home} {currency} ({rate.as_of.isoformat()})"
            if rate
            else f"{currency}: no rate on or before {data.today.isoformat()}"
        )
    agent = (
        f"{format_percent(st.agent_fee_pct)} of {st.agent_fee_basis.label.lower()}, in "
        f"{st.agent_currency}, at least {format_money(st.agent_fee_min, st.agent_currency)}"
    )
    freight = f"{format_money(st.freight, home)} (whole order)"
    if data.freight_per_unit is not None:  # measured on a shipment: it replaces the typed one
        freight = (
            f"{data.freight_per_unit:,.4f} {home} per unit x ordered pieces, allocated from "
            "the latest shipment carrying this product"
        )
    rule = relief_rule(data)
    relief = rule.note if rule is not None and rule.note else "no low-value relief"
    if not relief_applies(data) and rule is not None and rule.note:
        relief += " (no threshold applies)"
    vat = format_percent(st.vat_pct) + (
        " · reclaimable: shown, not counted" if st.vat_reclaimable else " · counted in the cost"
    )
    rows: list[list[object]] = [
        ["Exchange rates / 汇率", "; ".join(rates) or f"all in {home}"],
        ["Agent service fee / 代购服务费", agent],
        [
            "Payment fee / 支付手续费",
            f"{format_percent(st.payment_fee_pct)} of goods + domestic shipping + agent fee",
        ],
        ["International freight / 国际运费", freight],
        [
            "Insurance / 保险",
            f"{format_percent(st.insurance_pct)} of "
            f"{format_percent(st.insurance_cover_pct)} of goods + domestic shipping + freight",
        ],
        ["Destination / 目的地", f"{st.destination.name} · {relief}"],
        ["Import duty / 关税", f"{format_percent(st.duty_pct)} on {st.duty_basis.label}"],
        ["Transport after the border / 入境后运费", format_money(st.post_border_transport, home)],
        ["Import VAT / 进口增值税", vat],
        [
            "Selling price / 售价",
            f"{format_percent(data.target_margin_pct)} margin on price after "
            f"a {format_percent(data.selling_fee_pct)} selling fee, rounded up to the cent",
        ],
    ]
    table = small_table(rows, [55 * mm, 200 * mm], s, header=False)
    return [KeepTogether([paragraph("Inputs used / 计算参数", heading_style(s)), table])]


# --- the chosen supplier's worksheet ---------------------------------------------------------


def worksheet_section(figures: WorksheetFigures, s: Styles) -> list[Flowable]:
    entry, head, note = figures.entry, heading_style(s), note_style(s)
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(f"Negotiation with / 谈判对象: {escape_text(entry.supplier_name)}", head),
    ]
    targets = entry.targets
    if targets is not None:
        story.append(
            paragraph(
                f"Targets / 目标价: target {price_text(targets.target, targets.currency)} · "
                f"acceptable {price_text(targets.acceptable, targets.currency)} · walk-away "
                f"{price_text(targets.walk_away, targets.currency)}",
                s.body,
            )
        )
    story += _rounds(figures, s, note)
    story += _agreed(figures, s)
    story += _breakdown(figures, s, note)
    return story


def _rounds(figures: WorksheetFigures, s: Styles, note: ParagraphStyle) -> list[Flowable]:
    entry = figures.entry
    head = heading_style(s)
    if not entry.rounds:
        return [paragraph("Rounds / 谈判轮次: none recorded.", s.body)]
    currency = (
        entry.targets.currency
        if entry.targets
        else (entry.agreed.currency if entry.agreed else "CNY")
    )
    reviews = figures.review.rounds if figures.review else None
    rows: list[list[object]] = [
        [
            "#",
            "Date\n日期",
            "Our offer\n我方出价",
            "Their counter\n对方还价",
            "Gap\n差距",
            "Position\n位置",
            "Concession\n让步",
            "Note\n备注",
        ]
    ]
    for number, item in enumerate(entry.rounds, start=1):
        review = reviews[number - 1] if reviews else None
        gap = NO_VALUE
        if item.their_counter is not None:
            value = item.their_counter - item.our_offer
            gap = price_text(value, currency) if value >= 0 else "-" + price_text(-value, currency)
            if review is not None and review.gap_pct is not None:
                gap += f" ({format_percent(review.gap_pct)})"
        position = review.counter_position.label if review and review.counter_position else ""
        warning = [Span(review.warning, RED)] if review and review.warning else []
        rows.append(
            [
                str(number),
                item.on.isoformat(),
                price_text(item.our_offer, currency),
                price_text(item.their_counter, currency)
                if item.their_counter is not None
                else NO_VALUE,
                gap,
                position or NO_VALUE,
                item.concession or NO_VALUE,
                lines([item.note, *warning], s.cell),
            ]
        )
    widths = [8 * mm, 20 * mm, 22 * mm, 24 * mm, 28 * mm, 45 * mm, 50 * mm, 60 * mm]
    story: list[Flowable] = [
        paragraph("Rounds / 谈判轮次", head),
        small_table(rows, widths, s, right=(2, 3, 4)),
    ]
    if figures.review is not None:
        story.append(paragraph(f"Trend: {figures.review.trend.label}.", note))
    if figures.review_problem:
        story.append(lines([Span(figures.review_problem, RED)], s.cell))
    return story


def _agreed(figures: WorksheetFigures, s: Styles) -> list[Flowable]:
    agreed = figures.entry.agreed
    head = heading_style(s)
    if agreed is None:
        return [paragraph("Agreed terms / 成交条件: not agreed yet.", s.body)]
    c = agreed.currency
    plan = agreed.payment_plan
    rows: list[list[object]] = [
        ["Unit price / 单价", price_text(agreed.unit_price, c)],
        ["Quantity / 数量", f"{agreed.quantity:,}"],
        ["Total / 总额", format_money(agreed.total, c)],
        [
            "Payment plan / 付款方式",
            f"{plan.code}: {plan.name} (risk {plan.risk.label.lower()} / {plan.risk.label_zh})"
            if plan
            else NO_VALUE,
        ],
        ["Trade term / 贸易术语", f"{agreed.trade_term.label} / {agreed.trade_term.label_zh}"],
        [
            "Price valid until / 有效期至",
            agreed.valid_until.isoformat() if agreed.valid_until else NO_VALUE,
        ],
        [
            "Lead time / 交期",
            f"{agreed.lead_time_days} days" if agreed.lead_time_days is not None else NO_VALUE,
        ],
        ["Quality standard / 质量标准", agreed.quality_standard or NO_VALUE],
        ["Packaging and labelling / 包装标签", agreed.packaging or NO_VALUE],
        ["After-sales / 售后", agreed.after_sales or NO_VALUE],
        ["Agreed on / 成交日期", agreed.agreed_on.isoformat() if agreed.agreed_on else NO_VALUE],
        ["Note / 备注", agreed.note or NO_VALUE],
    ]
    story: list[Flowable] = [
        paragraph("Agreed terms / 成交条件", head),
        small_table(rows, [55 * mm, 200 * mm], s, header=False),
    ]
    if figures.instalments:
        plan_rows: list[list[object]] = [["Due / 付款时间", "Share / 比例", "Amount / 金额"]]
        for part in figures.instalments:
            due = part.instalment.due
            if isinstance(due, PaymentEvent):
                label = f"{due.label} / {due.label_zh}"
            else:
                label = due.isoformat()
            plan_rows.append(
                [label, format_percent(part.instalment.percent), format_money(part.amount, c)]
            )
        table = small_table(plan_rows, [70 * mm, 25 * mm, 35 * mm], s, right=(1, 2))
        story += [KeepTogether([paragraph("Payment plan / 付款计划", head), table])]
    if figures.plan_problem:
        story.append(lines([Span(figures.plan_problem, RED)], s.cell))
    return story


def _breakdown(figures: WorksheetFigures, s: Styles, note: ParagraphStyle) -> list[Flowable]:
    head = heading_style(s)
    title = "Landed cost breakdown / 到岸成本明细"
    landed = figures.landed
    if landed is None:
        problem = figures.landed_problem or "No landed cost."
        return [paragraph(title, head), lines([Span(problem, RED)], s.cell)]
    home = landed.currency
    rows: list[list[object]] = [
        ["Cost / 费用", "Basis / 基数", "Rate / 费率", f"Amount ({home}) / 金额", "Note / 说明"]
    ]
    for line in landed.lines:
        rows.append(
            [
                f"{line.component.label} / {line.component.label_zh}",
                format_money(line.basis, home) if line.basis is not None else "",
                format_percent(line.percent) if line.percent is not None else "",
                format_money(line.amount, home) + ("" if line.counted else " (not counted)"),
                line.note,
            ]
        )
    rows.append(["Landed cost / 到岸成本", "", "", format_money(landed.total, home), ""])
    rows.append(
        [
            "Per unit / 单位成本",
            f"{landed.units:,} pieces",
            "",
            per_unit_text(landed.per_unit, home),
            "exact total / units, shown to 4 decimals",
        ]
    )
    widths = [52 * mm, 32 * mm, 18 * mm, 38 * mm, 115 * mm]
    table = small_table(rows, widths, s, right=(1, 2, 3))
    return [
        KeepTogether([paragraph(f"{title}: {figures.landed_title}", head), table]),
        Spacer(1, 1 * mm),
        paragraph(
            f"Customs value {format_money(landed.customs_value, home)}"
            f" · VAT base {format_money(landed.vat_base, home)}",
            note,
        ),
    ]
