// Polls over HTTP, on SQLite and PostgreSQL, on the demo agency: the trade union's chair asks which
// sport to train next; the treasurer votes, a retry with the same Idempotency-Key is the same vote
// and a second vote without it is refused; bad input names its field; the results add up.

#include <fmt/format.h>

#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class Polls : public ApiTest {
 protected:
  std::string sports_poll() {
    return fmt::format(R"({{"organization_id":{},"title":"Môn thể thao tập luyện năm 2027",)"
                       R"("closes_at":"2099-12-31T17:00:00+07:00","results_shown":"after_vote",)"
                       R"("questions":[{{"text":"Bạn muốn tập môn nào?","kind":"single",)"
                       R"("options":["Bóng đá","Cầu lông","Bóng bàn"]}},)"
                       R"({{"text":"Góp ý thêm","kind":"text","required":false}}]}})",
                       organization_id("CD"));
  }
};

TEST_P(Polls, TheChairAsksMembersVoteOnceAndRetriesAreTheSameVote) {
  Client& chair = as("chutichcd");
  const Reply created = chair.post("/api/v1/polls", sports_poll());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto poll = created.json();
  EXPECT_EQ(text_of(poll, "phase"), "open");
  EXPECT_TRUE(poll.at("may_run").as_bool());
  const std::string path = fmt::format("/api/v1/polls/{}", poll.at("id").as_int64());

  Client& treasurer = as("thuquy");
  const Reply before = treasurer.get(path);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(before.json().at("may_vote").as_bool());
  const Call ballot{"POST",
                    path + "/vote",
                    R"({"answers":[{"choices":[1]},{"text":"<b>Thêm sân</b>"}]})",
                    "application/json",
                    {treasurer.csrf_header(), "Idempotency-Key: phieu-thuquy-1"}};
  const Reply voted = treasurer.send(ballot);
  ASSERT_EQ(voted.status, 200) << voted.body;
  const auto results = voted.json().at("results");
  EXPECT_EQ(results.at("ballots").as_int64(), 1);
  EXPECT_EQ(results.at("questions").at(0).at("votes").at(1).as_int64(), 1);
  EXPECT_EQ(results.at("questions").at(0).at("percents").at(1).as_int64(), 100);
  EXPECT_EQ(results.at("questions").at(1).at("texts").at(0).as_string(), "<b>Thêm sân</b>")
      << "kept as text; the page shows it as text";
  const Reply retried = treasurer.send(ballot);
  EXPECT_EQ(retried.status, 200) << "the retry gets the first answer";
  EXPECT_EQ(retried.json().at("results").at("ballots").as_int64(), 1);
  const Reply again = treasurer.post(path + "/vote", R"({"answers":[{"choices":[0]},{}]})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "poll.already_voted");

  const Reply wrong = chair.post(path + "/vote", R"({"answers":[{"choices":[0,1]},{}]})");
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_NE(wrong.body.find("answers[0]"), std::string::npos);
  const Reply unknown = chair.post(path + "/vote", R"({"answers":[{"choice":0},{}]})");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_NE(unknown.body.find("answers[0].choice"), std::string::npos) << unknown.body;
  const Reply bad =
      chair.post("/api/v1/polls", R"({"title":"Thiếu","closes_at":"2099-01-01T00:00:00+07:00",)"
                                  R"("questions":[{"text":"?","options":["Một"]}]})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("questions[0].options"), std::string::npos) << bad.body;

  const Reply listed = as("thuquy").get("/api/v1/polls");
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.json().at("items").at(0).at("voted").as_bool());
  EXPECT_EQ(as("doanvien").post("/api/v1/polls", sports_poll()).status, 403);
}

TEST_P(Polls, TheChairPutsTheAnswerIntoNextYearsPlanOnce) {
  Client& chair = as("chutichcd");
  const Reply created = chair.post("/api/v1/polls", sports_poll());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = fmt::format("/api/v1/polls/{}", created.json().at("id").as_int64());
  ASSERT_EQ(as("thuquy").post(path + "/vote", R"({"answers":[{"choices":[1]},{}]})").status, 200);
  const Reply plan =
      chair.post("/api/v1/plans", fmt::format(R"({{"organization_id":{},"year":2031,)"
                                              R"("title":"Kế hoạch hoạt động năm 2031"}})",
                                              organization_id("CD")));
  ASSERT_EQ(plan.status, 201) << plan.body;
  const std::int64_t plan_id = plan.json().at("id").as_int64();
  const Call to_plan{"POST",
                     path + "/to-plan",
                     fmt::format(R"({{"question":0,"option":1,"plan_id":{}}})", plan_id),
                     "application/json",
                     {chair.csrf_header(), "Idempotency-Key: ke-hoach-1"}};
  const Reply added = chair.send(to_plan);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(text_of(added.json(), "title"), "Cầu lông");
  EXPECT_NE(text_of(added.json(), "description").find("Cầu lông 1 phiếu (100 %)"),
            std::string::npos)
      << added.body;
  EXPECT_EQ(chair.send(to_plan).status, 201) << "a retry gets the first answer";
  const Reply read = chair.get(fmt::format("/api/v1/plans/{}", plan_id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("programmes").as_array().size(), 1u) << "one programme, not two";
  const Reply text = chair.post(
      path + "/to-plan", fmt::format(R"({{"question":1,"option":0,"plan_id":{}}})", plan_id));
  EXPECT_EQ(text.status, 422);
  EXPECT_EQ(text.code(), "poll.question_not_a_choice");
  EXPECT_EQ(as("doanvien")
                .post(path + "/to-plan",
                      fmt::format(R"({{"question":0,"option":0,"plan_id":{}}})", plan_id))
                .status,
            403);
}

INSTANTIATE_TEST_SUITE_P(Engines, Polls, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
