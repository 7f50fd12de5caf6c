#pragma once
// What the bell and the e-mail say of an activity (its notifications' texts), for the activities'
// use cases. Not for the adapters.

#include "core/activity.hpp"
#include "core/notification.hpp"

namespace dk::service {

// Cancelled, moved (time or place) or a place freed off the waiting list.
NotificationEvent activity_event(const Activity& activity, NotificationKind kind, Instant at);

}  // namespace dk::service
