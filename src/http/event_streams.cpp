#include "http/event_streams.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "http/api.hpp"
#include "service/authentication.hpp"
#include "service/notification_signal.hpp"
#include "service/notifications.hpp"

namespace dk::http {

EventStreams::EventStreams(service::Database& database, const ApiSettings& settings)
    : database_(database), settings_(settings), thread_([this] { run(); }) {}

EventStreams::~EventStreams() {
  close_all();
  thread_.join();
}

Result<service::Actor> EventStreams::sign_in(const HttpRequest& request) {
  Result<service::Actor> actor = std::unexpected(Error{});
  database_.with_connection([&](service::Connection& connection) {
    actor =
        service::authenticate(connection, session_token(request), request.address, settings_.clock);
  });
  return actor;
}

Result<std::uint64_t> EventStreams::open(const HttpRequest& request, const service::Actor& actor,
                                         Write write, End end) {
  auto stream = std::make_shared<Stream>();
  stream->session = session_token(request);
  stream->address = request.address;
  stream->tenant = actor.principal.tenant;
  stream->person = actor.principal.person_id;
  stream->account = actor.principal.account_id;
  stream->write = std::move(write);
  stream->end = std::move(end);
  std::lock_guard lock(mutex_);
  if (stopping_) {
    return fail(ErrorKind::unavailable, "server.stopping", "Máy chủ đang dừng.",
                "The server is stopping.");
  }
  if (streams_.size() >= kMaxStreams) {
    return fail(ErrorKind::unavailable, "stream.server_full",
                "Máy chủ đang giữ quá nhiều kết nối cập nhật; trang sẽ tự thử lại.",
                "The server holds too many live connections; the page will try again.");
  }
  const auto own = std::ranges::count_if(streams_, [&](const auto& entry) {
    return entry.second->tenant == stream->tenant &&
           entry.second->account == actor.principal.account_id;
  });
  if (static_cast<std::size_t>(own) >= kMaxStreamsPerPerson) {
    Error error{
        ErrorKind::rate_limited,
        "stream.too_many",
        Text{fmt::format("Tài khoản này đã mở {} trang tự cập nhật; hãy đóng bớt.",
                         kMaxStreamsPerPerson),
             fmt::format("This account has {} live pages open; close some.", kMaxStreamsPerPerson)},
        {},
        30};
    return std::unexpected(std::move(error));
  }
  const std::uint64_t id = next_++;
  // The signal only marks the stream: the count is read on this class's thread, not on the
  // thread that committed.
  stream->listening =
      service::notification_signal().listen(stream->tenant, stream->person, [this, id] {
        {
          std::lock_guard inner(mutex_);
          if (!streams_.contains(id)) return;
          dirty_.insert(id);
        }
        woken_.notify_all();
      });
  streams_.emplace(id, stream);
  dirty_.insert(id);
  woken_.notify_all();
  return id;
}

void EventStreams::closed(std::uint64_t id) {
  std::shared_ptr<Stream> stream;
  {
    std::lock_guard lock(mutex_);
    auto found = streams_.find(id);
    if (found == streams_.end()) return;
    stream = found->second;
    streams_.erase(found);
    dirty_.erase(id);
  }
  service::notification_signal().stop(stream->listening);
}

void EventStreams::close_all() {
  std::map<std::uint64_t, std::shared_ptr<Stream>> ending;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    ending.swap(streams_);
    dirty_.clear();
  }
  woken_.notify_all();
  for (auto& [id, stream] : ending) {
    service::notification_signal().stop(stream->listening);
    stream->end();
  }
}

std::size_t EventStreams::open_streams() const {
  std::lock_guard lock(mutex_);
  return streams_.size();
}

void EventStreams::send_count(std::uint64_t id, const Stream& stream) {
  Result<std::int64_t> unread = std::int64_t{0};
  database_.with_connection([&](service::Connection& connection) {
    unread = service::unread_notifications(connection, stream.tenant, stream.person);
  });
  // A count that cannot be read now is sent at the next signal; the stream stays open.
  if (!unread) return;
  // The event's id lets a page that reconnects say which count it saw last (Last-Event-ID).
  stream.write(fmt::format("id: {}\nevent: unread\ndata: {{\"unread\":{}}}\n\n", id, *unread));
}

void EventStreams::heartbeat() {
  std::vector<std::pair<std::uint64_t, std::shared_ptr<Stream>>> all;
  {
    std::lock_guard lock(mutex_);
    all.assign(streams_.begin(), streams_.end());
  }
  for (auto& [id, stream] : all) {
    bool signed_in = true;
    database_.with_connection([&](service::Connection& connection) {
      auto actor =
          service::authenticate(connection, stream->session, stream->address, settings_.clock);
      // Only an ended session closes the stream; a database hiccup does not.
      signed_in = actor || actor.error().kind != ErrorKind::unauthenticated;
    });
    if (!signed_in) {
      closed(id);
      stream->end();
      continue;
    }
    stream->write(": still here\n\n");
  }
}

void EventStreams::run() {
  auto next_heartbeat = std::chrono::steady_clock::now() + kHeartbeat;
  for (;;) {
    std::vector<std::pair<std::uint64_t, std::shared_ptr<Stream>>> due;
    {
      std::unique_lock lock(mutex_);
      woken_.wait_until(lock, next_heartbeat, [this] { return stopping_ || !dirty_.empty(); });
      if (stopping_) return;
      for (std::uint64_t id : dirty_) {
        if (auto found = streams_.find(id); found != streams_.end()) due.emplace_back(*found);
      }
      dirty_.clear();
    }
    for (auto& [id, stream] : due) send_count(id, *stream);
    if (std::chrono::steady_clock::now() >= next_heartbeat) {
      heartbeat();
      next_heartbeat = std::chrono::steady_clock::now() + kHeartbeat;
    }
  }
}

}  // namespace dk::http
