"""The ``govbudget`` command line. The only part of govbudget that prints."""

from govbudget.cli.main import main

__all__ = ["main"]
