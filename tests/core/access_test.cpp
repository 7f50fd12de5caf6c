#include "core/access.hpp"

#include <gtest/gtest.h>

#include "core/sign_in_throttle.hpp"

namespace dk {
namespace {

Principal member_of(std::vector<Id> organizations, Id person = 7) {
  Principal principal;
  principal.person_id = person;
  principal.member_of = std::move(organizations);
  return principal;
}

TEST(Access, PersonalDataIsForThePersonTheirOfficersAndAdministrators) {
  Principal officer = member_of({1});
  officer.officer_of = {1};
  EXPECT_TRUE(may_see_personal_data(officer, 20, {1, 2}));
  EXPECT_FALSE(may_see_personal_data(officer, 20, {2}));
  EXPECT_TRUE(may_see_personal_data(member_of({1}, 20), 20, {2}));  // themselves
  EXPECT_FALSE(may_see_personal_data(member_of({1}), 20, {1}));     // a fellow member
  Principal leader = member_of({});
  leader.leadership = true;
  EXPECT_FALSE(may_see_personal_data(leader, 20, {1}));
  Principal admin = member_of({});
  admin.administrator = true;
  EXPECT_TRUE(may_see_personal_data(admin, 20, {}));
}

TEST(Access, AMemberSeesTheirOrganizationsOthersSeeEveryone) {
  const PeopleScope member = people_scope(member_of({3, 4}));
  EXPECT_FALSE(member.everyone);
  EXPECT_EQ(member.organizations, (std::vector<Id>{3, 4}));
  EXPECT_EQ(member.self, 7);
  Principal officer = member_of({3});
  officer.officer_of = {3};
  EXPECT_TRUE(people_scope(officer).everyone);
}

TEST(Access, APersonChangesTheirContactsButNotTheirIdentity) {
  const Principal self = member_of({1}, 20);
  EXPECT_TRUE(may_update_person(self, 20, {1}));
  EXPECT_FALSE(may_change_identity(self, {1}));
  Principal officer = member_of({1});
  officer.officer_of = {1};
  EXPECT_TRUE(may_change_identity(officer, {1}));
  EXPECT_FALSE(may_change_identity(officer, {2}));
  EXPECT_FALSE(may_manage_organization(officer, 2));
  EXPECT_FALSE(may_manage_structure(officer));
}

TEST(SignInThrottle, AFewMistakesAreFreeThenTheWaitDoublesUpToTheCeiling) {
  using std::chrono::seconds;
  EXPECT_EQ(throttle_wait(kPairThrottle, 4, seconds(0), seconds(0)), seconds(0));
  EXPECT_EQ(throttle_wait(kPairThrottle, 5, seconds(0), seconds(0)), seconds(30));
  EXPECT_EQ(throttle_wait(kPairThrottle, 6, seconds(0), seconds(0)), seconds(60));
  EXPECT_EQ(throttle_wait(kPairThrottle, 6, seconds(45), seconds(45)), seconds(15));
  EXPECT_EQ(throttle_wait(kPairThrottle, 50, seconds(0), seconds(0)), seconds(900));
  // At 100 failures in the hour every attempt waits for the oldest to leave the window.
  EXPECT_EQ(throttle_wait(kPairThrottle, 100, seconds(100), seconds(3000)), seconds(600));
}

}  // namespace
}  // namespace dk
