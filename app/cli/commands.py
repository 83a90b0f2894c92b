"""Commands about the database itself and the window: gui, demo, checklist, backup, restore,
check, screenshot."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli.session import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, open_workbench
from app.errors import WorkbenchError


def run_gui(args: argparse.Namespace, db_path: Path) -> int:
    from app.ui.app import run_gui as start

    return start(db_path, smoke_test=getattr(args, "smoke_test", False))


def run_demo(args: argparse.Namespace, db_path: Path) -> int:
    from app.demo import create_demo

    change = create_demo(db_path)  # built beside it, moved into place when complete
    print(f"Demo database ready: {db_path} ({len(change.created)} suppliers)")
    return EXIT_OK


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
    with open_workbench(db_path, create=False) as workbench:
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

    width, _, height = str(args.size).partition("x")
    if not (width.isdigit() and height.isdigit()):
        print(
            f"error: --size {args.size}: write it as WIDTHxHEIGHT, e.g. 1280x720", file=sys.stderr
        )
        return EXIT_USAGE
    open_database_file(db_path, create=False)
    out = render_screenshot(
        db_path, args.tab, args.out, (int(width), int(height)), language=args.language
    )
    print(f"Saved {out}")
    return EXIT_OK
