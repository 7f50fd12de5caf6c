#include "service/plans.hpp"

#include <fmt/format.h>

#include <optional>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/plan_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

bool may_plan_for(const Actor& actor, Id organization) {
  return actor.principal.administrator || may_manage_organization(actor.principal, organization);
}

std::unexpected<Error> plan_not_found(Id id) {
  return fail(ErrorKind::not_found, "plan.not_found",
              fmt::format("Không có kế hoạch mang mã {}.", id),
              fmt::format("There is no plan {}.", id));
}

Result<PlanRecord> record_of(store::PlanStore& plans, Plan plan) {
  PlanRecord record;
  auto programmes = plans.programmes(plan.tenant_id, plan.id);
  if (!programmes) return std::unexpected(programmes.error());
  record.programmes = std::move(*programmes);
  auto progress = plans.progress(plan);
  if (!progress) return std::unexpected(progress.error());
  record.progress = std::move(*progress);
  record.plan = std::move(plan);
  return record;
}

Result<Plan> existing_plan(store::PlanStore& plans, const Actor& actor, Id id) {
  auto found = TRY(plans.find(actor.principal.tenant, id));
  if (!found) return plan_not_found(id);
  return std::move(*found);
}

}  // namespace

Result<PlanRecord> create_plan(store::SqlConnection& connection, const Actor& actor, Plan plan) {
  plan.tenant_id = actor.principal.tenant;
  plan.title = normalize_text(plan.title);
  plan.note = normalize_text(plan.note);
  TRY(validate_plan(plan));
  if (!may_plan_for(actor, plan.organization_id)) return refuse();
  auto organization = TRY(store::RegistryStore(connection)
                              .find_organization_by_id(plan.tenant_id, plan.organization_id));
  if (!organization || organization->external) {
    return fail(ErrorKind::invalid_input, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", plan.organization_id),
                fmt::format("There is no organization {} in the agency.", plan.organization_id),
                Location{0, "organization_id"});
  }
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<PlanRecord> {
    auto same_year = TRY(plans.list(plan.tenant_id, plan.organization_id, plan.year));
    if (!same_year.empty()) {
      return fail(ErrorKind::conflict, "plan.year_taken",
                  fmt::format("{} đã có kế hoạch năm {}.", organization->name, plan.year),
                  fmt::format("{} already has a plan for {}.", organization->name, plan.year),
                  Location{0, "year"});
    }
    auto created = TRY(plans.create(plan));
    TRY(record_audit(connection, actor, "create", "plan", created.id, "{}"));
    return record_of(plans, std::move(created));
  });
}

Result<PlanRecord> update_plan(store::SqlConnection& connection, const Actor& actor, Id id,
                               Plan changes) {
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<PlanRecord> {
    auto plan = TRY(existing_plan(plans, actor, id));
    if (!may_plan_for(actor, plan.organization_id)) return refuse();
    plan.title = normalize_text(changes.title);
    plan.note = normalize_text(changes.note);
    plan.activity_targets = std::move(changes.activity_targets);
    plan.participation_target = changes.participation_target;
    plan.reach_target = changes.reach_target;
    TRY(validate_plan(plan));
    TRY(plans.update(plan));
    TRY(record_audit(connection, actor, "update", "plan", id, "{}"));
    return record_of(plans, std::move(plan));
  });
}

Result<PlanRecord> read_plan(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::PlanStore plans(connection);
  auto plan = TRY(existing_plan(plans, actor, id));
  return record_of(plans, std::move(plan));
}

Result<std::vector<PlanRecord>> list_plans(store::SqlConnection& connection, const Actor& actor,
                                           std::optional<Id> organization,
                                           std::optional<int> year) {
  store::PlanStore plans(connection);
  auto listed = TRY(plans.list(actor.principal.tenant, organization, year));
  std::vector<PlanRecord> records;
  for (Plan& plan : listed) {
    auto record = TRY(record_of(plans, std::move(plan)));
    records.push_back(std::move(record));
  }
  return records;
}

Result<Programme> add_programme(store::SqlConnection& connection, const Actor& actor, Id plan_id,
                                Programme programme) {
  programme.plan_id = plan_id;
  programme.title = normalize_text(programme.title);
  programme.description = normalize_text(programme.description);
  TRY(validate_programme(programme));
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<Programme> {
    auto plan = TRY(existing_plan(plans, actor, plan_id));
    if (!may_plan_for(actor, plan.organization_id)) return refuse();
    auto added = plans.add_programme(actor.principal.tenant, programme);
    if (!added) return added;
    TRY(record_audit(connection, actor, "create", "programme", added->id, "{}"));
    return added;
  });
}

}  // namespace dk::service
