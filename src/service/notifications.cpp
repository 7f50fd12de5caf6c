#include "service/notifications.hpp"

#include <fmt/format.h>

#include "service/notification_signal.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/notification_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

Result<std::int64_t> publish_notification(Connection& connection, NotificationEvent event,
                                          const store::Recipients& recipients) {
  // Titles are ours, built from names people typed: cut, never refused, so that telling people
  // cannot make the use case that tells them fail.
  auto cut = [](std::string& text, std::size_t limit) {
    if (text.size() <= limit) return;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
    text.resize(end);
    text += "…";
  };
  for (std::string* text : {&event.title.vi, &event.title.en}) cut(*text, kMaxNotificationTitle);
  for (std::string* text : {&event.body.vi, &event.body.en}) cut(*text, kMaxNotificationBody);
  return store::NotificationStore(connection).publish(event, recipients);
}

void signal_notified(Id tenant, std::span<const Id> people) {
  notification_signal().notify(tenant, people);
}

Result<NotificationPage> my_notifications(Connection& connection, const Actor& actor,
                                          std::optional<Id> before) {
  NotificationPage page;
  if (actor.principal.person_id == 0) return page;
  store::NotificationStore notifications(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<NotificationPage> {
    page.items = TRY(notifications.list(actor.principal.tenant, actor.principal.person_id, before,
                                        kNotificationPage + 1));
    page.more = page.items.size() > static_cast<std::size_t>(kNotificationPage);
    if (page.more) page.items.pop_back();
    page.unread =
        TRY(notifications.unread_count(actor.principal.tenant, actor.principal.person_id));
    return page;
  });
}

Result<std::int64_t> unread_notifications(Connection& connection, Id tenant, Id person) {
  if (person == 0) return std::int64_t{0};
  return store::NotificationStore(connection).unread_count(tenant, person);
}

Result<std::int64_t> unread_notifications(Connection& connection, const Actor& actor) {
  return unread_notifications(connection, actor.principal.tenant, actor.principal.person_id);
}

Result<std::int64_t> mark_notifications_read(Connection& connection, const Actor& actor,
                                             std::optional<Id> event) {
  if (actor.principal.person_id == 0) return std::int64_t{0};
  const Id tenant = actor.principal.tenant;
  const Id person = actor.principal.person_id;
  store::NotificationStore notifications(connection);
  auto unread = store::in_transaction(connection, [&]() -> Result<std::int64_t> {
    TRY(notifications.mark_read(tenant, person, event, actor.clock()));
    return notifications.unread_count(tenant, person);
  });
  // The person's other open pages update their bells too.
  if (unread) signal_notified(tenant, std::span<const Id>(&person, 1));
  return unread;
}

Result<std::vector<NotificationPreference>> notification_preferences(Connection& connection,
                                                                     const Actor& actor) {
  if (actor.principal.person_id == 0) return refuse();
  auto stored = TRY(store::NotificationStore(connection)
                        .stored_preferences(actor.principal.tenant, actor.principal.person_id));
  return preferences_with_defaults(stored);
}

Result<std::vector<NotificationPreference>> set_notification_preferences(
    Connection& connection, const Actor& actor, std::span<const NotificationPreference> changes) {
  if (actor.principal.person_id == 0) return refuse();
  store::NotificationStore notifications(connection);
  return store::in_transaction(connection, [&]() -> Result<std::vector<NotificationPreference>> {
    for (const NotificationPreference& preference : changes)
      TRY(notifications.set_preference(actor.principal.tenant, actor.principal.person_id,
                                       preference));
    auto stored =
        TRY(notifications.stored_preferences(actor.principal.tenant, actor.principal.person_id));
    return preferences_with_defaults(stored);
  });
}

}  // namespace dk::service
