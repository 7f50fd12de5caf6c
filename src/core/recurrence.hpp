#pragma once
// The weekly sessions of a club ("Tuesday and Thursday, 17:00–18:30"), with the sessions that are
// cancelled or moved, as dates and instants, as an RFC 5545 recurrence rule, and as text.
//
// Times of day are wall-clock minutes in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), the time
// the club's members read; the instants computed from them are UTC like every other Instant.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

// Weekday codes are the English names ("tuesday"); labels "Thứ Ba" / "Tuesday"; parse_code also
// reads "T3", "thu 3" and RFC 5545's "TU".
template <>
std::span<const CodeEntry<Weekday>> code_entries();

struct WeeklyRule {
  std::vector<Weekday> days;  // at least one, no repeats; any order (shown Monday first)
  int start_minute = 0;       // local time of day, 0..1439 (17:00 is 1020)
  int end_minute = 0;  // after start_minute, at most 1440 (midnight): no session spans two days
  CivilDate first;     // the first date sessions may fall on (need not be one of `days`)
  std::optional<CivilDate> last;  // inclusive; nothing: no end
};

// A session that takes place elsewhere in time: its new date and local times.
struct MovedSession {
  CivilDate date;
  int start_minute = 0;
  int end_minute = 0;
};

// A change to one session, named by the date the rule gives it.
struct RuleException {
  CivilDate date;
  std::optional<MovedSession> moved_to;  // nothing: the session is cancelled
};

struct Occurrence {
  CivilDate date;       // the local date it takes place on
  Instant starts_at{};  // UTC
  Instant ends_at{};
  bool moved = false;
  CivilDate original_date;  // the date the rule gives it (the iCalendar RECURRENCE-ID); == date
                            // unless moved
};

// Problems of a rule (field names are WeeklyRule's members): "recurrence.days_required",
// "recurrence.day_duplicate", "recurrence.time_invalid", "recurrence.date_invalid",
// "recurrence.last_before_first".
Status validate_weekly_rule(const WeeklyRule& rule);

// Problems of an exception: it must name a date the rule gives a session, and a move needs valid
// times. Codes "recurrence.not_a_session_date", "recurrence.time_invalid",
// "recurrence.date_invalid".
Status validate_exception(const WeeklyRule& rule, const RuleException& exception);

// The first date on or after rule.first that is one of its days (and not after rule.last): the
// DTSTART of its iCalendar event, which RFC 5545 wants to be an occurrence itself.
std::optional<CivilDate> first_session_date(const WeeklyRule& rule);

// The sessions that take place on the dates [from, to] (inclusive), in order of start: the rule's
// sessions, less the cancelled ones, with moved ones at their new date and time (a session moved
// into the range from outside it is included; one moved out of it is not). Exceptions that name
// no session of the rule are ignored; when two name the same date, the first counts.
std::vector<Occurrence> occurrences(const WeeklyRule& rule,
                                    const std::vector<RuleException>& exceptions, CivilDate from,
                                    CivilDate to);

// The RFC 5545 RRULE value, days in week order: "FREQ=WEEKLY;BYDAY=TU,TH" and, with a last date,
// ";UNTIL=20270630T165959Z" — the end of the last local day in UTC, as RFC 5545 requires of UNTIL
// when DTSTART has a TZID (DTSTART;TZID=Asia/Ho_Chi_Minh:20270105T170000).
std::string rrule(const WeeklyRule& rule);

// "Thứ Ba, Thứ Năm, 17:00–18:30" / "Tuesday, Thursday, 17:00–18:30".
Text describe(const WeeklyRule& rule);

// "17:00" for minute 1020; "24:00" for 1440.
std::string format_minute_of_day(int minute);

}  // namespace dk
