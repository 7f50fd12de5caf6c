// Accounts and sessions as the adapters call them, on SQLite and PostgreSQL: administrators alone
// add, list and disable accounts (audited); signing in makes an actor of the person's own records,
// wrong passwords are refused alike and throttled; a password change or a disabled account ends
// sessions. Each password hashed here costs argon2id's interactive work, so the suite hashes few.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>

#include "service/account_admin.hpp"
#include "service/authentication.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using std::chrono::seconds;

constexpr std::string_view kPassword = "Mật khẩu đủ dài 2026";
constexpr seconds kLifetime = std::chrono::hours(12);

class AccountsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Thị Ánh", trade_union_);
    CommitteeRole seat;
    seat.person_id = chair_;
    seat.organization_id = trade_union_;
    seat.role = CommitteeRoleKind::chair;
    seat.term_start = add_days(vietnam_date(now_), -365);
    seat.term_end = add_days(vietnam_date(now_), 365);
    auto seated = create_committee_role(*connection_, administrator(), seat);
    ASSERT_TRUE(seated) << seated.error().message.en;
  }

  NewAccount new_account(Id person, const std::string& login) const {
    return NewAccount{0, person, login, std::string(kPassword), {}};
  }

  // The chair's account, "anh.nt".
  Id add_chair_account() {
    auto created = create_account(*connection_, administrator(), new_account(chair_, "anh.nt"));
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  Result<SignedIn> sign_in_as(const std::string& login, std::string_view password,
                              Instant at = {}) {
    return sign_in_from("192.0.2.44", login, password, at);
  }
  Result<SignedIn> sign_in_from(const std::string& address, const std::string& login,
                                std::string_view password, Instant at = {}) {
    return sign_in(*connection_, SignInRequest{login, std::string(password), address},
                   dk::testing::fixed_clock(at == Instant{} ? now_ : at), kLifetime);
  }

  Result<Actor> authenticated(const std::string& token, Instant at = {}) {
    return authenticate(*connection_, token, "192.0.2.44",
                        dk::testing::fixed_clock(at == Instant{} ? now_ : at));
  }

  Id chair_ = 0;
};

TEST_P(AccountsTest, AnAdministratorAddsAndListsAccountsAndNoOneElseMay) {
  const Actor officer = officer_of(trade_union_, chair_);
  EXPECT_EQ(error_code(create_account(*connection_, officer, new_account(chair_, "anh.nt"))),
            "access.forbidden");
  EXPECT_EQ(error_code(list_accounts(*connection_, officer)), "access.forbidden");
  NewAccount with_grant = new_account(chair_, "anh.nt");
  with_grant.grants = {Grant::leadership};
  auto created = create_account(*connection_, administrator(), with_grant);
  ASSERT_TRUE(created) << created.error().message.en;
  EXPECT_EQ(created->login, "anh.nt");
  EXPECT_EQ(created->full_name, "Nguyễn Thị Ánh");
  EXPECT_EQ(created->grants, std::vector<Grant>{Grant::leadership});
  EXPECT_EQ(last_audit(), "create account 7 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), "{\"person\":" + std::to_string(chair_) + "}");

  const Id binh = add_person("Lê Văn Bình", trade_union_);
  EXPECT_EQ(error_code(create_account(*connection_, administrator(), new_account(binh, "anh.nt"))),
            "account.login_taken");
  EXPECT_EQ(
      error_code(create_account(*connection_, administrator(), new_account(chair_, "anh.khac"))),
      "account.person_has_account");
  EXPECT_EQ(error_code(create_account(*connection_, administrator(), new_account(binh, "Bình"))),
            "account.login_invalid");
  NewAccount weak = new_account(binh, "binh.lv");
  weak.password = "ngắn quá";
  EXPECT_EQ(error_code(create_account(*connection_, administrator(), weak)), "password.too_short");
  EXPECT_EQ(error_code(create_account(*connection_, administrator(), new_account(424242, "ai.do"))),
            "person.not_found");

  auto listed = list_accounts(*connection_, administrator());
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().person_id, chair_);
}

TEST_P(AccountsTest, SigningInMakesAnActorOfThePersonsOwnRecords) {
  const Id account = add_chair_account();
  auto signed_in = sign_in_as("Anh.NT", kPassword);  // a phone capitalises the first letter
  ASSERT_TRUE(signed_in) << signed_in.error().message.en;
  const Principal& principal = signed_in->actor.principal;
  EXPECT_EQ(principal.account_id, account);
  EXPECT_EQ(principal.person_id, chair_);
  EXPECT_FALSE(principal.administrator);
  EXPECT_EQ(principal.officer_of, std::vector<Id>{trade_union_}) << "her committee seat";
  EXPECT_EQ(principal.member_of, std::vector<Id>{trade_union_});
  EXPECT_EQ(signed_in->expires_at, now_ + kLifetime);
  EXPECT_EQ(last_audit(), "sign_in account " + std::to_string(account) + " 192.0.2.44");

  auto again = authenticated(signed_in->token, now_ + std::chrono::hours(1));
  ASSERT_TRUE(again) << again.error().message.en;
  EXPECT_EQ(again->full_name, "Nguyễn Thị Ánh");
  EXPECT_EQ(again->login, "anh.nt");
  EXPECT_EQ(error_code(authenticated(signed_in->token, now_ + kLifetime)), "session.expired");
  EXPECT_EQ(error_code(authenticated("not-a-token")), "session.expired");
  EXPECT_EQ(error_code(authenticated("")), "session.none");

  ASSERT_TRUE(sign_out(*connection_, *again));
  EXPECT_EQ(error_code(authenticated(signed_in->token)), "session.expired");
}

TEST_P(AccountsTest, WrongPasswordsAreRefusedAlikeAndThenThrottled) {
  add_chair_account();
  EXPECT_EQ(error_code(sign_in_as("khong.co", kPassword)), "session.wrong_credentials")
      << "an unknown login answers as a wrong password does";
  for (int attempt = 0; attempt < 5; ++attempt)
    EXPECT_EQ(error_code(sign_in_as("anh.nt", "sai mật khẩu rồi")), "session.wrong_credentials");
  auto throttled = sign_in_as("anh.nt", kPassword);
  ASSERT_FALSE(throttled) << "even the right password waits";
  EXPECT_EQ(throttled.error().code, "session.throttled");
  EXPECT_EQ(throttled.error().kind, ErrorKind::rate_limited);
  EXPECT_EQ(throttled.error().retry_after_seconds, 30);
  EXPECT_TRUE(sign_in_as("anh.nt", kPassword, now_ + seconds(30))) << "once the wait is over";
}

TEST_P(AccountsTest, FailuresElsewhereDoNotLockTheOwnerOut) {
  add_chair_account();
  // Someone guesses from one address: that address waits for this login…
  for (int attempt = 0; attempt < 5; ++attempt)
    EXPECT_EQ(error_code(sign_in_from("198.51.100.7", "anh.nt", "đoán mò")),
              "session.wrong_credentials");
  EXPECT_EQ(error_code(sign_in_from("198.51.100.7", "anh.nt", kPassword)), "session.throttled");
  // …while the owner, at her desk, signs in.
  EXPECT_TRUE(sign_in_from("192.0.2.44", "anh.nt", kPassword));
  // Someone spread over many addresses: past the login's allowance (20 failures in the hour,
  // these 15 and the 5 above), a new address waits too, but the owner's known place does not.
  for (int address = 1; address <= 15; ++address) {
    EXPECT_EQ(error_code(sign_in_from(fmt::format("203.0.113.{}", address), "anh.nt", "đoán")),
              "session.wrong_credentials");
  }
  EXPECT_EQ(error_code(sign_in_from("203.0.113.99", "anh.nt", kPassword)), "session.throttled");
  EXPECT_TRUE(sign_in_from("192.0.2.44", "anh.nt", kPassword)) << "a known place";
  // A place is known for 90 days from the last sign-in there: after 91 days away it is like any
  // other address.
  const Instant later = now_ + std::chrono::days(91);
  for (int address = 1; address <= 20; ++address) {
    EXPECT_EQ(
        error_code(sign_in_from(fmt::format("203.0.113.{}", address), "anh.nt", "đoán", later)),
        "session.wrong_credentials");
  }
  EXPECT_EQ(error_code(sign_in_from("192.0.2.44", "anh.nt", kPassword, later)),
            "session.throttled");
}

TEST_P(AccountsTest, DisablingAnAccountEndsItsSessionsAndItsSignIns) {
  const Id account = add_chair_account();
  const SignedIn signed_in = sign_in_as("anh.nt", kPassword).value();
  EXPECT_EQ(error_code(disable_account(*connection_, officer_of(trade_union_), account)),
            "access.forbidden");
  EXPECT_EQ(error_code(disable_account(*connection_, administrator(), 7)), "account.self_disable");
  EXPECT_EQ(error_code(disable_account(*connection_, administrator(), 424242)),
            "account.not_found");
  auto disabled = disable_account(*connection_, administrator(), account);
  ASSERT_TRUE(disabled) << disabled.error().message.en;
  EXPECT_TRUE(disabled->disabled);
  EXPECT_EQ(last_audit(), "delete account 7 192.0.2.1");
  EXPECT_EQ(error_code(authenticated(signed_in.token)), "session.expired");
  EXPECT_EQ(error_code(sign_in_as("anh.nt", kPassword)), "session.wrong_credentials");
}

TEST_P(AccountsTest, ChangingThePasswordEndsEveryOtherSession) {
  add_chair_account();
  const SignedIn phone = sign_in_as("anh.nt", kPassword).value();
  const SignedIn laptop = sign_in_as("anh.nt", kPassword).value();
  const Actor& actor = phone.actor;
  EXPECT_EQ(
      error_code(change_password(*connection_, actor, "không phải mật khẩu", "Mới và đủ dài 2027")),
      "password.current_wrong");
  auto weak = change_password(*connection_, actor, kPassword, "ngắn");
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().code, "password.too_short");
  EXPECT_EQ(weak.error().where.field, "new_password");
  ASSERT_TRUE(change_password(*connection_, actor, kPassword, "Mới và đủ dài 2027"));
  EXPECT_EQ(last_audit(), "change_password account " + std::to_string(actor.principal.account_id) +
                              " 192.0.2.44");
  EXPECT_TRUE(authenticated(phone.token)) << "the session that changed it stays";
  EXPECT_EQ(error_code(authenticated(laptop.token)), "session.expired");
  EXPECT_EQ(error_code(sign_in_as("anh.nt", kPassword)), "session.wrong_credentials");
  EXPECT_TRUE(sign_in_as("anh.nt", "Mới và đủ dài 2027"));
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
