#include "service/notification_signal.hpp"

#include <algorithm>
#include <vector>

namespace dk::service {

std::uint64_t NotificationSignal::listen(Id tenant, Id person, Listener listener) {
  std::lock_guard lock(mutex_);
  const std::uint64_t handle = next_++;
  entries_.emplace(handle, Entry{tenant, person, std::move(listener)});
  return handle;
}

std::uint64_t NotificationSignal::listen_all(Listener listener) {
  return listen(0, 0, std::move(listener));
}

void NotificationSignal::stop(std::uint64_t handle) {
  std::lock_guard lock(mutex_);
  entries_.erase(handle);
}

void NotificationSignal::notify(Id tenant, std::span<const Id> people) {
  std::vector<Listener> called;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [handle, entry] : entries_) {
      const bool concerned =
          entry.person == 0 ||
          (entry.tenant == tenant &&
           (people.empty() || std::ranges::find(people, entry.person) != people.end()));
      if (concerned) called.push_back(entry.listener);
    }
  }
  // Outside the lock, so that a listener may stop itself or another.
  for (const Listener& listener : called) listener();
}

std::size_t NotificationSignal::listeners() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

NotificationSignal& notification_signal() {
  static NotificationSignal signal;
  return signal;
}

}  // namespace dk::service
