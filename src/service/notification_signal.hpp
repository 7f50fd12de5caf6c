#pragma once
// Within the process, who waits to hear of new notifications: the bell's open event streams (one
// per signed-in page) and the mail sender. A use case that published notifications says so once
// its transaction is committed; each listener then reads what it needs from the database itself,
// so the signal carries no data and a missed one costs only a little delay, never a wrong count.
// (Several server processes on one PostgreSQL would relay it with LISTEN/NOTIFY; one process
// serves today.)

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <span>

#include "core/registry.hpp"

namespace dk::service {

class NotificationSignal {
 public:
  // Called on the thread that notifies: it must only hand the news on (queue it), not do I/O.
  using Listener = std::function<void()>;

  // A listener for one person's notifications; the handle stops it.
  std::uint64_t listen(Id tenant, Id person, Listener listener);
  // A listener for every notification (the mail sender).
  std::uint64_t listen_all(Listener listener);
  void stop(std::uint64_t handle);

  // New notifications for `people` of `tenant`; none named: possibly for anyone of it.
  void notify(Id tenant, std::span<const Id> people);

  std::size_t listeners() const;

 private:
  struct Entry {
    Id tenant = 0;
    Id person = 0;  // 0: everything
    Listener listener;
  };
  mutable std::mutex mutex_;
  std::uint64_t next_ = 1;
  std::map<std::uint64_t, Entry> entries_;
};

// The process's one signal.
NotificationSignal& notification_signal();

}  // namespace dk::service
