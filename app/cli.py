"""The command line: the scripting face of the app (see the README's Command line).

User errors print one line on stderr and exit 1; usage errors exit 2; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__, config
from app.errors import WorkbenchError
from app.services.exporting import KINDS as EXPORT_KINDS

if TYPE_CHECKING:
    from app.services.workbench import Workbench

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the database file (default: {config.default_db_path()})",
    )
    parser = argparse.ArgumentParser(
        prog="workbench",
        description=f"{APP_NAME}: sourcing from 1688.com, offline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", parents=[common], help="open the main window (the default)")
    commands.add_parser(
        "demo", parents=[common], help="fill a new database with realistic demo data"
    )
    export = commands.add_parser("export", parents=[common], help="export a view to .xlsx or .pdf")
    export.add_argument("kind", choices=list(EXPORT_KINDS), help="what to export")
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx or FILE.pdf"
    )
    importing = commands.add_parser(
        "import", parents=[common], help="import suppliers from .xlsx or .csv"
    )
    importing.add_argument("kind", choices=["suppliers"], help="what to import")
    importing.add_argument("file", type=Path, help="the .xlsx or .csv file")
    checklist = commands.add_parser(
        "checklist", parents=[common], help="the printable factory-audit checklist (PDF)"
    )
    checklist.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    checklist.add_argument(
        "--supplier", metavar="NAME_OR_ID", help="fill in this supplier's record (default: blank)"
    )
    checklist.add_argument(
        "--results", action="store_true", help="the supplier's latest audit, with its answers"
    )
    checklist.add_argument(
        "--paper",
        type=str.capitalize,  # "a4" -> "A4", "LETTER" -> "Letter"
        choices=("A4", "Letter"),
        default="A4",
        help="paper size (default: A4)",
    )
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="a complete backup (database, photos, manifest), safe while the app is open",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    backup.add_argument(
        "--force", action="store_true", help="replace an earlier backup of the same database"
    )
    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup in place (the current file is kept aside)"
    )
    restore.add_argument("backup", type=Path, help="the backup folder (or a .sqlite3 copy)")
    commands.add_parser(
        "check", parents=[common], help="check the database's integrity and its photo store"
    )
    shot = commands.add_parser(
        "screenshot", parents=[common], help="render the window to a PNG, offscreen"
    )
    shot.add_argument("--tab", default="suppliers", help="which tab to show (default: suppliers)")
    shot.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db_path: Path = getattr(args, "db", None) or config.default_db_path()
    command = args.command or "gui"
    _sweep_leftovers()
    try:
        return COMMANDS[command](args, db_path.expanduser())
    except WorkbenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one line for the user, the details in a log file
        log = _write_crash_log()
        print(
            f"error: unexpected problem ({type(error).__name__}: {error}); details in {log}",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR


def _sweep_leftovers() -> None:
    """Temporary files a killed export or backup left behind go at the next start."""
    from app.exports.kit.temporaries import sweep

    sweep()


def _write_crash_log() -> Path:
    log = config.data_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
    except OSError:
        return Path("(could not write the log)")
    return log


@contextmanager
def _workbench(db_path: Path, *, create: bool, read_only: bool = False) -> Iterator[Workbench]:
    """The validated (created, migrated) database and its services, closed afterwards.

    `read_only=True` for commands that only read (exports): the file is never written."""
    from app.services.workbench import Workbench
    from app.store.opening import open_database_file

    opened = open_database_file(db_path, create=create, read_only=read_only)
    for notice in opened.notices():
        print(f"note: {notice}", file=sys.stderr)
    workbench = Workbench(db_path, read_only=read_only and opened.migrated_from is None)
    try:
        yield workbench
    finally:
        workbench.close()


def run_gui(args: argparse.Namespace, db_path: Path) -> int:
    from app.ui.app import run_gui as start

    return start(db_path)


def run_demo(args: argparse.Namespace, db_path: Path) -> int:
    from app.demo import fill_demo

    with _workbench(db_path, create=True) as workbench:
        change = fill_demo(workbench.suppliers)
    print(f"Demo database ready: {db_path} ({len(change.created)} suppliers)")
    return EXIT_OK


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    from app.services.exporting import ExportRequest, check_target, export

    check_target(args.out)
    request = ExportRequest(args.kind)
    with _workbench(db_path, create=False, read_only=True) as workbench:
        out = export(workbench, request, args.out)
    # Photos make some exports big: say how big.
    print(f"Exported {args.kind} to {out} ({_size_text(out.stat().st_size)})")
    return EXIT_OK


def _size_text(size: int) -> str:
    """ "840 KB", "2.1 MB"."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"


def run_checklist(args: argparse.Namespace, db_path: Path) -> int:
    """Blank (no database needed), for one supplier, or its latest audit's results."""
    from app.domain.audits.checklist_default import default_template
    from app.exports.audits.checklist_pdf import supplier_name
    from app.services.audits.checklist import write_checklist

    if args.results and not args.supplier:
        print("error: --results needs --supplier NAME_OR_ID", file=sys.stderr)
        return EXIT_USAGE
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise WorkbenchError(f"Cannot write the checklist to '{out.name}': name the file .pdf.")
    if not args.supplier:
        write_checklist(out, default_template(), paper=args.paper)
        print(f"Exported the blank checklist to {out}")
        return EXIT_OK
    with _workbench(db_path, create=False) as workbench:
        supplier_id = workbench.suppliers.find_id(args.supplier)
        name = supplier_name(workbench.suppliers.get(supplier_id))
        audit = None
        if args.results:
            audit = workbench.audits.latest_audit(supplier_id)
            if audit is None:
                raise WorkbenchError(
                    f"{name} has no audit yet: record one (Suppliers tab, "
                    "Audits) to print its results, or leave out --results for the checklist."
                )
        write_checklist(  # a results printout uses the audit's own snapshot of the template
            out,
            default_template(),
            workbench=workbench,
            supplier_id=supplier_id,
            audit=audit,
            paper=args.paper,
        )
    what = f"the results of the {audit.audited_on} audit" if audit else "the checklist"
    print(f"Exported {what} for {name} to {out}")
    return EXIT_OK


def run_import(args: argparse.Namespace, db_path: Path) -> int:
    from app.services.suppliers.importing import import_suppliers

    if not args.file.is_file():
        raise WorkbenchError(f"{args.file} does not exist.")
    with _workbench(db_path, create=True) as workbench:
        change = import_suppliers(workbench.suppliers, args.file)
    print(f"Imported {len(change.created)} suppliers from {args.file} into {db_path}")
    return EXIT_OK


def run_backup(args: argparse.Namespace, db_path: Path) -> int:
    from app.store.backup_set import write_backup

    info = write_backup(db_path, args.out, replace=args.force)
    print(f"Backed up {db_path} to {info.folder} ({info.summary()})")
    return EXIT_OK


def run_restore(args: argparse.Namespace, db_path: Path) -> int:
    from app.services.photo_check import problems_that_block_use
    from app.store.restore import restore_backup

    restored = restore_backup(args.backup, db_path, check=problems_that_block_use)
    kept = (
        f"; the file as it was is kept as {restored.set_aside.name}" if restored.set_aside else ""
    )
    holds = f" ({restored.summary})" if restored.summary else ""
    print(f"Restored {args.backup}{holds} to {restored.path}{kept}")
    return EXIT_OK


def run_check(args: argparse.Namespace, db_path: Path) -> int:
    from app.services.photo_check import check_workbench
    from app.store.backup_set import DATABASE, is_backup, verify_backup

    if is_backup(db_path):  # a backup folder: its manifest, then the database inside
        problems = verify_backup(db_path) or check_workbench(db_path / DATABASE)
    else:
        problems = check_workbench(db_path)  # the database and the photo store beside it
    if problems:
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"error: {db_path} has {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"ok: {db_path}")
    return EXIT_OK


def run_screenshot(args: argparse.Namespace, db_path: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.store.opening import open_database_file
    from app.ui.app import render_screenshot

    open_database_file(db_path, create=False)
    out = render_screenshot(db_path, args.tab, args.out)
    print(f"Saved {out}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "gui": run_gui,
    "demo": run_demo,
    "export": run_export,
    "checklist": run_checklist,
    "import": run_import,
    "backup": run_backup,
    "restore": run_restore,
    "check": run_check,
    "screenshot": run_screenshot,
}
