// The bonus of a title: the multiple in force times the base salary in force on the day of the
// decision, rounded up to the next 10.000 đ, as the decrees count it.
#include "core/commendation_bonus.hpp"

#include <gtest/gtest.h>

#include "core/emulation_law.hpp"

namespace dk {
namespace {

TEST(CommendationBonus, TheBaseSalaryOfTheDecisionsDayTimesTheMultipleRoundedUp) {
  // 0,3 × 2.340.000 đ = 702.000 đ, paid as 710.000 đ.
  EXPECT_EQ(title_bonus(kAdvancedWorker, {2026, 12, 20}), 710'000);
  EXPECT_EQ(title_bonus(kGrassrootsFighter, {2026, 12, 20}), 2'340'000);
  EXPECT_EQ(title_bonus(kProvincialFighter, {2026, 12, 20}), 7'020'000);
  // 0,8 × 2.340.000 đ = 1.872.000 đ → 1.880.000 đ; 1,5 × = 3.510.000 đ.
  EXPECT_EQ(title_bonus(kAdvancedCollective, {2026, 12, 20}), 1'880'000);
  EXPECT_EQ(title_bonus(kExcellentCollective, {2026, 12, 20}), 3'510'000);
  // Decided on 30/06/2024 the base salary was still 1.800.000 đ: 0,3 × = 540.000 đ.
  EXPECT_EQ(title_bonus(kAdvancedWorker, {2024, 6, 30}), 540'000);
  EXPECT_EQ(base_salary_on({2024, 7, 1})->amount, 2'340'000);
}

TEST(CommendationBonus, NoneWhereTheLawSetsNone) {
  EXPECT_FALSE(title_bonus("doan-vien-cong-doan-xuat-sac", {2026, 12, 20}));
  EXPECT_FALSE(title_bonus(kAdvancedWorker, {2023, 12, 31})) << "before Decree 98/2023";
  EXPECT_FALSE(base_salary_on({2023, 6, 30}));
}

TEST(CommendationBonus, EveryShippedTitleHasAMultipleFromTheDayItsRuleTookEffect) {
  for (const TitleRule& rule : shipped_title_rules())
    EXPECT_TRUE(title_bonus(rule.title, rule.effective_from)) << rule.title;
}

}  // namespace
}  // namespace dk
