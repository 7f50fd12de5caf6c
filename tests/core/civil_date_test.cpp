#include "core/civil_date.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

TEST(ParseCivilDate, ReadsVietnameseAndIsoForms) {
  EXPECT_EQ(parse_civil_date("03/02/1990"), (CivilDate{1990, 2, 3}));
  EXPECT_EQ(parse_civil_date("3/2/1990"), (CivilDate{1990, 2, 3}));
  EXPECT_EQ(parse_civil_date("03-02-1990"), (CivilDate{1990, 2, 3}));
  EXPECT_EQ(parse_civil_date("03.02.1990"), (CivilDate{1990, 2, 3}));
  EXPECT_EQ(parse_civil_date("1990-02-03"), (CivilDate{1990, 2, 3}));
}

TEST(ParseCivilDate, RefusesDaysThatDoNotExist) {
  EXPECT_FALSE(parse_civil_date("31/02/1990"));
  EXPECT_FALSE(parse_civil_date("29/02/1900"));  // 1900 was not a leap year
  EXPECT_TRUE(parse_civil_date("29/02/2000"));
  EXPECT_FALSE(parse_civil_date("00/01/1990"));
  EXPECT_FALSE(parse_civil_date("12/13/1990"));
}

TEST(ParseCivilDate, RefusesWhatIsNotADate) {
  EXPECT_FALSE(parse_civil_date(""));
  EXPECT_FALSE(parse_civil_date("1990"));
  EXPECT_FALSE(parse_civil_date("03/02/90"));
  EXPECT_FALSE(parse_civil_date("03/02/1990/1"));
  EXPECT_FALSE(parse_civil_date("a3/02/1990"));
  EXPECT_FALSE(parse_civil_date("03/02-1990"));
}

TEST(CivilDate, FormatsBothWays) {
  EXPECT_EQ(format_vietnamese({1990, 2, 3}), "03/02/1990");
  EXPECT_EQ(format_iso({1990, 2, 3}), "1990-02-03");
}

TEST(CivilDate, TheDateLineOfAnAdministrativeDocument) {
  EXPECT_EQ(document_date_line("Hà Tĩnh", CivilDate{2026, 2, 5}, "vi"),
            "Hà Tĩnh, ngày 05 tháng 02 năm 2026");
  EXPECT_EQ(document_date_line("Hà Tĩnh", CivilDate{2026, 12, 7}, "vi"),
            "Hà Tĩnh, ngày 07 tháng 12 năm 2026");
  EXPECT_EQ(document_date_line("Hà Tĩnh", CivilDate{2026, 3, 15}, "vi"),
            "Hà Tĩnh, ngày 15 tháng 3 năm 2026");
  EXPECT_EQ(document_date_line("Hà Tĩnh", CivilDate{2026, 12, 7}, "en"),
            "Hà Tĩnh, 7 December 2026");
}

TEST(CivilDate, DaysRoundTrip) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  for (long day = -800000; day < 800000; day += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(day)), day);
  }
}

TEST(CivilDate, AddsDaysAcrossMonthAndYearEnds) {
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2027, 1, 1}, -1), (CivilDate{2026, 12, 31}));
  EXPECT_EQ(add_days({2028, 2, 28}, 1), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(add_days({2027, 2, 28}, 1), (CivilDate{2027, 3, 1}));
  EXPECT_EQ(add_days({2026, 3, 31}, 0), (CivilDate{2026, 3, 31}));
}

TEST(CivilDate, WeekdayStartsTheWeekOnMonday) {
  EXPECT_EQ(weekday_of({1970, 1, 1}), Weekday::thursday);
  EXPECT_EQ(weekday_of({1969, 12, 29}), Weekday::monday);  // before the epoch too
  EXPECT_EQ(weekday_of({1969, 12, 28}), Weekday::sunday);
  EXPECT_EQ(weekday_of({2000, 2, 29}), Weekday::tuesday);
  EXPECT_EQ(weekday_of({2026, 3, 1}), Weekday::sunday);
  EXPECT_EQ(weekday_of({2026, 3, 2}), Weekday::monday);
  EXPECT_EQ(weekday_of({2027, 6, 30}), Weekday::wednesday);
  // Seven days on is the same weekday, for a long run of days.
  for (long day = -3000; day < 3000; day += 13) {
    EXPECT_EQ(weekday_of(civil_from_days(day)), weekday_of(civil_from_days(day + 7)));
  }
}

}  // namespace
}  // namespace dk
