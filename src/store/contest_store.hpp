#pragma once
// Contests and their question banks (core/contest.hpp, core/contest_question.hpp).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/contest.hpp"
#include "core/contest_question.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct ContestSummary {
  Contest contest;
  std::string organization_name;  // empty for the agency's
  std::int64_t questions = 0;
};

class ContestStore {
 public:
  explicit ContestStore(SqlConnection& connection) : connection_(connection) {}

  Result<Contest> create(Contest contest);
  Result<std::optional<ContestSummary>> find(Id tenant, Id id);
  // Newest first.
  Result<std::vector<ContestSummary>> list(Id tenant);

  // Appends the questions (ids given here, after the bank's last); returns them with their ids.
  Result<std::vector<ContestQuestion>> add_questions(Id tenant, Id contest,
                                                     std::vector<ContestQuestion> questions);
  // Empties the bank (before an import that replaces it).
  Status clear_questions(Id tenant, Id contest);
  // The bank in id order, with options and answers (for marking and export, never for entrants).
  Result<std::vector<ContestQuestion>> questions(Id tenant, Id contest);
  // Questions per topic.
  Result<std::map<std::string, std::int64_t>> topics(Id tenant, Id contest);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
