"""The hand-written Capacity & Credit demo, per demo supplier (keyed by its 1688 shop slug).

Chosen so the matrix shows every case: each capacity grade (and unknown) in every dimension,
n/a for the trading companies' production, suppliers right on the boundaries (minghuilighting
on every upper one, beilekids on the lower), claims later corrected by an audit, levels A-D,
incomplete (greenwaytrade: only service and cost scored last quarter) and never evaluated, a tie
in rank (jinchengpiju and yetuoutdoor, 89.2 at the default weights), every suggested credit
rating (C by a disqualifying red flag too) and three manual ratings. tests/demo/test_matrix.py proves it. The audit facts of hengdacrafts and
shundaflask come from their demo audits (demo/audits.py), linked to the answers.
"""

from __future__ import annotations

from typing import NamedTuple

from app.domain.matrix.capacity import Dimension, FactSource

MC, LN, EM = Dimension.MONTHLY_CAPACITY, Dimension.PRODUCTION_LINES, Dimension.EMPLOYEES
AR, RT = Dimension.FACTORY_AREA, Dimension.RESPONSE_TIME
WORD, PAGE = FactSource.SUPPLIER_WORD, FactSource.LISTING_1688
AUDIT, REPORT = FactSource.AUDIT, FactSource.THIRD_PARTY


class DemoFact(NamedTuple):
    dimension: Dimension
    value: str
    source: FactSource
    days_ago: int | None  # None: when it was said is not known
    note: str = ""


class DemoEvaluations(NamedTuple):
    """Consecutive quarters, oldest first, the last one `last_back` quarters before today's.

    Each period is "Q | D | S | C": a criterion is one number (its score), "-" (not evaluated)
    or its raw sub-indicators in table order, "-" for one not recorded (app.domain.matrix.indicators):
    Q pass rate, complaint rate, improvement | D on-time rate, quantity accuracy |
    S response hours, problem solving | C price competitiveness, cost reduction.
    """

    last_back: int
    periods: tuple[str, ...]
    note: str = ""  # on the latest period


# fmt: off
CAPACITY: dict[str, tuple[DemoFact, ...]] = {
    "hqtxpj": (DemoFact(MC, "80000", PAGE, 120), DemoFact(LN, "4", AUDIT, 200, "Two case lines, two cable lines."),
               DemoFact(EM, "65", AUDIT, 200), DemoFact(AR, "2600", AUDIT, 200), DemoFact(RT, "0.5", PAGE, 10)),
    "mingtaidz": (DemoFact(MC, "200000", WORD, 420, "Said at the Canton Fair, peak season."),
                  DemoFact(MC, "150000", AUDIT, 250, "Counted at the March visit: 6 SMT lines, 2 shifts."),
                  DemoFact(LN, "6", AUDIT, 250), DemoFact(EM, "320", AUDIT, 250),
                  DemoFact(AR, "12000", REPORT, 20, "BV audit report."), DemoFact(RT, "0.8", PAGE, 15)),
    "cwdsm": (DemoFact(MC, "30000", WORD, 60, "Says the Huizhou factory makes it; not seen."),
              DemoFact(LN, "0", WORD, 60, "Trading office; production is outsourced."),
              DemoFact(EM, "15", PAGE, 60), DemoFact(AR, "180", PAGE, 60, "Office space only."),
              DemoFact(RT, "6", PAGE, 30)),
    "jinchengpiju": (DemoFact(MC, "12000", WORD, 90), DemoFact(LN, "2", WORD, 90), DemoFact(EM, "35", WORD, 90),
                     DemoFact(AR, "800", PAGE, 90), DemoFact(RT, "2", PAGE, 14)),
    "youpinhui": (DemoFact(RT, "30", WORD, 135, "Answers a day or more later, then pushes to pay."),),
    "topsun": (DemoFact(EM, "80", PAGE, 400), DemoFact(EM, "55", WORD, 45, "Headcount after moving the SMT work out."),
               DemoFact(MC, "60000", PAGE, 45), DemoFact(LN, "3", WORD, 45),
               DemoFact(RT, "1", PAGE, 7, "Exactly one hour: good, not excellent.")),
    "hengtongwj": (DemoFact(MC, "45000", PAGE, 30), DemoFact(AR, "3000", PAGE, 30), DemoFact(RT, "5", PAGE, 30),
                   DemoFact(LN, "0", WORD, 30, "Listed as a factory; moulds at a partner's plant.")),
    "diruidz": (DemoFact(MC, "50000", WORD, None, "Exactly 50,000: good."), DemoFact(LN, "2", WORD, 150),
                DemoFact(EM, "40", WORD, 150), DemoFact(AR, "1500", REPORT, 300, "Old TÜV report."),
                DemoFact(RT, "26", PAGE, 20, "Slower since the CE question.")),
    "juxinyuan": (DemoFact(MC, "250000", REPORT, 250, "SGS factory audit."), DemoFact(LN, "8", REPORT, 250),
                  DemoFact(EM, "450", REPORT, 250), DemoFact(AR, "15000", REPORT, 250), DemoFact(RT, "0.3", PAGE, 5)),
    "minghuilighting": (DemoFact(MC, "100000", PAGE, 60), DemoFact(LN, "5", PAGE, 60), DemoFact(EM, "100", PAGE, 60),
                        DemoFact(AR, "5000", PAGE, 60), DemoFact(RT, "4", PAGE, 60)),
    # Its audit facts (55,000 pieces, 4 lines, 90 people, 2,200 m², 30 days ago): demo/audits.py.
    "hengdacrafts": (DemoFact(MC, "120000", WORD, 200, "Claimed in the first chat."),
                     DemoFact(RT, "1.5", PAGE, 10)),
    "jiameijewelry": (DemoFact(MC, "40000", WORD, 180), DemoFact(LN, "3", AUDIT, 100), DemoFact(EM, "60", AUDIT, 100),
                      DemoFact(AR, "1200", AUDIT, 100), DemoFact(RT, "0.9", PAGE, 20)),
    "letutoys": (DemoFact(MC, "8000", WORD, 9, "Buys from toy factories in Shantou."),),
    "kangjiehome": (DemoFact(MC, "180000", REPORT, 400, "BSCI report (lapsed)."), DemoFact(LN, "10", REPORT, 400),
                    DemoFact(EM, "260", REPORT, 400), DemoFact(AR, "12000", PAGE, 500),
                    DemoFact(AR, "9000", REPORT, 400, "The page counts the warehouse next door."),
                    DemoFact(RT, "2", PAGE, 25)),
    "delongappliance": (DemoFact(MC, "90000", PAGE, 250), DemoFact(LN, "5", PAGE, 250), DemoFact(EM, "150", PAGE, 250),
                        DemoFact(AR, "6000", PAGE, 250)),
    "yimanfashion": (DemoFact(MC, "20000", WORD, 300), DemoFact(LN, "2", WORD, 300), DemoFact(EM, "45", WORD, 300),
                     DemoFact(AR, "1800", PAGE, 300), DemoFact(RT, "8", PAGE, 80)),
    "beilekids": (DemoFact(MC, "25000", WORD, 50), DemoFact(LN, "1", WORD, 50, "Exactly one line: average."),
                  DemoFact(EM, "20", WORD, 50), DemoFact(AR, "500", PAGE, 50), DemoFact(RT, "4.5", PAGE, 12)),
    # Its audit facts (9,000 pieces, 1 line, 18 people, 450 m², 90 days ago): demo/audits.py.
    "shundaflask": (DemoFact(MC, "30000", WORD, 400, "Claimed when quoting."),
                    DemoFact(RT, "12", PAGE, 30)),
    "jinxiutextile": (DemoFact(MC, "300000", REPORT, 150), DemoFact(LN, "12", AUDIT, 330), DemoFact(EM, "600", AUDIT, 330),
                      DemoFact(AR, "25000", AUDIT, 330), DemoFact(RT, "0.5", PAGE, 8)),
    "huafangsilk": (DemoFact(MC, "65000", PAGE, 210), DemoFact(LN, "4", WORD, 210), DemoFact(EM, "80", PAGE, 210),
                    DemoFact(AR, "4000", PAGE, 210), DemoFact(RT, "3", PAGE, 40)),
    "wujinjg": (DemoFact(MC, "5000", PAGE, 20, "Machines, not small goods: 5,000 units is a lot."),
                DemoFact(LN, "3", PAGE, 20), DemoFact(EM, "70", PAGE, 20), DemoFact(AR, "3500", PAGE, 20)),
    "lanhaigarments": (DemoFact(MC, "35000", WORD, 70), DemoFact(LN, "2", WORD, 70), DemoFact(EM, "30", WORD, 70),
                       DemoFact(RT, "3", PAGE, 15)),
    "mingshioptical": (DemoFact(MC, "110000", AUDIT, 160, "Frames and lenses, counted at the visit."),
                       DemoFact(LN, "6", AUDIT, 160), DemoFact(EM, "95", AUDIT, 160), DemoFact(AR, "2500", AUDIT, 160),
                       DemoFact(RT, "1", PAGE, 12)),
    "ruifengtrade": (DemoFact(LN, "0", WORD, 100, "Trader: buys from mills."), DemoFact(EM, "8", PAGE, 100),
                     DemoFact(AR, "60", PAGE, 100), DemoFact(RT, "0.5", PAGE, 10)),
    "yaqibridal": (DemoFact(EM, "5", PAGE, 210), DemoFact(RT, "48", WORD, 205)),
    "hongxingshoes": (DemoFact(MC, "150000", REPORT, 410, "BV audit."), DemoFact(LN, "9", REPORT, 410),
                      DemoFact(EM, "800", REPORT, 410), DemoFact(AR, "20000", REPORT, 410), DemoFact(RT, "2", PAGE, 20)),
    "xindashoes": (DemoFact(MC, "30000", WORD, 300), DemoFact(RT, "0.2", WORD, 300, "Fast and pushy.")),
    "dongliyuansports": (DemoFact(MC, "48000", PAGE, 75), DemoFact(LN, "4", REPORT, 75), DemoFact(EM, "120", REPORT, 75),
                         DemoFact(AR, "4800", REPORT, 75, "Intertek WCA audit."), DemoFact(RT, "1.2", PAGE, 15)),
    "yetuoutdoor": (DemoFact(MC, "20000", AUDIT, 55, "Tents: 20,000 a month is a big tent factory."),
                    DemoFact(LN, "5", AUDIT, 55), DemoFact(EM, "140", AUDIT, 55), DemoFact(AR, "7000", AUDIT, 55),
                    DemoFact(RT, "2.5", PAGE, 20)),
    "kaidagarment": (DemoFact(RT, "10", PAGE, 25),),
    "hongyuanbags": (DemoFact(MC, "40000", WORD, 140), DemoFact(LN, "3", REPORT, 420, "BSCI (lapsed)."),
                     DemoFact(EM, "75", REPORT, 420), DemoFact(AR, "3200", REPORT, 420), DemoFact(RT, "20", PAGE, 40)),
    "qingyuumbrella": (DemoFact(MC, "90000", PAGE, 5),),
    "greenwaytrade": (DemoFact(LN, "0", WORD, 45, "No factory; could not name one."), DemoFact(EM, "3", WORD, 45),
                      DemoFact(RT, "0.5", PAGE, 45)),
    "meiliyuanhair": (DemoFact(MC, "12000", WORD, 120, "Hand-tied wigs: slow work."), DemoFact(LN, "4", WORD, 120),
                      DemoFact(EM, "300", PAGE, 120), DemoFact(AR, "6000", PAGE, 120), DemoFact(RT, "9", PAGE, 30)),
    "jiahexiangbao": (DemoFact(MC, "20000", PAGE, 10), DemoFact(RT, "30", PAGE, 10)),
}

EVALUATIONS: dict[str, DemoEvaluations] = {
    "hqtxpj": DemoEvaluations(0, (
        "96.0 2.0 3 | 97.0 98.5 | 0.5 4 | -",
        "96.5 1.8 3 | 97.5 99.0 | 0.5 4 | 4 1",
        "97.0 1.5 4 | 98.0 99.0 | 0.5 4 | 4 1",
        "97.2 1.5 4 | 98.6 99.2 | 0.5 4 | 4 2",
        "97.5 1.2 4 | 98.6 99.0 | 0.5 4 | 4 2",
        "97.8 1.0 4 | 98.8 99.5 | 0.5 5 | 4 2",
    ), "MagSafe cases: fewer returns since the new magnets."),
    "mingtaidz": DemoEvaluations(0, (
        "98.5 0.8 4 | 98.0 99.0 | 0.8 5 | 3 2",
        "98.8 0.6 4 | 98.5 99.5 | 0.8 5 | 3 2",
        "99.0 0.5 5 | 99.0 99.5 | 0.8 5 | 3 3",
        "99.2 0.4 5 | 99.0 99.5 | 0.8 5 | 3 3",
        "99.2 0.3 5 | 99.2 99.5 | 0.8 5 | 3 3",
        "99.3 0.3 5 | 99.2 99.6 | 0.8 5 | 3 3",
    )),
    "jinchengpiju": DemoEvaluations(0, ("84 | 90 | 88 | -", "86 | 92 | 88 | 82", "87 | 94 | 90 | 82")),
    "topsun": DemoEvaluations(0, (
        "95.0 3.0 - | 92 | 1 4 | 80",
        "95.5 2.5 - | 93 | 1 4 | 80",
        "- | 94 | 1 4 | 82",
    ), "The Q4 order is still at sea: quality not inspected yet."),
    "diruidz": DemoEvaluations(1, (
        "82 | 85 | 70 | 80", "78 | 80 | 65 | 80", "70 | 78 | 60 | 78", "62 | 72 | 55 | 75", "50 | 68 | 45 | 75",
    ), "Two batches of 65 W chargers ran hot; orders paused."),
    "juxinyuan": DemoEvaluations(0, (
        "92 | 95 | 90 | 75", "93 | 96 | 92 | 76", "94 | 97 | 93 | 78",
        "95 | 97 | 94 | 80", "95 | 98 | 95 | 80", "96 | 98 | 95 | 82",
    )),
    "hengdacrafts": DemoEvaluations(0, ("85 | 88 | 90 | -", "86 | 90 | 92 | -", "87 | 90 | 92 | -"),
                                    "Christmas range: cost not compared yet."),
    "jiameijewelry": DemoEvaluations(0, ("80 | - | 85 | 90", "82 | 90 | 86 | 90", "84 | 91 | 86 | 92", "85 | 92 | 88 | 92")),
    "kangjiehome": DemoEvaluations(0, (
        "98.0 1.0 4 | 97.0 99.0 | 85 | 80",
        "98.5 0.8 4 | 97.5 99.0 | 86 | 80",
        "98.8 0.6 5 | 98.0 99.5 | 88 | 82",
        "99.0 0.5 5 | 98.5 99.5 | 90 | 82",
        "99.2 0.5 5 | 99.0 99.8 | 90 | 84",
    )),
    "delongappliance": DemoEvaluations(3, ("84 | 86 | 80 | 85", "85 | 88 | 82 | 85", "86 | 88 | 84 | 86"),
                                       "Kettle season over; next order after the new CB report."),
    "yimanfashion": DemoEvaluations(3, ("78 | 80 | 75 | 70", "72 | 74 | 70 | 70", "64 | 70 | 68 | 65"),
                                    "Fabric weight below spec twice; rejected for the new range."),
    "beilekids": DemoEvaluations(0, ("82 | 85 | - | 80", "84 | 86 | - | 82", "85 | 88 | - | 84")),
    "shundaflask": DemoEvaluations(1, ("80 | 78 | 70 | 85", "76 | 74 | 68 | 85", "72 | 70 | 65 | 84", "68 | 66 | 62 | 84"),
                                   "Late twice; on hold until the new quote."),
    "jinxiutextile": DemoEvaluations(0, (
        "90 | 92 | 90 | 80", "91 | 93 | 92 | 82", "92 | 94 | 92 | 84",
        "93 | 95 | 94 | 85", "94 | 96 | 95 | 86", "95 | 96 | 96 | 88",
    )),
    "huafangsilk": DemoEvaluations(2, ("85 | 88 | 86 | 80", "87 | 90 | 88 | 80", "88 | 90 | 88 | 82", "89 | 91 | 90 | 82")),
    "lanhaigarments": DemoEvaluations(0, ("74 | 80 | 78 | 85", "72 | 78 | 76 | 85", "70 | 76 | 75 | 84"),
                                      "Fill-power test failed once; corrective action asked."),
    "mingshioptical": DemoEvaluations(0, (
        "88 | 90 | 86 | 88", "89 | 91 | 88 | 88", "90 | 92 | 88 | 90", "90 | 93 | 90 | 90", "91 | 93 | 90 | 90",
    )),
    "hongxingshoes": DemoEvaluations(0, (
        "96.5 2.0 4 | 95 | 2 4 | 3 1",
        "97.0 2.0 4 | 96 | 2 4 | 3 1",
        "97.5 1.5 4 | 96 | 2 4 | 3 2",
        "97.5 1.5 4 | 97 | 2 4 | 3 2",
    )),
    "dongliyuansports": DemoEvaluations(0, ("86 | 90 | - | 84", "88 | 91 | - | 86", "89 | 92 | - | 86")),
    "yetuoutdoor": DemoEvaluations(0, ("88 | 90 | 88 | 78", "89 | 91 | 88 | 80", "90 | 92 | 88 | 80")),
    "hongyuanbags": DemoEvaluations(1, ("80 | 72 | 70 | 75", "78 | 70 | 66 | 75", "76 | 68 | 62 | 74"),
                                    "Peak-season delays; visit refused."),
    "greenwaytrade": DemoEvaluations(1, ("65 | 60 | 80 | 95", "58 | 52 | 75 | 95", "- | - | 70 | 95"),
                                     "Third trial order cancelled unshipped: only service and cost."),
}

# trend, review score (of 5), disputes in 12 months; "-" not known. The repeat-purchase rate
# is the supplier's 回头率 (demo/suppliers.py figures), typed once there.
CREDIT: dict[str, str] = {
    "hqtxpj": "rising 4.7 0", "mingtaidz": "rising 4.8 0", "cwdsm": "stable 4.3 1",
    "jinchengpiju": "stable 4.5 1", "topsun": "stable 4.4 1",
    "diruidz": "falling 3.9 4", "juxinyuan": "rising 4.9 0",
    "minghuilighting": "stable 4.4 1", "hengdacrafts": "rising 4.6 1",
    "jiameijewelry": "stable 4.5 1", "kangjiehome": "rising 4.8 0",
    "delongappliance": "stable 4.4 1", "yimanfashion": "falling 3.8 3",
    "beilekids": "stable 4.4 0", "shundaflask": "falling 4.2 2",
    "jinxiutextile": "rising 4.8 0", "huafangsilk": "stable 4.4 0",
    "lanhaigarments": "stable 4.3 1", "mingshioptical": "stable 4.6 1",
    "ruifengtrade": "stable 4.4 0", "yaqibridal": "falling 3.1 5",
    "hongxingshoes": "stable 4.7 0", "xindashoes": "- - -",
    "dongliyuansports": "rising 4.6 1", "yetuoutdoor": "rising 4.7 0",
    "kaidagarment": "- 4.3 -", "hongyuanbags": "stable 4.2 1",
    "greenwaytrade": "falling 3.6 2", "meiliyuanhair": "stable 4.5 1",
}

# The buyer's own rating and why: it wins over the suggestion, which stays visible. (Xinda's
# counterfeits need none: its false company details and personal-account payment rate it C.)
OVERRIDES: dict[str, tuple[str, str]] = {
    "mingshioptical": ("AAA", "Visited twice; three years of orders without a single claim."),
    "diruidz": ("C", "65 W chargers overheated; no reorder until a heat test passes."),
    "cwdsm": ("B", "Claims a Huizhou factory it will not show us: B until we see it."),
}
# fmt: on
