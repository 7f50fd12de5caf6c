// The account store's contract on SQLite and PostgreSQL: accounts with their grants, one login in
// the whole database and one account a person, sessions that expire and end with their account,
// failed sign-ins counted per login and per address, and the seats and memberships a principal is
// made of.
#include "store/account_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class AccountStoreTest : public testing::StoreTest {
 protected:
  void seed() override { anh_ = add_person("Nguyễn Thị Ánh"); }

  SessionRecord session(const std::string& token_hash, Id account, std::int64_t expires_in) {
    const std::int64_t now = seconds_of(now_);
    return SessionRecord{token_hash, tenant_,          account,    "csrf-" + token_hash,
                         now,        now + expires_in, "192.0.2.1"};
  }

  std::optional<SessionAccount> found_session(const std::string& token_hash, std::int64_t at) {
    auto found = AccountStore(*connection_).find_session(token_hash, at);
    EXPECT_TRUE(found) << found.error().message.en;
    return found ? *found : std::nullopt;
  }

  Id anh_ = 0;
};

TEST_P(AccountStoreTest, AnAccountIsFoundByLoginAndByPersonWithItsGrants) {
  const Id account = add_account(anh_, "anh.nt", {Grant::leadership, Grant::administrator});
  AccountStore accounts(*connection_);
  auto by_login = accounts.find_by_login("anh.nt");
  ASSERT_TRUE(by_login && *by_login);
  EXPECT_EQ((*by_login)->id, account);
  EXPECT_EQ((*by_login)->tenant, tenant_);
  EXPECT_EQ((*by_login)->person_id, anh_);
  EXPECT_FALSE((*by_login)->disabled);
  EXPECT_EQ((*by_login)->password_hash, "$argon2id$not-a-real-hash");
  EXPECT_EQ((*by_login)->grants, (std::vector<Grant>{Grant::administrator, Grant::leadership}));
  auto by_person = accounts.find_by_person(tenant_, anh_);
  ASSERT_TRUE(by_person && *by_person);
  EXPECT_EQ((*by_person)->login, "anh.nt");
  auto missing = accounts.find_by_login("khong.co");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);

  ASSERT_TRUE(accounts.set_password_hash(tenant_, account, "$argon2id$another"));
  EXPECT_EQ(accounts.find_by_login("anh.nt").value()->password_hash, "$argon2id$another");
}

TEST_P(AccountStoreTest, ALoginIsOneAccountInTheWholeDatabaseAndAPersonHasOne) {
  add_account(anh_, "anh.nt");
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  const Id namesake = add_person("Nguyễn Thị Ánh", std::nullopt, other_agency);
  Account same_login{other_agency, 0, namesake, "anh.nt", "$argon2id$x", false, {}};
  auto taken = AccountStore(*connection_).create_account(same_login, seconds_of(now_));
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, "account.login_taken");
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);
  EXPECT_EQ(taken.error().where.field, "login");

  Account second{tenant_, 0, anh_, "anh.nguyen", "$argon2id$x", false, {}};
  auto twice = AccountStore(*connection_).create_account(second, seconds_of(now_));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "account.person_has_account");
  EXPECT_NE(twice.error().message.vi.find("anh.nt"), std::string::npos);
  EXPECT_EQ(count("accounts"), 1);
}

TEST_P(AccountStoreTest, AnAgencySeesOnlyItsOwnAccountsInLoginOrder) {
  const Id binh = add_person("Trần Văn Bình");
  add_account(binh, "binh.tv");
  add_account(anh_, "anh.nt");
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  add_account(add_person("Lê Văn Cường", std::nullopt, other_agency), "cuong.lv", {}, other_agency);

  auto logins = [&](Id tenant) {
    auto listed = AccountStore(*connection_).list_accounts(tenant);
    EXPECT_TRUE(listed) << listed.error().message.en;
    std::vector<std::string> found;
    for (const Account& account : listed.value_or(std::vector<Account>{}))
      found.push_back(account.login);
    return found;
  };
  EXPECT_EQ(logins(tenant_), (std::vector<std::string>{"anh.nt", "binh.tv"}));
  EXPECT_EQ(logins(other_agency), std::vector<std::string>{"cuong.lv"});
  // Ids are per agency: the other agency's first person has Ánh's id, and its own account.
  auto same_id = AccountStore(*connection_).find_by_person(other_agency, anh_);
  ASSERT_TRUE(same_id && *same_id);
  EXPECT_EQ((*same_id)->login, "cuong.lv");
  auto none = AccountStore(*connection_).find_by_person(other_agency, binh);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
}

TEST_P(AccountStoreTest, ASessionIsFoundUntilItExpiresWithItsAccountAndGrants) {
  const Id account = add_account(anh_, "anh.nt", {Grant::leadership});
  AccountStore accounts(*connection_);
  ASSERT_TRUE(accounts.create_session(session("digest-1", account, 3600)));
  const std::int64_t now = seconds_of(now_);
  auto found = found_session("digest-1", now);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->session.account_id, account);
  EXPECT_EQ(found->session.csrf_token, "csrf-digest-1");
  EXPECT_EQ(found->session.address, "192.0.2.1");
  EXPECT_EQ(found->person_id, anh_);
  EXPECT_EQ(found->login, "anh.nt");
  EXPECT_EQ(found->full_name, "Nguyễn Thị Ánh");
  EXPECT_EQ(found->grants, std::vector<Grant>{Grant::leadership});
  EXPECT_TRUE(found_session("digest-1", now + 3599));
  EXPECT_FALSE(found_session("digest-1", now + 3600)) << "expired at its expiry instant";
  EXPECT_FALSE(found_session("digest-unknown", now));

  ASSERT_TRUE(accounts.delete_session("digest-1"));
  EXPECT_FALSE(found_session("digest-1", now));
}

TEST_P(AccountStoreTest, APasswordChangeEndsTheOtherSessionsAndDisablingEndsThemAll) {
  const Id account = add_account(anh_, "anh.nt");
  const Id other = add_account(add_person("Trần Văn Bình"), "binh.tv");
  AccountStore accounts(*connection_);
  for (const char* digest : {"phone", "laptop", "office"})
    ASSERT_TRUE(accounts.create_session(session(digest, account, 3600)));
  ASSERT_TRUE(accounts.create_session(session("binh", other, 3600)));
  const std::int64_t now = seconds_of(now_);

  ASSERT_TRUE(accounts.delete_other_sessions(tenant_, account, "phone"));
  EXPECT_TRUE(found_session("phone", now));
  EXPECT_FALSE(found_session("laptop", now));
  EXPECT_FALSE(found_session("office", now));
  EXPECT_TRUE(found_session("binh", now)) << "another account's session stays";

  ASSERT_TRUE(accounts.disable_person_account(tenant_, anh_));
  EXPECT_FALSE(found_session("phone", now));
  EXPECT_TRUE(accounts.find_by_login("anh.nt").value()->disabled);
  // A disabled account signs in to nothing, even with a session written after it was disabled.
  ASSERT_TRUE(accounts.create_session(session("late", account, 3600)));
  EXPECT_FALSE(found_session("late", now));
  EXPECT_TRUE(found_session("binh", now));
}

TEST_P(AccountStoreTest, ExpiredSessionsAreSweptAndCurrentOnesKept) {
  const Id account = add_account(anh_, "anh.nt");
  AccountStore accounts(*connection_);
  ASSERT_TRUE(accounts.create_session(session("old", account, 60)));
  ASSERT_TRUE(accounts.create_session(session("new", account, 7200)));
  ASSERT_TRUE(accounts.delete_expired_sessions(seconds_of(now_) + 60));
  EXPECT_EQ(count("sessions"), 1);
  EXPECT_TRUE(found_session("new", seconds_of(now_)));
}

TEST_P(AccountStoreTest, FailedSignInsAreCountedPerScopeAndSubjectAndForgottenAfterADay) {
  AccountStore accounts(*connection_);
  const std::int64_t now = seconds_of(now_);
  ASSERT_TRUE(accounts.record_failure("login", "anh.nt", now - 7200));
  ASSERT_TRUE(accounts.record_failure("login", "anh.nt", now - 100));
  ASSERT_TRUE(accounts.record_failure("login", "anh.nt", now - 50));
  ASSERT_TRUE(accounts.record_failure("address", "192.0.2.1", now - 40));
  ASSERT_TRUE(accounts.record_failure("login", "binh.tv", now - 30));

  auto hour = accounts.failures("login", "anh.nt", now - 3600);
  ASSERT_TRUE(hour);
  EXPECT_EQ(hour->count, 2) << "the failure two hours ago is outside the window";
  EXPECT_EQ(hour->oldest, now - 100);
  EXPECT_EQ(hour->latest, now - 50);
  EXPECT_EQ(accounts.failures("address", "192.0.2.1", now - 3600).value().count, 1);
  auto none = accounts.failures("address", "198.51.100.7", now - 3600);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->count, 0);
  EXPECT_EQ(none->oldest, 0);

  ASSERT_TRUE(accounts.clear_failures("login", "anh.nt"));
  EXPECT_EQ(accounts.failures("login", "anh.nt", 0).value().count, 0);
  EXPECT_EQ(accounts.failures("login", "binh.tv", 0).value().count, 1);
  // A failure a day later sweeps those older than a day.
  ASSERT_TRUE(accounts.record_failure("login", "binh.tv", now + 86400));
  EXPECT_EQ(accounts.failures("login", "binh.tv", 0).value().count, 1);
  EXPECT_EQ(count("sign_in_failures"), 1);
}

TEST_P(AccountStoreTest, AnOfficerHoldsACurrentSeatInAnOrganizationTheyStillBelongTo) {
  const Id trade_union = add_organization("CD");
  const Id youth_union = add_organization("DTN", OrganizationKind::youth_union);
  const Id women = add_organization("PN", OrganizationKind::womens_union);
  const Id veterans = add_organization("CCB", OrganizationKind::veterans_association);
  enrol(anh_, trade_union);
  enrol(anh_, youth_union);
  enrol(anh_, women, MembershipStatus::left);
  enrol(anh_, veterans, MembershipStatus::suspended);
  const CivilDate today = testing::test_today();
  seat(anh_, trade_union);                                              // current
  seat(anh_, youth_union, add_days(today, -800), add_days(today, -1));  // ended yesterday
  seat(anh_, women);                                                    // no longer a member
  seat(anh_, veterans, today, today);                                   // a term of one day
  seat(add_person("Trần Văn Bình"), youth_union);

  AccountStore accounts(*connection_);
  auto officer = accounts.officer_of(tenant_, anh_, format_iso(today));
  ASSERT_TRUE(officer);
  EXPECT_EQ(*officer, (std::vector<Id>{trade_union, veterans}));
  auto member = accounts.member_of(tenant_, anh_);
  ASSERT_TRUE(member);
  std::vector<Id> expected{trade_union, youth_union, veterans};
  std::ranges::sort(expected);
  EXPECT_EQ(*member, expected) << "a suspended member is still a member; one who left is not";
  EXPECT_TRUE(accounts.officer_of(tenant_, anh_, format_iso(add_days(today, 400))).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
