"""The Inputs sheet of the negotiation workbook: one editable cell per input, each carrying a
workbook-level defined name the Comparison formulas read (PlannedQty, FX_<CCY>, AgentFeePct...).

Decisions:
- Percentages are stored as typed in the app (5 means 5 %), shown with a " %" suffix; the
  formulas divide by 100.
- FX_<CCY> holds the rate fx.rate_for uses on the export date (the latest dated on or before
  it), "1 HOME = x CCY"; the home currency's own is 1. A currency without such a rate gets an
  empty cell, and the quotes that need it say so instead of a landed cost.
- Low-value relief (the destination's dated rule): the rule in force on the export date is
  written as plain inputs (DutyFreeUpTo, FlatDutyPerCategory, ItemCategories, VATFreeUpTo,
  ConsignmentValue, in the destination's currency); blank means no relief. The formulas apply
  them exactly as landed_cost does, so every figure stays a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.kit.money import exponent
from app.exports.kit.xlsx_cells import HEADER_FILL, HEADER_FONT, set_text
from app.exports.negotiation.data import NegotiationExport
from app.exports.negotiation.figures import (
    rate_in_use,
    relief_applies,
    relief_rule,
    workbook_currencies,
)

INPUTS_SHEET = "Inputs"
VALUE_COLUMN = "C"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_SECTION = Font(bold=True, size=11, color="305496")
_NOTE = Font(italic=True, color="5A6270")
_THIN = Side(style="thin", color="5A6270")
INPUT_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT_FORMAT = 'General" %"'
RATE_FORMAT = "0.00####"
COUNT_FORMAT = "#,##0"


def amount_format(currency: str, extra_places: int = 0) -> str:
    """'#,##0.00" EUR"' (JPY: no decimals); `extra_places` optional ones (unit prices)."""
    places = exponent(currency)
    decimals = "." + "0" * places + "#" * extra_places if places or extra_places else ""
    return f'#,##0{decimals}" {currency.upper()}"'


@dataclass(frozen=True, slots=True)
class InputRow:
    name: str  # the defined name
    label: str
    label_zh: str
    value: object  # None: an empty cell
    number_format: str
    meaning: str


@dataclass(frozen=True, slots=True)
class InputRefs:
    """What the formulas need to know about the inputs."""

    home: str
    agent: str
    destination: str | None  # the relief thresholds' currency; None: no destination
    currencies: tuple[str, ...]  # every FX_<CCY> written, home first
    rows: dict[str, str]  # defined name -> "Inputs!$C$n"


def input_sections(data: NegotiationExport) -> list[tuple[str, list[InputRow]]]:
    """The inputs in the order shown, by section (title in English / Chinese)."""
    s, home = data.settings, data.home.upper()
    agent = s.agent_currency.upper()
    dest = s.destination.currency.upper() or None
    fx = []
    for currency in workbook_currencies(data):
        rate = rate_in_use(data, currency)
        if currency == home:
            value, meaning = Decimal(1), f"the home currency: always 1 (1 {home} = 1 {home})"
        elif rate is None:
            value = None
            meaning = (
                f"no {currency} rate dated on or before {data.today.isoformat()}: "
                f"enter 1 {home} = x {currency}"
            )
        else:
            value, meaning = rate.per_home, f"1 {home} = x {currency}, rate of {rate.as_of}"
        fx.append(
            InputRow(
                f"FX_{currency}", f"{currency} per 1 {home}", "汇率", value, RATE_FORMAT, meaning
            )
        )
    rule = relief_rule(data) if relief_applies(data) else None
    dest_text = dest or "—"
    relief = [
        InputRow(
            "DutyFreeUpTo",
            f"Duty-free up to ({dest_text})",
            "免关税限额",
            rule.duty_free_up_to if rule else None,
            _plain_amount(dest),
            "no duty when the goods alone are at most this (blank: no relief)",
        ),
        InputRow(
            "FlatDutyPerCategory",
            f"Flat duty per category ({dest_text})",
            "每类固定关税",
            rule.flat_duty_per_category if rule else None,
            _plain_amount(dest),
            "charged instead of duty at or under the limit (blank: none)",
        ),
        InputRow(
            "ItemCategories",
            "Item categories",
            "商品类别数",
            s.item_categories,
            COUNT_FORMAT,
            "tariff lines in the consignment (for the flat duty)",
        ),
        InputRow(
            "VATFreeUpTo",
            f"VAT-free up to ({dest_text})",
            "免增值税限额",
            rule.vat_free_up_to if rule else None,
            _plain_amount(dest),
            "no import VAT when the goods are at most this (blank: none)",
        ),
        InputRow(
            "ConsignmentValue",
            f"Consignment goods value ({dest_text})",
            "整批货值",
            s.consignment_value,
            _plain_amount(dest),
            "the whole consignment's goods when it carries more (blank: this order's)",
        ),
    ]
    return [
        (
            "Order / 订单",
            [
                InputRow(
                    "PlannedQty",
                    "Planned quantity",
                    "计划数量",
                    data.planned_qty,
                    COUNT_FORMAT,
                    "pieces; rounded up to each quote's order multiple",
                ),
            ],
        ),
        (f"Exchange rates: 1 {home} = x / 汇率", fx),
        (
            "Agent and payment fees / 代购费与支付费",
            [
                InputRow(
                    "AgentFeePct",
                    "Agent service fee",
                    "代购服务费",
                    s.agent_fee_pct,
                    PERCENT_FORMAT,
                    f"% charged in {agent}",
                ),
                InputRow(
                    "AgentFeeMin",
                    f"Agent fee minimum ({agent})",
                    "最低服务费",
                    s.agent_fee_min,
                    amount_format(agent),
                    f"at least this, in {agent}",
                ),
                InputRow(
                    "AgentFeeBasis",
                    "Agent fee basis",
                    "服务费基数",
                    s.agent_fee_basis.value,
                    "@",
                    "'goods' or 'goods+domestic' (goods + domestic shipping)",
                ),
                InputRow(
                    "PaymentFeePct",
                    "Payment fee",
                    "支付手续费",
                    s.payment_fee_pct,
                    PERCENT_FORMAT,
                    "% of goods + domestic shipping + agent fee",
                ),
            ],
        ),
        (
            "Freight and insurance / 运费与保险",
            [
                InputRow(
                    "Freight",
                    f"International freight ({home})",
                    "国际运费",
                    s.freight,
                    amount_format(home),
                    "the whole order, to the border",
                ),
                InputRow(
                    "FreightPerUnit",
                    f"Freight per unit, measured ({home})",
                    "实测每件运费",
                    data.freight_per_unit,
                    "#,##0.0000",
                    "from the latest shipment (Consolidation); when set it replaces Freight: "
                    "per unit x ordered qty. Empty: Freight",
                ),
                InputRow(
                    "InsurancePct",
                    "Insurance",
                    "保险费率",
                    s.insurance_pct,
                    PERCENT_FORMAT,
                    "% of the insured value",
                ),
                InputRow(
                    "InsuranceCoverPct",
                    "Insurance cover",
                    "投保比例",
                    s.insurance_cover_pct,
                    PERCENT_FORMAT,
                    "100, or 110 (Incoterms CIF minimum) of goods + domestic shipping + freight",
                ),
            ],
        ),
        (
            f"Customs: {s.destination.name} / 海关",
            [
                InputRow(
                    "DutyPct",
                    "Import duty",
                    "关税税率",
                    s.duty_pct,
                    PERCENT_FORMAT,
                    "% of the customs value",
                ),
                InputRow(
                    "DutyBasis",
                    "Duty basis",
                    "完税价格基础",
                    s.duty_basis.value,
                    "@",
                    "'CIF' (goods + domestic + freight + insurance) or 'FOB' (goods + domestic)",
                ),
                InputRow(
                    "PostBorderTransport",
                    f"Transport after the border ({home})",
                    "入境后运费",
                    s.post_border_transport,
                    amount_format(home),
                    "a cost of its own; in the VAT base on a CIF basis",
                ),
                *relief,
                InputRow(
                    "VATPct",
                    "Import VAT",
                    "进口增值税率",
                    s.vat_pct,
                    PERCENT_FORMAT,
                    "% of customs value + duty (+ transport after the border on CIF)",
                ),
                InputRow(
                    "VATReclaimable",
                    "VAT reclaimable",
                    "增值税可抵扣",
                    s.vat_reclaimable,
                    "General",
                    "TRUE: shown, not counted in the landed cost",
                ),
            ],
        ),
        (
            "Selling / 销售",
            [
                InputRow(
                    "TargetMarginPct",
                    "Target margin",
                    "目标毛利率",
                    data.target_margin_pct,
                    PERCENT_FORMAT,
                    "margin on the selling price (not a markup on cost)",
                ),
                InputRow(
                    "SellingFeePct",
                    "Selling fee",
                    "平台佣金",
                    data.selling_fee_pct,
                    PERCENT_FORMAT,
                    "% of the selling price the marketplace keeps",
                ),
            ],
        ),
    ]


def _plain_amount(currency: str | None) -> str:
    return amount_format(currency) if currency else "#,##0.00"


def write_inputs(workbook: Workbook, data: NegotiationExport) -> InputRefs:
    """The Inputs sheet, its defined names and validations."""
    ws = workbook.create_sheet(INPUTS_SHEET)
    for column, width in zip("ABCDE", (34, 14, 16, 22, 70), strict=True):
        ws.column_dimensions[column].width = width
    ws["A1"] = "Inputs / 输入: change a boxed value, the Comparison sheet recomputes"
    ws["A1"].font = _TITLE
    set_text(ws["A2"], f"Product / 产品: {data.product_name}")
    ws["A3"] = (
        f"Home currency / 本币: {data.home.upper()} (fixed: the formulas convert to it) · "
        f"rates and relief as of {data.today.isoformat()}"
    )
    ws["A3"].font = _NOTE
    row = 5
    refs: dict[str, str] = {}
    for title, items in input_sections(data):
        ws.cell(row=row, column=1, value=title).font = _SECTION
        row += 1
        for number, header in enumerate(
            ("Input", "中文", "Value / 值", "Name / 名称", "Meaning"), start=1
        ):
            cell = ws.cell(row=row, column=number, value=header)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        row += 1
        for item in items:
            ws.cell(row=row, column=1, value=item.label)
            ws.cell(row=row, column=2, value=item.label_zh)
            value = ws.cell(row=row, column=3, value=item.value)
            value.number_format = item.number_format
            value.font, value.border = _BOLD, INPUT_BORDER
            ws.cell(row=row, column=4, value=item.name)
            ws.cell(row=row, column=5, value=item.meaning).alignment = _WRAP
            refs[item.name] = f"{INPUTS_SHEET}!${VALUE_COLUMN}${row}"
            workbook.defined_names[item.name] = DefinedName(item.name, attr_text=refs[item.name])
            row += 1
        row += 1
    _validate(ws, refs)
    ws.freeze_panes = "A5"
    s = data.settings
    return InputRefs(
        home=data.home.upper(),
        agent=s.agent_currency.upper(),
        destination=s.destination.currency.upper() or None,
        currencies=tuple(workbook_currencies(data)),
        rows=refs,
    )


def _validate(ws: Worksheet, refs: dict[str, str]) -> None:
    def cell(name: str) -> str:
        return refs[name].split("!")[1].replace("$", "")

    def rule(kind: str, first: str, second: str | None, message: str, *names: str) -> None:
        validation = DataValidation(
            type=kind,
            operator="between" if second is not None else None,
            formula1=first,
            formula2=second,
            showErrorMessage=True,
            error=message,
            allow_blank=True,
        )
        for name in names:
            validation.add(cell(name))
        ws.add_data_validation(validation)

    rule("whole", "1", "1000000000", "A whole number of pieces, 1 or more.", "PlannedQty")
    rule("list", '"goods,goods+domestic"', None, "goods or goods+domestic", "AgentFeeBasis")
    rule("list", '"CIF,FOB"', None, "CIF or FOB", "DutyBasis")
    rule(
        "decimal",
        "0",
        "100",
        "A percentage from 0 to 100.",
        "AgentFeePct",
        "PaymentFeePct",
        "InsurancePct",
        "VATPct",
        "TargetMarginPct",
        "SellingFeePct",
    )
    rule("decimal", "0", "1000", "A percentage from 0 to 1000.", "DutyPct")
    rule("decimal", "100", "200", "100, or 110 for the CIF minimum cover.", "InsuranceCoverPct")
