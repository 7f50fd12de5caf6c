// Polls on SQLite and PostgreSQL: the trade union's chair asks its members which sport to train
// next; members vote once (a second vote is refused, nothing changes), before the opening or after
// the close nobody votes, the counts add up to the ballots, an anonymous poll keeps no link from a
// ballot to its voter, and results show by the poll's rule.
#include "service/polls.hpp"

#include <gtest/gtest.h>

#include "service/notifications.hpp"
#include "service/plans.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using std::chrono::hours;

class PollsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Văn An", trade_union_);
    binh_ = add_person("Trần Thị Bình", trade_union_);
    chi_ = add_person("Lê Văn Chi", trade_union_);
    youth_ = add_person("Phạm Thị Dung", youth_union_);
  }
  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor member(Id person) const { return member_of(trade_union_, person); }

  Poll sports(bool anonymous, PollResultsShown shown) const {
    Poll poll;
    poll.organization_id = trade_union_;
    poll.title = "Môn thể thao tập luyện năm 2027";
    poll.anonymous = anonymous;
    poll.results_shown = shown;
    poll.closes_at = now_ + hours(24 * 7);
    poll.questions = {
        {"Bạn muốn tập môn nào?",
         PollQuestionKind::single,
         {"Bóng đá", "Cầu lông", "Bóng bàn"},
         0,
         true},
        {"Buổi nào bạn tập được?", PollQuestionKind::multiple, {"Sáng", "Chiều", "Tối"}, 0, true},
        {"Góp ý thêm", PollQuestionKind::text, {}, 0, false},
    };
    return poll;
  }

  Id run(const Poll& poll) {
    auto created = create_poll(*connection_, chair(), poll);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->poll.id : 0;
  }

  std::int64_t count(const std::string& sql, Id poll) {
    std::int64_t value = -1;
    const store::SqlValue params[] = {tenant_, poll};
    EXPECT_TRUE(connection_->query(sql, params, [&](const store::SqlRow& row) -> Status {
      value = row.integer(0);
      return {};
    }));
    return value;
  }

  Id chair_ = 0, binh_ = 0, chi_ = 0, youth_ = 0;
};

TEST_P(PollsTest, MembersVoteOnceAndTheCountsAddUpToTheBallots) {
  const Id id = run(sports(false, PollResultsShown::after_vote));
  auto told = my_notifications(*connection_, member(binh_), std::nullopt);
  ASSERT_TRUE(told && !told->items.empty());
  EXPECT_EQ(told->items[0].event.kind, NotificationKind::poll_opened);
  EXPECT_EQ(told->items[0].event.title.vi, "Khảo sát mới: Môn thể thao tập luyện năm 2027");

  auto before = read_poll(*connection_, member(binh_), id);
  ASSERT_TRUE(before) << before.error().message.en;
  EXPECT_EQ(before->phase, PollPhase::open);
  EXPECT_FALSE(before->results) << "results after voting";
  auto voted = vote(*connection_, member(binh_), id, {{{1}, ""}, {{0, 2}, ""}, {{}, "Thêm sân"}});
  ASSERT_TRUE(voted) << voted.error().message.en;
  EXPECT_TRUE(voted->voted);
  ASSERT_TRUE(voted->results);
  EXPECT_EQ(error_code(vote(*connection_, member(binh_), id, {{{0}, ""}, {{0}, ""}, {}})),
            "poll.already_voted");
  ASSERT_TRUE(vote(*connection_, member(chi_), id, {{{1}, ""}, {{2}, ""}, {}}));
  ASSERT_TRUE(vote(*connection_, chair(), id, {{{0}, ""}, {{0, 1, 2}, ""}, {}}));
  EXPECT_EQ(error_code(vote(*connection_, member_of(youth_union_, youth_), id,
                            {{{0}, ""}, {{0}, ""}, {}})),
            "poll.not_found")
      << "the youth union's member is not asked, and does not see it";

  auto results = read_poll(*connection_, chair(), id);
  ASSERT_TRUE(results && results->results);
  const PollResults& counted = *results->results;
  EXPECT_EQ(counted.ballots, 3);
  EXPECT_EQ(counted.questions[0].votes, (std::vector<std::int64_t>{1, 2, 0}));
  std::int64_t single = 0;
  for (auto votes : counted.questions[0].votes) single += votes;
  EXPECT_EQ(single, counted.ballots) << "one choice each: the options add up to the ballots";
  EXPECT_EQ(counted.questions[0].answered, 3);
  EXPECT_EQ(counted.questions[1].votes, (std::vector<std::int64_t>{2, 1, 3}));
  EXPECT_EQ(counted.questions[2].answered, 1);
  EXPECT_EQ(counted.questions[2].texts, (std::vector<std::string>{"Thêm sân"}));
  EXPECT_EQ(count("SELECT count(*) FROM poll_ballots WHERE tenant_id = $1 AND poll_id = $2 AND "
                  "person_id IS NOT NULL",
                  id),
            3)
      << "a named poll's ballots name their voters";
}

TEST_P(PollsTest, AnAnonymousPollKeepsWhoVotedApartFromWhatTheyAnswered) {
  const Id id = run(sports(true, PollResultsShown::after_close));
  ASSERT_TRUE(vote(*connection_, member(binh_), id, {{{1}, ""}, {{0}, ""}, {}}));
  auto mine = read_poll(*connection_, member(binh_), id);
  ASSERT_TRUE(mine);
  EXPECT_TRUE(mine->voted);
  EXPECT_FALSE(mine->results) << "shown when it closes";
  EXPECT_EQ(count("SELECT count(*) FROM poll_ballots WHERE tenant_id = $1 AND poll_id = $2 AND "
                  "person_id IS NULL AND cast_at IS NULL",
                  id),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM poll_voters WHERE tenant_id = $1 AND poll_id = $2", id), 1);

  const Actor later = at(member(chi_), now_ + hours(24 * 8));
  EXPECT_EQ(error_code(vote(*connection_, later, id, {{{0}, ""}, {{0}, ""}, {}})), "poll.not_open");
  auto closed = read_poll(*connection_, later, id);
  ASSERT_TRUE(closed && closed->results) << "everyone in the audience sees it once closed";
  EXPECT_EQ(closed->phase, PollPhase::closed);
  EXPECT_EQ(closed->results->questions[0].votes[1], 1);
}

TEST_P(PollsTest, OnlyThoseWhoRunAnOrganizationAskItsMembersAndBallotsAreChecked) {
  EXPECT_EQ(error_code(create_poll(*connection_, member(binh_),
                                   sports(false, PollResultsShown::after_vote))),
            "access.forbidden");
  Poll bad = sports(false, PollResultsShown::after_vote);
  bad.questions[0].options = {"Bóng đá"};
  EXPECT_EQ(error_code(create_poll(*connection_, chair(), bad)), "poll.options_count");
  Poll later = sports(false, PollResultsShown::after_vote);
  later.opens_at = now_ + hours(24);
  later.closes_at = now_ + hours(48);
  const Id upcoming = run(later);
  EXPECT_EQ(error_code(vote(*connection_, member(binh_), upcoming, {{{0}, ""}, {{0}, ""}, {}})),
            "poll.not_open");
  const Id id = run(sports(false, PollResultsShown::after_vote));
  auto wrong = vote(*connection_, member(binh_), id, {{{0, 1}, ""}, {{0}, ""}, {}});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().where.field, "answers[0]");
  EXPECT_EQ(count("SELECT count(*) FROM poll_voters WHERE tenant_id = $1 AND poll_id = $2", id), 0)
      << "a refused ballot leaves nothing behind";
  auto listed = list_polls(*connection_, member(binh_));
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);
  auto outsider = list_polls(*connection_, member_of(youth_union_, youth_));
  ASSERT_TRUE(outsider);
  EXPECT_TRUE(outsider->empty());
}

TEST_P(PollsTest, TheAnswerGoesIntoNextYearsPlanWithTheCountsThatMadeIt) {
  const Id id = run(sports(false, PollResultsShown::after_close));
  ASSERT_TRUE(vote(*connection_, member(binh_), id, {{{1}, ""}, {{0}, ""}, {}}));
  ASSERT_TRUE(vote(*connection_, member(chi_), id, {{{1}, ""}, {{2}, ""}, {}}));
  ASSERT_TRUE(vote(*connection_, chair(), id, {{{0}, ""}, {{0}, ""}, {}}));
  Plan next_year;
  next_year.organization_id = trade_union_;
  next_year.year = 2027;
  next_year.title = "Kế hoạch hoạt động năm 2027";
  auto plan = create_plan(*connection_, chair(), next_year);
  ASSERT_TRUE(plan) << plan.error().message.en;

  auto added = add_poll_result_to_plan(*connection_, chair(), id, 0, 1, plan->plan.id, "");
  ASSERT_TRUE(added) << added.error().message.en;
  EXPECT_EQ(added->title, "Cầu lông");
  // Every option, most votes first; the votes add up to those who answered, the shares to 100.
  EXPECT_EQ(added->description,
            "Theo kết quả khảo sát “Môn thể thao tập luyện năm 2027”, câu “Bạn muốn tập môn "
            "nào?” (3 người trả lời, đến " +
                format_vietnamese_time(now_ + hours(24 * 7)) +
                ", chưa kết thúc): Cầu lông 2 phiếu (67 %); Bóng đá 1 phiếu (33 %); Bóng bàn 0 "
                "phiếu (0 %).");
  auto read = read_plan(*connection_, member(binh_), plan->plan.id);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->programmes.size(), 1u);
  EXPECT_EQ(read->programmes[0].title, "Cầu lông");
  EXPECT_EQ(last_audit(), "to_plan poll 8 192.0.2.1");

  auto named = add_poll_result_to_plan(*connection_, chair(), id, 0, 0, plan->plan.id,
                                       "Giải bóng đá Công đoàn");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->title, "Giải bóng đá Công đoàn");

  EXPECT_EQ(
      error_code(add_poll_result_to_plan(*connection_, member(binh_), id, 0, 1, plan->plan.id, "")),
      "access.forbidden");
  EXPECT_EQ(error_code(add_poll_result_to_plan(*connection_, chair(), id, 2, 0, plan->plan.id, "")),
            "poll.question_not_a_choice");
  EXPECT_EQ(error_code(add_poll_result_to_plan(*connection_, chair(), id, 0, 3, plan->plan.id, "")),
            "poll.option_not_found");
  Plan youth;
  youth.organization_id = youth_union_;
  youth.year = 2027;
  youth.title = "Kế hoạch Chi đoàn 2027";
  auto other = create_plan(*connection_, administrator(), youth);
  ASSERT_TRUE(other) << other.error().message.en;
  EXPECT_EQ(error_code(add_poll_result_to_plan(*connection_, administrator(), id, 0, 1,
                                               other->plan.id, "")),
            "poll.plan_of_another_organization");
}

INSTANTIATE_TEST_SUITE_P(Engines, PollsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
