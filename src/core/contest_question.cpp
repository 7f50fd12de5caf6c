#include "core/contest_question.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<ContestQuestionKind> kKinds[] = {
    {ContestQuestionKind::single, "single", "Chọn một đáp án", "One answer", "mot dap an|a b c d"},
    {ContestQuestionKind::multiple, "multiple", "Chọn nhiều đáp án", "Several answers",
     "nhieu dap an"},
    {ContestQuestionKind::true_false, "true_false", "Đúng / Sai", "True or false",
     "dung sai|dung/sai"},
    {ContestQuestionKind::numeric, "numeric", "Điền số", "A number", "dien so|so"},
};

constexpr std::int64_t kScale = 1'000'000;  // millionths

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

bool digits(std::string_view text) {
  return !text.empty() &&
         std::ranges::all_of(text, [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// Whole digits with no separator, and a fraction of up to six digits, into millionths.
std::optional<std::int64_t> scaled(std::string_view whole, std::string_view fraction) {
  if (!digits(whole) || (!fraction.empty() && !digits(fraction)) || fraction.size() > 6)
    return std::nullopt;
  std::int64_t value = 0;
  for (const char c : whole) {
    if (value > (std::numeric_limits<std::int64_t>::max() / kScale - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  value *= kScale;
  std::int64_t unit = kScale / 10;
  for (const char c : fraction) {
    value += (c - '0') * unit;
    unit /= 10;
  }
  return value;
}

// "123.561.000" → "123561000" when every group after the first has three digits.
std::optional<std::string> ungrouped(std::string_view text, char separator) {
  std::string whole;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t next = text.find(separator, start);
    const std::string_view group = text.substr(start, next - start);
    if (!digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
    whole += group;
    first = false;
    if (next == std::string_view::npos) break;
    start = next + 1;
  }
  return whole;
}

}  // namespace

template <>
std::span<const CodeEntry<ContestQuestionKind>> code_entries() {
  return kKinds;
}

std::optional<std::int64_t> parse_numeric_answer(std::string_view text) {
  std::string compact;
  for (const char c : text)
    if (c != ' ' && c != '\t') compact += c;
  std::string_view rest = compact;
  bool negative = false;
  if (rest.starts_with('-')) {
    negative = true;
    rest.remove_prefix(1);
  }
  std::optional<std::int64_t> value;
  if (const std::size_t comma = rest.find(','); comma != std::string_view::npos) {
    // A decimal comma; the whole part may group thousands with points.
    const std::string_view whole = rest.substr(0, comma);
    auto plain = whole.find('.') == std::string_view::npos ? std::optional(std::string(whole))
                                                           : ungrouped(whole, '.');
    if (plain) value = scaled(*plain, rest.substr(comma + 1));
  } else if (rest.find('.') != std::string_view::npos) {
    // Points between groups of three are thousands; one point before other than three digits is
    // a decimal point, as a calculator writes it.
    if (auto plain = ungrouped(rest, '.')) {
      value = scaled(*plain, "");
    } else if (const std::size_t point = rest.find('.');
               rest.find('.', point + 1) == std::string_view::npos) {
      value = scaled(rest.substr(0, point), rest.substr(point + 1));
    }
  } else {
    value = scaled(rest, "");
  }
  if (!value) return std::nullopt;
  return negative ? -*value : *value;
}

Status validate_question(const ContestQuestion& question) {
  if (question.text.empty()) {
    return invalid("text", "contest.question_text_required", "Câu hỏi chưa có nội dung.",
                   "The question has no text.");
  }
  if (question.topic.empty()) {
    return invalid("topic", "contest.topic_required", "Câu hỏi chưa có chủ đề.",
                   "The question has no topic.");
  }
  if (question.difficulty < 1 || question.difficulty > 3) {
    return invalid("difficulty", "contest.difficulty_invalid",
                   "Độ khó là 1 (dễ), 2 (trung bình) hoặc 3 (khó).",
                   "Difficulty is 1 (easy), 2 (medium) or 3 (hard).");
  }
  if (question.kind == ContestQuestionKind::numeric) {
    if (!question.options.empty() || !parse_numeric_answer(question.numeric_answer)) {
      return invalid("numeric_answer", "contest.numeric_answer_invalid",
                     "Câu điền số cần một đáp án là số, không có phương án.",
                     "A number question needs a number as its answer and no options.");
    }
    return {};
  }
  const auto count = static_cast<int>(question.options.size());
  const bool true_false = question.kind == ContestQuestionKind::true_false;
  if (true_false ? count != 2 : count < kMinContestOptions || count > kMaxContestOptions) {
    return invalid("options", "contest.options_count",
                   true_false ? "Câu đúng/sai có đúng 2 phương án."
                              : fmt::format("Câu hỏi cần từ {} đến {} phương án.",
                                            kMinContestOptions, kMaxContestOptions),
                   true_false ? "A true-or-false question has exactly 2 options."
                              : fmt::format("A question needs {} to {} options.",
                                            kMinContestOptions, kMaxContestOptions));
  }
  std::set<std::string> seen;
  for (const std::string& option : question.options) {
    if (option.empty() || !seen.insert(fold_for_search(option)).second) {
      return invalid("options", "contest.option_invalid",
                     "Các phương án phải có nội dung và khác nhau.",
                     "The options must be filled in and differ.");
    }
  }
  const bool in_range =
      std::ranges::all_of(question.correct, [&](int place) { return place >= 0 && place < count; });
  const bool ascending =
      std::ranges::adjacent_find(question.correct, std::ranges::greater_equal{}) ==
      question.correct.end();
  const bool one = question.kind != ContestQuestionKind::multiple;
  if (question.correct.empty() || !in_range || !ascending ||
      (one && question.correct.size() != 1)) {
    return invalid("correct", "contest.correct_invalid",
                   one ? "Câu hỏi cần đúng một đáp án đúng trong các phương án."
                       : "Câu hỏi cần ít nhất một đáp án đúng trong các phương án.",
                   one ? "The question needs exactly one right answer among its options."
                       : "The question needs at least one right answer among its options.");
  }
  return {};
}

bool is_correct(const ContestQuestion& question, const GivenAnswer& answer) {
  if (question.kind == ContestQuestionKind::numeric) {
    const auto given = parse_numeric_answer(answer.number);
    return given && given == parse_numeric_answer(question.numeric_answer);
  }
  std::vector<int> chosen = answer.choices;
  std::ranges::sort(chosen);
  chosen.erase(std::ranges::unique(chosen).begin(), chosen.end());
  return !chosen.empty() && chosen == question.correct;
}

}  // namespace dk
