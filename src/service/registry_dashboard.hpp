#pragma once
// The agency at a glance, for those who run it: its organizations and their members by
// department and by kind, the people who belong to several organizations, as the dashboard shows.

#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "core/registry_statistics.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/organizations.hpp"

namespace dk::service {

struct UnitPeople {
  std::optional<Unit> unit;  // empty: people not placed in a department
  std::int64_t people = 0;
};

struct KindCount {
  OrganizationKind kind{};
  std::int64_t organizations = 0;
  std::int64_t members = 0;  // memberships: someone in two organizations of a kind counts twice
};

struct Dashboard {
  std::int64_t people = 0;
  std::vector<OrganizationSummary> organizations;  // the agency's own, in the registry's order
  std::vector<UnitPeople> units;                   // the departments in Vietnamese order, then none
  std::vector<MemberCount> organization_units;
  std::vector<KindCount> kinds;
  std::int64_t in_several = 0;
  std::vector<PersonInSeveral> in_several_first;
};

inline constexpr std::int64_t kPeopleInSeveralListed = 50;

// Administrators, leadership and officers.
Result<Dashboard> read_dashboard(Connection& connection, const Actor& actor);

}  // namespace dk::service
