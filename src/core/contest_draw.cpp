#include "core/contest_draw.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace dk {
namespace {

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

std::map<std::string, std::vector<const ContestQuestion*>> by_topic(
    std::span<const ContestQuestion> bank) {
  std::map<std::string, std::vector<const ContestQuestion*>> topics;
  for (const ContestQuestion& question : bank) topics[question.topic].push_back(&question);
  return topics;
}

}  // namespace

Status check_quotas(std::span<const ContestQuestion> bank, std::span<const TopicQuota> quotas) {
  const auto topics = by_topic(bank);
  std::set<std::string> named;
  int total = 0;
  for (std::size_t i = 0; i < quotas.size(); ++i) {
    const TopicQuota& quota = quotas[i];
    const std::string field = fmt::format("quotas[{}]", i);
    if (!named.insert(quota.topic).second) {
      return invalid(field, "contest.topic_repeated",
                     fmt::format("Chủ đề “{}” được ghi hai lần.", quota.topic),
                     fmt::format("The topic “{}” is named twice.", quota.topic));
    }
    const auto found = topics.find(quota.topic);
    const int held = found == topics.end() ? 0 : static_cast<int>(found->second.size());
    if (quota.count < 0 || quota.count > held) {
      return invalid(field, "contest.quota_exceeds_bank",
                     fmt::format("Chủ đề “{}” cần {} câu nhưng ngân hàng chỉ có {} câu.",
                                 quota.topic, quota.count, held),
                     fmt::format("The topic “{}” asks for {} questions but the bank holds {}.",
                                 quota.topic, quota.count, held));
    }
    total += quota.count;
  }
  if (total == 0) {
    return invalid("quotas", "contest.no_questions", "Lượt thi cần ít nhất một câu hỏi.",
                   "An attempt needs at least one question.");
  }
  return {};
}

Result<std::vector<DrawnQuestion>> draw_questions(std::span<const ContestQuestion> bank,
                                                  std::span<const TopicQuota> quotas,
                                                  bool shuffle_options, std::mt19937_64& random) {
  TRY(check_quotas(bank, quotas));
  const auto topics = by_topic(bank);
  std::vector<DrawnQuestion> drawn;
  for (const TopicQuota& quota : quotas) {
    // The first `count` places of a partial Fisher–Yates shuffle: a uniform sample without
    // repeats. The bank's order is the stored one, so a draw depends on the engine alone.
    std::vector<const ContestQuestion*> pool = topics.at(quota.topic);
    for (int i = 0; i < quota.count; ++i) {
      std::uniform_int_distribution<std::size_t> pick(static_cast<std::size_t>(i), pool.size() - 1);
      std::swap(pool[static_cast<std::size_t>(i)], pool[pick(random)]);
      const ContestQuestion& question = *pool[static_cast<std::size_t>(i)];
      DrawnQuestion item{question.id, {}};
      if (question.kind != ContestQuestionKind::numeric) {
        item.option_order.resize(question.options.size());
        std::iota(item.option_order.begin(), item.option_order.end(), 0);
        // True or false keeps its order: "Sai" before "Đúng" only confuses.
        if (shuffle_options && question.kind != ContestQuestionKind::true_false)
          std::ranges::shuffle(item.option_order, random);
      }
      drawn.push_back(std::move(item));
    }
  }
  // Topics mixed, so that the order tells nothing of the quotas.
  std::ranges::shuffle(drawn, random);
  return drawn;
}

}  // namespace dk
