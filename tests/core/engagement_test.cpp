#include <gtest/gtest.h>

#include "core/engagement_facts.hpp"
#include "core/engagement_measures.hpp"

namespace dk {
namespace {

using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

TEST(EngagementFacts, FoldsAPersonsFactsByOrganizationAndYear) {
  const std::vector<EngagementFact> facts{
      {1, ActivityKind::sports, {2025, 5, 10}, Presence::attended},
      {1, ActivityKind::meeting, {2026, 1, 5}, Presence::attended},
      {1, ActivityKind::meeting, {2026, 2, 10}, Presence::missed},
      {1, ActivityKind::study, {2026, 2, 20}, Presence::excused},
      {2, ActivityKind::culture_arts, {2026, 3, 1}, Presence::attended},
  };
  const std::vector<MembershipSpan> memberships{{1, CivilDate{2025, 3, 1}, std::nullopt, true}};
  const auto rows = summarize_engagement(facts, memberships, 2025, 2026);
  ASSERT_EQ(rows.size(), 3u);

  EXPECT_EQ(rows[0].organization_id, 1);
  EXPECT_EQ(rows[0].year, 2025);
  EXPECT_TRUE(rows[0].member);
  EXPECT_EQ(rows[0].attended, 1);
  EXPECT_EQ(rows[0].expected, 1);
  EXPECT_EQ(rows[0].months, 1u << 4);  // May
  EXPECT_EQ(kind_count(rows[0].kind_counts, ActivityKind::sports), 1);
  EXPECT_EQ(rows[0].last_attended_day, days_from_civil({2025, 5, 10}));
  EXPECT_EQ(rows[0].previous_attended, 0);

  EXPECT_EQ(rows[1].year, 2026);
  EXPECT_EQ(rows[1].attended, 1);
  EXPECT_EQ(rows[1].expected, 2);  // the excused study session is not expected
  EXPECT_EQ(rows[1].months, 1u);   // January
  EXPECT_EQ(kind_count(rows[1].kind_counts, ActivityKind::meeting), 1);
  EXPECT_EQ(kind_count(rows[1].kind_counts, ActivityKind::sports), 0);
  EXPECT_EQ(rows[1].previous_attended, 1);
  EXPECT_EQ(rows[1].last_attended_day, days_from_civil({2026, 1, 5}));
  EXPECT_EQ(rows[1].joined_day, days_from_civil({2025, 3, 1}));
  EXPECT_TRUE(rows[1].current_member);

  // A youth union activity the person came to without being a member: a row, not a member.
  EXPECT_EQ(rows[2].organization_id, 2);
  EXPECT_EQ(rows[2].year, 2026);
  EXPECT_FALSE(rows[2].member);
  EXPECT_EQ(rows[2].attended, 1);
}

TEST(EngagementFacts, AMemberWhoNeverCameHasARowOfZerosEveryYear) {
  const std::vector<MembershipSpan> memberships{
      {3, std::nullopt, std::nullopt, true},
      {4, CivilDate{2020, 1, 1}, CivilDate{2025, 6, 30}, false}};
  const auto rows = summarize_engagement({}, memberships, 2025, 2026);
  ASSERT_EQ(rows.size(), 3u);  // organization 3 in 2025 and 2026; organization 4 in 2025 only
  EXPECT_EQ(rows[0].organization_id, 3);
  EXPECT_EQ(rows[0].attended, 0);
  EXPECT_FALSE(rows[0].last_attended_day);
  EXPECT_EQ(rows[2].organization_id, 4);
  EXPECT_EQ(rows[2].year, 2025);
  EXPECT_FALSE(rows[2].current_member);
}

TEST(EngagementFacts, AnAgencyContestCountsForTheOrganizationsOfThatDayEachOnce) {
  const std::vector<MembershipSpan> memberships{
      {3, CivilDate{2020, 1, 1}, std::nullopt, true},
      {4, CivilDate{2020, 1, 1}, CivilDate{2026, 6, 30}, false},
      {5, CivilDate{2026, 11, 14}, std::nullopt, true},
      {3, CivilDate{2019, 1, 1}, CivilDate{2019, 12, 31}, false}};  // an earlier spell, same union
  EXPECT_EQ(organizations_on(memberships, {2026, 6, 30}), (std::vector<Id>{3, 4}));
  EXPECT_EQ(organizations_on(memberships, {2026, 11, 13}), (std::vector<Id>{3}));
  EXPECT_EQ(organizations_on(memberships, {2026, 11, 14}), (std::vector<Id>{3, 5}));
  EXPECT_TRUE(organizations_on(memberships, {2019, 12, 31}).size() == 1);
  EXPECT_TRUE(organizations_on(memberships, {2018, 1, 1}).empty());
}

TEST(EngagementFacts, KindCountsStopAtTheirCapAndLeaveTheOtherKindsAlone) {
  std::int64_t packed = with_kind_count(0, ActivityKind::other, 500);
  packed = with_kind_count(packed, ActivityKind::meeting, 3);
  EXPECT_EQ(kind_count(packed, ActivityKind::other), kKindCountCap);
  EXPECT_EQ(kind_count(packed, ActivityKind::meeting), 3);
  EXPECT_GT(packed, 0);  // eight kinds of seven bits stay clear of the sign bit
}

TEST(EngagementMeasures, GiniAndTopTenthByHand) {
  // Four members attended 0, 0, 1 and 3 times: Σ|xi − xj| over ordered pairs is 20, the mean 1,
  // so G = 20 / (2 · 4² · 1) = 0.625; the most active tenth (one person) made 3 of 4.
  const Pairs histogram{{3, 1}, {0, 2}, {1, 1}};
  EXPECT_DOUBLE_EQ(*gini_of(histogram), 0.625);
  EXPECT_DOUBLE_EQ(*top_share_of(histogram, 0.1), 0.75);
  EXPECT_DOUBLE_EQ(*gini_of(Pairs{{2, 5}}), 0.0);  // everyone equal
  EXPECT_FALSE(gini_of(Pairs{{0, 5}}));            // nobody attended: no answer, not 0
}

TEST(EngagementMeasures, CountsReachRepeatCoreAndSpread) {
  EngagementGroup never{
      .organization_id = 1, .attended = 0, .people = 5, .expected = 10, .lapsed = 2};
  EngagementGroup twice{.organization_id = 1,
                        .attended = 2,
                        .kind_counts = with_kind_count(0, ActivityKind::sports, 2),
                        .people = 3,
                        .expected = 9};
  twice.attended_in_month[0] = 3;
  EngagementGroup often{.organization_id = 1,
                        .attended = 7,
                        .kind_counts = with_kind_count(with_kind_count(0, ActivityKind::sports, 4),
                                                       ActivityKind::meeting, 3),
                        .people = 2,
                        .expected = 16};
  often.attended_in_month[0] = 1;
  often.attended_in_month[1] = 2;
  const std::vector<EngagementGroup> groups{never, twice, often};
  std::vector<EngagementUnit> units{{1, 10, 4, 2, {}}, {1, 11, 6, 0, {}}, {1, 12, 0, 0, {}}};
  units[0].reached_by_kind[static_cast<std::size_t>(ActivityKind::sports)] = 2;
  units[1].gone_quiet = 5;

  const EngagementMeasures all = measure_engagement(groups, units);
  EXPECT_EQ(all.members, 10);
  EXPECT_EQ(all.reached, 5);
  EXPECT_EQ(all.repeat, 2);
  EXPECT_EQ(all.core, 2);
  EXPECT_EQ(all.attended, 2 * 3 + 7 * 2);
  EXPECT_EQ(all.expected, 35);
  EXPECT_EQ(all.lapsed, 2);
  EXPECT_EQ(all.gone_quiet, 5);
  EXPECT_EQ(all.units_with_members, 2);  // the unit with no members is not missed
  EXPECT_EQ(all.units_reached, 1);
  EXPECT_EQ(all.reached_in_month[0], 4);
  EXPECT_EQ(all.reached_in_month[1], 2);
  EXPECT_EQ(percent_of(all.reached, all.members), 50.0);
  EXPECT_EQ(percent_of(all.attended, all.expected), 57.1);

  const EngagementMeasures sports = measure_engagement(groups, units, ActivityKind::sports);
  EXPECT_EQ(sports.reached, 5);
  EXPECT_EQ(sports.repeat, 2);  // the two with four sports sessions
  EXPECT_EQ(sports.core, 0);
  EXPECT_EQ(sports.attended, 2 * 3 + 4 * 2);
  EXPECT_EQ(sports.expected, 0);  // not kept per kind
  EXPECT_EQ(sports.units_reached, 1);
  EXPECT_FALSE(percent_of(1, 0));
}

TEST(EngagementMeasures, CellsFoldIntoGroupsAndDepartments) {
  const std::int64_t sports = with_kind_count(0, ActivityKind::sports, 2);
  const std::vector<EngagementCell> cells{
      {.organization_id = 1,
       .unit_id = 10,
       .attended = 2,
       .kind_counts = sports,
       .months = 0b101,
       .people = 3,
       .expected = 6},
      {.organization_id = 1,
       .unit_id = 11,
       .attended = 2,
       .kind_counts = sports,
       .months = 0b100,
       .people = 1,
       .expected = 2},
      {.organization_id = 1, .unit_id = 11, .attended = 0, .people = 4, .expected = 1, .lapsed = 2},
  };
  // Gone quiet is counted apart, by department: one of unit 11's attenders, its four others and
  // one person of unit 12, which has no cell of its own this year.
  const std::vector<EngagementQuiet> quiet{{1, 11, 5}, {1, 12, 1}};
  const EngagementCounts counts = fold_cells(cells, quiet);
  ASSERT_EQ(counts.groups.size(), 2u);  // (attended 0) and (attended 2, two sports)
  EXPECT_EQ(counts.groups[0].people, 4);
  EXPECT_EQ(counts.groups[0].lapsed, 2);
  EXPECT_EQ(counts.groups[1].people, 4);
  EXPECT_EQ(counts.groups[1].expected, 8);
  EXPECT_EQ(counts.groups[1].attended_in_month[0], 3);  // January: the first cell's three
  EXPECT_EQ(counts.groups[1].attended_in_month[2], 4);  // March: all four
  ASSERT_EQ(counts.units.size(), 3u);
  EXPECT_EQ(counts.units[1].members, 5);
  EXPECT_EQ(counts.units[1].gone_quiet, 5);
  EXPECT_EQ(counts.units[2].members, 0);
  EXPECT_EQ(counts.units[1].reached, 1);
  EXPECT_EQ(counts.units[1].reached_by_kind[static_cast<std::size_t>(ActivityKind::sports)], 1);
  const EngagementMeasures measures = measure_engagement(counts.groups, counts.units);
  EXPECT_EQ(measures.members, 8);
  EXPECT_EQ(measures.gone_quiet, 6);
  EXPECT_EQ(measures.units_reached, 2);
  EXPECT_EQ(measures.units_with_members, 2);  // unit 12's quiet count adds no members
}

TEST(EngagementScore, ExplainsRecencyFrequencyAndVarietyInWords) {
  const CivilDate today{2026, 11, 18};
  const std::vector<EngagementFact> facts{
      {1, ActivityKind::sports, add_days(today, -10), Presence::attended},
      {1, ActivityKind::meeting, add_days(today, -40), Presence::attended},
      {1, ActivityKind::meeting, add_days(today, -80), Presence::attended},
      {1, ActivityKind::study, add_days(today, -200), Presence::attended},
      {1, ActivityKind::study, add_days(today, -20), Presence::missed},
      {1, ActivityKind::sports, add_days(today, -400), Presence::attended},
  };
  const EngagementScore score = score_engagement(facts, today);
  EXPECT_EQ(score.last_90_days, 3);
  EXPECT_EQ(score.last_365_days, 4);
  EXPECT_EQ(score.kinds_last_365_days, 3);
  EXPECT_EQ(score.days_since_last, 10);
  EXPECT_EQ(score.score, 40 + 16 + 15);
  EXPECT_EQ(score.level, "active");
  EXPECT_EQ(score.explanation_vi,
            "3 hoạt động trong 90 ngày qua, 4 hoạt động trong 12 tháng qua thuộc 3 loại; lần gần "
            "nhất cách đây 10 ngày.");
  EXPECT_EQ(score_engagement({}, today).level, "none");
}

}  // namespace
}  // namespace dk
