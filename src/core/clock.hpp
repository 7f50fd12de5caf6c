#pragma once
// Time comes in through a clock the caller injects, so that tests are deterministic. Instants are
// UTC; the civil date of an instant is taken in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).

#include <chrono>
#include <functional>

#include "core/civil_date.hpp"

namespace dk {

using Instant = std::chrono::system_clock::time_point;
using Clock = std::function<Instant()>;

inline Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

inline CivilDate vietnam_date(Instant instant) {
  constexpr auto kOffset = std::chrono::hours(7);
  const auto days = std::chrono::floor<std::chrono::days>(instant + kOffset);
  return civil_from_days(static_cast<long>(days.time_since_epoch().count()));
}

}  // namespace dk
