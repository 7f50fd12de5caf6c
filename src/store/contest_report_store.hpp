#pragma once
// Results reported from below for a contest (core/contest_report.hpp): each sender's newest report,
// its organizations' participation and each round's entries.

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/contest_report.hpp"
#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct ReportSummary {
  Id id = 0;
  std::string sent_by;
  std::int64_t people = 0;  // the sender's audience, each person once
  std::int64_t entrants = 0;
  Instant imported_at{};
  std::vector<ReportedGroup> groups;  // in the sender's order
  std::int64_t entries = 0;           // in every round
};

struct NewReport {
  Id tenant_id = 0;
  Id contest_id = 0;
  std::string sender_key;
  std::string sent_by;
  std::int64_t people = 0;
  std::int64_t entrants = 0;
  Instant imported_at{};
  std::vector<ReportedGroup> groups;
  std::vector<std::pair<Id, std::vector<ReportedEntry>>> rounds;  // by the round's id
};

class ContestReportStore {
 public:
  explicit ContestReportStore(SqlConnection& connection) : connection_(connection) {}

  // Stores the report in place of the sender's earlier one, if any (true then).
  Result<bool> replace(const NewReport& report);
  // The contest's reports, by sender.
  Result<std::vector<ReportSummary>> reports(Id tenant, Id contest);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
