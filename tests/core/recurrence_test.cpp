#include "core/recurrence.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dk {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// An instant written in UTC, to check the conversions from local time against.
Instant utc(int year, unsigned month, unsigned day, int hour, int minute) {
  using namespace std::chrono;
  return Instant(sys_days{std::chrono::year{year} / month / day} + hours(hour) + minutes(minute));
}

// The badminton club: Tuesday and Thursday, 17:00–18:30, for the school year.
WeeklyRule badminton() {
  return WeeklyRule{{Weekday::thursday, Weekday::tuesday},
                    17 * 60,
                    18 * 60 + 30,
                    CivilDate{2026, 1, 1},
                    CivilDate{2027, 6, 30}};
}

std::vector<CivilDate> dates_of(const std::vector<Occurrence>& sessions) {
  std::vector<CivilDate> dates;
  for (const auto& session : sessions) dates.push_back(session.date);
  return dates;
}

std::string error_code(const Status& status) {
  return status ? std::string() : status.error().code;
}

TEST(VietnamInstant, IsSevenHoursAheadOfUtc) {
  EXPECT_EQ(vietnam_instant({2026, 3, 3}, 17 * 60), utc(2026, 3, 3, 10, 0));
  // Local 06:00 is 23:00 UTC the day before; across a year end too.
  EXPECT_EQ(vietnam_instant({2026, 3, 3}, 6 * 60), utc(2026, 3, 2, 23, 0));
  EXPECT_EQ(vietnam_instant({2027, 1, 1}, 0), utc(2026, 12, 31, 17, 0));
  EXPECT_EQ(vietnam_instant({2026, 3, 3}, 1440), utc(2026, 3, 3, 17, 0));
  EXPECT_EQ(vietnam_date(vietnam_instant({2027, 1, 1}, 0)), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(vietnam_date(vietnam_instant({2027, 1, 1}, 1439)), (CivilDate{2027, 1, 1}));
}

TEST(WeekdayCodes, ReadVietnameseAndIcalendarNames) {
  EXPECT_EQ(code_of(Weekday::tuesday), "tuesday");
  EXPECT_EQ(label_of(Weekday::sunday).vi, "Chủ nhật");
  EXPECT_EQ(parse_code<Weekday>("Thứ Ba"), Weekday::tuesday);
  EXPECT_EQ(parse_code<Weekday>("T5"), Weekday::thursday);
  EXPECT_EQ(parse_code<Weekday>("thứ 7"), Weekday::saturday);
  EXPECT_EQ(parse_code<Weekday>("CN"), Weekday::sunday);
  EXPECT_EQ(parse_code<Weekday>("TH"), Weekday::thursday);
  EXPECT_EQ(parse_code<Weekday>("TU"), Weekday::tuesday);
}

TEST(ValidateWeeklyRule, ChecksDaysTimesAndDates) {
  EXPECT_TRUE(validate_weekly_rule(badminton()));
  WeeklyRule rule = badminton();
  rule.days.clear();
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.days_required");
  rule.days = {Weekday::monday, Weekday::monday};
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.day_duplicate");

  rule = badminton();
  rule.start_minute = -1;
  EXPECT_EQ(validate_weekly_rule(rule).error().where.field, "start_minute");
  rule.start_minute = 1440;
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.time_invalid");
  rule.start_minute = 18 * 60 + 30;  // ends when it starts
  EXPECT_EQ(validate_weekly_rule(rule).error().where.field, "end_minute");
  rule.start_minute = 23 * 60 + 30;
  rule.end_minute = 1440;  // until midnight: allowed
  EXPECT_TRUE(validate_weekly_rule(rule));
  rule.end_minute = 1441;  // past midnight: not one day any more
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.time_invalid");

  rule = badminton();
  rule.first = {2026, 2, 30};
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.date_invalid");
  rule = badminton();
  rule.last = CivilDate{2025, 12, 31};
  EXPECT_EQ(error_code(validate_weekly_rule(rule)), "recurrence.last_before_first");
  rule.last = rule.first;
  EXPECT_TRUE(validate_weekly_rule(rule));
  rule.last.reset();
  EXPECT_TRUE(validate_weekly_rule(rule));
}

TEST(ValidateException, NamesASessionOfTheRule) {
  const WeeklyRule rule = badminton();
  EXPECT_TRUE(validate_exception(rule, {{2026, 3, 10}, std::nullopt}));
  const auto wednesday = validate_exception(rule, {{2026, 3, 11}, std::nullopt});
  EXPECT_EQ(error_code(wednesday), "recurrence.not_a_session_date");
  EXPECT_NE(wednesday.error().message.vi.find("11/03/2026"), std::string::npos);
  EXPECT_EQ(error_code(validate_exception(rule, {{2025, 12, 30}, std::nullopt})),
            "recurrence.not_a_session_date");  // a Tuesday before the first date
  EXPECT_TRUE(validate_exception(rule, {{2026, 3, 19}, MovedSession{{2026, 3, 21}, 480, 570}}));
  EXPECT_EQ(
      error_code(validate_exception(rule, {{2026, 3, 19}, MovedSession{{2026, 3, 21}, 570, 480}})),
      "recurrence.time_invalid");
  EXPECT_EQ(
      error_code(validate_exception(rule, {{2026, 3, 19}, MovedSession{{2026, 2, 31}, 480, 570}})),
      "recurrence.date_invalid");
}

TEST(Occurrences, TuesdaysAndThursdaysOfAMonth) {
  const auto sessions = occurrences(badminton(), {}, {2026, 3, 1}, {2026, 3, 31});
  EXPECT_THAT(dates_of(sessions),
              ElementsAre(CivilDate{2026, 3, 3}, CivilDate{2026, 3, 5}, CivilDate{2026, 3, 10},
                          CivilDate{2026, 3, 12}, CivilDate{2026, 3, 17}, CivilDate{2026, 3, 19},
                          CivilDate{2026, 3, 24}, CivilDate{2026, 3, 26}, CivilDate{2026, 3, 31}));
  // 17:00–18:30 in Hà Nội is 10:00–11:30 UTC.
  EXPECT_EQ(sessions.front().starts_at, utc(2026, 3, 3, 10, 0));
  EXPECT_EQ(sessions.front().ends_at, utc(2026, 3, 3, 11, 30));
  EXPECT_FALSE(sessions.front().moved);
  EXPECT_EQ(sessions.front().original_date, sessions.front().date);
}

TEST(Occurrences, WithACancelledAndAMovedSession) {
  const std::vector<RuleException> exceptions = {
      {{2026, 3, 10}, std::nullopt},                                      // the hall is booked
      {{2026, 3, 19}, MovedSession{{2026, 3, 21}, 8 * 60, 9 * 60 + 30}},  // to Saturday morning
      {{2026, 3, 11}, std::nullopt},  // a Wednesday: names no session, ignored
  };
  const auto sessions = occurrences(badminton(), exceptions, {2026, 3, 1}, {2026, 3, 31});
  EXPECT_THAT(dates_of(sessions),
              ElementsAre(CivilDate{2026, 3, 3}, CivilDate{2026, 3, 5}, CivilDate{2026, 3, 12},
                          CivilDate{2026, 3, 17}, CivilDate{2026, 3, 21}, CivilDate{2026, 3, 24},
                          CivilDate{2026, 3, 26}, CivilDate{2026, 3, 31}));
  const Occurrence& moved = sessions[4];
  EXPECT_TRUE(moved.moved);
  EXPECT_EQ(moved.original_date, (CivilDate{2026, 3, 19}));
  EXPECT_EQ(moved.starts_at, utc(2026, 3, 21, 1, 0));
  EXPECT_EQ(moved.ends_at, utc(2026, 3, 21, 2, 30));
}

TEST(Occurrences, MovedSessionsFollowTheirNewDateAcrossTheRange) {
  // Thursday 2 April moved back to Saturday 28 March: it belongs to March now.
  const std::vector<RuleException> into_march = {
      {{2026, 4, 2}, MovedSession{{2026, 3, 28}, 17 * 60, 18 * 60 + 30}}};
  auto sessions = occurrences(badminton(), into_march, {2026, 3, 25}, {2026, 3, 31});
  EXPECT_THAT(dates_of(sessions),
              ElementsAre(CivilDate{2026, 3, 26}, CivilDate{2026, 3, 28}, CivilDate{2026, 3, 31}));
  sessions = occurrences(badminton(), into_march, {2026, 4, 1}, {2026, 4, 5});
  EXPECT_THAT(sessions, IsEmpty());

  // Tuesday 31 March moved to Wednesday 1 April: out of March.
  const std::vector<RuleException> out_of_march = {
      {{2026, 3, 31}, MovedSession{{2026, 4, 1}, 17 * 60, 18 * 60 + 30}}};
  sessions = occurrences(badminton(), out_of_march, {2026, 3, 25}, {2026, 3, 31});
  EXPECT_THAT(dates_of(sessions), ElementsAre(CivilDate{2026, 3, 26}));
}

TEST(Occurrences, TheFirstExceptionOfADateCounts) {
  const std::vector<RuleException> exceptions = {
      {{2026, 3, 3}, MovedSession{{2026, 3, 4}, 17 * 60, 18 * 60}},
      {{2026, 3, 3}, std::nullopt},
  };
  const auto sessions = occurrences(badminton(), exceptions, {2026, 3, 1}, {2026, 3, 5});
  EXPECT_THAT(dates_of(sessions), ElementsAre(CivilDate{2026, 3, 4}, CivilDate{2026, 3, 5}));
}

TEST(Occurrences, AcrossTheYearEnd) {
  const auto sessions = occurrences(badminton(), {}, {2026, 12, 28}, {2027, 1, 8});
  EXPECT_THAT(dates_of(sessions), ElementsAre(CivilDate{2026, 12, 29}, CivilDate{2026, 12, 31},
                                              CivilDate{2027, 1, 5}, CivilDate{2027, 1, 7}));
}

TEST(Occurrences, AcrossAMonthEndInALeapYear) {
  const WeeklyRule tuesdays{{Weekday::tuesday}, 7 * 60, 8 * 60, {2028, 2, 1}, std::nullopt};
  const auto sessions = occurrences(tuesdays, {}, {2028, 2, 20}, {2028, 3, 10});
  EXPECT_THAT(dates_of(sessions),
              ElementsAre(CivilDate{2028, 2, 22}, CivilDate{2028, 2, 29}, CivilDate{2028, 3, 7}));
}

TEST(Occurrences, StayWithinTheRulesFirstAndLastDates) {
  WeeklyRule rule = badminton();
  rule.first = {2026, 3, 4};  // a Wednesday
  rule.last = CivilDate{2026, 3, 12};
  EXPECT_THAT(dates_of(occurrences(rule, {}, {2026, 3, 1}, {2026, 3, 31})),
              ElementsAre(CivilDate{2026, 3, 5}, CivilDate{2026, 3, 10}, CivilDate{2026, 3, 12}));
  EXPECT_THAT(occurrences(rule, {}, {2026, 3, 31}, {2026, 3, 1}), IsEmpty());
  EXPECT_THAT(occurrences(rule, {}, {2026, 4, 1}, {2026, 4, 30}), IsEmpty());
  EXPECT_EQ(first_session_date(rule), (CivilDate{2026, 3, 5}));
  rule.last = CivilDate{2026, 3, 4};  // one Wednesday: no session at all
  EXPECT_FALSE(first_session_date(rule));
  EXPECT_EQ(first_session_date(badminton()), (CivilDate{2026, 1, 1}));  // a Thursday
}

TEST(Occurrences, EarlyAndLateLocalTimesLandOnTheRightUtcDay) {
  WeeklyRule morning{{Weekday::tuesday}, 5 * 60 + 30, 7 * 60, {2026, 1, 1}, std::nullopt};
  auto sessions = occurrences(morning, {}, {2026, 3, 3}, {2026, 3, 3});
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].date, (CivilDate{2026, 3, 3}));
  EXPECT_EQ(sessions[0].starts_at, utc(2026, 3, 2, 22, 30));  // the day before in UTC
  EXPECT_EQ(sessions[0].ends_at, utc(2026, 3, 3, 0, 0));

  WeeklyRule night{{Weekday::thursday}, 23 * 60 + 30, 1440, {2026, 1, 1}, std::nullopt};
  sessions = occurrences(night, {}, {2026, 12, 31}, {2026, 12, 31});
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].starts_at, utc(2026, 12, 31, 16, 30));
  EXPECT_EQ(sessions[0].ends_at, utc(2026, 12, 31, 17, 0));  // local midnight of the new year
  EXPECT_EQ(vietnam_date(sessions[0].starts_at), (CivilDate{2026, 12, 31}));
}

TEST(Rrule, GivesDaysInWeekOrderAndUntilInUtc) {
  EXPECT_EQ(rrule(badminton()), "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630T165959Z");
  WeeklyRule open_ended = badminton();
  open_ended.last.reset();
  open_ended.days = {Weekday::sunday, Weekday::monday, Weekday::saturday};
  EXPECT_EQ(rrule(open_ended), "FREQ=WEEKLY;BYDAY=MO,SA,SU");
  WeeklyRule new_year = badminton();
  new_year.last = CivilDate{2027, 1, 1};
  EXPECT_EQ(rrule(new_year), "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270101T165959Z");
}

TEST(Describe, InBothLanguages) {
  const Text text = describe(badminton());
  EXPECT_EQ(text.vi, "Thứ Ba, Thứ Năm, 17:00–18:30");
  EXPECT_EQ(text.en, "Tuesday, Thursday, 17:00–18:30");
  const WeeklyRule sunday{{Weekday::sunday}, 6 * 60 + 5, 1440, {2026, 1, 1}, std::nullopt};
  EXPECT_EQ(describe(sunday).vi, "Chủ nhật, 06:05–24:00");
  EXPECT_EQ(format_minute_of_day(0), "00:00");
}

}  // namespace
}  // namespace dk
