#include "store/plan_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/id_counter.hpp"

namespace dk::store {

Result<Plan> PlanStore::create(const Plan& plan) {
  auto id = reserve_ids(connection_, plan.tenant_id, "plans", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {plan.tenant_id,
                             *id,
                             plan.organization_id,
                             std::int64_t{plan.year},
                             plan.title,
                             plan.note,
                             nullable(plan.participation_target),
                             nullable(plan.reach_target)};
  TRY(connection_.execute(
      "INSERT INTO plans (tenant_id, id, organization_id, year, title, note, "
      "participation_target, reach_target) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      params));
  Plan created = plan;
  created.id = *id;
  TRY(write_targets(created));
  return created;
}

Status PlanStore::update(const Plan& plan) {
  const SqlValue params[] = {plan.tenant_id,
                             plan.id,
                             plan.title,
                             plan.note,
                             nullable(plan.participation_target),
                             nullable(plan.reach_target)};
  TRY(connection_.execute(
      "UPDATE plans SET title = $3, note = $4, participation_target = $5, reach_target = $6 "
      "WHERE tenant_id = $1 AND id = $2",
      params));
  const SqlValue keys[] = {plan.tenant_id, plan.id};
  auto removed =
      connection_.execute("DELETE FROM plan_targets WHERE tenant_id = $1 AND plan_id = $2", keys);
  if (!removed) return std::unexpected(removed.error());
  return write_targets(plan);
}

Status PlanStore::write_targets(const Plan& plan) {
  for (const auto& [kind, target] : plan.activity_targets) {
    const SqlValue params[] = {plan.tenant_id, plan.id, std::string(code_of(kind)), target};
    TRY(connection_.execute(
        "INSERT INTO plan_targets (tenant_id, plan_id, kind, activities) VALUES ($1, $2, $3, $4)",
        params));
  }
  return {};
}

Result<std::vector<Plan>> PlanStore::read(std::string_view where, std::vector<SqlValue> params) {
  auto plans = query_all(
      connection_,
      fmt::format("SELECT id, tenant_id, organization_id, year, title, note, "
                  "participation_target, reach_target FROM plans WHERE {} ORDER BY year DESC, "
                  "organization_id, id",
                  where),
      params, [](const SqlRow& row) {
        Plan plan;
        plan.id = row.integer(0);
        plan.tenant_id = row.integer(1);
        plan.organization_id = row.integer(2);
        plan.year = static_cast<int>(row.integer(3));
        plan.title = row.text(4);
        plan.note = row.text(5);
        if (!row.is_null(6)) plan.participation_target = row.integer(6);
        if (!row.is_null(7)) plan.reach_target = row.integer(7);
        return plan;
      });
  if (!plans) return plans;
  for (Plan& plan : *plans) {
    const SqlValue keys[] = {plan.tenant_id, plan.id};
    auto status = connection_.query(
        "SELECT kind, activities FROM plan_targets WHERE tenant_id = $1 AND plan_id = $2", keys,
        [&](const SqlRow& row) -> Status {
          if (auto kind = parse_code<ActivityKind>(row.text(0)))
            plan.activity_targets[*kind] = row.integer(1);
          return {};
        });
    if (!status) return std::unexpected(status.error());
  }
  return plans;
}

Result<std::optional<Plan>> PlanStore::find(Id tenant, Id id) {
  auto plans = TRY(read("tenant_id = $1 AND id = $2", {tenant, id}));
  if (plans.empty()) return std::nullopt;
  return std::move(plans.front());
}

Result<std::vector<Plan>> PlanStore::list(Id tenant, std::optional<Id> organization,
                                          std::optional<int> year) {
  // Room for every parameter up front: growing the vector here trips a false -Wstringop-overflow
  // in g++ 12's <variant> at -O3.
  std::vector<SqlValue> params;
  params.reserve(3);
  params.emplace_back(tenant);
  std::string where = "tenant_id = $1";
  if (organization) {
    params.emplace_back(*organization);
    where += fmt::format(" AND organization_id = ${}", params.size());
  }
  if (year) {
    params.emplace_back(std::int64_t{*year});
    where += fmt::format(" AND year = ${}", params.size());
  }
  return read(where, std::move(params));
}

Result<Programme> PlanStore::add_programme(Id tenant, const Programme& programme) {
  auto id = reserve_ids(connection_, tenant, "programmes", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {tenant, *id, programme.plan_id, programme.title,
                             programme.description};
  TRY(connection_.execute(
      "INSERT INTO programmes (tenant_id, id, plan_id, title, description) VALUES ($1, $2, $3, "
      "$4, $5)",
      params));
  Programme created = programme;
  created.id = *id;
  return created;
}

Result<std::vector<Programme>> PlanStore::programmes(Id tenant, Id plan) {
  const SqlValue params[] = {tenant, plan};
  return query_all(connection_,
                   "SELECT id, plan_id, title, description FROM programmes WHERE tenant_id = $1 "
                   "AND plan_id = $2 ORDER BY id",
                   params, [](const SqlRow& row) {
                     return Programme{row.integer(0), row.integer(1), row.text(2), row.text(3)};
                   });
}

Result<PlanProgress> PlanStore::progress(const Plan& plan) {
  PlanProgress progress;
  std::map<ActivityKind, KindProgress> kinds;
  for (const auto& [kind, target] : plan.activity_targets) kinds[kind] = {kind, target, 0, 0};
  const SqlValue params[] = {plan.tenant_id, plan.id};
  auto counted = connection_.query(
      "SELECT kind, status, COUNT(*) FROM activities WHERE tenant_id = $1 AND plan_id = $2 GROUP "
      "BY kind, status",
      params, [&](const SqlRow& row) -> Status {
        auto kind = parse_code<ActivityKind>(row.text(0));
        if (!kind) return {};
        KindProgress& entry = kinds[*kind];
        entry.kind = *kind;
        if (row.text(1) == "done") entry.held += row.integer(2);
        if (row.text(1) == "published") entry.planned += row.integer(2);
        return {};
      });
  if (!counted) return std::unexpected(counted.error());
  for (auto& [kind, entry] : kinds) progress.kinds.push_back(entry);

  const SqlValue organization[] = {plan.tenant_id, plan.organization_id, plan.id};
  auto members = query_integer(connection_,
                               "SELECT COUNT(*) FROM memberships WHERE tenant_id = $1 AND "
                               "organization_id = $2 AND status <> 'left'",
                               std::span(organization, 2));
  if (!members) return std::unexpected(members.error());
  progress.members = members->value_or(0);
  // Members of the organization who came (on time or late) to at least one of the plan's
  // activities.
  auto reached = query_integer(
      connection_,
      "SELECT COUNT(DISTINCT t.person_id) FROM attendance t JOIN activities a ON a.tenant_id = "
      "t.tenant_id AND a.id = t.activity_id WHERE t.tenant_id = $1 AND a.plan_id = $3 AND t.state "
      "IN ('present', 'late') AND EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = "
      "t.tenant_id AND m.person_id = t.person_id AND m.organization_id = $2 AND m.status <> "
      "'left')",
      organization);
  if (!reached) return std::unexpected(reached.error());
  progress.reached = reached->value_or(0);
  progress.participation_percent =
      progress.members > 0 ? progress.reached * 100 / progress.members : 0;
  return progress;
}

}  // namespace dk::store
