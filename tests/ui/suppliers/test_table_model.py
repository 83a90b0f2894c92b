from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.suppliers.listing import SupplierFilter, load_supplier_list
from app.services.suppliers.service import SupplierService
from app.ui.suppliers.table_model import COLUMN_FIELDS, ID_ROLE, SupplierTableModel
from tests.factories import hengda, minimal

TODAY = date(2026, 11, 29)


def _model(supplier_service: SupplierService, db_path: Path) -> SupplierTableModel:
    supplier_service.insert_many(
        [
            hengda(),
            minimal("深圳市华强通讯配件有限公司", "Huaqiang"),
            minimal(name_en="Ningbo Homeware"),
        ]
    )
    model = SupplierTableModel(lambda: TODAY)
    model.set_items(load_supplier_list(db_path))
    return model


def test_model_passes_qt_model_tester(qtmodeltester, supplier_service, db_path) -> None:
    model = _model(supplier_service, db_path)
    qtmodeltester.check(model)
    model.set_filter(SupplierFilter(text="hua"))
    qtmodeltester.check(model)


def test_cells_show_labels_and_raw_values(supplier_service, db_path) -> None:
    model = _model(supplier_service, db_path)
    row = model.row_of(model.visible_ids()[-1])  # 义乌 sorts last (yi…)
    cell = lambda field, role=Qt.ItemDataRole.DisplayRole: model.data(  # noqa: E731
        model.index(row, COLUMN_FIELDS.index(field)), role
    )
    assert cell("name_zh") == "义乌市恒达工艺品厂"
    assert cell("membership") == "Strong merchant 实力商家"
    assert cell("province") == "浙江 Zhejiang"
    assert cell("reorder_rate") == "45.5 %"
    assert cell("reorder_rate", Qt.ItemDataRole.UserRole) == "45.5"
    assert cell("deposit_minor") == "3,000.00 CNY"
    assert cell("tags") == "工艺品; home decor"
    assert cell("contact") == "王丽"
    assert cell("red_flags") == "⚑ 1"
    assert model.data(model.index(row, 0), ID_ROLE) == model.visible_ids()[-1]


def test_expiring_certification_gets_a_tooltip(supplier_service, db_path) -> None:
    model = _model(supplier_service, db_path)
    # hengda's CE certificate expires 2027-01-10: 42 days after TODAY, inside the 60-day warning.
    row = model.row_of(model.visible_ids()[-1])
    tooltip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "2027-01-10" in tooltip
    other = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert other is None


def test_header_click_sorts_through_the_model(supplier_service, db_path) -> None:
    model = _model(supplier_service, db_path)
    column = COLUMN_FIELDS.index("name_en")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert names == ["Huaqiang", "Ningbo Homeware", "Yiwu Hengda Crafts Factory"]
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, column)) for r in range(model.rowCount())] == names[::-1]


def test_expiry_column_marks_the_warning_with_text(supplier_service, db_path) -> None:
    model = _model(supplier_service, db_path)
    column = COLUMN_FIELDS.index("next_expiry")
    texts = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert texts == ["", "", "expires in 42 days (2027-01-10)"]


def test_the_list_counts_open_red_flags_and_ignores_lasting_or_renewed_certificates(
    supplier_service, db_path
) -> None:
    """Issue 13: the table's flag count and certificate alert agree with the editor's rules."""
    from datetime import timedelta

    from app.domain.suppliers.choices import CertificationKind as CK
    from app.domain.suppliers.supplier import Certification, RedFlag

    supplier_service.insert_many(
        [
            hengda(
                red_flags=[RedFlag(resolved_on=TODAY, resolution="cleared"), RedFlag()],
                certifications=[
                    Certification(CK.CE, "CE-1", expires_on=TODAY - timedelta(days=400)),
                    Certification(CK.CE, "CE-2", expires_on=TODAY + timedelta(days=330)),
                    Certification(CK.FCC, "2AB-1", expires_on=TODAY - timedelta(days=3)),
                    Certification(CK.ORGANISATION_CODE, "1-9", expires_on=date(2017, 1, 1)),
                ],
            )
        ]
    )
    [item] = load_supplier_list(db_path)
    assert item.red_flags == 1  # the resolved one no longer counts
    assert item.next_expiry == (TODAY + timedelta(days=330)).isoformat()
    assert not item.expiry_alert(TODAY)
    model = SupplierTableModel(lambda: TODAY)
    model.set_items([item])
    column = COLUMN_FIELDS.index("member_since")
    assert model.data(model.index(0, column)) == "2019-03"
