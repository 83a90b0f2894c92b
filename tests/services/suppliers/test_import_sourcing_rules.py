"""Issue 13 at the supplier importer: buyer protection yes / no / unknown, the join month,
resolved red flags, and columns the importer does not know (listed, or kept in the notes)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.suppliers.choices import RedFlagKind
from app.domain.suppliers.supplier import RedFlag
from app.exports.suppliers.xlsx import export_suppliers_xlsx
from app.services.suppliers.importing import apply_import, import_suppliers, preview_import
from app.services.suppliers.service import SupplierService
from tests.factories import hengda

TODAY = date(2026, 11, 29)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "suppliers.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _imported(service: SupplierService, path: Path, **options: bool) -> list:
    import_suppliers(service, path, **options)
    return service.all_records()


# --- buyer protection ------------------------------------------------------------------------


def test_without_the_column_buyer_protection_is_unknown_not_no(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    (record,) = _imported(supplier_service, _csv(tmp_path, "供应商名称\n甲厂\n"))
    assert record.buyer_protection is None


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("是", True), ("有", True), ("yes", True), ("1", True),
        ("否", False), ("无", False), ("no", False), ("0", False),
        ("未知", None), ("unknown", None), ("", None),
    ],
)  # fmt: skip
def test_buyer_protection_reads_yes_no_and_unknown(
    tmp_path: Path, supplier_service: SupplierService, cell: str, value: bool | None
) -> None:
    path = _csv(tmp_path, f"供应商名称,买家保障\n甲厂,{cell}\n")
    (record,) = _imported(supplier_service, path)
    assert record.buyer_protection is value


def test_a_blank_protection_cell_leaves_a_stored_value_alone(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.save(hengda(buyer_protection=False))
    path = _csv(tmp_path, "供应商名称,城市,买家保障\n义乌市恒达工艺品厂,义乌,\n")
    assert preview_import(supplier_service, path).summary() == "0 new, 0 updated, 1 unchanged"
    changed = _csv(tmp_path, "供应商名称,城市,买家保障\n义乌市恒达工艺品厂,义乌,未知\n")
    plan = preview_import(supplier_service, changed)
    assert [c.text for c in plan.updated[0].changes] == ["买家保障: no → unknown"]


def test_the_workbook_says_yes_no_unknown_and_imports_back_unchanged(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.insert_many(
        [
            hengda(
                name_zh=f"{n}号厂",
                name_en=f"Factory {n}",
                shop_url=f"https://s{n}.1688.com",
                buyer_protection=value,
            )
            for n, value in enumerate((True, False, None))
        ]
    )
    records = supplier_service.all_records()
    out = export_suppliers_xlsx(records, tmp_path / "out.xlsx", today=TODAY)
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Suppliers"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Buyer protection")
    assert [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "yes",
        "no",
        "unknown",
    ]
    assert preview_import(supplier_service, out).summary() == "0 new, 0 updated, 3 unchanged"


# --- the join month --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "year", "month"),
    [("2019", 2019, None), ("2019-03", 2019, 3), ("2019年3月", 2019, 3), ("2019/3", 2019, 3)],
)
def test_member_since_takes_a_year_or_a_year_and_month(
    tmp_path: Path, supplier_service: SupplierService, cell: str, year: int, month: int | None
) -> None:
    (record,) = _imported(supplier_service, _csv(tmp_path, f"供应商名称,入驻时间\n甲厂,{cell}\n"))
    assert (record.member_since, record.member_since_month) == (year, month)


def test_the_same_year_alone_keeps_a_stored_month_another_year_clears_it(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.save(hengda(member_since=2019, member_since_month=3))
    same = _csv(tmp_path, "供应商名称,城市,入驻年份\n义乌市恒达工艺品厂,义乌,2019\n")
    assert preview_import(supplier_service, same).summary() == "0 new, 0 updated, 1 unchanged"
    other = _csv(tmp_path, "供应商名称,城市,入驻年份\n义乌市恒达工艺品厂,义乌,2018\n")
    plan = preview_import(supplier_service, other)
    assert [c.text for c in plan.updated[0].changes] == ["入驻年份: 2019-03 → 2018"]
    apply_import(supplier_service, plan)
    record = supplier_service.all_records()[0]
    assert (record.member_since, record.member_since_month) == (2018, None)


# --- red flags, resolved ---------------------------------------------------------------------


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "in.xlsx"
    workbook.save(path)
    return path


def test_a_red_flag_marked_resolved_in_the_file_resolves_the_stored_one(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.save(hengda())
    path = _workbook(
        tmp_path,
        {
            "Suppliers": [["Ref", "Chinese name", "City"], [1, "义乌市恒达工艺品厂", "义乌"]],
            "Red flags": [
                ["Ref", "Red flag", "Date noted", "Remark", "解决日期", "处理说明"],
                [1, "价格远低于市场", "2026-10-02", "30 % under market", "2026-11-20", "旧库存"],
            ],
        },
    )
    plan = preview_import(supplier_service, path)
    assert [c.text for c in plan.updated[0].changes] == [
        "Red flags: updated Price far below market 2026-10-02"
    ]
    apply_import(supplier_service, plan)
    (flag,) = supplier_service.all_records()[0].red_flags
    assert flag == RedFlag(
        RedFlagKind.PRICE_TOO_LOW,
        date(2026, 10, 2),
        "30 % under market",
        date(2026, 11, 20),
        "旧库存",
    )


# --- columns the importer does not know ------------------------------------------------------


def test_unknown_columns_are_listed_in_the_preview(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    path = _csv(tmp_path, "供应商名称,采购员,备用电话\n甲厂,张三,\n乙厂,,0579-1234\n")
    plan = preview_import(supplier_service, path)
    assert plan.unknown_columns == ("采购员", "备用电话")
    assert plan.summary() == "2 new, 0 updated, 0 unchanged; ignored columns: 采购员, 备用电话"
    apply_import(supplier_service, plan)
    assert [r.notes for r in supplier_service.all_records()] == ["", ""]  # dropped, but said so


def test_a_file_with_only_known_columns_says_nothing_more(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    plan = preview_import(supplier_service, _csv(tmp_path, "供应商名称,城市\n甲厂,义乌\n"))
    assert plan.unknown_columns == () and plan.summary() == "1 new, 0 updated, 0 unchanged"


def test_the_apps_own_export_has_no_unknown_columns(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.save(hengda())
    out = export_suppliers_xlsx(supplier_service.all_records(), tmp_path / "own.xlsx", today=TODAY)
    assert preview_import(supplier_service, out).unknown_columns == ()


def test_asked_to_keep_them_their_values_go_into_the_notes_once(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.save(hengda())
    text = "供应商名称,城市,采购员\n义乌市恒达工艺品厂,义乌,张三\n新工厂,杭州,李四\n"
    path = _csv(tmp_path, text)
    plan = preview_import(supplier_service, path, keep_unknown_columns=True)
    assert plan.summary().endswith("; columns kept in the suppliers' notes: 采购员")
    assert [c.text for c in plan.updated[0].changes] == [
        "Notes: Good English; samples in 5 days. → Good English; samples in 5 days. 采购员: 张三"
    ]
    apply_import(supplier_service, plan)
    notes = {r.display_name: r.notes for r in supplier_service.all_records()}
    assert notes == {
        "义乌市恒达工艺品厂": "Good English; samples in 5 days.\n采购员: 张三",
        "新工厂": "采购员: 李四",
    }
    again = preview_import(supplier_service, path, keep_unknown_columns=True)
    assert len(again.unchanged) == 2 and not again.updated  # each line once, not twice
