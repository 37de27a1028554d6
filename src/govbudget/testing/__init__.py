"""Tools for testing code that reads, writes or audits disclosures.

- :mod:`govbudget.testing.generate`: :func:`generate_disclosure`, consistent
  disclosures from a :class:`random.Random`, without hypothesis;
- :mod:`govbudget.testing.strategies`: hypothesis strategies for codes,
  amounts, tables and disclosures (needs ``govbudget[testing]``);
- :mod:`govbudget.testing.faults`: single typed faults injected into a valid
  disclosure, each with the findings it must cause.

Importing this package does not import hypothesis; import the
``strategies`` or ``faults`` module for that.
"""

from govbudget.testing.generate import generate_disclosure

__all__ = ["generate_disclosure"]
