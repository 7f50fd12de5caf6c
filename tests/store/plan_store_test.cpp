// The plan store's contract on SQLite and PostgreSQL: a plan with its targets as written, one plan
// an organization a year, lists newest year first, programmes in the order they were added, and
// progress counted from the plan's activities and who came to them.
#include "store/plan_store.hpp"

#include <gtest/gtest.h>

#include "store/activity_store.hpp"
#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class PlanStoreTest : public testing::StoreTest {
 protected:
  void seed() override {
    add_unions();
    year_ = testing::test_today().year;
  }

  Plan plan_of(Id organization, int year) const {
    Plan plan;
    plan.tenant_id = tenant_;
    plan.organization_id = organization;
    plan.year = year;
    plan.title = "Kế hoạch hoạt động năm " + std::to_string(year);
    return plan;
  }

  Plan create(const Plan& plan) {
    auto created = PlanStore(*connection_).create(plan);
    EXPECT_TRUE(created) << created.error().message.en;
    return created.value_or(plan);
  }

  // An activity of the plan, of `kind`, in `status`.
  Id activity(const Plan& plan, ActivityKind kind, ActivityStatus status) {
    StoredActivity stored;
    stored.activity.tenant_id = tenant_;
    stored.activity.plan_id = plan.id;
    stored.activity.kind = kind;
    stored.activity.title = "Hoạt động";
    stored.activity.starts_at = now_;
    stored.activity.ends_at = now_ + std::chrono::hours(2);
    stored.activity.organizer_ids = {plan.organization_id};
    stored.activity.status = status;
    stored.check_in_secret = "bí mật";
    auto created = ActivityStore(*connection_).create(stored, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->activity.id : 0;
  }

  void attended(Id activity, Id person, AttendanceState state) {
    auto set = ActivityStore(*connection_)
                   .set_attendance(tenant_, activity,
                                   AttendanceRecord{person, "", state, std::nullopt, "by_hand"},
                                   std::nullopt);
    EXPECT_TRUE(set) << set.error().message.en;
  }

  int year_ = 0;
};

TEST_P(PlanStoreTest, APlanReadsBackWithItsTargetsAndAnUpdateReplacesThem) {
  Plan written = plan_of(youth_union_, year_);
  written.note = "Trọng tâm: Tháng Thanh niên";
  written.activity_targets = {{ActivityKind::study, 4}, {ActivityKind::volunteering, 6}};
  written.participation_target = 80;
  written.reach_target = 40;
  const Plan created = create(written);

  PlanStore plans(*connection_);
  Plan read = plans.find(tenant_, created.id).value().value();
  EXPECT_EQ(read.organization_id, youth_union_);
  EXPECT_EQ(read.year, year_);
  EXPECT_EQ(read.title, "Kế hoạch hoạt động năm " + std::to_string(year_));
  EXPECT_EQ(read.note, "Trọng tâm: Tháng Thanh niên");
  EXPECT_EQ(read.activity_targets, written.activity_targets);
  EXPECT_EQ(read.participation_target, 80);
  EXPECT_EQ(read.reach_target, 40);

  read.title = "Kế hoạch năm (sửa đổi)";
  read.activity_targets = {{ActivityKind::sports, 2}};
  read.participation_target = std::nullopt;
  read.organization_id = trade_union_;  // not the store's to change
  ASSERT_TRUE(plans.update(read));
  const Plan updated = plans.find(tenant_, created.id).value().value();
  EXPECT_EQ(updated.title, "Kế hoạch năm (sửa đổi)");
  EXPECT_EQ(updated.activity_targets,
            (std::map<ActivityKind, std::int64_t>{{ActivityKind::sports, 2}}));
  EXPECT_FALSE(updated.participation_target);
  EXPECT_EQ(updated.reach_target, 40);
  EXPECT_EQ(updated.organization_id, youth_union_);
  EXPECT_EQ(count("plan_targets"), 1);
}

TEST_P(PlanStoreTest, AnOrganizationHasOnePlanAYear) {
  create(plan_of(youth_union_, year_));
  auto twice = PlanStore(*connection_).create(plan_of(youth_union_, year_));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "store.duplicate");
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(PlanStore(*connection_).create(plan_of(youth_union_, year_ + 1)));
  EXPECT_TRUE(PlanStore(*connection_).create(plan_of(trade_union_, year_)));
  auto unknown = PlanStore(*connection_).create(plan_of(424242, year_));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "store.reference_missing");
}

TEST_P(PlanStoreTest, ListsRunNewestYearFirstAndFilterByOrganizationAndYear) {
  const Plan last_year = create(plan_of(youth_union_, year_ - 1));
  const Plan youth = create(plan_of(youth_union_, year_));
  const Plan trade = create(plan_of(trade_union_, year_));
  auto ids = [&](std::optional<Id> organization, std::optional<int> year,
                 std::optional<Id> tenant = std::nullopt) {
    std::vector<Id> found;
    const auto plans =
        PlanStore(*connection_).list(tenant.value_or(tenant_), organization, year).value();
    for (const Plan& plan : plans) found.push_back(plan.id);
    return found;
  };
  // The trade union was registered first: its id is the lower.
  EXPECT_EQ(ids(std::nullopt, std::nullopt), (std::vector<Id>{trade.id, youth.id, last_year.id}))
      << "by year, then organization";
  EXPECT_EQ(ids(youth_union_, std::nullopt), (std::vector<Id>{youth.id, last_year.id}));
  EXPECT_EQ(ids(std::nullopt, year_ - 1), std::vector<Id>{last_year.id});
  EXPECT_EQ(ids(trade_union_, year_), std::vector<Id>{trade.id});
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_TRUE(ids(std::nullopt, std::nullopt, other_agency).empty());
  EXPECT_FALSE(PlanStore(*connection_).find(other_agency, youth.id).value());
}

TEST_P(PlanStoreTest, ProgrammesListInTheOrderTheyWereAdded) {
  const Plan plan = create(plan_of(youth_union_, year_));
  const Plan other = create(plan_of(trade_union_, year_));
  PlanStore plans(*connection_);
  for (const char* title : {"Tháng Thanh niên", "Chào mừng 26/3", "Mùa hè xanh"})
    ASSERT_TRUE(plans.add_programme(tenant_, Programme{0, plan.id, title, "Chuỗi hoạt động"}));
  ASSERT_TRUE(plans.add_programme(tenant_, Programme{0, other.id, "Tháng Công nhân", ""}));
  std::vector<std::string> titles;
  const auto programmes = plans.programmes(tenant_, plan.id).value();
  for (const Programme& programme : programmes) titles.push_back(programme.title);
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Tháng Thanh niên", "Chào mừng 26/3", "Mùa hè xanh"}));
  auto orphan = plans.add_programme(tenant_, Programme{0, 424242, "Không có kế hoạch", ""});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, "store.reference_missing");
}

TEST_P(PlanStoreTest, ProgressCountsHeldAndPlannedActivitiesAndMembersWhoCame) {
  Plan plan = plan_of(youth_union_, year_);
  plan.activity_targets = {{ActivityKind::study, 4}, {ActivityKind::volunteering, 2}};
  plan = create(plan);
  const Id study = activity(plan, ActivityKind::study, ActivityStatus::done);
  activity(plan, ActivityKind::study, ActivityStatus::done);
  activity(plan, ActivityKind::study, ActivityStatus::published);
  activity(plan, ActivityKind::study, ActivityStatus::draft);
  activity(plan, ActivityKind::study, ActivityStatus::cancelled);
  const Id football = activity(plan, ActivityKind::sports, ActivityStatus::done);

  std::vector<Id> members;
  for (const char* name : {"Nguyễn Thị Ánh", "Lê Văn Bình", "Trần Văn Cường", "Phạm Thị Dung",
                           "Võ Văn Em", "Hồ Thị Gấm", "Đỗ Văn Hùng"}) {
    members.push_back(add_person(name));
    enrol(members.back(), youth_union_);
  }
  const Id former = add_person("Bùi Văn Cũ");
  enrol(former, youth_union_, MembershipStatus::left);
  const Id outsider = add_person("Lý Thị Khách");
  attended(study, members[0], AttendanceState::present);
  attended(football, members[0], AttendanceState::present);  // counted once
  attended(study, members[1], AttendanceState::late);
  attended(football, members[2], AttendanceState::present);
  attended(study, members[3], AttendanceState::absent);
  attended(study, members[4], AttendanceState::excused);
  attended(study, former, AttendanceState::present);
  attended(study, outsider, AttendanceState::present);

  auto progress = PlanStore(*connection_).progress(plan);
  ASSERT_TRUE(progress) << progress.error().message.en;
  std::vector<std::string> kinds;
  for (const KindProgress& kind : progress->kinds) {
    kinds.push_back(std::string(code_of(kind.kind)) + " " + std::to_string(kind.target) + " " +
                    std::to_string(kind.held) + " " + std::to_string(kind.planned));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"study 4 2 1", "sports 0 1 0", "volunteering 2 0 0"}))
      << "every kind with a target or an activity, in the list's order";
  EXPECT_EQ(progress->members, 7);
  EXPECT_EQ(progress->reached, 3) << "present or late, current members, each once";
  EXPECT_EQ(progress->participation_percent, 42) << "3 of 7, rounded down";
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
