#pragma once
// One person's attempt at a round (issue 17): the questions drawn for it when it started (fixed,
// so a reload shows the same ones), its deadline by the server's clock, the answers saved as the
// person gives them and, once it is over, its marks. It is over when the person submits it, or
// when its deadline passes and the server closes it with what was saved in time.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/contest_draw.hpp"
#include "core/contest_question.hpp"
#include "core/contest_ranking.hpp"
#include "core/error.hpp"

namespace dk {

inline constexpr std::int64_t kMaxPrediction = 1'000'000'000;

struct ContestAttempt {
  Id id = 0;
  Id tenant_id = 0;
  Id contest_id = 0;
  Id round_id = 0;
  Id person_id = 0;
  int number = 1;  // the person's first, second … attempt in the round
  Instant started_at{};
  Instant deadline{};
  std::vector<DrawnQuestion> draw;
  std::optional<std::int64_t> prediction;
  std::optional<Instant> finished_at;  // submitted, or closed at its deadline
  bool submitted = false;              // by the person; false: closed by the clock
  Marking marking;                     // once finished
};

// Answers are still taken: not finished and the deadline not past.
bool takes_answers(const ContestAttempt& attempt, Instant now);

// The attempt as the round's ranking sees it (finished attempts only).
ContestEntry entry_of(const ContestAttempt& attempt);

// Field-named problems of an answer to a question ("answers[i]"): places among the question's
// options, exactly one for one choice or true/false, distinct; a number that reads for a number
// question. An empty answer clears the place and is always well formed.
Status check_given_answer(const ContestQuestion& question, const GivenAnswer& answer,
                          std::size_t index);

// A prediction of how many will answer every question right: 0 to a billion.
Status check_prediction(std::int64_t prediction);

}  // namespace dk
