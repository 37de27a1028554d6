"""Forms round-trip through a cattrs converter; values through str()."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

from decimal import Decimal
from typing import Any

import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.amounts import Amount, Blank
from govbudget.examples._futian_forms import futian_forms
from govbudget.performance import (
    DepartmentTargetForm,
    IndicatorValue,
    LegacySelfEvaluation,
    ProjectTargetForm,
    SelfEvaluation,
    UnknownFormatError,
)
from govbudget.performance.strategies import (
    department_target_forms,
    legacy_self_evaluations,
    project_target_forms,
    self_evaluations,
)


def converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(v))
    conv.register_unstructure_hook(IndicatorValue, str)
    conv.register_structure_hook(IndicatorValue, lambda v, _: IndicatorValue.parse(v))

    def cell(value: Any, _: object) -> Amount | Blank:
        if "value" in value:
            return conv.structure(value, Amount)
        return conv.structure(value, Blank)

    conv.register_structure_hook(Amount | Blank, cell)
    conv.register_structure_hook(
        Amount | Blank | None, lambda v, _: None if v is None else cell(v, _)
    )
    return conv


@pytest.mark.parametrize("index", [0, 1, 2])
def test_sample_forms_round_trip(index: int) -> None:
    conv = converter()
    form = futian_forms()[index]

    data = conv.unstructure(form)

    assert form == conv.structure(data, type(form))


@settings(max_examples=25)
@given(
    st.one_of(
        project_target_forms(),
        department_target_forms(),
        self_evaluations(),
        legacy_self_evaluations(),
    )
)
def test_generated_forms_round_trip(
    form: ProjectTargetForm | DepartmentTargetForm | SelfEvaluation | LegacySelfEvaluation,
) -> None:
    conv = converter()

    assert form == conv.structure(conv.unstructure(form), type(form))


def test_unknown_render_format() -> None:
    with pytest.raises(UnknownFormatError):
        futian_forms()[0].render("pdf")
