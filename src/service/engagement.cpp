#include "service/engagement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "core/access.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/activity_store.hpp"
#include "store/engagement_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// People rebuilt per transaction: small enough that a check-in waits little for SQLite's writer,
// large enough that a full rebuild of a million members takes a thousand transactions.
constexpr std::int64_t kRebuildBatch = 1000;
// A rebuild of this many people changes the table enough for PostgreSQL to re-plan.
constexpr std::int64_t kSettleAfter = 10000;
constexpr long kNeverQuiet = std::numeric_limits<int>::min();

bool sees_every_organization(const Principal& principal) {
  return principal.administrator || principal.leadership;
}

// The organizations the actor may measure, in the registry's order, restricted to the one asked
// for; a refusal when they may see none of them.
Result<std::vector<Organization>> organizations_for(Connection& connection, const Actor& actor,
                                                    std::optional<Id> asked) {
  const Principal& principal = actor.principal;
  if (!sees_every_organization(principal) && !principal.is_officer()) return refuse();
  auto all = TRY(store::RegistryStore(connection).list_organizations(principal.tenant));
  std::vector<Organization> shown;
  for (Organization& organization : all) {
    if (organization.external) continue;
    if (asked && organization.id != *asked) continue;
    if (!sees_every_organization(principal) && !principal.is_officer_of(organization.id)) continue;
    shown.push_back(std::move(organization));
  }
  if (asked && shown.empty()) {
    if (!sees_every_organization(principal)) return refuse();
    return fail(ErrorKind::not_found, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", *asked),
                fmt::format("There is no organization {} in the agency.", *asked),
                Location{0, "organization"});
  }
  return shown;
}

Status check_query(const EngagementQuery& query) {
  if (query.year < 2000 || query.year > 2100) {
    return fail(ErrorKind::invalid_input, "engagement.year_out_of_range",
                "Năm phải từ 2000 đến 2100.", "The year must be between 2000 and 2100.",
                Location{0, "year"});
  }
  if (query.quiet_days < 7 || query.quiet_days > kMostQuietDays) {
    return fail(ErrorKind::invalid_input, "engagement.quiet_days_out_of_range",
                "Số ngày không tham gia phải từ 7 đến 730.",
                "The number of quiet days must be between 7 and 730.", Location{0, "quiet_days"});
  }
  return {};
}

long quiet_before(const EngagementQuery& query, CivilDate today) {
  if (query.year != today.year) return kNeverQuiet;
  return days_from_civil(today) - query.quiet_days;
}

template <class Row>
std::vector<Row> of_organization(const std::vector<Row>& rows, Id organization) {
  std::vector<Row> found;
  for (const Row& row : rows)
    if (row.organization_id == organization) found.push_back(row);
  return found;
}

template <class Row>
std::vector<Row> of_organizations(const std::vector<Row>& rows,
                                  const std::vector<Organization>& organizations) {
  std::vector<Row> found;
  for (const Row& row : rows) {
    if (std::ranges::any_of(organizations, [&](const Organization& organization) {
          return organization.id == row.organization_id;
        }))
      found.push_back(row);
  }
  return found;
}

// Each department once, its counts summed over the organizations (a person in two organizations
// is two memberships, as in the organizations' own rows).
std::vector<EngagementUnit> merged_by_unit(const std::vector<EngagementUnit>& units) {
  std::map<Id, EngagementUnit> merged;
  for (const EngagementUnit& unit : units) {
    EngagementUnit& into = merged[unit.unit_id];
    into.unit_id = unit.unit_id;
    into.members += unit.members;
    into.reached += unit.reached;
    into.gone_quiet += unit.gone_quiet;
    for (std::size_t kind = 0; kind < kKindCount; ++kind)
      into.reached_by_kind[kind] += unit.reached_by_kind[kind];
  }
  std::vector<EngagementUnit> rows;
  for (auto& [id, unit] : merged) rows.push_back(unit);
  return rows;
}

}  // namespace

Result<std::int64_t> refresh_engagement(Connection& connection, Id tenant, CivilDate today,
                                        std::optional<std::int64_t> limit) {
  store::EngagementStore engagement(connection);
  TRY(store::in_transaction(connection, [&] { return engagement.prepare(tenant, today); }));
  std::int64_t rebuilt = 0;
  while (!limit || rebuilt < *limit) {
    const std::int64_t batch = limit ? std::min(kRebuildBatch, *limit - rebuilt) : kRebuildBatch;
    const std::int64_t done = TRY(store::in_transaction(
        connection, [&] { return engagement.rebuild_batch(tenant, today, batch); }));
    if (done == 0) break;
    rebuilt += done;
  }
  if (rebuilt >= kSettleAfter) TRY(engagement.settle());
  return engagement.marked(tenant);
}

Result<EngagementOverview> engagement_overview(Connection& connection, const Actor& actor,
                                               const EngagementQuery& query) {
  TRY(check_query(query));
  const Id tenant = actor.principal.tenant;
  const auto organizations = TRY(organizations_for(connection, actor, query.organization));
  EngagementOverview overview;
  overview.year = query.year;
  overview.today = vietnam_date(actor.clock());
  overview.quiet_days = query.quiet_days;
  overview.gone_quiet_counted = query.year == overview.today.year;
  overview.pending = TRY(refresh_engagement(connection, tenant, overview.today, kReadRebuildLimit));

  return store::in_read_snapshot(connection, [&]() -> Result<EngagementOverview> {
    store::EngagementStore engagement(connection);
    const store::EngagementFilter filter{query.organization, query.unit};
    const EngagementCounts year = fold_cells(
        of_organizations(TRY(engagement.cells(tenant, query.year, filter)), organizations),
        of_organizations(
            TRY(engagement.quiet(tenant, query.year, filter, quiet_before(query, overview.today))),
            organizations));
    const EngagementCounts before = fold_cells(
        of_organizations(TRY(engagement.cells(tenant, query.year - 1, filter)), organizations));
    const auto& groups = year.groups;
    const auto& units = year.units;
    const auto& previous_groups = before.groups;
    const auto& previous_units = before.units;

    for (const Organization& organization : organizations) {
      overview.organizations.push_back(
          {organization.id, organization.name, organization.code,
           measure_engagement(of_organization(groups, organization.id),
                              of_organization(units, organization.id), query.kind),
           measure_engagement(of_organization(previous_groups, organization.id),
                              of_organization(previous_units, organization.id), query.kind)});
    }
    // Across organizations a department counts once: reached if any organization reached it.
    const auto departments = merged_by_unit(units);
    const auto previous_departments = merged_by_unit(previous_units);
    overview.total = measure_engagement(groups, departments, query.kind);
    overview.total_previous = measure_engagement(previous_groups, previous_departments, query.kind);
    for (std::size_t index = 0; index < kKindCount; ++index) {
      const auto kind = static_cast<ActivityKind>(index);
      overview.kinds.push_back({kind, measure_engagement(groups, departments, kind),
                                measure_engagement(previous_groups, previous_departments, kind)});
    }

    std::map<Id, UnitEngagement> by_unit;
    for (const EngagementUnit& unit : departments) {
      UnitEngagement& row = by_unit[unit.unit_id];
      row.unit_id = unit.unit_id;
      row.members = unit.members;
      row.reached = unit.reached;
      row.reached_by_kind = unit.reached_by_kind;
    }
    // In the registry's order of departments (Vietnamese), people in none last.
    for (const Unit& unit : TRY(store::RegistryStore(connection).list_units(tenant))) {
      auto found = by_unit.find(unit.id);
      if (found == by_unit.end()) continue;
      found->second.name = unit.name;
      overview.units.push_back(found->second);
    }
    if (auto none = by_unit.find(0); none != by_unit.end()) overview.units.push_back(none->second);
    return overview;
  });
}

Result<EngagementPeoplePage> engagement_people(Connection& connection, const Actor& actor,
                                               const EngagementQuery& query, EngagementCrowd crowd,
                                               std::int64_t limit, std::int64_t offset) {
  TRY(check_query(query));
  if (!query.organization) {
    return fail(ErrorKind::invalid_input, "engagement.organization_required",
                "Hãy chọn một tổ chức để xem danh sách.",
                "Choose an organization to list its people.", Location{0, "organization"});
  }
  TRY(organizations_for(connection, actor, query.organization));
  const CivilDate today = vietnam_date(actor.clock());
  TRY(refresh_engagement(connection, actor.principal.tenant, today, kReadRebuildLimit));
  EngagementPeoplePage page;
  page.people =
      TRY(store::EngagementStore(connection)
              .people(actor.principal.tenant, query.year, {query.organization, query.unit}, crowd,
                      query.kind, quiet_before(query, today), limit + 1, offset));
  if (static_cast<std::int64_t>(page.people.size()) > limit) {
    page.people.pop_back();
    page.more = true;
  }
  return page;
}

Result<PersonEngagement> person_engagement(Connection& connection, const Actor& actor, Id person) {
  const Principal& principal = actor.principal;
  if (principal.person_id != person && !sees_every_organization(principal)) {
    const auto memberships =
        TRY(store::RegistryStore(connection).memberships_of(principal.tenant, person));
    if (!std::ranges::any_of(memberships, [&](const Membership& membership) {
          return membership.status != MembershipStatus::left &&
                 principal.is_officer_of(membership.organization_id);
        }))
      return refuse();
  }
  const auto facts =
      TRY(store::EngagementStore(connection).facts_of_person(principal.tenant, person));
  return PersonEngagement{person, score_engagement(facts, vietnam_date(actor.clock()))};
}

Result<Coordination> coordination(Connection& connection, const Actor& actor, int year) {
  if (!sees_every_organization(actor.principal)) return refuse();
  TRY(check_query(EngagementQuery{year, {}, {}, {}, kGoneQuietDays}));
  Coordination result;
  result.year = year;
  const auto organizations = TRY(organizations_for(connection, actor, std::nullopt));
  const auto pairs =
      TRY(store::EngagementStore(connection).coordination(actor.principal.tenant, year));
  for (const Organization& organization : organizations)
    result.organizations.push_back({organization.id, organization.name, organization.code, {}, {}});
  for (std::size_t i = 0; i < organizations.size(); ++i) {
    for (std::size_t j = i + 1; j < organizations.size(); ++j) {
      const Id first = std::min(organizations[i].id, organizations[j].id);
      const Id second = std::max(organizations[i].id, organizations[j].id);
      const auto found = std::ranges::find_if(pairs, [&](const CoordinationPair& pair) {
        return pair.first == first && pair.second == second;
      });
      result.pairs.push_back({first, second, found == pairs.end() ? 0 : found->activities});
    }
  }
  return result;
}

Result<std::vector<JointActivity>> joint_activities(Connection& connection, const Actor& actor,
                                                    int year, Id first, Id second) {
  if (!sees_every_organization(actor.principal)) return refuse();
  TRY(check_query(EngagementQuery{year, {}, {}, {}, kGoneQuietDays}));
  return store::EngagementStore(connection)
      .joint_activities(actor.principal.tenant, year, std::min(first, second),
                        std::max(first, second));
}

Result<std::int64_t> invite_to_activity(Connection& connection, const Actor& actor, Id activity,
                                        const std::vector<Id>& people) {
  const Id tenant = actor.principal.tenant;
  if (people.empty() || people.size() > 1000) {
    return fail(ErrorKind::invalid_input, "invitation.people_count",
                "Hãy chọn từ 1 đến 1.000 người để mời.",
                "Choose between 1 and 1,000 people to invite.", Location{0, "person_ids"});
  }
  return store::in_transaction(connection, [&]() -> Result<std::int64_t> {
    store::ActivityStore activities(connection);
    auto found = TRY(activities.find(tenant, activity));
    if (!found) {
      return fail(ErrorKind::not_found, "activity.not_found",
                  fmt::format("Không có hoạt động mang mã {}.", activity),
                  fmt::format("There is no activity {}.", activity));
    }
    const Activity& invited_to = found->activity;
    if (!actor.principal.administrator &&
        !std::ranges::any_of(invited_to.organizer_ids, [&](Id organization) {
          return actor.principal.is_officer_of(organization);
        }))
      return refuse();
    if (invited_to.status != ActivityStatus::published || invited_to.starts_at <= actor.clock()) {
      return fail(ErrorKind::conflict, "invitation.activity_not_open",
                  "Chỉ mời được vào hoạt động đã công bố và chưa bắt đầu.",
                  "Invitations are only for published activities that have not started.",
                  Location{0, "activity_id"});
    }
    store::RegistryStore registry(connection);
    for (Id person : people) {
      if (!TRY(registry.find_person(tenant, person))) {
        return fail(ErrorKind::invalid_input, "person.not_found",
                    fmt::format("Không có người mang mã {}.", person),
                    fmt::format("There is no person {}.", person), Location{0, "person_ids"});
      }
    }
    const std::int64_t added =
        TRY(store::EngagementStore(connection)
                .invite(tenant, activity, people, actor.principal.account_id, actor.clock()));
    TRY(record_audit(connection, actor, "invite", "activity", activity,
                     fmt::format("{} người được mời, {} lời mời mới", people.size(), added)));
    return added;
  });
}

Result<std::vector<Invitation>> my_invitations(Connection& connection, const Actor& actor) {
  if (actor.principal.person_id == 0) return std::vector<Invitation>{};
  return store::EngagementStore(connection)
      .invitations_of(actor.principal.tenant, actor.principal.person_id, actor.clock());
}

}  // namespace dk::service
