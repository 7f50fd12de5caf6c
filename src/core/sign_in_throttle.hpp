#pragma once
// How long a sign-in must wait after failed ones. A few mistakes cost nothing; then each further
// failure doubles the wait; past the hourly ceiling the subject is refused until the hour's
// failures age out. The store counts failures; this decides.
//
// Three counts, as OWASP's guidance on blocking brute force advises, so that neither an office
// behind one address nor the owner of a known login can be locked out by someone else:
// - a login from one address (the pair) is the tight one: whoever guesses from one place waits;
// - a login from any address stops a guesser who spreads over many addresses, but does not apply
//   where the account has signed in before (a known place, for kKnownPlaceFor): the owner at
//   their desk is never locked out by failures made elsewhere;
// - an address for every login stops one place from trying many accounts, loosely, since a
//   whole office may share that address.

#include <chrono>
#include <cstdint>

namespace dk {

struct ThrottlePolicy {
  std::int64_t free_failures;       // failures in the window before any wait
  std::int64_t hourly_ceiling;      // failures in the window after which every attempt is refused
  std::chrono::seconds first_wait;  // after the first failure past the free ones
  std::chrono::seconds longest_wait;
};

// One login from one address: at most 100 failures an hour.
inline constexpr ThrottlePolicy kPairThrottle{5, 100, std::chrono::seconds(30),
                                              std::chrono::minutes(15)};
// One login from anywhere but its known places.
inline constexpr ThrottlePolicy kLoginThrottle{20, 300, std::chrono::seconds(30),
                                               std::chrono::minutes(15)};
// One address for every login: an office behind one NAT address shares it, so it allows more.
inline constexpr ThrottlePolicy kAddressThrottle{30, 1000, std::chrono::seconds(10),
                                                 std::chrono::minutes(15)};
inline constexpr std::chrono::hours kThrottleWindow{1};
// An address the account signed in from within this long is one of its known places.
inline constexpr std::chrono::days kKnownPlaceFor{90};

// The wait still due, given the failures in the last hour and the time since the latest one;
// zero when an attempt may go ahead.
std::chrono::seconds throttle_wait(const ThrottlePolicy& policy, std::int64_t failures_in_window,
                                   std::chrono::seconds since_latest_failure,
                                   std::chrono::seconds since_oldest_failure);

}  // namespace dk
