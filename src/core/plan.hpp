#pragma once
// An organization's plan for a year (kế hoạch năm): how many activities of each kind it means to
// hold, the share of its members it means to involve and how many to reach, its programmes, and
// how far the year has come against those targets.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/error.hpp"

namespace dk {

struct Plan {
  Id id = 0;
  Id tenant_id = 0;
  Id organization_id = 0;
  int year = 0;
  std::string title;  // "Kế hoạch hoạt động năm 2026"
  std::string note;
  std::map<ActivityKind, std::int64_t> activity_targets;  // kinds without a target are absent
  std::optional<std::int64_t> participation_target;       // percent of members, 0–100
  std::optional<std::int64_t> reach_target;               // members taking part at least once
};

// A thread of the plan's activities: "Tháng Thanh niên", "Chào mừng ngày 20/10".
struct Programme {
  Id id = 0;
  Id plan_id = 0;
  std::string title;
  std::string description;
};

struct KindProgress {
  ActivityKind kind = ActivityKind::other;
  std::int64_t target = 0;   // 0: no target for this kind
  std::int64_t held = 0;     // done
  std::int64_t planned = 0;  // published, not yet done
};

struct PlanProgress {
  std::vector<KindProgress> kinds;  // every kind with a target or an activity, in the list's order
  std::int64_t members = 0;         // current members of the organization
  std::int64_t reached = 0;         // of them, those present or late at least once this plan
  std::int64_t participation_percent = 0;  // reached / members, rounded down
};

// Field-named problems: title required, a year between 2000 and 2100, targets not negative, a
// participation target of at most 100 percent.
Status validate_plan(const Plan& plan);
Status validate_programme(const Programme& programme);

}  // namespace dk
