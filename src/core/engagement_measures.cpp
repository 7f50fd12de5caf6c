#include "core/engagement_measures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace dk {
namespace {

using Histogram = std::vector<std::pair<std::int64_t, std::int64_t>>;

double rounded(long double value, int decimals) {
  const long double scale = std::pow(10.0L, decimals);
  return static_cast<double>(std::round(value * scale) / scale);
}

}  // namespace

std::optional<double> percent_of(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return rounded(static_cast<long double>(part) * 100 / whole, 1);
}

std::optional<double> gini_of(std::span<const std::pair<std::int64_t, std::int64_t>> histogram) {
  Histogram sorted(histogram.begin(), histogram.end());
  std::ranges::sort(sorted);
  long double people = 0, total = 0, weighted = 0;
  for (const auto& [count, how_many] : sorted) {
    if (how_many <= 0) continue;
    // Ranks people + 1 … people + how_many, ascending: Σ rank × count for the group.
    const long double n = how_many;
    weighted += count * (n * people + n * (n + 1) / 2);
    people += n;
    total += n * count;
  }
  if (total <= 0) return std::nullopt;
  // G = 2 Σ i·x_(i) / (n Σ x) − (n + 1) / n, with x sorted ascending and i from 1.
  return rounded(2 * weighted / (people * total) - (people + 1) / people, 3);
}

std::optional<double> top_share_of(std::span<const std::pair<std::int64_t, std::int64_t>> histogram,
                                   double fraction) {
  Histogram sorted(histogram.begin(), histogram.end());
  std::ranges::sort(sorted, std::greater<>());
  std::int64_t people = 0;
  long double total = 0;
  for (const auto& [count, how_many] : sorted) {
    people += how_many;
    total += static_cast<long double>(count) * how_many;
  }
  if (total <= 0 || people <= 0) return std::nullopt;
  auto left = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(static_cast<double>(people) * fraction)));
  long double top = 0;
  for (const auto& [count, how_many] : sorted) {
    const std::int64_t taken = std::min(left, how_many);
    top += static_cast<long double>(count) * taken;
    left -= taken;
    if (left == 0) break;
  }
  return rounded(top / total, 3);
}

EngagementCounts fold_cells(std::span<const EngagementCell> cells,
                            std::span<const EngagementQuiet> quiet) {
  std::map<std::tuple<Id, std::int64_t, std::int64_t>, EngagementGroup> groups;
  std::map<std::pair<Id, Id>, EngagementUnit> units;
  for (const EngagementCell& cell : cells) {
    EngagementGroup& group = groups[{cell.organization_id, cell.attended, cell.kind_counts}];
    group.organization_id = cell.organization_id;
    group.attended = cell.attended;
    group.kind_counts = cell.kind_counts;
    group.people += cell.people;
    group.expected += cell.expected;
    group.lapsed += cell.lapsed;
    for (std::size_t month = 0; month < 12; ++month)
      if (cell.months & (1u << month)) group.attended_in_month[month] += cell.people;

    EngagementUnit& unit = units[{cell.organization_id, cell.unit_id}];
    unit.organization_id = cell.organization_id;
    unit.unit_id = cell.unit_id;
    unit.members += cell.people;
    if (cell.attended > 0) unit.reached += cell.people;
    for (std::size_t kind = 0; kind < kKindCount; ++kind)
      if (kind_count(cell.kind_counts, static_cast<ActivityKind>(kind)) > 0)
        unit.reached_by_kind[kind] += cell.people;
  }
  for (const EngagementQuiet& count : quiet) {
    EngagementUnit& unit = units[{count.organization_id, count.unit_id}];
    unit.organization_id = count.organization_id;
    unit.unit_id = count.unit_id;
    unit.gone_quiet += count.people;
  }
  EngagementCounts counts;
  for (auto& [key, group] : groups) counts.groups.push_back(group);
  for (auto& [key, unit] : units) counts.units.push_back(unit);
  return counts;
}

EngagementMeasures measure_engagement(std::span<const EngagementGroup> groups,
                                      std::span<const EngagementUnit> units,
                                      std::optional<ActivityKind> kind) {
  EngagementMeasures measures;
  std::map<std::int64_t, std::int64_t> histogram;
  for (const EngagementGroup& group : groups) {
    const std::int64_t count = kind ? kind_count(group.kind_counts, *kind) : group.attended;
    measures.members += group.people;
    histogram[count] += group.people;
    measures.attended += count * group.people;
    if (count >= 1) measures.reached += group.people;
    if (count >= kRepeatAttendances) measures.repeat += group.people;
    if (count >= kCoreAttendances) measures.core += group.people;
    if (!kind) {
      measures.expected += group.expected;
      measures.lapsed += group.lapsed;
      for (std::size_t month = 0; month < 12; ++month)
        measures.reached_in_month[month] += group.attended_in_month[month];
    }
  }
  for (const EngagementUnit& unit : units) {
    measures.gone_quiet += unit.gone_quiet;
    // People in no department (unit 0) are no department that could be missed.
    if (unit.members <= 0 || unit.unit_id == 0) continue;
    ++measures.units_with_members;
    const std::int64_t reached =
        kind ? unit.reached_by_kind[static_cast<std::size_t>(*kind)] : unit.reached;
    if (reached > 0) ++measures.units_reached;
  }
  const Histogram pairs(histogram.begin(), histogram.end());
  measures.gini = gini_of(pairs);
  measures.top_tenth_share = top_share_of(pairs, 0.1);
  return measures;
}

EngagementScore score_engagement(std::span<const EngagementFact> facts, CivilDate today) {
  EngagementScore score;
  const long now = days_from_civil(today);
  std::set<ActivityKind> kinds;
  std::optional<long> last;
  for (const EngagementFact& fact : facts) {
    if (fact.presence != Presence::attended) continue;
    const long day = days_from_civil(fact.date);
    if (day > now) continue;
    last = std::max(last.value_or(day), day);
    if (now - day < 90) ++score.last_90_days;
    if (now - day < 365) {
      ++score.last_365_days;
      kinds.insert(fact.kind);
    }
  }
  score.kinds_last_365_days = static_cast<std::int64_t>(kinds.size());
  if (last) score.days_since_last = now - *last;
  // Recency weighs most: a member who came last month is engaged whatever came before.
  int recency = 0;
  if (score.days_since_last) {
    const long days = *score.days_since_last;
    recency = days < 30 ? 40 : days < 90 ? 30 : days < 180 ? 15 : days < 365 ? 5 : 0;
  }
  const int frequency = static_cast<int>(std::min<std::int64_t>(score.last_365_days, 10) * 4);
  const int variety = static_cast<int>(std::min<std::int64_t>(score.kinds_last_365_days, 4) * 5);
  score.score = recency + frequency + variety;
  score.level = score.score >= 70   ? "active"
                : score.score >= 40 ? "regular"
                : score.score > 0   ? "occasional"
                                    : "none";
  if (!last) {
    score.explanation_vi = "Chưa tham gia hoạt động nào.";
    score.explanation_en = "Has not taken part in any activity.";
  } else {
    score.explanation_vi = fmt::format(
        "{} hoạt động trong 90 ngày qua, {} hoạt động trong 12 tháng qua thuộc {} loại; "
        "lần gần nhất cách đây {} ngày.",
        score.last_90_days, score.last_365_days, score.kinds_last_365_days, *score.days_since_last);
    score.explanation_en = fmt::format(
        "{} {} in the last 90 days, {} in the last 12 months of {} {}; last one {} days ago.",
        score.last_90_days, score.last_90_days == 1 ? "activity" : "activities",
        score.last_365_days, score.kinds_last_365_days,
        score.kinds_last_365_days == 1 ? "kind" : "kinds", *score.days_since_last);
  }
  return score;
}

}  // namespace dk
