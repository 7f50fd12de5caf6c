#pragma once
// Reading a table (a member list) row by row from CSV or XLSX, in constant memory whatever the
// file's size, with every problem located by line.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace dk::io {

struct TableRow {
  std::vector<std::string> cells;  // UTF-8, as in the file (not yet normalized)
  std::uint64_t line = 0;  // CSV: the physical line where the record starts; XLSX: row number
};

class TableReader {
 public:
  virtual ~TableReader() = default;
  // Reads the next row into `row`. Returns false at the end of the table. Malformed input (bytes
  // that are not UTF-8, an unterminated quote, a row past the size limit, a broken XLSX) is an
  // error of kind invalid_input whose location names the line.
  virtual Result<bool> next(TableRow& row) = 0;
  // The worksheet's name as its tab shows it, when the workbook has several; empty for CSV.
  virtual std::string sheet_name() const { return {}; }
};

// How long an upload (a member list, a bank statement) may take to read, inside the 30 s the
// server gives a request: a file that takes longer is refused, and the thread serves others.
inline constexpr std::chrono::seconds kUploadReadTime{20};

struct ReadOptions {
  // "utf-8" (the default; a UTF-8 BOM is skipped) or any encoding ICU converts from, such as
  // "windows-1258" that older Vietnamese office machines save CSV in.
  std::string encoding = "utf-8";
  // A row longer than this is refused rather than buffered: a file with no line breaks must not
  // eat the machine's memory.
  std::size_t max_row_bytes = 1 << 20;
  // When reading must be over: an upload is read while its sender waits and holds one of the
  // server's request threads; a command-line import has none and may take its time. Past it,
  // next() fails with "import.too_slow".
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // Whether a row is the table's header. A workbook's list is often not on its first sheet (a
  // cover, instructions or a summary come first): given this, the first worksheet in tab order
  // with a header among its first kHeaderSearchRows rows that are not blank is read, and only it;
  // without it, or when no sheet has one, the first worksheet.
  std::function<bool(const std::vector<std::string>& cells)> is_header;
};

// How far down a sheet its header is looked for, past a title and a reference line.
inline constexpr int kHeaderSearchRows = 15;

// Opens a CSV or XLSX file; which one is told by its first bytes (an XLSX is a ZIP), not its name.
Result<std::unique_ptr<TableReader>> open_table(const std::filesystem::path& path,
                                                const ReadOptions& options = {});

// Reads CSV from a stream: comma or semicolon (detected from the first line), CRLF or LF,
// RFC 4180 quotes with doubled quotes and line breaks inside quoted fields.
std::unique_ptr<TableReader> open_csv(std::unique_ptr<std::istream> in,
                                      const ReadOptions& options = {});

}  // namespace dk::io
