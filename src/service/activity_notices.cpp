#include "service/activity_notices.hpp"

#include <fmt/format.h>

#include "core/instant_text.hpp"

namespace dk::service {

NotificationEvent activity_event(const Activity& activity, NotificationKind kind, Instant at) {
  NotificationEvent event;
  event.tenant_id = activity.tenant_id;
  event.kind = kind;
  event.created_at = at;
  event.link = fmt::format("/activities/{}", activity.id);
  const std::string when = format_vietnamese_time(activity.starts_at);
  if (kind == NotificationKind::activity_cancelled) {
    event.title = Text{fmt::format("Hoạt động “{}” lúc {} đã bị hủy", activity.title, when),
                       fmt::format("“{}” at {} is cancelled", activity.title, when)};
  } else if (kind == NotificationKind::activity_changed) {
    event.title = Text{fmt::format("Hoạt động “{}” đổi sang {}", activity.title, when),
                       fmt::format("“{}” is now at {}", activity.title, when)};
    if (!activity.place.empty()) {
      event.body = Text{fmt::format("Địa điểm: {}.", activity.place),
                        fmt::format("Place: {}.", activity.place)};
    }
  } else {
    event.title = Text{fmt::format("Bạn đã có chỗ ở hoạt động “{}” lúc {}", activity.title, when),
                       fmt::format("You have a place at “{}” at {}", activity.title, when)};
    if (!activity.place.empty()) {
      event.body = Text{fmt::format("Địa điểm: {}.", activity.place),
                        fmt::format("Place: {}.", activity.place)};
    }
  }
  return event;
}

}  // namespace dk::service
