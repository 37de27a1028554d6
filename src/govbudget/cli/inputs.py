"""Where the command line gets its disclosures: files, or the bundled example."""

from __future__ import annotations

from govbudget.disclosure import Disclosure
from govbudget.examples import load as load_example
from govbudget.io import load

EXAMPLE = "futian-housing-2018"


def disclosure_from(path: str | None) -> Disclosure:
    """The disclosure at ``path``, or the bundled example when ``path`` is ``None``.

    ``example:NAME`` names another bundled example.
    """
    if path is None:
        return load_example(EXAMPLE)
    if path.startswith("example:"):
        return load_example(path.removeprefix("example:"))
    return load(path)
