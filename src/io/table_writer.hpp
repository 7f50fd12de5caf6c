#pragma once
// Writing a table (an exported list) as CSV or XLSX, streaming, so that a million rows do not sit
// in memory. Each cell has its kind (io/table_cell.hpp): the XLSX holds numbers and dates a
// spreadsheet can add up and sort, the CSV writes them so that Excel reads them back as such.
// Text that a spreadsheet would run as a formula is neutralised.

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "io/table_cell.hpp"

namespace dk::io {

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // The first row written is the header (text cells, see text_cells).
  virtual Status write_row(const std::vector<Cell>& cells) = 0;
  // Flushes and closes; nothing is complete until it returns success.
  virtual Status finish() = 0;
};

// CSV as Excel opens it correctly in Vietnamese: UTF-8 with a BOM, comma, CRLF, RFC 4180 quoting.
// CSV has no types, so a cell is what Excel will guess from its text: an integer is its digits,
// money is its whole đồng without grouping ("8000000", which every locale reads as that number,
// where "8.000.000" is text to an English Excel and "1.500" is one and a half), a date is
// dd/mm/yyyy as a Vietnamese Excel reads dates (and as the import reads them back).
std::unique_ptr<TableWriter> make_csv_writer(std::ostream& out);

// XLSX with a bold, frozen header row and columns as wide as their content (within bounds).
// Integers are numbers; money is a number of đồng shown "#,##0" (8.000.000 in a Vietnamese
// Excel or LibreOffice); a date is a serial day number shown dd/mm/yyyy. Text is always a string
// cell, never a formula. A number Excel cannot hold to the unit (15 digits and more), or a date it
// cannot show (before 1 March 1900), is written as its text instead, so that nothing is altered.
Result<std::unique_ptr<TableWriter>> make_xlsx_writer(const std::filesystem::path& path,
                                                      std::string_view sheet_name);

// A cell that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, so that a
// spreadsheet shows it as text instead of running it (OWASP's advice against CSV injection).
std::string neutralize_formula(std::string_view cell);

}  // namespace dk::io
