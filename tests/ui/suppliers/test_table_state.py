from pathlib import Path

import pytest

from app.services.suppliers.listing import SupplierFilter, load_supplier_list
from app.services.suppliers.service import SupplierService
from app.ui.suppliers.table_state import SORT_KEYS, SupplierTable
from tests.factories import hengda, minimal


@pytest.fixture
def table(supplier_service: SupplierService, db_path: Path) -> SupplierTable:
    supplier_service.insert_many(
        [
            hengda(),
            minimal(
                "深圳市华强通讯配件有限公司",
                "Huaqiang Phone Parts",
                province="广东",
                city="深圳",
                status="approved",
                tags=["phone cases"],
            ),
            minimal(
                "晋江市鸿星鞋业有限公司",
                province="福建",
                city="晋江",
                status="rejected",
                membership="none",
                reorder_rate=None,
            ),
            minimal(name_en="Ningbo Homeware", province="浙江", city="宁波", status="approved"),
        ]
    )
    loaded = SupplierTable()
    loaded.set_items(load_supplier_list(db_path))
    return loaded


def names(table: SupplierTable) -> list[str]:
    return [table.item_at(row).name_zh or table.item_at(row).name_en for row in range(len(table))]


def test_default_order_is_pinyin_mixed_with_latin(table: SupplierTable) -> None:
    # jin…, Ningbo, shen…, yi…: Chinese by pinyin, interleaved with Latin names like a phone book.
    assert names(table) == [
        "晋江市鸿星鞋业有限公司",
        "Ningbo Homeware",
        "深圳市华强通讯配件有限公司",
        "义乌市恒达工艺品厂",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yiwu", ["义乌市恒达工艺品厂"]),
        ("yi wu", ["义乌市恒达工艺品厂"]),
        ("恒达", ["义乌市恒达工艺品厂"]),
        ("huaqiang", ["深圳市华强通讯配件有限公司"]),
        ("phone cases", ["深圳市华强通讯配件有限公司"]),
        ("wangli@hengda", ["义乌市恒达工艺品厂"]),  # contact e-mail
        ("王丽", ["义乌市恒达工艺品厂"]),  # contact person
        ("ningbo", ["Ningbo Homeware"]),
        ("zhejiang", ["Ningbo Homeware", "义乌市恒达工艺品厂"]),  # province in English
        ("nothing-like-this", []),
    ],
)
def test_quick_filter(table: SupplierTable, query: str, expected: list[str]) -> None:
    table.set_filter(SupplierFilter(text=query))
    assert names(table) == expected


def test_choice_filters_combine_with_text(table: SupplierTable) -> None:
    table.set_filter(SupplierFilter(status="approved"))
    assert names(table) == ["Ningbo Homeware", "深圳市华强通讯配件有限公司"]
    table.set_filter(SupplierFilter(text="ning", status="approved", province="浙江"))
    assert names(table) == ["Ningbo Homeware"]
    table.set_filter(SupplierFilter(membership="strong", business_type="factory"))
    assert names(table) == ["义乌市恒达工艺品厂"]


def test_narrowing_then_widening_the_query(table: SupplierTable) -> None:
    for text in ("s", "sh", "she", "shen"):
        table.set_filter(SupplierFilter(text=text))
    assert names(table) == ["深圳市华强通讯配件有限公司"]
    table.set_filter(SupplierFilter(text="s"))  # deleting letters brings rows back
    assert len(table) > 1


def test_sort_every_column_both_ways(table: SupplierTable) -> None:
    for field in SORT_KEYS:
        table.set_sort(field)
        ascending = table.visible_ids()
        table.set_sort(field, descending=True)
        assert sorted(table.visible_ids()) == sorted(ascending)


def test_sort_by_rate_puts_unknown_last(table: SupplierTable) -> None:
    table.set_sort("reorder_rate")
    assert names(table)[0] == "义乌市恒达工艺品厂"  # 45.5 is the only known rate


def test_sort_survives_filter_and_upsert(table: SupplierTable, db_path: Path) -> None:
    table.set_sort("name_zh", descending=True)
    table.set_filter(SupplierFilter(status="approved"))
    assert names(table) == ["深圳市华强通讯配件有限公司", "Ningbo Homeware"]
    table.remove([table.item_at(0).id])
    assert names(table) == ["Ningbo Homeware"]
    assert table.total == 3


def test_supplier_names_for_pickers_are_in_pinyin_order(
    db_path,
    supplier_service,  # type: ignore[no-untyped-def]
) -> None:
    from app.services.suppliers.listing import supplier_choices
    from tests.factories import minimal

    supplier_service.insert_many(
        [
            minimal("义乌市恒达工艺品厂", "Yiwu Hengda"),
            minimal(name_en="Anda Packaging"),
            minimal("北京工厂"),
        ]
    )
    supplier_service.database.close()
    names = [name for _id, name, _haystack in supplier_choices(db_path)]
    assert names == ["Anda Packaging", "北京工厂", "义乌市恒达工艺品厂 · Yiwu Hengda"]
