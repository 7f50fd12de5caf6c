#include "store/activity_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "core/clash.hpp"
#include "store/id_counter.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kActivityColumns =
    "a.id, a.plan_id, a.programme_id, a.kind, a.title, a.description, a.starts_at, a.ends_at, "
    "a.place, a.audience_scope, a.capacity, a.registration_opens_at, a.registration_closes_at, "
    "a.required, a.status, a.registered, a.check_in_secret, a.created_by, a.tenant_id, "
    "a.created_at, a.updated_at";

StoredActivity read_activity(const SqlRow& row) {
  StoredActivity stored;
  Activity& activity = stored.activity;
  activity.id = row.integer(0);
  activity.plan_id = optional_integer(row, 1);
  stored.programme_id = optional_integer(row, 2);
  activity.kind = parse_code<ActivityKind>(row.text(3)).value_or(ActivityKind::other);
  activity.title = row.text(4);
  activity.description = row.text(5);
  activity.starts_at = instant_of(row.integer(6));
  activity.ends_at = instant_of(row.integer(7));
  activity.place = row.text(8);
  activity.audience.scope =
      parse_code<AudienceScope>(row.text(9)).value_or(AudienceScope::everyone);
  activity.capacity = optional_integer(row, 10);
  activity.registration_opens_at = optional_instant(row, 11);
  activity.registration_closes_at = optional_instant(row, 12);
  activity.required = row.integer(13) != 0;
  activity.status = parse_code<ActivityStatus>(row.text(14)).value_or(ActivityStatus::draft);
  stored.registered = row.integer(15);
  stored.check_in_secret = row.text(16);
  stored.created_by = optional_integer(row, 17);
  activity.tenant_id = row.integer(18);
  stored.created_at = row.integer(19);
  stored.updated_at = row.integer(20);
  return stored;
}

// The columns create and update write, in their order: tenant_id, id, then $3…$17.
std::vector<SqlValue> activity_values(const StoredActivity& stored) {
  const Activity& activity = stored.activity;
  return {activity.tenant_id,
          activity.id,
          nullable(activity.plan_id),
          nullable(stored.programme_id),
          std::string(code_of(activity.kind)),
          activity.title,
          activity.description,
          seconds_of(activity.starts_at),
          seconds_of(activity.ends_at),
          activity.place,
          place_key(activity.place),
          std::string(code_of(activity.audience.scope)),
          nullable(activity.capacity),
          nullable_instant(activity.registration_opens_at),
          nullable_instant(activity.registration_closes_at),
          std::int64_t{activity.required ? 1 : 0},
          std::string(code_of(activity.status))};
}

std::vector<SqlValue> attendance_values(Id tenant, Id activity, const AttendanceRecord& record,
                                        std::optional<Id> by_account) {
  return {tenant,
          activity,
          record.person_id,
          std::string(code_of(record.state)),
          nullable(record.checked_in_at),
          record.method,
          nullable(by_account)};
}

Registration read_registration(const SqlRow& row) {
  Registration registration;
  registration.id = row.integer(0);
  registration.activity_id = row.integer(1);
  registration.person_id = row.integer(2);
  registration.full_name = row.text(3);
  registration.state =
      parse_code<RegistrationState>(row.text(4)).value_or(RegistrationState::cancelled);
  registration.registered_at = row.integer(5);
  registration.cancelled_at = optional_integer(row, 6);
  return registration;
}

constexpr std::string_view kRegistrationSelect =
    "SELECT r.id, r.activity_id, r.person_id, p.full_name, r.state, r.registered_at, "
    "r.cancelled_at FROM registrations r JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = "
    "r.person_id ";

AttendanceRecord read_attendance(const SqlRow& row) {
  AttendanceRecord record;
  record.person_id = row.integer(0);
  record.full_name = row.text(1);
  record.state = parse_code<AttendanceState>(row.text(2)).value_or(AttendanceState::present);
  record.checked_in_at = optional_integer(row, 3);
  record.method = row.text(4);
  return record;
}

}  // namespace

Result<StoredActivity> ActivityStore::create(const StoredActivity& stored, Instant now) {
  const Activity& activity = stored.activity;
  auto id = reserve_ids(connection_, activity.tenant_id, "activities", 1);
  if (!id) return std::unexpected(id.error());
  StoredActivity created = stored;
  created.activity.id = *id;
  std::vector<SqlValue> params = activity_values(created);
  params.insert(params.end(),
                {stored.check_in_secret, nullable(stored.created_by), seconds_of(now)});
  TRY(connection_.execute(
      "INSERT INTO activities (tenant_id, id, plan_id, programme_id, kind, title, description, "
      "starts_at, ends_at, place, place_key, audience_scope, capacity, registration_opens_at, "
      "registration_closes_at, required, status, check_in_secret, created_by, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
      "$17, $18, $19, $20, $20)",
      params));
  TRY(write_links(created));
  return created;
}

Status ActivityStore::update(const StoredActivity& stored, Instant now) {
  const Activity& activity = stored.activity;
  std::vector<SqlValue> params = activity_values(stored);
  params.emplace_back(seconds_of(now));
  TRY(connection_.execute(
      "UPDATE activities SET plan_id = $3, programme_id = $4, kind = $5, title = $6, "
      "description = $7, starts_at = $8, ends_at = $9, place = $10, place_key = $11, "
      "audience_scope = $12, capacity = $13, registration_opens_at = $14, "
      "registration_closes_at = $15, required = $16, status = $17, updated_at = $18 "
      "WHERE tenant_id = $1 AND id = $2",
      params));
  for (const char* table : {"activity_organizers", "activity_partners", "activity_audience"}) {
    const SqlValue keys[] = {activity.tenant_id, activity.id};
    TRY(connection_.execute(
        fmt::format("DELETE FROM {} WHERE tenant_id = $1 AND activity_id = $2", table), keys));
  }
  return write_links(stored);
}

Status ActivityStore::write_links(const StoredActivity& stored) {
  const Activity& activity = stored.activity;
  auto insert = [&](std::string_view sql, Id other, std::optional<std::int64_t> position) {
    std::vector<SqlValue> params{activity.tenant_id, activity.id, other};
    if (position) params.emplace_back(*position);
    return connection_.execute(sql, params);
  };
  std::int64_t position = 0;
  for (Id organization : activity.organizer_ids) {
    TRY(insert(
        "INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position) "
        "VALUES ($1, $2, $3, $4)",
        organization, position++));
  }
  for (Id partner : activity.partner_unit_ids) {
    TRY(insert(
        "INSERT INTO activity_partners (tenant_id, activity_id, partner_unit_id) VALUES ($1, $2, "
        "$3)",
        partner, std::nullopt));
  }
  for (Id target : activity.audience.ids) {
    TRY(insert(
        "INSERT INTO activity_audience (tenant_id, activity_id, target_id) VALUES ($1, $2, $3)",
        target, std::nullopt));
  }
  return {};
}

Status ActivityStore::set_status(Id tenant, Id id, ActivityStatus status, Instant now) {
  const SqlValue params[] = {tenant, id, std::string(code_of(status)), seconds_of(now)};
  TRY(connection_.execute(
      "UPDATE activities SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2",
      params));
  return {};
}

Result<std::vector<StoredActivity>> ActivityStore::read(std::string_view where,
                                                        std::vector<SqlValue> params,
                                                        std::string_view tail) {
  auto activities = query_all(
      connection_,
      fmt::format("SELECT {} FROM activities a WHERE {} {}", kActivityColumns, where, tail), params,
      read_activity);
  if (!activities || activities->empty()) return activities;
  // The links of every activity read, three queries in all.
  std::map<Id, StoredActivity*> by_id;
  std::vector<Id> ids;
  for (StoredActivity& stored : *activities) {
    by_id[stored.activity.id] = &stored;
    ids.push_back(stored.activity.id);
  }
  const Id tenant = activities->front().activity.tenant_id;
  const SqlValue tenant_param[] = {tenant};
  const std::string in = fmt::format("({})", fmt::join(ids, ","));
  auto links = [&](std::string_view sql, auto&& add) {
    return connection_.query(fmt::format(fmt::runtime(sql), in), tenant_param,
                             [&](const SqlRow& row) -> Status {
                               add(*by_id.at(row.integer(0)), row.integer(1));
                               return {};
                             });
  };
  if (auto read_organizers =
          links("SELECT activity_id, organization_id FROM activity_organizers WHERE tenant_id = $1 "
                "AND activity_id IN {} ORDER BY activity_id, position",
                [](StoredActivity& s, Id id) { s.activity.organizer_ids.push_back(id); });
      !read_organizers) {
    return std::unexpected(read_organizers.error());
  }
  if (auto read_partners =
          links("SELECT activity_id, partner_unit_id FROM activity_partners WHERE tenant_id = $1 "
                "AND activity_id IN {} ORDER BY activity_id, partner_unit_id",
                [](StoredActivity& s, Id id) { s.activity.partner_unit_ids.push_back(id); });
      !read_partners) {
    return std::unexpected(read_partners.error());
  }
  if (auto read_audience =
          links("SELECT activity_id, target_id FROM activity_audience WHERE tenant_id = $1 "
                "AND activity_id IN {} ORDER BY activity_id, target_id",
                [](StoredActivity& s, Id id) { s.activity.audience.ids.push_back(id); });
      !read_audience) {
    return std::unexpected(read_audience.error());
  }
  return activities;
}

Result<std::optional<StoredActivity>> ActivityStore::find(Id tenant, Id id) {
  auto found = TRY(read("a.tenant_id = $1 AND a.id = $2", {tenant, id}, ""));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

Result<std::vector<StoredActivity>> ActivityStore::list(Id tenant, const ActivityQuery& query) {
  std::vector<SqlValue> params{tenant};
  std::string where = "a.tenant_id = $1";
  auto add = [&](std::string_view condition, SqlValue value) {
    params.push_back(std::move(value));
    where += fmt::format(fmt::runtime(condition), params.size());
  };
  if (query.from) add(" AND a.ends_at > ${}", seconds_of(*query.from));
  if (query.to) add(" AND a.starts_at < ${}", seconds_of(*query.to));
  if (query.plan_id) add(" AND a.plan_id = ${}", *query.plan_id);
  if (query.status) add(" AND a.status = ${}", std::string(code_of(*query.status)));
  if (!query.include_drafts) where += " AND a.status <> 'draft'";
  if (query.registered_person) {
    add(" AND EXISTS (SELECT 1 FROM registrations r WHERE r.tenant_id = a.tenant_id AND "
        "r.activity_id = a.id AND r.state = 'registered' AND r.person_id = ${})",
        *query.registered_person);
  }
  if (query.organization_id) {
    add(" AND EXISTS (SELECT 1 FROM activity_organizers o WHERE o.tenant_id = a.tenant_id AND "
        "o.activity_id = a.id AND o.organization_id = ${})",
        *query.organization_id);
  }
  return read(where, std::move(params),
              fmt::format("ORDER BY a.starts_at, a.id LIMIT {}", query.limit));
}

Result<RegistrationOutcome> ActivityStore::register_person(Id tenant, Id activity, Id person,
                                                           std::optional<Id> by_account,
                                                           Instant now) {
  auto existing = TRY(registration_of(tenant, activity, person));
  if (existing && existing->state != RegistrationState::cancelled)
    return RegistrationOutcome{*existing, false};
  // One statement takes a place if one is left: the row lock (PostgreSQL) or the single writer
  // (SQLite) makes the check and the increment one step.
  const SqlValue take[] = {tenant, activity};
  auto taken = TRY(connection_.execute(
      "UPDATE activities SET registered = registered + 1 WHERE tenant_id = $1 AND id = $2 AND "
      "(capacity IS NULL OR registered < capacity)",
      take));
  const RegistrationState state =
      taken == 1 ? RegistrationState::registered : RegistrationState::waitlisted;
  const std::int64_t at = seconds_of(now);
  if (existing) {
    const SqlValue params[] = {tenant, existing->id, std::string(code_of(state)), at,
                               nullable(by_account)};
    TRY(connection_.execute(
        "UPDATE registrations SET state = $3, registered_at = $4, cancelled_at = NULL, "
        "registered_by = $5 WHERE tenant_id = $1 AND id = $2",
        params));
  } else {
    auto id = TRY(reserve_ids(connection_, tenant, "registrations", 1));
    const SqlValue params[] = {
        tenant, id, activity, person, std::string(code_of(state)), at, nullable(by_account)};
    TRY(connection_.execute(
        "INSERT INTO registrations (tenant_id, id, activity_id, person_id, state, registered_at, "
        "registered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params));
  }
  auto written = TRY(registration_of(tenant, activity, person));
  if (!written) {
    return fail(ErrorKind::internal, "store.failed", "Lỗi cơ sở dữ liệu.",
                "Database error: the registration just written cannot be read.");
  }
  return RegistrationOutcome{std::move(*written), true};
}

Result<std::vector<Id>> ActivityStore::cancel_registration(Id tenant, Id activity, Id person,
                                                           Instant now) {
  auto existing = TRY(registration_of(tenant, activity, person));
  if (!existing || existing->state == RegistrationState::cancelled) return std::vector<Id>{};
  const SqlValue params[] = {tenant, existing->id, seconds_of(now)};
  TRY(connection_.execute(
      "UPDATE registrations SET state = 'cancelled', cancelled_at = $3 WHERE tenant_id = $1 AND "
      "id = $2",
      params));
  if (existing->state == RegistrationState::registered) {
    const SqlValue release[] = {tenant, activity};
    TRY(connection_.execute(
        "UPDATE activities SET registered = registered - 1 WHERE tenant_id = $1 AND id = $2",
        release));
  }
  return promote_waitlisted(tenant, activity);
}

Result<std::vector<Id>> ActivityStore::promote_waitlisted(Id tenant, Id activity) {
  std::vector<Id> promoted;
  for (;;) {
    const SqlValue params[] = {tenant, activity};
    auto next = query_one(connection_,
                          "SELECT id, person_id FROM registrations WHERE tenant_id = $1 AND "
                          "activity_id = $2 AND state = 'waitlisted' ORDER BY registered_at, id "
                          "LIMIT 1",
                          params, [](const SqlRow& row) {
                            return std::pair{row.integer(0), row.integer(1)};
                          });
    if (!next) return std::unexpected(next.error());
    if (!*next) return promoted;
    auto taken = TRY(connection_.execute(
        "UPDATE activities SET registered = registered + 1 WHERE tenant_id = $1 AND id = $2 AND "
        "(capacity IS NULL OR registered < capacity)",
        params));
    if (taken == 0) return promoted;
    const SqlValue move[] = {tenant, (*next)->first};
    TRY(connection_.execute(
        "UPDATE registrations SET state = 'registered' WHERE tenant_id = $1 AND id = $2", move));
    promoted.push_back((*next)->second);
  }
}

Result<std::vector<Registration>> ActivityStore::registrations(Id tenant, Id activity) {
  const SqlValue params[] = {tenant, activity};
  return query_all(connection_,
                   std::string(kRegistrationSelect) +
                       "WHERE r.tenant_id = $1 AND r.activity_id = $2 ORDER BY CASE r.state WHEN "
                       "'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.registered_at, "
                       "r.id",
                   params, read_registration);
}

Result<std::optional<Registration>> ActivityStore::registration_of(Id tenant, Id activity,
                                                                   Id person) {
  const SqlValue params[] = {tenant, activity, person};
  return query_one(connection_,
                   std::string(kRegistrationSelect) +
                       "WHERE r.tenant_id = $1 AND r.activity_id = $2 AND r.person_id = $3",
                   params, read_registration);
}

Result<std::vector<Registration>> ActivityStore::registrations_of_person(Id tenant, Id person) {
  const SqlValue params[] = {tenant, person};
  return query_all(connection_,
                   std::string(kRegistrationSelect) +
                       "WHERE r.tenant_id = $1 AND r.person_id = $2 ORDER BY r.activity_id",
                   params, read_registration);
}

Result<std::pair<AttendanceRecord, bool>> ActivityStore::record_attendance(
    Id tenant, Id activity, const AttendanceRecord& record, std::optional<Id> by_account) {
  const auto params = attendance_values(tenant, activity, record, by_account);
  auto inserted = TRY(connection_.execute(
      "INSERT INTO attendance (tenant_id, activity_id, person_id, state, checked_in_at, method, "
      "recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
      params));
  if (inserted == 1 && !record.full_name.empty()) return std::pair{record, true};
  auto stored = TRY(attendance_record(tenant, activity, record.person_id));
  if (!stored) {
    return fail(ErrorKind::internal, "store.failed", "Lỗi cơ sở dữ liệu.",
                "Database error: the attendance record just written cannot be read.");
  }
  return std::pair{std::move(*stored), inserted == 1};
}

Result<std::optional<AttendanceRecord>> ActivityStore::attendance_record(Id tenant, Id activity,
                                                                         Id person) {
  const SqlValue key[] = {tenant, activity, person};
  return query_one(connection_,
                   "SELECT t.person_id, p.full_name, t.state, t.checked_in_at, t.method "
                   "FROM attendance t JOIN persons p ON p.tenant_id = t.tenant_id AND p.id "
                   "= t.person_id WHERE t.tenant_id = $1 AND t.activity_id = $2 AND "
                   "t.person_id = $3",
                   key, read_attendance);
}

Status ActivityStore::set_attendance(Id tenant, Id activity, const AttendanceRecord& record,
                                     std::optional<Id> by_account) {
  const auto params = attendance_values(tenant, activity, record, by_account);
  TRY(connection_.execute(
      "INSERT INTO attendance (tenant_id, activity_id, person_id, state, checked_in_at, method, "
      "recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, activity_id, "
      "person_id) DO UPDATE SET state = excluded.state, method = excluded.method, recorded_by = "
      "excluded.recorded_by",
      params));
  return {};
}

Result<std::vector<AttendanceRecord>> ActivityStore::attendance(Id tenant, Id activity) {
  const SqlValue params[] = {tenant, activity};
  return query_all(connection_,
                   "SELECT t.person_id, p.full_name, t.state, t.checked_in_at, t.method FROM "
                   "attendance t JOIN persons p ON p.tenant_id = t.tenant_id AND p.id = "
                   "t.person_id WHERE t.tenant_id = $1 AND t.activity_id = $2 ORDER BY p.sort_key, "
                   "p.id",
                   params, read_attendance);
}

Result<std::optional<AttendanceState>> ActivityStore::attendance_of(Id tenant, Id activity,
                                                                    Id person) {
  const SqlValue params[] = {tenant, activity, person};
  return query_one(
      connection_,
      "SELECT state FROM attendance WHERE tenant_id = $1 AND activity_id = $2 AND person_id = $3",
      params, [](const SqlRow& row) {
        return parse_code<AttendanceState>(row.text(0)).value_or(AttendanceState::absent);
      });
}

namespace {

// The query for the current members an audience means, selecting m.person_id.
std::string audience_sql(const Audience& audience) {
  std::string sql =
      "SELECT DISTINCT m.person_id FROM memberships m WHERE m.tenant_id = $1 AND m.status <> "
      "'left'";
  switch (audience.scope) {
    case AudienceScope::everyone:
      break;
    case AudienceScope::organizations:
      sql += " AND m.organization_id IN " + id_list(audience.ids);
      break;
    case AudienceScope::units:
      sql +=
          " AND EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = m.tenant_id AND p.id = "
          "m.person_id AND p.unit_id IN " +
          id_list(audience.ids) + ")";
      break;
  }
  return sql;
}

}  // namespace

Result<std::vector<Id>> ActivityStore::audience_people(Id tenant, const Audience& audience) {
  const SqlValue params[] = {tenant};
  return query_all(connection_, audience_sql(audience) + " ORDER BY m.person_id", params,
                   [](const SqlRow& row) { return row.integer(0); });
}

Result<bool> ActivityStore::in_audience(Id tenant, const Audience& audience, Id person) {
  const SqlValue params[] = {tenant, person};
  auto found = query_one(connection_, audience_sql(audience) + " AND m.person_id = $2", params,
                         [](const SqlRow&) { return true; });
  if (!found) return std::unexpected(found.error());
  return found->has_value();
}

Result<std::vector<Id>> ActivityStore::committee_people(Id tenant,
                                                        const std::vector<Id>& organizations,
                                                        CivilDate today) {
  const SqlValue params[] = {tenant, format_iso(today)};
  return query_all(connection_,
                   "SELECT DISTINCT c.person_id FROM committee_roles c WHERE c.tenant_id = $1 AND "
                   "c.organization_id IN " +
                       id_list(organizations) +
                       " AND (c.term_start IS NULL OR c.term_start <= $2) AND (c.term_end IS NULL "
                       "OR c.term_end >= $2) ORDER BY c.person_id",
                   params, [](const SqlRow& row) { return row.integer(0); });
}

Result<std::map<Id, std::string>> ActivityStore::person_names(Id tenant,
                                                              const std::vector<Id>& people) {
  std::map<Id, std::string> names;
  if (people.empty()) return names;
  const SqlValue params[] = {tenant};
  auto status = connection_.query(
      "SELECT id, full_name FROM persons WHERE tenant_id = $1 AND id IN " + id_list(people), params,
      [&](const SqlRow& row) -> Status {
        names[row.integer(0)] = row.text(1);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return names;
}

Status ActivityStore::save_feedback(Id tenant, Id activity, Id person, const Feedback& feedback,
                                    Instant now) {
  const SqlValue params[] = {
      tenant, activity, person, std::int64_t{feedback.rating}, feedback.comment, seconds_of(now)};
  TRY(connection_.execute(
      "INSERT INTO feedback (tenant_id, activity_id, person_id, rating, comment, given_at) VALUES "
      "($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, activity_id, person_id) DO UPDATE SET "
      "rating = excluded.rating, comment = excluded.comment, given_at = excluded.given_at",
      params));
  return {};
}

Result<std::string> ActivityStore::check_in_key(Id tenant, const std::string& fresh) {
  const SqlValue params[] = {tenant, fresh};
  TRY(connection_.execute(
      "INSERT INTO check_in_keys (tenant_id, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      params));
  auto secret = query_one(connection_, "SELECT secret FROM check_in_keys WHERE tenant_id = $1",
                          std::span(params, 1), [](const SqlRow& row) { return row.text(0); });
  if (!secret) return std::unexpected(secret.error());
  return secret->value_or(fresh);
}

Result<std::optional<std::string>> ActivityStore::existing_check_in_key(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_one(connection_, "SELECT secret FROM check_in_keys WHERE tenant_id = $1", params,
                   [](const SqlRow& row) { return row.text(0); });
}

Result<std::optional<std::string>> ActivityStore::person_name(Id tenant, Id person) {
  const SqlValue params[] = {tenant, person};
  return query_one(connection_, "SELECT full_name FROM persons WHERE tenant_id = $1 AND id = $2",
                   params, [](const SqlRow& row) { return row.text(0); });
}

}  // namespace dk::store
