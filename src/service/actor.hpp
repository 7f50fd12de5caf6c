#pragma once
// Who is acting, from where and when: what every use case of the web service receives. The
// principal says what they may do; the address and the clock go into the audit log.

#include <string>

#include "core/access.hpp"
#include "core/clock.hpp"

namespace dk::service {

struct Actor {
  Principal principal;
  std::string login;
  std::string full_name;
  std::string session_digest;  // the stored hash of the session's token
  std::string csrf_token;
  std::string address;  // the client's IP address
  Clock clock = system_clock();
};

inline std::int64_t unix_seconds(Instant instant) {
  return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

}  // namespace dk::service
