"""The formulas of one Comparison row: the applicable price break, the totals, every landed-cost
line, the selling price and the rank, over the named inputs and the row's price breaks. They
follow app.domain.negotiation (quotes, landed_cost, selling) line for line:

- ordered = CEILING(PlannedQty, order multiple); below the MOQ, or below the shop minimum
  (amount OR pieces), the quote is not priced and says why.
- The break: the price breaks are all-units and their minimums rise, so COUNTIF(minimums,
  "<="&ordered) is the number of the applicable break; MAX(1, ...) gives the first break's
  price from the MOQ up to the first break (INDEX picks the price).
- Every named amount is ROUND(x, places) when computed (half away from zero: half up for
  money >= 0), in its currency's places; later bases use the rounded cells. A conversion is
  ROUND(amount / FX_CCY, places) on the whole amount.
- The agent fee is computed in the agent's currency on the amounts converted to it once
  (ROUND(amount * FX_AGENT / FX_QUOTE)), at least AgentFeeMin, then converted home.
- Selling price: ROUNDUP(ROUND(cost per unit / (1 - fee - margin), 9), 2): up to the cent from
  the unrounded cost per unit; the ROUND to 9 decimals only removes binary floating-point noise
  (a price that is exactly a cent must not become the next one).
- Rank: RANK(per unit, all per-unit cells, ascending): ties share a rank, text cells (quotes
  without a landed cost) are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from app.domain.kit.money import exponent
from app.exports.negotiation.xlsx_inputs import InputRefs

BREAKS_SHEET = "Breaks"
# Breaks sheet columns (one row per quote, the same row number as on Comparison).
B_SUPPLIER, B_CURRENCY, B_MOQ, B_MULTIPLE = "A", "B", "C", "D"
B_SHOP_AMOUNT, B_SHOP_PIECES, B_SHIPPING, B_VALID_UNTIL, B_LEAD_TIME = "E", "F", "G", "H", "I"
FIRST_BREAK_COLUMN = 10  # J: the break minimums, then as many prices

# Comparison columns: what a partner reads, then the workings (each one a formula too).
COMPARISON_COLUMNS: tuple[tuple[str, str, str, float], ...] = (
    # (key, English, Chinese, width)
    ("supplier", "Supplier", "供应商", 34),
    ("currency", "Currency", "币种", 9),
    ("unit_price", "Unit price", "单价", 24),
    ("goods", "Goods total", "货款", 15),
    ("goods_home", "Goods total (home)", "货款（本币）", 15),
    ("landed", "Landed cost", "到岸成本", 22),
    ("per_unit", "Landed cost per unit", "单位到岸成本", 15),
    ("selling", "Selling price", "建议售价", 14),
    ("rank", "Rank", "排名", 7),
    ("ordered", "Ordered qty", "订购数量", 10),
    ("break_from", "Break from qty", "适用价格档", 11),
    ("break_price", "Break price", "档位单价", 12),
    ("goods_quote", "Goods (quote currency)", "货款（报价币种）", 14),
    ("not_priced", "Not priced because", "无法报价原因", 20),
    ("no_landed", "No landed cost because", "无到岸成本原因", 20),
    ("domestic_home", "Domestic shipping", "国内运费", 13),
    ("agent_fee_agent", "Agent fee (agent's currency)", "代购服务费（代购币种）", 14),
    ("agent_fee", "Agent service fee", "代购服务费", 13),
    ("payment_fee", "Payment fee", "支付手续费", 12),
    ("freight", "International freight", "国际运费", 13),
    ("insurance", "Insurance", "保险费", 11),
    ("customs", "Customs value", "完税价格", 13),
    ("relief_value", "Goods for relief (destination currency)", "豁免货值", 14),
    ("duty", "Import duty", "关税", 11),
    ("post_border", "Transport after the border", "入境后运费", 13),
    ("vat_base", "VAT base", "增值税基数", 13),
    ("vat", "Import VAT", "进口增值税", 12),
    ("total", "Landed total", "到岸总成本", 14),
)
COLUMN = {key: get_column_letter(n) for n, (key, *_) in enumerate(COMPARISON_COLUMNS, start=1)}
SELLING_TOO_HIGH = "Fee + margin reach 100 %: no price gives that margin"


@dataclass(frozen=True, slots=True)
class QuoteLayout:
    """Where one quote's inputs sit on the Breaks sheet."""

    row: int
    currency: str
    slots: int  # break columns per block (minimums, then prices)

    def breaks_cell(self, column: str) -> str:
        return f"{BREAKS_SHEET}!${column}${self.row}"

    @property
    def minimums(self) -> str:
        first = get_column_letter(FIRST_BREAK_COLUMN)
        last = get_column_letter(FIRST_BREAK_COLUMN + self.slots - 1)
        return f"{BREAKS_SHEET}!${first}${self.row}:${last}${self.row}"

    @property
    def prices(self) -> str:
        first = get_column_letter(FIRST_BREAK_COLUMN + self.slots)
        last = get_column_letter(FIRST_BREAK_COLUMN + 2 * self.slots - 1)
        return f"{BREAKS_SHEET}!${first}${self.row}:${last}${self.row}"


def row_formulas(layout: QuoteLayout, refs: InputRefs, last_row: int) -> dict[str, str]:
    """Every formula of the Comparison row `layout.row`, by column key."""
    r, q = layout.row, layout.currency.upper()
    c = {key: f"{letter}{r}" for key, letter in COLUMN.items()}
    dq, dh, da = exponent(q), exponent(refs.home), exponent(refs.agent)
    fx_q, fx_a = f"FX_{q}", f"FX_{refs.agent}"
    moq, multiple = layout.breaks_cell(B_MOQ), layout.breaks_cell(B_MULTIPLE)
    amount, pieces = layout.breaks_cell(B_SHOP_AMOUNT), layout.breaks_cell(B_SHOP_PIECES)
    shipping = layout.breaks_cell(B_SHIPPING)
    count = f'MAX(1,COUNTIF({layout.minimums},"<="&{c["ordered"]}))'
    shop_met = (
        f'OR(AND({amount}<>"",{c["goods_quote"]}>={amount}),'
        f'AND({pieces}<>"",{c["ordered"]}>={pieces}))'
    )
    shop_text = (
        f'"Below the shop\'s minimum order of "&IF({amount}<>"",{amount}&" {q}","")'
        f'&IF(AND({amount}<>"",{pieces}<>"")," or ","")&IF({pieces}<>"",{pieces}&" pieces","")'
    )
    not_priced = _first_true(
        [
            ("N(PlannedQty)<1", '"Enter a planned quantity of 1 or more on Inputs"'),
            (
                f"{c['ordered']}<{moq}",
                f'"Below MOQ "&{moq}&": order at least "&CEILING({moq},{multiple})',
            ),
            (f'AND(OR({amount}<>"",{pieces}<>""),NOT({shop_met}))', shop_text),
        ]
    )
    missing = [
        (f'{c["not_priced"]}<>""', c["not_priced"]),
        (f'{shipping}=""', '"Domestic shipping unknown: enter it on Breaks"'),
        (f"N({fx_q})<=0", f'"No exchange rate for {q}: enter {fx_q} on Inputs"'),
        (
            f"AND(OR(AgentFeePct>0,AgentFeeMin>0),N({fx_a})<=0)",
            f'"No exchange rate for {refs.agent}: enter {fx_a} on Inputs"',
        ),
    ]
    if refs.destination:
        fx_d = f"FX_{refs.destination}"
        missing.append(
            (
                f'AND(DutyFreeUpTo<>"",N({fx_d})<=0)',
                f'"No exchange rate for {refs.destination}: enter {fx_d} on Inputs"',
            )
        )
    stop = f'{c["no_landed"]}<>""'

    def line(formula: str) -> str:
        return f'=IF({stop},"",{formula})'

    def to_agent(value: str) -> str:
        if q == refs.agent:
            return value
        return f"ROUND({value}*({fx_a}/{fx_q}),{da})"

    agent_basis = (
        f'{to_agent(c["goods_quote"])}+IF(AgentFeeBasis="goods+domestic",{to_agent(shipping)},0)'
    )
    cif = 'DutyBasis="CIF"'
    formulas = {
        "ordered": f"=CEILING(PlannedQty,{multiple})",
        "break_from": f"=INDEX({layout.minimums},{count})",
        "break_price": f"=INDEX({layout.prices},{count})",
        "goods_quote": f"=ROUND({c['break_price']}*{c['ordered']},{dq})",
        "not_priced": "=" + not_priced,
        "no_landed": "=" + _first_true(missing),
        "unit_price": f'=IF({c["not_priced"]}<>"",{c["not_priced"]},{c["break_price"]})',
        "goods": f'=IF({c["not_priced"]}<>"","",{c["goods_quote"]})',
        "goods_home": (
            f'=IF(OR({c["not_priced"]}<>"",N({fx_q})<=0),"",ROUND({c["goods_quote"]}/{fx_q},{dh}))'
        ),
        "domestic_home": line(f"ROUND({shipping}/{fx_q},{dh})"),
        "agent_fee_agent": line(
            "IF(AND(AgentFeePct=0,AgentFeeMin=0),0,"
            f"MAX(ROUND(({agent_basis})*AgentFeePct/100,{da}),ROUND(AgentFeeMin,{da})))"
        ),
        "agent_fee": line(
            f"IF({c['agent_fee_agent']}=0,0,ROUND({c['agent_fee_agent']}/{fx_a},{dh}))"
        ),
        "payment_fee": line(
            f"ROUND(({c['goods_home']}+{c['domestic_home']}+{c['agent_fee']})"
            f"*PaymentFeePct/100,{dh})"
        ),
        "freight": line(
            f"IF(ISNUMBER(FreightPerUnit),ROUND(FreightPerUnit*{c['ordered']},{dh}),"
            f"ROUND(Freight,{dh}))"
        ),
        "insurance": line(
            f"ROUND(({c['goods_home']}+{c['domestic_home']}+{c['freight']})"
            f"*InsuranceCoverPct/100*InsurancePct/100,{dh})"
        ),
        "customs": line(
            f"{c['goods_home']}+{c['domestic_home']}+IF({cif},{c['freight']}+{c['insurance']},0)"
        ),
        "post_border": line(f"ROUND(PostBorderTransport,{dh})"),
        "vat_base": line(f"{c['customs']}+{c['duty']}+IF({cif},{c['post_border']},0)"),
        "total": line(
            "ROUND("
            + "+".join(
                c[key]
                for key in (
                    "goods_home",
                    "domestic_home",
                    "agent_fee",
                    "payment_fee",
                    "freight",
                    "insurance",
                    "duty",
                    "post_border",
                )
            )
            + f"+IF(VATReclaimable,0,{c['vat']}),{dh})"
        ),
        "landed": (
            f'=IF({c["not_priced"]}<>"","",IF({c["no_landed"]}<>"",{c["no_landed"]},{c["total"]}))'
        ),
        "per_unit": line(f"{c['total']}/{c['ordered']}"),
        "selling": line(
            f'IF(SellingFeePct+TargetMarginPct>=100,"{SELLING_TOO_HIGH}",'
            f"ROUNDUP(ROUND({c['per_unit']}/(1-SellingFeePct/100-TargetMarginPct/100),9),{dh}))"
        ),
        "rank": (
            f"=IF(ISNUMBER({c['per_unit']}),RANK({c['per_unit']},"
            f'${COLUMN["per_unit"]}$2:${COLUMN["per_unit"]}${last_row},1),"")'
        ),
    }
    formulas.update(_relief_formulas(c, refs, q, line))
    return formulas


def _relief_formulas(
    c: dict[str, str], refs: InputRefs, q: str, line: Callable[[str], str]
) -> dict[str, str]:
    """Duty, VAT and the value the low-value relief compares (landed_cost._duty)."""
    dh = exponent(refs.home)
    full_duty = f"ROUND({c['customs']}*DutyPct/100,{dh})"
    vat = f"ROUND({c['vat_base']}*VATPct/100,{dh})"
    if refs.destination is None:  # no destination: no relief to compare
        return {"relief_value": '=""', "duty": line(full_duty), "vat": line(vat)}
    d, dd = refs.destination, exponent(refs.destination)
    fx_d, fx_q = f"FX_{d}", f"FX_{q}"
    value = c["relief_value"]
    converted = f"ROUND({c['goods_quote']}*({fx_d}/{fx_q}),{dd})"
    flat = f"ROUND(FlatDutyPerCategory*ItemCategories/{fx_d},{dh})"
    return {
        "relief_value": (
            f'=IF(OR({c["no_landed"]}<>"",DutyFreeUpTo=""),"",'
            f'IF(ConsignmentValue<>"",ConsignmentValue,{converted}))'
        ),
        "duty": line(
            f'IF(AND({value}<>"",{value}<=DutyFreeUpTo),'
            f'IF(FlatDutyPerCategory="",0,{flat}),{full_duty})'
        ),
        "vat": line(f'IF(AND({value}<>"",VATFreeUpTo<>"",{value}<=VATFreeUpTo),0,{vat})'),
    }


def _first_true(cases: list[tuple[str, str]]) -> str:
    """IF(test1, value1, IF(test2, value2, ... "")): the first case that holds, else ""."""
    formula = '""'
    for test, value in reversed(cases):
        formula = f"IF({test},{value},{formula})"
    return formula
