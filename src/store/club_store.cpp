#include "store/club_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/id_counter.hpp"

namespace dk::store {
namespace {

std::int64_t seconds(Instant instant) {
  return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

CivilDate date_at(const SqlRow& row, int column) {
  return parse_civil_date(row.text(column)).value_or(CivilDate{1970, 1, 1});
}

std::string days_text(const std::vector<Weekday>& days) {
  std::vector<std::string_view> codes;
  for (Weekday day : days) codes.push_back(code_of(day));
  return fmt::format("{}", fmt::join(codes, ","));
}

std::vector<Weekday> days_of(std::string_view text) {
  std::vector<Weekday> days;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (auto day = parse_code<Weekday>(text.substr(0, comma))) days.push_back(*day);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return days;
}

}  // namespace

Result<Club> ClubStore::create(const Club& club, Instant now) {
  auto id = reserve_ids(connection_, club.tenant_id, "clubs", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {club.tenant_id,
                             *id,
                             club.organization_id,
                             club.name,
                             std::string(code_of(club.kind)),
                             club.description,
                             seconds(now)};
  TRY(connection_.execute(
      "INSERT INTO clubs (tenant_id, id, organization_id, name, kind, description, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
      params));
  Club created = club;
  created.id = *id;
  return created;
}

Result<std::vector<Club>> ClubStore::read(std::string_view where, std::vector<SqlValue> params) {
  return query_all(connection_,
                   fmt::format("SELECT c.id, c.tenant_id, c.organization_id, c.name, c.kind, "
                               "c.description FROM clubs c WHERE {} ORDER BY c.name, c.id",
                               where),
                   params, [](const SqlRow& row) {
                     return Club{row.integer(0),
                                 row.integer(1),
                                 row.integer(2),
                                 row.text(3),
                                 parse_code<ClubKind>(row.text(4)).value_or(ClubKind::other),
                                 row.text(5)};
                   });
}

Result<std::vector<Club>> ClubStore::list(Id tenant, std::optional<Id> organization) {
  if (organization)
    return read("c.tenant_id = $1 AND c.organization_id = $2", {tenant, *organization});
  return read("c.tenant_id = $1", {tenant});
}

Result<std::optional<Club>> ClubStore::find(Id tenant, Id id) {
  auto clubs = TRY(read("c.tenant_id = $1 AND c.id = $2", {tenant, id}));
  if (clubs.empty()) return std::nullopt;
  return std::move(clubs.front());
}

Result<std::vector<Club>> ClubStore::clubs_of(Id tenant, Id person) {
  return read(
      "c.tenant_id = $1 AND EXISTS (SELECT 1 FROM club_members m WHERE m.tenant_id = c.tenant_id "
      "AND m.club_id = c.id AND m.person_id = $2 AND m.left_on IS NULL)",
      {tenant, person});
}

Result<std::vector<ClubMember>> ClubStore::members(Id tenant, Id club) {
  const SqlValue params[] = {tenant, club};
  return query_all(connection_,
                   "SELECT m.person_id, p.full_name, m.joined_on FROM club_members m JOIN persons "
                   "p ON p.tenant_id = m.tenant_id AND p.id = m.person_id WHERE m.tenant_id = $1 "
                   "AND m.club_id = $2 AND m.left_on IS NULL ORDER BY p.sort_key, p.id",
                   params, [](const SqlRow& row) {
                     return ClubMember{row.integer(0), row.text(1), date_at(row, 2)};
                   });
}

Result<bool> ClubStore::is_member(Id tenant, Id club, Id person) {
  const SqlValue params[] = {tenant, club, person};
  auto found = query_one(connection_,
                         "SELECT 1 FROM club_members WHERE tenant_id = $1 AND club_id = $2 AND "
                         "person_id = $3 AND left_on IS NULL",
                         params, [](const SqlRow&) { return true; });
  if (!found) return std::unexpected(found.error());
  return found->has_value();
}

Status ClubStore::join(Id tenant, Id club, Id person, CivilDate day) {
  const SqlValue params[] = {tenant, club, person, format_iso(day)};
  TRY(connection_.execute(
      "INSERT INTO club_members (tenant_id, club_id, person_id, joined_on) VALUES ($1, $2, $3, "
      "$4) ON CONFLICT (tenant_id, club_id, person_id) DO UPDATE SET joined_on = "
      "excluded.joined_on, "
      "left_on = NULL WHERE club_members.left_on IS NOT NULL",
      params));
  return {};
}

Status ClubStore::leave(Id tenant, Id club, Id person, CivilDate day) {
  const SqlValue params[] = {tenant, club, person, format_iso(day)};
  TRY(connection_.execute(
      "UPDATE club_members SET left_on = $4 WHERE tenant_id = $1 AND club_id = $2 AND person_id = "
      "$3 AND left_on IS NULL",
      params));
  return {};
}

Result<ClubSchedule> ClubStore::add_schedule(Id tenant, const ClubSchedule& schedule, Instant now) {
  auto id = reserve_ids(connection_, tenant, "club_schedules", 1);
  if (!id) return std::unexpected(id.error());
  const WeeklyRule& rule = schedule.rule;
  const SqlValue params[] = {tenant,
                             *id,
                             schedule.club_id,
                             days_text(rule.days),
                             std::int64_t{rule.start_minute},
                             std::int64_t{rule.end_minute},
                             format_iso(rule.first),
                             rule.last ? SqlValue(format_iso(*rule.last)) : SqlValue(),
                             schedule.place,
                             seconds(now)};
  TRY(connection_.execute(
      "INSERT INTO club_schedules (tenant_id, id, club_id, days, start_minute, end_minute, "
      "first_date, last_date, place, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      params));
  ClubSchedule created = schedule;
  created.id = *id;
  created.exceptions.clear();
  return created;
}

Result<std::vector<ClubSchedule>> ClubStore::read_schedules(std::string_view where,
                                                            std::vector<SqlValue> params) {
  auto schedules = query_all(
      connection_,
      fmt::format("SELECT id, club_id, days, start_minute, end_minute, first_date, last_date, "
                  "place, tenant_id FROM club_schedules WHERE {} ORDER BY id",
                  where),
      params, [](const SqlRow& row) {
        ClubSchedule schedule;
        schedule.id = row.integer(0);
        schedule.club_id = row.integer(1);
        schedule.rule.days = days_of(row.text(2));
        schedule.rule.start_minute = static_cast<int>(row.integer(3));
        schedule.rule.end_minute = static_cast<int>(row.integer(4));
        schedule.rule.first = date_at(row, 5);
        if (!row.is_null(6)) schedule.rule.last = date_at(row, 6);
        schedule.place = row.text(7);
        return std::pair{row.integer(8), std::move(schedule)};
      });
  if (!schedules) return std::unexpected(schedules.error());
  std::vector<ClubSchedule> result;
  for (auto& [tenant, schedule] : *schedules) {
    const SqlValue keys[] = {tenant, schedule.id};
    auto exceptions = query_all(
        connection_,
        "SELECT session_date, moved_date, moved_start_minute, moved_end_minute FROM "
        "club_exceptions WHERE tenant_id = $1 AND schedule_id = $2 ORDER BY session_date",
        keys, [](const SqlRow& row) {
          RuleException exception{date_at(row, 0), std::nullopt};
          if (!row.is_null(1)) {
            exception.moved_to = MovedSession{date_at(row, 1), static_cast<int>(row.integer(2)),
                                              static_cast<int>(row.integer(3))};
          }
          return exception;
        });
    if (!exceptions) return std::unexpected(exceptions.error());
    schedule.exceptions = std::move(*exceptions);
    result.push_back(std::move(schedule));
  }
  return result;
}

Result<std::vector<ClubSchedule>> ClubStore::schedules(Id tenant, Id club) {
  return read_schedules("tenant_id = $1 AND club_id = $2", {tenant, club});
}

Result<std::optional<ClubSchedule>> ClubStore::find_schedule(Id tenant, Id id) {
  auto schedules = TRY(read_schedules("tenant_id = $1 AND id = $2", {tenant, id}));
  if (schedules.empty()) return std::nullopt;
  return std::move(schedules.front());
}

Status ClubStore::set_exception(Id tenant, Id schedule, const RuleException& exception,
                                Instant now) {
  const auto& moved = exception.moved_to;
  const SqlValue params[] = {tenant,
                             schedule,
                             format_iso(exception.date),
                             moved ? SqlValue(format_iso(moved->date)) : SqlValue(),
                             moved ? SqlValue(std::int64_t{moved->start_minute}) : SqlValue(),
                             moved ? SqlValue(std::int64_t{moved->end_minute}) : SqlValue()};
  TRY(connection_.execute(
      "INSERT INTO club_exceptions (tenant_id, schedule_id, session_date, moved_date, "
      "moved_start_minute, moved_end_minute) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT "
      "(tenant_id, schedule_id, session_date) DO UPDATE SET moved_date = excluded.moved_date, "
      "moved_start_minute = excluded.moved_start_minute, moved_end_minute = "
      "excluded.moved_end_minute",
      params));
  // Calendar apps see the series change by its stamp.
  const SqlValue touch[] = {tenant, schedule, seconds(now)};
  TRY(connection_.execute(
      "UPDATE club_schedules SET updated_at = $3 WHERE tenant_id = $1 AND id = $2", touch));
  return {};
}

Status ClubStore::record_attendance(Id tenant, Id schedule, CivilDate session, Id person,
                                    AttendanceState state, std::optional<Id> by_account,
                                    Instant now) {
  const SqlValue params[] = {tenant,
                             schedule,
                             format_iso(session),
                             person,
                             std::string(code_of(state)),
                             nullable(by_account),
                             seconds(now)};
  TRY(connection_.execute(
      "INSERT INTO club_attendance (tenant_id, schedule_id, session_date, person_id, state, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, "
      "schedule_id, session_date, person_id) DO UPDATE SET state = excluded.state, recorded_by = "
      "excluded.recorded_by, recorded_at = excluded.recorded_at",
      params));
  return {};
}

Result<std::vector<SessionAttendance>> ClubStore::attendance(Id tenant, Id schedule,
                                                             CivilDate session) {
  const SqlValue params[] = {tenant, schedule, format_iso(session)};
  return query_all(
      connection_,
      "SELECT a.person_id, p.full_name, a.state FROM club_attendance a JOIN persons "
      "p ON p.tenant_id = a.tenant_id AND p.id = a.person_id WHERE a.tenant_id = $1 "
      "AND a.schedule_id = $2 AND a.session_date = $3 ORDER BY p.sort_key, p.id",
      params, [](const SqlRow& row) {
        return SessionAttendance{
            row.integer(0), row.text(1),
            parse_code<AttendanceState>(row.text(2)).value_or(AttendanceState::absent)};
      });
}

}  // namespace dk::store
