// The rules of a poll: what a well-formed one is, what a ballot may say, and when it is open.
#include "core/poll.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

Poll sports_poll() {
  Poll poll;
  poll.title = "Môn thể thao tập luyện năm 2027";
  poll.opens_at = Instant(std::chrono::hours(1000));
  poll.closes_at = poll.opens_at + std::chrono::hours(24 * 7);
  poll.questions = {
      {"Bạn muốn tập môn nào?",
       PollQuestionKind::single,
       {"Bóng đá", "Cầu lông", "Bóng bàn"},
       0,
       true},
      {"Buổi nào bạn tập được?",
       PollQuestionKind::multiple,
       {"Sáng", "Trưa", "Chiều", "Tối"},
       2,
       true},
      {"Góp ý thêm", PollQuestionKind::text, {}, 0, false},
  };
  return poll;
}

std::string code_of_error(const Status& status) {
  return status ? "" : status.error().code;
}

TEST(Poll, AWellFormedPollHasQuestionsWithDistinctOptionsAndClosesAfterItOpens) {
  EXPECT_TRUE(validate_poll(sports_poll()));
  Poll poll = sports_poll();
  poll.questions[0].options = {"Bóng đá"};
  EXPECT_EQ(code_of_error(validate_poll(poll)), "poll.options_count");
  poll = sports_poll();
  poll.questions[0].options = {"Bóng đá", "bong da"};
  auto repeated = validate_poll(poll);
  EXPECT_EQ(code_of_error(repeated), "poll.option_invalid") << "the same option, typed otherwise";
  EXPECT_EQ(repeated.error().where.field, "questions[0].options");
  poll = sports_poll();
  poll.questions[2].options = {"a", "b"};
  EXPECT_EQ(code_of_error(validate_poll(poll)), "poll.text_has_options");
  poll = sports_poll();
  poll.questions[1].max_choices = 5;
  EXPECT_EQ(code_of_error(validate_poll(poll)), "poll.max_choices_invalid");
  poll = sports_poll();
  poll.closes_at = poll.opens_at;
  EXPECT_EQ(code_of_error(validate_poll(poll)), "poll.closes_before_opening");
  poll = sports_poll();
  poll.questions.clear();
  EXPECT_EQ(code_of_error(validate_poll(poll)), "poll.questions_count");
}

TEST(Poll, ABallotAnswersEachQuestionWithinItsRules) {
  const Poll poll = sports_poll();
  auto ok = check_ballot(poll, {{{1}, ""}, {{3, 0}, ""}, {{}, "  Thêm  sân  "}});
  ASSERT_TRUE(ok) << ok.error().message.en;
  EXPECT_EQ((*ok)[1].choices, (std::vector<int>{0, 3})) << "sorted";
  EXPECT_EQ((*ok)[2].text, "Thêm sân") << "normalised";
  EXPECT_TRUE(check_ballot(poll, {{{0}, ""}, {{2}, ""}, {}})) << "the free answer may be skipped";

  auto missing = check_ballot(poll, {{}, {{2}, ""}, {}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "poll.answer_required");
  EXPECT_EQ(missing.error().where.field, "answers[0]");
  EXPECT_EQ(check_ballot(poll, {{{0, 1}, ""}, {{2}, ""}, {}}).error().code, "poll.choices_invalid")
      << "two answers to a single choice";
  EXPECT_EQ(check_ballot(poll, {{{0}, ""}, {{0, 1, 2}, ""}, {}}).error().code,
            "poll.choices_invalid")
      << "three of at most two";
  EXPECT_EQ(check_ballot(poll, {{{0}, ""}, {{1, 1}, ""}, {}}).error().code, "poll.choices_invalid");
  EXPECT_EQ(check_ballot(poll, {{{7}, ""}, {{1}, ""}, {}}).error().code, "poll.choices_invalid");
  EXPECT_EQ(check_ballot(poll, {{{0}, ""}, {{1}, ""}}).error().code, "poll.answers_count");
  EXPECT_EQ(check_ballot(poll, {{{0}, ""}, {{1}, ""}, {{}, std::string(1001, 'a')}}).error().code,
            "poll.text_answer_invalid");
}

TEST(Poll, ItIsOpenFromItsOpeningUntilJustBeforeItsClose) {
  const Poll poll = sports_poll();
  EXPECT_EQ(phase_of(poll, poll.opens_at - std::chrono::seconds(1)), PollPhase::upcoming);
  EXPECT_EQ(phase_of(poll, poll.opens_at), PollPhase::open);
  EXPECT_EQ(phase_of(poll, poll.closes_at - std::chrono::seconds(1)), PollPhase::open);
  EXPECT_EQ(phase_of(poll, poll.closes_at), PollPhase::closed);
}

TEST(Poll, OfficersRunTheirOrganizationsPollsAndItsMembersVote) {
  Principal officer;
  officer.person_id = 5;
  officer.officer_of = {2};
  officer.member_of = {2};
  Principal member;
  member.person_id = 6;
  member.member_of = {3};
  Poll poll = sports_poll();
  poll.organization_id = 2;
  EXPECT_TRUE(may_address_members(officer, 2));
  EXPECT_FALSE(may_address_members(officer, std::nullopt))
      << "the agency's polls are the leadership's";
  EXPECT_FALSE(may_address_members(member, 2));
  EXPECT_TRUE(may_vote_in(officer, poll));
  EXPECT_FALSE(may_vote_in(member, poll));
  poll.organization_id.reset();
  EXPECT_TRUE(may_vote_in(member, poll)) << "the agency's poll: everyone";
  Principal administrator;
  administrator.administrator = true;
  EXPECT_FALSE(may_vote_in(administrator, poll)) << "an account that is no person does not vote";
}

}  // namespace
}  // namespace dk
