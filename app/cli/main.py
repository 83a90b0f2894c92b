"""The command line: the scripting face of the app (see the README's Command line).

User errors print one line on stderr and exit 1; usage errors exit 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from app import config
from app.cli import commands, data
from app.cli.parser import build_parser
from app.cli.session import EXIT_USER_ERROR
from app.errors import WorkbenchError

COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "gui": commands.run_gui,
    "demo": commands.run_demo,
    "export": data.run_export,
    "checklist": commands.run_checklist,
    "import": data.run_import,
    "template": data.run_template,
    "backup": commands.run_backup,
    "restore": commands.run_restore,
    "check": commands.run_check,
    "screenshot": commands.run_screenshot,
}


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
