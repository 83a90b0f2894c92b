"""The printable audit checklist, read back with poppler: blank, for a supplier, and results."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    Audit,
    Auditor,
    AuditResult,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Verdict,
)
from app.domain.audits.checklist_default import default_template
from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.records import CapacityFact
from app.errors import ExportFailed
from app.exports.audits.checklist_pdf import BLANK_NAME, export_checklist_pdf
from app.exports.kit.pdf_marks import BOX
from tests.conftest import TODAY
from tests.exports.pdf_tools import flat, leftovers, page_count, pdf_fonts, pdf_info, pdf_text
from tests.factories import hengda

A4_SIZE = "595.276 x 841.89 pts (A4)"
LETTER_SIZE = "612 x 792 pts (letter)"
NAME_ZH = "义乌市恒达工艺品厂"
NAME_EN = "Yiwu Hengda Crafts Factory"


def _section(key: str, title_en: str, title_zh: str, *items: ChecklistItem) -> ChecklistSection:
    return ChecklistSection(key, title_en, title_zh, items)


def small_template() -> ChecklistTemplate:
    """Two sections with every answer kind and one critical item."""
    return ChecklistTemplate(
        name="Visit template",
        sections=(
            _section(
                "documents",
                "Documents",
                "证照资料",
                ChecklistItem(
                    "documents.licence",
                    "Business licence original seen",
                    "营业执照原件已核对",
                    critical=True,
                ),
                ChecklistItem("documents.iso", "ISO 9001 certificate seen", "ISO 9001证书已核对"),
            ),
            _section(
                "capacity",
                "Capacity seen",
                "产能核实",
                ChecklistItem(
                    "capacity.lines",
                    "Production lines running",
                    "在运行的生产线数量",
                    kind=AnswerKind.NUMBER,
                    unit="lines",
                    capacity_dimension=Dimension.PRODUCTION_LINES,
                ),
                ChecklistItem(
                    "capacity.how",
                    "How the figures were established",
                    "以上数据的来源",
                    kind=AnswerKind.TEXT,
                ),
                ChecklistItem("capacity.clean", "Workshop clean", "车间干净整洁"),
            ),
        ),
    )


def capacity_facts() -> dict[Dimension, CapacityFact]:
    def fact(dimension: Dimension, value: str, source: FactSource, on: date | None) -> CapacityFact:
        return CapacityFact(1, 7, dimension, Decimal(value), source, on, "", datetime(2026, 1, 1))

    return {
        Dimension.MONTHLY_CAPACITY: fact(
            Dimension.MONTHLY_CAPACITY, "80000", FactSource.SUPPLIER_WORD, date(2026, 10, 2)
        ),
        Dimension.FACTORY_AREA: fact(Dimension.FACTORY_AREA, "3500.5", FactSource.AUDIT, None),
    }


def filled_audit(template: ChecklistTemplate, **overrides: object) -> Audit:
    answers = {
        "documents.licence": Answer("documents.licence", verdict=Verdict.FAIL, remark="只有复印件"),
        "documents.iso": Answer(
            "documents.iso", verdict=Verdict.PASS, photo_refs=("IMG_0412", "IMG_0413")
        ),
        "capacity.lines": Answer("capacity.lines", number=Decimal("1224")),
        "capacity.how": Answer("capacity.how", text="Counted on the floor 现场清点"),
    }
    audit = Audit(
        supplier_id=7,
        template=template,
        audited_on=date(2026, 11, 20),
        auditor=Auditor.SGS,
        auditor_name="李伟",
        answers=answers,
        notes="Second visit before mass production.",
    )
    for name, value in overrides.items():
        setattr(audit, name, value)
    return audit


def pages_text(path: Path) -> list[str]:
    return [pdf_text(path, page) for page in range(1, page_count(path) + 1)]


# --- the three versions ------------------------------------------------------------------


def test_blank_has_empty_labelled_fields_and_bilingual_items(tmp_path: Path) -> None:
    out = export_checklist_pdf(small_template(), tmp_path / "blank.pdf", today=TODAY)
    assert pdf_info(out)["Page size"] == A4_SIZE
    text = flat(pdf_text(out))
    for label in [
        "Chinese name 中文名称",
        "English name 英文名称",
        "Address 地址",
        "Contact person 联系人",
        "1688 shop URL 1688店铺网址",
        "1688 membership",
        "Strong merchant 实力商家",
        "Audit date 验厂日期",
        "Auditor 验厂人员",
        "SGS",
    ]:
        assert label in text, label
    for words in ["Business licence original seen", "营业执照原件已核对", "在运行的生产线数量"]:
        assert words in text, words
    assert "Pass 合格 Fail 不合格 N/A 不适用" in text
    assert "lines" in text and "Answer 回答" in text and "Remark 备注" in text
    assert "Photo no. 照片编号" in text
    assert "CRITICAL" in text and "关键项" in text
    assert "■" not in text
    for page, page_text in enumerate(pages_text(out), start=1):
        assert BLANK_NAME in page_text, page


def test_supplier_version_prints_the_record_and_its_capacity(tmp_path: Path) -> None:
    supplier = hengda(id=7)
    out = export_checklist_pdf(
        small_template(),
        tmp_path / "supplier.pdf",
        supplier=supplier,
        capacity=capacity_facts(),
        today=TODAY,
    )
    text = flat(pdf_text(out))
    expected = [
        NAME_ZH,
        NAME_EN,
        "浙江省义乌市福田街道工业园12号",
        "王丽",
        "+86 138 0000 1234",
        "WeChat 微信 wangli_hd",
        "wangli@hengda.cn",
        "https://hengda.1688.com",
        "Strong merchant · 实力商家",
        "member since 2019-03 (7 years)",
        "Monthly capacity 月产能",
        "80,000 pieces",
        "Supplier's word 供应商自述",
        "2026-10-02",
        "3,500.5 m²",
        "Seen at audit 验厂所见",
    ]
    for value in expected:
        assert value in text, value
    assert BLANK_NAME not in text
    assert "Audit date 验厂日期" in text, "the visit's fields stay blank to fill in"


def test_the_supplier_name_and_page_number_are_on_every_page(tmp_path: Path) -> None:
    out = export_checklist_pdf(
        default_template(), tmp_path / "default.pdf", supplier=hengda(id=7), today=TODAY
    )
    pages = page_count(out)
    assert 3 <= pages <= 8
    for page, text in enumerate(pages_text(out), start=1):
        assert NAME_ZH in text, f"no Chinese name on page {page}"
        assert f"Page {page} of {pages}" in text


def test_every_item_of_the_default_template_prints_in_both_languages(tmp_path: Path) -> None:
    template = default_template()
    out = export_checklist_pdf(template, tmp_path / "default.pdf", today=TODAY)
    text = flat(pdf_text(out))
    for item in template.items():
        assert flat(item.text_en) in text, item.key
        assert flat(item.text_zh) in text, item.key
    for section in template.sections:
        assert section.title_zh in text


def test_results_show_answers_remarks_photos_and_score(tmp_path: Path) -> None:
    template = small_template()
    out = export_checklist_pdf(
        template,
        tmp_path / "results.pdf",
        supplier=hengda(id=7),
        capacity=capacity_facts(),
        audit=filled_audit(template),
        today=TODAY,
    )
    text = flat(pdf_text(out))
    expected = [
        "Results of the audit on 2026-11-20",
        "2026-11-20",
        "SGS · 李伟",
        "Failed · 不通过",  # the critical licence item failed
        "50.0 % (1 of 2 pass/fail answers passed)",
        "Passed 合格 1 · Failed 不合格 1 · N/A 不适用 0 · Not answered 未填写 1",
        "Critical failures",
        "1.1 Business licence original seen",
        "Remark 备注: 只有复印件",
        "Photos 照片: IMG_0412, IMG_0413",
        "1,224 lines",
        "Answer 回答: Counted on the floor 现场清点",
        "Second visit before mass production.",
        "Fail 不合格",
        "Pass 合格",
        "Not answered 未填写",
        "供应商代表签字",
    ]
    for value in expected:
        assert value in text, value
    assert "Photo no. 照片编号" not in text, "no blanks to fill in a results printout"


def test_a_result_set_by_hand_shows_the_reason_and_the_scores_own(tmp_path: Path) -> None:
    template = small_template()
    audit = filled_audit(
        template,
        result_override=AuditResult.CONDITIONAL,
        override_reason="Licence original promised by Friday",
    )
    out = export_checklist_pdf(
        template, tmp_path / "override.pdf", supplier=hengda(id=7), audit=audit, today=TODAY
    )
    text = flat(pdf_text(out))
    assert "Conditional · 有条件通过" in text
    assert "set by hand 手动设定: Licence original promised by Friday" in text
    assert "the score gives Failed · 不通过" in text


def test_results_print_the_audits_own_snapshot(tmp_path: Path) -> None:
    snapshot = small_template()
    edited = replace(snapshot, sections=snapshot.sections[:1])
    out = export_checklist_pdf(
        edited,
        tmp_path / "snapshot.pdf",
        supplier=hengda(id=7),
        audit=filled_audit(snapshot),
        today=TODAY,
    )
    assert "在运行的生产线数量" in pdf_text(out)


def test_an_unanswered_audit_is_not_decided(tmp_path: Path) -> None:
    template = small_template()
    audit = filled_audit(template, answers={})
    out = export_checklist_pdf(
        template, tmp_path / "empty.pdf", supplier=hengda(id=7), audit=audit, today=TODAY
    )
    text = flat(pdf_text(out))
    assert "Not decided · 待定" in text
    assert "no item passed or failed yet" in text


# --- paper, fonts, layout ----------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("A4", A4_SIZE), ("Letter", LETTER_SIZE)])
def test_paper_size(tmp_path: Path, paper: str, size: str) -> None:
    out = export_checklist_pdf(default_template(), tmp_path / "paper.pdf", paper=paper, today=TODAY)
    assert pdf_info(out)["Page size"] == size


def test_unknown_paper_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Letter"):
        export_checklist_pdf(small_template(), tmp_path / "x.pdf", paper="A5", today=TODAY)


@pytest.mark.parametrize("version", ["blank", "supplier", "results"])
def test_the_only_font_is_the_embedded_cjk_one(tmp_path: Path, version: str) -> None:
    template = small_template()
    extra: dict[str, object] = {}
    if version != "blank":
        extra = {"supplier": hengda(id=7), "capacity": capacity_facts()}
    if version == "results":
        extra["audit"] = filled_audit(template)
    out = export_checklist_pdf(template, tmp_path / f"{version}.pdf", today=TODAY, **extra)  # type: ignore[arg-type]
    # reportlab embeds a TrueType font in subsets of 256 characters: many Chinese characters
    # make several subsets of the one font, each embedded.
    fonts = pdf_fonts(out)
    assert fonts
    for font in fonts:
        assert font["name"].endswith("WenQuanYiMicroHei-0"), font
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font


def test_boxes_are_big_enough_to_tick_with_a_pen() -> None:
    assert 4.5 * mm <= BOX


def padded_template(padding: int) -> ChecklistTemplate:
    """Section 1 with `padding` items, then short sections: some padding puts a heading at
    the foot of a page, unless it is kept with its first item."""
    first = tuple(
        ChecklistItem(f"a.{n}", f"Filler check number {n}", f"填充检查项{n}")
        for n in range(padding)
    )
    sections = [_section("a", "Alpha section", "第一部分", *first)]
    for number in range(2, 6):
        items = tuple(
            ChecklistItem(f"s{number}.{n}", f"Item {number}.{n} checked", f"检查项{number}.{n}")
            for n in range(3)
        )
        sections.append(_section(f"s{number}", f"Heading {number} title", f"标题{number}", *items))
    return ChecklistTemplate(name="Padded", sections=tuple(sections))


def content_lines(page_text: str) -> list[str]:
    """The page's text lines without the running header and the footer."""
    return [
        line
        for line in page_text.splitlines()
        if line.strip() and "Page " not in line and not line.startswith("Factory audit checklist")
    ]


def test_no_section_heading_is_left_alone_at_a_page_foot(tmp_path: Path) -> None:
    pushed = 0
    for padding in range(0, 14):
        template = padded_template(padding)
        titles = [section.title_en for section in template.sections]
        out = export_checklist_pdf(template, tmp_path / f"pad{padding}.pdf", today=TODAY)
        pages = pages_text(out)
        for page, text in enumerate(pages, start=1):
            lines = content_lines(text)
            assert not any(title in lines[-1] for title in titles), (padding, page, lines[-1])
            if page > 1 and any(title in lines[0] for title in titles):
                pushed += 1
    assert pushed, "no layout put a heading at the top of a page: the test proves nothing"


def test_the_signature_block_stays_on_one_page(tmp_path: Path) -> None:
    for padding in range(0, 14, 3):
        out = export_checklist_pdf(padded_template(padding), tmp_path / "sig.pdf", today=TODAY)
        last = pdf_text(out, page_count(out))
        for label in ["Summary", "验厂人员签字", "供应商代表签字", "日期"]:
            assert label in last, (padding, label)


def test_markup_and_long_text_print_literally_and_fit(tmp_path: Path) -> None:
    template = ChecklistTemplate(
        name="<b>bold</b>",
        sections=(
            _section(
                "x",
                "<font size=40>big",
                "标题",
                ChecklistItem("x.1", "<img src='/etc/passwd'/>", "中文 & 符号"),
            ),
        ),
    )
    audit = filled_audit(
        template, answers={"x.1": Answer("x.1", verdict=Verdict.PASS, remark="长" * 2000)}
    )
    supplier = hengda(id=7, name_en="<i>x</i>", address="地址" * 200)
    out = export_checklist_pdf(
        template, tmp_path / "hostile.pdf", supplier=supplier, audit=audit, today=TODAY
    )
    text = flat(pdf_text(out))
    for literal in ["<b>bold</b>", "<font size=40>big", "<img src='/etc/passwd'/>", "中文 & 符号"]:
        assert literal in text
    assert "<i>x</i>" in text
    assert b"/Subtype /Image" not in out.read_bytes()


def test_results_need_the_audited_supplier(tmp_path: Path) -> None:
    template = small_template()
    with pytest.raises(ValueError, match="supplier"):
        export_checklist_pdf(
            template, tmp_path / "x.pdf", audit=filled_audit(template), today=TODAY
        )
    with pytest.raises(ValueError, match="another supplier"):
        export_checklist_pdf(
            template,
            tmp_path / "x.pdf",
            supplier=hengda(id=8),
            audit=filled_audit(template),
            today=TODAY,
        )
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_target_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "checklist.pdf"
    with pytest.raises(ExportFailed, match="does not exist"):
        export_checklist_pdf(small_template(), out, today=TODAY)
    assert leftovers(tmp_path) == []


def test_an_empty_template_still_prints_the_header_and_signatures(tmp_path: Path) -> None:
    out = export_checklist_pdf(ChecklistTemplate(name="Empty"), tmp_path / "e.pdf", today=TODAY)
    text = flat(pdf_text(out))
    assert "Empty · 0 items" in text and "供应商代表签字" in text and "Page 1 of 1" in text
