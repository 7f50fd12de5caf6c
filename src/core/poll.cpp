#include "core/poll.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<PollQuestionKind> kKinds[] = {
    {PollQuestionKind::single, "single", "Chọn một", "One choice", "mot"},
    {PollQuestionKind::multiple, "multiple", "Chọn nhiều", "Several choices", "nhieu"},
    {PollQuestionKind::text, "text", "Trả lời tự do", "Free answer", "tu do"},
};

constexpr CodeEntry<PollResultsShown> kShown[] = {
    {PollResultsShown::after_vote, "after_vote", "Sau khi bỏ phiếu", "After voting",
     "sau bo phieu"},
    {PollResultsShown::after_close, "after_close", "Khi kết thúc", "When it closes", "ket thuc"},
};

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

Status validate_question(const PollQuestion& question, std::size_t index) {
  const std::string field = fmt::format("questions[{}]", index);
  const std::size_t n = index + 1;
  if (question.text.empty()) {
    return invalid(field + ".text", "poll.question_text_required",
                   fmt::format("Câu hỏi {} chưa có nội dung.", n),
                   fmt::format("Question {} has no text.", n));
  }
  if (question.kind == PollQuestionKind::text) {
    if (!question.options.empty()) {
      return invalid(field + ".options", "poll.text_has_options",
                     fmt::format("Câu hỏi {} trả lời tự do, không có phương án.", n),
                     fmt::format("Question {} takes a free answer and has no options.", n));
    }
    return {};
  }
  if (question.options.size() < 2 || question.options.size() > kMaxPollOptions) {
    return invalid(field + ".options", "poll.options_count",
                   fmt::format("Câu hỏi {} cần từ 2 đến {} phương án.", n, kMaxPollOptions),
                   fmt::format("Question {} needs 2 to {} options.", n, kMaxPollOptions));
  }
  std::set<std::string> seen;
  for (const std::string& option : question.options) {
    if (option.empty() || !seen.insert(fold_for_search(option)).second) {
      return invalid(field + ".options", "poll.option_invalid",
                     fmt::format("Các phương án của câu hỏi {} phải có nội dung và khác nhau.", n),
                     fmt::format("The options of question {} must be filled in and differ.", n));
    }
  }
  if (question.max_choices < 0 ||
      question.max_choices > static_cast<int>(question.options.size()) ||
      (question.kind == PollQuestionKind::single && question.max_choices > 1)) {
    return invalid(field + ".max_choices", "poll.max_choices_invalid",
                   fmt::format("Số phương án được chọn của câu hỏi {} không hợp lệ.", n),
                   fmt::format("The number of choices allowed for question {} is not valid.", n));
  }
  return {};
}

}  // namespace

template <>
std::span<const CodeEntry<PollQuestionKind>> code_entries() {
  return kKinds;
}
template <>
std::span<const CodeEntry<PollResultsShown>> code_entries() {
  return kShown;
}

PollPhase phase_of(const Poll& poll, Instant now) {
  if (now < poll.opens_at) return PollPhase::upcoming;
  if (now >= poll.closes_at) return PollPhase::closed;
  return PollPhase::open;
}

Status validate_poll(const Poll& poll) {
  if (poll.title.empty()) {
    return invalid("title", "poll.title_required", "Hãy ghi tên cuộc khảo sát.",
                   "Give the poll a title.");
  }
  if (poll.questions.empty() || poll.questions.size() > kMaxPollQuestions) {
    return invalid("questions", "poll.questions_count",
                   fmt::format("Cuộc khảo sát cần từ 1 đến {} câu hỏi.", kMaxPollQuestions),
                   fmt::format("A poll needs 1 to {} questions.", kMaxPollQuestions));
  }
  for (std::size_t i = 0; i < poll.questions.size(); ++i)
    TRY(validate_question(poll.questions[i], i));
  if (poll.closes_at <= poll.opens_at) {
    return invalid("closes_at", "poll.closes_before_opening",
                   "Thời điểm kết thúc phải sau thời điểm mở.",
                   "The poll must close after it opens.");
  }
  return {};
}

Result<std::vector<PollAnswer>> check_ballot(const Poll& poll, std::vector<PollAnswer> answers) {
  if (answers.size() != poll.questions.size()) {
    return invalid(
        "answers", "poll.answers_count",
        fmt::format("Phiếu cần {} câu trả lời, mỗi câu hỏi một.", poll.questions.size()),
        fmt::format("The ballot needs {} answers, one per question.", poll.questions.size()));
  }
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const PollQuestion& question = poll.questions[i];
    PollAnswer& answer = answers[i];
    const std::string field = fmt::format("answers[{}]", i);
    const std::size_t n = i + 1;
    if (answer.empty()) {
      if (question.required) {
        return invalid(field, "poll.answer_required", fmt::format("Hãy trả lời câu {}.", n),
                       fmt::format("Answer question {}.", n));
      }
      continue;
    }
    if (question.kind == PollQuestionKind::text) {
      answer.text = normalize_text(answer.text);
      if (!answer.choices.empty() || answer.text.size() > kMaxPollAnswerText) {
        return invalid(
            field, "poll.text_answer_invalid",
            fmt::format("Câu {} cần một câu trả lời dưới {} ký tự.", n, kMaxPollAnswerText),
            fmt::format("Question {} takes one answer under {} characters.", n,
                        kMaxPollAnswerText));
      }
      continue;
    }
    std::ranges::sort(answer.choices);
    const bool out_of_range = std::ranges::any_of(answer.choices, [&](int choice) {
      return choice < 0 || choice >= static_cast<int>(question.options.size());
    });
    const bool repeated = std::ranges::adjacent_find(answer.choices) != answer.choices.end();
    const auto picked = static_cast<int>(answer.choices.size());
    const int allowed =
        question.kind == PollQuestionKind::single
            ? 1
            : (question.max_choices > 0 ? question.max_choices
                                        : static_cast<int>(question.options.size()));
    if (!answer.text.empty() || out_of_range || repeated || picked > allowed) {
      return invalid(field, "poll.choices_invalid",
                     fmt::format("Câu {}: chọn tối đa {} phương án trong danh sách.", n, allowed),
                     fmt::format("Question {}: choose at most {} of its options.", n, allowed));
    }
  }
  return answers;
}

bool may_vote_in(const Principal& principal, const Poll& poll) {
  if (principal.person_id == 0) return false;
  return !poll.organization_id || principal.is_member_of(*poll.organization_id);
}

}  // namespace dk
