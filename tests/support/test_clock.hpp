#pragma once
// The instant the tests live at. No test reads the machine's clock for "now": DOANKET_TEST_NOW
// says it (by default the build's DOANKET_TEST_NOW, tests/CMakeLists.txt; the `clock` label runs
// the time-bound suites again at 23:45 on 31 December and 00:10 on 1 March of a leap year), and
// every `doanket` a test starts inherits it, so the test and the binary agree on what today is.
// Before main, the variables missing are set: the instant, DOANKET_TEST_NOW_SET_AT (when the real
// clock read it, so that every child process runs on one timeline: cli/process_clock.hpp) and TZ.

#include <chrono>
#include <cstdlib>
#include <string>

#include "core/clock.hpp"
#include "core/instant_text.hpp"

namespace dk::testing {

// Sets the variables when they are missing; the clock the tests and their binaries share.
inline const Clock& test_clock() {
  static const Clock clock = [] {
    if (!std::getenv("DOANKET_TEST_NOW")) setenv("DOANKET_TEST_NOW", DOANKET_TEST_NOW_DEFAULT, 1);
    // The binaries on UTC unless told otherwise, whatever zone the machine is set to.
    if (!std::getenv("TZ")) setenv("TZ", "UTC", 1);
    const auto real =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    if (!std::getenv("DOANKET_TEST_NOW_SET_AT"))
      setenv("DOANKET_TEST_NOW_SET_AT", std::to_string(real.time_since_epoch().count()).c_str(), 1);
    const auto reads = parse_instant(std::getenv("DOANKET_TEST_NOW"));
    if (!reads) std::abort();  // a typo in the test command: nothing below could be trusted
    const Instant set_at(
        std::chrono::milliseconds(std::stoll(std::getenv("DOANKET_TEST_NOW_SET_AT"))));
    return shifted_clock(*reads, set_at);
  }();
  return clock;
}

// Before main, so that the variables are set before a test starts any `doanket`.
inline const bool kTestClockSet = (test_clock(), true);

inline Instant test_now() {
  return test_clock()();
}

// The agency's date today, on the tests' clock.
inline CivilDate test_today() {
  return vietnam_date(test_now());
}

// A clock that always reads `at`: a use case that reads the time twice (a check-in code made and
// then checked) sees one instant, and a test moves an actor to "after the start" by giving it
// another.
inline Clock fixed_clock(Instant at) {
  return [at] { return at; };
}

}  // namespace dk::testing
