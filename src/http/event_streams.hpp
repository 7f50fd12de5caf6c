#pragma once
// The bell's live stream, GET /api/v1/notifications/stream, as server-sent events: a signed-in page
// opens one (the browser's EventSource), and is sent `event: unread` with the person's unread
// count at once and whenever a notification for them is committed, so that no page polls. A
// comment line every kHeartbeat keeps proxies and the server's own write timer from closing an
// idle stream; at each heartbeat the session is checked again, and a stream whose session ended
// (signed out, expired) is closed. RESTinio stays in server.cpp: a stream is written through the
// two functions it hands over.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "http/exchange.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::http {

struct ApiSettings;

class EventStreams {
 public:
  // Sends text to the client; the stream reports a lost connection through closed().
  using Write = std::function<void(std::string text)>;
  // Ends the response (the server is stopping, or the session ended).
  using End = std::function<void()>;

  static constexpr std::chrono::seconds kHeartbeat{15};
  // A page opens one stream; a person with many tabs and phones a few. More than this many for one
  // person, or in all, is refused (429/503) rather than letting one client hold the server's
  // sockets and the heartbeat's queries.
  static constexpr std::size_t kMaxStreamsPerPerson = 8;
  static constexpr std::size_t kMaxStreams = 10'000;

  EventStreams(service::Database& database, const ApiSettings& settings);
  ~EventStreams();
  EventStreams(const EventStreams&) = delete;
  EventStreams& operator=(const EventStreams&) = delete;

  // Who opens a stream, from the request's session cookie; the error is the problem to answer.
  Result<service::Actor> sign_in(const HttpRequest& request);
  // Registers the stream of a signed-in request (its headers sent) and queues its first count.
  Result<std::uint64_t> open(const HttpRequest& request, const service::Actor& actor, Write write,
                             End end);
  // The client went away (a write failed): forget the stream.
  void closed(std::uint64_t id);
  // Ends every stream and stops: before the server stops.
  void close_all();
  std::size_t open_streams() const;

 private:
  struct Stream {
    Id tenant = 0;
    Id person = 0;
    Id account = 0;       // streams are counted per account (an administrator may be no person)
    std::string session;  // the token, to check at each heartbeat
    std::string address;
    Write write;
    End end;
    std::uint64_t listening = 0;
  };

  void run();
  void send_count(std::uint64_t id, const Stream& stream);
  void heartbeat();

  service::Database& database_;
  const ApiSettings& settings_;
  mutable std::mutex mutex_;
  std::condition_variable woken_;
  std::map<std::uint64_t, std::shared_ptr<Stream>> streams_;
  std::set<std::uint64_t> dirty_;  // streams whose count is to be sent
  std::uint64_t next_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dk::http
