"""The compare view: real ComparisonTables from compare_samples (no database), photos from a
PhotoStore in a temporary folder, thumbnails arriving from worker threads."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtTest import QTest

from app.domain.kit.money import Money
from app.domain.matrix.grade_palette import Tone
from app.domain.samples.sample import (
    Criterion,
    CriterionKind,
    PassFail,
    PhotoAngle,
    Product,
    Sample,
    SamplePhoto,
    SampleStatus,
    compare_samples,
)
from app.store.photos.store import PhotoStore
from app.ui.samples.compare_model import BEST_ROLE, ComparisonModel, PhotoGridModel
from app.ui.samples.compare_view import CompareView

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
FONT, BACKGROUND = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole
DECORATION = Qt.ItemDataRole.DecorationRole
HORIZONTAL, VERTICAL = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
NAMES = {
    101: "深圳市恒通五金制品有限公司",
    102: "东莞华强配件厂 · Huaqiang Parts",
    103: "义乌优品汇",
}
RED, GREEN, BLUE = (220, 30, 30), (30, 180, 60), (40, 60, 220)
PRODUCT = Product(
    "Phone stand",
    "手机支架",
    length_cm=Decimal("12.5"),
    width_cm=Decimal("8.5"),
    criteria=(Criterion("Holds a tablet", CriterionKind.PASS_FAIL, id=1),),
    id=1,
)


def _sample(sample_id: int, supplier_id: int, **fields) -> Sample:
    fields.setdefault("status", SampleStatus.RECEIVED)
    return Sample(1, supplier_id, id=sample_id, **fields)


def _money(amount: str, currency: str = "CNY") -> Money:
    return Money(Decimal(amount), currency)


PASS, FAIL = PassFail.PASS, PassFail.FAIL
GOLDEN = _sample(
    101, 11, variant="深空灰 grey", price=_money("18.00"), shipping=_money("12.00"),
    length_cm=Decimal("12.9"), width_cm=Decimal("8.5"), status=SampleStatus.APPROVED,
    scores={"appearance": 5, "function": 4, "Holds a tablet": PASS}, golden=True,
)  # fmt: skip
CHEAP = _sample(
    102, 12, variant="黑色 black", price=_money("15.50"), shipping=_money("10.00"),
    length_cm=Decimal("12.1"), scores={"appearance": 5, "function": 3, "Holds a tablet": FAIL},
)  # fmt: skip
USD = _sample(
    103, 13, price=_money("4.50", "USD"), shipping=_money("15.00"), length_cm=Decimal("12.6"),
    scores={"appearance": 3},
)  # fmt: skip


@pytest.fixture
def table():
    return compare_samples(PRODUCT, [GOLDEN, CHEAP, USD])


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "shop.sqlite3")


def _photo(store: PhotoStore, folder: Path, name: str, colour, angle, position, sample_id):
    path = folder / name
    Image.new("RGB", (400, 300), colour).save(path, "JPEG", quality=90)
    imported = store.import_file(path)
    return SamplePhoto(imported.hash, name, f"{angle.label_zh} 照片", angle, position, sample_id)


@pytest.fixture
def photos(store: PhotoStore, tmp_path: Path) -> dict[int, list[SamplePhoto]]:
    """Golden: red front, green back; cheap: blue front, two defects; USD sample: none."""
    folder = tmp_path / "相机"
    folder.mkdir()
    return {
        101: [
            _photo(store, folder, "正面.jpg", RED, PhotoAngle.FRONT, 0, 101),
            _photo(store, folder, "背面.jpg", GREEN, PhotoAngle.BACK, 1, 101),
        ],
        102: [
            _photo(store, folder, "瑕疵1.jpg", (200, 200, 0), PhotoAngle.DEFECT, 0, 102),
            _photo(store, folder, "front.jpg", BLUE, PhotoAngle.FRONT, 1, 102),
            _photo(store, folder, "瑕疵2.jpg", (0, 200, 200), PhotoAngle.DEFECT, 2, 102),
        ],
    }


@pytest.fixture
def view(qtbot, table, photos, store):
    compare = CompareView()
    qtbot.addWidget(compare)
    compare.resize(1100, 900)
    compare.show_comparison(table, photos, NAMES, store)
    compare.show()
    qtbot.waitExposed(compare)
    yield compare
    compare.stop_loading()


def _row(model: ComparisonModel, key: str) -> int:
    return next(r for r, row in enumerate(model.table.rows) if row.key == key)


def _cell(model: ComparisonModel, key: str, column: int, role=DISPLAY):
    return model.data(model.index(_row(model, key), column), role)


# --- the comparison table ----------------------------------------------------------------
def test_both_models_pass_qts_model_checks(qtbot, qtmodeltester, table, photos, store) -> None:
    comparison = ComparisonModel()
    comparison.set_table(table, NAMES)
    qtmodeltester.check(comparison)
    grid = PhotoGridModel()
    grid.set_photos(table.samples, photos, NAMES, store)
    qtmodeltester.check(grid)
    grid.stop_loading()


def test_the_best_value_of_a_row_has_a_star_bold_and_a_fill(qtbot, table) -> None:
    model = ComparisonModel()
    model.set_table(table, NAMES)
    # Shipping: 10.00 CNY is the lowest of 12, 10, 15 (all CNY).
    assert _cell(model, "shipping", 1) == "★ 10.00 CNY"
    assert _cell(model, "shipping", 1, FONT).bold()
    assert _cell(model, "shipping", 1, BACKGROUND) == QColor(Tone.BEST.fill)
    assert _cell(model, "shipping", 1, BEST_ROLE) is True
    assert _cell(model, "shipping", 0) == "12.00 CNY"
    assert _cell(model, "shipping", 0, FONT) is None
    assert _cell(model, "shipping", 0, BACKGROUND) is None
    # A tie marks both; a fail is never best.
    assert _cell(model, "criterion:appearance", 0) == "★ 5 / 5"
    assert _cell(model, "criterion:appearance", 1) == "★ 5 / 5"
    assert _cell(model, "criterion:appearance", 2) == "3 / 5"
    assert _cell(model, "criterion:Holds a tablet", 0) == "★ ✓ pass"
    assert _cell(model, "criterion:Holds a tablet", 1) == "✗ fail"


def test_measurements_show_the_deviation_from_spec(qtbot, table) -> None:
    model = ComparisonModel()
    model.set_table(table, NAMES)
    length = _row(model, "length_cm")
    assert model.headerData(length, VERTICAL) == "Length (cm) · spec 12.5"
    assert _cell(model, "length_cm", 0) == "12.9 cm\n+0.4 cm (+3.2 %)"
    assert _cell(model, "length_cm", 1) == "12.1 cm\n-0.4 cm (-3.2 %)"
    assert _cell(model, "length_cm", 2) == "★ 12.6 cm\n+0.1 cm (+0.8 %)"
    assert _cell(model, "width_cm", 0) == "8.5 cm\non spec"  # one known value: nothing best
    height = _row(model, "height_cm")
    assert model.headerData(height, VERTICAL) == "Height (cm) · no spec  ⓘ"
    assert "no target height" in model.headerData(height, VERTICAL, TOOLTIP)


def test_mixed_currencies_are_not_compared_and_the_row_says_why(qtbot, table) -> None:
    model = ComparisonModel()
    model.set_table(table, NAMES)
    price = _row(model, "price")
    assert model.headerData(price, VERTICAL) == "Sample price  ⓘ"
    note = "In CNY and USD: not compared without an exchange rate."
    assert model.headerData(price, VERTICAL, TOOLTIP) == f"Sample price\n{note}"
    assert [_cell(model, "price", c) for c in range(3)] == ["18.00 CNY", "15.50 CNY", "4.50 USD"]
    assert not any(_cell(model, "price", c, BEST_ROLE) for c in range(3))
    assert _cell(model, "price", 0, TOOLTIP) == note
    # The USD sample has no total (USD price, CNY shipping): a dash, the cell's own reason.
    assert _cell(model, "total", 2) == "—"
    assert "no total without an exchange rate" in _cell(model, "total", 2, TOOLTIP)
    assert _cell(model, "total", 1) == "★ 25.50 CNY"


def test_unknown_values_are_a_dash_with_a_tooltip(qtbot, table) -> None:
    model = ComparisonModel()
    model.set_table(table, NAMES)
    assert _cell(model, "criterion:function", 2) == "—"
    assert _cell(model, "criterion:function", 2, TOOLTIP) == "Not entered yet."
    assert _cell(model, "weight_kg", 0) == "—"


def test_a_free_sample_costs_nothing_and_says_so(qtbot) -> None:
    free = _sample(104, 13, free=True, shipping=Money(Decimal("8.00")))
    model = ComparisonModel()
    model.set_table(compare_samples(PRODUCT, [CHEAP, free]), NAMES)
    assert _cell(model, "price", 1) == "★ 0.00 CNY (free)"


def test_column_headers_name_the_supplier_variant_and_golden_sample(qtbot, table) -> None:
    model = ComparisonModel()
    model.set_table(table, NAMES)
    assert (
        model.headerData(0, HORIZONTAL)
        == "深圳市恒通五金制品有限公司\n深空灰 grey\n★ golden sample"
    )
    assert model.headerData(0, HORIZONTAL, FONT).bold()
    assert "approved reference" in model.headerData(0, HORIZONTAL, TOOLTIP)
    assert model.headerData(1, HORIZONTAL) == "东莞华强配件厂\nHuaqiang Parts\n黑色 black"
    assert model.headerData(1, HORIZONTAL, FONT) is None
    assert model.headerData(2, HORIZONTAL) == "义乌优品汇"


# --- the photo grid ------------------------------------------------------------------------
def test_one_row_per_angle_present_and_empty_cells_say_no_photo(view: CompareView) -> None:
    grid = view.photo_model
    names = [grid.headerData(r, VERTICAL) for r in range(grid.rowCount())]
    assert names == ["Front 正面", "Back 背面", "Defect 瑕疵", "Defect 瑕疵 (2)"]
    assert grid.columnCount() == 3
    assert grid.data(grid.index(0, 1)) == "正面 照片"
    assert grid.data(grid.index(1, 1)) == "no photo"  # the cheap sample has no back photo
    assert grid.data(grid.index(1, 1), DECORATION) is None
    assert grid.data(grid.index(0, 2)) == "no photo"  # the USD sample has no photos at all


def test_the_angle_filter_shows_one_angle_and_offers_only_angles_present(
    view: CompareView,
) -> None:
    box = view.angle_box
    items = [box.itemText(i) for i in range(box.count())]
    assert items[0] == "All angles"
    assert "Defect 瑕疵 (2)" in items
    side = box.findData(PhotoAngle.SIDE.value)
    assert not box.model().item(side).isEnabled()
    box.setCurrentIndex(box.findData(PhotoAngle.DEFECT.value))
    grid = view.photo_model
    assert [grid.headerData(r, VERTICAL) for r in range(grid.rowCount())] == [
        "Defect 瑕疵",
        "Defect 瑕疵 (2)",
    ]
    assert grid.data(grid.index(0, 0)) == "no photo"
    assert view.angle_filter() is PhotoAngle.DEFECT
    view.set_angle_filter(None)
    assert grid.rowCount() == 4


def test_thumbnails_arrive_from_a_worker(qtbot, view: CompareView, photos) -> None:
    grid = view.photo_model
    front = grid.index(0, 0)
    grid.data(front, DECORATION)  # painting asked for it already; asking again is harmless
    qtbot.waitUntil(lambda: grid.is_loaded(photos[101][0].hash), timeout=5000)
    picture = grid.data(front, DECORATION)
    assert isinstance(picture, QPixmap)
    assert max(picture.width(), picture.height()) <= grid.thumbnail_px
    centre = picture.toImage().pixelColor(picture.width() // 2, picture.height() // 2)
    assert abs(centre.red() - RED[0]) < 30 and centre.green() < 60


def test_a_missing_photo_says_it_cannot_be_shown(qtbot, table, store) -> None:
    grid = PhotoGridModel()
    lost = SamplePhoto("ab" * 32, "丢失.jpg", "", PhotoAngle.FRONT, 0, 101)
    grid.set_photos(table.samples, {101: [lost]}, NAMES, store)
    grid.data(grid.index(0, 0), DECORATION)
    qtbot.waitUntil(lambda: grid.is_loaded(lost.hash), timeout=5000)
    assert grid.data(grid.index(0, 0)) == "⚠ cannot be shown"
    assert "missing" in grid.data(grid.index(0, 0), TOOLTIP)
    grid.stop_loading()


def _double_click(view, index) -> None:
    # Qt's item views take a double click as the second press of a click pair.
    spot = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def test_double_click_on_a_photo_asks_to_open_it(qtbot, view: CompareView, photos) -> None:
    with qtbot.waitSignal(view.open_photo) as opened:
        _double_click(view.photo_view, view.photo_model.index(0, 1))
    assert opened.args == [102, photos[102][1].hash]
    with qtbot.assertNotEmitted(view.open_photo):
        _double_click(view.photo_view, view.photo_model.index(1, 1))  # "no photo"
    view.photo_view.setCurrentIndex(view.photo_model.index(1, 0))
    with qtbot.waitSignal(view.open_photo) as opened:
        qtbot.keyClick(view.photo_view, Qt.Key.Key_Return)
    assert opened.args == [101, photos[101][1].hash]


# --- the two views together ------------------------------------------------------------------
def test_photos_stand_above_their_numbers(view: CompareView) -> None:
    for column in range(3):
        above = view.photo_view.columnViewportPosition(column)
        below = view.table_view.columnViewportPosition(column)
        assert above == below
        assert view.photo_view.columnWidth(column) == view.table_view.columnWidth(column)
    assert view.photo_view.verticalHeader().width() == view.table_view.verticalHeader().width()


def test_golden_button_asks_for_the_selected_sample(qtbot, view: CompareView) -> None:
    assert not view.golden_button.isEnabled()  # nothing selected yet
    view.photo_view.selectColumn(1)  # selecting above selects below too
    assert view.table_view.selectionModel().isColumnSelected(1)
    assert view.selected_sample_id() == 102
    assert view.golden_button.isEnabled()
    with qtbot.waitSignal(view.golden_requested) as asked:
        qtbot.mouseClick(view.golden_button, Qt.MouseButton.LeftButton)
    assert asked.args == [102]
    view.select_sample(101)
    assert not view.golden_button.isEnabled()  # the golden one already
    assert "already" in view.golden_button.toolTip()


def test_header_menu_chooses_a_golden_sample(qtbot, view: CompareView) -> None:
    menu = view.header_menu(2)
    (action,) = menu.actions()
    assert "义乌优品汇" in action.text()
    with qtbot.waitSignal(view.golden_requested) as asked:
        action.trigger()
    assert asked.args == [103]
    assert not view.header_menu(0).actions()[0].isEnabled()


def test_a_new_table_keeps_the_selected_sample(qtbot, view: CompareView, photos, store) -> None:
    view.select_sample(102)
    chosen = _sample(102, 12, variant="黑色 black", status=SampleStatus.APPROVED, golden=True)
    view.show_comparison(compare_samples(PRODUCT, [GOLDEN, chosen]), photos, NAMES, store)
    assert view.selected_sample_id() == 102
    assert view.table_model.headerData(1, HORIZONTAL).endswith("★ golden sample")
    assert not view.golden_button.isEnabled()


def test_no_photos_at_all_says_where_to_add_them(qtbot, table, store) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show_comparison(table, {}, NAMES, store)
    view.show()
    assert view.no_photos.isVisible() and not view.photo_view.isVisible()
    view.show_comparison(None, {}, {}, None)
    assert view.table_model.rowCount() == 0 and view.selected_sample_id() is None
