"""Load a disclosure from whatever file a user has.

JSON is govbudget's own format; published text (``.txt``) and PDF (``.pdf``,
with the ``pdf`` extra) go through the readers, which also say what they
could not read.

>>> from govbudget.examples import load as load_example
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> dump(load_example("futian-housing-2018"), folder / "d.json")
>>> read(folder / "d.json").import_report is None
True
"""

from __future__ import annotations

from pathlib import Path

import attrs

from govbudget.disclosure import Disclosure
from govbudget.errors import DocumentError, Problem
from govbudget.readers import ImportReport, ReadError, read_pdf, read_text
from govbudget.serialize import dump, dumps, loads
from govbudget.serialize import load as load_json

__all__ = ["READABLE_SUFFIXES", "Loaded", "dump", "dumps", "load", "loads", "read"]

READABLE_SUFFIXES = (".json", ".txt", ".text", ".pdf")
"""File name endings :func:`load` and :func:`read` know what to do with."""


@attrs.frozen
class Loaded:
    """A disclosure and, for text and PDF, what the reader could not read.

    Attributes:
        disclosure: The disclosure.
        import_report: The reader's report, ``None`` for JSON.
    """

    disclosure: Disclosure
    import_report: ImportReport | None = None


def read(path: str | Path) -> Loaded:
    """Read a disclosure from JSON, text or PDF, by the file's suffix.

    Raises:
        DocumentError: if the file cannot be read, or its JSON has problems.
        ReadError: if a text or PDF holds nothing recognisable as a disclosure.
        SchemaVersionError: for JSON of a newer major format version.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return Loaded(load_json(path))
    if suffix == ".pdf":
        result = read_pdf(path)
    elif suffix in (".txt", ".text"):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DocumentError(str(path), [Problem("file", f"cannot read: {error}")]) from None
        result = read_text(text, source=str(path))
    else:
        raise DocumentError(
            str(path),
            [
                Problem(
                    "file",
                    f"unknown file type {suffix or '(none)'}; expected one of "
                    f"{', '.join(READABLE_SUFFIXES)}",
                )
            ],
        )
    if result.disclosure is None:
        problems = "; ".join(result.report.problems) or "no disclosure found"
        raise ReadError(f"could not build a disclosure: {problems}", file=str(path))
    return Loaded(result.disclosure, result.report)


def load(path: str | Path) -> Disclosure:
    """Read a disclosure from JSON, text or PDF (see :func:`read`)."""
    return read(path).disclosure
