"""Reading the claims of one section, sentence by sentence.

For every figure in a sentence the reader looks back to the start of its
clause for the name, decides from the words around it what kind of claim it
is (an amount, a change, a rate, a share, a completion rate, a count), binds
the name to a quantity, and links it to the claims it qualifies: a rate to
its change, a share to its part, a part (其中…) to its total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govbudget.amounts import Amount, Percent, parse_amount, to_decimal
from govbudget.disclosure import Section
from govbudget.errors import GovBudgetError
from govbudget.narrative._grammar import (
    BOUNDARY,
    CHANGE_AT_END,
    COMPARISON,
    CONJUNCTION,
    DOWN_WORDS,
    FIGURE,
    FLAT,
    RATE_WORDS,
    YEAR,
    clean_name,
)
from govbudget.narrative._lexicon import (
    _is_budget,
    base_of_topic,
    bind_name,
    budget_for,
    default_denominator,
    is_part,
    scope_of_topic,
)
from govbudget.narrative._model import (
    Claim,
    ClaimKind,
    ClaimLocation,
    Count,
    Direction,
    Value,
    Year,
)
from govbudget.narrative._text import FlatText, flatten

__all__ = ["read_section"]

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_LIST_NAMES = re.compile(r"、|(?<=[出入费额余数金])[和及与]")
"""Where an "A、B和C 分别为" list of names splits: at "、", and at "和/及/与"
after a name's last word (so "社会保障和就业支出" stays whole)."""


@attrs.frozen
class _Figure:
    """A figure found in the flat text: its value, kind and flat span."""

    value: Value
    start: int
    end: int


@attrs.define
class _Sentence:
    """What the reader remembers while it reads one sentence."""

    number: int
    start: int
    end: int
    claims: list[Claim] = attrs.Factory(list)
    parent: Claim | None = None
    names: list[str] = attrs.Factory(list)
    list_hint: str | None = None


def read_section(
    section: Section,
    year: int,
    first_index: int = 0,
    source_lines: Sequence[str] | None = None,
) -> list[Claim]:
    """The claims of one narrative section, in reading order.

    Args:
        section: The section.
        year: The fiscal year of the disclosure, to tell this year from last.
        first_index: The index the first claim gets.
        source_lines: The lines of the source text, to place claims on
            their exact lines; without them lines are estimated.

    Returns:
        The claims, indexed from ``first_index``.
    """
    return _Reader(section, year, first_index, line_map(section, source_lines)).read()


class _Reader:
    """Reads one section; one method per kind of figure."""

    def __init__(
        self, section: Section, year: int, first_index: int, lines: list[int] | None
    ) -> None:
        self.section = section
        self.lines = lines
        self.year = year
        self.first_index = first_index
        self.flat: FlatText = flatten(section.text)
        self.scope = scope_of_topic(section.topic)
        self.budget_base = base_of_topic(section.topic)
        self.claims: list[Claim] = []

    def read(self) -> list[Claim]:
        for number, (start, end) in enumerate(self.flat.sentences(), 1):
            self._sentence(_Sentence(number, start, end))
        return self.claims

    # A sentence --------------------------------------------------------------

    def _sentence(self, sentence: _Sentence) -> None:
        text = self.flat.text
        events: list[tuple[int, _Figure | re.Match[str]]] = [
            (figure.start, figure) for figure in _figures(text, sentence.start, sentence.end)
        ]
        events += [
            (found.start(), found) for found in FLAT.finditer(text, sentence.start, sentence.end)
        ]
        previous_end = sentence.start
        for _, event in sorted(events, key=lambda pair: pair[0]):
            if isinstance(event, _Figure):
                self._figure(sentence, event, previous_end)
                previous_end = event.end
            else:
                self._flat_change(sentence, event, previous_end)

    def _figure(self, sentence: _Sentence, figure: _Figure, previous_end: int) -> None:
        gap = self.flat.text[previous_end : figure.start]
        clause_start = previous_end + _clause_offset(gap)
        clause = self.flat.text[clause_start : figure.start]
        listed = self._listed_name(sentence, gap)
        if isinstance(figure.value, Amount):
            self._amount(sentence, figure, gap, listed or clause, clause_start)
        elif isinstance(figure.value, Percent):
            self._percent(sentence, figure, listed or clause, clause_start)
        else:
            self._count(sentence, figure, gap, listed or clause, clause_start)

    def _listed_name(self, sentence: _Sentence, gap: str) -> str | None:
        """The next name of an "A、B 分别为 X、Y" list, if the figure is in one."""
        if "分别" in gap:
            head = re.split(r"[，,；;：:]", gap[: gap.index("分别")])[-1]
            sentence.names = [name for name in _LIST_NAMES.split(head) if name]
            sentence.list_hint = None
        elif not CONJUNCTION.fullmatch(gap):
            sentence.names = []
            sentence.list_hint = None
        return sentence.names.pop(0) if sentence.names else None

    # Amounts -----------------------------------------------------------------

    def _amount(
        self, sentence: _Sentence, figure: _Figure, gap: str, clause: str, clause_start: int
    ) -> None:
        verb = CHANGE_AT_END.search(clause.rstrip())
        marker = COMPARISON.search(clause)
        if verb is not None:
            # "财政拨款收入增加 36,802.62 万元" states a change even where the
            # comparison ("比上年") stands in an earlier clause: a level is never
            # named with a change verb.
            self._change(sentence, figure, clause, clause_start, verb, marker)
            return

        if "其中" in gap:
            sentence.parent = next(
                (c for c in reversed(sentence.claims) if _is_total(c)), sentence.parent
            )
        year = self._year(gap, sentence)
        parent = sentence.parent
        own_year = _year_of(gap)
        if parent is not None and own_year is not None and self._relative(own_year) != parent.year:
            parent = sentence.parent = None
        name_text = clause if clean_name(clause) else gap
        hint = parent.quantity if parent is not None else sentence.list_hint
        quantity = self._bind(name_text, parent=hint)
        if sentence.names or (quantity or "").startswith("procurement."):
            sentence.list_hint = sentence.list_hint or quantity
        if parent is not None and not _fits(parent, quantity):
            parent = sentence.parent = None
            quantity = self._bind(name_text)
        if parent is not None and own_year is None:
            year = (parent.year, parent.fiscal_year)
        self._add(
            sentence,
            ClaimKind.AMOUNT,
            figure,
            clause_start,
            quantity=quantity,
            name=clean_name(name_text),
            year=year,
            parent=parent.index if parent is not None else None,
        )

    def _change(
        self,
        sentence: _Sentence,
        figure: _Figure,
        clause: str,
        clause_start: int,
        verb: re.Match[str],
        marker: re.Match[str] | None,
    ) -> None:
        subject_text = clause[: marker.start() if marker is not None else verb.start()]
        compared = clause[marker.start() : verb.start()] if marker is not None else ""
        quantity, name = self._subject(subject_text)
        base = "prior"
        if _is_budget(compared):
            stage = "adjusted" if re.search(r"调整|全年", compared) else "opening"
            base = budget_for(quantity, stage) or "budget"
        self._add(
            sentence,
            ClaimKind.CHANGE,
            figure,
            clause_start,
            quantity=quantity,
            name=name,
            year=(Year.THIS, self.year),
            direction=_direction(verb.group("verb")),
            base=base,
        )

    def _flat_change(self, sentence: _Sentence, found: re.Match[str], previous_end: int) -> None:
        gap = self.flat.text[previous_end : found.start()]
        clause_start = previous_end + _clause_offset(gap)
        quantity, name = self._subject(self.flat.text[clause_start : found.start()])
        figure = _Figure(Amount(0), found.start(), found.end())
        self._add(
            sentence,
            ClaimKind.CHANGE,
            figure,
            clause_start,
            quantity=quantity,
            name=name,
            year=(Year.THIS, self.year),
            direction=Direction.FLAT,
            base="prior",
        )

    def _subject(self, text: str) -> tuple[str | None, str]:
        """The quantity a change is about: named in ``text``, or the last one stated."""
        name = clean_name(text)
        if name:
            return self._bind(text), name
        last = next(
            (c for c in reversed(self.claims) if c.kind in (ClaimKind.AMOUNT, ClaimKind.CHANGE)),
            None,
        )
        return (last.quantity, last.name) if last is not None else (None, "")

    # Percentages ---------------------------------------------------------------

    def _percent(
        self, sentence: _Sentence, figure: _Figure, clause: str, clause_start: int
    ) -> None:
        if "占" in clause:
            before, after = clause.split("占", 1)
            if _is_budget(after):
                self._completion(sentence, figure, before, after, clause_start)
            else:
                self._share(sentence, figure, before, after, clause_start)
        elif _is_budget(clause) or re.search(r"完成率|执行率", clause):
            head = re.split(r"完成|执行|为|达到|达", clause, maxsplit=1)[0]
            self._completion(sentence, figure, head, clause, clause_start)
        elif (verb := RATE_WORDS.search(clause)) is not None:
            self._rate(sentence, figure, clause, clause_start, verb)
        else:
            self._add(
                sentence,
                ClaimKind.PERCENT,
                figure,
                clause_start,
                quantity=None,
                name=clean_name(clause),
                year=self._year(clause, sentence),
            )

    def _rate(
        self,
        sentence: _Sentence,
        figure: _Figure,
        clause: str,
        clause_start: int,
        verb: re.Match[str],
    ) -> None:
        marker = COMPARISON.search(clause)
        own = clause[: marker.start() if marker is not None else verb.start()]
        subject = _last(sentence, ClaimKind.CHANGE) or _last(sentence, ClaimKind.AMOUNT)
        if clean_name(own):
            quantity = self._bind(own)
            name = clean_name(own)
            if subject is not None and subject.key != (quantity or f"name:{name}"):
                subject = None
        elif subject is not None:
            quantity, name = subject.quantity, subject.name
        else:
            quantity, name = self._subject("")
        self._add(
            sentence,
            ClaimKind.RATE,
            figure,
            clause_start,
            quantity=quantity,
            name=name,
            year=(Year.THIS, self.year),
            direction=_direction(verb.group("verb")),
            subject=subject.index if subject is not None else None,
            base="prior",
        )

    def _share(
        self, sentence: _Sentence, figure: _Figure, before: str, after: str, clause_start: int
    ) -> None:
        quantity, name, subject = self._part_named(sentence, before)
        whole = re.sub(r"(?:的)?(?:比例|比重|份额)?(?:为|是|达到|达|约)?$", "", after)
        scope = quantity.partition(".")[0] if quantity else self.scope
        base = self._bind(whole, scope=scope if scope != "procurement" else self.scope)
        self._add(
            sentence,
            ClaimKind.SHARE,
            figure,
            clause_start,
            quantity=quantity,
            name=name,
            year=subject_year(subject, self.year),
            subject=subject.index if subject is not None else None,
            base=base or default_denominator(quantity),
        )

    def _completion(
        self, sentence: _Sentence, figure: _Figure, before: str, budget: str, clause_start: int
    ) -> None:
        quantity, name, subject = self._part_named(sentence, before)
        stage = "adjusted" if re.search(r"调整|全年", budget) else "opening"
        self._add(
            sentence,
            ClaimKind.COMPLETION,
            figure,
            clause_start,
            quantity=quantity,
            name=name,
            year=(Year.THIS, self.year),
            subject=subject.index if subject is not None else None,
            base=budget_for(quantity, stage),
        )

    def _part_named(self, sentence: _Sentence, text: str) -> tuple[str | None, str, Claim | None]:
        """The quantity a share or rate is of: named before "占", or the last amount."""
        last = _last(sentence, ClaimKind.AMOUNT)
        if clean_name(text):
            quantity = self._bind(text)
            name = clean_name(text)
            key = quantity or f"name:{name}"
            subject = next(
                (
                    c
                    for c in reversed(self.claims)
                    if c.kind is ClaimKind.AMOUNT and c.key == key and c.year is Year.THIS
                ),
                None,
            )
            return quantity, name, subject
        if last is not None:
            return last.quantity, last.name, last
        return None, "", None

    # Counts ------------------------------------------------------------------

    def _count(
        self, sentence: _Sentence, figure: _Figure, gap: str, clause: str, clause_start: int
    ) -> None:
        name_text = clause if clean_name(clause) else gap
        self._add(
            sentence,
            ClaimKind.COUNT,
            figure,
            clause_start,
            quantity=self._bind(name_text, count=True),
            name=clean_name(name_text),
            year=self._year(gap, sentence),
        )

    # Building claims -----------------------------------------------------------

    def _bind(
        self,
        text: str,
        *,
        parent: str | None = None,
        count: bool = False,
        scope: str | None = None,
    ) -> str | None:
        return bind_name(
            _no_years(text),
            scope=scope or self.scope,
            parent=parent,
            count=count,
            budget_base=self.budget_base,
        )

    def _year(self, gap: str, sentence: _Sentence) -> tuple[Year, int | None]:
        """The year a figure is about: the last one named before it, else the
        sentence's last claim's, else this year."""
        found = _year_of(gap)
        if found is not None:
            return self._relative(found), found if isinstance(found, int) else None
        if sentence.claims:
            last = sentence.claims[-1]
            if last.kind in (ClaimKind.AMOUNT, ClaimKind.COUNT):
                return last.year, last.fiscal_year
        return Year.THIS, self.year

    def _relative(self, found: int | Year) -> Year:
        if isinstance(found, Year):
            return found
        if found == self.year:
            return Year.THIS
        return Year.PRIOR if found == self.year - 1 else Year.OTHER

    def _add(
        self,
        sentence: _Sentence,
        kind: ClaimKind,
        figure: _Figure,
        clause_start: int,
        *,
        quantity: str | None,
        name: str,
        year: tuple[Year, int | None],
        direction: Direction | None = None,
        subject: int | None = None,
        parent: int | None = None,
        base: str | None = None,
    ) -> None:
        start, end = self.flat.span(figure.start, figure.end)
        text_start = (
            self.flat.span(clause_start, clause_start + 1)[0]
            if clause_start < figure.start
            else start
        )
        relative, fiscal = year
        if fiscal is None:
            fiscal = {Year.THIS: self.year, Year.PRIOR: self.year - 1}.get(relative)
        claim = Claim(
            index=self.first_index + len(self.claims),
            kind=kind,
            value=figure.value,
            quantity=quantity,
            name=name,
            year=relative,
            fiscal_year=fiscal,
            text=self.section.text[text_start:end],
            location=ClaimLocation(
                section=self.section.number,
                title=self.section.title,
                sentence=sentence.number,
                start=start,
                end=end,
                line=self._line_of(start),
            ),
            direction=direction,
            subject=subject,
            parent=parent,
            base=base,
        )
        self.claims.append(claim)
        sentence.claims.append(claim)

    def _line_of(self, start: int) -> int | None:
        if self.lines is None:
            return None
        return self.lines[self.section.text.count("\n", 0, start)]


def subject_year(subject: Claim | None, year: int) -> tuple[Year, int | None]:
    """A share is about the year of its part (this year if none is stated)."""
    if subject is None:
        return Year.THIS, year
    return subject.year, subject.fiscal_year


def _figures(text: str, start: int, end: int) -> list[_Figure]:
    """Every figure between flat indices ``start`` and ``end``.

    A figure too long to be an amount (more than 20 digits) is no figure.
    """
    found: list[_Figure] = []
    for match in FIGURE.finditer(text, start, end):
        try:
            found += _read_figure(text, match)
        except GovBudgetError:
            continue
    return found


def _read_figure(text: str, match: re.Match[str]) -> list[_Figure]:
    """The figures of one match: one, or several for a list sharing a unit."""
    found: list[_Figure] = []
    unit = match.group("unit")
    if match.group("list"):
        for number in _NUMBER.finditer(text, match.start("list"), match.end("list")):
            found.append(_Figure(_amount(number.group() + unit), number.start(), number.end()))
    digits = match.group("number")
    if unit:
        found.append(_Figure(_amount(digits + unit), match.start("number"), match.end()))
    elif match.group("percent"):
        found.append(_Figure(Percent(digits), match.start("number"), match.end()))
    else:
        approximate = bool(match.group("approx") or match.group("about"))
        count = Count(to_decimal(digits.replace(",", "")), match.group("measure"), approximate)
        found.append(_Figure(count, match.start("number"), match.end()))
    return found


def _amount(text: str) -> Amount:
    value = parse_amount(text)
    assert isinstance(value, Amount)  # the pattern admits no blank
    return value


def _clause_offset(gap: str) -> int:
    """Where the clause of a figure starts within the text before it."""
    ends = [found.end() for found in BOUNDARY.finditer(gap)]
    return ends[-1] if ends else 0


def _year_of(text: str) -> int | Year | None:
    """The last year named in ``text``: a calendar year, or 上年/本年."""
    mentions = list(YEAR.finditer(text))
    if not mentions:
        return None
    found = mentions[-1]
    if found.group("year"):
        return int(found.group("year"))
    return Year.PRIOR if found.group("prior") else Year.THIS


def _no_years(text: str) -> str:
    return YEAR.sub("", text)


def _direction(verb: str) -> Direction:
    return Direction.DOWN if verb in DOWN_WORDS else Direction.UP


def _last(sentence: _Sentence, kind: ClaimKind) -> Claim | None:
    return next((c for c in reversed(sentence.claims) if c.kind is kind), None)


def _is_total(claim: Claim) -> bool:
    return claim.kind is ClaimKind.AMOUNT and claim.parent is None


def _fits(parent: Claim, quantity: str | None) -> bool:
    """Whether a figure after "其中" is a part of ``parent`` (unknown names are)."""
    if quantity is None or parent.quantity is None:
        return True
    return is_part(parent.quantity, quantity)


def line_map(section: Section, source_lines: Sequence[str] | None) -> list[int] | None:
    """The source line of each line of a section's text, ``None`` without a heading line.

    With the source's lines, each text line is looked for at or below the
    previous one's place (the text keeps lines as printed), which is exact
    even where the reader took forms out of the section. Without them, or
    for a line not found, the body is taken to start two lines below the
    heading and each line break of the text to stand for one source line.
    """
    if section.line is None:
        return None
    texts = section.text.split("\n")
    estimate = [section.line + 2 + i for i in range(len(texts))]
    if source_lines is None:
        return estimate
    found: list[int] = []
    cursor = section.line  # 1-based line of the heading; search below it
    for index, text in enumerate(texts):
        wanted = text.rstrip()
        if not wanted:
            found.append(found[-1] + 1 if found else estimate[index])
            continue
        place = next(
            (n for n in range(cursor, len(source_lines)) if source_lines[n].rstrip() == wanted),
            None,
        )
        if place is None:
            found.append(max(estimate[index], found[-1] + 1 if found else 0))
            continue
        found.append(place + 1)
        cursor = place + 1
    return found
