"""Every OSError on a write is one clear line, and a killed write leaves nothing after the next
start (issue 10: a full disk printed a traceback; killed exports left .partial files and
openpyxl spool files of up to 16 MB)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import temporaries
from app.cli import main
from app.errors import ExportFailed
from app.exports.kit.atomic import atomic_output


def test_a_full_disk_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "suppliers.xlsx"
    with pytest.raises(ExportFailed) as failed, atomic_output(target) as temporary:
        temporary.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(failed.value) == f"Cannot write {target}: the disk is full. Nothing was written."
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []


def test_a_path_that_cannot_hold_files_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "suppliers", "--db", "/nonexistent.sqlite3", "--out", "/proc/x.xlsx"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "unexpected" not in err


def test_an_export_to_proc_is_one_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "suppliers", "--db", str(db_path), "--out", "/proc/self/x.xlsx"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1, err
    assert "unexpected" not in err and "/proc/self/x.xlsx" in err


SLOW_EXPORT = """
import sys, time
from pathlib import Path
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import write_only_workbook
with atomic_output(Path(sys.argv[1])) as temporary, write_only_workbook() as workbook:
    sheet = workbook.create_sheet("S")
    for row in range(2000):
        sheet.append([row, "义乌"])
    temporary.write_bytes(b"started")
    print("ready", flush=True)
    time.sleep(60)
"""


def test_a_killed_export_leaves_nothing_after_the_next_start(
    tmp_path: Path, data_dir: Path
) -> None:
    target = tmp_path / "out.xlsx"
    env = {**os.environ, "WORKBENCH_DATA_DIR": str(data_dir), "PYTHONPATH": os.getcwd()}
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(target)], stdout=subprocess.PIPE, env=env
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    partial = target.with_name(f".out.xlsx.{writer.pid}.partial")
    spooled = list((data_dir / temporaries.SPOOL_FOLDER).iterdir())
    assert partial.exists() and spooled  # what the kill left
    time.sleep(0.05)
    removed = temporaries.sweep()  # the next start
    assert not partial.exists() and not any(path.exists() for path in spooled)
    assert partial in removed and not target.exists()
    assert not (data_dir / temporaries.JOURNAL).exists()
