// Instants in the API: written in Vietnam's time with its offset, read with any offset.

#include "core/instant_text.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

TEST(InstantText, WritesVietnamTimeWithItsOffset) {
  // 2026-12-05 10:00 UTC is 17:00 in Hà Tĩnh.
  const Instant instant = vietnam_instant(CivilDate{2026, 12, 5}, 17 * 60);
  EXPECT_EQ(format_instant(instant), "2026-12-05T17:00:00+07:00");
  // Local 05:30 is the previous day in UTC, and still the 1st in Vietnam.
  EXPECT_EQ(format_instant(vietnam_instant(CivilDate{2027, 1, 1}, 5 * 60 + 30)),
            "2027-01-01T05:30:00+07:00");
}

TEST(InstantText, ReadsAnyOffsetAndVietnamTimeWithoutOne) {
  const Instant expected = vietnam_instant(CivilDate{2026, 12, 5}, 17 * 60);
  EXPECT_EQ(parse_instant("2026-12-05T17:00:00+07:00"), expected);
  EXPECT_EQ(parse_instant("2026-12-05T10:00:00Z"), expected);
  EXPECT_EQ(parse_instant("2026-12-05T18:00+08:00"), expected);
  EXPECT_EQ(parse_instant("2026-12-05T17:00"), expected);
  EXPECT_EQ(parse_instant("2026-12-05 17:00"), expected);
  EXPECT_EQ(parse_instant(format_instant(expected)), expected);
}

TEST(InstantText, RefusesWhatIsNotATime) {
  for (const char* text : {"", "2026-12-05", "2026-02-31T10:00", "2026-12-05T24:00",
                           "2026-12-05T17:60", "2026-12-05T17:00+7", "2026-12-05T17:00:00Zulu",
                           "tomorrow at five", "2026-12-05T17:00:61"}) {
    EXPECT_FALSE(parse_instant(text)) << text;
  }
}

TEST(InstantText, RefusesYearsAnInstantCannotHold) {
  // Found by the dates and JSON-body fuzz targets: these wrapped the nanoseconds (UBSan).
  EXPECT_FALSE(parse_instant("0028-03-01T00:10Z"));
  EXPECT_FALSE(parse_instant("4052-12-31T23:45:00+07:00"));
  EXPECT_FALSE(parse_instant("1899-12-31T23:59Z"));
  EXPECT_FALSE(parse_instant("2201-01-01T00:00Z"));
  EXPECT_TRUE(parse_instant("1900-01-01T00:00Z"));
  EXPECT_TRUE(parse_instant("2200-12-31T23:59:59+07:00"));
  // 06:00 on 01/01/2201 in Vietnam: past the bound once the offset is applied (fuzz.dates).
  EXPECT_FALSE(parse_instant("2200-12-31T23:00-07:00"));
}

}  // namespace
}  // namespace dk
