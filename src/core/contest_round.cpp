#include "core/contest_round.hpp"

#include <fmt/format.h>

namespace dk {
namespace {

constexpr CodeEntry<ResultsShown> kShown[] = {
    {ResultsShown::at_once, "at_once", "Ngay khi nộp bài", "As soon as submitted", "ngay"},
    {ResultsShown::at_close, "at_close", "Khi vòng thi kết thúc", "When the round closes",
     "ket thuc"},
};

constexpr CodeEntry<CountedAttempt> kCounted[] = {
    {CountedAttempt::best, "best", "Lần cao điểm nhất", "The best attempt", "cao nhat"},
    {CountedAttempt::last, "last", "Lần nộp sau cùng", "The last attempt", "sau cung"},
};

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

}  // namespace

template <>
std::span<const CodeEntry<ResultsShown>> code_entries() {
  return kShown;
}

template <>
std::span<const CodeEntry<CountedAttempt>> code_entries() {
  return kCounted;
}

int question_count(const ContestRound& round) {
  int count = 0;
  for (const TopicQuota& quota : round.quotas) count += quota.count;
  return count;
}

RoundPhase phase_of(const ContestRound& round, Instant now) {
  if (now < round.opens_at) return RoundPhase::upcoming;
  if (now < round.closes_at) return RoundPhase::open;
  return RoundPhase::closed;
}

bool results_visible(const ContestRound& round, Instant now) {
  return round.results_shown == ResultsShown::at_once || now >= round.closes_at;
}

Status validate_round(const ContestRound& round) {
  if (round.title.empty()) {
    return invalid("title", "contest.round_title_required", "Hãy ghi tên vòng thi.",
                   "Give the round a title.");
  }
  if (round.closes_at <= round.opens_at) {
    return invalid("closes_at", "contest.round_closes_before_opens",
                   "Vòng thi phải kết thúc sau khi bắt đầu.",
                   "The round must close after it opens.");
  }
  if (round.time_limit < kMinTimeLimit || round.time_limit > kMaxTimeLimit) {
    return invalid("time_limit_minutes", "contest.time_limit_range",
                   "Thời gian làm bài từ 1 phút đến 3 giờ.",
                   "The time limit is from 1 minute to 3 hours.");
  }
  if (round.attempts_allowed < 1 || round.attempts_allowed > kMaxAttemptsAllowed) {
    return invalid("attempts_allowed", "contest.attempts_range",
                   fmt::format("Số lần dự thi từ 1 đến {}.", kMaxAttemptsAllowed),
                   fmt::format("Attempts allowed are 1 to {}.", kMaxAttemptsAllowed));
  }
  for (std::size_t i = 0; i < round.quotas.size(); ++i) {
    const TopicQuota& quota = round.quotas[i];
    if (quota.count < 1) {
      return invalid(fmt::format("quotas[{}].count", i), "contest.quota_count",
                     fmt::format("Số câu của chủ đề “{}” phải từ 1 trở lên.", quota.topic),
                     fmt::format("The topic “{}” needs at least 1 question.", quota.topic));
    }
  }
  const int questions = question_count(round);
  if (questions < 1 || questions > kMaxRoundQuestions) {
    return invalid("quotas", "contest.round_questions_range",
                   fmt::format("Mỗi lượt thi có từ 1 đến {} câu hỏi.", kMaxRoundQuestions),
                   fmt::format("An attempt has 1 to {} questions.", kMaxRoundQuestions));
  }
  return {};
}

}  // namespace dk
