#pragma once
// Registering for an activity (capacity and a waitlist that promotes in order), checking in, and
// the short feedback afterwards. Pure rules: the store counts and locks, so that 1,000 people
// registering at once for 100 places get exactly 100 places; these functions say what each of
// them gets, given the counts read inside that transaction.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class RegistrationState {
  registered,  // holds a place
  waitlisted,  // waits for a place, in the order of registration
  cancelled,   // kept for the record; a new registration starts at the back of the queue
};

enum class AttendanceState {
  present,
  late,     // checked in after the start and its grace
  absent,   // registered (or required) and never checked in
  excused,  // absent with leave (vắng có phép), set by an officer
};

template <>
std::span<const CodeEntry<RegistrationState>> code_entries();
template <>
std::span<const CodeEntry<AttendanceState>> code_entries();

// Whether someone may register now: the activity is published and the time is inside the window
// [registration_opens_at, registration_closes_at), or before the start when no closing time is
// set. Errors (kind conflict, field "status" or the window's bound): "activity.not_published",
// "activity.cancelled", "registration.not_open_yet", "registration.closed".
Status may_register(const Activity& activity, Instant now);

// Whether a registration may be cancelled by its holder now: until the activity starts, unless
// the activity itself is cancelled or done. Same error codes as may_register.
Status may_cancel_registration(const Activity& activity, Instant now);

// The state a new registration gets when `registered_now` places are taken. Without a capacity
// everyone is registered; a capacity of 0 (which validate_activity refuses) waitlists everyone.
RegistrationState place_for_new(std::optional<std::int64_t> capacity, std::int64_t registered_now);

// Who moves up from the waitlist, in order, when places free up (a cancellation, a larger
// capacity): the first of `waitlist_in_order` that fit into the free places. Without a capacity,
// the whole waitlist.
std::vector<Id> promotions(std::optional<std::int64_t> capacity, std::int64_t registered_now,
                           const std::vector<Id>& waitlist_in_order);

// How early before the start the activity's QR code and the officer's scanner accept check-ins.
inline constexpr std::chrono::minutes kCheckInOpensBefore{60};
// How long after the start a check-in still counts as present.
inline constexpr std::chrono::minutes kLateGrace{10};

// Whether check-in is open now: the activity is published (or done, for those who arrive as the
// officer closes it) and the time is in [starts_at - opens_before, ends_at). Errors (kind
// conflict): "activity.not_published", "activity.cancelled", "check_in.not_open_yet",
// "check_in.closed".
Status may_check_in(const Activity& activity, Instant now,
                    std::chrono::minutes opens_before = kCheckInOpensBefore);

// Present when checked in no later than starts_at + grace (exactly at that moment is still on
// time), late after it.
AttendanceState attendance_for_check_in(Instant starts_at, Instant checked_in_at,
                                        std::chrono::minutes grace = kLateGrace);

struct Feedback {
  int rating = 0;       // 1 (poor) to 5 (excellent)
  std::string comment;  // optional; normalized text
};

inline constexpr std::size_t kMaxFeedbackCommentLength = 1000;  // characters

// Whether this feedback may be recorded: a rating of 1 to 5, a comment of at most 1,000
// characters, given once the activity has started, by someone whose attendance is present or late
// (nothing: no attendance recorded). Errors: "feedback.rating_invalid", "feedback.comment_too_long"
// (invalid_input, with the field), "feedback.too_early" (conflict), "feedback.not_attended"
// forbidden.
Status validate_feedback(const Feedback& feedback, Instant activity_starts_at, Instant now,
                         std::optional<AttendanceState> attendance);

}  // namespace dk
