#pragma once
// The engagement measures of docs/engagement.md, defined once: who takes part, how often, how far
// across departments, whether the same few carry everything, and each person's engagement in
// words. Pure functions over counts the store aggregates from the summary rows of
// core/engagement_facts.hpp (one line per group of members with the same counts), so that both
// databases give the same numbers and a small hand-computed case tests each formula.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/engagement_facts.hpp"

namespace dk {

inline constexpr std::int64_t kRepeatAttendances = 3;  // "took part three times or more"
inline constexpr std::int64_t kCoreAttendances = 6;    // the core of a movement
inline constexpr int kGoneQuietDays = 90;              // the default; a request may choose
inline constexpr std::size_t kKindCount = 8;           // the kinds of ActivityKind

// Members of one organization (or of several, added up) with the same attended count and the
// same packed counts per kind, and what the store summed over them.
struct EngagementGroup {
  Id organization_id = 0;
  std::int64_t attended = 0;
  std::int64_t kind_counts = 0;
  std::int64_t people = 0;
  std::int64_t expected = 0;                         // summed over the people
  std::int64_t lapsed = 0;                           // of them, attended the year before
  std::array<std::int64_t, 12> attended_in_month{};  // of them, attended something that month
};

// Members of one organization in one department (unit; 0 for people in none).
struct EngagementUnit {
  Id organization_id = 0;
  Id unit_id = 0;
  std::int64_t members = 0;
  std::int64_t reached = 0;  // attended at least once
  std::array<std::int64_t, kKindCount> reached_by_kind{};
  std::int64_t gone_quiet = 0;  // current members quiet for the chosen number of days
};

// Members of one organization and department with the same counts (attended, per kind, months),
// as the store reads them in one pass over a year's summary rows.
struct EngagementCell {
  Id organization_id = 0;
  Id unit_id = 0;
  std::int64_t attended = 0;
  std::int64_t kind_counts = 0;
  std::uint32_t months = 0;
  std::int64_t people = 0;
  std::int64_t expected = 0;
  std::int64_t lapsed = 0;
};

// Current members of one organization and department who have gone quiet (no attendance, and
// no joining, since a chosen day). Counted apart from the cells: the day moves, the cells stay.
struct EngagementQuiet {
  Id organization_id = 0;
  Id unit_id = 0;
  std::int64_t people = 0;
};

struct EngagementCounts {
  std::vector<EngagementGroup> groups;
  std::vector<EngagementUnit> units;
};
// The groups and units the cells add up to, with the gone-quiet counts in their units.
EngagementCounts fold_cells(std::span<const EngagementCell> cells,
                            std::span<const EngagementQuiet> quiet = {});

struct EngagementMeasures {
  std::int64_t members = 0;
  std::int64_t reached = 0;  // attended ≥ 1
  std::int64_t repeat = 0;   // attended ≥ kRepeatAttendances
  std::int64_t core = 0;     // attended ≥ kCoreAttendances
  std::int64_t attended = 0;
  std::int64_t expected = 0;  // without a kind: with one, what the members were expected at is
                              // not kept per kind, so the attendance rate is not given
  std::int64_t lapsed = 0;    // attended last year, not this year
  std::int64_t gone_quiet = 0;
  std::int64_t units_with_members = 0;
  std::int64_t units_reached = 0;
  std::array<std::int64_t, 12> reached_in_month{};
  // Gini coefficient of the members' attended counts (0: everyone took part equally; near 1: one
  // person did everything); nothing when nobody attended.
  std::optional<double> gini;
  // Share of all attendances made by the most active tenth of the members (rounded up).
  std::optional<double> top_tenth_share;
};

// The measures of the groups and units given (filter them by organization first, or pass all of
// an agency's to measure it as a whole, where a member of two organizations counts twice). With a
// kind, every count is that kind's.
EngagementMeasures measure_engagement(std::span<const EngagementGroup> groups,
                                      std::span<const EngagementUnit> units,
                                      std::optional<ActivityKind> kind = std::nullopt);

// part ÷ whole as a percentage with one decimal, nothing when whole is 0.
std::optional<double> percent_of(std::int64_t part, std::int64_t whole);

// The Gini coefficient of counts given as (count, how many people) pairs, in any order.
std::optional<double> gini_of(std::span<const std::pair<std::int64_t, std::int64_t>> histogram);
// The share of the total made by the top `fraction` of the people (at least one person).
std::optional<double> top_share_of(std::span<const std::pair<std::int64_t, std::int64_t>> histogram,
                                   double fraction);

// A person's engagement: recency (days since they last attended), frequency (attendances in the
// last 365 days) and variety (kinds in the last 365 days), as a score out of 100 and in words.
struct EngagementScore {
  int score = 0;
  std::int64_t last_90_days = 0;
  std::int64_t last_365_days = 0;
  std::int64_t kinds_last_365_days = 0;
  std::optional<long> days_since_last;
  std::string level;  // "active", "regular", "occasional", "none"
  std::string explanation_vi;
  std::string explanation_en;
};
EngagementScore score_engagement(std::span<const EngagementFact> facts, CivilDate today);

}  // namespace dk
