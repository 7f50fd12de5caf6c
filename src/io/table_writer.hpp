#pragma once
// Writing a table (an exported list) as CSV or XLSX, streaming, so that a million rows do not sit
// in memory. Text that a spreadsheet would run as a formula is neutralised.

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace dk::io {

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // The first row written is the header.
  virtual Status write_row(const std::vector<std::string>& cells) = 0;
  // Flushes and closes; nothing is complete until it returns success.
  virtual Status finish() = 0;
};

// CSV as Excel opens it correctly in Vietnamese: UTF-8 with a BOM, comma, CRLF, RFC 4180 quoting.
std::unique_ptr<TableWriter> make_csv_writer(std::ostream& out);

// XLSX with a bold, frozen header row; every cell is written as text, never as a formula.
Result<std::unique_ptr<TableWriter>> make_xlsx_writer(const std::filesystem::path& path,
                                                      std::string_view sheet_name);

// A cell that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, so that a
// spreadsheet shows it as text instead of running it (OWASP's advice against CSV injection).
std::string neutralize_formula(std::string_view cell);

}  // namespace dk::io
