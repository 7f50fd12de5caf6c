#pragma once
// Contests and their question banks (core/contest.hpp, core/contest_question.hpp).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/contest.hpp"
#include "core/contest_participation.hpp"
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
  // Who may enter (core/contest.hpp), sorted: current members.
  Result<std::vector<Id>> audience_people(const Contest& contest);
  Result<bool> in_audience(const Contest& contest, Id person);
  // Each person of the audience, by department then name, and whether they finished an attempt.
  Result<std::vector<ParticipantRow>> participant_rows(const Contest& contest);
  // Each organization of the agency with people in the audience: its people there and entrants.
  Result<std::vector<ParticipationGroup>> organization_rows(const Contest& contest);
  // Notes a reminder to each of `people` at `at`.
  Status note_reminders(const Contest& contest, std::span<const Id> people, Instant at);
  // Those reminded since `since`.
  Result<std::vector<Id>> reminded_since(const Contest& contest, Instant since);

  // The contest's launch key: the one it has, or `drawn` stored now.
  Result<std::string> launch_key(Id tenant, Id id, const std::string& drawn);
  // The contest's launch key, if it was ever sent down.
  Result<std::optional<std::string>> find_launch_key(Id tenant, Id id);
  // The copies of the contest whose launch key is `key` made by other agencies of this
  // installation: (agency, contest).
  Result<std::vector<std::pair<Id, Id>>> copies_elsewhere(Id tenant, const std::string& key);
  // The agency's copy of the contest whose launch key is `key`.
  Result<std::optional<Id>> copy_of(Id tenant, const std::string& key);

  // Appends the questions (ids given here, after the bank's last); returns them with their ids.
  Result<std::vector<ContestQuestion>> add_questions(Id tenant, Id contest,
                                                     std::vector<ContestQuestion> questions);
  // Empties the bank (before an import that replaces it).
  Status clear_questions(Id tenant, Id contest);
  // The bank in id order, with options and answers (for marking and export, never for entrants).
  Result<std::vector<ContestQuestion>> questions(Id tenant, Id contest);
  // Those of `ids` (an attempt's draw), in id order.
  Result<std::vector<ContestQuestion>> questions(Id tenant, Id contest, std::span<const Id> ids);
  // Questions per topic.
  Result<std::map<std::string, std::int64_t>> topics(Id tenant, Id contest);

 private:
  Result<std::vector<ContestQuestion>> read_questions(Id tenant, Id contest,
                                                      std::string_view where);
  Status read_audience(Contest& contest);

  SqlConnection& connection_;
};

}  // namespace dk::store
