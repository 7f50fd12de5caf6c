#pragma once
// The clock the whole process runs on. A production build reads the system clock and refuses to
// start when DOANKET_TEST_NOW is set (so that nobody believes it moved the clock). A test build
// (CMake's DOANKET_TEST_CLOCK, on with the tests) honours
//   DOANKET_TEST_NOW=2026-12-31T23:45:00+07:00    the instant the clock reads …
//   DOANKET_TEST_NOW_SET_AT=1798735500000          … when the real clock reads these Unix ms
// and runs on from there at the real clock's pace. Without SET_AT the process's start is taken.
// The test harnesses set both once, so `doanket demo`, `doanket serve` and the test itself share
// one timeline whatever the machine's clock says (tests/support/test_clock.hpp, harness.mjs).

#include "core/clock.hpp"
#include "core/error.hpp"

namespace dk::cli {

Result<Clock> process_clock();

// A server started on a test clock belongs to the test that started it: in a test build it asks
// the kernel for SIGTERM when that process dies (and stops at once when it is gone already), so
// that a test killed or crashed leaves no server behind. Nothing in a production build.
void end_with_test_parent();

}  // namespace dk::cli
