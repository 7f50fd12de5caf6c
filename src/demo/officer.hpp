#pragma once
// A demo account acting as the officer it is, on the days the demo's history needs: the demo
// writes through the service's use cases where people would have, and they check who acts.

#include <string_view>
#include <vector>

#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::demo {

struct DemoOfficer {
  service::Actor actor;
  // Acts on `day`, at 09:00 in Vietnam.
  void on(CivilDate day) {
    const Instant at = vietnam_instant(day, 9 * 60);
    actor.clock = [at] { return at; };
  }
};

// The account with `login`, an officer of `organizations`; an error when the demo accounts are
// not there yet.
Result<DemoOfficer> officer(service::Connection& connection, std::string_view login,
                            std::vector<Id> organizations);

}  // namespace dk::demo
