"""The samples workbook: a sheet per product with safe names, a row per sample with exact money,
dates, deviations, scores and best marks, an embedded thumbnail per photographed sample, user
text that stays text, and LibreOffice opening it with Chinese intact."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.units import EMU_to_pixels
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image

from app.domain.kit.money import Money
from app.domain.samples.sample import PassFail, Product, SampleStatus
from app.errors import Cancelled
from app.exports.samples.data import ProductSamples
from app.exports.samples.xlsx import HEADER_ROW, PHOTO_HEIGHT_PX, export_samples_xlsx, sheet_titles
from app.services.exporting import load_product_samples
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.photos.store import PhotoStore
from tests.conftest import TODAY
from tests.exports.libreoffice import convert_to_csv, csv_rows, needs_libreoffice
from tests.exports.pdf_tools import leftovers
from tests.factories import hengda, minimal
from tests.services.samples.fixtures import HINGE, STAND

D = Decimal
FORMULA_SUPPLIER = "=1+1"
FORMULA_VARIANT = "=SUM(A1:A3)"
HUAQIANG = "深圳市华强通讯配件有限公司"
FLASK = Product(name="Vacuum flask: 500/ml [black] *matte* with a long name", category="drinkware")
EMPTY = Product(name_zh="帆布托特包", name="Canvas tote")


@dataclass
class SamplesData:
    samples: SampleService
    store: PhotoStore
    products: list[ProductSamples]
    ids: dict[str, int]  # sample ids by supplier name
    photos: dict[str, str]  # cover hash by supplier name


def photo_file(folder: Path, name: str, colour: tuple[int, int, int], **save: object) -> Path:
    """A small photo of a coloured block on grey, as a camera would hand it over."""
    picture = Image.new("RGB", (640, 480), (200, 200, 200))
    picture.paste(colour, (160, 120, 480, 360))
    path = folder / name
    picture.save(path, **save)
    return path


def samples_data(database: Database, suppliers: SupplierService, folder: Path) -> SamplesData:
    """The phone stand with three samples (golden, cheapest, a USD quote), a flask with one,
    and a tote bag with none; photos on two of the stand's samples and on the flask's."""
    samples = SampleService(database, today=lambda: TODAY)
    store = PhotoStore(database.path)
    folder.mkdir(exist_ok=True)
    hengda_id = suppliers.save(hengda()).created[0]
    formula_id = suppliers.save(minimal(FORMULA_SUPPLIER, "Formula Co")).created[0]
    huaqiang_id = suppliers.save(minimal(HUAQIANG, "Shenzhen Huaqiang")).created[0]
    stand = samples.save_product(STAND).products[0]
    flask = samples.save_product(FLASK).products[0]
    samples.save_product(EMPTY)
    received = {"requested_on": date(2026, 11, 1), "received_on": date(2026, 11, 9)}
    ids = {
        "义乌市恒达工艺品厂": _add(samples, stand, hengda_id, "黑色 black", "15.50 CNY", "8.00 CNY",
                            status=SampleStatus.RECEIVED, length_cm=D("12.30"), weight_kg=D("0.160"),
                            scores={"appearance": 5, "function": 4, HINGE: PassFail.PASS},
                            verdict="最接近规格 closest to spec", **received),
        FORMULA_SUPPLIER: _add(samples, stand, formula_id, FORMULA_VARIANT, "12.00 CNY", "6.00 CNY",
                               status=SampleStatus.EVALUATED, length_cm=D("11.0"),
                               scores={"appearance": 3, "function": 4, HINGE: PassFail.FAIL},
                               defects="<img src='x.png'> 划痕 scratch", **received),
        HUAQIANG: _add(samples, stand, huaqiang_id, "银色 silver", "2.50 USD", "10.00 CNY",
                       status=SampleStatus.RECEIVED, length_cm=D("12.0"), scores={"appearance": 4},
                       **received),
        "flask": _add(samples, flask, hengda_id, "哑光黑", "25.00 CNY", "15.00 CNY"),
    }  # fmt: skip
    samples.set_golden(ids["义乌市恒达工艺品厂"])
    photos = {}
    sideways = Image.Exif()
    sideways[0x0112] = 6  # stored turned, shown upright
    for name, colour, save in (
        ("义乌市恒达工艺品厂", (200, 40, 40), {"format": "JPEG", "exif": sideways.tobytes()}),
        (HUAQIANG, (40, 40, 200), {"format": "PNG"}),
        ("flask", (40, 160, 40), {"format": "JPEG"}),
    ):
        suffix = ".png" if save["format"] == "PNG" else ".jpg"
        imported = store.import_file(photo_file(folder, f"{len(photos)}{suffix}", colour, **save))
        samples.add_photos(ids[name], [imported])
        photos[name] = imported.hash
    return SamplesData(samples, store, load_product_samples(samples), ids, photos)


def _add(
    samples: SampleService,
    product_id: int,
    supplier_id: int,
    variant: str,
    price: str,
    shipping: str,
    **details: object,
) -> int:
    from app.domain.samples.sample import Sample

    def money(text: str) -> Money:
        amount, currency = text.split()
        return Money(D(amount), currency)

    sample = Sample(
        product_id=product_id,
        supplier_id=supplier_id,
        variant=variant,
        price=money(price),
        shipping=money(shipping),
        **details,  # type: ignore[arg-type]
    )
    return samples.save_sample(sample).created[0]


@pytest.fixture
def data(database: Database, supplier_service: SupplierService, tmp_path: Path) -> SamplesData:
    return samples_data(database, supplier_service, tmp_path / "camera")


@pytest.fixture
def workbook_path(data: SamplesData, tmp_path: Path) -> Path:
    return export_samples_xlsx(
        data.products, tmp_path / "samples.xlsx", store=data.store, today=TODAY
    )


def _rows(ws: Worksheet) -> list[dict[str, object]]:
    """The sample rows under the header, as {first header line: cell}."""
    headers = [str(c.value).split("\n")[0] for c in ws[HEADER_ROW]]
    return [
        dict(zip(headers, row, strict=True))
        for row in ws.iter_rows(min_row=HEADER_ROW + 1)
        if any(c.value is not None for c in row)
    ]


def test_one_sheet_per_product_named_safely(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == [
        "帆布托特包 · Canvas tote",
        "手机支架 · Phone stand",
        "Vacuum flask_ 500_ml _black_ _m",
    ]
    tote = workbook["帆布托特包 · Canvas tote"]
    assert tote.cell(HEADER_ROW + 1, 2).value == "No samples of this product yet."


def test_sheet_titles_are_valid_unique_and_keep_chinese() -> None:
    titles = sheet_titles(
        [
            "磁吸手机支架",
            "A/B: [x]*?\\",
            "磁吸手机支架",
            "MAGNETIC",
            "magnetic",
            "",
            "'q'",
            "长" * 40,
        ]
    )
    assert titles[:2] == ["磁吸手机支架", "A_B_ _x____"]
    assert titles[2:5] == ["磁吸手机支架 (2)", "MAGNETIC", "magnetic (2)"]  # Excel ignores case
    assert titles[5:7] == ["Product 6", "q"]
    assert titles[7] == "长" * 31
    assert all(len(t) <= 31 for t in titles)


def test_a_row_per_sample_with_money_dates_measurements_and_scores(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["手机支架 · Phone stand"]
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"
    golden, cheapest, usd = _rows(ws)
    assert golden["Supplier"].value == "义乌市恒达工艺品厂"
    assert golden["Supplier (English)"].value == "Yiwu Hengda Crafts Factory"
    assert golden["Status"].value == "Approved 已认可"  # set_golden approves
    assert golden["Golden"].value == "★ golden sample"
    assert (golden["Currency"].value, golden["Price"].value, golden["Total"].value) == (
        "CNY",
        15.5,
        23.5,
    )
    assert golden["Price"].number_format == '#,##0.00 "CNY"'
    assert golden["Requested"].value.date() == date(2026, 11, 1)
    length = golden["Length (cm)"]
    assert length.value == 12.3
    assert ws.cell(length.row, length.column + 1).value == pytest.approx(0.3)
    assert ws.cell(length.row, length.column + 2).value == pytest.approx(0.025)  # 2.5 %
    assert golden["Function"].value == 4 and golden[HINGE].value == "★ ✓ pass"
    assert cheapest[HINGE].value == "✘ fail"
    assert golden["Verdict"].value == "最接近规格 closest to spec"
    assert usd["Currency"].value == "USD / CNY"
    assert (
        usd["Total"].value == "Price in USD and shipping in CNY: no total without an exchange rate."
    )


def test_money_is_written_exactly_never_as_float_text(workbook_path: Path) -> None:
    """Decimal amounts become the exact number (openpyxl writes up to 16 significant digits),
    never a binary approximation such as 23.499999999999996."""
    with zipfile.ZipFile(workbook_path) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
    numbers = re.findall(r"<v>([^<]*)</v>", sheet)
    for exact in ("15.5", "8", "23.5", "12", "6", "18", "12.3", "0.3", "0.025", "0.16"):
        assert exact in numbers
    assert not [n for n in numbers if re.search(r"0{6}|9{6}|e", n)]


def test_best_values_are_bold_on_blue_with_a_star(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["手机支架 · Phone stand"]
    golden, cheapest, usd = _rows(ws)
    total = cheapest["Total"]
    assert total.number_format.startswith('"★ "') and total.font.b
    assert total.fill.fgColor.rgb.endswith("99C7E0")
    assert not golden["Total"].font.b and not golden["Total"].number_format.startswith('"★')
    assert golden["Appearance (colour, size, workmanship)"].font.b  # 5 beats 3 and 4
    assert usd["Length (cm)"].font.b  # 12.0 is on spec
    assert golden["Golden"].fill.fgColor.rgb.endswith("FBF1C4")


def test_user_text_that_looks_like_a_formula_stays_text(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["手机支架 · Phone stand"]
    cheapest = _rows(ws)[1]
    for cell, text in (
        (cheapest["Supplier"], FORMULA_SUPPLIER),
        (cheapest["Variant"], FORMULA_VARIANT),
    ):
        assert cell.value == text and cell.data_type == "s"
    assert cheapest["Defects"].value == "<img src='x.png'> 划痕 scratch"


def test_a_thumbnail_is_embedded_per_photographed_sample(
    workbook_path: Path, data: SamplesData
) -> None:
    with zipfile.ZipFile(workbook_path) as archive:
        media = [name for name in archive.namelist() if name.startswith("xl/media/")]
    assert len(media) == 3 and all(name.endswith(".jpeg") for name in media)
    workbook = load_workbook(workbook_path)
    ws = workbook["手机支架 · Phone stand"]
    anchored = {image.anchor._from.row + 1: image for image in ws._images}
    first = HEADER_ROW + 1
    assert sorted(anchored) == [first, first + 2]  # the formula supplier's sample has no photo
    assert ws.cell(first + 1, 1).value is None  # its photo cell is simply empty
    for row, image in anchored.items():
        assert image.anchor._from.col == 0
        assert round(EMU_to_pixels(image.anchor.ext.height)) == PHOTO_HEIGHT_PX
        assert ws.row_dimensions[row].height >= PHOTO_HEIGHT_PX * 0.75  # points
    # The sideways JPEG (640 x 480 pixels, EXIF "turn 90°") shows upright: portrait, 3:4.
    upright = anchored[first].anchor.ext
    assert round(EMU_to_pixels(upright.width)) == PHOTO_HEIGHT_PX * 3 // 4


def test_a_photo_gone_from_the_store_says_so(data: SamplesData, tmp_path: Path) -> None:
    data.store.delete(data.photos[HUAQIANG])
    out = export_samples_xlsx(data.products, tmp_path / "s.xlsx", store=data.store, today=TODAY)
    ws = load_workbook(out)["手机支架 · Phone stand"]
    assert _rows(ws)[2]["Photo"].value == "photo missing (run check)"
    assert len(ws._images) == 1


def test_no_products_gives_a_sheet_that_says_so(tmp_path: Path, data: SamplesData) -> None:
    out = export_samples_xlsx([], tmp_path / "none.xlsx", store=data.store, today=TODAY)
    ws = load_workbook(out).active
    assert ws["A2"].value == "No products to export."


def test_progress_counts_samples_and_cancel_writes_nothing(
    data: SamplesData, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "s.xlsx"
    export_samples_xlsx(
        data.products,
        out,
        store=data.store,
        today=TODAY,
        on_progress=lambda d, t: seen.append((d, t)) or True,
    )
    assert seen == [(n, 4) for n in range(1, 5)]
    out.unlink()
    with pytest.raises(Cancelled):
        export_samples_xlsx(
            data.products, out, store=data.store, today=TODAY, on_progress=lambda d, t: d < 2
        )
    assert not out.exists() and leftovers(tmp_path) == []


@needs_libreoffice
def test_libreoffice_opens_it_with_chinese_and_literal_text(
    workbook_path: Path, tmp_path: Path
) -> None:
    """LibreOffice converts the first sheet (the tote bag, with no samples): the workbook opens.
    Then a one-sheet copy of the stand's, to read its rows as LibreOffice shows them."""
    workbook = load_workbook(workbook_path)
    for name in ("帆布托特包 · Canvas tote", "Vacuum flask_ 500_ml _black_ _m"):
        del workbook[name]
    stand_only = tmp_path / "stand.xlsx"
    workbook.save(stand_only)
    converted = convert_to_csv([workbook_path, stand_only], tmp_path)
    assert "帆布托特包" in csv_rows(converted[workbook_path])[0][0]
    rows = csv_rows(converted[stand_only])
    header = rows[HEADER_ROW - 1]
    table = [dict(zip(header, row, strict=False)) for row in rows[HEADER_ROW:]]
    assert [r["Supplier"] for r in table] == ["义乌市恒达工艺品厂", FORMULA_SUPPLIER, HUAQIANG]
    assert table[1]["Variant"] == FORMULA_VARIANT
    assert table[0]["Price"] == "15.50 CNY" and table[1]["Total"] == "★ 18.00 CNY"
    assert table[0]["Status"] == "Approved 已认可"
