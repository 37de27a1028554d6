"""The narrative (情况说明): the figures the prose states, read as claims.

A 决算 disclosure explains each table in a section of prose, and the prose
restates the tables' figures: "2018 年度支出合计数为 666.10 万元", "增长
184.71 万元，增长率 38.37%". :func:`claims_of` reads every such figure as a
:class:`Claim` — what kind of statement it is, which quantity it names
(bound through a lexicon to the table cell that prints it), which year, the
value as printed, and where it stands — so that the auditor's narrative
rules (``N-1`` …) can check the prose against the tables and against itself.

>>> from govbudget.examples import load
>>> claims = claims_of(load("futian-housing-2018"))
>>> closing = next(c for c in claims if c.quantity == "all.closing_balance")
>>> str(closing.value), closing.location.section, closing.location.line
('2.20', '(一)', 216)
"""

from __future__ import annotations

from govbudget.disclosure import Disclosure, Section
from govbudget.errors import WrongTypeError
from govbudget.narrative._arith import percent_range, rounded, truncated
from govbudget.narrative._extract import read_section
from govbudget.narrative._lexicon import (
    Quantity,
    Reference,
    bind_name,
    budget_for,
    default_denominator,
    is_part,
    is_partition,
    quantity,
)
from govbudget.narrative._model import (
    Claim,
    ClaimKind,
    ClaimLocation,
    Count,
    Direction,
    Year,
)
from govbudget.narrative._text import flatten

__all__ = [
    "Claim",
    "ClaimKind",
    "ClaimLocation",
    "Count",
    "Direction",
    "Quantity",
    "Reference",
    "Year",
    "bind_name",
    "budget_for",
    "claims_in",
    "claims_of",
    "default_denominator",
    "is_part",
    "is_partition",
    "percent_range",
    "quantity",
    "rounded",
    "sentences",
    "truncated",
]


def claims_in(
    section: Section,
    year: int,
    *,
    first_index: int = 0,
    source: str | None = None,
) -> list[Claim]:
    """The claims one section states.

    Without ``source``, the line of a claim is computed from the heading's
    line: the body is taken to start two lines below it, and each line
    break of the section text to stand for one source line break. That is
    exact for text whose paragraphs are separated by single blank lines (as
    the reader keeps them); where the source had several blank lines in a
    row, or forms the reader took out of the section (the performance
    section), lines further down come out too small. With ``source``, each
    line of the section is found in it, which is exact.

    Args:
        section: A narrative section.
        year: The fiscal year of the disclosure (this year; the year before
            is the prior year).
        first_index: The index the first claim gets.
        source: The text the disclosure was read from, if at hand.

    Returns:
        The claims in reading order.

    Raises:
        WrongTypeError: if ``section`` is not a :class:`Section` or
            ``year`` not an ``int``.
    """
    if not isinstance(section, Section):
        raise WrongTypeError(section, "a narrative Section")
    if isinstance(year, bool) or not isinstance(year, int):
        raise WrongTypeError(year, "a fiscal year as an int")
    return read_section(section, year, first_index, _lines(source))


def claims_of(disclosure: Disclosure, *, source: str | None = None) -> list[Claim]:
    """Every claim of every narrative section, indexed in reading order.

    Args:
        disclosure: The disclosure.
        source: The text the disclosure was read from, for exact lines (see
            :func:`claims_in`).

    Returns:
        The claims; ``claims[i].index == i``.

    Raises:
        WrongTypeError: if ``disclosure`` is not a :class:`Disclosure`.
    """
    if not isinstance(disclosure, Disclosure):
        raise WrongTypeError(disclosure, "a Disclosure")
    lines = _lines(source)
    claims: list[Claim] = []
    for section in disclosure.narrative:
        claims += read_section(section, disclosure.year, len(claims), lines)
    return claims


def sentences(section: Section) -> list[str]:
    """The sentences of a section in flat form (no spaces, half-width digits).

    ``sentences(section)[n - 1]`` is the sentence a claim with
    ``location.sentence == n`` stands in.

    Raises:
        WrongTypeError: if ``section`` is not a :class:`Section`.
    """
    if not isinstance(section, Section):
        raise WrongTypeError(section, "a narrative Section")
    flat = flatten(section.text)
    return [flat.text[start:end] for start, end in flat.sentences()]


def _lines(source: str | None) -> list[str] | None:
    if source is None:
        return None
    if not isinstance(source, str):
        raise WrongTypeError(source, "the source text as a string")
    return source.splitlines()
