#pragma once
// Who acts when a command runs: whoever may open the database file or address acts with an
// administrator's authority over the agency named, through the same use cases as the web service,
// so that the same checks apply and every change is audited — as coming from the command line.

#include <string_view>

#include "service/actor.hpp"

namespace dk::service {

// What the audit log shows as the address of a change made from the command line.
inline constexpr std::string_view kCommandLineAddress = "command-line";

inline Actor command_line_actor(Id tenant, Clock clock) {
  Actor actor;
  actor.principal.tenant = tenant;
  actor.principal.administrator = true;
  actor.address = std::string(kCommandLineAddress);
  actor.clock = std::move(clock);
  return actor;
}

}  // namespace dk::service
