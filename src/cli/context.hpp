#pragma once
// What every command shares: the global options and the way to reach the database.

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::cli {

struct Context {
  std::string database = "doanket.db";  // --db: a file path or postgresql://…
  std::optional<std::string> agency;    // --agency CODE
  std::string language = "vi";          // --lang vi|en
  Clock clock = system_clock();
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;

  Result<service::OwnedConnection> connect() const;
  Result<Agency> agency_in(service::Connection& connection) const;
  // Who the command acts as in the use cases it calls (service/command_line.hpp).
  service::Actor actor_in(const Agency& tenant) const;
  // Prints an error in the chosen language and returns its exit code.
  int report(const Error& error) const;
  // Picks the text of the chosen language.
  const char* say(const char* vi, const char* en) const { return language == "en" ? en : vi; }
};

}  // namespace dk::cli
