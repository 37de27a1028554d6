"""Disclosures written with render_text read back to the same figures."""

from __future__ import annotations

import pytest
from _readers_support import disclosures, figures
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import examples
from govbudget.disclosure import Disclosure
from govbudget.readers import read_text
from govbudget.writers import UnknownVariantError, render_text

VARIANTS = ["tabs", "spaces", "pipes", "cells"]


@settings(max_examples=60, deadline=None)
@given(
    disclosure=disclosures(),
    variant=st.sampled_from(VARIANTS),
    breaks=st.frozensets(st.integers(min_value=0, max_value=60), max_size=4),
)
def test_generated_disclosures_read_back(
    disclosure: Disclosure, variant: str, breaks: frozenset[int]
) -> None:
    text = render_text(disclosure, variant=variant, page_breaks=breaks)  # type: ignore[arg-type]
    result = read_text(text)

    assert result.disclosure is not None
    assert sorted(disclosure.tables) == sorted(result.disclosure.tables)
    for table_id, table in disclosure.tables.items():
        assert figures(table) == figures(result.disclosure.tables[table_id])
    assert [] == result.report.not_understood


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_sample_reads_back_in_every_variant(variant: str) -> None:
    sample = examples.load("futian-housing-2018")
    text = render_text(sample, variant=variant, page_breaks=frozenset({0, 9, 40, 41, 77}))  # type: ignore[arg-type]
    read = read_text(text).disclosure

    assert read is not None
    for table_id, table in sample.tables.items():
        assert figures(table) == figures(read.tables[table_id])
    assert (sample.narrative, sample.overview, sample.glossary) == (
        read.narrative,
        read.overview,
        read.glossary,
    )
    assert (sample.other_matters, sample.empty_statements) == (
        read.other_matters,
        read.empty_statements,
    )


def test_page_breaks_show_as_page_number_lines() -> None:
    sample = examples.load("futian-housing-2018")

    text = render_text(sample, variant="tabs", page_breaks=frozenset({3}))

    assert "\n\n- 2 -\n" in text


def test_unknown_variant() -> None:
    with pytest.raises(UnknownVariantError, match="csv"):
        render_text(examples.load("futian-housing-2018"), variant="csv")  # type: ignore[arg-type]
