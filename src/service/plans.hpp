#pragma once
// Year plans as the web service offers them: an organization's officers (and administrators) set
// the targets and programmes; everyone in the agency reads them with their progress.

#include <optional>
#include <vector>

#include "core/plan.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct PlanRecord {
  Plan plan;
  std::vector<Programme> programmes;
  PlanProgress progress;
};

Result<PlanRecord> create_plan(Connection& connection, const Actor& actor, Plan plan);
// Changes the title, note and targets; the organization and year stay.
Result<PlanRecord> update_plan(Connection& connection, const Actor& actor, Id id, Plan changes);
Result<PlanRecord> read_plan(Connection& connection, const Actor& actor, Id id);
Result<std::vector<PlanRecord>> list_plans(Connection& connection, const Actor& actor,
                                           std::optional<Id> organization, std::optional<int> year);
Result<Programme> add_programme(Connection& connection, const Actor& actor, Id plan,
                                Programme programme);

}  // namespace dk::service
