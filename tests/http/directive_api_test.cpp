// Directives over HTTP, on SQLite and PostgreSQL, on the demo agency: the youth union's secretary
// posts the provincial Youth Union's plan with a check question; it reaches the youth union's
// members; the secretary, one of them, answers wrong then right; the follow-up's departments add
// up to its total and list everyone; a reminder goes to the rest once; the agency's own notice
// reaches a plain member, who acknowledges it; a retried post posts once; bad input names its
// field; each role sees what it may.

#include <fmt/format.h>

#include <fstream>

#include "http/api_support.hpp"
#include "support/openpyxl_sheet.hpp"
#include "support/temp_dir.hpp"

namespace dk::http::testing {
namespace {

class Directives : public ApiTest {
 protected:
  std::string youth_month() {
    return fmt::format(
        R"({{"organization_id":{},"kind":"plan","issuer_level":"superior","number":"05-KH/TĐTN",)"
        R"("issuer":"Tỉnh đoàn Hà Tĩnh","issued_on":"2026-11-10","deadline":"2026-12-10",)"
        R"("title":"Kế hoạch Tháng Thanh niên năm 2027","summary":"Các hoạt động trọng tâm.",)"
        R"("questions":[{{"text":"Tháng Thanh niên là tháng mấy?","choices":["Tháng 3","Tháng 5"],)"
        R"("answer":0}}]}})",
        organization_id("DTN"));
  }

  static std::int64_t number(const boost::json::value& value, const char* field) {
    return value.at(field).as_int64();
  }
};

TEST_P(Directives, TheSecretaryPostsMembersStudyAndTheFollowUpAddsUp) {
  Client& secretary = as("bithudoan");
  const Reply posted = secretary.post("/api/v1/directives", youth_month());
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto directive = posted.json();
  EXPECT_EQ(text_of(directive, "kind_label"), "Kế hoạch");
  EXPECT_EQ(text_of(directive, "organization_name"), "Chi đoàn Sở Tư pháp");
  const std::int64_t people = number(directive.at("counts"), "people");
  EXPECT_GT(people, 1);
  EXPECT_EQ(number(directive.at("questions").at(0), "answer"), 0) << "the poster sees the answer";
  const std::string path = fmt::format("/api/v1/directives/{}", number(directive, "id"));

  // The secretary is a member too: it is in their own list, unread until they open it.
  const Reply mine = secretary.get("/api/v1/directives?mine=true");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(number(mine.json(), "unread"), 1);
  EXPECT_EQ(number(mine.json(), "to_study"), 1);
  ASSERT_EQ(secretary.post(path + "/read", "").status, 200);
  EXPECT_EQ(number(secretary.get("/api/v1/directives?mine=true").json(), "unread"), 0);

  const Reply wrong = secretary.post(path + "/study", R"({"answers":[1]})");
  ASSERT_EQ(wrong.status, 200) << wrong.body;
  EXPECT_FALSE(wrong.json().at("grade").at("passed").as_bool());
  EXPECT_TRUE(wrong.json().at("study").is_null());
  const Reply bad = secretary.post(path + "/study", R"({"answers":[7]})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(text_of(bad.json(), "field"), "answers[0]");
  const Reply right = secretary.post(path + "/study", R"({"answers":[0]})");
  ASSERT_EQ(right.status, 200) << right.body;
  EXPECT_EQ(text_of(right.json().at("study"), "how"), "answered");
  EXPECT_EQ(text_of(right.json().at("study"), "how_label"), "Trả lời đúng câu hỏi");

  const Reply progress = secretary.get(path + "/progress");
  ASSERT_EQ(progress.status, 200) << progress.body;
  const auto follow_up = progress.json();
  const auto& total = follow_up.at("total");
  EXPECT_EQ(number(total, "people"), people);
  EXPECT_EQ(number(total, "studied"), 1);
  EXPECT_EQ(number(total, "studied_percent"), (100 * 2 + people) / (2 * people));
  std::int64_t unit_people = 0, unit_studied = 0;
  for (const auto& unit : follow_up.at("units").as_array()) {
    unit_people += number(unit.at("counts"), "people");
    unit_studied += number(unit.at("counts"), "studied");
  }
  EXPECT_EQ(unit_people, people);
  EXPECT_EQ(unit_studied, 1);
  EXPECT_EQ(static_cast<std::int64_t>(follow_up.at("people").as_array().size()), people);

  // The report a superior asks for: each department and the total, as the follow-up counts them.
  const Reply report = secretary.get(path + "/export?table=units");
  ASSERT_EQ(report.status, 200) << report.body.substr(0, 300);
  const auto units = follow_up.at("units").as_array();
  EXPECT_EQ(report.headers.at("x-row-count"), std::to_string(units.size() + 1));
  {
    dk::testing::TempDir folder;
    const auto file = folder / "quan-triet.xlsx";
    std::ofstream(file, std::ios::binary) << report.body;
    const auto sheet = dk::testing::read_with_openpyxl(file);
    ASSERT_TRUE(sheet);
    EXPECT_EQ(sheet->at("A1").value, "Phòng, ban");
    EXPECT_EQ(sheet->at("D1").value, "Đã học tập");
    std::int64_t sheet_people = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
      const std::string line = std::to_string(i + 2);
      EXPECT_EQ(sheet->at("B" + line).type, "int");
      EXPECT_EQ(std::stoll(sheet->at("B" + line).value), number(units[i].at("counts"), "people"));
      sheet_people += std::stoll(sheet->at("B" + line).value);
    }
    const std::string sum_line = std::to_string(units.size() + 2);
    EXPECT_EQ(sheet->at("A" + sum_line).value, "Tổng số");
    EXPECT_EQ(std::stoll(sheet->at("B" + sum_line).value), people);
    EXPECT_EQ(sheet_people, people);
    EXPECT_EQ(std::stoll(sheet->at("D" + sum_line).value), 1);
  }
  EXPECT_EQ(secretary.get(path + "/export?table=people").headers.at("x-row-count"),
            std::to_string(people));
  EXPECT_EQ(secretary.get(path + "/export?table=cells").status, 422);
  EXPECT_NE(as("doanvien").get(path + "/export").status, 200) << "a plain member gets no report";

  const Reply reminded = secretary.post(path + "/remind", "");
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(number(reminded.json(), "reminded"), people - 1);
  EXPECT_EQ(number(secretary.post(path + "/remind", "").json(), "reminded"), 0);
  EXPECT_EQ(number(secretary.get(path + "/progress").json().at("total"), "reminded"), people - 1);

  // Neither the trade union's chair nor a plain member follows it up.
  EXPECT_EQ(as("chutichcd").get(path + "/progress").status, 404);
  EXPECT_EQ(as("doanvien").get("/api/v1/directives").status, 403);
}

TEST_P(Directives, TheAgencysNoticeReachesAPlainMemberWhoAcknowledgesIt) {
  Client& leader = as("lanhdao");
  const std::string body =
      R"({"kind":"notice","issuer_level":"party","issuer":"Đảng ủy Sở Tư pháp",)"
      R"("title":"Thông báo học tập Nghị quyết Hội nghị Trung ương"})";
  Call call{"POST",
            "/api/v1/directives",
            body,
            "application/json",
            {leader.csrf_header(), "Idempotency-Key: notice-1"}};
  const Reply posted = leader.send(call);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const Reply retried = leader.send(call);
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(number(retried.json(), "id"), number(posted.json(), "id"));
  EXPECT_EQ(leader.get("/api/v1/directives").json().at("items").as_array().size(), 1u);

  Client& member = as("doanvien");
  const Reply mine = member.get("/api/v1/directives?mine=true");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const boost::json::value listed = mine.json();
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  const boost::json::value& item = listed.at("items").at(0);
  EXPECT_FALSE(item.at("may_follow").as_bool());
  EXPECT_FALSE(item.as_object().contains("counts")) << "a member sees no one else's";
  const std::string path = fmt::format("/api/v1/directives/{}", number(item, "id"));
  const Reply studied = member.post(path + "/study", "");
  ASSERT_EQ(studied.status, 200) << studied.body;
  EXPECT_EQ(text_of(studied.json().at("study"), "how"), "acknowledged");
  EXPECT_EQ(number(leader.get(path).json().at("counts"), "studied"), 1);
  EXPECT_EQ(member.get(path + "/progress").status, 403);
}

TEST_P(Directives, BadInputNamesItsFieldAndOfficersPostForTheirOwnOnly) {
  Client& secretary = as("bithudoan");
  const Reply one_choice = secretary.post(
      "/api/v1/directives",
      fmt::format(R"({{"organization_id":{},"issuer":"Tỉnh đoàn","title":"Kế hoạch",)"
                  R"("questions":[{{"text":"Câu hỏi","choices":["Một"],"answer":0}}]}})",
                  organization_id("DTN")));
  EXPECT_EQ(one_choice.status, 422) << one_choice.body;
  EXPECT_EQ(text_of(one_choice.json(), "field"), "questions[0].choices");
  const Reply unknown = secretary.post(
      "/api/v1/directives",
      fmt::format(R"({{"organization_id":{},"issuer":"Tỉnh đoàn","title":"Kế hoạch",)"
                  R"("questions":[{{"text":"Câu hỏi","choices":["Một","Hai"],"right":0}}]}})",
                  organization_id("DTN")));
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(text_of(unknown.json(), "field"), "questions[0].right");
  const Reply untitled = secretary.post(
      "/api/v1/directives",
      fmt::format(R"({{"organization_id":{},"issuer":"Tỉnh đoàn"}})", organization_id("DTN")));
  EXPECT_EQ(text_of(untitled.json(), "field"), "title");
  const Reply other = secretary.post(
      "/api/v1/directives",
      fmt::format(R"({{"organization_id":{},"issuer":"Công đoàn ngành","title":"Kế hoạch"}})",
                  organization_id("CD")));
  EXPECT_EQ(other.status, 403) << other.body;
  const Reply agency =
      secretary.post("/api/v1/directives", R"({"issuer":"Đảng ủy","title":"Thông báo"})");
  EXPECT_EQ(agency.status, 403) << agency.body;
  EXPECT_EQ(secretary.get("/api/v1/directives/999999").status, 404);
}

TEST_P(Directives, AttachmentsAreCheckedByTheirBytesAndDownloadedAsFiles) {
  Client& secretary = as("bithudoan");
  const Reply posted = secretary.post("/api/v1/directives", youth_month());
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string path = fmt::format("/api/v1/directives/{}", number(posted.json(), "id"));
  const std::string pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";
  const auto upload = [&](const std::string& name, const std::string& bytes) {
    return secretary.send({"POST",
                           path + "/attachments?filename=" + name,
                           bytes,
                           "application/octet-stream",
                           {secretary.csrf_header()}});
  };
  const Reply attached = upload("K%E1%BA%BF%20ho%E1%BA%A1ch.pdf", pdf);  // "Kế hoạch.pdf"
  ASSERT_EQ(attached.status, 201) << attached.body;
  const boost::json::value directive = attached.json();
  const boost::json::value& file = directive.at("attachments").at(0);
  EXPECT_EQ(text_of(file, "file_name"), "Kế hoạch.pdf");
  EXPECT_EQ(text_of(file, "content_type"), "application/pdf");
  EXPECT_EQ(number(file, "size"), static_cast<std::int64_t>(pdf.size()));

  const Reply html = upload("anh.png", "<html><script>alert(1)</script></html>");
  EXPECT_EQ(html.status, 422) << html.body;
  EXPECT_EQ(html.code(), "attachment.type");
  const Reply huge = upload("big.pdf", "%PDF-" + std::string(10 << 20, 'x'));
  EXPECT_EQ(huge.status, 413) << huge.body.substr(0, 200);

  // Downloaded as a file: its type, a name in both encodings, never sniffed into a page.
  const Reply got = secretary.get(path + "/attachments/1");
  ASSERT_EQ(got.status, 200) << got.body.substr(0, 300);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(got.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(got.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(
      got.headers.at("content-disposition"),
      "attachment; filename=\"K_ ho_ch.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf");
  EXPECT_EQ(secretary.get(path + "/attachments/2").status, 404);
  EXPECT_EQ(as("chutichcd").get(path + "/attachments/1").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, Directives, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
