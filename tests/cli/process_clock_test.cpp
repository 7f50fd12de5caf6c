// The clock `doanket` runs on (cli/process_clock.cpp), built twice: as the tests build it
// (DOANKET_TEST_CLOCK: DOANKET_TEST_NOW moves it) and as a release builds it (the variable is
// refused, so that nobody believes they moved a production server's clock).
#include "cli/process_clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "core/instant_text.hpp"

namespace dk::cli {
namespace {

class ProcessClock : public ::testing::Test {
 protected:
  void SetUp() override {
    unsetenv("DOANKET_TEST_NOW");
    unsetenv("DOANKET_TEST_NOW_SET_AT");
  }
  void TearDown() override { SetUp(); }
};

TEST_F(ProcessClock, WithoutTheVariableItIsTheMachinesClock) {
  const Instant before = std::chrono::system_clock::now();
  const auto clock = process_clock();
  ASSERT_TRUE(clock.has_value()) << clock.error().code;
  EXPECT_GE((*clock)(), before);
}

#ifdef DOANKET_TEST_CLOCK

long long unix_ms(Instant instant) {
  return std::chrono::floor<std::chrono::milliseconds>(instant).time_since_epoch().count();
}

TEST_F(ProcessClock, ReadsTheInstantSetAndRunsOnFromWhenItWasSet) {
  // Set five seconds ago (as a test harness does before it starts the binary): the clock has
  // run five seconds since, on the test's timeline, whatever the machine's date and hour.
  setenv("DOANKET_TEST_NOW", "2026-12-31T23:45:00+07:00", 1);
  const auto set_at = std::chrono::system_clock::now() - std::chrono::seconds(5);
  setenv("DOANKET_TEST_NOW_SET_AT", std::to_string(unix_ms(set_at)).c_str(), 1);
  const auto clock = process_clock();
  ASSERT_TRUE(clock.has_value()) << clock.error().code;
  const Instant reads = *parse_instant("2026-12-31T23:45:00+07:00");
  const Instant now = (*clock)();
  EXPECT_GE(now, reads + std::chrono::seconds(5) - std::chrono::milliseconds(1));
  EXPECT_LT(now, reads + std::chrono::hours(1));
  EXPECT_EQ(format_vietnamese(vietnam_date(now)), "31/12/2026");
}

TEST_F(ProcessClock, WithoutSetAtTheInstantIsNowAtStart) {
  setenv("DOANKET_TEST_NOW", "2028-02-29T23:59:00Z", 1);
  const auto clock = process_clock();
  ASSERT_TRUE(clock.has_value()) << clock.error().code;
  // 23:59 UTC on the leap day is already 1 March in Vietnam.
  EXPECT_EQ(format_vietnamese(vietnam_date((*clock)())), "01/03/2028");
}

TEST_F(ProcessClock, ATypoIsRefusedNotIgnored) {
  setenv("DOANKET_TEST_NOW", "2026-02-30T08:00:00+07:00", 1);
  auto clock = process_clock();
  ASSERT_FALSE(clock.has_value());
  EXPECT_EQ(clock.error().code, "clock.test_now_invalid");
  EXPECT_NE(clock.error().message.en.find("2026-12-31T23:45:00+07:00"), std::string::npos);

  setenv("DOANKET_TEST_NOW", "2026-12-31T23:45:00+07:00", 1);
  setenv("DOANKET_TEST_NOW_SET_AT", "yesterday", 1);
  clock = process_clock();
  ASSERT_FALSE(clock.has_value());
  EXPECT_EQ(clock.error().code, "clock.test_now_set_at_invalid");
}

#else

TEST_F(ProcessClock, AReleaseBuildRefusesToRunOnAnotherClock) {
  setenv("DOANKET_TEST_NOW", "2026-12-31T23:45:00+07:00", 1);
  const auto clock = process_clock();
  ASSERT_FALSE(clock.has_value());
  EXPECT_EQ(clock.error().code, "clock.test_only");
  EXPECT_NE(clock.error().message.vi.find("DOANKET_TEST_NOW"), std::string::npos);
  EXPECT_NE(clock.error().message.en.find("test build"), std::string::npos);
}

#endif

}  // namespace
}  // namespace dk::cli
