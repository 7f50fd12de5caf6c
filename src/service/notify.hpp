#pragma once
// For the use cases that tell people of something: inside their transaction they publish the
// event to its recipients; once it is committed they signal the listeners (the open bells, the
// mail sender), which then read it. Not for the adapters: it speaks the store's recipients.

#include "core/notification.hpp"
#include "service/database.hpp"
#include "store/notification_store.hpp"

namespace dk::service {

// Writes the event for its recipients by their choices; how many it reached.
Result<std::int64_t> publish_notification(Connection& connection, NotificationEvent event,
                                          const store::Recipients& recipients);

// After the commit: the people of `tenant` told of something (none named: perhaps anyone).
void signal_notified(Id tenant, std::span<const Id> people = {});

}  // namespace dk::service
