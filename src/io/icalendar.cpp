#include "io/icalendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <set>
#include <string_view>

namespace dk::io {
namespace {

// RFC 5545 3.1: a content line is at most 75 octets, not counting its CRLF.
constexpr std::size_t kMaxLineOctets = 75;

bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629's table: no
// overlong forms, no surrogates, nothing past U+10FFFF), or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation_byte(text[i])) return 0;
  }
  return length;
}

// A TEXT value (RFC 5545 3.3.11). Backslash, semicolon and comma are escaped and a line break
// (CRLF, LF or CR alone) becomes \n, so that no text can end the property or start another. Other
// control characters are not allowed in TEXT and are dropped; bytes that are not UTF-8 become
// U+FFFD, so that a feed is never rejected as a whole for one bad title.
std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const char c = text.front();
    if (c == '\r' || c == '\n') {
      out += "\\n";
      text.remove_prefix(c == '\r' && text.size() > 1 && text[1] == '\n' ? 2 : 1);
      continue;
    }
    const std::size_t length = utf8_sequence_length(text);
    if (length == 0) {
      out += "\uFFFD";
      text.remove_prefix(1);
      continue;
    }
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (length > 1 || c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F)) {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

// A URI or a recurrence rule: not TEXT, so nothing is escaped, but a line break in it would start
// a property of the caller's choosing, so control characters go.
std::string without_controls(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out;
}

// Appends `line` with CRLF, folded (RFC 5545 3.1): a fold is CRLF and one space, and it never
// falls inside a UTF-8 character, so that an app which unfolds naively still sees whole letters.
void append_line(std::string& out, std::string_view line) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    // A character is at most 4 octets, so its first one is at most 3 back.
    for (int back = 0; back < 3 && is_continuation_byte(line[cut]); ++back) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

void append_property(std::string& out, std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + 1 + value.size());
  line.append(name);
  line += ':';
  line.append(value);
  append_line(out, line);
}

// YYYYMMDDTHHMMSS of `instant` moved by `offset`; seconds are whole, as iCalendar has no fractions.
std::string format_date_time(Instant instant, std::chrono::seconds offset) {
  const auto shifted = std::chrono::floor<std::chrono::seconds>(instant) + offset;
  const auto day = std::chrono::floor<std::chrono::days>(shifted);
  const std::chrono::hh_mm_ss time{shifted - day};
  const CivilDate date = civil_from_days(static_cast<long>(day.time_since_epoch().count()));
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", date.year, date.month, date.day,
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// A local date-time property: "DTSTART;TZID=Asia/Ho_Chi_Minh:20260106T170000". Local time with
// the zone (rather than UTC) is what RFC 5545 wants under a recurrence rule, and apps show it as
// the club wrote it.
void append_local_time(std::string& out, std::string_view name, Instant instant) {
  append_property(out, fmt::format("{};TZID={}", name, kIcalendarTimeZone),
                  format_date_time(instant, kVietnamOffset));
}

void append_text(std::string& out, std::string_view name, std::string_view text) {
  if (!text.empty()) append_property(out, name, escape_text(text));
}

// Vietnam has kept UTC+7 without daylight saving since 1975; one STANDARD rule from 1970 covers
// every date a feed holds. Inventing the zone here, rather than asking the machine's tz database,
// keeps the output a pure function of the input.
void append_time_zone(std::string& out) {
  append_property(out, "BEGIN", "VTIMEZONE");
  append_property(out, "TZID", kIcalendarTimeZone);
  append_property(out, "BEGIN", "STANDARD");
  append_property(out, "DTSTART", "19700101T000000");
  append_property(out, "TZOFFSETFROM", "+0700");
  append_property(out, "TZOFFSETTO", "+0700");
  append_property(out, "TZNAME", "ICT");
  append_property(out, "END", "STANDARD");
  append_property(out, "END", "VTIMEZONE");
}

void append_event(std::string& out, const CalendarEvent& event) {
  append_property(out, "BEGIN", "VEVENT");
  append_text(out, "UID", event.uid);
  append_property(out, "DTSTAMP", format_date_time(event.stamp, std::chrono::seconds(0)) + "Z");
  append_property(out, "SEQUENCE", std::to_string(event.sequence));
  if (event.recurrence_id) append_local_time(out, "RECURRENCE-ID", *event.recurrence_id);
  append_local_time(out, "DTSTART", event.starts_at);
  append_local_time(out, "DTEND", event.ends_at);
  if (event.rrule) append_property(out, "RRULE", without_controls(*event.rrule));
  // Sorted and without repeats, so that the order the store reads them in never changes the feed.
  const std::set<Instant> exception_dates(event.exception_dates.begin(),
                                          event.exception_dates.end());
  for (const Instant date : exception_dates) append_local_time(out, "EXDATE", date);
  append_text(out, "SUMMARY", event.summary);
  append_text(out, "DESCRIPTION", event.description);
  append_text(out, "LOCATION", event.location);
  if (!event.url.empty()) append_property(out, "URL", without_controls(event.url));
  std::string categories;
  for (const std::string& category : event.categories) {
    if (category.empty()) continue;
    if (!categories.empty()) categories += ',';
    categories += escape_text(category);
  }
  if (!categories.empty()) append_property(out, "CATEGORIES", categories);
  if (event.cancelled) append_property(out, "STATUS", "CANCELLED");
  append_property(out, "END", "VEVENT");
}

// Whether the rule gives a session on `date`: core answers it for a cancellation of that date.
bool is_session_date(const WeeklyRule& rule, const CivilDate& date) {
  return validate_exception(rule, RuleException{date, std::nullopt}).has_value();
}

}  // namespace

std::string write_icalendar(const Calendar& calendar) {
  std::string out;
  append_property(out, "BEGIN", "VCALENDAR");
  append_property(out, "VERSION", "2.0");
  append_property(out, "PRODID", "-//Doan Ket//doanket//VI");
  append_property(out, "CALSCALE", "GREGORIAN");
  append_property(out, "METHOD", "PUBLISH");
  // X-WR-* are not RFC 5545 but are what Google Calendar, Apple Calendar and Outlook read for a
  // subscribed feed's name and zone.
  append_text(out, "X-WR-CALNAME", calendar.name);
  append_text(out, "X-WR-CALDESC", calendar.description);
  append_property(out, "X-WR-TIMEZONE", kIcalendarTimeZone);
  append_time_zone(out);
  for (const CalendarEvent& event : calendar.events) append_event(out, event);
  append_property(out, "END", "VCALENDAR");
  return out;
}

std::vector<CalendarEvent> weekly_session_events(const CalendarEvent& series,
                                                 const WeeklyRule& rule,
                                                 const std::vector<RuleException>& exceptions) {
  const std::optional<CivilDate> first = first_session_date(rule);
  if (!first) return {};
  const auto session_start = [&](const CivilDate& date) {
    return vietnam_instant(date, rule.start_minute);
  };

  CalendarEvent master = series;
  // RFC 5545 counts DTSTART as the first occurrence, so it must be a session itself.
  master.starts_at = session_start(*first);
  master.ends_at = vietnam_instant(*first, rule.end_minute);
  master.rrule = rrule(rule);
  master.exception_dates.clear();
  master.recurrence_id.reset();
  std::vector<CalendarEvent> moved;
  std::set<CivilDate> seen;
  for (const RuleException& exception : exceptions) {
    if (!is_session_date(rule, exception.date) || !seen.insert(exception.date).second) continue;
    if (!exception.moved_to) {
      master.exception_dates.push_back(session_start(exception.date));
      continue;
    }
    // A moved session overrides the rule's one through RECURRENCE-ID instead of an EXDATE plus a
    // new event, so that apps know it is the same session (and keep its attendees and alarms).
    CalendarEvent session = series;
    session.starts_at = vietnam_instant(exception.moved_to->date, exception.moved_to->start_minute);
    session.ends_at = vietnam_instant(exception.moved_to->date, exception.moved_to->end_minute);
    session.rrule.reset();
    session.exception_dates.clear();
    session.recurrence_id = session_start(exception.date);
    moved.push_back(std::move(session));
  }
  std::sort(moved.begin(), moved.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
    return *a.recurrence_id < *b.recurrence_id;
  });
  std::vector<CalendarEvent> out{std::move(master)};
  std::move(moved.begin(), moved.end(), std::back_inserter(out));
  return out;
}

}  // namespace dk::io
