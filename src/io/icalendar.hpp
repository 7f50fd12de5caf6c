#pragma once
// Writing an iCalendar feed (RFC 5545): the activities a person signed up for, or an
// organization's, as calendar apps subscribe to them, with Vietnamese text, times in
// Asia/Ho_Chi_Minh, and a club's weekly sessions as one recurring event.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/recurrence.hpp"

namespace dk::io {

// One VEVENT. Text is UTF-8 (NFC, as the rest of the product keeps it); the writer escapes and
// folds it, so any text may go in.
struct CalendarEvent {
  // Stable across feeds and edits, so that a calendar app updates the event instead of adding a
  // second one: "activity-12@stp-ht.doanket". A moved session shares its series' uid.
  std::string uid;
  Instant starts_at{};  // UTC; written as local time in Asia/Ho_Chi_Minh
  Instant ends_at{};    // after starts_at
  std::string summary;
  std::string description;  // empty: left out, as are location, url and categories
  std::string location;
  std::string url;                      // a URI; control characters are dropped
  std::vector<std::string> categories;  // e.g. the activity kind's Vietnamese label
  std::optional<std::string> rrule;     // core's rrule(): "FREQ=WEEKLY;BYDAY=TU,TH"
  // Cancelled sessions of a recurring event: the starts the rule gives them EXDATE.
  std::vector<Instant> exception_dates;
  // Set on a session that was moved: the start the rule gave it (RECURRENCE-ID); starts_at and
  // ends_at are then its new times.
  std::optional<Instant> recurrence_id;
  bool cancelled = false;     // STATUS:CANCELLED, so that apps strike it out instead of losing it
  Instant stamp{};            // DTSTAMP: when this version of the event was made (UTC)
  std::int64_t sequence = 0;  // bumped on every change that matters to attendees
};

struct Calendar {
  std::string name;         // X-WR-CALNAME, the name apps show: "Lịch của Nguyễn Văn Đức"
  std::string description;  // X-WR-CALDESC; empty: left out
  std::vector<CalendarEvent> events;
};

inline constexpr const char* kIcalendarTimeZone = "Asia/Ho_Chi_Minh";
inline constexpr const char* kIcalendarContentType = "text/calendar; charset=utf-8";

// The whole VCALENDAR: CRLF line ends, lines folded at 75 octets between UTF-8 characters, TEXT
// escaped, one VTIMEZONE for Asia/Ho_Chi_Minh, local times with TZID, DTSTAMP in UTC. It reads no
// clock: the same calendar gives the same bytes.
std::string write_icalendar(const Calendar& calendar);

// A club's weekly sessions as events: one recurring event (DTSTART at the first session, RRULE
// from core's rrule(), EXDATE for each cancelled session) and one event per moved session, with
// the series' uid and a RECURRENCE-ID naming the session it replaces. `series` gives the uid,
// texts, stamp and sequence; its times, rrule, exception dates and recurrence id are set here.
// Expanded by a calendar app, they give the sessions that core's occurrences() gives. Exceptions
// that name no session of the rule are ignored and, for one date, the first counts, as there.
// Nothing when the rule gives no session at all.
std::vector<CalendarEvent> weekly_session_events(const CalendarEvent& series,
                                                 const WeeklyRule& rule,
                                                 const std::vector<RuleException>& exceptions);

}  // namespace dk::io
