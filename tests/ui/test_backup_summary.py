"""What a backup holds, as the window lists it (Restore from backup, the status bar)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.store.backup_set import BackupInfo
from app.ui.backups import backup_summary
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
