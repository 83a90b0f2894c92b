"""The command line's arguments: one sub-command per job (see the README's Command line)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import APP_NAME, __version__, config
from app.cli.data import TEMPLATES
from app.services.exporting import KINDS as EXPORT_KINDS


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
    gui = commands.add_parser("gui", parents=[common], help="open the main window (the default)")
    gui.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, say whether it showed, and close it (for CI)",
    )
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
    importing.add_argument(
        "--keep-unknown-columns",
        action="store_true",
        help="suppliers: keep columns the app does not know in each supplier's notes",
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
    shot.add_argument(
        "--language", choices=("en", "zh_CN"), default="en", help="the interface language"
    )
    shot.add_argument(
        "--size", default="1360x820", metavar="WxH", help="the window size (default: 1360x820)"
    )
    return parser
