#include "store/notification_store.hpp"

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kEventColumns =
    "e.tenant_id, e.id, e.kind, e.title_vi, e.title_en, e.body_vi, e.body_en, e.link, "
    "e.created_at";
constexpr int kEventColumnCount = 9;

NotificationEvent event_at(const SqlRow& row) {
  NotificationEvent event;
  event.tenant_id = row.integer(0);
  event.id = row.integer(1);
  event.kind =
      parse_code<NotificationKind>(row.text(2)).value_or(NotificationKind::directive_posted);
  event.title = Text{row.text(3), row.text(4)};
  event.body = Text{row.text(5), row.text(6)};
  event.link = row.text(7);
  event.created_at = instant_of(row.integer(8));
  return event;
}

// The columns that hold a mail's place in the queue are named alike in both tables.
std::string_view queue_table(const PendingMail& mail) {
  return mail.digest_day ? "notification_digests" : "notifications";
}
std::string queue_key(const PendingMail& mail) {
  return mail.digest_day ? "tenant_id = $1 AND person_id = $2 AND day = $3"
                         : "tenant_id = $1 AND person_id = $2 AND event_id = $3";
}
SqlValue queue_id(const PendingMail& mail) {
  if (mail.digest_day) return format_iso(*mail.digest_day);
  return mail.event_id;
}

}  // namespace

Recipients people_recipients(std::span<const Id> people) {
  return Recipients{
      "SELECT id AS person_id FROM persons WHERE tenant_id = $1 AND id IN " + id_list(people), {}};
}

Recipients directive_recipients(Id directive, std::optional<Instant> reminded_at) {
  Recipients recipients{
      "SELECT person_id FROM directive_receipts WHERE tenant_id = $1 AND directive_id = $5",
      {directive}};
  if (reminded_at) {
    recipients.sql += " AND reminded_at = $6";
    recipients.params.emplace_back(seconds_of(*reminded_at));
  }
  return recipients;
}

Recipients member_recipients(std::optional<Id> organization) {
  Recipients recipients{
      "SELECT DISTINCT person_id FROM memberships WHERE tenant_id = $1 AND status <> 'left'", {}};
  if (organization) {
    recipients.sql += " AND organization_id = $5";
    recipients.params.emplace_back(*organization);
  }
  return recipients;
}

Recipients activity_recipients(Id activity) {
  return Recipients{
      "SELECT person_id FROM registrations WHERE tenant_id = $1 AND activity_id = $5 AND state IN "
      "('registered', 'waitlisted')",
      {activity}};
}

Result<std::int64_t> NotificationStore::publish(NotificationEvent& event,
                                                const Recipients& recipients) {
  event.id = TRY(reserve_ids(connection_, event.tenant_id, "notification_events", 1));
  const SqlValue row[] = {event.tenant_id, event.id,       std::string(code_of(event.kind)),
                          event.title.vi,  event.title.en, event.body.vi,
                          event.body.en,   event.link,     seconds_of(event.created_at)};
  TRY(connection_.execute(
      "INSERT INTO notification_events (tenant_id, id, kind, title_vi, title_en, body_vi, "
      "body_en, link, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      row));
  // Each recipient's choice for the kind, or its default (our own constants, not input); then the
  // e-mail's state from the choice and whether they have an address.
  const NotificationPreference fallback = default_preference(event.kind);
  std::vector<SqlValue> params = {event.tenant_id, event.id, std::string(code_of(event.kind)),
                                  seconds_of(event.created_at)};
  params.insert(params.end(), recipients.params.begin(), recipients.params.end());
  return connection_.execute(
      fmt::format(
          "INSERT INTO notifications (tenant_id, person_id, event_id, in_app, email_state, "
          "email_next_at) SELECT CAST($1 AS BIGINT), x.person_id, CAST($2 AS BIGINT), x.in_app, "
          "CASE WHEN x.address = '' OR x.email = 'off' THEN 'none' WHEN x.email = 'daily' THEN "
          "'daily' ELSE 'due' END, CASE WHEN x.address <> '' AND x.email = 'immediate' THEN "
          "CAST($4 AS BIGINT) END FROM (SELECT r.person_id, COALESCE(p.in_app, {}) AS in_app, "
          "COALESCE(p.email, '{}') AS email, pe.email AS address FROM ({}) r JOIN persons pe ON "
          "pe.tenant_id = $1 AND pe.id = r.person_id LEFT JOIN notification_preferences p ON "
          "p.tenant_id = $1 AND p.person_id = r.person_id AND p.kind = $3) x WHERE x.in_app = 1 "
          "OR (x.email <> 'off' AND x.address <> '') ON CONFLICT DO NOTHING",
          fallback.in_app ? 1 : 0, code_of(fallback.email), recipients.sql),
      params);
}

Result<std::int64_t> NotificationStore::unread_count(Id tenant, Id person) {
  const SqlValue params[] = {tenant, person};
  std::int64_t count = 0;
  TRY(connection_.query(
      "SELECT count(*) FROM notifications WHERE tenant_id = $1 AND person_id = $2 AND read_at IS "
      "NULL AND in_app = 1",
      params, [&](const SqlRow& row) -> Status {
        count = row.integer(0);
        return {};
      }));
  return count;
}

Result<std::vector<Notification>> NotificationStore::list(Id tenant, Id person,
                                                          std::optional<Id> before, int limit) {
  std::vector<SqlValue> params = {tenant, person, std::int64_t{limit}};
  std::string page;
  if (before) {
    page = " AND n.event_id < $4";
    params.emplace_back(*before);
  }
  std::vector<Notification> notifications;
  TRY(connection_.query(
      fmt::format("SELECT {}, n.read_at FROM notifications n JOIN notification_events e ON "
                  "e.tenant_id = n.tenant_id AND e.id = n.event_id WHERE n.tenant_id = $1 AND "
                  "n.person_id = $2 AND n.in_app = 1{} ORDER BY n.event_id DESC LIMIT $3",
                  kEventColumns, page),
      params, [&](const SqlRow& row) -> Status {
        notifications.push_back(
            Notification{event_at(row), optional_instant(row, kEventColumnCount)});
        return {};
      }));
  return notifications;
}

Result<std::int64_t> NotificationStore::mark_read(Id tenant, Id person, std::optional<Id> event,
                                                  Instant at) {
  std::vector<SqlValue> params = {tenant, person, seconds_of(at)};
  std::string which;
  if (event) {
    which = " AND event_id = $4";
    params.emplace_back(*event);
  }
  return connection_.execute(
      "UPDATE notifications SET read_at = $3 WHERE tenant_id = $1 AND person_id = $2 AND read_at "
      "IS NULL AND in_app = 1" +
          which,
      params);
}

Result<std::vector<NotificationPreference>> NotificationStore::stored_preferences(Id tenant,
                                                                                  Id person) {
  const SqlValue params[] = {tenant, person};
  std::vector<NotificationPreference> preferences;
  TRY(connection_.query(
      "SELECT kind, in_app, email FROM notification_preferences WHERE tenant_id = $1 AND "
      "person_id = $2",
      params, [&](const SqlRow& row) -> Status {
        auto kind = parse_code<NotificationKind>(row.text(0));
        auto email = parse_code<EmailMode>(row.text(2));
        // A kind that a later version no longer has is ignored, not an error.
        if (kind && email) preferences.push_back({*kind, row.integer(1) != 0, *email});
        return {};
      }));
  return preferences;
}

Status NotificationStore::set_preference(Id tenant, Id person,
                                         const NotificationPreference& preference) {
  const SqlValue params[] = {tenant, person, std::string(code_of(preference.kind)),
                             std::int64_t{preference.in_app ? 1 : 0},
                             std::string(code_of(preference.email))};
  TRY(connection_.execute(
      "INSERT INTO notification_preferences (tenant_id, person_id, kind, in_app, email) VALUES "
      "($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, person_id, kind) DO UPDATE SET in_app = "
      "excluded.in_app, email = excluded.email",
      params));
  return {};
}

Result<std::int64_t> NotificationStore::gather_digests(CivilDate day, Instant cutoff, Instant now) {
  const SqlValue params[] = {format_iso(day), seconds_of(cutoff), seconds_of(now)};
  constexpr std::string_view kWaiting =
      "n.email_state = 'daily' AND EXISTS (SELECT 1 FROM notification_events e WHERE e.tenant_id "
      "= n.tenant_id AND e.id = n.event_id AND e.created_at < $2)";
  const auto made = TRY(connection_.execute(
      fmt::format("INSERT INTO notification_digests (tenant_id, person_id, day, email_state, "
                  "email_attempts, email_next_at) SELECT DISTINCT n.tenant_id, n.person_id, $1, "
                  "'due', 0, CAST($3 AS BIGINT) FROM notifications n WHERE {} ON CONFLICT DO "
                  "NOTHING",
                  kWaiting),
      params));
  const SqlValue move[] = {format_iso(day), seconds_of(cutoff)};
  TRY(connection_.execute(
      fmt::format("UPDATE notifications AS n SET email_state = 'digest', digest_day = $1 WHERE {}",
                  kWaiting),
      move));
  return made;
}

Result<std::vector<PendingMail>> NotificationStore::claim_due(Instant now,
                                                              std::chrono::seconds lease,
                                                              int limit) {
  std::vector<PendingMail> due;
  const SqlValue params[] = {seconds_of(now), std::int64_t{limit}};
  auto read = [&](const SqlRow& row) -> Status {
    PendingMail mail;
    mail.tenant_id = row.integer(0);
    mail.person_id = row.integer(1);
    if (row.is_null(2)) {
      mail.digest_day = parse_civil_date(row.text(3));
    } else {
      mail.event_id = row.integer(2);
    }
    mail.attempts = static_cast<int>(row.integer(4));
    mail.address = row.text(5);
    mail.full_name = row.text(6);
    due.push_back(std::move(mail));
    return {};
  };
  TRY(connection_.query(
      "SELECT n.tenant_id, n.person_id, n.event_id, NULL, n.email_attempts, p.email, p.full_name "
      "FROM notifications n JOIN persons p ON p.tenant_id = n.tenant_id AND p.id = n.person_id "
      "WHERE n.email_state = 'due' AND n.email_next_at <= $1 ORDER BY n.email_next_at LIMIT $2",
      params, read));
  TRY(connection_.query(
      "SELECT d.tenant_id, d.person_id, NULL, d.day, d.email_attempts, p.email, p.full_name FROM "
      "notification_digests d JOIN persons p ON p.tenant_id = d.tenant_id AND p.id = d.person_id "
      "WHERE d.email_state = 'due' AND d.email_next_at <= $1 ORDER BY d.email_next_at LIMIT $2",
      params, read));
  // Claimed by moving its time past the lease, only if nobody else did since it was read.
  std::vector<PendingMail> claimed;
  for (PendingMail& mail : due) {
    const SqlValue key[] = {mail.tenant_id, mail.person_id, queue_id(mail), seconds_of(now + lease),
                            seconds_of(now)};
    const auto moved = TRY(connection_.execute(
        fmt::format("UPDATE {} SET email_next_at = $4 WHERE {} AND email_state = 'due' AND "
                    "email_next_at <= $5",
                    queue_table(mail), queue_key(mail)),
        key));
    if (moved == 1) claimed.push_back(std::move(mail));
  }
  return claimed;
}

Result<std::optional<NotificationEvent>> NotificationStore::event(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<NotificationEvent> found;
  TRY(connection_.query(
      fmt::format("SELECT {} FROM notification_events e WHERE e.tenant_id = $1 AND e.id = $2",
                  kEventColumns),
      params, [&](const SqlRow& row) -> Status {
        found = event_at(row);
        return {};
      }));
  return found;
}

Result<std::vector<NotificationEvent>> NotificationStore::digest_events(Id tenant, Id person,
                                                                        CivilDate day) {
  const SqlValue params[] = {tenant, person, format_iso(day)};
  std::vector<NotificationEvent> events;
  TRY(connection_.query(
      fmt::format("SELECT {} FROM notifications n JOIN notification_events e ON e.tenant_id = "
                  "n.tenant_id AND e.id = n.event_id WHERE n.tenant_id = $1 AND n.person_id = $2 "
                  "AND n.email_state = 'digest' AND n.digest_day = $3 ORDER BY e.id",
                  kEventColumns),
      params, [&](const SqlRow& row) -> Status {
        events.push_back(event_at(row));
        return {};
      }));
  return events;
}

Status NotificationStore::mail_sent(const PendingMail& mail, Instant at) {
  const SqlValue params[] = {mail.tenant_id, mail.person_id, queue_id(mail), seconds_of(at),
                             std::int64_t{mail.attempts + 1}};
  TRY(connection_.execute(
      fmt::format("UPDATE {} SET email_state = 'sent', email_sent_at = $4, email_attempts = $5, "
                  "email_error = NULL WHERE {}",
                  queue_table(mail), queue_key(mail)),
      params));
  return {};
}

Status NotificationStore::mail_failed(const PendingMail& mail, const std::string& error,
                                      std::optional<Instant> retry_at) {
  const SqlValue params[] = {mail.tenant_id,       mail.person_id,
                             queue_id(mail),       std::int64_t{mail.attempts + 1},
                             error.substr(0, 500), nullable_instant(retry_at)};
  // Given up: the state says so; the time stays (NOT NULL on digests) but nothing reads it.
  TRY(connection_.execute(
      fmt::format("UPDATE {} SET email_attempts = $4, email_error = $5, email_state = CASE WHEN "
                  "CAST($6 AS BIGINT) IS NULL THEN 'failed' ELSE 'due' END, email_next_at = "
                  "COALESCE(CAST($6 AS BIGINT), email_next_at) WHERE {}",
                  queue_table(mail), queue_key(mail)),
      params));
  return {};
}

Result<std::optional<Instant>> NotificationStore::next_due() {
  std::optional<Instant> next;
  auto earliest = [&](const SqlRow& row) -> Status {
    if (!row.is_null(0)) {
      const Instant at = instant_of(row.integer(0));
      if (!next || at < *next) next = at;
    }
    return {};
  };
  TRY(connection_.query("SELECT min(email_next_at) FROM notifications WHERE email_state = 'due'",
                        {}, earliest));
  TRY(connection_.query(
      "SELECT min(email_next_at) FROM notification_digests WHERE email_state = 'due'", {},
      earliest));
  return next;
}

}  // namespace dk::store
