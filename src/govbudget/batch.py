"""Audit many disclosures in parallel, on any ``concurrent.futures`` executor.

:func:`audit_many` sends files (or disclosures) to the workers of an
executor in small chunks, keeps only a bounded number of chunks in flight,
and yields one :class:`BatchResult` per source, in the order of the
sources, as soon as it is ready. A process pool on this machine is the
default; a ``dask.distributed`` client's executor spreads the same work over
a cluster. A file that cannot be read gives a result with its error and the
batch goes on.

>>> from govbudget.examples import load
>>> from concurrent.futures import ThreadPoolExecutor
>>> with ThreadPoolExecutor(2) as pool:
...     results = list(audit_many([load("futian-housing-2018")], pool))
>>> [(result.index, result.ok, result.report.year) for result in results]
[(0, True, 2018)]
"""

from __future__ import annotations

import functools
import itertools
import os
import pickle
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Union

import attrs

from govbudget.audit import audit
from govbudget.audit.accept import Acceptance, load_acceptances
from govbudget.audit.context import AuditOptions
from govbudget.audit.policy import RoundingPolicy, parse_policy
from govbudget.audit.registry import select_rules
from govbudget.audit.report import Report
from govbudget.codes import Catalog
from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError, WrongTypeError
from govbudget.findings import Severity
from govbudget.io import Loaded, read

__all__ = ["DEFAULT_CHUNKSIZE", "BatchResult", "Source", "audit_many", "audit_source"]

Source = Union[str, "os.PathLike[str]", Disclosure]
"""What can be audited: a file path or a disclosure in memory."""

DEFAULT_CHUNKSIZE = 8
"""Sources per task. A realistic disclosure takes milliseconds to audit and
far longer to read from JSON, so a few per task already hide the cost of
sending work to another process."""

_AUDIT_OPTIONS = frozenset({"policy", "select", "ignore", "accept", "catalog", "options"})


@attrs.frozen
class BatchResult:
    """The outcome of auditing one source.

    Attributes:
        index: The source's position in the input, from 0.
        source: The source as given: a path or a disclosure.
        report: The audit report, or ``None`` if the source was unreadable.
        error: The govbudget error that made the source unreadable (a
            :class:`~govbudget.errors.DocumentError` for a bad file), or
            ``None``.
        seconds: Wall time spent reading and auditing it, in the worker.
    """

    index: int
    source: Source = attrs.field(repr=False)
    report: Report | None
    error: GovBudgetError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the source was read and audited."""
        return self.report is not None

    @property
    def name(self) -> str:
        """The source's path, or the disclosure's own source, or ``#index``."""
        if isinstance(self.source, Disclosure):
            return self.source.source or f"#{self.index}"
        return os.fspath(self.source)

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """2 for an unreadable source, else the report's exit code (0 or 1)."""
        if self.report is None:
            return 2
        return self.report.exit_code(fail_on)


def audit_source(source: Source, **audit_options: Any) -> BatchResult:
    """Read (if a path) and audit one source, turning read errors into a result.

    The sequential counterpart of :func:`audit_many`, with the same options.

    Raises:
        WrongTypeError: for an unknown option, policy or rule pattern.
    """
    settings = _settings(audit_options)
    report, error, seconds = _audit_one(source, settings)
    return BatchResult(0, source, report, error, seconds)


def audit_many(
    sources: Iterable[Source],
    executor: Executor | None = None,
    *,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
    max_workers: int | None = None,
    **audit_options: Any,
) -> Iterator[BatchResult]:
    """Audit every source on ``executor``; yield results in input order.

    Sources are taken from ``sources`` lazily: at most ``window`` chunks of
    ``chunksize`` sources are in flight at any time, so a generator of a
    million paths is fine and memory stays flat. Each result is yielded as
    soon as it and every result before it are done.

    Args:
        sources: Paths of disclosure files (JSON, text or PDF: any format
            :func:`govbudget.io.read` reads; a reader's import report is
            audited too), or :class:`~govbudget.disclosure.Disclosure`
            objects.
        executor: Where to run. ``None`` creates a
            :class:`~concurrent.futures.ProcessPoolExecutor` of
            ``max_workers`` processes and shuts it down at the end. Pass a
            ``ThreadPoolExecutor`` to stay in one process, or
            ``client.get_executor()`` of a ``dask.distributed`` client to use a
            cluster. A given executor is left running.
        chunksize: Sources per task.
        window: Chunks in flight; twice the workers by default.
        max_workers: Processes of the default pool; all cores by default.
        **audit_options: ``policy``, ``select``, ``ignore``, ``accept``,
            ``catalog`` and ``options``, as for :func:`govbudget.audit`. They
            are checked (and an ``accept`` file read) once, before any work.

    Returns:
        An iterator of :class:`BatchResult`, one per source, in order.
        Close it (or exhaust it) to shut the default pool down.

    Raises:
        WrongTypeError: for a bad option, policy or rule pattern, at once.
        DocumentError: for an unreadable ``accept`` file, at once.

    Errors that make one source unreadable are reported in its result, not
    raised. A failure of the executor itself (a worker killed, a cluster
    gone) is raised, since the rest of the batch cannot run either.
    """
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise WrongTypeError(chunksize, "a chunksize of at least 1")
    if window is not None and (
        isinstance(window, bool) or not isinstance(window, int) or window < 1
    ):
        raise WrongTypeError(window, "a window of at least 1 chunk")
    settings = _settings(audit_options)
    if window is None:
        workers = max_workers if executor is None else getattr(executor, "_max_workers", None)
        window = 2 * (workers or os.cpu_count() or 1)
    return _stream(iter(sources), executor, max_workers, chunksize, window, _dumps(settings))


def _stream(
    sources: Iterator[Source],
    executor: Executor | None,
    max_workers: int | None,
    chunksize: int,
    window: int,
    settings: bytes,
) -> Iterator[BatchResult]:
    own = executor is None
    pool = ProcessPoolExecutor(max_workers) if executor is None else executor
    pending: deque[tuple[int, list[Source], Future[list[_Outcome]]]] = deque()
    index = 0
    try:
        while True:
            while len(pending) < window:
                chunk = list(itertools.islice(sources, chunksize))
                if not chunk:
                    break
                pending.append((index, chunk, pool.submit(_audit_chunk, chunk, settings)))
                index += len(chunk)
            if not pending:
                return
            start, chunk, future = pending.popleft()
            outcomes = future.result()
            for offset, (source, (report, error, seconds)) in enumerate(
                zip(chunk, outcomes, strict=True)
            ):
                yield BatchResult(start + offset, source, report, error, seconds)
    finally:
        for _, _, future in pending:
            future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


# Settings ---------------------------------------------------------------------


@attrs.frozen
class _Settings:
    """The audit options, checked once and sent to every worker."""

    policy: str | RoundingPolicy
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    accept: tuple[Acceptance, ...]
    catalog: Catalog | None
    options: AuditOptions | None


def _settings(audit_options: dict[str, Any]) -> _Settings:
    unknown = set(audit_options) - _AUDIT_OPTIONS
    if unknown:
        raise WrongTypeError(
            ", ".join(sorted(unknown)), f"audit options among {', '.join(sorted(_AUDIT_OPTIONS))}"
        )
    policy = audit_options.get("policy", "interval")
    if isinstance(policy, str):
        parse_policy(policy)
    select, ignore = audit_options.get("select"), audit_options.get("ignore")
    select = None if select is None else tuple(select)
    ignore = None if ignore is None else tuple(ignore)
    list(select_rules(select, ignore))
    accept = audit_options.get("accept")
    if isinstance(accept, (str, Path)):
        accepted = tuple(load_acceptances(accept))
    else:
        accepted = tuple(accept or ())
    return _Settings(
        policy, select, ignore, accepted, audit_options.get("catalog"), audit_options.get("options")
    )


def _dumps(settings: _Settings) -> bytes:
    return pickle.dumps(settings, protocol=pickle.HIGHEST_PROTOCOL)


@functools.lru_cache(maxsize=4)
def _loaded(blob: bytes) -> _Settings:
    """The settings of a batch, unpickled once per worker (a catalog is large)."""
    settings: _Settings = pickle.loads(blob)
    return settings


# Work done in the workers -----------------------------------------------------

_Outcome = tuple[Report | None, GovBudgetError | None, float]


def _audit_chunk(sources: Sequence[Source], blob: bytes) -> list[_Outcome]:
    settings = _loaded(blob)
    return [_audit_one(source, settings) for source in sources]


def _audit_one(
    source: Source, settings: _Settings
) -> tuple[Report | None, GovBudgetError | None, float]:
    started = time.perf_counter()
    try:
        loaded = Loaded(source) if isinstance(source, Disclosure) else read(os.fspath(source))
        report = audit(
            loaded.disclosure,
            policy=settings.policy,
            select=settings.select,
            ignore=settings.ignore,
            accept=settings.accept,
            catalog=settings.catalog,
            options=settings.options,
            import_report=loaded.import_report,
        )
    except GovBudgetError as error:
        return None, error, time.perf_counter() - started
    return report, None, time.perf_counter() - started
