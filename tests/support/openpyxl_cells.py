"""Prints what openpyxl, a reader we did not write, finds in an XLSX's first sheet, for the C++
tests (tests/support/openpyxl_sheet.hpp) to check: one line per fact, fields separated by tabs.

    freeze  A2
    width   B       14.7109375
    cell    A1      str     General bold    STT
    cell    C2      datetime        dd/mm/yyyy      -       1991-02-02

A cell's type is the Python type openpyxl made of it (int, float, datetime, str, bool), so a
number stored as text shows as str and a date stored as a number shows as datetime only when its
number format is a date's. Backslashes, tabs and line breaks in values are escaped (\\, \t, \n,
\r) so that each fact stays on one line. Usage: openpyxl_cells.py FILE.xlsx
"""

import datetime
import sys

import openpyxl


def escaped(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def shown(value):
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def main(path):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    print(f"freeze\t{sheet.freeze_panes or ''}")
    for letter, dimension in sorted(sheet.column_dimensions.items()):
        if dimension.width:
            print(f"width\t{letter}\t{dimension.width!r}")
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            bold = "bold" if cell.font is not None and cell.font.b else "-"
            print("\t".join(["cell", cell.coordinate, type(cell.value).__name__,
                             escaped(cell.number_format), bold, escaped(shown(cell.value))]))


if __name__ == "__main__":
    main(sys.argv[1])
