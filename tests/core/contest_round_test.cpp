// A contest round's rules, an attempt's answers as given, and participation's collective rankings,
// on hand-made cases: a round's limits by field, when results may be seen, answers that do not fit
// their question, and departments ranked by count and by share (ties share a rank; the shares are
// compared exactly, 1/3 against 2/6).
#include "core/contest_round.hpp"

#include <gtest/gtest.h>

#include "core/contest_attempt.hpp"
#include "core/contest_participation.hpp"

namespace dk {
namespace {

using namespace std::chrono_literals;

const Instant kOpens = instant_of(1'767'225'600);  // 01/01/2026 07:00 in Vietnam

ContestRound round_of(std::vector<TopicQuota> quotas) {
  ContestRound round;
  round.title = "Vòng 1";
  round.opens_at = kOpens;
  round.closes_at = kOpens + 24h * 14;
  round.quotas = std::move(quotas);
  return round;
}

std::string field_of(const Status& status) {
  return status ? "" : status.error().where.field;
}

TEST(ContestRound, ItsLimitsAreNamedByField) {
  EXPECT_TRUE(validate_round(round_of({{"Hợp đồng", 5}, {"Tiền lương", 15}})));
  EXPECT_EQ(question_count(round_of({{"Hợp đồng", 5}, {"Tiền lương", 15}})), 20);
  ContestRound untitled = round_of({{"A", 1}});
  untitled.title.clear();
  EXPECT_EQ(field_of(validate_round(untitled)), "title");
  ContestRound backwards = round_of({{"A", 1}});
  backwards.closes_at = backwards.opens_at;
  EXPECT_EQ(field_of(validate_round(backwards)), "closes_at");
  for (const auto limit : {59s, 3h + 1s}) {
    ContestRound timed = round_of({{"A", 1}});
    timed.time_limit = limit;
    EXPECT_EQ(field_of(validate_round(timed)), "time_limit_minutes");
  }
  for (const int attempts : {0, kMaxAttemptsAllowed + 1}) {
    ContestRound tries = round_of({{"A", 1}});
    tries.attempts_allowed = attempts;
    EXPECT_EQ(field_of(validate_round(tries)), "attempts_allowed");
  }
  EXPECT_EQ(field_of(validate_round(round_of({{"A", 3}, {"B", 0}}))), "quotas[1].count");
  EXPECT_EQ(field_of(validate_round(round_of({}))), "quotas");
  EXPECT_EQ(field_of(validate_round(round_of({{"A", 150}, {"B", 51}}))), "quotas");
}

TEST(ContestRound, ResultsAreSeenAtOnceOrFromTheClose) {
  ContestRound round = round_of({{"A", 1}});
  EXPECT_EQ(phase_of(round, kOpens - 1s), RoundPhase::upcoming);
  EXPECT_EQ(phase_of(round, kOpens), RoundPhase::open);
  EXPECT_EQ(phase_of(round, round.closes_at), RoundPhase::closed);
  round.results_shown = ResultsShown::at_close;
  EXPECT_FALSE(results_visible(round, round.closes_at - 1s));
  EXPECT_TRUE(results_visible(round, round.closes_at));
  round.results_shown = ResultsShown::at_once;
  EXPECT_TRUE(results_visible(round, kOpens));
}

TEST(ContestAttempt, AnAnswerMustFitItsQuestion) {
  ContestQuestion single;
  single.kind = ContestQuestionKind::single;
  single.options = {"1", "2", "3"};
  single.correct = {1};
  ContestQuestion several = single;
  several.kind = ContestQuestionKind::multiple;
  ContestQuestion number;
  number.kind = ContestQuestionKind::numeric;
  number.numeric_answer = "220";
  EXPECT_TRUE(check_given_answer(single, GivenAnswer{{2}, ""}, 0));
  EXPECT_TRUE(check_given_answer(single, GivenAnswer{}, 0)) << "an empty answer clears the place";
  EXPECT_EQ(field_of(check_given_answer(single, GivenAnswer{{0, 1}, ""}, 3)), "answers[3]");
  EXPECT_FALSE(check_given_answer(single, GivenAnswer{{3}, ""}, 0)) << "no fourth option";
  EXPECT_FALSE(check_given_answer(single, GivenAnswer{{-1}, ""}, 0));
  EXPECT_TRUE(check_given_answer(several, GivenAnswer{{0, 2}, ""}, 0));
  EXPECT_FALSE(check_given_answer(several, GivenAnswer{{2, 2}, ""}, 0)) << "twice the same";
  EXPECT_TRUE(check_given_answer(number, GivenAnswer{{}, "123.561"}, 0));
  EXPECT_TRUE(check_given_answer(number, GivenAnswer{{}, "12,5"}, 0));
  EXPECT_FALSE(check_given_answer(number, GivenAnswer{{}, "hai trăm"}, 0));
  EXPECT_FALSE(check_given_answer(number, GivenAnswer{{0}, ""}, 0));
  EXPECT_TRUE(check_prediction(0));
  EXPECT_TRUE(check_prediction(kMaxPrediction));
  EXPECT_EQ(field_of(check_prediction(-1)), "prediction");
  EXPECT_FALSE(check_prediction(kMaxPrediction + 1));
}

TEST(ContestAttempt, ItTakesAnswersUntilItsDeadlineAndNotOnceFinished) {
  ContestAttempt attempt;
  attempt.started_at = kOpens;
  attempt.deadline = kOpens + 20min;
  EXPECT_TRUE(takes_answers(attempt, kOpens + 20min));
  EXPECT_FALSE(takes_answers(attempt, kOpens + 20min + 1s));
  attempt.finished_at = kOpens + 5min;
  EXPECT_FALSE(takes_answers(attempt, kOpens + 6min));
}

TEST(ContestParticipation, DepartmentsAddUpAndRankByCountAndByShare) {
  // Kế toán: 2 of 6 entered; Pháp chế: 1 of 3 (the same share); Văn phòng: 2 of 2; no
  // department: 0 of 1.
  std::vector<ParticipantRow> rows;
  const auto add = [&](std::optional<Id> unit, std::string name, int people, int entered) {
    for (int i = 0; i < people; ++i)
      rows.push_back(
          ParticipantRow{static_cast<Id>(rows.size() + 1), "Người", unit, name, i < entered});
  };
  add(1, "Phòng Kế toán", 6, 2);
  add(2, "Phòng Pháp chế", 3, 1);
  add(3, "Văn phòng", 2, 2);
  add(std::nullopt, "", 1, 0);
  const Participation figures = participation_of(rows);
  EXPECT_EQ(figures.people, 12);
  EXPECT_EQ(figures.entrants, 5);
  ASSERT_EQ(figures.units.size(), 4u);
  std::int64_t people = 0, entrants = 0;
  for (const ParticipationGroup& unit : figures.units) {
    people += unit.people;
    entrants += unit.entrants;
  }
  EXPECT_EQ(people, figures.people);
  EXPECT_EQ(entrants, figures.entrants);
  const ParticipationGroup &accounts = figures.units[0], &legal = figures.units[1],
                           &office = figures.units[2], &none = figures.units[3];
  EXPECT_EQ(accounts.rank_by_count, 1);
  EXPECT_EQ(office.rank_by_count, 1) << "2 and 2 entrants share the first rank";
  EXPECT_EQ(legal.rank_by_count, 3);
  EXPECT_EQ(none.rank_by_count, 4);
  EXPECT_EQ(office.rank_by_rate, 1);
  EXPECT_EQ(accounts.rank_by_rate, 2);
  EXPECT_EQ(legal.rank_by_rate, 2) << "2/6 and 1/3 are the same share";
  EXPECT_EQ(none.rank_by_rate, 4);
  EXPECT_FALSE(none.id);
}

}  // namespace
}  // namespace dk
