#pragma once
// A check-in as a door's scanner sends it: durable before it is acknowledged, answered once per
// Idempotency-Key, and committed together with the others waiting at a busy gate (group commit).

#include <functional>
#include <string>

#include "service/activities.hpp"
#include "service/database.hpp"
#include "service/idempotency.hpp"

namespace dk::service {

// The client's Idempotency-Key (empty: none sent) and the request's text it stands for.
struct RequestOnce {
  std::string key;
  std::string request;
};

// Checks the person in and returns the answer `render` makes of it, the first one again for a
// retry under the same key. `database` shares the commit with other check-ins when it groups
// commits; without one, or on an engine that does not, the check-in commits alone on `connection`.
Result<Answer> check_in_durably(Connection& connection, Database* database, const Actor& actor,
                                Id activity, const CheckIn& request, const RequestOnce& once,
                                const std::function<Answer(const CheckedIn&)>& render);

}  // namespace dk::service
