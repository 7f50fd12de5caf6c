#pragma once
// Results reported from below (issue 17): an organization below that runs a contest launched from
// above as its own copy sends its entries and its participation back up, where they join the
// superior's leaderboard and participation (io/contest_results_file.hpp is the file they travel
// in). Reported entrants are people of another agency: known by name, not by a record here.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace dk {

struct ReportedEntry {
  std::string full_name;
  std::string unit_name;     // the department, where the sender has one
  std::string organization;  // the organization below it came through
  int score = 0;
  std::optional<std::int64_t> prediction;
  std::chrono::seconds taken{0};
  Instant submitted_at{};
};

// An organization below: its people the contest was for, and those who entered.
struct ReportedGroup {
  std::string name;
  std::int64_t people = 0;
  std::int64_t entrants = 0;
};

}  // namespace dk
