// Online contests' rules on hand-made cases: the bank's questions and numbers as people type them,
// the draw (quotas, no repeats, uniform over many draws), marking by the server's clock, and the
// ranking with its tie-breaks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/contest_draw.hpp"
#include "core/contest_question.hpp"
#include "core/contest_ranking.hpp"

namespace dk {
namespace {

using std::chrono::seconds;

ContestQuestion choice(Id id, std::string topic, std::vector<int> correct = {1},
                       ContestQuestionKind kind = ContestQuestionKind::single) {
  ContestQuestion question;
  question.id = id;
  question.topic = std::move(topic);
  question.kind = kind;
  question.text = "Câu " + std::to_string(id);
  question.options = {"A", "B", "C", "D"};
  question.correct = std::move(correct);
  return question;
}

ContestQuestion number(Id id, std::string answer) {
  ContestQuestion question;
  question.id = id;
  question.topic = "Số liệu";
  question.kind = ContestQuestionKind::numeric;
  question.text = "Bộ luật Lao động 2019 có bao nhiêu điều?";
  question.numeric_answer = std::move(answer);
  return question;
}

std::string code_of(const Status& status) {
  return status ? "" : status.error().code;
}

TEST(ContestQuestion, NumbersAreReadAsPeopleWriteThem) {
  EXPECT_EQ(parse_numeric_answer("220"), 220'000'000);
  EXPECT_EQ(parse_numeric_answer("123.561"), 123'561'000'000) << "Vietnamese thousands";
  EXPECT_EQ(parse_numeric_answer("123 561"), 123'561'000'000);
  EXPECT_EQ(parse_numeric_answer("1.234.567,5"), 1'234'567'500'000);
  EXPECT_EQ(parse_numeric_answer("12,5"), 12'500'000) << "the decimal comma";
  EXPECT_EQ(parse_numeric_answer("12.5"), 12'500'000) << "a calculator's point";
  EXPECT_EQ(parse_numeric_answer("-3"), -3'000'000);
  EXPECT_EQ(parse_numeric_answer("0,000001"), 1);
  for (const char* bad : {"", "abc", "1,2,3", "1.23.4", "12a", "0,0000001", "--1", "1.5.", ",5",
                          "99999999999999999999"})
    EXPECT_FALSE(parse_numeric_answer(bad)) << bad;
}

TEST(ContestQuestion, AWellFormedQuestionAndItsMarking) {
  EXPECT_TRUE(validate_question(choice(1, "Hợp đồng")));
  ContestQuestion two_options = choice(1, "Hợp đồng");
  two_options.options = {"A", "B"};
  EXPECT_EQ(code_of(validate_question(two_options)), "contest.options_count");
  ContestQuestion two_right = choice(1, "Hợp đồng", {0, 1});
  EXPECT_EQ(code_of(validate_question(two_right)), "contest.correct_invalid");
  EXPECT_TRUE(validate_question(choice(1, "Hợp đồng", {0, 1}, ContestQuestionKind::multiple)));
  ContestQuestion repeated = choice(1, "Hợp đồng");
  repeated.options = {"Có", "có", "Không"};
  EXPECT_EQ(code_of(validate_question(repeated)), "contest.option_invalid");
  ContestQuestion no_topic = choice(1, "");
  EXPECT_EQ(code_of(validate_question(no_topic)), "contest.topic_required");
  ContestQuestion true_false = choice(1, "An toàn", {0}, ContestQuestionKind::true_false);
  true_false.options = {"Đúng", "Sai"};
  EXPECT_TRUE(validate_question(true_false));
  EXPECT_EQ(code_of(validate_question(number(1, "hai trăm"))), "contest.numeric_answer_invalid");
  EXPECT_TRUE(validate_question(number(1, "220")));

  EXPECT_TRUE(is_correct(choice(1, "x"), GivenAnswer{{1}, ""}));
  EXPECT_FALSE(is_correct(choice(1, "x"), GivenAnswer{{2}, ""}));
  EXPECT_FALSE(is_correct(choice(1, "x"), GivenAnswer{{}, ""}));
  const ContestQuestion several = choice(1, "x", {0, 2}, ContestQuestionKind::multiple);
  EXPECT_TRUE(is_correct(several, GivenAnswer{{2, 0}, ""}));
  EXPECT_TRUE(is_correct(several, GivenAnswer{{2, 0, 2}, ""}));
  EXPECT_FALSE(is_correct(several, GivenAnswer{{0}, ""})) << "all or nothing";
  EXPECT_FALSE(is_correct(several, GivenAnswer{{0, 1, 2}, ""}));
  EXPECT_TRUE(is_correct(number(1, "220"), GivenAnswer{{}, " 220 "}));
  EXPECT_TRUE(is_correct(number(1, "1.500"), GivenAnswer{{}, "1500"}));
  EXPECT_FALSE(is_correct(number(1, "220"), GivenAnswer{{}, "221"}));
  EXPECT_FALSE(is_correct(number(1, "220"), GivenAnswer{{}, "hai trăm hai mươi"}));
}

std::vector<ContestQuestion> bank() {
  std::vector<ContestQuestion> all;
  Id id = 1;
  for (int i = 0; i < 10; ++i) all.push_back(choice(id++, "Hợp đồng"));
  for (int i = 0; i < 6; ++i) all.push_back(choice(id++, "Tiền lương"));
  for (int i = 0; i < 4; ++i) all.push_back(number(id++, "220"));
  return all;
}

TEST(ContestDraw, KeepsTheQuotasWithoutRepeats) {
  const auto questions = bank();
  const TopicQuota quotas[] = {{"Hợp đồng", 5}, {"Tiền lương", 6}, {"Số liệu", 2}};
  std::mt19937_64 random(2026);
  for (int round = 0; round < 200; ++round) {
    auto drawn = draw_questions(questions, quotas, true, random);
    ASSERT_TRUE(drawn) << drawn.error().message.en;
    ASSERT_EQ(drawn->size(), 13u);
    std::set<Id> ids;
    std::map<std::string, int> per_topic;
    for (const DrawnQuestion& item : *drawn) {
      ids.insert(item.question_id);
      const ContestQuestion& question = questions[static_cast<std::size_t>(item.question_id - 1)];
      ++per_topic[question.topic];
      if (question.kind == ContestQuestionKind::numeric) {
        EXPECT_TRUE(item.option_order.empty());
      } else {
        std::vector<int> order = item.option_order;
        std::ranges::sort(order);
        EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3})) << "a permutation of the options";
      }
    }
    EXPECT_EQ(ids.size(), 13u) << "no question twice";
    EXPECT_EQ(per_topic["Hợp đồng"], 5);
    EXPECT_EQ(per_topic["Tiền lương"], 6);
    EXPECT_EQ(per_topic["Số liệu"], 2);
  }
}

TEST(ContestDraw, EveryQuestionOfATopicIsAsLikelyAndSoIsEveryPlaceOfAnOption) {
  const auto questions = bank();
  const TopicQuota quotas[] = {{"Hợp đồng", 3}};
  std::mt19937_64 random(7);
  constexpr int kDraws = 20000;
  std::map<Id, int> times;
  std::map<int, int> first_shown;  // which option is shown first
  for (int i = 0; i < kDraws; ++i) {
    auto drawn = draw_questions(questions, quotas, true, random);
    ASSERT_TRUE(drawn);
    for (const DrawnQuestion& item : *drawn) ++times[item.question_id];
    ++first_shown[drawn->front().option_order.front()];
  }
  // Chi-squared against uniform: 10 questions (9 degrees of freedom, 0.1 % critical value 27.9)
  // and 4 places (3 degrees, 16.3).
  const double expected = kDraws * 3.0 / 10.0;
  double chi = 0;
  ASSERT_EQ(times.size(), 10u);
  for (const auto& [id, count] : times) chi += std::pow(count - expected, 2) / expected;
  EXPECT_LT(chi, 27.9);
  double places = 0;
  for (const auto& [place, count] : first_shown)
    places += std::pow(count - kDraws / 4.0, 2) / (kDraws / 4.0);
  EXPECT_LT(places, 16.3);
}

TEST(ContestDraw, RefusesQuotasTheBankCannotMeet) {
  const auto questions = bank();
  std::mt19937_64 random(1);
  const TopicQuota too_many[] = {{"Hợp đồng", 5}, {"Tiền lương", 7}};
  auto refused = draw_questions(questions, too_many, false, random);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "contest.quota_exceeds_bank");
  EXPECT_EQ(refused.error().where.field, "quotas[1]");
  const TopicQuota unknown[] = {{"An toàn", 1}};
  EXPECT_EQ(code_of(check_quotas(questions, unknown)), "contest.quota_exceeds_bank");
  const TopicQuota twice[] = {{"Hợp đồng", 1}, {"Hợp đồng", 1}};
  EXPECT_EQ(code_of(check_quotas(questions, twice)), "contest.topic_repeated");
  const TopicQuota none[] = {{"Hợp đồng", 0}};
  EXPECT_EQ(code_of(check_quotas(questions, none)), "contest.no_questions");
  // Without shuffling, the options keep their order.
  const TopicQuota one[] = {{"Hợp đồng", 1}};
  auto plain = draw_questions(questions, one, false, random);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->front().option_order, (std::vector<int>{0, 1, 2, 3}));
}

TEST(ContestRanking, OnlyAnswersSavedInTimeCount) {
  const Instant start{std::chrono::hours(500'000)};
  const ContestQuestion q1 = choice(1, "x");
  const ContestQuestion q2 = choice(2, "x");
  const ContestQuestion q3 = number(3, "220");
  const ContestQuestion* questions[] = {&q1, &q2, &q3};
  const Instant deadline = attempt_deadline(start, seconds(20 * 60), start + std::chrono::hours(5));
  EXPECT_EQ(deadline, start + seconds(1200));
  EXPECT_EQ(attempt_deadline(start, seconds(1200), start + seconds(600)), start + seconds(600))
      << "the round closes first";
  const SavedAnswer answers[] = {
      {0, {{2}, ""}, start + seconds(30)},      // wrong, then
      {0, {{1}, ""}, start + seconds(60)},      // changed to right
      {1, {{1}, ""}, start + seconds(1201)},    // right, but a second late
      {2, {{}, "220"}, start + seconds(1200)},  // right, on the deadline
      {7, {{1}, ""}, start + seconds(10)},      // no such place
  };
  const Marking late = mark_attempt(questions, answers, start, deadline, start + seconds(1300));
  EXPECT_EQ(late.score, 2);
  EXPECT_EQ(late.answered, 2);
  EXPECT_EQ(late.taken, seconds(1200)) << "time stops at the deadline";
  const Marking early = mark_attempt(questions, answers, start, deadline, start + seconds(400));
  EXPECT_EQ(early.taken, seconds(400));
  const Marking unsent = mark_attempt(questions, answers, start, deadline, std::nullopt);
  EXPECT_EQ(unsent.taken, seconds(1200)) << "never submitted: it ends at the deadline";
}

TEST(ContestRanking, ScoreThenPredictionThenTimeThenSubmission) {
  const Instant t0{std::chrono::hours(500'000)};
  const std::vector<ContestEntry> entries = {
      {1, 18, 40, seconds(600), t0 + seconds(10)},
      {2, 20, 55, seconds(900), t0 + seconds(20)},  // perfect
      {3, 20, 47, seconds(900), t0 + seconds(30)},  // perfect, nearer prediction
      {4, 20, 47, seconds(700), t0 + seconds(40)},  // same, quicker
      {5, 20, 47, seconds(700), t0 + seconds(35)},  // same, submitted earlier
      {6, 20, std::nullopt, seconds(100), t0},      // perfect, no prediction
      {7, 18, 40, seconds(600), t0 + seconds(10)},  // equal to 1 on every key
  };
  const std::int64_t perfect = perfect_count(entries, 20);
  EXPECT_EQ(perfect, 5);
  const auto ranked = rank_entries(entries, 50);
  std::vector<Id> order;
  for (const RankedEntry& entry : ranked) order.push_back(entry.entry.person_id);
  EXPECT_EQ(order, (std::vector<Id>{5, 4, 3, 2, 6, 1, 7}));
  EXPECT_EQ(ranked[0].distance, 3);
  EXPECT_EQ(ranked[3].distance, 5);
  EXPECT_FALSE(ranked[4].distance);
  EXPECT_EQ(ranked[5].rank, 6);
  EXPECT_EQ(ranked[6].rank, 6) << "equal on every key, equal rank";
  EXPECT_EQ(ranked[4].rank, 5);
}

TEST(ContestRanking, TheCountedAttemptIsTheBestOrTheLast) {
  const Instant t0{std::chrono::hours(500'000)};
  const std::vector<ContestEntry> attempts = {
      {1, 15, 10, seconds(500), t0},
      {1, 18, 12, seconds(900), t0 + seconds(3600)},
      {1, 18, 11, seconds(800), t0 + seconds(7200)},
      {1, 12, 30, seconds(300), t0 + seconds(9000)},
  };
  EXPECT_EQ(counted_attempt(attempts, CountedAttempt::best).taken, seconds(800));
  EXPECT_EQ(counted_attempt(attempts, CountedAttempt::last).score, 12);
}

}  // namespace
}  // namespace dk
