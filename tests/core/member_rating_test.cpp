// A member's yearly rating, capped by the share of activities they took part in and by their
// time in the unit, as the youth union's guide asks.
#include "core/member_rating.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

const MemberRatingRule& youth_rule() {
  const MemberRatingRule* rule = member_rating_rule(shipped_member_rating_rules(),
                                                    OrganizationKind::youth_union, {2026, 12, 1});
  EXPECT_NE(rule, nullptr);
  static const MemberRatingRule none;
  return rule ? *rule : none;
}

TEST(MemberRating, TheProposedLevelStandsWhenParticipationAllowsIt) {
  const RatingCheck check = check_member_rating(youth_rule(), TaskRating::excellent, 9, 10, 12);
  EXPECT_TRUE(check.rated);
  EXPECT_EQ(check.level, TaskRating::excellent);
  EXPECT_TRUE(check.reasons.empty());
  // Nothing was expected of them (no activity held): participation caps nothing.
  EXPECT_EQ(check_member_rating(youth_rule(), TaskRating::excellent, 0, 0, 12).level,
            TaskRating::excellent);
}

TEST(MemberRating, ALevelWhoseShareIsNotMetIsLoweredStepByStepAndSaysWhy) {
  const RatingCheck good = check_member_rating(youth_rule(), TaskRating::excellent, 8, 10, 12);
  EXPECT_EQ(good.level, TaskRating::good);
  ASSERT_EQ(good.reasons.size(), 1u);
  EXPECT_EQ(good.reasons[0].vi,
            "“Hoàn thành xuất sắc nhiệm vụ” cần tham gia từ 90 % hoạt động; đã tham gia 8/10");
  const RatingCheck completed = check_member_rating(youth_rule(), TaskRating::excellent, 6, 10, 12);
  EXPECT_EQ(completed.level, TaskRating::completed);
  EXPECT_EQ(completed.reasons.size(), 2u);
  const RatingCheck none = check_member_rating(youth_rule(), TaskRating::good, 4, 10, 12);
  EXPECT_EQ(none.level, TaskRating::not_completed);
  EXPECT_EQ(none.reasons.back().en,
            "“Completed tasks” needs 50 % of activities; took part in 4 of 10");
  // A lower proposal is never raised.
  EXPECT_EQ(check_member_rating(youth_rule(), TaskRating::completed, 10, 10, 12).level,
            TaskRating::completed);
}

TEST(MemberRating, UnderSixMonthsInTheUnitIsNotRatedThere) {
  const RatingCheck check = check_member_rating(youth_rule(), TaskRating::good, 5, 5, 5);
  EXPECT_FALSE(check.rated);
  EXPECT_EQ(check.reasons.at(0).en, "5 months in the unit, under 6: not rated here");
}

TEST(MemberRating, ARuleForTheKindInForceOnTheDay) {
  const auto rules = shipped_member_rating_rules();
  EXPECT_EQ(member_rating_rule(rules, OrganizationKind::trade_union, {2026, 12, 1}), nullptr);
  EXPECT_EQ(member_rating_rule(rules, OrganizationKind::youth_union, {2022, 12, 31}), nullptr);
  const MemberRatingRule& rule = youth_rule();
  EXPECT_FALSE(rule.thresholds.at(0).own_choice) << "90 % is the guide's";
  EXPECT_TRUE(rule.thresholds.at(1).own_choice) << "70 % is ours until verified";
}

}  // namespace
}  // namespace dk
