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
    from app.services.consolidation.import_parcels import ParcelImportPlan
    from app.services.workbench import Workbench
    from app.store.db import Database

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
    export.add_argument(
        "--product",
        metavar="NAME_OR_ID",
        help="samples, negotiation: only this product (default: every product)",
    )
    export.add_argument(
        "--shipment",
        metavar="NAME_OR_ID",
        help="consolidation: this shipment (default: the parcels waiting at the warehouse)",
    )
    importing = commands.add_parser(
        "import",
        parents=[common],
        help="import suppliers, quotes, parcels or rate cards from .xlsx or .csv",
    )
    importing.add_argument(
        "kind", choices=["suppliers", "quotes", "parcels", "rates"], help="what to import"
    )
    importing.add_argument("file", type=Path, help="the .xlsx or .csv file")
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="show what the import would change and write nothing",
    )
    template = commands.add_parser(
        "template", parents=[common], help="an empty import sheet with an example (.xlsx)"
    )
    template.add_argument("kind", choices=list(TEMPLATES), help="which import sheet")
    template.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
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
    from app.temporaries import sweep

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
    from app.demo import create_demo

    change = create_demo(db_path)  # built beside it, moved into place when complete
    print(f"Demo database ready: {db_path} ({len(change.created)} suppliers)")
    return EXIT_OK


def run_export(args: argparse.Namespace, db_path: Path) -> int:
    from app.services.exporting import ExportRequest, check_target, export

    check_target(args.out)
    request = ExportRequest(args.kind, shipment=args.shipment)
    if args.product is not None and args.kind not in ("samples", "negotiation"):
        print("error: --product applies to samples and negotiation", file=sys.stderr)
        return EXIT_USAGE
    if args.shipment is not None and args.kind != "consolidation":
        print("error: --shipment applies to consolidation", file=sys.stderr)
        return EXIT_USAGE
    with _workbench(db_path, create=False, read_only=True) as workbench:
        if args.product is not None:
            product_id = workbench.negotiation.find_product(args.product)
            request = ExportRequest(args.kind, product_ids=(product_id,), shipment=args.shipment)
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
    """Print the preview; without --dry-run, then write it (all or nothing).

    --dry-run writes nothing at all: on a database that does not exist yet it creates none
    and previews the file as into an empty database."""
    from app.services.suppliers.importing import apply_import, preview_import

    if not args.file.is_file():
        raise WorkbenchError(f"{args.file} does not exist.")
    if args.kind == "quotes":
        return run_import_quotes(args, db_path)
    if args.kind in ("parcels", "rates"):
        return run_import_consolidation(args, db_path)
    if args.dry_run:
        if db_path.exists():
            with _workbench(db_path, create=False, read_only=True) as workbench:
                plan = preview_import(workbench.suppliers, args.file)
        else:
            plan = preview_import(None, args.file)
        print(f"Dry run, nothing written: {plan.summary()}")
        for line in plan.details():
            print(line)
        return EXIT_OK
    with _workbench(db_path, create=True) as workbench:
        plan = preview_import(workbench.suppliers, args.file)
        apply_import(workbench.suppliers, plan)
    print(f"Imported {args.file} into {db_path}: {plan.summary()}")
    for line in plan.details():
        print(line)
    return EXIT_OK


def run_import_quotes(args: argparse.Namespace, db_path: Path) -> int:
    """Quotes need their suppliers, so the database must exist; --dry-run writes nothing."""
    from app.services.negotiation.quote_import import apply_quote_import, plan_quote_import

    if not db_path.exists():
        raise WorkbenchError(f"{db_path} does not exist: add or import the suppliers first.")
    with _workbench(db_path, create=False, read_only=args.dry_run) as workbench:
        plan = plan_quote_import(workbench.database, args.file)
        if plan.writes_anything and not args.dry_run:
            apply_quote_import(workbench.database, plan)
    done = "Dry run, nothing written" if args.dry_run else f"Imported {args.file} into {db_path}"
    print(f"{done}: {plan.summary()}")
    for line in plan.details():
        print(line)
    return EXIT_OK


def run_import_consolidation(args: argparse.Namespace, db_path: Path) -> int:
    """Parcels or rate cards: all rows or none. --dry-run writes nothing at all: on a database
    that does not exist yet it previews the file as into an empty database."""
    from datetime import date

    from app.services.consolidation.import_parcels import (
        apply_parcel_import,
        preview_parcel_import,
    )
    from app.services.consolidation.import_rates import (
        RateImportPlan,
        apply_rate_import,
        preview_rate_import,
    )

    def preview(database: Database | None) -> ParcelImportPlan | RateImportPlan:
        if args.kind == "parcels":
            return preview_parcel_import(database, args.file, today=date.today())
        return preview_rate_import(database, args.file)

    if args.dry_run:
        if db_path.exists():
            with _workbench(db_path, create=False, read_only=True) as workbench:
                plan = preview(workbench.database)
        else:
            plan = preview(None)
        print(f"Dry run, nothing written: {plan.summary()}")
    else:
        with _workbench(db_path, create=True) as workbench:
            plan = preview(workbench.database)
            if plan.writes_anything:
                if isinstance(plan, RateImportPlan):
                    apply_rate_import(workbench.database, plan)
                else:
                    apply_parcel_import(workbench.database, plan)
        print(f"Imported {args.file} into {db_path}: {plan.summary()}")
    for line in plan.details():
        print(line)
    return EXIT_OK


def run_template(args: argparse.Namespace, db_path: Path) -> int:
    """An empty import sheet with its example (no database needed)."""
    out = TEMPLATES[args.kind](args.out)
    print(f"Wrote the {args.kind} import template to {out}")
    return EXIT_OK


def _quotes_template(out: Path) -> Path:
    from datetime import date

    from app.services.negotiation.quote_template import write_quote_template

    return write_quote_template(out, date.today())


def _parcels_template(out: Path) -> Path:
    from datetime import date

    from app.services.consolidation.templates import write_parcels_template

    return write_parcels_template(out, date.today())


def _rates_template(out: Path) -> Path:
    from app.services.consolidation.templates import write_rates_template

    return write_rates_template(out)


# `template KIND --out FILE.xlsx`: each import's empty sheet with an example, by kind.
TEMPLATES: dict[str, Callable[[Path], Path]] = {
    "quotes": _quotes_template,
    "parcels": _parcels_template,
    "rates": _rates_template,
}


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
    "template": run_template,
    "backup": run_backup,
    "restore": run_restore,
    "check": run_check,
    "screenshot": run_screenshot,
}
