"""Sourcing Workbench: an offline desktop workbench for sourcing from 1688.com factories."""

__version__ = "0.1.0"
APP_NAME = "Sourcing Workbench"
