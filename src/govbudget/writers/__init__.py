"""Writing disclosures out as plain text in the published layout."""

from govbudget.writers.text import UnknownVariantError, render_table_text, render_text

__all__ = ["UnknownVariantError", "render_table_text", "render_text"]
