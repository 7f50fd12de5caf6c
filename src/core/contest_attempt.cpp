#include "core/contest_attempt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dk {

bool takes_answers(const ContestAttempt& attempt, Instant now) {
  return !attempt.finished_at && now <= attempt.deadline;
}

ContestEntry entry_of(const ContestAttempt& attempt) {
  return ContestEntry{attempt.person_id, attempt.marking.score, attempt.prediction,
                      attempt.marking.taken, attempt.finished_at.value_or(attempt.deadline)};
}

Status check_given_answer(const ContestQuestion& question, const GivenAnswer& answer,
                          std::size_t index) {
  const std::string field = fmt::format("answers[{}]", index);
  const std::size_t n = index + 1;
  if (answer.empty()) return {};
  if (question.kind == ContestQuestionKind::numeric) {
    if (!answer.choices.empty() || !parse_numeric_answer(answer.number)) {
      return fail(ErrorKind::invalid_input, "contest.answer_number",
                  fmt::format("Câu {} cần trả lời bằng một số.", n),
                  fmt::format("Question {} takes a number.", n), Location{0, field});
    }
    return {};
  }
  const std::set<int> distinct(answer.choices.begin(), answer.choices.end());
  const bool in_range = std::ranges::all_of(answer.choices, [&](int place) {
    return place >= 0 && place < static_cast<int>(question.options.size());
  });
  const bool one_only = question.kind != ContestQuestionKind::multiple;
  if (!answer.number.empty() || !in_range || distinct.size() != answer.choices.size() ||
      (one_only && answer.choices.size() != 1)) {
    return fail(ErrorKind::invalid_input, "contest.answer_choice",
                one_only ? fmt::format("Câu {} chọn một phương án.", n)
                         : fmt::format("Câu {} chọn một hoặc nhiều phương án khác nhau.", n),
                one_only ? fmt::format("Question {} takes one option.", n)
                         : fmt::format("Question {} takes one or more distinct options.", n),
                Location{0, field});
  }
  return {};
}

Status check_prediction(std::int64_t prediction) {
  if (prediction < 0 || prediction > kMaxPrediction) {
    return fail(ErrorKind::invalid_input, "contest.prediction_range",
                "Số dự đoán là một số nguyên từ 0 đến 1.000.000.000.",
                "The prediction is a whole number from 0 to 1,000,000,000.",
                Location{0, "prediction"});
  }
  return {};
}

}  // namespace dk
