#include "core/sign_in_throttle.hpp"

#include <algorithm>

namespace dk {

std::chrono::seconds throttle_wait(const ThrottlePolicy& policy, std::int64_t failures_in_window,
                                   std::chrono::seconds since_latest_failure,
                                   std::chrono::seconds since_oldest_failure) {
  using std::chrono::seconds;
  if (failures_in_window >= policy.hourly_ceiling) {
    // Refused until the oldest failure of the window leaves it.
    return std::max(seconds(1),
                    std::chrono::duration_cast<seconds>(kThrottleWindow) - since_oldest_failure);
  }
  if (failures_in_window < policy.free_failures) return seconds(0);
  const std::int64_t doublings =
      std::min<std::int64_t>(failures_in_window - policy.free_failures, 20);
  const seconds due =
      std::min(policy.longest_wait, policy.first_wait * (std::int64_t{1} << doublings));
  return std::max(seconds(0), due - since_latest_failure);
}

}  // namespace dk
