#include "cli/process_clock.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

#include "core/instant_text.hpp"

namespace dk::cli {
namespace {

std::string_view environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

Result<Clock> process_clock() {
  const std::string_view now = environment("DOANKET_TEST_NOW");
  if (now.empty()) return system_clock();
#ifndef DOANKET_TEST_CLOCK
  return fail(ErrorKind::invalid_input, "clock.test_only",
              "DOANKET_TEST_NOW chỉ dùng được với bản dựng kiểm thử; bản này luôn theo đồng hồ "
              "của máy. Hãy bỏ biến môi trường đó.",
              "DOANKET_TEST_NOW works only in a test build; this build always follows the "
              "machine's clock. Unset that environment variable.");
#else
  const auto reads = parse_instant(now);
  if (!reads) {
    return fail(ErrorKind::invalid_input, "clock.test_now_invalid",
                "DOANKET_TEST_NOW cần một thời điểm như 2026-12-31T23:45:00+07:00.",
                "DOANKET_TEST_NOW needs an instant such as 2026-12-31T23:45:00+07:00.");
  }
  Instant real = std::chrono::system_clock::now();
  if (const std::string_view set_at = environment("DOANKET_TEST_NOW_SET_AT"); !set_at.empty()) {
    long long milliseconds = 0;
    const auto [end, error] =
        std::from_chars(set_at.data(), set_at.data() + set_at.size(), milliseconds);
    if (error != std::errc() || end != set_at.data() + set_at.size()) {
      return fail(ErrorKind::invalid_input, "clock.test_now_set_at_invalid",
                  "DOANKET_TEST_NOW_SET_AT cần số mili giây Unix.",
                  "DOANKET_TEST_NOW_SET_AT needs Unix milliseconds.");
    }
    real = Instant(std::chrono::milliseconds(milliseconds));
  }
  return shifted_clock(*reads, real);
#endif
}

void end_with_test_parent() {
#ifdef DOANKET_TEST_CLOCK
  if (environment("DOANKET_TEST_NOW").empty()) return;
  const pid_t parent = getppid();
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  // The parent may have died before the request was made: then it is too late to be told.
  if (getppid() != parent) raise(SIGTERM);
#endif
}

}  // namespace dk::cli
