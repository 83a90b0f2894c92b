"""The command line (app.cli.main): `workbench` and `python -m app`."""

from app.cli.data import TEMPLATES
from app.cli.main import main

__all__ = ["TEMPLATES", "main"]
