// The feed is checked with libical, the parser behind Evolution and many servers, rather than
// against our own reading of RFC 5545: if libical reads back the text, the times and the sessions
// we meant, calendar apps will too.

#include "io/icalendar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace dk::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono_literals;

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// The VCALENDAR libical reads from `text`; the test fails if libical reports any error in it.
Component parse(const std::string& text) {
  Component calendar{icalparser_parse_string(text.c_str())};
  EXPECT_NE(calendar, nullptr);
  if (!calendar) return calendar;
  EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0) << text;
  return calendar;
}

std::vector<icalcomponent*> events_of(icalcomponent* calendar) {
  std::vector<icalcomponent*> events;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
       event != nullptr;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    events.push_back(event);
  }
  return events;
}

std::vector<icalproperty*> properties_of(icalcomponent* component, icalproperty_kind kind) {
  std::vector<icalproperty*> properties;
  for (icalproperty* property = icalcomponent_get_first_property(component, kind);
       property != nullptr; property = icalcomponent_get_next_property(component, kind)) {
    properties.push_back(property);
  }
  return properties;
}

std::string tzid_of(icalproperty* property) {
  icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
  return tzid ? icalparameter_get_tzid(tzid) : "";
}

// A date-time property as an instant, through the zone its TZID names in the feed's own
// VTIMEZONE (not libical's built-in zones), so that the VTIMEZONE is checked too.
Instant instant_of(icalcomponent* calendar, icalproperty* property, icaltimetype time) {
  icaltimezone* zone = icalcomponent_get_timezone(calendar, tzid_of(property).c_str());
  EXPECT_NE(zone, nullptr) << icalproperty_as_ical_string(property);
  return std::chrono::system_clock::from_time_t(icaltime_as_timet_with_zone(time, zone));
}

Instant dtstart_of(icalcomponent* calendar, icalcomponent* event) {
  icalproperty* property = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
  return instant_of(calendar, property, icalproperty_get_dtstart(property));
}

Instant dtend_of(icalcomponent* calendar, icalcomponent* event) {
  icalproperty* property = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
  return instant_of(calendar, property, icalproperty_get_dtend(property));
}

Instant utc(int year, int month, int day, int hour, int minute) {
  return vietnam_instant(CivilDate{year, month, day}, hour * 60 + minute) + kVietnamOffset;
}

CalendarEvent sample_event() {
  CalendarEvent event;
  event.uid = "activity-12@stp-ht.doanket";
  event.starts_at = utc(2026, 3, 26, 10, 0);  // 17:00 in Hà Tĩnh
  event.ends_at = utc(2026, 3, 26, 11, 30);
  event.summary = "Giao lưu bóng đá với Công an tỉnh";
  event.stamp = utc(2026, 3, 1, 2, 3) + 4s;
  return event;
}

std::string write_one(const CalendarEvent& event) {
  return write_icalendar(Calendar{"Lịch của Nguyễn Văn Đức", "", {event}});
}

// The physical lines of a feed, each without its CRLF; the test fails if any ends otherwise.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find("\r\n", begin);
    if (end == std::string::npos) {
      ADD_FAILURE() << "no CRLF after: " << text.substr(begin);
      break;
    }
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 2;
  }
  return lines;
}

bool is_valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if ((lead & 0xC0) == 0x80 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// libical reads back the summary, description and location of the feed's only event as written.
void expect_texts_read_back(const std::string& text, const CalendarEvent& event) {
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  const auto events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::string(icalcomponent_get_summary(events[0])), event.summary);
  EXPECT_EQ(std::string(icalcomponent_get_description(events[0])), event.description);
  EXPECT_EQ(std::string(icalcomponent_get_location(events[0])), event.location);
}

TEST(Icalendar, WritesThisExactFeedForOneEvent) {
  CalendarEvent event = sample_event();
  event.location = "Sân vận động Hà Tĩnh";
  event.categories = {"Thể dục, thể thao"};
  event.url = "https://doanket.example/activities/12";
  EXPECT_EQ(write_icalendar(Calendar{"Lịch của Nguyễn Văn Đức", "Đoàn Thanh niên", {event}}),
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//Doan Ket//doanket//VI\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\n"
            "X-WR-CALNAME:Lịch của Nguyễn Văn Đức\r\n"
            "X-WR-CALDESC:Đoàn Thanh niên\r\n"
            "X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n"
            "BEGIN:VTIMEZONE\r\n"
            "TZID:Asia/Ho_Chi_Minh\r\n"
            "BEGIN:STANDARD\r\n"
            "DTSTART:19700101T000000\r\n"
            "TZOFFSETFROM:+0700\r\n"
            "TZOFFSETTO:+0700\r\n"
            "TZNAME:ICT\r\n"
            "END:STANDARD\r\n"
            "END:VTIMEZONE\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:activity-12@stp-ht.doanket\r\n"
            "DTSTAMP:20260301T020304Z\r\n"
            "SEQUENCE:0\r\n"
            "DTSTART;TZID=Asia/Ho_Chi_Minh:20260326T170000\r\n"
            "DTEND;TZID=Asia/Ho_Chi_Minh:20260326T183000\r\n"
            "SUMMARY:Giao lưu bóng đá với Công an tỉnh\r\n"
            "LOCATION:Sân vận động Hà Tĩnh\r\n"
            "URL:https://doanket.example/activities/12\r\n"
            "CATEGORIES:Thể dục\\, thể thao\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
}

TEST(Icalendar, LibicalReadsTheCalendarAndItsZone) {
  const Component calendar = parse(write_one(sample_event()));
  ASSERT_TRUE(calendar);
  icalproperty* version = icalcomponent_get_first_property(calendar.get(), ICAL_VERSION_PROPERTY);
  ASSERT_NE(version, nullptr);
  EXPECT_STREQ(icalproperty_get_version(version), "2.0");
  icalproperty* method = icalcomponent_get_first_property(calendar.get(), ICAL_METHOD_PROPERTY);
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(icalproperty_get_method(method), ICAL_METHOD_PUBLISH);

  icaltimezone* zone = icalcomponent_get_timezone(calendar.get(), "Asia/Ho_Chi_Minh");
  ASSERT_NE(zone, nullptr);
  for (const char* local : {"19751231T120000", "20260115T170000", "20260715T170000"}) {
    icaltimetype time = icaltime_from_string(local);
    int is_daylight = 0;
    EXPECT_EQ(icaltimezone_get_utc_offset(zone, &time, &is_daylight), 7 * 3600) << local;
    EXPECT_EQ(is_daylight, 0);
  }
}

TEST(Icalendar, StartsAtLocalTimeWithTheZoneAndStampsInUtc) {
  const Component calendar = parse(write_one(sample_event()));
  ASSERT_TRUE(calendar);
  const auto events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  icalcomponent* event = events[0];
  EXPECT_STREQ(icalcomponent_get_uid(event), "activity-12@stp-ht.doanket");

  icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
  EXPECT_EQ(tzid_of(start), "Asia/Ho_Chi_Minh");
  const icaltimetype local = icalproperty_get_dtstart(start);
  EXPECT_EQ(std::make_tuple(local.year, local.month, local.day, local.hour, local.minute),
            std::make_tuple(2026, 3, 26, 17, 0));
  EXPECT_EQ(dtstart_of(calendar.get(), event), utc(2026, 3, 26, 10, 0));
  EXPECT_EQ(dtend_of(calendar.get(), event), utc(2026, 3, 26, 11, 30));

  const icaltimetype stamp = icalcomponent_get_dtstamp(event);
  EXPECT_TRUE(icaltime_is_utc(stamp));
  EXPECT_EQ(std::chrono::system_clock::from_time_t(icaltime_as_timet(stamp)),
            utc(2026, 3, 1, 2, 3) + 4s);
  EXPECT_EQ(icalcomponent_get_sequence(event), 0);
  EXPECT_EQ(icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY), nullptr);
}

TEST(Icalendar, LocalMidnightFallsOnTheVietnameseDate) {
  CalendarEvent event = sample_event();
  event.starts_at = utc(2026, 2, 16, 17, 0);  // 00:00 on 17/02 (Tết) in Vietnam
  event.ends_at = utc(2026, 2, 16, 23, 59) + 59s + 999ms;
  const std::string text = write_one(event);
  EXPECT_THAT(text, HasSubstr("DTSTART;TZID=Asia/Ho_Chi_Minh:20260217T000000\r\n"));
  // Fractions of a second are dropped, not rounded into the next minute.
  EXPECT_THAT(text, HasSubstr("DTEND;TZID=Asia/Ho_Chi_Minh:20260217T065959\r\n"));
}

TEST(Icalendar, VietnameseTextWithSpecialCharactersRoundTrips) {
  CalendarEvent event = sample_event();
  event.summary = "Họp chi đoàn; bàn kế hoạch, phân công \\ nhiệm vụ";
  event.description = "Dòng 1: Nghị quyết số 12, ngày 05/3;\nDòng 2: Đồng chí Đức chủ trì.\n\nHết";
  event.location = "Phòng họp tầng 2, Sở Tư pháp; 5 Nguyễn Chí Thanh";
  expect_texts_read_back(write_one(event), event);
}

TEST(Icalendar, LineBreaksOfAnyKindBecomeOneNewline) {
  CalendarEvent event = sample_event();
  event.description = "Windows\r\nUnix\nMac\rcuối";
  const std::string text = write_one(event);
  EXPECT_THAT(text, HasSubstr("DESCRIPTION:Windows\\nUnix\\nMac\\ncuối\r\n"));
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  EXPECT_STREQ(icalcomponent_get_description(events_of(calendar.get())[0]),
               "Windows\nUnix\nMac\ncuối");
}

TEST(Icalendar, TextCannotInjectProperties) {
  CalendarEvent event = sample_event();
  event.summary = "Họp\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:giả";
  event.url = "https://doanket.example/a\r\nSTATUS:CANCELLED";
  const std::string text = write_one(event);
  EXPECT_THAT(text, Not(HasSubstr("\r\nSTATUS:CANCELLED")));
  EXPECT_THAT(text, HasSubstr("URL:https://doanket.example/aSTATUS:CANCELLED\r\n"));
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  const auto events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_STREQ(icalcomponent_get_summary(events[0]), "Họp\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:giả");
  EXPECT_EQ(icalcomponent_get_first_property(events[0], ICAL_STATUS_PROPERTY), nullptr);
}

TEST(Icalendar, ControlCharactersAndBrokenBytesDoNotBreakTheFeed) {
  CalendarEvent event = sample_event();
  event.summary = std::string("Họp\tchi\x01 đoàn\x7F ") + "\xC3" + "x" + "\xE1\xBB";
  const std::string text = write_one(event);
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_THAT(text, HasSubstr("SUMMARY:Họp\tchi đoàn \uFFFDx\uFFFD\uFFFD\r\n"));
  EXPECT_TRUE(parse(text));
}

TEST(Icalendar, FoldsLongLinesBetweenCharactersAndLibicalUnfoldsThem) {
  // Every offset of the multi-byte letters against the 75th octet, so that some fold would fall
  // inside a letter if the writer did not step back.
  for (std::size_t pad = 0; pad < 4; ++pad) {
    CalendarEvent event = sample_event();
    event.summary = std::string(pad, 'x');
    for (int i = 0; i < 12; ++i) event.summary += "Đoàn Kết ữ𝔸 ";  // 2-, 3- and 4-octet letters
    event.summary += "hết";
    event.description = event.summary + ",\n;" + event.summary;
    event.location = std::string(200, 'a');  // exactly 75 octets per line
    const std::string text = write_one(event);

    bool stepped_back = false;
    const auto lines = physical_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_LE(lines[i].size(), 75u) << lines[i];
      EXPECT_EQ(lines[i].find_first_of("\r\n"), std::string::npos);
      EXPECT_TRUE(is_valid_utf8(lines[i])) << "a letter is split at the end of: " << lines[i];
      const bool folded = i + 1 < lines.size() && lines[i + 1].starts_with(' ');
      if (folded && lines[i].size() < 75) stepped_back = true;
    }
    EXPECT_TRUE(stepped_back) << "pad " << pad;
    EXPECT_THAT(text, HasSubstr("\r\nLOCATION:" + std::string(66, 'a') + "\r\n " +
                                std::string(74, 'a') + "\r\n " + std::string(60, 'a') + "\r\n"));

    expect_texts_read_back(text, event);
  }
}

TEST(Icalendar, KeepsSpacesAtAFold) {
  CalendarEvent event = sample_event();
  // "SUMMARY:" and 66 letters leave the space as the 75th octet, at the end of a physical line.
  event.summary = std::string(66, 'a') + " " + std::string(73, 'b') + " c";
  const std::string text = write_one(event);
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(std::string(icalcomponent_get_summary(events_of(calendar.get())[0])), event.summary)
      << text;
}

TEST(Icalendar, EveryLineOfAFullFeedIsShortAndEndsWithCrlf) {
  CalendarEvent event = sample_event();
  event.description = std::string(500, 'd') + "\n" + std::string(100, 'e');
  event.categories = {std::string(100, 'c'), "Văn hóa, văn nghệ"};
  Calendar calendar{std::string(120, 'n'), "Mô tả", {event, event, event}};
  const std::string text = write_icalendar(calendar);
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  for (const std::string& line : physical_lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << line;
  }
}

TEST(Icalendar, CategoriesAreSeparateValues) {
  CalendarEvent event = sample_event();
  event.categories = {"Thể dục, thể thao", "", "Giao lưu với đơn vị kết nghĩa"};
  const std::string text = write_one(event);
  EXPECT_THAT(text, HasSubstr("CATEGORIES:Thể dục\\, thể thao,Giao lưu với đơn vị kết nghĩa\r\n"));
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  // libical makes one property of each value, unescaped.
  std::vector<std::string> values;
  for (icalproperty* property :
       properties_of(events_of(calendar.get())[0], ICAL_CATEGORIES_PROPERTY)) {
    values.emplace_back(icalproperty_get_categories(property));
  }
  EXPECT_THAT(values, ElementsAre("Thể dục, thể thao", "Giao lưu với đơn vị kết nghĩa"));
}

TEST(Icalendar, MarksACancelledEventAndItsSequence) {
  CalendarEvent event = sample_event();
  event.cancelled = true;
  event.sequence = 3;
  const Component calendar = parse(write_one(event));
  ASSERT_TRUE(calendar);
  const auto events = events_of(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(icalcomponent_get_status(events[0]), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(events[0]), 3);
}

TEST(Icalendar, SameInputSameBytes) {
  CalendarEvent event = sample_event();
  event.rrule = "FREQ=WEEKLY;BYDAY=TU,TH";
  event.exception_dates = {utc(2026, 4, 2, 10, 0), utc(2026, 3, 31, 10, 0), utc(2026, 4, 2, 10, 0)};
  const Calendar calendar{"Lịch", "", {event, sample_event()}};
  const std::string text = write_icalendar(calendar);
  EXPECT_EQ(write_icalendar(calendar), text);

  // The order the store happens to read exception dates in does not show.
  CalendarEvent reordered = event;
  reordered.exception_dates = {utc(2026, 3, 31, 10, 0), utc(2026, 4, 2, 10, 0)};
  EXPECT_EQ(write_icalendar(Calendar{"Lịch", "", {reordered, sample_event()}}), text);
  EXPECT_THAT(text, HasSubstr("EXDATE;TZID=Asia/Ho_Chi_Minh:20260331T170000\r\n"
                              "EXDATE;TZID=Asia/Ho_Chi_Minh:20260402T170000\r\n"
                              "SUMMARY:"));
}

// The sessions a calendar app shows for the feed: each recurring event expanded by libical's
// own iterator, less its EXDATEs, with the sessions that a RECURRENCE-ID event replaces at their
// new times; stops after `until`.
struct Session {
  Instant starts_at;
  Instant ends_at;
  auto operator<=>(const Session&) const = default;
};

std::vector<Session> expand(icalcomponent* calendar, Instant until) {
  std::vector<std::pair<Instant, Session>> overrides;  // original start → new times
  for (icalcomponent* event : events_of(calendar)) {
    icalproperty* id = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
    if (id == nullptr) continue;
    overrides.emplace_back(instant_of(calendar, id, icalproperty_get_recurrenceid(id)),
                           Session{dtstart_of(calendar, event), dtend_of(calendar, event)});
  }

  std::vector<Session> sessions;
  for (icalcomponent* event : events_of(calendar)) {
    if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nullptr) continue;
    icalproperty* rrule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
    icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    const auto duration = dtend_of(calendar, event) - dtstart_of(calendar, event);
    if (rrule == nullptr) {
      sessions.push_back({dtstart_of(calendar, event), dtend_of(calendar, event)});
      continue;
    }
    std::vector<Instant> excluded;
    for (icalproperty* exdate : properties_of(event, ICAL_EXDATE_PROPERTY)) {
      EXPECT_EQ(tzid_of(exdate), "Asia/Ho_Chi_Minh");
      excluded.push_back(instant_of(calendar, exdate, icalproperty_get_exdate(exdate)));
    }
    // The iterator compares occurrences with UNTIL (UTC) in the zone of DTSTART, so it gets one.
    icaltimezone* zone = icalcomponent_get_timezone(calendar, tzid_of(start).c_str());
    icaltimetype first = icalproperty_get_dtstart(start);
    icaltime_set_timezone(&first, zone);
    icalrecur_iterator* iterator = icalrecur_iterator_new(icalproperty_get_rrule(rrule), first);
    EXPECT_NE(iterator, nullptr);
    if (iterator == nullptr) continue;
    for (icaltimetype next = icalrecur_iterator_next(iterator); !icaltime_is_null_time(next);
         next = icalrecur_iterator_next(iterator)) {
      const Instant at =
          std::chrono::system_clock::from_time_t(icaltime_as_timet_with_zone(next, zone));
      if (at > until) break;
      if (std::find(excluded.begin(), excluded.end(), at) != excluded.end()) continue;
      const auto moved = std::find_if(overrides.begin(), overrides.end(),
                                      [&](const auto& entry) { return entry.first == at; });
      sessions.push_back(moved != overrides.end() ? moved->second : Session{at, at + duration});
    }
    icalrecur_iterator_free(iterator);
  }
  std::sort(sessions.begin(), sessions.end());
  return sessions;
}

std::vector<Session> sessions_of(const std::vector<Occurrence>& occurrences) {
  std::vector<Session> sessions;
  for (const Occurrence& occurrence : occurrences) {
    sessions.push_back({occurrence.starts_at, occurrence.ends_at});
  }
  std::sort(sessions.begin(), sessions.end());
  return sessions;
}

WeeklyRule badminton_rule() {
  WeeklyRule rule;
  rule.days = {Weekday::thursday, Weekday::tuesday};
  rule.start_minute = 17 * 60;
  rule.end_minute = 18 * 60 + 30;
  rule.first = {2026, 1, 3};           // a Saturday: the first session is Tuesday 6 January
  rule.last = CivilDate{2026, 4, 30};  // a Thursday, which still has its session
  return rule;
}

CalendarEvent club_series() {
  CalendarEvent series = sample_event();
  series.uid = "club-3-sessions@stp-ht.doanket";
  series.summary = "CLB Cầu lông: buổi tập";
  series.location = "Nhà thi đấu, 5 Nguyễn Chí Thanh";
  return series;
}

TEST(Icalendar, WeeklySessionsExpandToCoreOccurrences) {
  const WeeklyRule rule = badminton_rule();
  ASSERT_TRUE(validate_weekly_rule(rule));
  const std::vector<RuleException> exceptions = {
      {{2026, 1, 27}, std::nullopt},                            // cancelled
      {{2026, 2, 17}, MovedSession{{2026, 2, 21}, 480, 570}},   // Tết: to Saturday 08:00–09:30
      {{2026, 2, 17}, std::nullopt},                            // a second change: the first counts
      {{2026, 2, 18}, std::nullopt},                            // a Wednesday: no session to change
      {{2026, 1, 6}, std::nullopt},                             // the very first session
      {{2026, 4, 30}, MovedSession{{2026, 5, 2}, 1020, 1110}},  // the last, moved past the end
  };
  const auto events = weekly_session_events(club_series(), rule, exceptions);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].rrule, "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260430T165959Z");
  EXPECT_EQ(events[0].starts_at, utc(2026, 1, 6, 10, 0));
  EXPECT_EQ(events[0].exception_dates.size(), 2u);
  EXPECT_EQ(events[1].recurrence_id, utc(2026, 2, 17, 10, 0));
  EXPECT_EQ(events[2].recurrence_id, utc(2026, 4, 30, 10, 0));
  for (const CalendarEvent& event : events) {
    EXPECT_EQ(event.uid, "club-3-sessions@stp-ht.doanket");
    EXPECT_EQ(event.summary, "CLB Cầu lông: buổi tập");
  }

  const std::string text = write_icalendar(Calendar{"CLB Cầu lông", "", events});
  EXPECT_THAT(text, HasSubstr("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260430T165959Z\r\n"));
  EXPECT_THAT(text, HasSubstr("EXDATE;TZID=Asia/Ho_Chi_Minh:20260106T170000\r\n"
                              "EXDATE;TZID=Asia/Ho_Chi_Minh:20260127T170000\r\n"));
  EXPECT_THAT(text, HasSubstr("RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20260217T170000\r\n"
                              "DTSTART;TZID=Asia/Ho_Chi_Minh:20260221T080000\r\n"
                              "DTEND;TZID=Asia/Ho_Chi_Minh:20260221T093000\r\n"));
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);

  const auto expected = sessions_of(occurrences(rule, exceptions, {2025, 12, 1}, {2026, 6, 30}));
  ASSERT_EQ(expected.size(), 32u);  // 34 Tuesdays and Thursdays, 2 cancelled
  EXPECT_EQ(expand(calendar.get(), utc(2026, 12, 31, 0, 0)), expected);
  // Spot checks, so that the comparison above is not between two equal mistakes.
  EXPECT_EQ(expected.front(), (Session{utc(2026, 1, 8, 10, 0), utc(2026, 1, 8, 11, 30)}));
  EXPECT_NE(std::find(expected.begin(), expected.end(),
                      Session{utc(2026, 2, 21, 1, 0), utc(2026, 2, 21, 2, 30)}),
            expected.end());
  EXPECT_EQ(expected.back(), (Session{utc(2026, 5, 2, 10, 0), utc(2026, 5, 2, 11, 30)}));
}

TEST(Icalendar, OpenEndedWeeklySessionsExpandToCoreOccurrences) {
  WeeklyRule rule = badminton_rule();
  rule.days = {Weekday::monday, Weekday::wednesday, Weekday::saturday};
  rule.start_minute = 5 * 60 + 30;  // 05:30 local is the evening before in UTC
  rule.end_minute = 6 * 60 + 30;
  rule.last.reset();
  const std::vector<RuleException> exceptions = {
      {{2026, 3, 4}, std::nullopt},
      {{2026, 3, 9}, MovedSession{{2026, 3, 8}, 0, 60}},  // to Sunday midnight
  };
  const auto events = weekly_session_events(club_series(), rule, exceptions);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].rrule, "FREQ=WEEKLY;BYDAY=MO,WE,SA");
  EXPECT_EQ(events[0].starts_at, utc(2026, 1, 2, 22, 30));  // Saturday 3 January, 05:30

  const Component calendar = parse(write_icalendar(Calendar{"CLB", "", events}));
  ASSERT_TRUE(calendar);
  const Instant until = vietnam_instant({2026, 9, 30}, 1440);
  const auto expected = sessions_of(occurrences(rule, exceptions, rule.first, {2026, 9, 30}));
  EXPECT_GT(expected.size(), 100u);
  EXPECT_EQ(expand(calendar.get(), until), expected);
}

TEST(Icalendar, ARuleWithoutSessionsGivesNoEvents) {
  WeeklyRule rule = badminton_rule();
  rule.first = {2026, 1, 1};  // a Thursday
  rule.last = CivilDate{2026, 1, 4};
  rule.days = {Weekday::monday};
  EXPECT_TRUE(weekly_session_events(club_series(), rule, {}).empty());
}

TEST(Icalendar, AnEmptyCalendarIsStillACalendar) {
  const std::string text = write_icalendar(Calendar{});
  EXPECT_THAT(text, Not(HasSubstr("X-WR-CALNAME")));
  EXPECT_THAT(text, Not(HasSubstr("BEGIN:VEVENT")));
  const Component calendar = parse(text);
  ASSERT_TRUE(calendar);
  EXPECT_THAT(events_of(calendar.get()), ElementsAre());
}

}  // namespace
}  // namespace dk::io
