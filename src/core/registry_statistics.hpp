#pragma once
// Counts over the registry that the leadership's dashboard shows.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"

namespace dk {

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

}  // namespace dk
