"""A workbook of plain sheets, written straight as XLSX (Office Open XML SpreadsheetML).

Plain data in, a file out: each sheet a bold header row and rows of text and numbers,
nothing else (no formulas, no formats, no shared strings). A text that begins as a formula
does (``=``, ``+``, ``-``, ``@``) is written after an apostrophe, so that it stays text
should someone edit the cell. Written directly, a county's
workbook of 25,000 cells takes a few tens of milliseconds, where building openpyxl's
cell objects and serialising them one by one took half a second. Excel, LibreOffice and
openpyxl read it; ``pos.month.export`` keeps openpyxl for the auditor's richer workbook.
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Value = str | int | float | None

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# What XML 1.0 cannot hold (control characters other than tab, line feed, carriage return).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLAIN = re.compile('[^&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*')
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
_FORMULA = ("=", "+", "-", "@")  # what a spreadsheet takes for the start of a formula

STYLES = (
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>")


@dataclass(frozen=True)
class Sheet:
    title: str  # at most 31 characters, none of []:*?/\
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]


def _column(n: int) -> str:
    """The letters of the ``n``-th column (0 = A)."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    if value[:1] in _FORMULA:  # kept as the text it is, should someone edit the cell later
        value = "'" + value
    if _PLAIN.fullmatch(value):  # most texts: nothing to escape or replace
        return value
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
    return _escape(value)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _sheet_xml(sheet: Sheet) -> str:
    width = max([len(sheet.header), *(len(row) for row in sheet.rows)] or [0])
    columns = [_column(n) for n in range(width)]
    parts = [HEAD, f'<worksheet xmlns="{MAIN}"><sheetData>']
    append = parts.append
    for number, (row, style) in enumerate(((sheet.header, ' s="1"'),
                                           *((row, "") for row in sheet.rows)), start=1):
        append(f'<row r="{number}">')
        for column, value in zip(columns, row, strict=False):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                append(f'<c r="{column}{number}" t="inlineStr"{style}><is><t xml:space="preserve">'
                       f"{_text(value)}</t></is></c>")
            elif kind is int or (kind is float and math.isfinite(value)):
                append(f'<c r="{column}{number}"{style}><v>{value!r}</v></c>')
            elif kind is bool:
                append(f'<c r="{column}{number}" t="b"{style}><v>{int(value)}</v></c>')
            else:  # a number of another type (an enum member, a Decimal): its text
                append(f'<c r="{column}{number}" t="inlineStr"{style}><is><t xml:space="preserve">'
                       f"{_text(str(value))}</t></is></c>")
        append("</row>")
    append("</sheetData></worksheet>")
    return "".join(parts)


def write(path: Path, sheets: Iterable[Sheet]) -> None:
    """Write ``sheets`` as one workbook at ``path`` (replaced whole, never left half-written)."""
    sheets = list(sheets)
    if not sheets:
        raise ValueError("a workbook needs a sheet")
    for sheet in sheets:
        if not sheet.title or len(sheet.title) > 31 or _NOT_IN_TITLE.search(sheet.title):
            raise ValueError(f"not a sheet title: {sheet.title!r}")
    if len({sheet.title.casefold() for sheet in sheets}) != len(sheets):
        raise ValueError("two sheets with one title")
    count = len(sheets)
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{TYPES}.worksheet+xml"/>'
                    for n in range(1, count + 1))
    parts = {
        "[Content_Types].xml": (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{TYPES}.styles+xml"/>{types}</Types>'),
        "_rels/.rels": (
            f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": (
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            + "".join(f'<sheet name="{_escape(sheet.title)}" sheetId="{n}" r:id="rId{n}"/>'
                      for n, sheet in enumerate(sheets, start=1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            + "".join(f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" '
                      f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, count + 1))
            + f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
            "</Relationships>"),
        "xl/styles.xml": HEAD + STYLES,
    }
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, text in parts.items():
                archive.writestr(name, text.encode("utf-8"))
            for n, sheet in enumerate(sheets, start=1):
                archive.writestr(f"xl/worksheets/sheet{n}.xml", _sheet_xml(sheet).encode("utf-8"))
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
