// Taking part in a contest on SQLite and PostgreSQL: members of the trade union start attempts at
// an open round, save answers as they go and submit; the server's clock decides what counts; the
// right answers stay on the server until results are shown; the leaderboard ranks by score, then
// the prediction, then time; two submissions at once count once; the chair sees who has not
// entered, by department, and reminds them once a day.
#include "service/contest_attempts.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "service/contest_results.hpp"
#include "service/contests.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using namespace std::chrono_literals;

const std::string kBank =
    "STT,Nội dung câu hỏi,Đáp án A,Đáp án B,Đáp án C,Đáp án D,Đáp án đúng,Chủ đề,Mức độ\n"
    "1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1\n"
    "2,Thử việc tối đa với người quản lý doanh nghiệp?,30 ngày,60 ngày,180 ngày,,C,Hợp đồng,2\n"
    "3,Bộ luật Lao động 2019 có bao nhiêu điều?,,,,,220,Hợp đồng,3\n"
    "4,Người lao động được nghỉ Tết Âm lịch 5 ngày.,,,,,Đúng,Nghỉ,1\n"
    "5,Những ngày nào là ngày nghỉ lễ?,Quốc khánh,Giỗ Tổ Hùng Vương,Ngày Nhà giáo,,\"A, "
    "B\",Nghỉ,2\n"
    "6,Nghỉ hằng năm tối thiểu bao nhiêu ngày?,10 ngày,12 ngày,14 ngày,,B,Nghỉ,1\n";

// The right answer to each question of kBank, by its text.
const std::map<std::string, GivenAnswer> kRight = {
    {"Hợp đồng lao động có mấy loại?", {{1}, ""}},
    {"Thử việc tối đa với người quản lý doanh nghiệp?", {{2}, ""}},
    {"Bộ luật Lao động 2019 có bao nhiêu điều?", {{}, "220"}},
    {"Người lao động được nghỉ Tết Âm lịch 5 ngày.", {{0}, ""}},
    {"Những ngày nào là ngày nghỉ lễ?", {{0, 1}, ""}},
    {"Nghỉ hằng năm tối thiểu bao nhiêu ngày?", {{1}, ""}},
};

class ContestAttemptsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    accounts_ = add_unit("Phòng Kế toán");
    legal_ = add_unit("Phòng Pháp chế");
    chair_ = add_person("Nguyễn Văn An", trade_union_);
    binh_ = add_person("Trần Thị Bình", trade_union_);
    cuong_ = add_person("Lê Văn Cường", trade_union_);
    dung_ = add_person("Phạm Thị Dung", trade_union_);
    for (const auto& [person, unit] :
         {std::pair{chair_, legal_}, {binh_, accounts_}, {cuong_, accounts_}, {dung_, legal_}})
      sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit, person});
    Contest contest;
    contest.organization_id = trade_union_;
    contest.title = "Tìm hiểu Bộ luật Lao động năm 2019";
    contest.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
    contest.audience = default_audience(trade_union_);
    auto created = create_contest(*connection_, chair(), contest);
    ASSERT_TRUE(created) << created.error().message.en;
    contest_ = created->contest.id;
    auto imported = import_question_bank(*connection_, chair(), contest_,
                                         BankImport{kBank, "bank.csv", BankImportMode::append});
    ASSERT_TRUE(imported && imported->written);
  }
  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor member(Id person, Instant when) const { return at(member_of(trade_union_, person), when); }

  // A round open from an hour ago for a day: 2 questions per topic, 20 minutes.
  Id add(ResultsShown shown, int attempts = 1, CountedAttempt counted = CountedAttempt::best) {
    ContestRound round;
    round.title = "Vòng 1";
    round.opens_at = now_ - 1h;
    round.closes_at = now_ + 24h;
    round.time_limit = 20min;
    round.attempts_allowed = attempts;
    round.counted = counted;
    round.results_shown = shown;
    round.quotas = {{"Hợp đồng", 2}, {"Nghỉ", 2}};
    auto view = add_round(*connection_, chair(), contest_, round);
    EXPECT_TRUE(view) << view.error().message.en;
    return view ? view->rounds.back().id : 0;
  }

  // The answers of `right` of the attempt's questions right and the others wrong.
  static std::vector<AnswerAt> answers(const AttemptView& view, std::size_t right) {
    std::vector<AnswerAt> given;
    for (const AttemptQuestion& question : view.questions) {
      GivenAnswer answer = kRight.at(question.text);
      if (given.size() >= right) {
        if (answer.number.empty()) {
          answer.choices = {answer.choices.front() == 0 ? 1 : 0};
          if (question.kind == ContestQuestionKind::multiple) answer.choices = {2};
        } else {
          answer.number = "219";
        }
      }
      given.push_back(AnswerAt{question.position, answer});
    }
    return given;
  }

  Id accounts_ = 0, legal_ = 0, chair_ = 0, binh_ = 0, cuong_ = 0, dung_ = 0, contest_ = 0;
};

TEST_P(ContestAttemptsTest, AnEntrantAnswersAndTheRoundRanksByScoreThenPrediction) {
  const Id round = add(ResultsShown::at_once);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started) << started.error().message.en;
  ASSERT_EQ(started->questions.size(), 4u);
  std::map<std::string, int> per_topic;
  for (const AttemptQuestion& question : started->questions) {
    ++per_topic[question.topic];
    EXPECT_FALSE(question.correct) << "no right answer before the attempt is over";
    EXPECT_TRUE(question.right_choices.empty());
    EXPECT_TRUE(question.right_number.empty());
  }
  EXPECT_EQ(per_topic, (std::map<std::string, int>{{"Hợp đồng", 2}, {"Nghỉ", 2}}));
  EXPECT_EQ(started->attempt.deadline, now_ + 20min);

  // A reload, a second tab: the same attempt, the same questions, the same deadline.
  auto again = start_attempt(*connection_, member(binh_, now_ + 2min), contest_, round);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt.id, started->attempt.id);
  EXPECT_EQ(again->attempt.deadline, started->attempt.deadline);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(again->questions[i].text, started->questions[i].text);

  auto saved = save_answers(*connection_, member(binh_, now_ + 3min), started->attempt.id,
                            answers(*started, 4), std::optional<std::int64_t>{2});
  ASSERT_TRUE(saved) << saved.error().message.en;
  EXPECT_FALSE(saved->results_shown);
  for (const AttemptQuestion& question : saved->questions) EXPECT_FALSE(question.answer.empty());
  auto submitted = submit_attempt(*connection_, member(binh_, now_ + 5min), started->attempt.id, {},
                                  std::nullopt);
  ASSERT_TRUE(submitted) << submitted.error().message.en;
  EXPECT_TRUE(submitted->results_shown);
  EXPECT_EQ(submitted->attempt.marking.score, 4);
  EXPECT_EQ(submitted->attempt.marking.taken, 5min);
  for (const AttemptQuestion& question : submitted->questions) EXPECT_EQ(question.correct, true);
  // A retry of the submission later changes nothing.
  auto retried = submit_attempt(*connection_, member(binh_, now_ + 9min), started->attempt.id,
                                answers(*started, 0), std::nullopt);
  ASSERT_TRUE(retried);
  EXPECT_EQ(retried->attempt.marking.score, 4);
  EXPECT_EQ(retried->attempt.marking.taken, 5min);
  EXPECT_EQ(error_code(start_attempt(*connection_, member(binh_, now_ + 10min), contest_, round)),
            "contest.attempts_used");

  // Cường answers every one right too, faster, but predicts farther from the real count (2).
  auto cuong = start_attempt(*connection_, member(cuong_, now_), contest_, round);
  ASSERT_TRUE(cuong);
  ASSERT_TRUE(submit_attempt(*connection_, member(cuong_, now_ + 1min), cuong->attempt.id,
                             answers(*cuong, 4), std::optional<std::int64_t>{10}));
  // Dung gets 3 right.
  auto dung = start_attempt(*connection_, member(dung_, now_), contest_, round);
  ASSERT_TRUE(dung);
  ASSERT_TRUE(submit_attempt(*connection_, member(dung_, now_ + 1min), dung->attempt.id,
                             answers(*dung, 3), std::nullopt));

  auto board = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 50, 0);
  ASSERT_TRUE(board) << board.error().message.en;
  EXPECT_EQ(board->entrants, 3);
  EXPECT_EQ(board->perfect, 2);
  ASSERT_EQ(board->rows.size(), 3u);
  EXPECT_EQ(board->rows[0].entry.person_id, binh_);
  EXPECT_EQ(board->rows[0].distance, 0);
  EXPECT_EQ(board->rows[1].entry.person_id, cuong_);
  EXPECT_EQ(board->rows[1].distance, 8);
  EXPECT_EQ(board->rows[2].entry.person_id, dung_);
  EXPECT_EQ(board->rows[2].entry.score, 3);
  EXPECT_EQ(board->rows[2].unit_name, "Phòng Pháp chế");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(board->rows[static_cast<std::size_t>(i)].rank, i + 1);
  // A page further down keeps the ranks.
  auto page = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 1, 2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].rank, 3);
  // Pages are read score group by score group: one starting inside the first group and ending in
  // the next, one inside a group, one past the end.
  auto across = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 2, 1);
  ASSERT_TRUE(across);
  ASSERT_EQ(across->rows.size(), 2u);
  EXPECT_EQ(across->rows[0].entry.person_id, cuong_);
  EXPECT_EQ(across->rows[0].rank, 2);
  EXPECT_EQ(across->rows[1].entry.person_id, dung_);
  EXPECT_EQ(across->rows[1].rank, 3);
  auto inside = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 1, 1);
  ASSERT_TRUE(inside);
  ASSERT_EQ(inside->rows.size(), 1u);
  EXPECT_EQ(inside->rows[0].entry.person_id, cuong_);
  auto past = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 50, 3);
  ASSERT_TRUE(past);
  EXPECT_TRUE(past->rows.empty());
  auto mine = read_attempt(*connection_, member(binh_, now_ + 1h), started->attempt.id);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->rank, 1);
  EXPECT_EQ(mine->entrants, 3);
  auto second = read_attempt(*connection_, member(cuong_, now_ + 1h), cuong->attempt.id);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->rank, 2) << "behind Bình in the same score, by the prediction";
  auto third = read_attempt(*connection_, member(dung_, now_ + 1h), dung->attempt.id);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->rank, 3);

  // Someone else's attempt does not exist for them; the bank can no longer be replaced.
  EXPECT_EQ(error_code(read_attempt(*connection_, member(cuong_, now_), started->attempt.id)),
            "contest.attempt_not_found");
  auto replaced = import_question_bank(*connection_, chair(), contest_,
                                       BankImport{kBank, "bank.csv", BankImportMode::replace});
  EXPECT_EQ(error_code(replaced), "contest.bank_in_use");
}

TEST_P(ContestAttemptsTest, TheServersClockDecidesWhatCounts) {
  const Id round = add(ResultsShown::at_close);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started);
  auto all = answers(*started, 4);
  ASSERT_TRUE(save_answers(*connection_, member(binh_, now_ + 5min), started->attempt.id, {all[0]},
                           std::nullopt));
  // At the deadline an answer still counts; a second after it, it is refused and not saved.
  ASSERT_TRUE(save_answers(*connection_, member(binh_, now_ + 20min), started->attempt.id, {all[1]},
                           std::nullopt));
  EXPECT_EQ(error_code(save_answers(*connection_, member(binh_, now_ + 20min + 1s),
                                    started->attempt.id, {all[2]}, std::nullopt)),
            "contest.time_up");
  // A late submission counts what was saved in time, and the time taken stops at the deadline.
  auto late = submit_attempt(*connection_, member(binh_, now_ + 25min), started->attempt.id,
                             {all[2], all[3]}, std::nullopt);
  ASSERT_TRUE(late) << late.error().message.en;
  ASSERT_TRUE(late->attempt.finished_at);
  EXPECT_FALSE(late->attempt.submitted);
  // Results are shown when the round closes: nothing of the marks before.
  EXPECT_FALSE(late->results_shown);
  EXPECT_EQ(late->attempt.marking.score, 0);
  for (const AttemptQuestion& question : late->questions) {
    EXPECT_FALSE(question.correct);
    EXPECT_TRUE(question.right_choices.empty() && question.right_number.empty());
  }
  EXPECT_EQ(
      error_code(round_leaderboard(*connection_, member(binh_, now_ + 1h), contest_, round, 50, 0)),
      "contest.results_not_yet");
  auto after = read_attempt(*connection_, member(binh_, now_ + 25h), started->attempt.id);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->results_shown);
  EXPECT_EQ(after->attempt.marking.score, 2);
  EXPECT_EQ(after->attempt.marking.answered, 2);
  EXPECT_EQ(after->attempt.marking.taken, 20min);
  EXPECT_EQ(after->questions[2].answer.empty(), true) << "the late answer was not kept";
  EXPECT_FALSE(after->questions[2].right_choices.empty() &&
               after->questions[2].right_number.empty());
  auto board = round_leaderboard(*connection_, member(binh_, now_ + 25h), contest_, round, 50, 0);
  ASSERT_TRUE(board) << board.error().message.en;
  EXPECT_EQ(board->entrants, 1);

  // Before the round opens and after it closes, no attempt starts.
  EXPECT_EQ(error_code(start_attempt(*connection_, member(cuong_, now_ - 2h), contest_, round)),
            "contest.round_not_open");
  EXPECT_EQ(error_code(start_attempt(*connection_, member(cuong_, now_ + 25h), contest_, round)),
            "contest.round_closed");
  // Someone outside the audience (the youth union's) may not enter.
  const Id other = add_person("Hoàng Văn Em", youth_union_);
  EXPECT_EQ(error_code(start_attempt(*connection_, at(member_of(youth_union_, other), now_),
                                     contest_, round)),
            "contest.not_found");
}

TEST_P(ContestAttemptsTest, AnAttemptLeftOpenIsClosedAtItsDeadlineAndCounts) {
  const Id round = add(ResultsShown::at_once, 2, CountedAttempt::last);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started);
  ASSERT_TRUE(save_answers(*connection_, member(binh_, now_ + 1min), started->attempt.id,
                           answers(*started, 4), std::nullopt));
  // The phone slept: the leaderboard closes the attempt at its deadline with what was saved.
  auto board = round_leaderboard(*connection_, at(chair(), now_ + 30min), contest_, round, 50, 0);
  ASSERT_TRUE(board) << board.error().message.en;
  ASSERT_EQ(board->rows.size(), 1u);
  EXPECT_EQ(board->rows[0].entry.score, 4);
  EXPECT_EQ(board->rows[0].entry.taken, 20min);
  // A second attempt is allowed; the last counts, even when worse.
  auto second = start_attempt(*connection_, member(binh_, now_ + 40min), contest_, round);
  ASSERT_TRUE(second) << second.error().message.en;
  EXPECT_NE(second->attempt.id, started->attempt.id);
  EXPECT_EQ(second->attempt.number, 2);
  ASSERT_TRUE(submit_attempt(*connection_, member(binh_, now_ + 42min), second->attempt.id,
                             answers(*second, 1), std::nullopt));
  auto last = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 50, 0);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->rows[0].entry.score, 1);
  EXPECT_EQ(last->perfect, 0);
}

TEST_P(ContestAttemptsTest, TwoSubmissionsAtOnceCountOnce) {
  const Id round = add(ResultsShown::at_once);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started);
  const auto given = answers(*started, 3);
  std::vector<Result<AttemptView>> outcomes(2, std::unexpected(Error{}));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto connection = database_.open();
      outcomes[static_cast<std::size_t>(t)] =
          submit_attempt(*connection, member(binh_, now_ + 2min), started->attempt.id, given,
                         std::optional<std::int64_t>{5});
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& outcome : outcomes) {
    ASSERT_TRUE(outcome) << outcome.error().message.en;
    EXPECT_EQ(outcome->attempt.marking.score, 3);
  }
  auto board = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 50, 0);
  ASSERT_TRUE(board);
  EXPECT_EQ(board->entrants, 1);
  // Two starts at once by another person: one attempt.
  std::vector<Id> ids(2, 0);
  threads.clear();
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto connection = database_.open();
      auto view = start_attempt(*connection, member(cuong_, now_), contest_, round);
      if (view) ids[static_cast<std::size_t>(t)] = view->attempt.id;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_NE(ids[0], 0);
  EXPECT_EQ(ids[0], ids[1]);
}

TEST_P(ContestAttemptsTest, ASubmissionInAGroupCommitCountsAsOneThatCommitsAlone) {
  auto database = Database::open(database_.target(), 2);
  ASSERT_TRUE(database) << database.error().message.en;
  EXPECT_EQ((*database)->groups_commits(), GetParam() == "sqlite");
  const Id round = add(ResultsShown::at_once);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started);
  // A refused submission (no question 99) keeps nothing, and the attempt stays open.
  auto refused =
      submit_attempt(*connection_, member(binh_, now_ + 1min), started->attempt.id,
                     {AnswerAt{98, {}}}, std::optional<std::int64_t>{5}, database->get());
  EXPECT_EQ(error_code(refused), "contest.answer_position");
  auto open = read_attempt(*connection_, member(binh_, now_ + 1min), started->attempt.id);
  ASSERT_TRUE(open);
  EXPECT_FALSE(open->attempt.finished_at);
  auto first =
      submit_attempt(*connection_, member(binh_, now_ + 2min), started->attempt.id,
                     answers(*started, 4), std::optional<std::int64_t>{5}, database->get());
  ASSERT_TRUE(first) << first.error().message.en;
  ASSERT_TRUE(first->attempt.finished_at);
  EXPECT_EQ(first->attempt.marking.score, 4);
  EXPECT_EQ(first->attempt.prediction, 5);
  // A retry through the group commit, with other answers, returns the first as it stands.
  auto retry =
      submit_attempt(*connection_, member(binh_, now_ + 3min), started->attempt.id,
                     answers(*started, 1), std::optional<std::int64_t>{9}, database->get());
  ASSERT_TRUE(retry) << retry.error().message.en;
  EXPECT_EQ(retry->attempt.marking.score, 4);
  EXPECT_EQ(retry->attempt.finished_at, first->attempt.finished_at);
  auto board = round_leaderboard(*connection_, at(chair(), now_ + 1h), contest_, round, 50, 0);
  ASSERT_TRUE(board);
  EXPECT_EQ(board->entrants, 1);
}

TEST_P(ContestAttemptsTest, TheChairSeesWhoHasNotEnteredByDepartmentAndRemindsThemOnceADay) {
  const Id round = add(ResultsShown::at_once);
  auto started = start_attempt(*connection_, member(binh_, now_), contest_, round);
  ASSERT_TRUE(started);
  ASSERT_TRUE(submit_attempt(*connection_, member(binh_, now_ + 1min), started->attempt.id,
                             answers(*started, 2), std::nullopt));
  auto seen = contest_participation(*connection_, chair(), contest_);
  ASSERT_TRUE(seen) << seen.error().message.en;
  EXPECT_EQ(seen->total.people, 4);
  EXPECT_EQ(seen->total.entrants, 1);
  std::int64_t people = 0, entrants = 0;
  for (const ParticipationGroup& unit : seen->total.units) {
    people += unit.people;
    entrants += unit.entrants;
  }
  EXPECT_EQ(people, seen->total.people) << "the departments add up to the total";
  EXPECT_EQ(entrants, seen->total.entrants);
  ASSERT_EQ(seen->total.units.size(), 2u);
  const ParticipationGroup& accounts =
      seen->total.units[0].name == "Phòng Kế toán" ? seen->total.units[0] : seen->total.units[1];
  EXPECT_EQ(accounts.entrants, 1);
  EXPECT_EQ(accounts.rank_by_count, 1);
  EXPECT_EQ(accounts.rank_by_rate, 1);
  ASSERT_EQ(seen->organizations.size(), 1u);
  EXPECT_EQ(seen->organizations[0].people, 4);
  ASSERT_EQ(seen->not_entered.size(), 3u);
  for (const ParticipantRow& row : seen->not_entered) EXPECT_NE(row.person_id, binh_);
  EXPECT_EQ(error_code(contest_participation(*connection_, member(binh_, now_), contest_)),
            "contest.not_found");

  auto reminded = remind_contest(*connection_, chair(), contest_);
  ASSERT_TRUE(reminded) << reminded.error().message.en;
  EXPECT_EQ(*reminded, 3);
  EXPECT_EQ(*remind_contest(*connection_, at(chair(), now_ + 2h), contest_), 0)
      << "not twice within a day";
  EXPECT_EQ(*remind_contest(*connection_, at(chair(), now_ + 21h), contest_), 3);
}

TEST_P(ContestAttemptsTest, TheWinnersGetCertificatesOnceTheRoundHasClosed) {
  const Id round = add(ResultsShown::at_close);
  for (const auto& [person, right] : {std::pair{binh_, 4}, {cuong_, 4}, {dung_, 2}}) {
    auto started = start_attempt(*connection_, member(person, now_), contest_, round);
    ASSERT_TRUE(started);
    ASSERT_TRUE(submit_attempt(*connection_, member(person, now_ + 1min), started->attempt.id,
                               answers(*started, right), std::optional<std::int64_t>{2}));
  }
  EXPECT_EQ(error_code(round_certificates(*connection_, chair(), contest_, round, 3, "vi")),
            "contest.round_not_closed");
  // Bình and Cường tie at the first place: a certificate each when the best 1 are asked for.
  auto file = round_certificates(*connection_, at(chair(), now_ + 25h), contest_, round, 1, "vi");
  ASSERT_TRUE(file) << file.error().message.en;
  EXPECT_EQ(file->certificates, 2);
  EXPECT_TRUE(file->content.starts_with("%PDF-"));
  EXPECT_EQ(file->file_name, fmt::format("giay-chung-nhan-vong-{}.pdf", round));
  EXPECT_EQ(round_certificates(*connection_, at(chair(), now_ + 25h), contest_, round, 3, "en")
                ->certificates,
            3);
  EXPECT_EQ(error_code(round_certificates(*connection_, at(chair(), now_ + 25h), contest_, round, 0,
                                          "vi")),
            "contest.certificates_top");
  EXPECT_EQ(error_code(round_certificates(*connection_, at(member(binh_, now_), now_ + 25h),
                                          contest_, round, 3, "vi")),
            "contest.not_found");
}

INSTANTIATE_TEST_SUITE_P(Engines, ContestAttemptsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
