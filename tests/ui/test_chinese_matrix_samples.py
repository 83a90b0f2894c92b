"""The Capacity & Credit tab and the Samples tab in 简体中文 (issue 15): with the catalogue built
from their sources installed, what a person reads on both tabs is Chinese (except names,
numbers and codes), the matrix's cells, charts and legend included, and every label of the
matrix and samples domains that the tabs show has its Chinese."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.kit.money import Money
from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.matrix.credit import CreditRating, Trend
from app.domain.matrix.credit_decision import RatingSource
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.scoring import Criterion, Level, Scores
from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    MEASUREMENTS,
    PassFail,
    Product,
    Sample,
    SampleStatus,
    compare_samples,
)
from app.domain.suppliers.choices import Status
from app.services.matrix.compare import RADAR_AXES, TREND_KEYS
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.matrix import legend
from app.ui.matrix.tab import MatrixTab
from app.ui.matrix.table_state import COLUMN_INDEX
from app.ui.samples import form_fields
from app.ui.samples.tab import SamplesTab
from app.ui.samples.tab_view import SamplesTabView
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.factories import hengda, minimal
from tests.ui.i18n_walk import chinese, untranslated

PART = ["app/ui/matrix", "app/ui/samples", "app/ui/widgets/saved_views.py"]
CHINESE = re.compile(r"[\u3400-\u9fff]")
# Data, not interface: the suppliers' and products' English names, the tags, the codes.
NAMES = {"Ningbo Homeware", "Yiwu Hengda Crafts Factory", "home decor", "Phone case"}
CODES = {"A", "B", "C", "CNY", "USD", "EUR", "GBP", "HKD", "JPY"}
SYMBOLS = {"m²", "h", "%", "cm", "kg"}  # units written as symbols stay as they are
# The date fields' calendar names the months in the system's language (English in tests).
MONTHS = set(calendar.month_name[1:])


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    """Three suppliers (one evaluated twice, one with a capacity fact, one never graded), and
    a product with two samples of two of them."""
    change = supplier_service.insert_many(
        [
            hengda(),
            minimal("深圳市华强通讯配件有限公司", "Huaqiang Phone Parts", province="广东"),
            minimal(name_en="Ningbo Homeware", province="浙江", status=Status.APPROVED),
        ]
    )
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    first, second, _third = change.created
    scores = Scores(Decimal(95), Decimal(70), Decimal(80), Decimal(40))
    opened.matrix.save_evaluation(first, "2026-Q2", scores)
    opened.matrix.save_evaluation(first, "2026-Q3", Scores(quality=Decimal(90)))
    opened.matrix.save_evaluation(second, "2026-Q3", scores)
    opened.matrix.record_capacity_fact(
        first, Dimension.EMPLOYEES, Decimal(45), FactSource.SUPPLIER_WORD
    )
    product = opened.samples.save_product(
        Product(name="Phone case", name_zh="手机壳", length_cm=Decimal("15.0"))
    ).products[0]
    for supplier, length, appearance in ((first, "15.2", 4), (second, "14.1", 5)):
        opened.samples.save_sample(
            Sample(
                product_id=product,
                supplier_id=supplier,
                price=Money(Decimal(30)),
                shipping=Money(Decimal(12)),
                status=SampleStatus.RECEIVED,
                received_on=TODAY,
                length_cm=Decimal(length),
                scores={"appearance": appearance, "function": 3},
            )
        )
    yield opened
    opened.close()


@pytest.fixture
def matrix_tab(
    qtbot, in_chinese: None, workbench: Workbench, tmp_path: Path
) -> Iterator[MatrixTab]:
    """Built while Chinese is installed, and kept until the test's end (as the tab's own
    tests keep it: a shown tab collected with events pending brings Qt down)."""
    tab = MatrixTab(workbench, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5000)
    yield tab
    tab.wait_until_loaded()


@pytest.fixture
def samples_tab(qtbot, in_chinese: None, workbench: Workbench) -> Iterator[SamplesTab]:
    tab = SamplesTab(workbench)
    qtbot.addWidget(tab)
    tab.resize(1360, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.samples.rowCount() == 2, timeout=5000)
    yield tab


def _has_chinese(text: str) -> bool:
    return bool(CHINESE.search(text))


def test_the_matrix_tab_reads_in_chinese(matrix_tab: MatrixTab) -> None:
    tab = matrix_tab
    tab.table.selectAll()  # three suppliers on the radar, the first one's history in the trend
    assert untranslated(tab, allowed=NAMES | CODES | MONTHS) == []  # MONTHS: "observed on"

    tabs = tab.side_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "供应商(&S)",
        "图表(&H)",
        "权重(&W)",
        "图例(&L)",
    ]
    assert tab.find_action.text() == "在矩阵中查找(&F)"
    assert tab.filter_bar.count_label.text() == "3 家供应商"
    model, horizontal = tab.model, Qt.Orientation.Horizontal
    assert model.headerData(COLUMN_INDEX["rank"], horizontal) == "排名"
    assert model.headerData(COLUMN_INDEX["quality"], horizontal) == "质量 40 %"
    assert model.headerData(COLUMN_INDEX["monthly_capacity"], horizontal) == "月产能\n件/月"
    for key in ("monthly_capacity", "employees", "level", "status"):
        cells = [model.index(row, COLUMN_INDEX[key]).data() for row in range(3)]
        assert all(_has_chinese(cell) or cell in CODES for cell in cells), (key, cells)
    tooltip = model.headerData(COLUMN_INDEX["employees"], horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("员工人数，分级：\n优秀: ")  # the rule after it: app.domain
    assert "产能等级" in tab.legend.text() and "信用评级" in tab.legend.text()
    assert tab.radar.legend_entries() and tab.radar._axes[:4] == ("质量", "交付", "服务", "成本")
    assert tab.trend.keys() == ["质量", "交付", "服务", "成本", "加权分"]
    assert all(_has_chinese(entry) for entry in tab.trend.legend_entries())
    credit = tab.credit_form
    assert credit.rating_label.text().startswith("评级：")
    assert [credit.trend_box.itemText(i) for i in range(4)] == ["未知", "上升", "平稳", "下降"]
    assert tab.capacity_form.dimension_box.itemText(0) == "月产能（件）"


def test_the_samples_tab_reads_in_chinese(samples_tab: SamplesTab) -> None:
    tab = samples_tab
    tab.samples_view.selectRow(0)  # its form, with the product's criteria to score
    allowed = NAMES | CODES | SYMBOLS | MONTHS
    assert untranslated(tab, allowed=allowed) == []
    tabs = tab.side_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "样品(&M)",
        "产品规格(&R)",
        "样品对比(&P)",
    ]
    assert tab.samples.index(0, 3).data() == "已收到"  # the domain's own Chinese label
    assert tab.sample_form.status_hint.text() == "随日期变化"
    criteria = tab.product_form.criteria
    built_in = [criteria.item(row, 0).text() for row in range(len(BUILT_IN_CRITERIA))]
    assert built_in == ["外观（颜色、尺寸、做工）", "功能", "材质", "包装"]

    tab.samples_view.selectAll()
    tab.compare_selected()
    compared = tab.compare_view
    assert untranslated(compared, allowed=allowed) == []
    assert compared.title.text() == "手机壳 Phone case：2 个样品并排对比"
    table, vertical = compared.table_model, Qt.Orientation.Vertical
    rows = [table.headerData(row, vertical) for row in range(table.rowCount())]
    assert rows[:2] == ["样品价格", "运费"] and "长度 (cm) · 规格 15.0" in rows
    assert all(_has_chinese(row) for row in rows), rows
    assert tab.compare_view.photo_model.rowCount() == 0
    assert compared.no_photos.text().startswith("这些样品还没有照片")


def test_every_domain_label_the_tabs_show_has_its_chinese(in_chinese: None) -> None:
    matrix = [
        *(grade.value for grade in Grade),
        *(level.action for level in Level),
        Level.INCOMPLETE.value,
        *(dimension.label for dimension in Dimension),
        *(dimension.unit for dimension in Dimension),
        *(source.label for source in FactSource),
        *(criterion.label for criterion in Criterion),
        *(criterion.covers for criterion in Criterion),
        *(rating.meaning for rating in CreditRating),
        *(rating.risk for rating in CreditRating),
        *(trend.value for trend in Trend),
        *(source.value for source in RatingSource),
        *(indicator.label for indicator in Indicator),
        *(indicator.unit for indicator in Indicator),
        *RADAR_AXES,
        *TREND_KEYS,
    ]
    assert [
        text for text in matrix if text not in SYMBOLS and not _has_chinese(legend.term(text))
    ] == []
    product = Product("Phone stand", criteria=())
    rows = compare_samples(product, [Sample(1, 1, id=1)]).rows
    samples = [
        *(row.label for row in rows),  # costs, measurements and the built-in criteria
        *(label for _name, label, _unit in MEASUREMENTS),
        *(criterion.label for criterion in BUILT_IN_CRITERIA),
        *(verdict.value for verdict in PassFail),
    ]
    assert [text for text in samples if not _has_chinese(form_fields.term(text))] == []


def test_english_is_back_once_the_catalogue_is_removed(qtbot) -> None:
    view = SamplesTabView()
    qtbot.addWidget(view)
    assert view.side_tabs.tabText(2) == "Com&pare"
    assert legend.term("excellent") == "excellent"
    assert form_fields.term("Total cost") == "Total cost"
