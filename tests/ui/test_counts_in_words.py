"""What a backup holds and what an export writes, as the window says them (Restore from
backup, progress dialogs, the status bar), in English and in Chinese."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.services.exporting import ExportRequest
from app.store.backup_set import BackupInfo
from app.ui.backups import backup_summary
from app.ui.export_commands import export_scope
from tests.ui.i18n_walk import chinese

INFO = BackupInfo(
    Path("monday.backup"),
    "shop.sqlite3",
    datetime(2026, 12, 7, tzinfo=UTC),
    "0008",
    {"suppliers": 1234, "products": 4, "parcels": 12, "shipments": 2},
    {},
)


def test_the_summary_names_each_count_the_manifest_has() -> None:
    assert backup_summary(INFO) == "1,234 suppliers, 4 products, 12 parcels, 2 shipments"


def test_the_summary_in_chinese(tmp_path: Path, qapp) -> None:
    with chinese(tmp_path / "catalogue", ["app/ui/backups.py"]) as missing:
        assert missing == []
        assert backup_summary(INFO) == "1,234 家供应商，4 个产品，12 个包裹，2 票发货"


def test_an_exports_scope_in_both_languages(tmp_path: Path, qapp) -> None:
    cases = [
        (ExportRequest("suppliers", ids=[1]), "1 supplier", "1 家供应商"),
        (ExportRequest("matrix", ids=list(range(1200))), "1,200 suppliers", "1,200 家供应商"),
        (ExportRequest("samples", product_ids=[3, 4]), "2 products", "2 个产品"),
        (ExportRequest("consolidation", shipment="11月海运"), "shipment 11月海运", "发货 11月海运"),
        (
            ExportRequest("consolidation"),
            "the parcels waiting at the agent",
            "仓库中待发的包裹",
        ),
        (ExportRequest("negotiation"), "the quotes of all products", "全部产品的报价"),
    ]
    assert [export_scope(request) for request, _en, _zh in cases] == [en for _r, en, _zh in cases]
    with chinese(tmp_path / "catalogue", ["app/ui/export_commands.py"]):
        assert [export_scope(request) for request, _en, _zh in cases] == [
            zh for _r, _en, zh in cases
        ]
