// The activity store's contract on SQLite and PostgreSQL: an activity and its organizers, partners
// and audience as written, lists filtered and in time order, places taken up to the capacity with
// a waitlist that moves up in order, the first check-in standing, audiences and committees
// resolved from the registry, and the agency's check-in key made once.
#include "store/activity_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "store/plan_store.hpp"
#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

using std::chrono::minutes;

class ActivityStoreTest : public testing::StoreTest {
 protected:
  void seed() override { add_unions(); }

  // An activity of this agency, `starts_in` minutes from now, organized by `organizers`.
  StoredActivity draft(const std::string& title, int starts_in, int lasts,
                       std::vector<Id> organizers) const {
    StoredActivity stored;
    Activity& activity = stored.activity;
    activity.tenant_id = tenant_;
    activity.kind = ActivityKind::sports;
    activity.title = title;
    activity.starts_at = now_ + minutes(starts_in);
    activity.ends_at = activity.starts_at + minutes(lasts);
    activity.place = "Sân vận động tỉnh";
    activity.organizer_ids = std::move(organizers);
    activity.status = ActivityStatus::published;
    stored.check_in_secret = "bí-mật-" + title;
    stored.created_by = 7;
    return stored;
  }

  Id create(const StoredActivity& stored) {
    auto created = ActivityStore(*connection_).create(stored, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->activity.id : 0;
  }

  StoredActivity found(Id id) {
    auto read = ActivityStore(*connection_).find(tenant_, id);
    EXPECT_TRUE(read && *read);
    return read && *read ? **read : StoredActivity{};
  }

  std::vector<std::string> titles(const ActivityQuery& query) {
    auto listed = ActivityStore(*connection_).list(tenant_, query);
    EXPECT_TRUE(listed) << listed.error().message.en;
    std::vector<std::string> found;
    if (listed)
      for (const StoredActivity& stored : *listed) found.push_back(stored.activity.title);
    return found;
  }

  RegistrationOutcome register_person(Id activity, Id person, minutes later = minutes(0)) {
    auto outcome =
        ActivityStore(*connection_).register_person(tenant_, activity, person, 8, now_ + later);
    EXPECT_TRUE(outcome) << outcome.error().message.en;
    return outcome.value_or(RegistrationOutcome{});
  }
};

TEST_P(ActivityStoreTest, AnActivityReadsBackAsWrittenAndOnlyInItsAgency) {
  PartnerUnit police;
  police.name = "Công an tỉnh Hà Tĩnh";
  auto partner = registry().create_partner_unit(tenant_, police);
  ASSERT_TRUE(partner);
  StoredActivity written =
      draft("Giao lưu bóng đá với Công an tỉnh", 60 * 24, 120, {youth_union_, trade_union_});
  written.activity.description = "Đội hình: Nguyễn Thị Ánh, Trần Văn Đức";
  written.activity.partner_unit_ids = {partner->id};
  written.activity.audience = Audience{AudienceScope::organizations, {youth_union_}};
  written.activity.capacity = 30;
  written.activity.registration_opens_at = now_;
  written.activity.registration_closes_at = now_ + minutes(60 * 20);
  written.activity.required = true;
  const Id id = create(written);

  const StoredActivity read = found(id);
  const Activity& activity = read.activity;
  EXPECT_EQ(activity.title, "Giao lưu bóng đá với Công an tỉnh");
  EXPECT_EQ(activity.description, "Đội hình: Nguyễn Thị Ánh, Trần Văn Đức");
  EXPECT_EQ(activity.kind, ActivityKind::sports);
  EXPECT_EQ(activity.starts_at, written.activity.starts_at);
  EXPECT_EQ(activity.ends_at, written.activity.ends_at);
  EXPECT_EQ(activity.place, "Sân vận động tỉnh");
  EXPECT_EQ(activity.organizer_ids, (std::vector<Id>{youth_union_, trade_union_}))
      << "the lead organizer stays first";
  EXPECT_EQ(activity.partner_unit_ids, std::vector<Id>{partner->id});
  EXPECT_EQ(activity.audience.scope, AudienceScope::organizations);
  EXPECT_EQ(activity.audience.ids, std::vector<Id>{youth_union_});
  EXPECT_EQ(activity.capacity, 30);
  EXPECT_EQ(activity.registration_opens_at, now_);
  EXPECT_EQ(activity.registration_closes_at, now_ + minutes(60 * 20));
  EXPECT_TRUE(activity.required);
  EXPECT_EQ(activity.status, ActivityStatus::published);
  EXPECT_EQ(read.registered, 0);
  EXPECT_EQ(read.check_in_secret, "bí-mật-Giao lưu bóng đá với Công an tỉnh");
  EXPECT_EQ(read.created_by, 7);
  EXPECT_EQ(read.created_at, seconds_of(now_));

  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  auto elsewhere = ActivityStore(*connection_).find(other_agency, id);
  ASSERT_TRUE(elsewhere);
  EXPECT_FALSE(*elsewhere);
  EXPECT_TRUE(ActivityStore(*connection_).list(other_agency, {}).value().empty());
}

TEST_P(ActivityStoreTest, AnUpdateReplacesFieldsAndLinksAndKeepsThePlacesTaken) {
  StoredActivity stored = draft("Họp chi đoàn", 60, 60, {youth_union_, trade_union_});
  stored.activity.capacity = 5;
  stored.activity.id = create(stored);
  register_person(stored.activity.id, add_person("Nguyễn Thị Ánh"));

  stored.activity.title = "Họp chi đoàn mở rộng";
  stored.activity.organizer_ids = {trade_union_};
  stored.activity.audience = Audience{AudienceScope::organizations, {trade_union_}};
  stored.activity.capacity = std::nullopt;
  stored.registered = 0;  // what a caller passes is not what the store keeps
  ASSERT_TRUE(ActivityStore(*connection_).update(stored, now_ + minutes(5)));
  ASSERT_TRUE(ActivityStore(*connection_)
                  .set_status(tenant_, stored.activity.id, ActivityStatus::cancelled, now_));

  const StoredActivity read = found(stored.activity.id);
  EXPECT_EQ(read.activity.title, "Họp chi đoàn mở rộng");
  EXPECT_EQ(read.activity.organizer_ids, std::vector<Id>{trade_union_});
  EXPECT_EQ(read.activity.audience.ids, std::vector<Id>{trade_union_});
  EXPECT_FALSE(read.activity.capacity);
  EXPECT_EQ(read.activity.status, ActivityStatus::cancelled);
  EXPECT_EQ(read.registered, 1);
  EXPECT_EQ(read.updated_at, seconds_of(now_));
  EXPECT_EQ(count("activity_organizers"), 1);
}

TEST_P(ActivityStoreTest, ListsFilterByTimeOrganizerPlanStatusAndPlaceAndRunInTimeOrder) {
  Plan year_plan;
  year_plan.tenant_id = tenant_;
  year_plan.organization_id = youth_union_;
  year_plan.year = testing::test_today().year;
  year_plan.title = "Kế hoạch hoạt động";
  auto plan = PlanStore(*connection_).create(year_plan);
  ASSERT_TRUE(plan);
  StoredActivity later = draft("Đá bóng", 300, 60, {trade_union_});
  later.activity.plan_id = std::nullopt;
  create(later);
  StoredActivity planned = draft("Tập huấn", 60, 60, {youth_union_, trade_union_});
  planned.activity.plan_id = plan->id;
  const Id planned_id = create(planned);
  StoredActivity hidden = draft("Bản nháp", 120, 60, {youth_union_});
  hidden.activity.status = ActivityStatus::draft;
  create(hidden);

  EXPECT_EQ(titles({}), (std::vector<std::string>{"Tập huấn", "Bản nháp", "Đá bóng"}));
  ActivityQuery window;  // overlapping [now + 180 min, now + 301 min)
  window.from = now_ + minutes(180);
  window.to = now_ + minutes(301);
  EXPECT_EQ(titles(window), (std::vector<std::string>{"Đá bóng"}))
      << "one that ends as the window opens is not in it";
  ActivityQuery by_organizer;
  by_organizer.organization_id = trade_union_;
  EXPECT_EQ(titles(by_organizer), (std::vector<std::string>{"Tập huấn", "Đá bóng"}))
      << "a co-organizer's too";
  ActivityQuery by_plan;
  by_plan.plan_id = plan->id;
  EXPECT_EQ(titles(by_plan), std::vector<std::string>{"Tập huấn"});
  ActivityQuery published;
  published.include_drafts = false;
  EXPECT_EQ(titles(published).size(), 2u);
  ActivityQuery drafts;
  drafts.status = ActivityStatus::draft;
  EXPECT_EQ(titles(drafts), std::vector<std::string>{"Bản nháp"});
  ActivityQuery first;
  first.limit = 1;
  EXPECT_EQ(titles(first), std::vector<std::string>{"Tập huấn"});

  const Id anh = add_person("Nguyễn Thị Ánh");
  register_person(planned_id, anh);
  ActivityQuery mine;
  mine.registered_person = anh;
  EXPECT_EQ(titles(mine), std::vector<std::string>{"Tập huấn"});
}

TEST_P(ActivityStoreTest, PlacesGoUpToTheCapacityAndTheWaitlistMovesUpInOrder) {
  StoredActivity stored = draft("Tập huấn sơ cứu", 60 * 24, 90, {trade_union_});
  stored.activity.capacity = 2;
  const Id id = create(stored);
  const Id anh = add_person("Nguyễn Thị Ánh");
  const Id binh = add_person("Lê Văn Bình");
  const Id cuong = add_person("Trần Văn Cường");
  const Id dung = add_person("Phạm Thị Dung");

  EXPECT_EQ(register_person(id, anh).registration.state, RegistrationState::registered);
  EXPECT_EQ(register_person(id, binh, minutes(1)).registration.state,
            RegistrationState::registered);
  EXPECT_EQ(register_person(id, cuong, minutes(2)).registration.state,
            RegistrationState::waitlisted);
  EXPECT_EQ(register_person(id, dung, minutes(3)).registration.state,
            RegistrationState::waitlisted);
  const RegistrationOutcome again = register_person(id, cuong, minutes(4));
  EXPECT_FALSE(again.changed) << "a second registration keeps the place in the queue";
  EXPECT_EQ(again.registration.registered_at, seconds_of(now_ + minutes(2)));
  EXPECT_EQ(found(id).registered, 2);

  ActivityStore activities(*connection_);
  auto promoted = activities.cancel_registration(tenant_, id, anh, now_ + minutes(5));
  ASSERT_TRUE(promoted);
  EXPECT_EQ(*promoted, std::vector<Id>{cuong}) << "the first in the queue moves up";
  EXPECT_EQ(found(id).registered, 2);
  // Cancelling a waitlisted place frees nothing; cancelling nothing is no error.
  EXPECT_TRUE(activities.cancel_registration(tenant_, id, dung, now_).value().empty());
  EXPECT_TRUE(activities.cancel_registration(tenant_, id, dung, now_).value().empty());
  // Who comes back after cancelling goes to the back of the queue.
  const RegistrationOutcome back = register_person(id, anh, minutes(6));
  EXPECT_TRUE(back.changed);
  EXPECT_EQ(back.registration.state, RegistrationState::waitlisted);
  EXPECT_FALSE(back.registration.cancelled_at);

  auto listed = activities.registrations(tenant_, id);
  ASSERT_TRUE(listed);
  std::vector<std::pair<std::string, RegistrationState>> queue;
  for (const Registration& registration : *listed)
    queue.emplace_back(registration.full_name, registration.state);
  EXPECT_EQ(queue, (std::vector<std::pair<std::string, RegistrationState>>{
                       {"Lê Văn Bình", RegistrationState::registered},
                       {"Trần Văn Cường", RegistrationState::registered},
                       {"Nguyễn Thị Ánh", RegistrationState::waitlisted},
                       {"Phạm Thị Dung", RegistrationState::cancelled}}));
  EXPECT_EQ(activities.registrations_of_person(tenant_, anh).value().size(), 1u);

  // A larger capacity lets the waitlist up.
  stored = found(id);
  stored.activity.capacity = 5;
  ASSERT_TRUE(activities.update(stored, now_));
  EXPECT_EQ(activities.promote_waitlisted(tenant_, id).value(), std::vector<Id>{anh});
  EXPECT_EQ(found(id).registered, 3);
}

TEST_P(ActivityStoreTest, TheFirstCheckInStandsAndAnOfficerOverwritesIt) {
  const Id id = create(draft("Học tập Nghị quyết", -5, 120, {trade_union_}));
  const Id anh = add_person("Nguyễn Thị Ánh");
  const Id binh = add_person("Lê Văn Bình");
  const Id duc = add_person("Trần Văn Đức");
  ActivityStore activities(*connection_);
  AttendanceRecord first{anh, "Nguyễn Thị Ánh", AttendanceState::present, seconds_of(now_),
                         "activity_code"};
  auto written = activities.record_attendance(tenant_, id, first, 9);
  ASSERT_TRUE(written);
  EXPECT_TRUE(written->second);
  AttendanceRecord retry = first;
  retry.state = AttendanceState::late;
  retry.checked_in_at = seconds_of(now_ + minutes(20));
  auto again = activities.record_attendance(tenant_, id, retry, 9);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->second);
  EXPECT_EQ(again->first.state, AttendanceState::present);
  EXPECT_EQ(again->first.checked_in_at, seconds_of(now_));

  // A record written without a name is read back with it.
  auto unnamed = activities.record_attendance(
      tenant_, id, AttendanceRecord{duc, "", AttendanceState::late, seconds_of(now_), "by_hand"},
      8);
  ASSERT_TRUE(unnamed);
  EXPECT_EQ(unnamed->first.full_name, "Trần Văn Đức");

  ASSERT_TRUE(activities.set_attendance(
      tenant_, id, AttendanceRecord{anh, "", AttendanceState::excused, std::nullopt, "by_hand"},
      8));
  ASSERT_TRUE(activities.set_attendance(
      tenant_, id, AttendanceRecord{binh, "", AttendanceState::absent, std::nullopt, "by_hand"},
      8));
  EXPECT_EQ(activities.attendance_of(tenant_, id, anh).value(), AttendanceState::excused);
  EXPECT_FALSE(activities.attendance_of(tenant_, id, add_person("Võ Thị Em")).value());
  auto listed = activities.attendance(tenant_, id);
  ASSERT_TRUE(listed);
  std::vector<std::string> names;
  for (const AttendanceRecord& record : *listed) names.push_back(record.full_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Nguyễn Thị Ánh", "Lê Văn Bình", "Trần Văn Đức"}))
      << "by given name";

  // Feedback is one per person: a second one replaces the first.
  ASSERT_TRUE(activities.save_feedback(tenant_, id, anh, Feedback{4, "Bổ ích"}, now_));
  ASSERT_TRUE(activities.save_feedback(tenant_, id, anh, Feedback{5, "Rất bổ ích"}, now_));
  EXPECT_EQ(count("feedback"), 1);
  EXPECT_EQ(query_integer(*connection_, "SELECT rating FROM feedback").value(), 5);
}

TEST_P(ActivityStoreTest, AnAudienceIsTheCurrentMembersItNamesAndACommitteeItsSeatedPeople) {
  const Id office = add_unit("Văn phòng Sở");
  const Id anh = add_person("Nguyễn Thị Ánh", office);
  const Id binh = add_person("Lê Văn Bình");
  const Id cuong = add_person("Trần Văn Cường", office);
  const Id outsider = add_person("Phạm Thị Dung", office);
  enrol(anh, trade_union_);
  enrol(anh, youth_union_);
  enrol(binh, youth_union_);
  enrol(cuong, trade_union_, MembershipStatus::left);
  seat(binh, youth_union_);
  seat(cuong, trade_union_, add_days(testing::test_today(), -900),
       add_days(testing::test_today(), -10));

  ActivityStore activities(*connection_);
  EXPECT_EQ(activities.audience_people(tenant_, {}).value(), (std::vector<Id>{anh, binh}));
  const Audience union_only{AudienceScope::organizations, {trade_union_}};
  EXPECT_EQ(activities.audience_people(tenant_, union_only).value(), std::vector<Id>{anh});
  const Audience office_staff{AudienceScope::units, {office}};
  EXPECT_EQ(activities.audience_people(tenant_, office_staff).value(), std::vector<Id>{anh})
      << "staff who are members of no organization, or left, are not in it";
  EXPECT_TRUE(activities.in_audience(tenant_, union_only, anh).value());
  EXPECT_FALSE(activities.in_audience(tenant_, union_only, binh).value());
  EXPECT_FALSE(activities.in_audience(tenant_, office_staff, outsider).value());
  EXPECT_TRUE(activities.audience_people(tenant_, Audience{AudienceScope::organizations, {}})
                  .value()
                  .empty());

  const CivilDate today = testing::test_today();
  EXPECT_EQ(activities.committee_people(tenant_, {trade_union_, youth_union_}, today).value(),
            std::vector<Id>{binh});
  EXPECT_EQ(activities.person_names(tenant_, {anh, binh}).value(),
            (std::map<Id, std::string>{{anh, "Nguyễn Thị Ánh"}, {binh, "Lê Văn Bình"}}));
  EXPECT_EQ(activities.person_name(tenant_, cuong).value(), "Trần Văn Cường");
  EXPECT_FALSE(activities.person_name(tenant_, 424242).value());
}

TEST_P(ActivityStoreTest, TheAgencysCheckInKeyIsMadeOnceAndIsItsOwn) {
  ActivityStore activities(*connection_);
  EXPECT_FALSE(activities.existing_check_in_key(tenant_).value());
  EXPECT_EQ(activities.check_in_key(tenant_, "khóa-thứ-nhất").value(), "khóa-thứ-nhất");
  EXPECT_EQ(activities.check_in_key(tenant_, "khóa-thứ-hai").value(), "khóa-thứ-nhất");
  EXPECT_EQ(activities.existing_check_in_key(tenant_).value(), "khóa-thứ-nhất");
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(activities.existing_check_in_key(other_agency).value());
  EXPECT_EQ(activities.check_in_key(other_agency, "khóa-khác").value(), "khóa-khác");
}

TEST_P(ActivityStoreTest, ARegistrationForSomeoneUnknownIsRefusedAndTakesNoPlace) {
  const Id id = create(draft("Họp", 60, 60, {trade_union_}));
  ActivityStore activities(*connection_);
  // As the service calls it: in a transaction, which the failure leaves as it found it.
  auto nobody = in_transaction(
      *connection_, [&] { return activities.register_person(tenant_, id, 424242, 8, now_); });
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, "store.reference_missing");
  EXPECT_EQ(found(id).registered, 0);
  auto organizer = in_transaction(
      *connection_, [&] { return activities.create(draft("Họp", 60, 60, {424242}), now_); });
  ASSERT_FALSE(organizer);
  EXPECT_EQ(organizer.error().code, "store.reference_missing");
  EXPECT_EQ(count("activities"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, ActivityStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
