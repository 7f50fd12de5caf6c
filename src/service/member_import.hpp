#pragma once
// Importing a member list from the office's CSV or XLSX file: every row checked, every bad row
// reported with its line, column and reason, and by default all or nothing.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/member_query.hpp"
#include "io/table_reader.hpp"
#include "service/database.hpp"

namespace dk::service {

enum class InvalidRows {
  reject_file,  // atomic: one bad row and nothing is written
  skip,         // write the valid rows, report the rest
};

enum class ImportMode {
  write,
  dry_run,  // do everything, report what would happen, write nothing
};

struct ImportRequest {
  Id tenant = 0;
  std::filesystem::path file;
  std::optional<std::string> organization_code;  // make every row a member of it
  InvalidRows invalid_rows = InvalidRows::reject_file;
  ImportMode mode = ImportMode::write;
  io::ReadOptions read_options;
};

// A line of the file not read as a person, and why: a title above the header row, a total or a
// signature below the rows.
struct SkippedLine {
  std::uint64_t line = 0;
  std::string code;  // "import.title_skipped", "import.closing_skipped"
  Text reason;
};

struct ImportReport {
  ImportCounts counts;
  std::int64_t rows_rejected = 0;
  std::int64_t units_created = 0;
  std::vector<Error> problems;  // the first kMaxReportedProblems, in file order
  std::vector<std::string> ignored_columns;
  std::vector<SkippedLine> skipped;  // the first kMaxReportedProblems
  std::string sheet;     // the worksheet read, as its tab names it, when a workbook has several
  bool written = false;  // false: nothing was saved (a rejected file, or a dry run)
};

inline constexpr size_t kMaxReportedProblems = 1000;

// Fails only when the file cannot be read at all (missing, not a table, no name column, broken
// encoding) or the database fails; bad rows are in the report.
Result<ImportReport> import_members(Connection& connection, const ImportRequest& request,
                                    const Clock& clock);

}  // namespace dk::service
