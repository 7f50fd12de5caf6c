// Contests over HTTP, on SQLite and PostgreSQL, on the demo agency: the trade union's chair creates
// a contest and sends the organizers' bank; a bad file comes back with every bad row by line and
// column and nothing kept; a good one fills the bank; the export is a workbook to download.

#include <fmt/format.h>

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

INSTANTIATE_TEST_SUITE_P(Engines, Contests, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
