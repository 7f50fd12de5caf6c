// Contests over HTTP, on SQLite and PostgreSQL, on the demo agency: the trade union's chair creates
// a contest and sends the organizers' bank; a bad file comes back with every bad row by line and
// column and nothing kept; a good one fills the bank; the export is a workbook to download.

#include <fmt/format.h>

#include <thread>

#include "core/instant_text.hpp"
#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

const std::string kHeader = "Câu hỏi,A,B,C,D,Đáp án,Chủ đề\n";

class Contests : public ApiTest {};

TEST_P(Contests, TheChairImportsTheBankAndEveryBadRowIsNamed) {
  Client& chair = as("chutichcd");
  const Reply created =
      chair.post("/api/v1/contests",
                 fmt::format(R"({{"organization_id":{},"title":"Tìm hiểu Bộ luật Lao động",)"
                             R"("prediction_question":"Bao nhiêu người đúng hết?"}})",
                             organization_id("CD")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = fmt::format("/api/v1/contests/{}", created.json().at("id").as_int64());
  const auto upload = [&](const std::string& mode, const std::string& body) {
    return chair.send({"POST",
                       path + "/bank?mode=" + mode + "&filename=ngan-hang.csv",
                       body,
                       "text/csv",
                       {chair.csrf_header()}});
  };

  const Reply bad = upload("replace", kHeader +
                                          "Hợp đồng có mấy loại?,1,2,3,,B,Hợp đồng\n"
                                          "Câu sai?,1,2,3,,E,Hợp đồng\n");
  ASSERT_EQ(bad.status, 200) << bad.body;
  EXPECT_FALSE(bad.json().at("written").as_bool());
  const auto report = bad.json();
  const auto& problems = report.at("problems").as_array();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].at("line").as_int64(), 3);
  EXPECT_EQ(text_of(problems[0], "field"), "Đáp án");
  EXPECT_EQ(text_of(problems[0], "code"), "contest.correct_invalid");
  EXPECT_EQ(chair.get(path).json().at("questions").as_int64(), 0);

  const Reply good = upload("append", kHeader +
                                          "Hợp đồng có mấy loại?,1,2,3,,B,Hợp đồng\n"
                                          "Được nghỉ Tết 5 ngày.,,,,,Đúng,Nghỉ\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_TRUE(good.json().at("written").as_bool());
  const Reply contest = chair.get(path);
  EXPECT_EQ(contest.json().at("questions").as_int64(), 2);
  EXPECT_EQ(contest.json().at("topics").at("Nghỉ").as_int64(), 1);

  const Reply workbook = chair.get(path + "/bank");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");
  EXPECT_NE(workbook.headers.at("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(upload("maybe", kHeader).status, 422);

  // The bank holds the answers: a member sees the contest (to enter it), never the bank.
  Client& member = as("doanvien");
  const Reply seen = member.get(path);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.json().at("may_run").as_bool());
  EXPECT_EQ(member.get(path + "/bank").status, 404);
  EXPECT_EQ(
      member
          .post("/api/v1/contests",
                fmt::format(R"({{"organization_id":{},"title":"Của tôi"}})", organization_id("CD")))
          .status,
      403);
}

// A member enters a round over HTTP: the attempt's JSON holds no right answer until results are
// shown; a reload gets the same questions; two submissions at once are one; the chair ranks and
// follows participation.
TEST_P(Contests, AMemberEntersARoundAndTwoSubmissionsAtOnceAreOne) {
  Client& chair = as("chutichcd");
  const Reply created =
      chair.post("/api/v1/contests",
                 fmt::format(R"({{"organization_id":{},"title":"Tìm hiểu Bộ luật Lao động"}})",
                             organization_id("CD")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = fmt::format("/api/v1/contests/{}", created.json().at("id").as_int64());
  const Reply bank = chair.send({"POST",
                                 path + "/bank?mode=append",
                                 kHeader + "Hợp đồng có mấy loại?,1,2,3,4,B,Hợp đồng\n"
                                           "Thử việc tối đa?,30 ngày,60 ngày,180 ngày,,C,Hợp đồng\n"
                                           "Nghỉ Tết 5 ngày.,,,,,Đúng,Nghỉ\n"
                                           "Bộ luật có bao nhiêu điều?,,,,,220,Nghỉ\n",
                                 "text/csv",
                                 {chair.csrf_header()}});
  ASSERT_TRUE(bank.json().at("written").as_bool()) << bank.body;
  const std::string opens = format_instant(dk::testing::test_now() - std::chrono::hours(1));
  const std::string closes = format_instant(dk::testing::test_now() + std::chrono::hours(48));
  EXPECT_EQ(chair
                .post(path + "/rounds",
                      fmt::format(R"({{"title":"Vòng 1","opens_at":"{}","closes_at":"{}",)"
                                  R"("quotas":{{"Hợp đồng":5}}}})",
                                  opens, closes))
                .code(),
            "contest.quota_exceeds_bank");
  const Reply round = chair.post(
      path + "/rounds",
      fmt::format(R"({{"title":"Vòng 1","opens_at":"{}","closes_at":"{}","time_limit_minutes":20,)"
                  R"("results_shown":"at_once","quotas":{{"Hợp đồng":2,"Nghỉ":1}}}})",
                  opens, closes));
  ASSERT_EQ(round.status, 201) << round.body;
  const auto rounds = round.json().at("rounds").as_array();
  ASSERT_EQ(rounds.size(), 1u);
  const std::int64_t round_id = rounds[0].at("id").as_int64();
  EXPECT_EQ(text_of(rounds[0], "phase"), "open");
  EXPECT_EQ(rounds[0].at("questions").as_int64(), 3);

  Client& member = as("doanvien");
  const std::string start = fmt::format("{}/rounds/{}/attempts", path, round_id);
  const Reply started = member.post(start, "");
  ASSERT_EQ(started.status, 200) << started.body;
  for (const char* secret : {"right_choices", "right_number", "\"correct\"", "\"score\""})
    EXPECT_EQ(started.body.find(secret), std::string::npos) << secret << " reached the browser";
  const auto attempt = started.json();
  const std::string attempt_path =
      fmt::format("/api/v1/contest-attempts/{}", attempt.at("id").as_int64());
  // The timer counts from the server's clock: at most the 20 minutes, already running.
  EXPECT_LE(attempt.at("seconds_left").as_int64(), 20 * 60);
  EXPECT_GT(attempt.at("seconds_left").as_int64(), 0);
  EXPECT_EQ(member.get(attempt_path).json().at("questions"), attempt.at("questions"))
      << "a reload shows the same questions";
  EXPECT_EQ(member.post(start, "").json().at("id"), attempt.at("id")) << "resumed, not new";
  EXPECT_EQ(as("chutichcd").get(attempt_path).status, 404) << "their own attempt only";

  const Reply bad =
      member.put(attempt_path + "/answers", R"({"answers":[{"position":7,"choices":[0]}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(text_of(bad.json(), "field"), "answers[0].position");
  EXPECT_EQ(member.put(attempt_path + "/answers", R"({"answers":[{"position":0}],"x":1})").status,
            422);
  // The draw decides what the first question is: a number takes a number, the rest an option.
  const bool numeric = text_of(attempt.at("questions").as_array()[0], "kind") == "numeric";
  const Reply saved =
      member.put(attempt_path + "/answers",
                 numeric ? R"({"answers":[{"position":0,"number":"220"}],"prediction":1})"
                         : R"({"answers":[{"position":0,"choices":[0]}],"prediction":1})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto answer = saved.json().at("questions").as_array()[0].at("answer");
  if (numeric)
    EXPECT_EQ(text_of(answer, "number"), "220");
  else
    EXPECT_EQ(answer.at("choices").as_array().size(), 1u);

  // Two tabs submit at once: both get the same marks, and the round counts one entrant.
  Client second(member);
  Reply first_reply, second_reply;
  std::thread other([&] { second_reply = second.post(attempt_path + "/submit", "{}"); });
  first_reply = member.post(attempt_path + "/submit", "{}");
  other.join();
  ASSERT_EQ(first_reply.status, 200) << first_reply.body;
  ASSERT_EQ(second_reply.status, 200) << second_reply.body;
  EXPECT_EQ(first_reply.json().at("score"), second_reply.json().at("score"));
  EXPECT_TRUE(first_reply.json().at("results_shown").as_bool());
  EXPECT_NE(first_reply.body.find("right_choices"), std::string::npos) << "shown once submitted";
  EXPECT_EQ(
      member.put(attempt_path + "/answers", R"({"answers":[{"position":1,"choices":[0]}]})").code(),
      "contest.attempt_finished");
  EXPECT_EQ(member.post(start, "").code(), "contest.attempts_used");

  const Reply board = chair.get(fmt::format("{}/rounds/{}/leaderboard", path, round_id));
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json().at("entrants").as_int64(), 1);
  ASSERT_EQ(board.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(board.json().at("items").as_array()[0].at("rank").as_int64(), 1);
  const Reply participation = chair.get(path + "/participation");
  ASSERT_EQ(participation.status, 200) << participation.body;
  EXPECT_EQ(participation.json().at("entrants").as_int64(), 1);
  const auto figures = participation.json();
  std::int64_t people = 0;
  for (const auto& unit : figures.at("units").as_array()) people += unit.at("people").as_int64();
  EXPECT_EQ(people, figures.at("people").as_int64()) << "the departments add up to the total";
  EXPECT_EQ(member.get(path + "/participation").status, 404);
  const Reply reminded = chair.post(path + "/remind", "");
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(reminded.json().at("reminded").as_int64(),
            participation.json().at("people").as_int64() - 1);
  const auto standing = member.get(path).json().at("standings").as_array();
  ASSERT_EQ(standing.size(), 1u);
  EXPECT_EQ(standing[0].at("rank").as_int64(), 1);
}

// The contest travels down as a file: downloaded by those who run it, imported by an
// organization's officers as their own copy (the same file again is that copy), and refused whole
// when it was changed on the way.
TEST_P(Contests, AContestFileGoesDownAndIsImportedOnce) {
  Client& chair = as("chutichcd");
  const Reply created =
      chair.post("/api/v1/contests",
                 fmt::format(R"({{"organization_id":{},"title":"Tìm hiểu Luật Thanh niên"}})",
                             organization_id("CD")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = fmt::format("/api/v1/contests/{}", created.json().at("id").as_int64());
  EXPECT_EQ(chair.get(path + "/file").code(), "contest.bank_empty");
  const Reply bank = chair.send({"POST",
                                 path + "/bank?mode=append",
                                 kHeader + "Luật Thanh niên có hiệu lực năm nào?,,,,,2021,Luật\n",
                                 "text/csv",
                                 {chair.csrf_header()}});
  ASSERT_TRUE(bank.json().at("written").as_bool()) << bank.body;
  const Reply file = chair.get(path + "/file");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.headers.at("content-disposition").find(".doanket-contest.json"),
            std::string::npos);
  EXPECT_EQ(as("doanvien").get(path + "/file").status, 404) << "the file holds the answers";

  Client& secretary = as("bithudoan");
  const auto upload = [&](Client& client, const std::string& body) {
    return client.send(
        {"POST",
         fmt::format("/api/v1/contest-files?organization_id={}", organization_id("DTN")),
         body,
         "application/json",
         {client.csrf_header()}});
  };
  std::string changed = file.body;
  changed.replace(changed.find("\"2021\""), 6, "\"2020\"");
  const Reply refused = upload(secretary, changed);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.code(), "contest.file_checksum");
  EXPECT_EQ(text_of(refused.json(), "field"), "sha256");
  EXPECT_EQ(upload(as("doanvien"), file.body).status, 403);

  const Reply imported = upload(secretary, file.body);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_FALSE(imported.json().at("already").as_bool());
  EXPECT_EQ(imported.json().at("questions").as_int64(), 1);
  EXPECT_EQ(imported.json().at("organization_id").as_int64(), organization_id("DTN"));
  EXPECT_NE(text_of(imported.json(), "launched_by").find("Công đoàn"), std::string::npos);
  const Reply again = upload(secretary, file.body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json().at("already").as_bool());
  EXPECT_EQ(again.json().at("id"), imported.json().at("id"));

  // The copy's results go back up to the contest that sent it, and show in its participation.
  const std::string copy = fmt::format("/api/v1/contests/{}", imported.json().at("id").as_int64());
  const Reply results = secretary.get(copy + "/results-file");
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_EQ(chair.get(path + "/results-file").code(), "contest.not_launched");
  const Reply reported = chair.send(
      {"POST", path + "/results-file", results.body, "application/json", {chair.csrf_header()}});
  ASSERT_EQ(reported.status, 200) << reported.body;
  EXPECT_EQ(reported.json().at("entries").as_int64(), 0);
  EXPECT_FALSE(reported.json().at("replaced").as_bool());
  const auto participation = chair.get(path + "/participation").json();
  const auto below = participation.at("below").as_array();
  ASSERT_FALSE(below.empty());
  std::int64_t people = participation.at("people").as_int64();
  for (const auto& group : below) people += group.at("people").as_int64();
  EXPECT_EQ(people, participation.at("people_with_below").as_int64());
  // One agency alone in its installation: nobody below elsewhere to launch to or gather from.
  const Reply launched = chair.post(path + "/launch", "");
  ASSERT_EQ(launched.status, 200) << launched.body;
  EXPECT_TRUE(launched.json().at("items").as_array().empty());
  EXPECT_EQ(chair.post(path + "/gather", "").json().at("copies").as_int64(), 0);
  EXPECT_EQ(as("doanvien").post(path + "/launch", "").status, 404);
  const Reply wrong = secretary.send({"POST",
                                      copy + "/results-file",
                                      results.body,
                                      "application/json",
                                      {secretary.csrf_header()}});
  EXPECT_EQ(wrong.code(), "contest.results_other_contest");
}

INSTANTIATE_TEST_SUITE_P(Engines, Contests, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
