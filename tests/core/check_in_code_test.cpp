#include "core/check_in_code.hpp"

#include <gtest/gtest.h>

#include <cctype>

namespace dk {
namespace {

using std::chrono::seconds;

constexpr std::string_view kSecret = "0123456789abcdef0123456789abcdef";
constexpr Id kActivity = 42;

Instant at_seconds(std::int64_t since_epoch) {
  return Instant(seconds(since_epoch));
}

TEST(TimeStep, CountsWholeStepsSinceTheEpoch) {
  EXPECT_EQ(time_step(at_seconds(0), seconds(120)), 0);
  EXPECT_EQ(time_step(at_seconds(119), seconds(120)), 0);
  EXPECT_EQ(time_step(at_seconds(120), seconds(120)), 1);
  EXPECT_EQ(time_step(at_seconds(1'778'814'720), seconds(120)), 14'823'456);
  EXPECT_EQ(time_step(at_seconds(-1), seconds(120)), -1);
  EXPECT_EQ(time_step(at_seconds(1'778'814'720)), 14'823'456);  // two minutes by default
  EXPECT_EQ(time_step_start(14'823'457, seconds(120)), at_seconds(1'778'814'840));
}

// Values computed apart from this code (Python's hmac and base64) pin the format: person codes are
// printed on cards and never expire, so a change here would void them all.
TEST(CheckInToken, MatchesAnIndependentHmac) {
  EXPECT_EQ(check_in_token(kSecret, kActivity, 14'823'456), "14823456-wukewuso5e");
  EXPECT_EQ(person_token(kSecret, 7, 1234), "1234-esjmeshs4ol4htvf");
}

TEST(CheckInToken, IsShortAndUrlSafe) {
  const std::string token = check_in_token(kSecret, kActivity, 14'823'456);
  EXPECT_EQ(token.size(), 8 + 1 + 10u);
  for (const char c : token) {
    EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << token;
  }
  EXPECT_NE(token, check_in_token(kSecret, kActivity, 14'823'457));
  EXPECT_NE(token, check_in_token(kSecret, kActivity + 1, 14'823'456));
  EXPECT_NE(token, check_in_token("another secret", kActivity, 14'823'456));
}

TEST(TokenValid, AcceptsTheCurrentAndThePreviousStepOnly) {
  const Instant now = at_seconds(1'778'814'720 + 5);  // five seconds into step 14,823,456
  const std::int64_t current = time_step(now);
  EXPECT_TRUE(token_valid(kSecret, kActivity, check_in_token(kSecret, kActivity, current), now));
  EXPECT_TRUE(
      token_valid(kSecret, kActivity, check_in_token(kSecret, kActivity, current - 1), now));
  EXPECT_FALSE(
      token_valid(kSecret, kActivity, check_in_token(kSecret, kActivity, current - 2), now));
  EXPECT_FALSE(
      token_valid(kSecret, kActivity, check_in_token(kSecret, kActivity, current + 1), now));
}

TEST(TokenValid, AtTheEdgesOfAStep) {
  const std::string token = check_in_token(kSecret, kActivity, 14'823'456);
  const Instant start = time_step_start(14'823'456);
  EXPECT_FALSE(token_valid(kSecret, kActivity, token, start - seconds(1)));
  EXPECT_TRUE(token_valid(kSecret, kActivity, token, start));
  EXPECT_TRUE(token_valid(kSecret, kActivity, token, start + seconds(239)));  // previous step
  EXPECT_FALSE(token_valid(kSecret, kActivity, token, start + seconds(240)));
}

TEST(TokenValid, RefusesAnotherActivitySecretOrATamperedCode) {
  const Instant now = at_seconds(1'778'814'720);
  const std::string token = check_in_token(kSecret, kActivity, time_step(now));
  EXPECT_FALSE(token_valid(kSecret, kActivity + 1, token, now));
  EXPECT_FALSE(token_valid("another secret", kActivity, token, now));
  std::string tampered = token;
  tampered.back() = tampered.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(token_valid(kSecret, kActivity, tampered, now));
  EXPECT_FALSE(token_valid(kSecret, kActivity, token.substr(0, token.size() - 1), now));
  EXPECT_FALSE(token_valid(kSecret, kActivity, token + "a", now));
  EXPECT_FALSE(token_valid(kSecret, kActivity, "0" + token, now));
  for (const std::string_view junk : {"", "-", "abc", "14823456", "14823456-", "-wukewuso5e",
                                      "x14823456-wukewuso5e", "99999999999999999999-abc"}) {
    EXPECT_FALSE(token_valid(kSecret, kActivity, junk, now)) << junk;
  }
}

TEST(TokenValid, ReadsUpperCaseAsScannersMayReturnIt) {
  const Instant now = at_seconds(1'778'814'720);
  std::string token = check_in_token(kSecret, kActivity, time_step(now));
  for (char& c : token) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(token_valid(kSecret, kActivity, token, now));
}

TEST(TokenValid, FollowsAnotherStepLength) {
  const Instant now = at_seconds(600);
  const std::string token = check_in_token(kSecret, kActivity, time_step(now, seconds(30)));
  EXPECT_TRUE(token_valid(kSecret, kActivity, token, now + seconds(59), seconds(30)));
  EXPECT_FALSE(token_valid(kSecret, kActivity, token, now + seconds(60), seconds(30)));
}

TEST(PersonToken, NamesThePersonOfThisAgencyOnly) {
  const std::string token = person_token(kSecret, 7, 1234);
  EXPECT_EQ(person_from_token(kSecret, 7, token), 1234);
  EXPECT_FALSE(person_from_token(kSecret, 8, token));
  EXPECT_FALSE(person_from_token("another secret", 7, token));
  // Changing the person in the code breaks its MAC.
  EXPECT_FALSE(person_from_token(kSecret, 7, "1235" + token.substr(4)));
  EXPECT_FALSE(person_from_token(kSecret, 7, ""));
  EXPECT_FALSE(person_from_token(kSecret, 7, "1234-"));
  // An activity's code for step 1234 is not a person's code for 1234.
  EXPECT_FALSE(person_from_token(kSecret, 7, check_in_token(kSecret, 7, 1234)));
  EXPECT_NE(person_token(kSecret, 7, 1234), person_token(kSecret, 7, 1235));
}

}  // namespace
}  // namespace dk
