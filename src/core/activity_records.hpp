#pragma once
// Activities as kept and read back: the stored activity, a query over them, registrations and
// attendance records. Plain values shared by the store, the services and the adapters.

#include <cstdint>
#include <optional>
#include <string>

#include "core/activity.hpp"
#include "core/registration.hpp"

namespace dk {

// An activity as stored: the domain value and what the store keeps beside it.
struct StoredActivity {
  Activity activity;
  std::optional<Id> programme_id;
  std::int64_t registered = 0;  // places taken
  std::string check_in_secret;
  std::optional<Id> created_by;  // account
  std::int64_t created_at = 0;   // Unix seconds
  std::int64_t updated_at = 0;
};

struct ActivityQuery {
  std::optional<Instant> from;        // activities that end after it
  std::optional<Instant> to;          // … and start before it
  std::optional<Id> organization_id;  // organized (or co-organized) by it
  std::optional<Id> plan_id;
  std::optional<ActivityStatus> status;
  bool include_drafts = true;
  std::optional<Id> registered_person;  // only those this person holds a place in
  std::int64_t limit = 500;
};

struct Registration {
  Id id = 0;
  Id activity_id = 0;
  Id person_id = 0;
  std::string full_name;
  RegistrationState state = RegistrationState::registered;
  std::int64_t registered_at = 0;  // Unix seconds
  std::optional<std::int64_t> cancelled_at;
};

struct AttendanceRecord {
  Id person_id = 0;
  std::string full_name;
  AttendanceState state = AttendanceState::present;
  std::optional<std::int64_t> checked_in_at;
  std::string method;  // activity_code, person_code, by_hand
};

// What a registration attempt came to.
struct RegistrationOutcome {
  Registration registration;
  bool changed = false;  // false: the person was registered or waitlisted already
};

}  // namespace dk
