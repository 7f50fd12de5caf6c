#pragma once
// Marking an attempt by the server's clock, and ranking the entrants of a round (issue 17), as
// Vietnamese contest rules say: most right answers first; then the prediction ("how many will
// answer every question right?") nearest the real count; then the shorter time taken; then the
// earlier submission. An answer saved after the attempt's deadline does not count, whatever the
// browser's clock said.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/clock.hpp"
#include "core/contest_question.hpp"

namespace dk {

// An attempt ends at its time limit, or when the round closes if that is sooner.
Instant attempt_deadline(Instant started_at, std::chrono::seconds time_limit, Instant round_closes);

// An answer as the server saved it; a later one at the same place replaces it.
struct SavedAnswer {
  int position = 0;  // in the attempt's draw
  GivenAnswer answer;
  Instant saved_at{};
};

struct Marking {
  int score = 0;                  // right answers saved in time
  int answered = 0;               // places answered in time
  std::chrono::seconds taken{0};  // to the submission, or to the deadline
};

// `questions[i]` is the draw's i-th question. Only answers saved at or before `deadline` count;
// of several at one place, the last of those.
Marking mark_attempt(std::span<const ContestQuestion* const> questions,
                     std::span<const SavedAnswer> answers, Instant started_at, Instant deadline,
                     std::optional<Instant> submitted_at);

// An entrant's counted attempt in a round.
struct ContestEntry {
  Id person_id = 0;
  int score = 0;
  std::optional<std::int64_t> prediction;
  std::chrono::seconds taken{0};
  Instant submitted_at{};
};

// Which of a person's attempts counts, when a round allows several.
enum class CountedAttempt { best, last };
// The counted one of `attempts` (not empty): the best by score, time, then submission; or the
// last submitted.
const ContestEntry& counted_attempt(std::span<const ContestEntry> attempts, CountedAttempt rule);

// Those who answered every one of `questions` right: the count predictions are measured against.
std::int64_t perfect_count(std::span<const ContestEntry> entries, int questions);

struct RankedEntry {
  ContestEntry entry;
  int rank = 0;                          // 1 first; equal on every key, equal rank
  std::optional<std::int64_t> distance;  // of the prediction to the real count
};

// Every entry in order with its rank; none predicted ranks after any prediction among equals.
std::vector<RankedEntry> rank_entries(std::span<const ContestEntry> entries,
                                      std::int64_t real_count);

}  // namespace dk
