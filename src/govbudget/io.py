"""Load a disclosure from whatever file a user has.

JSON is the govbudget format; published text (``.txt``) and PDF (``.pdf``,
with the ``pdf`` extra) go through the readers.
"""

from __future__ import annotations

from pathlib import Path

from govbudget.disclosure import Disclosure
from govbudget.serialize import dump, dumps, loads
from govbudget.serialize import load as load_json

__all__ = ["dump", "dumps", "load", "loads"]


def load(path: str | Path) -> Disclosure:
    """Read a disclosure from a JSON file.

    Raises:
        DocumentError: if the file cannot be read, with every problem found.
        SchemaVersionError: for a file of a newer major format version.
    """
    return load_json(path)
