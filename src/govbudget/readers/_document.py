"""Reading a whole disclosure from its text, line by line.

The reader walks the lines once. Headings switch between the parts of the
document (概况, 决算表, 情况说明, 名词解释, 附件); a table title opens a
table that runs to the next heading or title; a form title opens a
performance form. Every line gets a note in the import report.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from govbudget.disclosure import (
    Attachment,
    Disclosure,
    DisclosureKind,
    GlossaryEntry,
    Overview,
    Section,
)
from govbudget.entity import Entity, ReportingLevel, UnitKind
from govbudget.errors import GovBudgetError
from govbudget.performance import Form
from govbudget.readers._errors import ReadError
from govbudget.readers._forms import FormRead, form_end, read_form
from govbudget.readers._lines import (
    Kind,
    SourceLine,
    clean,
    is_page_number,
    split_cells,
    split_lines,
)
from govbudget.readers._narrative import (
    Heading,
    OtherParts,
    empty_statement,
    glossary_entry,
    heading_of,
    item_kind,
    join_text,
    other_matters,
    section_topic,
    staffing,
)
from govbudget.readers._notes import Notebook
from govbudget.readers._report import FoundTable, ImportReport
from govbudget.readers._tables import read_table
from govbudget.readers._titles import TitleMatch, match_marker, match_title
from govbudget.tables import Table

__all__ = ["ReadResult", "read_lines", "read_text", "read_text_file"]

_FINAL_IDS = frozenset(f"0{n}" for n in range(1, 10))
_YEAR = re.compile(r"(20\d{2})\s*年")
_ATTACHMENT = re.compile(r"^附件\s*(\d{1,2}|[一二三四五六七八九十]+)?\s*[:：]?$")
_NUMBERING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])"
)
_REGION_END = re.compile(r"^(.{2,12}[省市区县旗州])")


@attrs.frozen
class ReadResult:
    """What reading a text gave.

    Attributes:
        disclosure: The disclosure, or ``None`` if none could be built
            (the report's ``problems`` say why).
        report: What became of every line.
    """

    disclosure: Disclosure | None
    report: ImportReport


def read_text(text: str, *, source: str | None = None, entity: Entity | None = None) -> ReadResult:
    """Read a published disclosure from its text.

    Args:
        text: The text, as ``pdftotext -layout`` gives it, tab-separated as
            copied from a web page, ``|``-separated, or one cell per line.
        source: A file name or other label for the report and locations.
        entity: The entity, when known better than the text says (the
            region, for instance, is seldom printed); replaces the one read.

    Returns:
        The disclosure (or ``None``) and the import report.

    Raises:
        ReadError: if no part of a disclosure can be recognised at all.
    """
    return read_lines(split_lines(text), source=source, entity=entity)


def read_text_file(
    path: str | Path, *, encoding: str = "utf-8", entity: Entity | None = None
) -> ReadResult:
    """Read a disclosure from a text file (see :func:`read_text`).

    Raises:
        ReadError: if no part of a disclosure can be recognised.
        OSError: if the file cannot be read.
    """
    text = Path(path).read_text(encoding=encoding)
    return read_text(text, source=str(path), entity=entity)


def read_lines(
    lines: list[SourceLine], *, source: str | None = None, entity: Entity | None = None
) -> ReadResult:
    """Read a disclosure from lines that already carry their page numbers.

    Raises:
        ReadError: if no part of a disclosure can be recognised.
    """
    reader = _DocumentReader(lines, source)
    reader.run()
    return reader.result(entity)


@attrs.define
class _OpenSection:
    heading: Heading
    line: SourceLine
    body: list[SourceLine] = attrs.field(factory=list)
    items: list[tuple[str, list[SourceLine]]] = attrs.field(factory=list)


class _DocumentReader:
    def __init__(self, lines: list[SourceLine], source: str | None) -> None:
        self.lines = lines
        self.source = source
        self.notes = Notebook(lines)
        self.title_line: SourceLine | None = None
        self.chapter = "front"
        self.recognised = 0
        self.tables: dict[str, Table] = {}
        self.found: list[FoundTable] = []
        self.problems: list[str] = []
        self.statements: dict[str, str] = {}
        self.overview: dict[str, list[SourceLine]] = {}
        self.overview_key = "duties"
        self.sections: list[_OpenSection] = []
        self.glossary: list[list[str]] = []
        self.attachments: list[tuple[str, list[SourceLine]]] = []
        self.forms: list[Form] = []
        self.form_reads: list[FormRead] = []
        self.all_text = "\n".join(line.text for line in lines)

    # The walk ---------------------------------------------------------------------

    def run(self) -> None:
        index = self._read_title()
        while index < len(self.lines):
            index = self._step(index)

    def _read_title(self) -> int:
        for index, line in enumerate(self.lines[:40]):
            if line.blank or is_page_number(line):
                continue
            words = clean(line.text)
            if (
                ("决算" in words or "预算" in words)
                and _YEAR.search(line.text)
                and (match_title(line.text) is None)
            ):
                self.title_line = line
                self.notes.read(line, "document title")
                self.recognised += 1
                for earlier in self.lines[:index]:
                    self._front(earlier)
                return index + 1
        return 0

    def _front(self, line: SourceLine) -> None:
        if line.blank or is_page_number(line):
            self.notes.ignore(line, "layout" if line.blank else "page number")
        else:
            self.notes.miss(line, "front matter", "text before the document title")

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if line.blank:
            self.notes.ignore(line, "layout")
            self._keep_in_section(line)
            return index + 1
        if is_page_number(line):
            self.notes.ignore(line, "page number")
            return index + 1
        if clean(line.text) in ("目录", "目次"):
            self.notes.read(line, "table of contents")
            return self._skip_contents(index + 1)
        if self.chapter == "attachment":
            return self._attachment_line(index)

        title = match_title(line.text)
        if title is not None and not self._is_list(index):
            if title.kind == "performance form":
                return self._form(index)
            return self._table(index, title)
        if title is not None:
            self.notes.read(line, "list of tables")
            if self.chapter not in ("narrative", "overview"):
                self.chapter = "tables"
            return index + 1
        marker = match_marker(line.text)
        if marker is not None and clean(line.text).startswith("公开"):
            return self._marker(index, marker)
        if _ATTACHMENT.match(clean(line.text)):
            return self._attachment_start(index)

        heading = heading_of(line.text)
        if heading is not None and heading.level == "chapter":
            self._chapter(line, heading)
            return index + 1
        if (
            heading is not None
            and heading.level == "section"
            and self.chapter
            in (
                "overview",
                "narrative",
                "glossary",
            )
        ):
            self._section(line, heading)
            return index + 1
        self._content(line)
        return index + 1

    def _marker(self, index: int, marker: str) -> int:
        """A "公开 NN 表" line: the number of the next table, or a table of its own."""
        line = self.lines[index]
        if self._title_follows(index):
            self.notes.read(line, f"table number {marker}")
            return index + 1
        words = clean(self.title_line.text) if self.title_line else ""
        if "决算" in words and marker in _FINAL_IDS:
            return self._table(index, TitleMatch("final accounts", marker, ""))
        self.notes.miss(line, "table number", "a table number with no table title the model knows")
        return index + 1

    def _title_follows(self, index: int) -> bool:
        seen = 0
        for line in self.lines[index + 1 : index + 8]:
            if line.blank or is_page_number(line):
                continue
            if match_title(line.text) is not None:
                return True
            seen += 1
            if seen >= 3:
                break
        return False

    def _is_list(self, index: int) -> bool:
        """A title followed by another title lists tables; it opens none."""
        for line in self.lines[index + 1 : index + 4]:
            if line.blank or is_page_number(line):
                continue
            following = match_title(line.text)
            return following is not None and following.kind != "performance form"
        return False

    def _skip_contents(self, index: int) -> int:
        seen: set[str] = set()
        for position in range(index, min(len(self.lines), index + 80)):
            line = self.lines[position]
            if line.blank or is_page_number(line):
                self.notes.ignore(line)
                continue
            key = _contents_key(line.text)
            if key in seen:
                return position
            seen.add(key)
            self.notes.read(line, "table of contents")
        return min(len(self.lines), index + 80)

    # Chapters and sections -----------------------------------------------------

    def _chapter(self, line: SourceLine, heading: Heading) -> None:
        words = clean(heading.title)
        self.recognised += 1
        self._close_section()
        if "名词解释" in words or ("名词" in words and "解释" in words):
            self.chapter = "glossary"
        elif "概况" in words or "职能" in words or "职责" in words or "基本情况" in words:
            self.chapter = "overview"
            self.overview_key = "organisation" if "机构" in words else "duties"
        elif "机构设置" in words and self.chapter in ("overview", "front"):
            self.chapter = "overview"
            self.overview_key = "organisation"
        elif words.endswith(("表", "报表")) or "决算表" in words or "预算表" in words:
            self.chapter = "tables"
        elif "说明" in words or "分析" in words or "其他重要事项" in words:
            self.chapter = "narrative"
            if section_topic(heading.title) == "other_matters":
                self.sections.append(_OpenSection(heading, line))
        else:
            self.chapter = "other"
            self.notes.miss(line, "chapter", "a chapter the model has no place for")
            return
        self.notes.read(line, f"{self.chapter} chapter")

    def _section(self, line: SourceLine, heading: Heading) -> None:
        self.recognised += 1
        self._close_section()
        if self.chapter == "overview":
            words = clean(heading.title)
            self.overview_key = "organisation" if "机构" in words or "人员" in words else "duties"
            self.notes.read(line, f"overview {self.overview_key} heading")
            return
        if self.chapter == "glossary":
            self.notes.read(line, "glossary heading")
            return
        self.sections.append(_OpenSection(heading, line))
        self.notes.read(line, f"narrative {heading.number} heading")

    def _close_section(self) -> None:
        if self.chapter == "overview":
            self.overview_key = "after"

    def _keep_in_section(self, line: SourceLine) -> None:
        if self.chapter == "narrative" and self.sections:
            self.sections[-1].body.append(line)
        elif self.chapter == "overview" and self.overview_key != "after":
            self.overview.setdefault(self.overview_key, []).append(line)
        elif self.chapter == "attachment" and self.attachments:
            self.attachments[-1][1].append(line)

    def _content(self, line: SourceLine) -> None:
        chapter = self.chapter
        if chapter == "overview" and self.overview_key != "after":
            self.overview.setdefault(self.overview_key, []).append(line)
            self.notes.read(line, f"overview {self.overview_key}")
        elif chapter == "narrative" and self.sections:
            section = self.sections[-1]
            section.body.append(line)
            self.notes.read(line, f"narrative {section.heading.number}")
            self._item(section, line)
        elif chapter == "glossary":
            self._glossary(line)
        elif chapter == "tables" and "《" in line.text:
            self.notes.read(line, "list of tables")
        elif chapter == "tables":
            self.notes.miss(line, "tables chapter", "text between tables")
        elif chapter == "front":
            self.notes.miss(line, "front matter", "text before the first heading")
        else:
            self.notes.miss(line, chapter, "text outside any part the model reads")

    def _item(self, section: _OpenSection, line: SourceLine) -> None:
        heading = heading_of(line.text)
        if section_topic(section.heading.title) != "other_matters":
            return
        if heading is not None and heading.level == "item":
            section.items.append((item_kind(heading.title), []))
        elif section.items:
            section.items[-1][1].append(line)

    def _glossary(self, line: SourceLine) -> None:
        entry = glossary_entry(line.text)
        if entry is not None:
            self.glossary.append([entry[0], entry[1]])
            self.notes.read(line, "glossary")
        elif self.glossary:
            self.glossary[-1][1] += line.text.strip()
            self.notes.read(line, "glossary (continued)")
        else:
            self.notes.miss(line, "glossary", "not a numbered 'term：definition' entry")

    # Tables and forms -------------------------------------------------------------

    def _region_end(self, start: int) -> int:
        """The index just past a table: the next heading or title, or after its note."""
        after_note = False
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            words = clean(line.text)
            if line.blank:
                continue
            if after_note and not words.startswith("注"):
                previous = self.lines[index - 1]
                if previous.blank or is_page_number(previous):
                    return index
            if words.startswith(("注:", "注：")) or words.startswith("注释"):
                after_note = True
            if match_title(line.text) is not None or _ATTACHMENT.match(words):
                return index
            if match_marker(line.text) is not None and (
                self._title_follows(index)
                or any(match_marker(x.text) for x in self.lines[start:index])
            ):
                return index
            heading = heading_of(line.text)
            if (
                heading is not None
                and heading.level in ("chapter", "section")
                and not ("\t" in line.text or len(split_cells(line.text)) >= 2)
                and not _followed_by_value(self.lines, index)
                and _starts_block(self.lines, index)
            ):
                return index
        return len(self.lines)

    def _table(self, index: int, title: TitleMatch) -> int:
        self.recognised += 1
        title_line = self.lines[index]
        end = self._region_end(index + 1)
        body = self.lines[index + 1 : end]
        if title.kind == "final accounts" and title.table_id is not None:
            self._final_table(title, title_line, body)
            return end

        reasons = {
            "budget": "budget table, not modelled yet",
            "university final accounts": "final-accounts table of the university format, "
            "not modelled yet",
            "final accounts (other)": "final-accounts table the model does not cover",
        }
        reason = reasons.get(title.kind, "table the model does not cover")
        self.notes.miss(title_line, f"{title.kind} table title", reason)
        for line in body:
            if line.blank or is_page_number(line):
                self.notes.ignore(line, "layout" if line.blank else "page number")
            else:
                self.notes.miss(line, f"{title.kind} table", reason)
        last = max([index + 1, *(x.number for x in body if not x.blank)])
        self.found.append(
            FoundTable(
                title_line.text.strip(),
                title_line.number,
                last,
                None,
                title.kind,
                False,
                title_line.page,
                reason,
            )
        )
        return end

    def _final_table(
        self, title: TitleMatch, title_line: SourceLine, body: list[SourceLine]
    ) -> None:
        table_id = title.table_id or ""
        try:
            read = read_table(title, title_line, body, self._year(), self.notes)
        except GovBudgetError as error:
            reason = f"table {table_id} could not be read: {error}"
            for line in [title_line, *body]:
                if not line.blank:
                    self.notes.miss(line, f"table {table_id}", reason)
            self.found.append(
                FoundTable(
                    title_line.text.strip(),
                    title_line.number,
                    title_line.number,
                    table_id,
                    "final accounts",
                    False,
                    title_line.page,
                    reason,
                )
            )
            return
        self.found.append(read.found)
        if read.table is not None and table_id in self.tables:
            self.problems.append(
                f"table {table_id} printed twice (lines {self.tables[table_id].line} and "
                f"{title_line.number}); the first is kept"
            )
        elif read.table is not None:
            self.tables[table_id] = read.table
        for statement in read.statements:
            self.statements.setdefault(table_id, statement)

    def _form(self, index: int) -> int:
        """A performance form: read into the model, every line noted."""
        self.recognised += 1
        title_line = self.lines[index]
        end = form_end(self.lines, index)
        read = read_form(
            title_line,
            self.lines[index + 1 : end],
            self.notes,
            part=f"performance form {len(self.form_reads) + 1}",
        )
        self._keep_form(title_line, read)
        return end

    def _keep_form(self, title_line: SourceLine, read: FormRead) -> None:
        self.form_reads.append(read)
        if read.form is not None:
            self.forms.append(read.form)
            return
        self.found.append(
            FoundTable(
                title_line.text.strip(),
                title_line.number,
                read.last_line,
                None,
                "performance form",
                False,
                title_line.page,
                read.reason,
            )
        )

    # Attachments -------------------------------------------------------------------

    def _attachment_start(self, index: int) -> int:
        self.recognised += 1
        self._close_section()
        self.chapter = "attachment"
        line = self.lines[index]
        title = line.text.strip()
        for following in self.lines[index + 1 : index + 4]:
            if following.blank:
                continue
            if len(clean(following.text)) <= 40 and heading_of(following.text) is None:
                title = f"{title} {following.text.strip()}"
            break
        self.attachments.append((title, [line]))
        self.notes.read(line, "attachment")
        return index + 1

    def _attachment_line(self, index: int) -> int:
        line = self.lines[index]
        words = clean(line.text)
        if _ATTACHMENT.match(words):
            return self._attachment_start(index)
        current = self.attachments[-1]
        has_form = any("\t" in x.text for x in current[1])
        if has_form and _is_report_title(words):
            self.attachments.append((line.text.strip(), []))
            self.notes.read(line, "attachment title")
            return index + 1
        number = len(self.attachments)
        title = match_title(line.text)
        if title is not None and title.kind == "performance form":
            return self._attachment_form(index, number)
        current[1].append(line)
        if "\t" in line.text:
            self.notes.partly(
                line, f"attachment {number}", "a table row outside any form; kept as text"
            )
        else:
            self.notes.read(line, f"attachment {number}")
        return index + 1

    def _attachment_form(self, index: int, number: int) -> int:
        """A form inside an attachment: kept in its text, and read as a form."""
        end = form_end(self.lines, index)
        kept = [x for x in self.lines[index:end] if x.blank or not is_page_number(x)]
        self.attachments[-1][1].extend(kept)
        read = read_form(
            self.lines[index],
            self.lines[index + 1 : end],
            self.notes,
            part=f"performance form {len(self.form_reads) + 1}",
            attachment=f"attachment {number}",
        )
        self._keep_form(self.lines[index], read)
        return end

    # The result ---------------------------------------------------------------------

    def _year(self) -> int | None:
        if self.title_line is not None:
            found = _YEAR.search(self.title_line.text)
            if found:
                return int(found.group(1))
        found = re.search(r"(20\d{2})\s*年度?部门(?:决算|预算)", self.all_text)
        return int(found.group(1)) if found else None

    def result(self, entity: Entity | None) -> ReadResult:
        if self.recognised == 0 and not self.found:
            last = self.lines[-1].number if self.lines else None
            raise ReadError(
                "looked for a document title with a year, a table title (收入支出决算总表, "
                "公开NN表, …预算表), a chapter heading (一、…) or an attachment (附件), and "
                f"found none in {len(self.lines)} lines",
                file=self.source,
                line=last,
            )

        disclosure = None
        year = self._year()
        if year is None:
            self.problems.append("no fiscal year found: no title like '… 2018 年度部门决算'")
        else:
            try:
                disclosure = self._disclosure(year, entity)
            except GovBudgetError as error:
                self.problems.append(f"the disclosure could not be built: {error}")
        report = ImportReport(
            self.source, tuple(self.notes.finish()), tuple(self.found), tuple(self.problems)
        )
        return ReadResult(disclosure, report)

    def _disclosure(self, year: int, entity: Entity | None) -> Disclosure:
        title = self.title_line.text.strip() if self.title_line else ""
        words = clean(title)
        kind = (
            DisclosureKind.BUDGET
            if "预算" in words and "决算" not in words
            else (DisclosureKind.FINAL_ACCOUNTS)
        )
        organisation = join_text(self.overview.get("organisation", []))
        duties = join_text(self.overview.get("duties", []))
        overview = Overview(
            duties=duties,
            organisation=organisation,
            staffing=staffing(organisation or duties),
        )
        sections = [self._finished(section) for section in self.sections]
        statements = dict(self.statements)
        for section in sections:
            if section.topic in ("07", "08", "09"):
                for paragraph in section.text.split("\n\n"):
                    if empty_statement(paragraph):
                        statements.setdefault(section.topic, paragraph.strip())
                        break
        return Disclosure(
            entity=entity or self._entity(title, organisation),
            year=year,
            kind=kind,
            title=title,
            tables=self.tables,
            empty_statements=statements,
            overview=overview,
            narrative=sections,
            other_matters=other_matters(self._other_parts()),
            glossary=[GlossaryEntry(term, text) for term, text in self.glossary],
            attachments=[Attachment(title, join_text(lines)) for title, lines in self.attachments],
            performance_forms=tuple(self.forms),
            source=self.source,
        )

    def _finished(self, section: _OpenSection) -> Section:
        return Section(
            section.heading.number,
            section.heading.title,
            join_text(section.body),
            line=section.line.number,
            topic=section_topic(section.heading.title),
        )

    def _other_parts(self) -> OtherParts:
        parts = OtherParts()
        for section in self.sections:
            for kind, lines in section.items:
                getattr(parts, kind).append(join_text(lines))
            topic = section_topic(section.heading.title)
            kind = item_kind(section.heading.title)
            if topic is None and kind != "other":
                getattr(parts, kind).append(join_text(section.body))
        return parts

    def _entity_name(self, title: str) -> str:
        """The entity's name: before the year, after it, or on the line above the title."""
        found = _YEAR.search(title)
        if found is None:
            return title
        before = title[: found.start()].strip()
        if before:
            return before
        after = re.sub(r"^年度?", "", title[found.end() - 1 :]).strip()
        after = re.sub(r"(部门|单位)?(预算|决算)(公开)?$", "", after).strip()
        if after:
            return after
        above = (
            [x for x in self.lines[: self.title_line.number - 1] if not x.blank]
            if (self.title_line)
            else []
        )
        if above and len(clean(above[-1].text)) <= 30:
            self.notes.read(above[-1], "entity name")
            return above[-1].text.strip()
        return title

    def _entity(self, title: str, organisation: str) -> Entity:
        name = self._entity_name(title)
        region = _REGION_END.match(name)
        prefix = region.group(1) if region else ""

        department = None
        under = re.search(r"为(\S{2,20}?)(?:下属|所属|直属)", clean(organisation))
        if under:
            department = under.group(1)
            if prefix and prefix + department in self.all_text:
                department = prefix + department
        words = clean(organisation)
        kind = None
        if "事业单位" in words:
            kind = UnitKind.INSTITUTION
        elif "行政单位" in words or "行政机关" in words:
            kind = UnitKind.ADMINISTRATIVE
        level = (
            ReportingLevel.UNIT
            if "单位决算" in title or "单位预算" in title
            else (ReportingLevel.DEPARTMENT)
        )
        return Entity(name, department, kind, level, prefix or None)


def _contents_key(text: str) -> str:
    words = clean(text).lstrip("-•·*")
    words = _NUMBERING.sub("", words)
    return re.sub(r"[.…·]*\d*$", "", words)


def _starts_block(lines: list[SourceLine], index: int) -> bool:
    """A heading starts a new part only near the left margin and after a gap.

    Inside a space-aligned table, a spending row's name ("十、节能环保支出")
    can stand alone on a line; it is indented and follows another row.
    """
    text = lines[index].text.expandtabs()
    if len(text) - len(text.lstrip()) > 6:
        return False
    previous = lines[index - 1] if index > 0 else None
    return previous is None or previous.blank or is_page_number(previous)


def _followed_by_value(lines: list[SourceLine], index: int) -> bool:
    """Whether the next line is a lone figure, as a label's is in one-cell-per-line text."""
    if index + 1 >= len(lines):
        return False
    cells = split_cells(lines[index + 1].text)
    return len(cells) == 1 and cells[0].kind is not Kind.TEXT


def _is_report_title(words: str) -> bool:
    return words.endswith("报告") and len(words) <= 40 and not re.search(r"[。，《》]", words)
