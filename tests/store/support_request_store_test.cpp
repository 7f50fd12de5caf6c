// The support request store's contract on SQLite and PostgreSQL: a request reads back as written
// with the names of its organization, activity and requester; lists filter by status,
// organization, activity and an officer's organizations, newest first; a decision is written
// once, while the request is pending.
#include "store/support_request_store.hpp"

#include <gtest/gtest.h>

#include "store/activity_store.hpp"
#include "store/plan_store.hpp"
#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

SupportRequestQuery query_by_status(SupportStatus status) {
  SupportRequestQuery query;
  query.status = status;
  return query;
}

SupportRequestQuery query_by_organization(Id organization) {
  SupportRequestQuery query;
  query.organization = organization;
  return query;
}

SupportRequestQuery query_by_activity(Id activity) {
  SupportRequestQuery query;
  query.activity = activity;
  return query;
}

class SupportRequestStoreTest : public testing::StoreTest {
 protected:
  void seed() override {
    add_unions();
    secretary_ = add_person("Trần Thị Hoa");
    account_ = add_account(secretary_, "hoa");
    leader_ = add_account(add_person("Phạm Văn Minh"), "minh", {Grant::leadership});
  }

  Id activity(const std::string& title) {
    StoredActivity stored;
    stored.activity.tenant_id = tenant_;
    stored.activity.kind = ActivityKind::sports;
    stored.activity.title = title;
    stored.activity.starts_at = now_;
    stored.activity.ends_at = now_ + std::chrono::hours(2);
    stored.activity.organizer_ids = {youth_union_};
    stored.check_in_secret = "bí mật";
    auto created = ActivityStore(*connection_).create(stored, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->activity.id : 0;
  }

  SupportRequest request_of(Id organization, std::optional<Id> activity, Dong amount,
                            std::chrono::seconds later = {}) const {
    SupportRequest request;
    request.tenant_id = tenant_;
    request.organization_id = organization;
    request.activity_id = activity;
    request.title = "Giao lưu bóng đá với TAND tỉnh";
    request.description = "Sân cơ quan, chiều thứ Bảy";
    request.needs.amount = amount;
    request.needs.venue = true;
    request.requested_by = account_;
    request.requested_at = now_ + later;
    return request;
  }

  SupportRequest create(const SupportRequest& request) {
    auto created = SupportRequestStore(*connection_).create(request);
    EXPECT_TRUE(created) << created.error().message.en;
    return created.value_or(request);
  }

  Id secretary_ = 0;
  Id account_ = 0;
  Id leader_ = 0;
};

TEST_P(SupportRequestStoreTest, ARequestReadsBackAsWrittenWithItsNames) {
  const Id football = activity("Giao lưu bóng đá");
  const SupportRequest created = create(request_of(youth_union_, football, 5'000'000));
  EXPECT_EQ(created.status, SupportStatus::pending);

  auto found = SupportRequestStore(*connection_).find(tenant_, created.id);
  ASSERT_TRUE(found) << found.error().message.en;
  ASSERT_TRUE(*found);
  const SupportRequestRecord& record = **found;
  EXPECT_EQ(record.request.organization_id, youth_union_);
  EXPECT_EQ(record.request.activity_id, football);
  EXPECT_FALSE(record.request.programme_id);
  EXPECT_EQ(record.request.title, "Giao lưu bóng đá với TAND tỉnh");
  EXPECT_EQ(record.request.description, "Sân cơ quan, chiều thứ Bảy");
  EXPECT_EQ(record.request.needs.amount, 5'000'000);
  EXPECT_TRUE(record.request.needs.venue);
  EXPECT_FALSE(record.request.needs.time_off);
  EXPECT_FALSE(record.request.needs.transport);
  EXPECT_EQ(record.request.status, SupportStatus::pending);
  EXPECT_EQ(record.request.requested_at, now_);
  EXPECT_FALSE(record.request.decided_at);
  EXPECT_EQ(record.organization_name, "Tổ chức DTN");
  EXPECT_EQ(record.activity_title, "Giao lưu bóng đá");
  EXPECT_EQ(record.requester.login, "hoa");
  EXPECT_EQ(record.requester.full_name, "Trần Thị Hoa");
  EXPECT_FALSE(record.decider);

  EXPECT_FALSE(SupportRequestStore(*connection_).find(tenant_, 424242).value());
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(SupportRequestStore(*connection_).find(other_agency, created.id).value())
      << "another agency's id reads nothing";
}

TEST_P(SupportRequestStoreTest, ListsFilterAndShowTheNewestFirst) {
  const Id football = activity("Giao lưu bóng đá");
  const SupportRequest first = create(request_of(youth_union_, football, 5'000'000));
  const SupportRequest second =
      create(request_of(trade_union_, std::nullopt, 2'000'000, std::chrono::hours(1)));
  const SupportRequest third =
      create(request_of(youth_union_, std::nullopt, 1'000'000, std::chrono::hours(2)));
  SupportRequestStore requests(*connection_);
  auto ids = [&](const SupportRequestQuery& query,
                 const std::optional<std::vector<Id>>& within = std::nullopt) {
    std::vector<Id> listed;
    const auto records = requests.list(tenant_, query, within).value();
    for (const auto& record : records) listed.push_back(record.request.id);
    return listed;
  };
  EXPECT_EQ(ids({}), (std::vector<Id>{third.id, second.id, first.id}));
  EXPECT_EQ(ids(query_by_organization(youth_union_)), (std::vector<Id>{third.id, first.id}));
  EXPECT_EQ(ids(query_by_activity(football)), (std::vector<Id>{first.id}));
  EXPECT_EQ(ids({}, std::vector<Id>{trade_union_}), (std::vector<Id>{second.id}));
  EXPECT_TRUE(ids({}, std::vector<Id>{}).empty()) << "an officer of nothing sees nothing";

  SupportRequest decided = second;
  decided.status = SupportStatus::refused;
  decided.decided_by = leader_;
  decided.decided_at = now_ + std::chrono::hours(3);
  decided.approved_amount = 0;
  decided.reason = "Hết kinh phí";
  ASSERT_TRUE(requests.close(decided).value());
  EXPECT_EQ(ids(query_by_status(SupportStatus::pending)), (std::vector<Id>{third.id, first.id}));
  EXPECT_EQ(ids(query_by_status(SupportStatus::refused)), (std::vector<Id>{second.id}));
}

TEST_P(SupportRequestStoreTest, ADecisionIsWrittenOnceWhileTheRequestIsPending) {
  const SupportRequest created = create(request_of(youth_union_, std::nullopt, 5'000'000));
  SupportRequestStore requests(*connection_);
  SupportRequest decided = created;
  decided.status = SupportStatus::partly_approved;
  decided.decided_by = leader_;
  decided.decided_at = now_ + std::chrono::minutes(30);
  decided.approved_amount = 3'000'000;
  decided.reason = "Ngân sách quý IV còn 3 triệu";
  auto written = requests.close(decided);
  ASSERT_TRUE(written) << written.error().message.en;
  EXPECT_TRUE(*written);

  SupportRequest late = created;
  late.status = SupportStatus::withdrawn;
  late.decided_by = account_;
  late.decided_at = now_ + std::chrono::hours(1);
  EXPECT_FALSE(requests.close(late).value()) << "a decided request stays decided";

  const SupportRequestRecord read = requests.find(tenant_, created.id).value().value();
  EXPECT_EQ(read.request.status, SupportStatus::partly_approved);
  EXPECT_EQ(read.request.approved_amount, 3'000'000);
  EXPECT_EQ(read.request.reason, "Ngân sách quý IV còn 3 triệu");
  EXPECT_EQ(read.request.decided_at, now_ + std::chrono::minutes(30));
  ASSERT_TRUE(read.decider);
  EXPECT_EQ(read.decider->login, "minh");
  EXPECT_EQ(read.decider->full_name, "Phạm Văn Minh");
}

TEST_P(SupportRequestStoreTest, AProgrammeIsTracedToItsOrganization) {
  Plan plan;
  plan.tenant_id = tenant_;
  plan.organization_id = youth_union_;
  plan.year = testing::test_today().year;
  plan.title = "Kế hoạch năm";
  PlanStore plans(*connection_);
  const Plan created = plans.create(plan).value();
  const Programme month =
      plans.add_programme(tenant_, {0, created.id, "Tháng Thanh niên", ""}).value();
  SupportRequestStore requests(*connection_);
  EXPECT_EQ(requests.programme_organization(tenant_, month.id).value(), youth_union_);
  EXPECT_FALSE(requests.programme_organization(tenant_, 424242).value());

  SupportRequest request = request_of(youth_union_, std::nullopt, 1'000'000);
  request.programme_id = month.id;
  const SupportRequest asked = create(request);
  const SupportRequestRecord read = requests.find(tenant_, asked.id).value().value();
  EXPECT_EQ(read.request.programme_id, month.id);
  EXPECT_EQ(read.programme_title, "Tháng Thanh niên");
  EXPECT_EQ(read.activity_title, "");
}

INSTANTIATE_TEST_SUITE_P(Engines, SupportRequestStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
