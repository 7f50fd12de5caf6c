#pragma once
// `doanket serve`: the API and the web app over HTTP from the same binary.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/database.hpp"

namespace dk::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port; the one chosen is printed
  unsigned threads = 0;       // 0: one per core
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};
  std::string web_root;  // a built web app to serve at `/`; empty: the one in the binary, if any
  // What every request takes as "now" (the access log's times stay the machine's).
  Clock clock = system_clock();
};

// Serves `database` (opened by the caller with `threads` connections) until SIGINT or SIGTERM, then
// stops accepting, lets the requests in flight finish and closes the database. Prints
// "http://ADDRESS:PORT" on `out` once it listens, and one JSON line per request on `log`.
Status serve(const ServerOptions& options, service::Database& database, std::ostream& out,
             std::ostream& log);

}  // namespace dk::http
