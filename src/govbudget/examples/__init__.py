"""Bundled example disclosures, transcribed exactly as published.

>>> names()
['futian-housing-2018']
>>> disclosure = load("futian-housing-2018")
>>> disclosure.entity.name
'深圳市福田区住房事务中心'
>>> str(disclosure.table("06").amount("30101", "amount"))
'26.40'
"""

from __future__ import annotations

import functools
import importlib.resources

from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError

__all__ = ["UnknownExampleError", "load", "names", "text"]


class UnknownExampleError(GovBudgetError, LookupError):
    """No bundled example has that name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no example {name!r}; examples: {', '.join(names())}")


def names() -> list[str]:
    """The names of the bundled examples."""
    data = importlib.resources.files("govbudget.examples") / "data"
    return sorted(
        entry.name.removesuffix(".json") for entry in data.iterdir() if entry.name.endswith(".json")
    )


@functools.cache
def load(name: str) -> Disclosure:
    """The bundled example disclosure called ``name``.

    Raises:
        UnknownExampleError: if there is no such example.
    """
    from govbudget.serialize import loads

    if name not in names():
        raise UnknownExampleError(name)
    resource = importlib.resources.files("govbudget.examples") / "data" / f"{name}.json"
    return loads(resource.read_text(encoding="utf-8"), source=f"example:{name}")


def text(name: str) -> str:
    """The published text of the example, as a PDF-to-text tool gave it.

    Raises:
        UnknownExampleError: if there is no such example or it has no text.
    """
    resource = importlib.resources.files("govbudget.examples") / "data" / f"{name}.txt"
    if not resource.is_file():
        raise UnknownExampleError(name)
    return resource.read_text(encoding="utf-8")
