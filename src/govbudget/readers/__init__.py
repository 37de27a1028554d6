"""Reading published disclosures (部门决算/部门预算公开) from text and PDF.

>>> from govbudget import examples
>>> result = read_text(examples.text("futian-housing-2018"))
>>> str(result.disclosure.table("06").amount("30101", "amount"))
'26.40'
>>> [table.table_id for table in result.report.tables if table.modelled]
['01', '02', '03', '04', '05', '06', '07', '08']
"""

from govbudget.readers._document import ReadResult, read_lines, read_text, read_text_file
from govbudget.readers._errors import ReadError
from govbudget.readers._lines import SourceLine, split_lines
from govbudget.readers._report import FoundTable, ImportReport, LineNote, LineStatus
from govbudget.readers.pdf import pdf_lines, read_pdf

__all__ = [
    "FoundTable",
    "ImportReport",
    "LineNote",
    "LineStatus",
    "ReadError",
    "ReadResult",
    "SourceLine",
    "pdf_lines",
    "read_lines",
    "read_pdf",
    "read_text",
    "read_text_file",
    "split_lines",
]
