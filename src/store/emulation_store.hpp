#pragma once
// An organization's emulation year (migration 0023, core/emulation_records.hpp): its members with
// their files, the departments' ratings, registrations, votes, the proposal and the awards.

#include <map>
#include <optional>
#include <vector>

#include "core/emulation_records.hpp"
#include "store/sql.hpp"

namespace dk::store {

class EmulationStore {
 public:
  explicit EmulationStore(SqlConnection& connection) : connection_(connection) {}

  Result<std::optional<EmulationYearRecord>> year(Id tenant, Id organization, int year);
  // Creates the year, open, unless it exists.
  Status ensure_year(Id tenant, Id organization, int year);
  // Holds the year (its row locked until the transaction ends, on PostgreSQL) if it is at
  // `stage`; false when it is not, so that two officers cannot move it at once.
  Result<bool> hold(Id tenant, Id organization, int year, EmulationStage stage);

  // The organization's members in the year (joined by its end, not left before it), by
  // department then name, with their files, registrations and votes; `person`, when set, only
  // them.
  Result<std::vector<EmulationMember>> members(Id tenant, Id organization, int year,
                                               std::optional<Id> person = std::nullopt);
  // The departments' ratings, registrations and votes (department → what was kept).
  Result<std::map<Id, EmulationUnit>> units(Id tenant, Id organization, int year);
  // Titles awarded to the organization's members before `year`: person → year → titles.
  Result<std::map<Id, std::map<int, std::vector<std::string>>>> earlier_titles(Id tenant,
                                                                               Id organization,
                                                                               int year);

  Status save_self_rating(Id tenant, Id organization, int year, Id person, TaskRating rating,
                          const std::string& note, Instant at);
  Status save_review(Id tenant, Id organization, int year, Id person, const EmulationReview& review,
                     Id by, Instant at);
  // Sends the file back: the review cleared, the reason shown to the member.
  Status return_file(Id tenant, Id organization, int year, Id person, const std::string& reason);
  Status save_unit_rating(Id tenant, Id organization, int year, Id unit, TaskRating rating, Id by,
                          Instant at);
  // Replaces the subject's registered titles.
  Status save_registration(Id tenant, Id organization, int year, EmulationSubject subject,
                           Id subject_id, const std::vector<std::string>& titles, Id by,
                           Instant at);
  // Replaces the year's votes and the council's size.
  Status save_votes(Id tenant, Id organization, int year, std::int64_t council_members,
                    const std::vector<EmulationVote>& votes);

  // Keeps the proposal and moves the year to proposed.
  Status save_proposal(Id tenant, Id organization, int year, const Evaluation& evaluation,
                       CivilDate rules_day, Instant at);
  // Drops the proposal and opens the year again, with the reason.
  Status reopen(Id tenant, Id organization, int year, const std::string& reason);
  Result<std::vector<TitleOutcome>> outcomes(Id tenant, Id organization, int year);
  // Records the awards and moves the year to decided.
  Status decide(Id tenant, Id organization, int year, const EmulationDecision& decision,
                const std::vector<EmulationAward>& awards, Instant at);
  Result<std::vector<EmulationAward>> awards(Id tenant, Id organization, int year);
  // A person's titles over the years, newest first.
  Result<std::vector<EmulationAward>> awards_of_person(Id tenant, Id person);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
