#pragma once
// Notifications (core/notification.hpp): the events, each person's row for one, their choices,
// and the e-mail queue that lives on those rows and on the daily digests.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/notification.hpp"
#include "store/sql.hpp"

namespace dk::store {

// Who an event concerns, as one query of person ids in the event's agency.
struct Recipients {
  // Selects a column `person_id`; its parameters follow the event's own ($1 tenant, $2 event,
  // $3 kind, $4 created_at), so they are numbered from $5.
  std::string sql;
  std::vector<SqlValue> params;
};
// The listed people.
Recipients people_recipients(std::span<const Id> people);
// Those a directive was delivered to; with `reminded_at`, only those reminded at that instant.
Recipients directive_recipients(Id directive, std::optional<Instant> reminded_at);
// The current members of an organization; none named: of any organization of the agency.
Recipients member_recipients(std::optional<Id> organization);
// Those registered for an activity or waiting for a place.
Recipients activity_recipients(Id activity);

// A mail waiting to go: one notification's, or a day's digest (digest_day set, event empty).
struct PendingMail {
  Id tenant_id = 0;
  Id person_id = 0;
  Id event_id = 0;  // 0 for a digest
  std::optional<CivilDate> digest_day;
  int attempts = 0;  // tries made before this one
  std::string address;
  std::string full_name;
};

class NotificationStore {
 public:
  explicit NotificationStore(SqlConnection& connection) : connection_(connection) {}

  // Writes the event (its id is given to it) and a row for each recipient by their choices for
  // its kind: none for who turned both the bell and e-mail off; the e-mail due at once, waiting
  // for the digest, or none (no address, or turned off). How many people it reached.
  Result<std::int64_t> publish(NotificationEvent& event, const Recipients& recipients);

  Result<std::int64_t> unread_count(Id tenant, Id person);
  // The bell's list, newest first; `before` (an event id) pages back.
  Result<std::vector<Notification>> list(Id tenant, Id person, std::optional<Id> before, int limit);
  // One (event) or all (none) of the person's unread; how many were marked.
  Result<std::int64_t> mark_read(Id tenant, Id person, std::optional<Id> event, Instant at);

  Result<std::vector<NotificationPreference>> stored_preferences(Id tenant, Id person);
  Status set_preference(Id tenant, Id person, const NotificationPreference& preference);

  // Moves every notification waiting for a digest that arrived before `cutoff` into the digest
  // of `day` of its person (one per person and day, made once); how many digests were made.
  Result<std::int64_t> gather_digests(CivilDate day, Instant cutoff, Instant now);
  // Up to `limit` mails due at `now`, each claimed for `lease` (another sender, or this one after
  // a crash, takes it again only when the lease ends), oldest first.
  Result<std::vector<PendingMail>> claim_due(Instant now, std::chrono::seconds lease, int limit);
  Result<std::optional<NotificationEvent>> event(Id tenant, Id id);
  Result<std::vector<NotificationEvent>> digest_events(Id tenant, Id person, CivilDate day);
  Status mail_sent(const PendingMail& mail, Instant at);
  // A failed try: retried at `retry_at`, or given up when there is none.
  Status mail_failed(const PendingMail& mail, const std::string& error,
                     std::optional<Instant> retry_at);
  // When the next mail falls due, if any is waiting.
  Result<std::optional<Instant>> next_due();

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
