"""Flat text: a section body with spaces and line breaks taken out.

Published prose is full of layout noise: "2018 年", "666.1万元", full-width
"６６６．１０", and figures split over a page break ("359.69\\n\\n万元"). The
grammar reads a *flat* copy of the text instead, in which full-width digits
and signs are half-width, spaces and line breaks are gone, and every
character remembers where it stood in the section text, so that a claim can
point back at the characters it came from.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["FlatText", "flatten"]

_HALF_WIDTH = {
    **{chr(0xFF10 + d): str(d) for d in range(10)},
    "．": ".",
    "％": "%",
    "－": "-",
    "＋": "+",
    "（": "(",
    "）": ")",
    "：": ":",
    "\u2212": "-",
}
"""Full-width forms read as half-width. The Chinese comma "，" and the
enumeration comma "、" stay: a comma between two figures is a list, never a
thousands separator."""

_NUMERIC = frozenset("0123456789.")
_STOPS = frozenset("。；;！!？?：:")
_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}[.、]|[(（][一二三四五六七八九十\d]+[)）]|[①-⑳]|[一二三四五六七八九十]+、)"
)


@attrs.frozen
class FlatText:
    """A section body in flat form.

    Attributes:
        text: The flat characters.
        offsets: For each flat character, its index in the section text.
        breaks: Flat indices at which a paragraph break ends a sentence.
    """

    text: str
    offsets: tuple[int, ...]
    breaks: frozenset[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The section-text span ``[a, b)`` of the flat span ``[start, end)``."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentences(self) -> list[tuple[int, int]]:
        """Flat spans of the sentences, in order.

        A sentence ends at "。", "；", "！", "？", or at a paragraph break
        after a heading-like paragraph or a stop. A paragraph break inside a
        sentence (a page break in the source) does not end it.
        """
        spans: list[tuple[int, int]] = []
        start = 0
        for index, char in enumerate(self.text):
            if char in "。；;！!？?" or index + 1 in self.breaks:
                spans.append((start, index + 1))
                start = index + 1
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return [(a, b) for a, b in spans if self.text[a:b].strip("。；;")]


def _half_width(char: str) -> str:
    if char in _HALF_WIDTH:
        return _HALF_WIDTH[char]
    if char == "\u3000":
        return " "
    if unicodedata.category(char) == "Nd" and not char.isascii():
        return str(unicodedata.digit(char, 0))
    return char


def flatten(text: str) -> FlatText:
    """The flat form of a section body.

    Whitespace is dropped, except a single space between two numeric
    characters ("1. 2019" stays two numbers). A blank line ends a sentence
    when the paragraph before it ends with a stop or is a short numbered
    heading, or the paragraph after it starts with a number.

    Args:
        text: The section text as the model keeps it.

    Returns:
        The :class:`FlatText`.
    """
    chars: list[str] = []
    offsets: list[int] = []
    breaks: set[int] = set()
    paragraphs = _paragraph_starts(text)
    pending_space: int | None = None
    for index, raw in enumerate(text):
        char = _half_width(raw)
        if char.isspace():
            if pending_space is None:
                pending_space = index
            continue
        if index in paragraphs and chars:
            if _ends_sentence(text, paragraphs[index], index):
                breaks.add(len(chars))
            pending_space = None
        if pending_space is not None and chars and chars[-1] in _NUMERIC and char in _NUMERIC:
            chars.append(" ")
            offsets.append(pending_space)
        pending_space = None
        chars.append(char)
        offsets.append(index)
    return FlatText("".join(chars), tuple(offsets), frozenset(breaks))


def _paragraph_starts(text: str) -> dict[int, int]:
    """Index of each paragraph's first character → index where the previous one ended."""
    starts: dict[int, int] = {}
    for found in re.finditer(r"\n\s*\n\s*", text):
        starts[found.end()] = found.start()
    return starts


def _ends_sentence(text: str, previous_end: int, start: int) -> bool:
    before = text[:previous_end].rstrip()
    line_start = before.rfind("\n") + 1
    previous = before[line_start:].strip()
    following = text[start : start + 12]
    if not previous or previous[-1] in _STOPS:
        return True
    if _ENUMERATOR.match(previous) and len(previous) <= 40:
        return True
    return bool(_ENUMERATOR.match(following))
