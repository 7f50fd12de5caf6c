#include "store/engagement_store.hpp"

#include <fmt/format.h>

#include "core/club.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

// The filter's conditions on engagement_people e, numbering parameters after `params`.
std::string filter_sql(const EngagementFilter& filter, std::vector<SqlValue>& params) {
  std::string sql;
  if (filter.organization) {
    params.emplace_back(*filter.organization);
    sql += fmt::format(" AND e.organization_id = ${}", params.size());
  }
  if (filter.unit) {
    params.emplace_back(*filter.unit);
    sql += fmt::format(" AND e.unit_id = ${}", params.size());
  }
  return sql;
}

// The attended count of one kind in SQL, as core::kind_count reads it.
std::string kind_count_sql(ActivityKind kind) {
  return fmt::format("((e.kind_counts >> {}) & {})", static_cast<int>(kind) * kKindCountBits,
                     kKindCountCap);
}

std::pair<std::int64_t, std::int64_t> year_bounds(int year) {
  return {seconds_of(vietnam_instant({year, 1, 1}, 0)),
          seconds_of(vietnam_instant({year + 1, 1, 1}, 0))};
}

}  // namespace

Result<std::vector<EngagementCell>> EngagementStore::cells(Id tenant, int year,
                                                           const EngagementFilter& filter) {
  std::vector<SqlValue> params{tenant, std::int64_t{year}};
  const std::string sql = fmt::format(
      "SELECT e.organization_id, e.unit_id, e.attended, e.kind_counts, e.months, e.people, "
      "e.expected, e.lapsed FROM engagement_cells e WHERE e.tenant_id = $1 AND e.year = $2{} "
      "AND e.people <> 0",
      filter_sql(filter, params));
  return query_all(connection_, sql, params, [](const SqlRow& row) {
    return EngagementCell{.organization_id = row.integer(0),
                          .unit_id = row.integer(1),
                          .attended = row.integer(2),
                          .kind_counts = row.integer(3),
                          .months = static_cast<std::uint32_t>(row.integer(4)),
                          .people = row.integer(5),
                          .expected = row.integer(6),
                          .lapsed = row.integer(7)};
  });
}

Result<std::vector<EngagementQuiet>> EngagementStore::quiet(Id tenant, int year,
                                                            const EngagementFilter& filter,
                                                            long quiet_before) {
  std::vector<SqlValue> params{tenant, std::int64_t{year}, std::int64_t{quiet_before}};
  // The totals by day before the chosen one: a range of the key, a few hundred days per
  // department.
  const std::string sql = fmt::format(
      "SELECT e.organization_id, e.unit_id, sum(e.people) FROM engagement_quiet e WHERE "
      "e.tenant_id = $1 AND e.year = $2 AND e.quiet_day < $3{} "
      "GROUP BY e.organization_id, e.unit_id HAVING sum(e.people) <> 0",
      filter_sql(filter, params));
  return query_all(connection_, sql, params, [](const SqlRow& row) {
    return EngagementQuiet{
        .organization_id = row.integer(0), .unit_id = row.integer(1), .people = row.integer(2)};
  });
}

Result<std::vector<EngagementPerson>> EngagementStore::people(
    Id tenant, int year, const EngagementFilter& filter, EngagementCrowd crowd,
    std::optional<ActivityKind> kind, long quiet_before, std::int64_t limit, std::int64_t offset) {
  std::vector<SqlValue> params{tenant, std::int64_t{year}};
  std::string where = filter_sql(filter, params);
  const std::string count = kind ? kind_count_sql(*kind) : std::string("e.attended");
  switch (crowd) {
    case EngagementCrowd::members:
      break;
    case EngagementCrowd::reached:
      where += fmt::format(" AND {} >= 1", count);
      break;
    case EngagementCrowd::never:
      where += fmt::format(" AND {} = 0", count);
      break;
    case EngagementCrowd::repeat:
      where += fmt::format(" AND {} >= {}", count, kRepeatAttendances);
      break;
    case EngagementCrowd::core:
      where += fmt::format(" AND {} >= {}", count, kCoreAttendances);
      break;
    case EngagementCrowd::lapsed:
      where += " AND e.previous_attended > 0 AND e.attended = 0";
      break;
    case EngagementCrowd::gone_quiet:
      params.emplace_back(std::int64_t{quiet_before});
      where += fmt::format(" AND e.quiet_day < ${}", params.size());
      break;
  }
  params.emplace_back(limit);
  params.emplace_back(offset);
  const std::string sql = fmt::format(
      "SELECT e.person_id, p.full_name, p.unit_id, coalesce(u.name, ''), e.organization_id, {}, "
      "e.previous_attended, e.last_attended_day FROM engagement_people e "
      "JOIN persons p ON p.tenant_id = e.tenant_id AND p.id = e.person_id "
      "LEFT JOIN units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id "
      "WHERE e.tenant_id = $1 AND e.year = $2 AND e.member = 1{} "
      "ORDER BY u.sort_key IS NULL, u.sort_key, p.sort_key, p.id, e.organization_id "
      "LIMIT ${} OFFSET ${}",
      count, where, params.size() - 1, params.size());
  return query_all(connection_, sql, params, [](const SqlRow& row) {
    return EngagementPerson{
        .person_id = row.integer(0),
        .full_name = row.text(1),
        .unit_id = optional_integer(row, 2),
        .unit_name = row.text(3),
        .organization_id = row.integer(4),
        .attended = row.integer(5),
        .previous_attended = row.integer(6),
        .last_attended_day = row.is_null(7) ? std::nullopt : std::optional<long>(row.integer(7))};
  });
}

Result<std::vector<EngagementFact>> EngagementStore::facts_of_person(Id tenant, Id person) {
  const SqlValue params[] = {tenant, person};
  auto facts = TRY(query_all(
      connection_,
      "SELECT a.kind, a.starts_at, t.state FROM attendance t JOIN activities a ON a.tenant_id = "
      "t.tenant_id AND a.id = t.activity_id WHERE t.tenant_id = $1 AND t.person_id = $2 AND "
      "a.status <> 'cancelled'",
      params, [](const SqlRow& row) {
        return EngagementFact{
            .organization_id = 0,
            .kind = parse_code<ActivityKind>(row.text(0)).value_or(ActivityKind::other),
            .date = vietnam_date(instant_of(row.integer(1))),
            .presence = presence_of(
                parse_code<AttendanceState>(row.text(2)).value_or(AttendanceState::absent))};
      }));
  TRY(connection_.query(
      "SELECT c.kind, t.session_date, t.state FROM club_attendance t JOIN club_schedules s ON "
      "s.tenant_id = t.tenant_id AND s.id = t.schedule_id JOIN clubs c ON c.tenant_id = "
      "s.tenant_id AND c.id = s.club_id WHERE t.tenant_id = $1 AND t.person_id = $2",
      params, [&](const SqlRow& row) -> Status {
        const auto date = parse_civil_date(row.text(1));
        if (!date) return {};
        facts.push_back(
            {.organization_id = 0,
             .kind = activity_kind_of(parse_code<ClubKind>(row.text(0)).value_or(ClubKind::other)),
             .date = *date,
             .presence = presence_of(
                 parse_code<AttendanceState>(row.text(2)).value_or(AttendanceState::absent))});
        return {};
      }));
  return facts;
}

Result<std::vector<CoordinationPair>> EngagementStore::coordination(Id tenant, int year) {
  const auto [from, to] = year_bounds(year);
  const SqlValue params[] = {tenant, from, to};
  return query_all(
      connection_,
      "SELECT x.organization_id, y.organization_id, count(*) FROM activity_organizers x "
      "JOIN activity_organizers y ON y.tenant_id = x.tenant_id AND y.activity_id = x.activity_id "
      "AND y.organization_id > x.organization_id "
      "JOIN activities a ON a.tenant_id = x.tenant_id AND a.id = x.activity_id "
      "WHERE x.tenant_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND a.status <> "
      "'cancelled' GROUP BY x.organization_id, y.organization_id "
      "ORDER BY x.organization_id, y.organization_id",
      params, [](const SqlRow& row) {
        return CoordinationPair{row.integer(0), row.integer(1), row.integer(2)};
      });
}

Result<std::vector<JointActivity>> EngagementStore::joint_activities(Id tenant, int year, Id first,
                                                                     Id second) {
  const auto [from, to] = year_bounds(year);
  const SqlValue params[] = {tenant, from, to, first, second};
  return query_all(
      connection_,
      "SELECT a.id, a.title, a.kind, a.starts_at FROM activities a "
      "JOIN activity_organizers x ON x.tenant_id = a.tenant_id AND x.activity_id = a.id AND "
      "x.organization_id = $4 "
      "JOIN activity_organizers y ON y.tenant_id = a.tenant_id AND y.activity_id = a.id AND "
      "y.organization_id = $5 "
      "WHERE a.tenant_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND a.status <> "
      "'cancelled' ORDER BY a.starts_at, a.id",
      params, [](const SqlRow& row) {
        return JointActivity{row.integer(0), row.text(1),
                             parse_code<ActivityKind>(row.text(2)).value_or(ActivityKind::other),
                             instant_of(row.integer(3))};
      });
}

Result<std::vector<Invitation>> EngagementStore::invitations_of(Id tenant, Id person, Instant now) {
  const SqlValue params[] = {tenant, person, seconds_of(now)};
  return query_all(
      connection_,
      "SELECT a.id, a.title, a.kind, a.starts_at, a.place, i.invited_at, coalesce(p.full_name, "
      "'') FROM activity_invitations i JOIN activities a ON a.tenant_id = i.tenant_id AND a.id = "
      "i.activity_id LEFT JOIN accounts c ON c.tenant_id = i.tenant_id AND c.id = i.invited_by "
      "LEFT JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.person_id "
      "WHERE i.tenant_id = $1 AND i.person_id = $2 AND a.status = 'published' AND a.starts_at > "
      "$3 AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.tenant_id = i.tenant_id AND "
      "r.activity_id = i.activity_id AND r.person_id = i.person_id AND r.state <> 'cancelled') "
      "ORDER BY a.starts_at, a.id",
      params, [](const SqlRow& row) {
        return Invitation{{row.integer(0), row.text(1),
                           parse_code<ActivityKind>(row.text(2)).value_or(ActivityKind::other),
                           instant_of(row.integer(3))},
                          row.text(4),
                          instant_of(row.integer(5)),
                          row.text(6)};
      });
}

Result<std::int64_t> EngagementStore::invite(Id tenant, Id activity, const std::vector<Id>& people,
                                             std::optional<Id> invited_by, Instant at) {
  std::int64_t added = 0;
  for (Id person : people) {
    const SqlValue params[] = {tenant, activity, person, nullable(invited_by), seconds_of(at)};
    added += TRY(connection_.execute(
        "INSERT INTO activity_invitations (tenant_id, activity_id, person_id, invited_by, "
        "invited_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, activity_id, person_id) "
        "DO NOTHING",
        params));
  }
  return added;
}

}  // namespace dk::store
