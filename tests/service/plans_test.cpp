// Year plans' use cases as the adapters call them, on SQLite and PostgreSQL: an organization's
// officers set its plan, targets and programmes, each change audited; one plan an organization a
// year; everyone reads them with their progress.
#include "service/plans.hpp"

#include <gtest/gtest.h>

#include "service/activities.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class PlansTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    secretary_ = add_person("Nguyễn Thị Ánh", youth_union_);
    member_ = add_person("Lê Văn Bình", youth_union_);
    year_ = vietnam_date(now_).year;
  }

  Actor secretary() const { return officer_of(youth_union_, secretary_); }
  Actor member() const { return member_of(youth_union_, member_); }

  Plan plan_of(Id organization, int year) const {
    Plan plan;
    plan.organization_id = organization;
    plan.year = year;
    plan.title = "  Kế hoạch   hoạt động năm " + std::to_string(year);
    plan.activity_targets = {{ActivityKind::study, 4}, {ActivityKind::volunteering, 2}};
    plan.participation_target = 80;
    return plan;
  }

  Id secretary_ = 0;
  Id member_ = 0;
  int year_ = 0;
};

TEST_P(PlansTest, AnOrganizationsOfficerSetsItsPlanAndOthersMayNot) {
  for (const Actor& actor : {member(), officer_of(trade_union_)}) {
    EXPECT_EQ(error_code(create_plan(*connection_, actor, plan_of(youth_union_, year_))),
              "access.forbidden");
  }
  auto created = create_plan(*connection_, secretary(), plan_of(youth_union_, year_));
  ASSERT_TRUE(created) << created.error().message.en;
  EXPECT_EQ(created->plan.title, "Kế hoạch hoạt động năm " + std::to_string(year_));
  EXPECT_EQ(created->progress.members, 2);
  EXPECT_EQ(last_audit(), "create plan 8 192.0.2.1");

  auto again = create_plan(*connection_, administrator(), plan_of(youth_union_, year_));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "plan.year_taken");
  EXPECT_EQ(again.error().where.field, "year");
  EXPECT_NE(again.error().message.vi.find("Chi đoàn đã có kế hoạch"), std::string::npos);
  EXPECT_TRUE(create_plan(*connection_, secretary(), plan_of(youth_union_, year_ + 1)));
  Plan too_much = plan_of(youth_union_, year_ + 2);
  too_much.participation_target = 120;
  EXPECT_EQ(error_code(create_plan(*connection_, secretary(), too_much)),
            "plan.participation_invalid");
  EXPECT_EQ(error_code(create_plan(*connection_, administrator(), plan_of(424242, year_))),
            "organization.not_found");
}

TEST_P(PlansTest, TheTargetsChangeByItsOfficersOnlyAndTheOrganizationAndYearStay) {
  const Id id =
      create_plan(*connection_, secretary(), plan_of(youth_union_, year_)).value().plan.id;
  Plan changes = plan_of(trade_union_, year_ + 5);
  changes.title = "Kế hoạch năm (bổ sung)";
  changes.activity_targets = {{ActivityKind::sports, 3}};
  changes.participation_target = std::nullopt;
  changes.reach_target = 20;
  EXPECT_EQ(error_code(update_plan(*connection_, member(), id, changes)), "access.forbidden");
  EXPECT_EQ(error_code(update_plan(*connection_, officer_of(trade_union_), id, changes)),
            "access.forbidden");
  auto updated = update_plan(*connection_, secretary(), id, changes);
  ASSERT_TRUE(updated) << updated.error().message.en;
  EXPECT_EQ(last_audit(), "update plan 8 192.0.2.1");
  const Plan read = read_plan(*connection_, member(), id).value().plan;
  EXPECT_EQ(read.title, "Kế hoạch năm (bổ sung)");
  EXPECT_EQ(read.organization_id, youth_union_);
  EXPECT_EQ(read.year, year_);
  EXPECT_EQ(read.activity_targets,
            (std::map<ActivityKind, std::int64_t>{{ActivityKind::sports, 3}}));
  EXPECT_FALSE(read.participation_target);
  EXPECT_EQ(read.reach_target, 20);
  EXPECT_EQ(error_code(update_plan(*connection_, secretary(), 424242, changes)), "plan.not_found");
}

TEST_P(PlansTest, ProgrammesAreAddedByTheOfficersAndListedWithThePlan) {
  const Id id =
      create_plan(*connection_, secretary(), plan_of(youth_union_, year_)).value().plan.id;
  const Programme month{0, 0, "  Tháng   Thanh niên ", "Các hoạt động tháng 3"};
  EXPECT_EQ(error_code(add_programme(*connection_, member(), id, month)), "access.forbidden");
  EXPECT_EQ(error_code(add_programme(*connection_, secretary(), id, Programme{0, 0, " ", ""})),
            "programme.title_required");
  auto added = add_programme(*connection_, secretary(), id, month);
  ASSERT_TRUE(added) << added.error().message.en;
  EXPECT_EQ(added->title, "Tháng Thanh niên");
  EXPECT_EQ(last_audit(), "create programme 8 192.0.2.1");
  ASSERT_TRUE(add_programme(*connection_, administrator(), id,
                            Programme{0, 0, "Mùa hè xanh", "Tình nguyện hè"}));
  auto record = read_plan(*connection_, member(), id);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->programmes.size(), 2u);
  EXPECT_EQ(record->programmes[0].title, "Tháng Thanh niên");
  EXPECT_EQ(record->programmes[1].title, "Mùa hè xanh");
}

TEST_P(PlansTest, EveryoneReadsThePlansWithTheProgressOfTheirActivities) {
  const PlanRecord youth =
      create_plan(*connection_, secretary(), plan_of(youth_union_, year_)).value();
  ASSERT_TRUE(create_plan(*connection_, officer_of(trade_union_), plan_of(trade_union_, year_)));
  ASSERT_TRUE(create_plan(*connection_, secretary(), plan_of(youth_union_, year_ - 1)));

  // A study session of the plan that took place, with the member checked in by hand.
  ActivityDraft study;
  study.activity.plan_id = youth.plan.id;
  study.activity.kind = ActivityKind::study;
  study.activity.title = "Học tập Nghị quyết";
  study.activity.starts_at = now_ + std::chrono::minutes(30);
  study.activity.ends_at = now_ + std::chrono::minutes(150);
  study.activity.organizer_ids = {youth_union_};
  const Id activity =
      create_activity(*connection_, secretary(), study).value().activity->activity.id;
  ASSERT_TRUE(
      change_activity_status(*connection_, secretary(), activity, ActivityStatus::published));
  ASSERT_TRUE(check_in(*connection_, secretary(), activity,
                       CheckIn{CheckInMethod::by_hand, "", member_, std::nullopt}));
  ASSERT_TRUE(change_activity_status(*connection_, at(secretary(), now_ + std::chrono::hours(3)),
                                     activity, ActivityStatus::done));

  auto listed = list_plans(*connection_, member(), youth_union_, std::nullopt);
  ASSERT_TRUE(listed) << listed.error().message.en;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->front().plan.year, year_) << "the newest year first";
  const PlanProgress& progress = listed->front().progress;
  ASSERT_FALSE(progress.kinds.empty());
  EXPECT_EQ(progress.kinds.front().kind, ActivityKind::study);
  EXPECT_EQ(progress.kinds.front().target, 4);
  EXPECT_EQ(progress.kinds.front().held, 1);
  EXPECT_EQ(progress.members, 2);
  EXPECT_EQ(progress.reached, 1);
  EXPECT_EQ(progress.participation_percent, 50);
  EXPECT_EQ(list_plans(*connection_, member(), std::nullopt, year_).value().size(), 2u);
  EXPECT_EQ(error_code(read_plan(*connection_, member(), 424242)), "plan.not_found");
}

INSTANTIATE_TEST_SUITE_P(Engines, PlansTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
