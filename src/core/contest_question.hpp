#pragma once
// Online contests (cuộc thi trực tuyến tìm hiểu …, issue 17): the bank's questions and how an
// answer to one is marked. A question is one choice among 3–4 options, several choices, true or
// false, or a short number ("Bộ luật Lao động 2019 có bao nhiêu điều?" — 220). Numbers are written
// as Vietnamese write them ("123.561", "12,5") or as a calculator does ("12.5").

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class ContestQuestionKind { single, multiple, true_false, numeric };
template <>
std::span<const CodeEntry<ContestQuestionKind>> code_entries();

inline constexpr int kMinContestOptions = 3;
inline constexpr int kMaxContestOptions = 4;

struct ContestQuestion {
  Id id = 0;
  std::string topic;   // "Hợp đồng lao động"
  int difficulty = 1;  // 1 easy, 2 medium, 3 hard
  ContestQuestionKind kind = ContestQuestionKind::single;
  std::string text;
  std::vector<std::string>
      options;  // 3–4 for a choice; "Đúng", "Sai" for true/false; none for a number
  std::vector<int> correct;    // the right options' places, ascending (a choice, true/false)
  std::string numeric_answer;  // a number's right answer, as written (a number)
};

// Field-named problems ("text", "options", "correct", "numeric_answer", "topic", "difficulty"):
// a text and a topic; 3–4 distinct options for a choice, exactly one right for one choice, at
// least one for several; true/false with its two options and one right; a number that reads.
Status validate_question(const ContestQuestion& question);

// A number as a person types it, in millionths: "220", "123.561" and "123 561" (thousands),
// "12,5" (Vietnamese decimal comma), "12.5" (a point followed by other than three digits),
// "-3". Nothing when it is not a number or has more than six decimals.
std::optional<std::int64_t> parse_numeric_answer(std::string_view text);

// One answer as given: the chosen options' places in the question's own order (not the order the
// entrant saw), or the typed number.
struct GivenAnswer {
  std::vector<int> choices;
  std::string number;
  bool empty() const { return choices.empty() && number.empty(); }
};

// Right or not: the same set of options (several choices are all or nothing), or the same number.
bool is_correct(const ContestQuestion& question, const GivenAnswer& answer);

}  // namespace dk
