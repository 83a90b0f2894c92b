"""The Notes sheet of the negotiation workbook: how it computes (the money rules of
app.domain.negotiation in words), the exchange rates with their dates, the low-value relief in
force on the export date, and what each named input means. Short lines are bilingual."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.negotiation.amounts import format_percent
from app.exports.kit.xlsx_cells import HEADER_FILL, HEADER_FONT, set_text
from app.exports.negotiation.data import NegotiationExport
from app.exports.negotiation.figures import rate_in_use, relief_applies, relief_rule
from app.exports.negotiation.xlsx_inputs import RATE_FORMAT, InputRefs, input_sections

_TITLE = Font(bold=True, size=13)
_SECTION = Font(bold=True, size=11, color="305496")
_WRAP = Alignment(wrap_text=True, vertical="top")
CHARS_PER_LINE = 120  # of the merged A:D width, for the row height of a wrapped note
LINE_HEIGHT = 15


def money_rules(data: NegotiationExport, refs: InputRefs) -> list[str]:
    """The conventions, in the order the Comparison workings compute them."""
    home, agent = refs.home, refs.agent
    return [
        "Money is exact decimal in the app. Each named amount (a converted total, a fee, "
        "insurance, duty, VAT) is rounded to the cent half up when it is computed, and later "
        "amounts are computed from the rounded ones, as customs assess cent amounts. "
        "每项金额在计算时四舍五入到分，后续基数使用已四舍五入的金额。",
        f"Exchange rates are written 1 {home} = x CCY (FX_CCY on Inputs): an amount in CCY / x "
        f"is the {home} amount. A whole total is converted and rounded once, never a rounded "
        f"unit price. 汇率：1 {home} = x 外币。",
        "Price breaks are all-units: the planned quantity is first rounded up to the quote's "
        "order multiple (CEILING), then takes the price of the break with the largest 'from' "
        "quantity not above it (COUNTIF of the 'from' quantities <= the ordered quantity gives "
        "the break's number). From the MOQ up to the first break, the first break's price "
        "applies; below the MOQ, or below the shop's minimum (amount or pieces), the quote is "
        "not priced and its Unit price cell says why. 全量阶梯价；低于起订量不报价。",
        "Goods total = unit price x ordered quantity, rounded once in the quote's currency; "
        f"then converted to {home} and rounded. Domestic shipping (per order, quote currency) "
        f"likewise.",
        f"Agent service fee: computed in {agent}, the agent's currency: AgentFeePct of the goods "
        f"(or of goods + domestic shipping) converted to {agent} once and rounded, at least "
        f"AgentFeeMin ({agent}), rounded in {agent}, then converted to {home} and rounded again. "
        f"代购服务费以{agent}计算。",
        f"Payment fee: PaymentFeePct of goods + domestic shipping + agent fee, in {home}.",
        f"International freight: the whole order to the border, already in {home}; when "
        "FreightPerUnit is set (measured on a shipment), FreightPerUnit x ordered qty, rounded "
        "to the cent, instead. Insurance: "
        "InsurancePct of InsuranceCoverPct (100, or 110) of goods + domestic shipping + freight.",
        "Customs value: on a CIF basis goods + domestic shipping + freight + insurance (the "
        "agent's fee is a buying commission and is left out); on an FOB basis goods + domestic "
        "shipping. Duty = DutyPct of it, unless the low-value relief below covers the goods.",
        "VAT base: customs value + duty (+ transport after the border on a CIF basis). Import "
        "VAT is always worked out; it is counted in the landed cost only when VATReclaimable is "
        "FALSE. 可抵扣的进口增值税不计入到岸成本。",
        "Landed cost = the sum of the counted amounts; per unit = landed cost / ordered "
        "quantity, unrounded (shown to 4 decimals).",
        "Selling price = cost per unit / (1 - SellingFeePct - TargetMarginPct), rounded UP to "
        "the cent so the target margin is always reached (ROUND to 9 decimals first only removes "
        "binary floating-point noise). The margin is on the selling price, not a markup on cost. "
        "建议售价向上取整到分。",
        "Rank: the lowest landed cost per unit is 1; equal costs share a rank (1, 2, 2, 4); a "
        "quote without a landed cost has no rank.",
    ]


def relief_notes(data: NegotiationExport, refs: InputRefs) -> list[str]:
    destination = data.settings.destination
    if refs.destination is None:
        return [
            "No destination is set: no low-value relief, duty from the first cent. 未设置目的地。"
        ]
    rule = relief_rule(data)
    words = rule.note if rule is not None and rule.note else "no relief rule"
    text = [
        f"Destination {destination.name}: the rule in force on {data.today.isoformat()}: {words}",
        f"DutyFreeUpTo ({refs.destination}): no duty when the goods alone, converted to "
        f"{refs.destination} once (or ConsignmentValue when given), are at most this; then "
        "FlatDutyPerCategory x ItemCategories is charged instead when set. VATFreeUpTo: no "
        "import VAT at or under it. Blank: no relief. Change them if the goods are imported "
        "under another rule. 低价值豁免按导出日期的规则填写。",
    ]
    if not relief_applies(data):
        text.append("No threshold applies on this date, so the relief inputs are blank.")
    return text


def write_notes(ws: Worksheet, data: NegotiationExport, refs: InputRefs) -> None:
    for column, width in zip("ABCD", (26, 16, 16, 62), strict=True):
        ws.column_dimensions[column].width = width
    row = 1
    cell = ws.cell(row=row, column=1, value="Notes / 说明")
    cell.font = _TITLE
    set_text(
        ws.cell(row=row + 1, column=1),
        f"{data.product_name} · exported {data.today.isoformat()} · home currency {refs.home}",
    )
    row += 3

    def section(title: str) -> None:
        nonlocal row
        ws.cell(row=row, column=1, value=title).font = _SECTION
        row += 1

    def note(text: str) -> None:
        nonlocal row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        cell = ws.cell(row=row, column=1, value=text)
        cell.alignment = _WRAP
        ws.row_dimensions[row].height = LINE_HEIGHT * max(1, -(-len(text) // CHARS_PER_LINE))
        row += 1

    def header(*texts: str) -> None:
        nonlocal row
        for number, text in enumerate(texts, start=1):
            cell = ws.cell(row=row, column=number, value=text)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        row += 1

    section("How it works / 使用说明")
    note(
        "Comparison has one row per quote at the planned quantity. Every figure on it is a "
        "formula over the named cells on Inputs and the price breaks on Breaks: change the "
        "quantity, a rate, a fee or a break and the break, totals, landed cost, selling price "
        "and rank recompute in Excel or LibreOffice. A program that reads the file without "
        "recalculating (such as pandas) sees those cells empty. 修改输入后自动重算。"
    )
    row += 1
    section("Money rules / 计算规则")
    for text in money_rules(data, refs):
        note(text)
    row += 1
    section("Low-value relief / 低价值豁免")
    for text in relief_notes(data, refs):
        note(text)
    row += 1
    section(f"Exchange rates / 汇率 (1 {refs.home} = x)")
    header("Currency / 币种", f"1 {refs.home} =", "As of / 日期", "Used / 使用")
    for rate in sorted(data.rates, key=lambda r: (r.currency.upper(), r.as_of)):
        used = rate_in_use(data, rate.currency) == rate and rate.currency.upper() != refs.home
        ws.cell(row=row, column=1, value=rate.currency.upper())
        ws.cell(row=row, column=2, value=rate.per_home).number_format = RATE_FORMAT
        ws.cell(row=row, column=3, value=rate.as_of.isoformat())
        ws.cell(
            row=row,
            column=4,
            value=f"yes: FX_{rate.currency.upper()} on Inputs" if used else "no (another date)",
        )
        row += 1
    if not data.rates:
        ws.cell(row=row, column=1, value="No exchange rates entered.")
        row += 1
    row += 1
    section("Inputs / 输入项")
    header("Name / 名称", "中文", "As exported", "Meaning / 含义")
    for _, items in input_sections(data):
        for item in items:
            ws.cell(row=row, column=1, value=item.name)
            ws.cell(row=row, column=2, value=item.label_zh)
            shown = _shown(item.value, item.number_format)
            ws.cell(row=row, column=3, value=shown)
            ws.cell(row=row, column=4, value=f"{item.label}: {item.meaning}").alignment = _WRAP
            row += 1


def _shown(value: object, number_format: str) -> str:
    """An input's exported value as words (the live value is on Inputs)."""
    if value is None:
        return "(blank)"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if number_format.endswith('" %"'):
        return format_percent(value)  # type: ignore[arg-type]
    return str(value)
