#include "core/contest_participation.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace dk {
namespace {

// a.entrants / a.people against b's, exactly: cross-multiplied (counts of people, far below
// 3 billion, so the products stay within 64 bits).
bool higher_rate(const ParticipationGroup& a, const ParticipationGroup& b) {
  return a.entrants * b.people > b.entrants * a.people;
}

bool more_entrants(const ParticipationGroup& a, const ParticipationGroup& b) {
  return a.entrants > b.entrants;
}

// Each group's rank by `better`: 1 for the best; groups neither better than the other share one.
template <class Better>
std::vector<int> ranks(const std::vector<ParticipationGroup>& groups, Better better) {
  std::vector<std::size_t> order(groups.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(
      order, [&](std::size_t a, std::size_t b) { return better(groups[a], groups[b]); });
  std::vector<int> rank(groups.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const bool tied = i > 0 && !better(groups[order[i - 1]], groups[order[i]]);
    rank[order[i]] = tied ? rank[order[i - 1]] : static_cast<int>(i) + 1;
  }
  return rank;
}

}  // namespace

void rank_groups(std::vector<ParticipationGroup>& groups) {
  const auto by_count = ranks(groups, more_entrants);
  const auto by_rate = ranks(groups, higher_rate);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    groups[i].rank_by_count = by_count[i];
    groups[i].rank_by_rate = by_rate[i];
  }
}

Participation participation_of(std::span<const ParticipantRow> rows) {
  Participation participation;
  std::map<std::optional<Id>, std::size_t> index;
  for (const ParticipantRow& row : rows) {
    ++participation.people;
    if (row.entered) ++participation.entrants;
    auto [found, added] = index.try_emplace(row.unit_id, participation.units.size());
    if (added) {
      ParticipationGroup unit;
      unit.id = row.unit_id;
      unit.name = row.unit_name;
      participation.units.push_back(std::move(unit));
    }
    ParticipationGroup& group = participation.units[found->second];
    ++group.people;
    if (row.entered) ++group.entrants;
  }
  rank_groups(participation.units);
  return participation;
}

}  // namespace dk
