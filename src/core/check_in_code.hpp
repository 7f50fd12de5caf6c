#pragma once
// The codes behind the QR codes of check-in.
//
// An activity's screen at the gate shows a code that changes every time step (two minutes), so
// that a photo sent around a group chat stops working soon after. The code is an HMAC-SHA-256 of
// the activity and the step under a per-activity secret: the server recomputes it and needs to
// store nothing per code. A member's own code (shown on their phone, scanned by an officer) does
// not expire; it names the person and carries a MAC under the agency's secret.
//
// Secrets are random bytes the service draws (randombytes_buf, 32 bytes) and keeps; they never
// leave the server. These functions need no sodium_init (only HMAC and a constant-time compare,
// which read no random source), so core still does no I/O.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/registry.hpp"

namespace dk {

inline constexpr std::chrono::seconds kCheckInStep{120};

// The number of the time step an instant falls in: floor(seconds since the epoch / step).
std::int64_t time_step(Instant instant, std::chrono::seconds step_length = kCheckInStep);

// When a time step begins; the screen refreshes its code at the start of the next one.
Instant time_step_start(std::int64_t step, std::chrono::seconds step_length = kCheckInStep);

// The activity's code for one step: "<step>-<10 base32 letters of the MAC>", URL-safe
// ("14823456-k3mz7q2abx"). The activity id is not in it: the URL that carries it names the
// activity, and the MAC binds the two.
std::string check_in_token(std::string_view secret, Id activity, std::int64_t step);

// Whether `token` is the activity's code for the current step or the one before (a scan taken
// just before the screen changed, a slow network). Codes from two steps ago, from the future,
// of another activity or under another secret are refused. Compares in constant time.
bool token_valid(std::string_view secret, Id activity, std::string_view token, Instant now,
                 std::chrono::seconds step_length = kCheckInStep);

// A person's own code: "<person>-<16 base32 letters of the MAC>", no expiry. Pass the agency's
// secret (plus, if the service wants one person's code revocable alone, a per-person version
// appended to it).
std::string person_token(std::string_view secret, Id tenant, Id person);

// The person a code names, when it is genuine for this agency and secret; nothing otherwise.
std::optional<Id> person_from_token(std::string_view secret, Id tenant, std::string_view token);

}  // namespace dk
