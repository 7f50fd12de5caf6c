#pragma once
// What the engagement reads hand up: the people behind a number and the organizations that work
// together. Plain records shared by the store, the service and the adapters.

#include <cstdint>
#include <optional>
#include <string>

#include "core/activity.hpp"
#include "core/clock.hpp"
#include "core/registry.hpp"

namespace dk {

// Who a drill-down lists: the members, those reached (≥ 1), never reached, repeat (≥ 3), core
// (≥ 6), lapsed (attended last year, not this year) or gone quiet (no attendance for N days).
enum class EngagementCrowd { members, reached, never, repeat, core, lapsed, gone_quiet };

template <>
std::span<const CodeEntry<EngagementCrowd>> code_entries();

struct EngagementPerson {
  Id person_id = 0;
  std::string full_name;
  std::optional<Id> unit_id;
  std::string unit_name;
  Id organization_id = 0;
  std::int64_t attended = 0;  // in the year (of the kind, when one is chosen)
  std::int64_t previous_attended = 0;
  std::optional<long> last_attended_day;  // days since 1970, up to the end of the year
};

// Two organizations of the agency that organized activities together in a year.
struct CoordinationPair {
  Id first = 0;  // the smaller organization id
  Id second = 0;
  std::int64_t activities = 0;
};

struct JointActivity {
  Id id = 0;
  std::string title;
  ActivityKind kind = ActivityKind::other;
  Instant starts_at{};
};

// An invitation a member sees in the app: an upcoming activity an officer invited them to.
struct Invitation {
  JointActivity activity;
  std::string place;
  Instant invited_at{};
  std::string invited_by;  // the officer's name, "" when their account is gone
};

}  // namespace dk
