"""How fast the reader reads the Futian sample, against merely splitting it.

Not a test. Run from the repository root:

    python benchmarks/bench_read.py

Prints one markdown line: documents per second for ``read_text`` and for a
baseline that only splits the text into lines and tab-separated cells, and
the ratio between the two, measured in the same run.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from govbudget import examples
from govbudget.readers import read_text


def _rate(work: Callable[[], object], seconds: float = 1.0) -> float:
    """Calls of ``work`` per second, over at least ``seconds``."""
    work()
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        work()
        count += 1
    return count / elapsed


def main() -> None:
    text = examples.text("futian-housing-2018")

    def split_only() -> object:
        return [line.split("\t") for line in text.split("\n")]

    def read() -> object:
        return read_text(text)

    baseline = _rate(split_only)
    reading = _rate(read)
    print(
        f"| futian-housing-2018 ({len(text.splitlines())} lines) "
        f"| read_text {reading:,.0f} docs/s "
        f"| split into lines and cells {baseline:,.0f} docs/s "
        f"| reading costs {baseline / reading:,.0f}× the split |"
    )


if __name__ == "__main__":
    main()
