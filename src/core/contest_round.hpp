#pragma once
// A round of an online contest (issue 17): contests run in rounds of a week or two ("Vòng 1 từ
// 01/03 đến 15/03"), each with its own questions drawn by topic quotas, a time limit per attempt,
// how many attempts a person may make and which of them counts, and when entrants see their
// results: at once, or only when the round closes (so that answers do not travel while it runs).

#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/contest_draw.hpp"
#include "core/contest_ranking.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class ResultsShown { at_once, at_close };
template <>
std::span<const CodeEntry<ResultsShown>> code_entries();
template <>
std::span<const CodeEntry<CountedAttempt>> code_entries();

inline constexpr std::chrono::seconds kMinTimeLimit{60};
inline constexpr std::chrono::seconds kMaxTimeLimit{3 * 3600};
inline constexpr int kMaxAttemptsAllowed = 10;
inline constexpr int kMaxRoundQuestions = 200;

struct ContestRound {
  Id id = 0;
  Id tenant_id = 0;
  Id contest_id = 0;
  std::string title;  // "Vòng 1"
  Instant opens_at{};
  Instant closes_at{};
  std::chrono::seconds time_limit{20 * 60};
  int attempts_allowed = 1;
  CountedAttempt counted = CountedAttempt::best;
  bool shuffle_options = true;
  ResultsShown results_shown = ResultsShown::at_close;
  std::vector<TopicQuota> quotas;  // in the order the organizer gave them
};

// The questions an attempt of the round draws.
int question_count(const ContestRound& round);

enum class RoundPhase { upcoming, open, closed };
RoundPhase phase_of(const ContestRound& round, Instant now);

// Whether an entrant may see the marks of an attempt they have finished: at once when the round
// says so, otherwise from the round's close.
bool results_visible(const ContestRound& round, Instant now);

// Field-named problems: a title, the close after the open, a time limit of 1 minute to 3 hours,
// 1–10 attempts, and quotas of at least one question each, at most 200 in all. Whether the bank
// holds them, each topic named once, is check_quotas's (core/contest_draw.hpp).
Status validate_round(const ContestRound& round);

}  // namespace dk
