"""Shared fixtures."""

from __future__ import annotations

import pytest

from govbudget import Disclosure
from govbudget.examples import load


@pytest.fixture
def futian() -> Disclosure:
    """The bundled Futian 2018 example, as published."""
    return load("futian-housing-2018")
