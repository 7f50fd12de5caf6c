#pragma once
// The bell: a person's notifications, how many are unread, marking them read, and their choices
// per kind (core/notification.hpp). Other use cases publish notifications (service/notify.hpp).

#include <optional>
#include <span>
#include <vector>

#include "core/notification.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

inline constexpr int kNotificationPage = 30;

struct NotificationPage {
  std::vector<Notification> items;  // newest first
  std::int64_t unread = 0;
  bool more = false;  // older ones remain: ask again with `before` the last id
};

// An account that is no person (a bare administrator) has no notifications: empty, not an error.
Result<NotificationPage> my_notifications(Connection& connection, const Actor& actor,
                                          std::optional<Id> before);
Result<std::int64_t> unread_notifications(Connection& connection, const Actor& actor);
// The same for the event streams, which hold a person rather than a request's actor.
Result<std::int64_t> unread_notifications(Connection& connection, Id tenant, Id person);
// One (event) or all; the unread count after.
Result<std::int64_t> mark_notifications_read(Connection& connection, const Actor& actor,
                                             std::optional<Id> event);

Result<std::vector<NotificationPreference>> notification_preferences(Connection& connection,
                                                                     const Actor& actor);
// Stores the choices given (the other kinds keep theirs); returns every kind's.
Result<std::vector<NotificationPreference>> set_notification_preferences(
    Connection& connection, const Actor& actor, std::span<const NotificationPreference> changes);

}  // namespace dk::service
