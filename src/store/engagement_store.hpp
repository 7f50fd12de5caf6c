#pragma once
// The engagement summary (migration 0010, core/engagement_facts.hpp): rebuilding the rows of the
// people the triggers marked, and the aggregates the measures are computed from. Reads take one
// year's totals (engagement_cells, migration 0012), which each rebuild adjusts by the difference
// its people make, so that a dashboard over a million members reads a few thousand rows.

#include <optional>
#include <string>
#include <vector>

#include "core/engagement_measures.hpp"
#include "core/engagement_records.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct EngagementFilter {
  std::optional<Id> organization;
  std::optional<Id> unit;
};

class EngagementStore {
 public:
  explicit EngagementStore(SqlConnection& connection) : connection_(connection) {}

  // Marks everyone when the rows were built for another year or first year (a new year began, or
  // records older than the first year were added); call in a transaction, before the batches.
  Status prepare(Id tenant, CivilDate today);
  // Rebuilds the rows of up to `limit` marked people and clears their marks, unless marked again
  // since they were read. Returns how many people it rebuilt (0: nothing is left to do). Call
  // each in its own transaction.
  Result<std::int64_t> rebuild_batch(Id tenant, CivilDate today, std::int64_t limit);

  // How many people are marked and wait for their rows to be rebuilt.
  Result<std::int64_t> marked(Id tenant);
  // After many rows were rebuilt: PostgreSQL's planner learns the table's new size (it would
  // otherwise walk a million rows in key order, not hash them); SQLite needs nothing.
  Status settle();

  // One year's members grouped by organization, department and counts, for core::fold_cells:
  // the totals the rebuilds keep (a few thousand rows for a million members).
  Result<std::vector<EngagementCell>> cells(Id tenant, int year, const EngagementFilter& filter);
  // The year's current members gone quiet by organization and department: their last
  // attendance, and their joining, came before `quiet_before` (days since 1970).
  Result<std::vector<EngagementQuiet>> quiet(Id tenant, int year, const EngagementFilter& filter,
                                             long quiet_before);
  // The people behind a number, by department then name, one line per organization.
  Result<std::vector<EngagementPerson>> people(Id tenant, int year, const EngagementFilter& filter,
                                               EngagementCrowd crowd,
                                               std::optional<ActivityKind> kind, long quiet_before,
                                               std::int64_t limit, std::int64_t offset);
  // One person's facts across organizations, one per activity or club session, for their score.
  Result<std::vector<EngagementFact>> facts_of_person(Id tenant, Id person);

  // Pairs of organizations that organized activities together in the year (not cancelled).
  Result<std::vector<CoordinationPair>> coordination(Id tenant, int year);
  Result<std::vector<JointActivity>> joint_activities(Id tenant, int year, Id first, Id second);

  // The invitations of a person to published activities that start after `now` and that they
  // have not registered for, soonest first.
  Result<std::vector<Invitation>> invitations_of(Id tenant, Id person, Instant now);
  // Records invitations (kept if already there); returns how many were new.
  Result<std::int64_t> invite(Id tenant, Id activity, const std::vector<Id>& people,
                              std::optional<Id> invited_by, Instant at);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
