#pragma once
// Attempts at contest rounds, their saved answers, and each entrant's counted attempt per round
// (core/contest_attempt.hpp, core/contest_ranking.hpp).

#include <optional>
#include <vector>

#include "core/contest_attempt.hpp"
#include "core/contest_round.hpp"
#include "store/sql.hpp"

namespace dk::store {

// One line of a round's leaderboard.
struct LeaderboardLine {
  ContestEntry entry;
  std::string full_name;
  std::string unit_name;
  std::string organization;  // of an entrant reported from below (person_id below zero then)
};

class ContestAttemptStore {
 public:
  explicit ContestAttemptStore(SqlConnection& connection) : connection_(connection) {}

  // Records a started attempt (its id given here). A second unfinished attempt of the person in
  // the round, or a second n-th one, is refused as a duplicate (store.duplicate).
  Result<ContestAttempt> start(ContestAttempt attempt);
  Result<std::optional<ContestAttempt>> find(Id tenant, Id id);
  // The person's attempts in the round, first first.
  Result<std::vector<ContestAttempt>> of_person(Id tenant, Id round, Id person);
  // Unfinished attempts of the round whose deadline is before `now`.
  Result<std::vector<ContestAttempt>> expired(Id tenant, Id round, Instant now);

  // Saves answers at their places, replacing what was there.
  Status save_answers(Id tenant, Id attempt, std::span<const SavedAnswer> answers);
  Result<std::vector<SavedAnswer>> answers(Id tenant, Id attempt);
  Status set_prediction(Id tenant, Id attempt, std::optional<std::int64_t> prediction);

  // Finishes the attempt with its marks, unless it is finished already (false then: another
  // request finished it first), and makes it the person's counted attempt when `rule` says so.
  Result<bool> finish(const ContestAttempt& attempt, CountedAttempt rule);

  // Whether organizations below reported entrants of the round (store/contest_report_store.hpp):
  // the figures below count them with the round's own.
  Result<bool> has_reports(Id tenant, Id round);
  // Entrants of the round (one counted attempt each).
  Result<std::int64_t> entrant_count(Id tenant, Id round);
  // Entrants whose counted attempt has every one of `questions` right.
  Result<std::int64_t> perfect_count(Id tenant, Id round, int questions);
  // A page of the leaderboard, best first (core/contest_ranking.hpp's order, measuring predictions
  // against `real_count`).
  Result<std::vector<LeaderboardLine>> leaderboard(Id tenant, Id round, std::int64_t real_count,
                                                   std::int64_t limit, std::int64_t offset);
  // The counted attempt of a person, if they entered.
  Result<std::optional<ContestEntry>> entry(Id tenant, Id round, Id person);
  // Entrants strictly ahead of `entry`.
  Result<std::int64_t> ahead_of(Id tenant, Id round, const ContestEntry& entry,
                                std::int64_t real_count);
  // Whether anyone has started an attempt at the contest (its drawn questions must then stay).
  Result<bool> any_in_contest(Id tenant, Id contest);
  // Those who finished an attempt in any round of the contest.
  Result<std::vector<Id>> participants(Id tenant, Id contest);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
