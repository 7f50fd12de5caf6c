#include "core/contest_ranking.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace dk {
namespace {

// What orders two entries, best first: a lower key is better. No prediction is as far as can be.
auto order_key(const RankedEntry& ranked) {
  const std::int64_t distance = ranked.distance.value_or(std::numeric_limits<std::int64_t>::max());
  return std::tuple(-ranked.entry.score, distance, ranked.entry.taken, ranked.entry.submitted_at);
}

}  // namespace

Instant attempt_deadline(Instant started_at, std::chrono::seconds time_limit,
                         Instant round_closes) {
  return std::min(started_at + time_limit, round_closes);
}

Marking mark_attempt(std::span<const ContestQuestion* const> questions,
                     std::span<const SavedAnswer> answers, Instant started_at, Instant deadline,
                     std::optional<Instant> submitted_at) {
  // The last answer in time at each place; answers come in any order.
  std::map<int, const SavedAnswer*> latest;
  for (const SavedAnswer& saved : answers) {
    if (saved.saved_at > deadline || saved.position < 0 ||
        saved.position >= static_cast<int>(questions.size()))
      continue;
    auto [found, inserted] = latest.try_emplace(saved.position, &saved);
    if (!inserted && found->second->saved_at <= saved.saved_at) found->second = &saved;
  }
  Marking marking;
  for (const auto& [position, saved] : latest) {
    if (saved->answer.empty()) continue;
    ++marking.answered;
    if (is_correct(*questions[static_cast<std::size_t>(position)], saved->answer)) ++marking.score;
  }
  const Instant end = submitted_at ? std::min(*submitted_at, deadline) : deadline;
  marking.taken =
      std::chrono::duration_cast<std::chrono::seconds>(std::max(end, started_at) - started_at);
  return marking;
}

const ContestEntry& counted_attempt(std::span<const ContestEntry> attempts, CountedAttempt rule) {
  if (rule == CountedAttempt::last) {
    return *std::ranges::max_element(attempts, {}, &ContestEntry::submitted_at);
  }
  return *std::ranges::min_element(attempts, {}, [](const ContestEntry& entry) {
    return std::tuple(-entry.score, entry.taken, entry.submitted_at);
  });
}

std::int64_t perfect_count(std::span<const ContestEntry> entries, int questions) {
  return std::ranges::count_if(entries,
                               [&](const ContestEntry& entry) { return entry.score == questions; });
}

std::vector<RankedEntry> rank_entries(std::span<const ContestEntry> entries,
                                      std::int64_t real_count) {
  std::vector<RankedEntry> ranked;
  ranked.reserve(entries.size());
  for (const ContestEntry& entry : entries) {
    RankedEntry item{entry, 0, std::nullopt};
    if (entry.prediction) {
      const std::int64_t difference = *entry.prediction - real_count;
      item.distance = difference < 0 ? -difference : difference;
    }
    ranked.push_back(item);
  }
  // Equal on every key, the person's id keeps the order the same from one reading to the next.
  std::ranges::sort(ranked, [](const RankedEntry& a, const RankedEntry& b) {
    return std::tuple(order_key(a), a.entry.person_id) <
           std::tuple(order_key(b), b.entry.person_id);
  });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const bool tied = i > 0 && order_key(ranked[i]) == order_key(ranked[i - 1]);
    ranked[i].rank = tied ? ranked[i - 1].rank : static_cast<int>(i) + 1;
  }
  return ranked;
}

}  // namespace dk
