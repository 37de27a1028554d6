"""Single typed faults injected into a consistent disclosure.

Each injector takes a disclosure on which the auditor finds no error, makes
one mistake of the kind a person makes when typing or laying out a table, and
returns the corrupted disclosure with a :class:`Fault` that says what was
done, where, and exactly which error findings the auditor must now report.

The findings are worked out from an independent statement of the rules (the
identities of DOMAIN §4, in ``govbudget.testing._spec``), evaluated on the
corrupted disclosure with the auditor's own rounding radii; a fault is only
returned when it is detectable, and every error it causes is listed. What
each kind guarantees:

- ``changed_figure``: one figure moved by more than the slack of every
  identity it takes part in (its own difference, in the identity's worst
  case, plus the slack, rounded up to the table's grid); every sum and
  equality that reads the figure reports an error.
- ``transposed_digits``: two adjacent, different digits of one figure
  swapped (``1234.50`` → ``1324.50``), chosen so that the change exceeds the
  slack as above; the same guarantee as ``changed_figure``.
- ``wrong_category_total``: a ``changed_figure`` on a 功能分类 类 row; the
  类 = Σ 款 roll-up and the 合计 = Σ 类 roll-up (or, in tables 01 and 04,
  本年支出合计 = Σ 类) report it.
- ``dropped_row``: a coded row without printed children removed; the sum
  it was part of (its parent's roll-up, or 本年支出合计 of 01/04) reports an
  error. Rows whose removal no identity would notice are never chosen.
- ``duplicated_row``: a coded row printed twice, right after itself; S-4
  reports it at the row, and roll-ups that now count it twice report errors
  where its figures exceed the slack.
- ``moved_figure``: a figure cut from one coded row and added to another
  row of the same column; identities reading either cell report errors at
  both ends (row sums, or the two parents' roll-ups).

The magnitudes keep the table's printed precision and its coarser grid (the
grid the auditor infers from the figures is the same before and after), no
figure becomes negative, and tables the document states to be empty are
never touched; so the fault causes no warning and no error other than those
listed.

>>> import random
>>> from govbudget.audit import audit
>>> from govbudget.testing.generate import generate_disclosure
>>> clean = generate_disclosure(random.Random(3), year=2019, size="small")
>>> corrupted, fault = inject(clean, "changed_figure", random.Random(1))
>>> found = {(f.rule, f.location.table, f.location.row, f.location.column)
...          for f in audit(corrupted).errors}
>>> found == set(fault.findings)
True
"""

from __future__ import annotations

import enum
import random as _random
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from govbudget.amounts import Amount
from govbudget.audit import AuditContext, RoundingPolicy, parse_policy
from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError
from govbudget.tables import Row, Table
from govbudget.testing import _spec

__all__ = [
    "Fault",
    "FaultKind",
    "NoFaultPossible",
    "change_figure",
    "drop_row",
    "duplicate_row",
    "faulty_disclosures",
    "inject",
    "move_figure",
    "transpose_digits",
    "wrong_category_total",
]

FindingKey = tuple[str, str, str, "str | None"]
"""(rule id, table, row key, column) of an error finding; column ``None`` for
findings about a whole row."""

_ATTEMPTS = 40


class FaultKind(enum.Enum):
    """The kinds of fault the injector makes."""

    CHANGED_FIGURE = "changed_figure"
    """One figure replaced by another."""

    DROPPED_ROW = "dropped_row"
    """A row left out."""

    DUPLICATED_ROW = "duplicated_row"
    """A row printed twice."""

    TRANSPOSED_DIGITS = "transposed_digits"
    """Two adjacent digits of a figure swapped."""

    WRONG_CATEGORY_TOTAL = "wrong_category_total"
    """A 类 row's figure that is not the sum of its 款."""

    MOVED_FIGURE = "moved_figure"
    """A figure printed in the wrong row of its column."""


class NoFaultPossible(GovBudgetError, ValueError):
    """The disclosure offers no place for a detectable fault of this kind."""


@attrs.frozen
class Fault:
    """What an injector did, and what the auditor must report.

    Attributes:
        kind: The kind of fault.
        table: The table it is in.
        row: The row key it is in (the source row of a moved figure).
        column: The column, or ``None`` for whole-row faults.
        target: The destination row of a moved figure, else ``None``.
        before: The figure as it was, for figure faults.
        after: The figure as it is now, for figure faults.
        policy: The rounding policy the findings were worked out for.
        findings: Every error finding the auditor must report, as
            (rule id, table, row key, column); nothing else is an error.
        description: One line for people.
    """

    kind: FaultKind
    table: str
    row: str
    column: str | None
    target: str | None = None
    before: Amount | None = None
    after: Amount | None = None
    policy: str = "interval"
    findings: frozenset[FindingKey] = frozenset()
    description: str = ""

    @property
    def rules(self) -> frozenset[str]:
        """The ids of the rules that must report the fault as an error."""
        return frozenset(key[0] for key in self.findings)


# Editing -------------------------------------------------------------------


def _with_row(disclosure: Disclosure, table_id: str, rows: Sequence[Row]) -> Disclosure:
    table = disclosure.tables[table_id]
    tables = dict(disclosure.tables)
    tables[table_id] = attrs.evolve(table, rows=tuple(rows))
    return attrs.evolve(disclosure, tables=tables)


def _with_cell(
    disclosure: Disclosure, table_id: str, index: int, column: str, cell: Amount
) -> Disclosure:
    rows = list(disclosure.tables[table_id].rows)
    rows[index] = attrs.evolve(rows[index], cells={**rows[index].cells, column: cell})
    return _with_row(disclosure, table_id, rows)


# Checking ------------------------------------------------------------------


def _policy(policy: str | RoundingPolicy) -> RoundingPolicy:
    return parse_policy(policy) if isinstance(policy, str) else policy


def _grids(disclosure: Disclosure) -> dict[str, Decimal | None]:
    context = AuditContext(disclosure)
    return {tid: context.grid(table) for tid, table in disclosure.tables.items()}


def _require_clean(disclosure: Disclosure, policy: RoundingPolicy) -> None:
    errors = [o for o in _spec.evaluate(disclosure, policy) if o.error]
    if errors:
        first = errors[0]
        raise NoFaultPossible(
            f"the disclosure already breaks {first.check.rule} at {first.location}; "
            "faults are injected into consistent disclosures only"
        )


def _errors(
    original: Disclosure, corrupted: Disclosure, policy: RoundingPolicy
) -> list[_spec.Outcome] | None:
    """The errors of ``corrupted``, or ``None`` if the fault changed a grid."""
    if _grids(original) != _grids(corrupted):
        return None
    return [o for o in _spec.evaluate(corrupted, policy) if o.error]


def _keys(outcomes: Sequence[_spec.Outcome]) -> frozenset[FindingKey]:
    return frozenset((o.check.rule, *o.location) for o in outcomes)


def _cells(disclosure: Disclosure) -> Iterator[tuple[str, int, str, Amount]]:
    """Every non-negative figure of the tables not stated to be empty."""
    for table_id, table in disclosure.tables.items():
        if table_id in disclosure.empty_statements:
            continue
        for index, row in enumerate(table.rows):
            for column, cell in row.cells.items():
                if isinstance(cell, Amount) and cell.value >= 0:
                    yield table_id, index, column, cell


def _step(context: AuditContext, table: Table, cell: Amount) -> Decimal:
    """The smallest change that keeps the figure on its table's grid."""
    grid = context.grid(table)
    unit = Decimal(1).scaleb(-cell.decimals)
    return max(unit, grid * 2) if grid is not None else unit


def _needed(context: AuditContext, ref: _spec.Ref, found: Sequence[_spec.Check]) -> Decimal:
    """How far the figure at ``ref`` must move to break every identity it is in.

    Each sum or equality reading the figure has an honest difference ``d``
    and a slack ``s``; a change larger than ``|d| + s`` breaks it whichever
    way it goes. Inequalities are left out: they need not break.
    """
    needed = Decimal(0)
    for check in found:
        if check.kind is _spec.Kind.AT_MOST or ref not in set(check.refs()):
            continue
        measured = _spec.measure(context, check)
        if measured is not None:
            difference, slack = measured
            needed = max(needed, abs(difference) + slack)
    return needed


def _round_up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding="ROUND_CEILING") * step


def _reads(outcome: _spec.Outcome, ref: _spec.Ref) -> bool:
    return ref in set(outcome.check.refs())


# Figure faults -------------------------------------------------------------


def _figure_fault(
    disclosure: Disclosure,
    random: _random.Random,
    policy: RoundingPolicy,
    kind: FaultKind,
    accept: Callable[[str, int, str], bool],
    new_value: Callable[[Amount, Decimal, Decimal], Decimal | None],
) -> tuple[Disclosure, Fault]:
    _require_clean(disclosure, policy)
    context = AuditContext(disclosure, policy=policy)
    found = _spec.checks(disclosure)
    involved = {
        ref for check in found if check.kind is not _spec.Kind.AT_MOST for ref in check.refs()
    }
    candidates = [
        (table_id, index, column, cell)
        for table_id, index, column, cell in _cells(disclosure)
        if _spec.Ref(table_id, index, column) in involved and accept(table_id, index, column)
    ]
    random.shuffle(candidates)
    for table_id, index, column, cell in candidates[:_ATTEMPTS]:
        ref = _spec.Ref(table_id, index, column)
        table = disclosure.tables[table_id]
        step = _step(context, table, cell)
        # Twice the step covers a zero whose radius grows once it is not zero.
        needed = _round_up(_needed(context, ref, found) + 2 * step, step)
        value = new_value(cell, needed, step)
        if value is None or value < 0:
            continue
        after = Amount(value, cell.unit, cell.decimals)
        corrupted = _with_cell(disclosure, table_id, index, column, after)
        errors = _errors(disclosure, corrupted, policy)
        if not errors or not any(_reads(o, ref) for o in errors):
            continue
        row = table.rows[index]
        fault = Fault(
            kind=kind,
            table=table_id,
            row=row.key,
            column=column,
            before=cell,
            after=after,
            policy=policy.name,
            findings=_keys(errors),
            description=f"T{table_id} {row.key} [{column}]: {cell} → {after}",
        )
        return corrupted, fault
    raise NoFaultPossible(f"no figure of this disclosure can carry a {kind.value} fault")


def change_figure(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Replace one figure by another, far enough off to be noticed.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`.

    Raises:
        NoFaultPossible: if the disclosure has an error already, or no figure
            takes part in an identity.
    """

    def shifted(cell: Amount, needed: Decimal, step: Decimal) -> Decimal:
        change = needed + step * random.randint(0, 50)
        if cell.value >= change and random.random() < 0.5:
            return cell.value - change
        return cell.value + change

    return _figure_fault(
        disclosure, random, _policy(policy), FaultKind.CHANGED_FIGURE, lambda *_: True, shifted
    )


def wrong_category_total(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Print a 功能分类 类 row's figure that is not the sum of its 款.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`.

    Raises:
        NoFaultPossible: if no 类 row takes part in an identity.
    """

    def is_category(table_id: str, index: int, column: str) -> bool:
        key = disclosure.tables[table_id].rows[index].key
        return len(key) == 3 and key.startswith("2")

    def shifted(cell: Amount, needed: Decimal, step: Decimal) -> Decimal:
        return cell.value + needed + step * random.randint(0, 20)

    return _figure_fault(
        disclosure, random, _policy(policy), FaultKind.WRONG_CATEGORY_TOTAL, is_category, shifted
    )


def transpose_digits(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Swap two adjacent, different digits of one figure (``12.34`` → ``21.34``).

    Only swaps that keep the figure on its table's grid and change it by
    more than the slack of its identities are made.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`.

    Raises:
        NoFaultPossible: if no figure has digits far enough apart.
    """

    def swapped(cell: Amount, needed: Decimal, step: Decimal) -> Decimal | None:
        sign, digits, exponent = cell.value.as_tuple()
        assert isinstance(exponent, int)
        options = []
        for i in range(len(digits) - 1):
            if digits[i] == digits[i + 1]:
                continue
            swapped_digits = list(digits)
            swapped_digits[i], swapped_digits[i + 1] = digits[i + 1], digits[i]
            value = Decimal((sign, tuple(swapped_digits), exponent))
            change = abs(value - cell.value)
            if change >= needed and change % step == 0:
                options.append(value)
        return random.choice(options) if options else None

    return _figure_fault(
        disclosure, random, _policy(policy), FaultKind.TRANSPOSED_DIGITS, lambda *_: True, swapped
    )


# Row faults ----------------------------------------------------------------


def _leaf_rows(disclosure: Disclosure) -> list[tuple[str, int]]:
    """Coded rows without printed children, in tables not stated empty."""
    found = []
    for table_id, table in disclosure.tables.items():
        if table_id in disclosure.empty_statements:
            continue
        keys = [row.key for row in table.rows]
        parents = {key[:-2] for key in keys if key.isdigit() and len(key) > 3}
        for index, key in enumerate(keys):
            if key.isdigit() and key not in parents:
                found.append((table_id, index))
    return found


def drop_row(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Leave out one coded row whose absence a roll-up notices.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault` (``column`` is
        ``None``).

    Raises:
        NoFaultPossible: if no row's absence would be noticed.
    """
    chosen = _policy(policy)
    _require_clean(disclosure, chosen)
    candidates = _leaf_rows(disclosure)
    random.shuffle(candidates)
    for table_id, index in candidates[:_ATTEMPTS]:
        table = disclosure.tables[table_id]
        row = table.rows[index]
        parent = "total" if len(row.key) == 3 else row.key[:-2]
        corrupted = _with_row(disclosure, table_id, [r for r in table.rows if r is not row])
        errors = _errors(disclosure, corrupted, chosen)
        totals = {parent, "expenditure_total"}
        if not errors or not any(
            o.location[0] == table_id and o.location[1] in totals for o in errors
        ):
            continue
        fault = Fault(
            kind=FaultKind.DROPPED_ROW,
            table=table_id,
            row=row.key,
            column=None,
            policy=chosen.name,
            findings=_keys(errors),
            description=f"T{table_id} row {row.key} {row.label} left out",
        )
        return corrupted, fault
    raise NoFaultPossible("no row of this disclosure can be dropped detectably")


def duplicate_row(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Print one coded row twice, the copy right after the original.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`; its findings
        always include S-4 at the row.

    Raises:
        NoFaultPossible: if the disclosure has no coded row.
    """
    chosen = _policy(policy)
    _require_clean(disclosure, chosen)
    candidates = _leaf_rows(disclosure)
    random.shuffle(candidates)
    for table_id, index in candidates[:_ATTEMPTS]:
        table = disclosure.tables[table_id]
        rows = list(table.rows)
        row = rows[index]
        rows.insert(index + 1, row)
        corrupted = _with_row(disclosure, table_id, rows)
        errors = _errors(disclosure, corrupted, chosen)
        if errors is None:
            continue
        findings = _keys(errors) | {("S-4", table_id, row.key, None)}
        fault = Fault(
            kind=FaultKind.DUPLICATED_ROW,
            table=table_id,
            row=row.key,
            column=None,
            policy=chosen.name,
            findings=findings,
            description=f"T{table_id} row {row.key} {row.label} printed twice",
        )
        return corrupted, fault
    raise NoFaultPossible("no row of this disclosure can be duplicated")


def move_figure(
    disclosure: Disclosure,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Cut a figure from one coded row and add it to another row of its column.

    The source cell is left at zero, printed with the same decimals. The
    pair is chosen so that identities at both ends report an error.

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`; ``row`` is the source,
        ``target`` the destination.

    Raises:
        NoFaultPossible: if no pair of rows fits.
    """
    chosen = _policy(policy)
    _require_clean(disclosure, chosen)
    candidates = [
        (table_id, index, column, cell)
        for table_id, index, column, cell in _cells(disclosure)
        if cell.value > 0 and disclosure.tables[table_id].rows[index].key.isdigit()
    ]
    random.shuffle(candidates)
    for table_id, index, column, cell in candidates[:_ATTEMPTS]:
        table = disclosure.tables[table_id]
        targets = [
            i
            for i, row in enumerate(table.rows)
            if i != index
            and row.key.isdigit()
            and row.key != table.rows[index].key
            and isinstance(row.cells.get(column), Amount)
        ]
        if not targets:
            continue
        target = random.choice(targets)
        destination = table.rows[target].cells[column]
        assert isinstance(destination, Amount)
        zero = Amount(Decimal(0), cell.unit, cell.decimals)
        moved = Amount(destination.value + cell.value, destination.unit, destination.decimals)
        corrupted = _with_cell(disclosure, table_id, index, column, zero)
        corrupted = _with_cell(corrupted, table_id, target, column, moved)
        errors = _errors(disclosure, corrupted, chosen)
        source_ref = _spec.Ref(table_id, index, column)
        target_ref = _spec.Ref(table_id, target, column)
        if not errors or not (
            any(_reads(o, source_ref) for o in errors)
            and any(_reads(o, target_ref) for o in errors)
        ):
            continue
        row = table.rows[index]
        fault = Fault(
            kind=FaultKind.MOVED_FIGURE,
            table=table_id,
            row=row.key,
            column=column,
            target=table.rows[target].key,
            before=cell,
            after=zero,
            policy=chosen.name,
            findings=_keys(errors),
            description=(
                f"T{table_id} [{column}]: {cell} moved from {row.key} to {table.rows[target].key}"
            ),
        )
        return corrupted, fault
    raise NoFaultPossible("no figure of this disclosure can be moved detectably")


_INJECTORS: dict[FaultKind, Callable[..., tuple[Disclosure, Fault]]] = {
    FaultKind.CHANGED_FIGURE: change_figure,
    FaultKind.DROPPED_ROW: drop_row,
    FaultKind.DUPLICATED_ROW: duplicate_row,
    FaultKind.TRANSPOSED_DIGITS: transpose_digits,
    FaultKind.WRONG_CATEGORY_TOTAL: wrong_category_total,
    FaultKind.MOVED_FIGURE: move_figure,
}


def inject(
    disclosure: Disclosure,
    kind: FaultKind | str,
    random: _random.Random,
    *,
    policy: str | RoundingPolicy = "interval",
) -> tuple[Disclosure, Fault]:
    """Inject one fault of ``kind`` (a :class:`FaultKind` or its value).

    Args:
        disclosure: A disclosure on which the auditor finds no error.
        kind: The kind of fault.
        random: The source of randomness.
        policy: The rounding policy the fault must be detectable under.

    Returns:
        The corrupted disclosure and the :class:`Fault`.

    Raises:
        NoFaultPossible: if the disclosure offers no place for the fault.
        ValueError: for an unknown kind.
    """
    return _INJECTORS[FaultKind(kind)](disclosure, random, policy=policy)


@st.composite
def faulty_disclosures(
    draw: st.DrawFn,
    disclosures: st.SearchStrategy[Disclosure] | None = None,
    *,
    kinds: Sequence[FaultKind | str] | None = None,
    policy: str = "interval",
) -> tuple[Disclosure, Fault]:
    """Pairs of a disclosure with one injected fault and the fault's description.

    Args:
        disclosures: Where the consistent disclosures come from;
            :func:`govbudget.testing.strategies.disclosures` by default.
        kinds: The kinds of fault to draw from; all by default.
        policy: The rounding policy the faults must be detectable under.

    Returns:
        A strategy of ``(corrupted disclosure, fault)``. Disclosures that
        offer no place for the drawn kind are rejected.
    """
    if disclosures is None:
        from govbudget.testing.strategies import disclosures as default_disclosures

        disclosures = default_disclosures()
    chosen_kinds = [FaultKind(k) for k in kinds] if kinds is not None else list(FaultKind)
    kind = draw(st.sampled_from(chosen_kinds))
    disclosure = draw(disclosures)
    seed = draw(st.integers(min_value=0, max_value=2**32 - 1))
    try:
        return inject(disclosure, kind, _random.Random(seed), policy=policy)
    except NoFaultPossible:
        assume(False)
        raise
