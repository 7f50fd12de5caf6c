#pragma once
// Counts over the registry for the leadership's dashboard: current members by organization and
// department, and the people who belong to several organizations. Aggregates only, computed by
// the engine, so that a province's registry is not carried into the process to be counted.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "core/registry_statistics.hpp"
#include "store/sql.hpp"

namespace dk::store {

class StatisticsStore {
 public:
  explicit StatisticsStore(SqlConnection& connection) : connection_(connection) {}

  Result<RegistryStatistics> registry_statistics(Id tenant, std::int64_t people_listed);
  // Current members of each organization that has any.
  Result<std::map<Id, std::int64_t>> members_by_organization(Id tenant);
  // People with a current membership, by department.
  Result<std::vector<UnitCount>> people_by_unit(Id tenant);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
