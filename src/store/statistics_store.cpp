#include "store/statistics_store.hpp"

namespace dk::store {
namespace {

// People with current memberships in two organizations or more.
constexpr std::string_view kInSeveral =
    "SELECT person_id FROM memberships WHERE tenant_id = $1 AND status <> 'left' "
    "GROUP BY person_id HAVING COUNT(DISTINCT organization_id) > 1";

}  // namespace

Result<RegistryStatistics> StatisticsStore::registry_statistics(Id tenant,
                                                                std::int64_t people_listed) {
  RegistryStatistics statistics;
  const SqlValue params[] = {tenant};

  auto people = query_integer(connection_,
                              "SELECT COUNT(DISTINCT person_id) FROM memberships "
                              "WHERE tenant_id = $1 AND status <> 'left'",
                              params);
  if (!people) return std::unexpected(people.error());
  statistics.people = people->value_or(0);

  // People in no department last within each organization, on both engines (see people_by_unit).
  auto counts = query_all(
      connection_,
      "SELECT m.organization_id, p.unit_id, COUNT(*) FROM memberships m "
      "JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id "
      "WHERE m.tenant_id = $1 AND m.status <> 'left' "
      "GROUP BY m.organization_id, p.unit_id ORDER BY m.organization_id, p.unit_id IS NULL, "
      "p.unit_id",
      params, [](const SqlRow& row) {
        return MemberCount{row.integer(0),
                           row.is_null(1) ? std::nullopt : std::optional<Id>(row.integer(1)),
                           row.integer(2)};
      });
  if (!counts) return std::unexpected(counts.error());
  statistics.by_organization_and_unit = std::move(*counts);

  auto units = TRY(people_by_unit(tenant));
  statistics.by_unit = std::move(units);

  auto several = TRY(query_integer(
      connection_, "SELECT COUNT(*) FROM (" + std::string(kInSeveral) + ") s", params));
  statistics.in_several = several.value_or(0);

  const SqlValue listed_params[] = {tenant, people_listed};
  auto status = connection_.query(
      "SELECT p.id, p.full_name, o.code FROM persons p "
      "JOIN memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id "
      "AND m.status <> 'left' "
      "JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id "
      "WHERE p.tenant_id = $1 AND p.id IN (SELECT f.id FROM persons f WHERE f.tenant_id = $1 "
      "AND f.id IN (" +
          std::string(kInSeveral) +
          ") ORDER BY f.sort_key, f.id LIMIT $2) "
          "ORDER BY p.sort_key, p.id, o.sort_key, o.id",
      listed_params, [&](const SqlRow& row) -> Status {
        const Id id = row.integer(0);
        if (statistics.in_several_first.empty() ||
            statistics.in_several_first.back().person_id != id) {
          statistics.in_several_first.push_back(PersonInSeveral{id, row.text(1), {}});
        }
        statistics.in_several_first.back().organization_codes.push_back(row.text(2));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return statistics;
}

Result<std::map<Id, std::int64_t>> StatisticsStore::members_by_organization(Id tenant) {
  const SqlValue params[] = {tenant};
  std::map<Id, std::int64_t> members;
  auto status = connection_.query(
      "SELECT organization_id, COUNT(*) FROM memberships WHERE tenant_id = $1 AND status <> "
      "'left' GROUP BY organization_id",
      params, [&](const SqlRow& row) -> Status {
        members[row.integer(0)] = row.integer(1);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return members;
}

Result<std::vector<UnitCount>> StatisticsStore::people_by_unit(Id tenant) {
  const SqlValue params[] = {tenant};
  // A person in two organizations is one person of their department, not two. People in no
  // department come last on both engines (SQLite sorts NULL first, PostgreSQL last).
  return query_all(connection_,
                   "SELECT p.unit_id, COUNT(DISTINCT p.id) FROM persons p "
                   "JOIN memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id "
                   "WHERE p.tenant_id = $1 AND m.status <> 'left' GROUP BY p.unit_id "
                   "ORDER BY p.unit_id IS NULL, p.unit_id",
                   params, [](const SqlRow& row) {
                     return UnitCount{
                         row.is_null(0) ? std::nullopt : std::optional<Id>(row.integer(0)),
                         row.integer(1)};
                   });
}

}  // namespace dk::store
