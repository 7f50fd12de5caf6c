#include "service/plans.hpp"

#include <fmt/format.h>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/plan_store.hpp"
#include "store/registry_store.hpp"

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
  auto found = plans.find(actor.principal.tenant, id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return plan_not_found(id);
  return std::move(**found);
}

}  // namespace

Result<PlanRecord> create_plan(store::SqlConnection& connection, const Actor& actor, Plan plan) {
  plan.tenant_id = actor.principal.tenant;
  plan.title = normalize_text(plan.title);
  plan.note = normalize_text(plan.note);
  if (auto valid = validate_plan(plan); !valid) return std::unexpected(valid.error());
  if (!may_plan_for(actor, plan.organization_id)) return refuse();
  auto organization = store::RegistryStore(connection)
                          .find_organization_by_id(plan.tenant_id, plan.organization_id);
  if (!organization) return std::unexpected(organization.error());
  if (!*organization || (*organization)->external) {
    return fail(ErrorKind::invalid_input, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", plan.organization_id),
                fmt::format("There is no organization {} in the agency.", plan.organization_id),
                Location{0, "organization_id"});
  }
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<PlanRecord> {
    auto same_year = plans.list(plan.tenant_id, plan.organization_id, plan.year);
    if (!same_year) return std::unexpected(same_year.error());
    if (!same_year->empty()) {
      return fail(ErrorKind::conflict, "plan.year_taken",
                  fmt::format("{} đã có kế hoạch năm {}.", (*organization)->name, plan.year),
                  fmt::format("{} already has a plan for {}.", (*organization)->name, plan.year),
                  Location{0, "year"});
    }
    auto created = plans.create(plan);
    if (!created) return std::unexpected(created.error());
    auto audited = record_audit(connection, actor, "create", "plan", created->id, "{}");
    if (!audited) return std::unexpected(audited.error());
    return record_of(plans, std::move(*created));
  });
}

Result<PlanRecord> update_plan(store::SqlConnection& connection, const Actor& actor, Id id,
                               Plan changes) {
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<PlanRecord> {
    auto plan = existing_plan(plans, actor, id);
    if (!plan) return std::unexpected(plan.error());
    if (!may_plan_for(actor, plan->organization_id)) return refuse();
    plan->title = normalize_text(changes.title);
    plan->note = normalize_text(changes.note);
    plan->activity_targets = std::move(changes.activity_targets);
    plan->participation_target = changes.participation_target;
    plan->reach_target = changes.reach_target;
    if (auto valid = validate_plan(*plan); !valid) return std::unexpected(valid.error());
    if (auto updated = plans.update(*plan); !updated) return std::unexpected(updated.error());
    auto audited = record_audit(connection, actor, "update", "plan", id, "{}");
    if (!audited) return std::unexpected(audited.error());
    return record_of(plans, std::move(*plan));
  });
}

Result<PlanRecord> read_plan(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::PlanStore plans(connection);
  auto plan = existing_plan(plans, actor, id);
  if (!plan) return std::unexpected(plan.error());
  return record_of(plans, std::move(*plan));
}

Result<std::vector<PlanRecord>> list_plans(store::SqlConnection& connection, const Actor& actor,
                                           std::optional<Id> organization,
                                           std::optional<int> year) {
  store::PlanStore plans(connection);
  auto listed = plans.list(actor.principal.tenant, organization, year);
  if (!listed) return std::unexpected(listed.error());
  std::vector<PlanRecord> records;
  for (Plan& plan : *listed) {
    auto record = record_of(plans, std::move(plan));
    if (!record) return std::unexpected(record.error());
    records.push_back(std::move(*record));
  }
  return records;
}

Result<Programme> add_programme(store::SqlConnection& connection, const Actor& actor, Id plan_id,
                                Programme programme) {
  programme.plan_id = plan_id;
  programme.title = normalize_text(programme.title);
  programme.description = normalize_text(programme.description);
  if (auto valid = validate_programme(programme); !valid) return std::unexpected(valid.error());
  store::PlanStore plans(connection);
  return store::in_transaction(connection, [&]() -> Result<Programme> {
    auto plan = existing_plan(plans, actor, plan_id);
    if (!plan) return std::unexpected(plan.error());
    if (!may_plan_for(actor, plan->organization_id)) return refuse();
    auto added = plans.add_programme(actor.principal.tenant, programme);
    if (!added) return added;
    auto audited = record_audit(connection, actor, "create", "programme", added->id, "{}");
    if (!audited) return std::unexpected(audited.error());
    return added;
  });
}

}  // namespace dk::service
