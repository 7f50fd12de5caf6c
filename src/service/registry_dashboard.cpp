#include "service/registry_dashboard.hpp"

#include <map>
#include <optional>

#include "service/refusal.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"
#include "store/statistics_store.hpp"

namespace dk::service {

Result<Dashboard> read_dashboard(store::SqlConnection& connection, const Actor& actor) {
  if (!may_read_statistics(actor.principal)) return refuse();
  const Id tenant = actor.principal.tenant;
  store::RegistryStore registry(connection);
  auto statistics =
      store::StatisticsStore(connection).registry_statistics(tenant, kPeopleInSeveralListed);
  if (!statistics) return std::unexpected(statistics.error());
  auto organizations = registry.list_organizations(tenant);
  if (!organizations) return std::unexpected(organizations.error());
  auto units = registry.list_units(tenant);
  if (!units) return std::unexpected(units.error());

  Dashboard dashboard;
  dashboard.people = statistics->people;
  dashboard.in_several = statistics->in_several;
  dashboard.in_several_first = std::move(statistics->in_several_first);
  dashboard.organization_units = statistics->by_organization_and_unit;

  std::map<Id, std::int64_t> members;
  for (const MemberCount& count : statistics->by_organization_and_unit)
    members[count.organization_id] += count.members;
  // Kinds in the order of the closed list, each shown once it has an organization.
  std::map<OrganizationKind, KindCount> kinds;
  for (const Organization& organization : *organizations) {
    if (organization.external) continue;  // a superior outside the agency has no members here
    const std::int64_t count = members[organization.id];
    dashboard.organizations.push_back(OrganizationSummary{organization, count});
    KindCount& kind = kinds[organization.kind];
    kind.kind = organization.kind;
    ++kind.organizations;
    kind.members += count;
  }
  for (auto& [kind, count] : kinds) dashboard.kinds.push_back(count);

  std::map<std::optional<Id>, std::int64_t> people_by_unit;
  for (const UnitCount& count : statistics->by_unit) people_by_unit[count.unit_id] = count.people;
  for (const Unit& unit : *units)
    dashboard.units.push_back(UnitPeople{unit, people_by_unit[unit.id]});
  if (auto none = people_by_unit.find(std::nullopt); none != people_by_unit.end() && none->second)
    dashboard.units.push_back(UnitPeople{std::nullopt, none->second});
  return dashboard;
}

}  // namespace dk::service
