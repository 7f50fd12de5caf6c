#pragma once
// Time comes in through a clock the caller injects, so that tests are deterministic. Instants are
// UTC; the civil date of an instant is taken in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).

#include <chrono>
#include <cstdint>
#include <functional>

#include "core/civil_date.hpp"

namespace dk {

using Instant = std::chrono::system_clock::time_point;
using Clock = std::function<Instant()>;

// Records keep instants as Unix seconds.
inline std::int64_t seconds_of(Instant instant) {
  return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}
inline Instant instant_of(std::int64_t seconds) {
  return Instant(std::chrono::seconds(seconds));
}

inline Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

// The system clock moved by `shift`: it reads `reads` when the system clock reads `real`, and
// runs on from there at the system clock's pace. Test builds run the binary on one (see
// cli/process_clock.hpp), so that every process a test starts shares one moved timeline.
inline Clock shifted_clock(Instant reads, Instant real) {
  const auto shift = reads - real;
  return [shift] { return std::chrono::system_clock::now() + shift; };
}

inline constexpr std::chrono::hours kVietnamOffset{7};  // UTC+7 all year round

inline CivilDate vietnam_date(Instant instant) {
  const auto days = std::chrono::floor<std::chrono::days>(instant + kVietnamOffset);
  return civil_from_days(static_cast<long>(days.time_since_epoch().count()));
}

// The instant at which a wall clock in Vietnam shows `date` and `minute_of_day` (0 is midnight;
// 1440 is the next midnight): local 06:00 is 23:00 UTC the day before.
inline Instant vietnam_instant(const CivilDate& date, int minute_of_day) {
  const std::chrono::sys_days day{std::chrono::days(days_from_civil(date))};
  return Instant(day) + std::chrono::minutes(minute_of_day) - kVietnamOffset;
}

}  // namespace dk
