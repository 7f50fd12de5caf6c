// Rebuilding the engagement rows of marked people (EngagementStore::prepare, rebuild_batch): their
// facts are read in a few set queries per batch, folded by core::summarize_engagement, and
// written back in place of their old rows.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/club.hpp"
#include "core/registration.hpp"
#include "store/engagement_store.hpp"

namespace dk::store {
namespace {

ActivityKind kind_of_club(std::string_view code) {
  return activity_kind_of(parse_code<ClubKind>(code).value_or(ClubKind::other));
}

Presence presence_in(std::string_view state) {
  return presence_of(parse_code<AttendanceState>(state).value_or(AttendanceState::absent));
}

// A required activity that is done, with what it counts as.
struct RequiredActivity {
  Id id = 0;
  ActivityKind kind = ActivityKind::other;
  CivilDate date;
  Audience audience;
  std::vector<Id> organizers;
};

struct PersonFacts {
  std::optional<Id> unit;
  std::vector<EngagementFact> facts;
  std::vector<MembershipSpan> memberships;
  std::vector<Id> activities;  // those with a fact already, so a required one is not counted twice
};

Result<std::vector<RequiredActivity>> required_activities(SqlConnection& connection, Id tenant) {
  std::map<Id, RequiredActivity> found;
  const SqlValue params[] = {tenant};
  TRY(connection.query(
      "SELECT a.id, a.kind, a.starts_at, a.audience_scope, o.organization_id FROM activities a "
      "JOIN activity_organizers o ON o.tenant_id = a.tenant_id AND o.activity_id = a.id "
      "WHERE a.tenant_id = $1 AND a.status = 'done' AND a.required = 1",
      params, [&](const SqlRow& row) -> Status {
        RequiredActivity& activity = found[row.integer(0)];
        activity.id = row.integer(0);
        activity.kind = parse_code<ActivityKind>(row.text(1)).value_or(ActivityKind::other);
        activity.date = vietnam_date(instant_of(row.integer(2)));
        activity.audience.scope =
            parse_code<AudienceScope>(row.text(3)).value_or(AudienceScope::everyone);
        activity.organizers.push_back(row.integer(4));
        return {};
      }));
  TRY(connection.query(
      "SELECT t.activity_id, t.target_id FROM activity_audience t JOIN activities a ON "
      "a.tenant_id = t.tenant_id AND a.id = t.activity_id WHERE t.tenant_id = $1 AND "
      "a.status = 'done' AND a.required = 1",
      params, [&](const SqlRow& row) -> Status {
        if (auto it = found.find(row.integer(0)); it != found.end())
          it->second.audience.ids.push_back(row.integer(1));
        return {};
      }));
  std::vector<RequiredActivity> activities;
  for (auto& [id, activity] : found) activities.push_back(std::move(activity));
  return activities;
}

Status read_facts(SqlConnection& connection, Id tenant, const std::vector<Id>& people,
                  std::map<Id, PersonFacts>& by_person) {
  const SqlValue params[] = {tenant};
  const std::string in = id_list(people);
  TRY(connection.query("SELECT id, unit_id FROM persons WHERE tenant_id = $1 AND id IN " + in,
                       params, [&](const SqlRow& row) -> Status {
                         if (!row.is_null(1)) by_person[row.integer(0)].unit = row.integer(1);
                         return {};
                       }));
  TRY(connection.query(
      "SELECT person_id, organization_id, joined_on, left_on, status FROM memberships WHERE "
      "tenant_id = $1 AND person_id IN " +
          in,
      params, [&](const SqlRow& row) -> Status {
        by_person[row.integer(0)].memberships.push_back(
            {.organization_id = row.integer(1),
             .joined_on = row.is_null(2) ? std::nullopt : parse_civil_date(row.text(2)),
             .left_on = row.is_null(3) ? std::nullopt : parse_civil_date(row.text(3)),
             .current = row.text(4) != "left"});
        return {};
      }));
  // Attendance recorded at an activity that was not cancelled, and registrations of done
  // activities that no attendance record settled (the person did not come).
  TRY(connection.query(
      "SELECT t.person_id, o.organization_id, a.kind, a.starts_at, t.state, a.id FROM attendance t "
      "JOIN activities a ON a.tenant_id = t.tenant_id AND a.id = t.activity_id "
      "JOIN activity_organizers o ON o.tenant_id = a.tenant_id AND o.activity_id = a.id "
      "WHERE t.tenant_id = $1 AND t.person_id IN " +
          in +
          " AND a.status <> 'cancelled' "
          "UNION ALL "
          "SELECT r.person_id, o.organization_id, a.kind, a.starts_at, 'absent', a.id FROM "
          "registrations r JOIN activities a ON a.tenant_id = r.tenant_id AND a.id = r.activity_id "
          "JOIN activity_organizers o ON o.tenant_id = a.tenant_id AND o.activity_id = a.id "
          "WHERE r.tenant_id = $1 AND r.person_id IN " +
          in +
          " AND r.state = 'registered' AND "
          "a.status = 'done' AND NOT EXISTS (SELECT 1 FROM attendance x WHERE x.tenant_id = "
          "r.tenant_id AND x.activity_id = r.activity_id AND x.person_id = r.person_id)",
      params, [&](const SqlRow& row) -> Status {
        PersonFacts& person = by_person[row.integer(0)];
        person.facts.push_back(
            {.organization_id = row.integer(1),
             .kind = parse_code<ActivityKind>(row.text(2)).value_or(ActivityKind::other),
             .date = vietnam_date(instant_of(row.integer(3))),
             .presence = presence_in(row.text(4))});
        person.activities.push_back(row.integer(5));
        return {};
      }));
  // A round's counted attempt, on the day it was submitted: for the contest's organization, or
  // for an agency-wide contest each organization the entrant was a member of that day (the
  // memberships were read above).
  TRY(connection.query(
      "SELECT e.person_id, c.organization_id, e.finished_at FROM contest_entries e "
      "JOIN contest_rounds r ON r.tenant_id = e.tenant_id AND r.id = e.round_id "
      "JOIN contests c ON c.tenant_id = r.tenant_id AND c.id = r.contest_id "
      "WHERE e.tenant_id = $1 AND e.person_id IN " +
          in,
      params, [&](const SqlRow& row) -> Status {
        PersonFacts& person = by_person[row.integer(0)];
        const CivilDate date = vietnam_date(instant_of(row.integer(2)));
        const std::vector<Id> organizations = row.is_null(1)
                                                  ? organizations_on(person.memberships, date)
                                                  : std::vector<Id>{row.integer(1)};
        for (Id organization : organizations)
          person.facts.push_back({.organization_id = organization,
                                  .kind = kContestKind,
                                  .date = date,
                                  .presence = Presence::attended});
        return {};
      }));
  return connection.query(
      "SELECT t.person_id, c.organization_id, c.kind, t.session_date, t.state FROM "
      "club_attendance t JOIN club_schedules s ON s.tenant_id = t.tenant_id AND s.id = "
      "t.schedule_id JOIN clubs c ON c.tenant_id = s.tenant_id AND c.id = s.club_id "
      "WHERE t.tenant_id = $1 AND t.person_id IN " +
          in,
      params, [&](const SqlRow& row) -> Status {
        const auto date = parse_civil_date(row.text(3));
        if (!date) return {};
        by_person[row.integer(0)].facts.push_back({.organization_id = row.integer(1),
                                                   .kind = kind_of_club(row.text(2)),
                                                   .date = *date,
                                                   .presence = presence_in(row.text(4))});
        return {};
      });
}

Result<int> first_year_of(SqlConnection& connection, Id tenant, int current_year) {
  const SqlValue params[] = {tenant};
  auto first_activity = TRY(query_integer(
      connection, "SELECT min(starts_at) FROM activities WHERE tenant_id = $1", params));
  int first = current_year;
  if (first_activity) first = std::min(first, vietnam_date(instant_of(*first_activity)).year);
  auto first_session =
      TRY(query_one(connection, "SELECT min(first_date) FROM club_schedules WHERE tenant_id = $1",
                    params, [](const SqlRow& row) { return row.text(0); }));
  if (first_session) {
    if (auto date = parse_civil_date(*first_session)) first = std::min(first, date->year);
  }
  // Ten years of rows per member at most: older records still count as the past of the first.
  return std::max(first, current_year - 10);
}

// Two readers of the same agency rebuilding at once on PostgreSQL would both read the same marks
// and both insert the same people's new rows; the second insert would then fail on the key. A
// lock per agency for the rest of the transaction makes the second wait and then find the marks
// cleared. (SQLite's one writer serializes the transactions already.)
Status lock_agency(SqlConnection& connection, Id tenant) {
  if (connection.engine() != Engine::postgres) return {};
  const SqlValue params[] = {tenant};
  TRY(connection.query("SELECT pg_advisory_xact_lock(15, $1::integer)", params,
                       [](const SqlRow&) -> Status { return {}; }));
  return {};
}

// Adds the rows of `people` to the agency's totals (sign 1), or takes them away (sign -1): their
// member rows to the cells, their current members' quiet days to engagement_quiet.
Status adjust_totals(SqlConnection& connection, Id tenant, const std::string& people, int sign) {
  const SqlValue params[] = {tenant, std::int64_t{sign}};
  // The batch's people through their index. Without statistics SQLite otherwise reads the agency's
  // whole table in its key order, which is the GROUP BY's, for every batch: a million members'
  // refresh went from 3 minutes to more than 20.
  const std::string rows = connection.engine() == Engine::sqlite
                               ? "engagement_people INDEXED BY engagement_people_person"
                               : "engagement_people";
  TRY(connection.execute(
      "INSERT INTO engagement_cells (tenant_id, year, organization_id, unit_id, attended, "
      "kind_counts, months, people, expected, lapsed) "
      "SELECT tenant_id, year, organization_id, unit_id, attended, kind_counts, months, "
      "$2 * count(*), $2 * sum(expected), $2 * sum(CASE WHEN previous_attended > 0 AND "
      "attended = 0 THEN 1 ELSE 0 END) FROM " +
          rows + " WHERE tenant_id = $1 AND member = 1 AND person_id IN " + people +
          " GROUP BY tenant_id, year, organization_id, unit_id, attended, kind_counts, months "
          "ON CONFLICT (tenant_id, year, organization_id, unit_id, attended, kind_counts, months) "
          "DO UPDATE SET people = engagement_cells.people + excluded.people, expected = "
          "engagement_cells.expected + excluded.expected, lapsed = engagement_cells.lapsed + "
          "excluded.lapsed",
      params));
  TRY(connection.execute(
      "INSERT INTO engagement_quiet (tenant_id, year, quiet_day, organization_id, unit_id, "
      "people) SELECT tenant_id, year, quiet_day, organization_id, unit_id, $2 * count(*) FROM " +
          rows + " WHERE tenant_id = $1 AND quiet_day IS NOT NULL AND person_id IN " + people +
          " GROUP BY tenant_id, year, quiet_day, organization_id, unit_id "
          "ON CONFLICT (tenant_id, year, quiet_day, organization_id, unit_id) "
          "DO UPDATE SET people = engagement_quiet.people + excluded.people",
      params));
  return {};
}

}  // namespace

Status EngagementStore::prepare(Id tenant, CivilDate today) {
  TRY(lock_agency(connection_, tenant));
  const int first_year = TRY(first_year_of(connection_, tenant, today.year));
  const SqlValue params[] = {tenant};
  auto built = TRY(query_one(
      connection_, "SELECT first_year, current_year FROM engagement_state WHERE tenant_id = $1",
      params, [](const SqlRow& row) {
        return std::pair{row.integer(0), row.integer(1)};
      }));
  if (built && built->first == first_year && built->second == today.year) return {};
  TRY(connection_.execute(
      "INSERT INTO engagement_dirty (tenant_id, person_id, generation) "
      "SELECT tenant_id, person_id, 1 FROM memberships WHERE tenant_id = $1 "
      "UNION SELECT tenant_id, person_id, 1 FROM attendance WHERE tenant_id = $1 "
      "UNION SELECT tenant_id, person_id, 1 FROM club_attendance WHERE tenant_id = $1 "
      "UNION SELECT tenant_id, person_id, 1 FROM contest_entries WHERE tenant_id = $1 "
      "ORDER BY 1, 2 "
      "ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = "
      "engagement_dirty.generation + 1",
      params));
  const SqlValue state[] = {tenant, std::int64_t{first_year}, std::int64_t{today.year}};
  TRY(connection_.execute(
      "INSERT INTO engagement_state (tenant_id, first_year, current_year) VALUES ($1, $2, $3) "
      "ON CONFLICT (tenant_id) DO UPDATE SET first_year = excluded.first_year, current_year = "
      "excluded.current_year",
      state));
  return {};
}

Result<std::int64_t> EngagementStore::marked(Id tenant) {
  const SqlValue params[] = {tenant};
  auto count = TRY(query_integer(
      connection_, "SELECT count(*) FROM engagement_dirty WHERE tenant_id = $1", params));
  return count.value_or(0);
}

Status EngagementStore::settle() {
  // Totals whose people all moved to other counts are swept here, not in every batch.
  TRY(connection_.execute_script(
      "DELETE FROM engagement_cells WHERE people = 0; DELETE FROM engagement_quiet WHERE people = "
      "0"));
  if (connection_.engine() != Engine::postgres) return {};
  return connection_.execute_script(
      "ANALYZE engagement_people; ANALYZE engagement_cells; ANALYZE engagement_quiet");
}

Result<std::int64_t> EngagementStore::rebuild_batch(Id tenant, CivilDate today,
                                                    std::int64_t limit) {
  // Under the agency's lock: two batches adjusting the totals for the same people would count
  // them twice.
  TRY(lock_agency(connection_, tenant));
  const SqlValue batch_params[] = {tenant, limit};
  auto marked = TRY(
      query_all(connection_,
                "SELECT person_id, generation FROM engagement_dirty WHERE tenant_id = $1 ORDER BY "
                "person_id LIMIT $2",
                batch_params, [](const SqlRow& row) {
                  return std::pair{row.integer(0), row.integer(1)};
                }));
  if (marked.empty()) return 0;
  std::vector<Id> people;
  for (const auto& [person, generation] : marked) people.push_back(person);

  const SqlValue params[] = {tenant};
  auto state = TRY(query_integer(
      connection_, "SELECT first_year FROM engagement_state WHERE tenant_id = $1", params));
  const int first_year = static_cast<int>(state.value_or(today.year));
  const auto required = TRY(required_activities(connection_, tenant));
  std::map<Id, PersonFacts> by_person;
  for (Id person : people) by_person[person];
  TRY(read_facts(connection_, tenant, people, by_person));

  struct Written {
    Id person;
    Id unit;
    EngagementRow row;
  };
  std::vector<Written> rows;
  for (auto& [person, facts] : by_person) {
    const Id unit = facts.unit.value_or(0);
    std::ranges::sort(facts.activities);
    for (const RequiredActivity& activity : required) {
      if (std::ranges::binary_search(facts.activities, activity.id)) continue;
      if (!required_of(activity.audience, unit, facts.memberships, activity.date)) continue;
      for (Id organizer : activity.organizers)
        facts.facts.push_back({organizer, activity.kind, activity.date, Presence::missed});
    }
    for (EngagementRow& row :
         summarize_engagement(facts.facts, facts.memberships, first_year, today.year))
      rows.push_back({person, unit, std::move(row)});
  }

  const std::string in = id_list(people);
  TRY(adjust_totals(connection_, tenant, in, -1));
  TRY(connection_.execute(
      "DELETE FROM engagement_people WHERE tenant_id = $1 AND person_id IN " + in, params));
  std::size_t next = 0;
  auto optional_day = [](const std::optional<long>& day) {
    return day ? SqlValue(std::int64_t{*day}) : SqlValue(std::monostate{});
  };
  static constexpr std::string_view kColumns[] = {
      "tenant_id",         "year",       "organization_id", "person_id",
      "unit_id",           "member",     "current_member",  "attended",
      "expected",          "months",     "kind_counts",     "last_attended_day",
      "previous_attended", "joined_day", "quiet_day"};
  TRY(connection_.bulk_insert("engagement_people", kColumns,
                              [&](std::vector<SqlValue>& values) -> Result<bool> {
                                if (next == rows.size()) return false;
                                const Written& written = rows[next++];
                                const EngagementRow& row = written.row;
                                values = {tenant,
                                          std::int64_t{row.year},
                                          row.organization_id,
                                          written.person,
                                          written.unit,
                                          std::int64_t{row.member ? 1 : 0},
                                          std::int64_t{row.current_member ? 1 : 0},
                                          row.attended,
                                          row.expected,
                                          std::int64_t{row.months},
                                          row.kind_counts,
                                          optional_day(row.last_attended_day),
                                          row.previous_attended,
                                          optional_day(row.joined_day),
                                          optional_day(quiet_day(row))};
                                return true;
                              }));
  TRY(adjust_totals(connection_, tenant, in, 1));
  // A mark made while this batch read (a check-in just now) has a newer generation and stays.
  std::vector<std::string> seen;
  for (const auto& [person, generation] : marked)
    seen.push_back(fmt::format("({},{})", person, generation));
  TRY(connection_.execute(
      fmt::format("DELETE FROM engagement_dirty WHERE tenant_id = $1 AND (person_id, generation) "
                  "IN (VALUES {})",
                  fmt::join(seen, ",")),
      params));
  return static_cast<std::int64_t>(marked.size());
}

}  // namespace dk::store
