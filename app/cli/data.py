"""Commands that move data in and out of files: export, import, template."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import WorkbenchError

if TYPE_CHECKING:
    from app.services.consolidation.import_parcels import ParcelImportPlan
    from app.store.db import Database

from app.cli.session import EXIT_OK, EXIT_USAGE, open_workbench


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
    with open_workbench(db_path, create=False, read_only=True) as workbench:
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
    keep = args.keep_unknown_columns
    if args.dry_run:
        if db_path.exists():
            with open_workbench(db_path, create=False, read_only=True) as workbench:
                plan = preview_import(workbench.suppliers, args.file, keep_unknown_columns=keep)
        else:
            plan = preview_import(None, args.file, keep_unknown_columns=keep)
        print(f"Dry run, nothing written: {plan.summary()}")
        for line in plan.details():
            print(line)
        return EXIT_OK
    with open_workbench(db_path, create=True) as workbench:
        plan = preview_import(workbench.suppliers, args.file, keep_unknown_columns=keep)
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
    with open_workbench(db_path, create=False, read_only=args.dry_run) as workbench:
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
            with open_workbench(db_path, create=False, read_only=True) as workbench:
                plan = preview(workbench.database)
        else:
            plan = preview(None)
        print(f"Dry run, nothing written: {plan.summary()}")
    else:
        with open_workbench(db_path, create=True) as workbench:
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
