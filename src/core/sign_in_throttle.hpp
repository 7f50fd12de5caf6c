#pragma once
// How long a login or an address must wait after failed sign-ins. A few mistakes cost nothing;
// then each further failure doubles the wait; past the hourly ceiling the subject is refused until
// the hour's failures age out. The store counts failures; this decides.

#include <chrono>
#include <cstdint>

namespace dk {

struct ThrottlePolicy {
  std::int64_t free_failures;       // failures in the window before any wait
  std::int64_t hourly_ceiling;      // failures in the window after which every attempt is refused
  std::chrono::seconds first_wait;  // after the first failure past the free ones
  std::chrono::seconds longest_wait;
};

// Per account: at most 100 failures an hour, as the issue requires.
inline constexpr ThrottlePolicy kLoginThrottle{5, 100, std::chrono::seconds(30),
                                               std::chrono::minutes(15)};
// Per address: an office behind one NAT address shares it, so it allows more.
inline constexpr ThrottlePolicy kAddressThrottle{30, 1000, std::chrono::seconds(10),
                                                 std::chrono::minutes(15)};
inline constexpr std::chrono::hours kThrottleWindow{1};

// The wait still due, given the failures in the last hour and the time since the latest one;
// zero when an attempt may go ahead.
std::chrono::seconds throttle_wait(const ThrottlePolicy& policy, std::int64_t failures_in_window,
                                   std::chrono::seconds since_latest_failure,
                                   std::chrono::seconds since_oldest_failure);

}  // namespace dk
