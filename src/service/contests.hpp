#pragma once
// Online contests as the web service offers them (issue 17): an organization's officers (or, for
// the agency, administrators and the leadership) create a contest and fill its question bank from
// the organizers' Excel file (core/contest_bank_row.hpp) — checked whole, every bad row reported
// by line and column, and all or nothing — and take it back out in the same layout.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/contest.hpp"
#include "core/contest_question.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct ContestView {
  Contest contest;
  std::string organization_name;
  std::int64_t questions = 0;
  std::map<std::string, std::int64_t> topics;  // questions per topic, for the round's quotas
  bool may_run = false;
};

Result<ContestView> create_contest(Connection& connection, const Actor& actor, Contest contest);
// Those the actor runs.
Result<std::vector<ContestView>> list_contests(Connection& connection, const Actor& actor);
Result<ContestView> read_contest(Connection& connection, const Actor& actor, Id id);

enum class BankImportMode { preview, append, replace };

struct BankImport {
  std::string content;  // CSV or XLSX, told apart by their first bytes
  std::string file_name;
  BankImportMode mode = BankImportMode::preview;
};

struct BankImportReport {
  std::int64_t rows = 0;        // question rows read (blank rows not counted)
  std::int64_t accepted = 0;    // of them, those that are well formed
  std::vector<Error> problems;  // every problem, by line and column (at most kMaxReportedProblems)
  std::map<std::string, std::int64_t> topics;  // of the rows accepted
  bool written = false;                        // only when every row was good and the mode writes
};

// Fails only when the file cannot be read as a table or has no bank header; bad rows are in the
// report and nothing is written then.
Result<BankImportReport> import_question_bank(Connection& connection, const Actor& actor, Id id,
                                              const BankImport& upload);

struct BankFile {
  std::string file_name;  // "ngan-hang-cau-hoi-12.xlsx"
  std::string content;
};
// The bank as XLSX in the layout the import reads.
Result<BankFile> export_question_bank(Connection& connection, const Actor& actor, Id id);

}  // namespace dk::service
