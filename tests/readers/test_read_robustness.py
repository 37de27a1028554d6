"""Edited text never makes the reader fail badly or invent a figure."""

from __future__ import annotations

import contextlib

from _readers_support import amounts_of, normalised
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import examples
from govbudget.errors import GovBudgetError
from govbudget.readers import read_text

SAMPLE = examples.text("futian-housing-2018").split("\n")


@st.composite
def edited(draw: st.DrawFn) -> str:
    """The sample with lines dropped, duplicated, cut and characters replaced."""
    lines = list(SAMPLE)
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        if not lines:
            break
        where = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "cut", "replace", "tabs"]))
        line = lines[where]
        if action == "drop":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, line)
        elif action == "cut" and line:
            at = draw(st.integers(min_value=0, max_value=len(line)))
            lines[where] = line[:at]
        elif action == "replace" and line:
            at = draw(st.integers(min_value=0, max_value=len(line) - 1))
            char = draw(st.sampled_from(list("0９.,，\t|-—（）万元表合计公开 01一、")))
            lines[where] = line[:at] + char + line[at + 1 :]
        elif action == "tabs":
            lines[where] = line.replace("\t", "  ")
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=edited())
def test_edits_raise_only_govbudget_errors_and_invent_nothing(text: str) -> None:
    try:
        result = read_text(text)
    except GovBudgetError:
        return
    lines = [normalised(line) for line in text.split("\n")]

    assert len(text.split("\n")) == len(result.report.lines)
    if result.disclosure is None:
        return
    for amount in amounts_of(result.disclosure):
        printed = str(abs(amount.value))
        assert any(printed in line for line in lines), printed


JUNK = st.sampled_from(list("收入支出决算表公开01 \t\n.,-一、（）2018年度"))


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=JUNK, max_size=300))
def test_junk_raises_only_govbudget_errors(text: str) -> None:
    with contextlib.suppress(GovBudgetError):
        read_text(text)
