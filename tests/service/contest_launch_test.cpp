// A contest launched from above, on SQLite and PostgreSQL: the provincial labour federation (its
// own agency) makes "Tìm hiểu Bộ luật Lao động" with a round and sends it down as a file; the
// agency's trade union imports it as its own contest — the same bank, the same rounds, said to
// come from the province — and its members enter it. The same file again is the same contest; a
// file changed on the way, or cut short, is refused and nothing of it is kept. The results go back
// up as a file the province imports: its leaderboard and participation then count the agency's.
#include "service/contest_launch.hpp"

#include <gtest/gtest.h>

#include "service/contest_attempts.hpp"
#include "service/contest_results.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using namespace std::chrono_literals;

const std::string kBank =
    "STT,Nội dung câu hỏi,Đáp án A,Đáp án B,Đáp án C,Đáp án D,Đáp án đúng,Chủ đề,Mức độ\n"
    "1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1\n"
    "2,Thử việc tối đa với người quản lý doanh nghiệp?,30 ngày,60 ngày,180 ngày,,C,Hợp đồng,2\n"
    "3,Bộ luật Lao động 2019 có bao nhiêu điều?,,,,,220,Hợp đồng,3\n"
    "4,Người lao động được nghỉ Tết Âm lịch 5 ngày.,,,,,Đúng,Nghỉ,1\n";

class ContestLaunchTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Văn An", trade_union_);
    binh_ = add_person("Trần Thị Bình", trade_union_);
    auto province = create_agency(
        *connection_, Agency{0, "LDLD-HT", "Liên đoàn Lao động tỉnh Hà Tĩnh", "Hà Tĩnh"}, clock());
    ASSERT_TRUE(province) << province.error().message.en;
    province_ = province->id;

    Contest contest;
    contest.title = "Tìm hiểu Bộ luật Lao động năm 2019";
    contest.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
    contest.audience = default_audience(std::nullopt);
    auto created = create_contest(*connection_, province_admin(), contest);
    ASSERT_TRUE(created) << created.error().message.en;
    contest_ = created->contest.id;
    auto bank = import_question_bank(*connection_, province_admin(), contest_,
                                     BankImport{kBank, "bank.csv", BankImportMode::append});
    ASSERT_TRUE(bank && bank->written);
    ContestRound round;
    round.title = "Vòng 1";
    round.opens_at = now_ - 1h;
    round.closes_at = now_ + 14 * 24h;
    round.time_limit = 20min;
    round.attempts_allowed = 2;
    round.counted = CountedAttempt::last;
    round.results_shown = ResultsShown::at_close;
    round.quotas = {{"Hợp đồng", 2}, {"Nghỉ", 1}};
    ASSERT_TRUE(add_round(*connection_, province_admin(), contest_, round));
  }
  Actor province_admin() const {
    Actor actor = administrator();
    actor.principal.tenant = province_;
    return actor;
  }
  Actor chair() const { return officer_of(trade_union_, chair_); }

  std::string file() {
    auto file = export_contest_file(*connection_, province_admin(), contest_);
    EXPECT_TRUE(file) << file.error().message.en;
    return file ? file->content : "";
  }

  std::int64_t contests_here() {
    auto contests = list_contests(*connection_, administrator());
    EXPECT_TRUE(contests);
    return contests ? static_cast<std::int64_t>(contests->size()) : -1;
  }

  Id province_ = 0, chair_ = 0, binh_ = 0, contest_ = 0;
};

TEST_P(ContestLaunchTest, TheAgencysTradeUnionImportsTheProvincesContestAndItsMembersEnter) {
  const std::string content = file();
  EXPECT_NE(content.find("\"sha256\""), std::string::npos);

  auto imported = import_contest_file(*connection_, chair(), {content, trade_union_});
  ASSERT_TRUE(imported) << imported.error().message.en << " " << imported.error().where.field;
  EXPECT_FALSE(imported->already);
  const ContestView& copy = imported->view;
  EXPECT_NE(copy.contest.tenant_id, province_);
  EXPECT_EQ(copy.contest.organization_id, trade_union_);
  EXPECT_EQ(copy.contest.title, "Tìm hiểu Bộ luật Lao động năm 2019");
  EXPECT_EQ(copy.contest.launched_by, "Liên đoàn Lao động tỉnh Hà Tĩnh");
  EXPECT_EQ(copy.questions, 4);
  EXPECT_EQ(copy.topics.at("Hợp đồng"), 3);
  ASSERT_EQ(copy.rounds.size(), 1u);
  EXPECT_EQ(copy.rounds[0].title, "Vòng 1");
  EXPECT_EQ(copy.rounds[0].opens_at, now_ - 1h);
  EXPECT_EQ(copy.rounds[0].closes_at, now_ + 14 * 24h);
  EXPECT_EQ(copy.rounds[0].attempts_allowed, 2);
  EXPECT_EQ(copy.rounds[0].counted, CountedAttempt::last);
  EXPECT_EQ(copy.rounds[0].results_shown, ResultsShown::at_close);
  EXPECT_EQ(question_count(copy.rounds[0]), 3);
  EXPECT_EQ(newest_audit().action, "import_file");

  auto original = read_contest(*connection_, province_admin(), contest_);
  ASSERT_TRUE(original);
  EXPECT_EQ(copy.topics, original->topics);

  // A member of the trade union enters the agency's copy.
  auto attempt = start_attempt(*connection_, member_of(trade_union_, binh_), copy.contest.id,
                               copy.rounds[0].id);
  ASSERT_TRUE(attempt) << attempt.error().message.en;
  EXPECT_EQ(attempt->questions.size(), 3u);

  // The same file again (a second click, a colleague) is the same contest, unchanged.
  const auto before = contests_here();
  auto again = import_contest_file(*connection_, chair(), {content, trade_union_});
  ASSERT_TRUE(again) << again.error().message.en;
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->view.contest.id, copy.contest.id);
  EXPECT_EQ(contests_here(), before);

  // The province's key stays the same however often it sends the contest down.
  EXPECT_EQ(file(), content);
}

TEST_P(ContestLaunchTest, AFileChangedOnTheWayOrCutShortIsRefusedAndNothingIsKept) {
  const std::string content = file();
  const auto before = contests_here();

  // Someone "corrects" an answer by hand: the checksum no longer matches.
  std::string changed = content;
  const auto answer = changed.find("\"numeric_answer\":\"220\"");
  ASSERT_NE(answer, std::string::npos);
  changed.replace(answer, 22, "\"numeric_answer\":\"221\"");
  auto refused = import_contest_file(*connection_, chair(), {changed, trade_union_});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "contest.file_checksum");
  EXPECT_EQ(refused.error().where.field, "sha256");

  auto cut = import_contest_file(*connection_, chair(),
                                 {content.substr(0, content.size() / 2), trade_union_});
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, "contest.file_json");
  EXPECT_EQ(cut.error().where.line, 1u);

  auto not_a_contest =
      import_contest_file(*connection_, chair(), {R"({"format":"x"})", trade_union_});
  ASSERT_FALSE(not_a_contest);
  EXPECT_EQ(not_a_contest.error().code, "contest.file_format");
  EXPECT_EQ(contests_here(), before) << "nothing of a refused file is kept";

  // Only an organization's officers bring a contest in for it.
  auto member =
      import_contest_file(*connection_, member_of(trade_union_, binh_), {content, trade_union_});
  ASSERT_FALSE(member);
  EXPECT_EQ(member.error().kind, ErrorKind::forbidden);
  auto other = import_contest_file(*connection_, chair(), {content, youth_union_});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(contests_here(), before);
}

TEST_P(ContestLaunchTest, AContestWithAnEmptyBankIsNotSentDown) {
  Contest empty;
  empty.title = "Chưa có câu hỏi";
  empty.audience = default_audience(std::nullopt);
  auto created = create_contest(*connection_, province_admin(), empty);
  ASSERT_TRUE(created);
  auto file = export_contest_file(*connection_, province_admin(), created->contest.id);
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, "contest.bank_empty");
  EXPECT_EQ(export_contest_file(*connection_, chair(), contest_).error().kind, ErrorKind::not_found)
      << "another agency's contest is not there";
}

TEST_P(ContestLaunchTest, TheResultsGoBackUpAndJoinTheProvincesLeaderboardAndParticipation) {
  auto imported = import_contest_file(*connection_, chair(), {file(), trade_union_});
  ASSERT_TRUE(imported) << imported.error().message.en;
  const ContestView copy = imported->view;
  const Id copy_round = copy.rounds.at(0).id;
  auto attempt =
      start_attempt(*connection_, member_of(trade_union_, binh_), copy.contest.id, copy_round);
  ASSERT_TRUE(attempt) << attempt.error().message.en;
  ASSERT_TRUE(submit_attempt(*connection_, member_of(trade_union_, binh_), attempt->attempt.id, {},
                             std::optional<std::int64_t>{3}));

  // The province's own contest has no one to send results to.
  EXPECT_EQ(export_contest_results(*connection_, province_admin(), contest_).error().code,
            "contest.not_launched");
  auto results = export_contest_results(*connection_, chair(), copy.contest.id);
  ASSERT_TRUE(results) << results.error().message.en;

  auto report = import_contest_results(*connection_, province_admin(), contest_, results->content);
  ASSERT_TRUE(report) << report.error().message.en << " " << report.error().where.field;
  EXPECT_EQ(report->entries, 1);
  EXPECT_EQ(report->rounds, 1);
  EXPECT_FALSE(report->replaced);
  EXPECT_NE(report->sent_by.find("Công đoàn cơ sở"), std::string::npos);

  auto original = read_contest(*connection_, province_admin(), contest_);
  ASSERT_TRUE(original);
  const Id round = original->rounds.at(0).id;
  auto board = round_leaderboard(*connection_, province_admin(), contest_, round, 50, 0);
  ASSERT_TRUE(board) << board.error().message.en;
  EXPECT_EQ(board->entrants, 1);
  ASSERT_EQ(board->rows.size(), 1u);
  EXPECT_EQ(board->rows[0].full_name, "Trần Thị Bình");
  EXPECT_LT(board->rows[0].entry.person_id, 0) << "a person of another agency, known by name";
  EXPECT_NE(board->rows[0].organization.find("Công đoàn cơ sở"), std::string::npos);
  EXPECT_EQ(board->rows[0].entry.prediction, 3);
  EXPECT_EQ(board->rows[0].rank, 1);

  auto participation = contest_participation(*connection_, province_admin(), contest_);
  ASSERT_TRUE(participation) << participation.error().message.en;
  ASSERT_EQ(participation->below.size(), 1u);
  EXPECT_EQ(participation->below[0].name, report->sent_by) << "one row per sender";
  EXPECT_EQ(participation->below[0].people, 2);
  EXPECT_EQ(participation->below[0].entrants, 1);
  EXPECT_EQ(participation->people_with_below,
            participation->total.people + participation->below[0].people)
      << "the province's figures add up its own and those below";
  EXPECT_EQ(participation->entrants_with_below,
            participation->total.entrants + participation->below[0].entrants);

  // A newer file from the agency takes the place of the older: nobody counts twice.
  auto again = import_contest_results(*connection_, province_admin(), contest_, results->content);
  ASSERT_TRUE(again) << again.error().message.en;
  EXPECT_TRUE(again->replaced);
  auto board_again = round_leaderboard(*connection_, province_admin(), contest_, round, 50, 0);
  ASSERT_TRUE(board_again);
  EXPECT_EQ(board_again->entrants, 1);

  // Results answer the contest they came from, and no other.
  auto into_copy = import_contest_results(*connection_, chair(), copy.contest.id, results->content);
  ASSERT_FALSE(into_copy);
  EXPECT_EQ(into_copy.error().code, "contest.results_other_contest");
  Contest other;
  other.title = "Tìm hiểu Luật Công đoàn";
  other.audience = default_audience(std::nullopt);
  auto created = create_contest(*connection_, province_admin(), other);
  ASSERT_TRUE(created);
  EXPECT_EQ(
      import_contest_results(*connection_, province_admin(), created->contest.id, results->content)
          .error()
          .code,
      "contest.results_other_contest");
}

// One installation, two agencies: the agency's trade union names the province's federation as its
// superior; the federation launches its contest without a file and gathers the results.
TEST_P(ContestLaunchTest,
       WithinOneInstallationTheContestGoesDownAndTheResultsComeBackWithoutFiles) {
  auto federation = create_organization(
      *connection_, province_admin(),
      Organization{0, "LDLD", "Liên đoàn Lao động tỉnh", OrganizationKind::trade_union, {}, false});
  ASSERT_TRUE(federation) << federation.error().message.en;
  sql("UPDATE organizations SET superior_tenant_id = $2, superior_id = $3 WHERE tenant_id = $1 "
      "AND id = $4",
      {province_, federation->id, trade_union_});
  Actor officer = province_admin();
  officer.principal.administrator = false;
  officer.principal.account_id = 11;
  officer.principal.officer_of = {federation->id};
  Contest contest;
  contest.organization_id = federation->id;
  contest.title = "Tìm hiểu Luật Công đoàn năm 2024";
  contest.audience = default_audience(federation->id);
  auto created = create_contest(*connection_, officer, contest);
  ASSERT_TRUE(created) << created.error().message.en;
  const Id id = created->contest.id;
  EXPECT_EQ(launch_below(*connection_, officer, id).error().code, "contest.bank_empty");
  ASSERT_TRUE(import_question_bank(*connection_, officer, id,
                                   BankImport{kBank, "bank.csv", BankImportMode::append}));
  ContestRound round;
  round.title = "Vòng 1";
  round.opens_at = now_ - 1h;
  round.closes_at = now_ + 7 * 24h;
  round.quotas = {{"Hợp đồng", 1}};
  ASSERT_TRUE(add_round(*connection_, officer, id, round));

  auto launched = launch_below(*connection_, officer, id);
  ASSERT_TRUE(launched) << launched.error().message.en;
  ASSERT_EQ(launched->size(), 1u);
  const LaunchedCopy copy = launched->at(0);
  EXPECT_EQ(copy.agency_id, tenant_);
  EXPECT_EQ(copy.agency_name, "Sở Tư pháp Hà Tĩnh");
  EXPECT_EQ(copy.organization_id, trade_union_);
  EXPECT_FALSE(copy.already);
  auto again = launch_below(*connection_, officer, id);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->size(), 1u);
  EXPECT_TRUE(again->at(0).already);
  EXPECT_EQ(again->at(0).contest_id, copy.contest_id);
  EXPECT_EQ(newest_audit().action, "import_file") << "in the agency's own log";
  EXPECT_EQ(newest_audit().account_id, std::nullopt) << "the system's, not a foreign account";

  // The agency's chair runs the copy as their own; a member enters it.
  auto mine = read_contest(*connection_, chair(), copy.contest_id);
  ASSERT_TRUE(mine) << mine.error().message.en;
  EXPECT_TRUE(mine->may_run);
  EXPECT_EQ(mine->contest.launched_by, "Liên đoàn Lao động tỉnh — Liên đoàn Lao động tỉnh Hà Tĩnh");
  auto attempt = start_attempt(*connection_, member_of(trade_union_, binh_), copy.contest_id,
                               mine->rounds.at(0).id);
  ASSERT_TRUE(attempt) << attempt.error().message.en;
  ASSERT_TRUE(submit_attempt(*connection_, member_of(trade_union_, binh_), attempt->attempt.id, {},
                             std::nullopt));

  auto gathered = gather_results_below(*connection_, officer, id);
  ASSERT_TRUE(gathered) << gathered.error().message.en;
  EXPECT_EQ(gathered->copies, 1);
  EXPECT_EQ(gathered->entries, 1);
  auto original = read_contest(*connection_, officer, id);
  ASSERT_TRUE(original);
  auto board = round_leaderboard(*connection_, officer, id, original->rounds.at(0).id, 50, 0);
  ASSERT_TRUE(board) << board.error().message.en;
  EXPECT_EQ(board->entrants, 1);
  ASSERT_EQ(board->rows.size(), 1u);
  EXPECT_EQ(board->rows[0].full_name, "Trần Thị Bình");
  auto twice = gather_results_below(*connection_, officer, id);
  ASSERT_TRUE(twice);
  auto board_again = round_leaderboard(*connection_, officer, id, original->rounds.at(0).id, 50, 0);
  ASSERT_TRUE(board_again);
  EXPECT_EQ(board_again->entrants, 1) << "gathered again, nobody counts twice";

  // The agency's chair cannot launch into the province, nor the agency's own contest below.
  EXPECT_EQ(launch_below(*connection_, chair(), id).error().kind, ErrorKind::not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, ContestLaunchTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
