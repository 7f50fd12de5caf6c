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
#include "core/contest_round.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct ContestView {
  Contest contest;
  std::string organization_name;
  std::int64_t questions = 0;
  std::map<std::string, std::int64_t> topics;  // questions per topic, for the round's quotas
  std::vector<ContestRound> rounds;            // by opening time
  bool may_run = false;                        // sees the bank, adds rounds, follows entrants
  bool may_enter = false;                      // in the audience
};

Result<ContestView> create_contest(Connection& connection, const Actor& actor, Contest contest);
// Those the actor runs or may enter.
Result<std::vector<ContestView>> list_contests(Connection& connection, const Actor& actor);
// For those who run it or may enter it; anyone else is told there is no such contest.
Result<ContestView> read_contest(Connection& connection, const Actor& actor, Id id);
// A round with its quotas, checked against the bank as it stands (field-named problems).
Result<ContestView> add_round(Connection& connection, const Actor& actor, Id contest,
                              ContestRound round);

// For the contest's other use cases, inside their transaction: the contest for one who runs it;
// for one who runs it or may enter it. Anyone else is told there is no such contest.
Result<ContestView> contest_run_by(Connection& connection, const Actor& actor, Id id);
Result<ContestView> contest_visible_to(Connection& connection, const Actor& actor, Id id);

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
// report and nothing is written then. Once an attempt has been started the bank may grow but not
// be replaced: attempts keep the questions they drew.
Result<BankImportReport> import_question_bank(Connection& connection, const Actor& actor, Id id,
                                              const BankImport& upload);

struct BankFile {
  std::string file_name;  // "ngan-hang-cau-hoi-12.xlsx"
  std::string content;
};
// The bank as XLSX in the layout the import reads.
Result<BankFile> export_question_bank(Connection& connection, const Actor& actor, Id id);

}  // namespace dk::service
