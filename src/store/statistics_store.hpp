#pragma once
// Counts over the registry for the leadership's dashboard: current members by organization and
// department, and the people who belong to several organizations. Aggregates only, computed by
// the engine, so that a province's registry is not carried into the process to be counted.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct MemberCount {
  Id organization_id = 0;
  std::optional<Id> unit_id;  // empty: people not placed in a department
  std::int64_t members = 0;
};

struct UnitCount {
  std::optional<Id> unit_id;
  std::int64_t people = 0;  // people with a current membership in at least one organization
};

struct PersonInSeveral {
  Id person_id = 0;
  std::string full_name;
  std::vector<std::string> organization_codes;  // in the organizations' order
};

struct RegistryStatistics {
  std::int64_t people = 0;  // with a current membership anywhere in the agency
  std::vector<MemberCount> by_organization_and_unit;
  std::vector<UnitCount> by_unit;
  std::int64_t in_several = 0;  // people with current memberships in two organizations or more
  std::vector<PersonInSeveral> in_several_first;  // the first of them in name order
};

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
