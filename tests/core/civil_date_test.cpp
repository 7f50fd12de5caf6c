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

TEST(CivilDate, DaysRoundTrip) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  for (long day = -800000; day < 800000; day += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(day)), day);
  }
}

}  // namespace
}  // namespace dk
