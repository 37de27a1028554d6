"""The govbudget error tree.

Every error govbudget raises derives from :class:`GovBudgetError`, and each
class also derives from the built-in exception callers already catch
(``ValueError`` for bad values, ``TypeError`` for values of the wrong type,
``LookupError`` for missing entries). Each error keeps its data as attributes
so that programs can act on it without parsing the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govbudget.location import Location


class GovBudgetError(Exception):
    """The root of every error govbudget raises.

    Errors pickle with their attributes (to come back from worker processes
    intact), although their constructors take other arguments than
    ``Exception`` does.
    """

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _restore_error, (type(self), self.args, dict(vars(self)))


def _restore_error(
    cls: type[GovBudgetError], args: tuple[Any, ...], state: dict[str, Any]
) -> GovBudgetError:
    error = cls.__new__(cls)
    error.args = args
    vars(error).update(state)
    return error


class ParseError(GovBudgetError, ValueError):
    """Text that does not follow the grammar it was expected to follow.

    The message echoes the input with a caret under the part that could not
    be read, and says what was expected there.

    Attributes:
        text: The input as given (converted with ``repr`` if not a string).
        start: Offset of the first bad character, or ``None`` if the whole
            input is bad.
        end: Offset just past the bad part.
        expected: What the parser was looking for, in words.
        location: Where the text came from, if known.
    """

    what = "text"

    def __init__(
        self,
        text: object,
        expected: str,
        *,
        start: int | None = None,
        end: int | None = None,
        location: Location | None = None,
    ) -> None:
        self.text = text if isinstance(text, str) else repr(text)
        self.expected = expected
        self.start = start
        self.end = end
        self.location = location
        super().__init__(self._render())

    def _render(self) -> str:
        shown = self.text if len(self.text) <= 200 else self.text[:200] + "…"
        where = f" at {self.location}" if self.location else ""
        lines = [f"cannot read {self.what} {shown!r}{where}: expected {self.expected}"]

        # A caret line only helps when it can sit under the shown text.
        if self.start is not None and self.start < len(shown):
            end = self.end if self.end is not None else self.start + 1
            width = max(1, min(end, len(shown)) - self.start)
            lines.append("    " + shown)
            lines.append("    " + _display_pad(shown[: self.start]) + "^" * width)
        return "\n".join(lines)


def _display_pad(prefix: str) -> str:
    """Spaces as wide on a terminal as ``prefix`` (CJK characters count two)."""
    return "".join("  " if ord(ch) > 0x2E7F else " " for ch in prefix)


class AmountParseError(ParseError):
    """A printed figure (金额) that is neither a number nor a recognised blank."""

    what = "amount"


class CodeParseError(ParseError):
    """A classification code (科目编码) that is not well formed."""

    what = "classification code"


class FloatNotAllowedError(GovBudgetError, TypeError):
    """A ``float`` was given where govbudget needs an exact ``Decimal``.

    Binary floats cannot hold most decimal fractions (0.1 is stored as
    0.1000000000000000055…), so govbudget refuses them instead of guessing.

    Attributes:
        value: The float that was refused.
    """

    def __init__(self, value: float, what: str = "an amount") -> None:
        self.value = value
        super().__init__(
            f"{what} must be a Decimal, an int or a string, not the float {value!r}; "
            f"write Decimal({str(value)!r}) or pass the printed text"
        )


class WrongTypeError(GovBudgetError, TypeError):
    """A value of a type govbudget does not accept in that place.

    Attributes:
        value: The value given.
        expected: The types that would have been accepted, in words.
    """

    def __init__(self, value: object, expected: str) -> None:
        self.value = value
        self.expected = expected
        super().__init__(f"expected {expected}, got {type(value).__name__} {value!r:.80}")


class UnitMismatchError(GovBudgetError, ValueError):
    """Two amounts in different units were combined without converting."""

    def __init__(self, left: str, right: str) -> None:
        self.left = left
        self.right = right
        super().__init__(f"cannot combine an amount in {left} with one in {right}; convert first")


class UnknownCodeError(GovBudgetError, LookupError):
    """A well-formed code that the catalog does not list for that year.

    Raised only in strict mode; lookups otherwise answer "unknown".

    Attributes:
        code: The normalised code.
        scheme: The scheme's identifier.
        year: The fiscal year looked up.
    """

    def __init__(self, code: str, scheme: str, year: int) -> None:
        self.code = code
        self.scheme = scheme
        self.year = year
        super().__init__(f"code {code} is not in the {scheme} catalog for fiscal year {year}")


class CatalogError(GovBudgetError, ValueError):
    """A catalog file that cannot be read.

    Attributes:
        path: The file, as given.
        line: The 1-based line number, when the problem sits on one line.
        reason: What is wrong.
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class LayoutError(GovBudgetError, ValueError):
    """A table layout the model does not know, or rows that do not fit it.

    Attributes:
        location: Where the problem is.
        reason: What is wrong, and what was expected.
    """

    def __init__(self, reason: str, *, location: Location | None = None) -> None:
        self.location = location
        self.reason = reason
        where = f"{location}: " if location else ""
        super().__init__(f"{where}{reason}")


class Problem:
    """One problem found while reading a document or a file.

    Attributes:
        path: Where it is, as a JSON path (``$.tables["06"].rows[3]``) or a
            location in the source.
        message: What is wrong and what was expected.
    """

    __slots__ = ("message", "path")

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.message) == (other.path, other.message)

    def __hash__(self) -> int:
        return hash((self.path, self.message))


class DocumentError(GovBudgetError, ValueError):
    """A document (JSON, catalog, accepted-findings file) with problems.

    All problems are collected before raising, so one run shows them all.

    Attributes:
        source: The file name or ``"<string>"``.
        problems: Every problem found, each with its path.
    """

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{source}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class SchemaVersionError(GovBudgetError, ValueError):
    """A file written for a newer major version of the govbudget format."""

    def __init__(self, source: str, found: str, supported: str) -> None:
        self.source = source
        self.found = found
        self.supported = supported
        super().__init__(
            f"{source}: schema_version {found} is newer than this govbudget reads "
            f"({supported}); upgrade govbudget to read it"
        )
