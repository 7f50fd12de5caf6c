// The registry's files and overview over HTTP, as the web app uses them: a member list uploaded,
// previewed with every bad row and written as the user chooses; lists exported as CSV and XLSX
// with the personal data the caller may see; the dashboard's counts agreeing with the lists.

#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "http/api_support.hpp"
#include "support/temp_dir.hpp"

namespace dk::http::testing {
namespace {

class MemberFiles : public ApiTest {
 protected:
  Reply upload(Client& client, const std::string& query, const std::string& content) {
    return client.send({"POST",
                        "/api/v1/imports/members?" + query,
                        content,
                        "application/octet-stream",
                        {client.csrf_header()}});
  }
  std::int64_t total(Client& client, const std::string& query) {
    return client.get("/api/v1/people?limit=1&" + query).json().at("total").as_int64();
  }
};

const std::string kListWithABadRow =
    "Họ và tên,Ngày sinh,Giới tính,Phòng ban\r\n"
    "Phan Văn Tải,01/02/1990,Nam,Thanh tra Sở\r\n"
    "Võ Thị Sai,31/02/1990,Nữ,Thanh tra Sở\r\n"
    "Hồ Văn Lên,15/06/1988,Nam,Thanh tra Sở\r\n";

TEST_P(MemberFiles, UploadsLeaveAThreadFreeAndAShutdownWaitsForTheOneBeingRead) {
  // Three threads, so two uploads at a time; a test build's upload waits at a gate this test opens.
  const dk::testing::TempDir dir;
  const std::string gate = (dir.path() / "gate").string();
  stop_server();
  start_server({"DOANKET_TEST_UPLOAD_GATE=" + gate}, {"--threads", "3"});
  clients_.clear();  // signed in to the server before, at another port
  Client& admin = as("quantri");
  const std::string into_cd =
      fmt::format("mode=all_or_nothing&organization_id={}", organization_id("CD"));
  const std::string list =
      "Họ và tên,Ngày sinh,Giới tính,Phòng ban\r\nPhan Văn Cổng,01/02/1990,Nam,Thanh tra Sở\r\n";
  std::vector<Reply> held(2);
  std::vector<std::thread> senders;
  for (std::size_t i = 0; i < held.size(); ++i) {
    senders.emplace_back([&, i] {
      Client own(base_url_);
      own.sign_in("quantri", kDemoPassword);
      held[i] = upload(own, i == 0 ? into_cd : "mode=preview", list);
    });
    // The server says when an upload reached the gate: then it holds its slot.
    const std::string waiting = gate + ".waiting";
    for (int tries = 0; tries < 3000 && !std::filesystem::exists(waiting); ++tries)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(std::filesystem::exists(waiting));
    std::filesystem::remove(waiting);
  }

  // Both upload slots taken: a third upload is turned away, and the server still answers.
  const Reply third = upload(admin, "mode=preview", list);
  EXPECT_EQ(third.status, 503) << third.body;
  EXPECT_EQ(third.code(), "server.busy");
  EXPECT_EQ(admin.get("/healthz").status, 200) << "one thread stays free of uploads";
  EXPECT_EQ(admin.get("/api/v1/people?limit=1").status, 200);

  // A SIGTERM now waits for the uploads being read: they are answered, then the server ends.
  ASSERT_EQ(kill(server_, SIGTERM), 0);
  std::ofstream(gate) << "open\n";
  for (std::thread& sender : senders) sender.join();
  EXPECT_EQ(held[0].status, 200) << held[0].body;
  EXPECT_EQ(held[1].status, 200) << held[1].body;
  // It ends by itself, cleanly (a second SIGTERM, as stop_server sends, could race its exit).
  int status = 0;
  ASSERT_EQ(waitpid(server_, &status, 0), server_);
  server_ = -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_P(MemberFiles, APreviewReportsEveryBadRowAndWritesNothingThenTheUserChooses) {
  Client& admin = as("quantri");
  const std::int64_t before = total(admin, "");
  const Reply preview = upload(admin, "mode=preview&filename=danh-sach.csv", kListWithABadRow);
  ASSERT_EQ(preview.status, 200) << preview.body;
  const auto report = preview.json();
  EXPECT_FALSE(report.at("written").as_bool());
  EXPECT_EQ(report.at("counts").at("rows").as_int64(), 2);
  EXPECT_EQ(report.at("counts").at("people_created").as_int64(), 2);
  EXPECT_EQ(report.at("rows_rejected").as_int64(), 1);
  const auto problems = report.at("problems").as_array();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].at("line").as_int64(), 3);
  EXPECT_EQ(text_of(problems[0], "field"), "Ngày sinh");
  EXPECT_EQ(text_of(problems[0], "code"), "import.date_invalid");
  EXPECT_NE(text_of(problems[0], "message_en").find("31/02/1990"), std::string::npos);
  EXPECT_EQ(total(admin, ""), before);

  // All or nothing: one bad row and nothing is written.
  const Reply atomic = upload(admin, "mode=all_or_nothing", kListWithABadRow);
  ASSERT_EQ(atomic.status, 200) << atomic.body;
  EXPECT_FALSE(atomic.json().at("written").as_bool());
  EXPECT_EQ(total(admin, ""), before);

  // The valid rows only, into the trade union; a retry finds them there and adds nobody twice.
  const std::int64_t cd = organization_id("CD");
  const std::string into_cd = fmt::format("mode=valid_only&organization_id={}", cd);
  const Reply written = upload(admin, into_cd, kListWithABadRow);
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_TRUE(written.json().at("written").as_bool());
  EXPECT_EQ(total(admin, ""), before + 2);
  EXPECT_EQ(total(admin, "search=phan%20tai"), 1);
  const Reply again = upload(admin, into_cd, kListWithABadRow);
  EXPECT_EQ(again.json().at("counts").at("people_matched").as_int64(), 2);
  EXPECT_EQ(total(admin, ""), before + 2);

  // The import is on record, once per written upload.
  const auto audit = admin.get("/api/v1/audit?action=import").json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);
  EXPECT_EQ(text_of(audit.at("items").as_array()[0], "login"), "quantri");
}

TEST_P(MemberFiles, AFileThatIsNotAListIsRefusedAndOnlyAdministratorsImport) {
  Client& admin = as("quantri");
  const Reply garbage = upload(admin, "mode=preview", "this is not a member list\n");
  EXPECT_EQ(garbage.status, 422);
  EXPECT_EQ(garbage.code(), "import.missing_name_column");
  const Reply empty = upload(admin, "mode=preview", "");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.code(), "import.empty_file");
  EXPECT_EQ(upload(admin, "mode=later", kListWithABadRow).code(), "query.invalid");
  const Reply officer = upload(as("chutichcd"), "mode=valid_only", kListWithABadRow);
  EXPECT_EQ(officer.status, 403);
  EXPECT_EQ(officer.code(), "access.forbidden");
  // Past 20 MiB the server refuses the body, saying how large it may be.
  const Reply huge = upload(admin, "mode=preview", std::string((20 << 20) + 1, 'a'));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(huge.code(), "body.too_large");
}

TEST_P(MemberFiles, ExportsHoldTheFilteredListWithOnlyThePersonalDataTheCallerMaySee) {
  Client& admin = as("quantri");
  const Reply csv = admin.get("/api/v1/people/export?format=csv&search=duc");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(
      csv.headers.at("content-disposition").find("attachment; filename=\"danh-sach-thanh-vien-"),
      std::string::npos);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBFSTT,Họ và tên,Ngày sinh"));
  const std::int64_t found = total(admin, "search=duc");
  ASSERT_GT(found, 0);
  EXPECT_EQ(std::stoll(csv.headers.at("x-row-count")), found);
  EXPECT_NE(csv.body.find("Đức"), std::string::npos);

  // A member's export has their fellow members, without their dates of birth or numbers.
  Client& member = as("doanvien");
  const Reply theirs = member.get("/api/v1/people/export?format=csv");
  ASSERT_EQ(theirs.status, 200);
  const auto session = member.get("/api/v1/session").json();
  const auto self =
      member.get(fmt::format("/api/v1/people/{}", session.at("person_id").as_int64())).json();
  std::size_t lines = 0, with_birth_date = 0;
  for (std::size_t start = 0, end; (end = theirs.body.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    const std::string line = theirs.body.substr(start, end - start);
    if (++lines == 1) continue;
    // "1,Name,dd/mm/yyyy,…": the third cell is the date of birth.
    const auto second = line.find(',', line.find(',') + 1);
    if (line.compare(second + 1, 1, ",") != 0) ++with_birth_date;
  }
  EXPECT_EQ(lines - 1, static_cast<std::size_t>(total(member, "")));
  EXPECT_LE(with_birth_date, 1u) << "only the member's own date of birth";

  // XLSX: a real workbook, and it goes back in as a list of people already there.
  const Reply xlsx = admin.get("/api/v1/people/export?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  const Reply round_trip = upload(admin, "mode=preview&filename=export.xlsx", xlsx.body);
  ASSERT_EQ(round_trip.status, 200) << round_trip.body;
  EXPECT_EQ(round_trip.json().at("counts").at("people_created").as_int64(), 0);
  EXPECT_EQ(round_trip.json().at("rows_rejected").as_int64(), 0);
  EXPECT_EQ(round_trip.json().at("counts").at("people_matched").as_int64(), total(admin, ""));

  // The administrator's exports carried personal data: on record; the member's own data is not.
  const auto audit = admin.get("/api/v1/audit?action=export_personal").json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);
  EXPECT_EQ(admin.get("/api/v1/people/export?format=pdf").code(), "query.invalid");
}

TEST_P(MemberFiles, TheDashboardAgreesWithTheLists) {
  Client& leadership = as("lanhdao");
  const Reply reply = leadership.get("/api/v1/dashboard");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto dashboard = reply.json();
  std::int64_t unit_people = 0;
  for (const auto& unit : dashboard.at("units").as_array())
    unit_people += unit.at("members").as_int64();
  EXPECT_EQ(unit_people, dashboard.at("people").as_int64());
  std::int64_t memberships = 0;
  for (const auto& organization : dashboard.at("organizations").as_array()) {
    const std::int64_t id = organization.at("id").as_int64();
    EXPECT_EQ(organization.at("members").as_int64(),
              total(leadership, fmt::format("organization_id={}", id)))
        << text_of(organization, "code");
    std::int64_t by_unit = 0;
    for (const auto& count : dashboard.at("organization_units").as_array()) {
      if (count.at("organization_id").as_int64() == id) by_unit += count.at("members").as_int64();
    }
    EXPECT_EQ(by_unit, organization.at("members").as_int64());
    memberships += organization.at("members").as_int64();
  }
  std::int64_t by_kind = 0;
  for (const auto& kind : dashboard.at("kinds").as_array())
    by_kind += kind.at("members").as_int64();
  EXPECT_EQ(by_kind, memberships);
  // Memberships beyond one per person are the people in several organizations, at least once.
  const auto several = dashboard.at("in_several");
  EXPECT_GE(memberships - dashboard.at("people").as_int64(), several.at("count").as_int64());
  ASSERT_GT(several.at("count").as_int64(), 0);
  for (const auto& person : several.at("people").as_array())
    EXPECT_GE(person.at("organizations").as_array().size(), 2u) << text_of(person, "full_name");
  EXPECT_EQ(as("doanvien").get("/api/v1/dashboard").status, 403);

  // The lists carry the same counts, so that a tree or a table needs no request per row.
  const auto organizations = leadership.get("/api/v1/organizations").json();
  for (const auto& listed : organizations.at("items").as_array()) {
    std::int64_t expected = 0;
    for (const auto& counted : dashboard.at("organizations").as_array()) {
      if (counted.at("id") == listed.at("id")) expected = counted.at("members").as_int64();
    }
    EXPECT_EQ(listed.at("member_count").as_int64(), expected) << text_of(listed, "code");
  }
  const auto units = leadership.get("/api/v1/units").json();
  for (const auto& listed : units.at("items").as_array()) {
    for (const auto& counted : dashboard.at("units").as_array()) {
      if (counted.at("id") == listed.at("id")) {
        EXPECT_EQ(listed.at("people"), counted.at("members")) << text_of(listed, "name");
      }
    }
  }
  // An organization's committee names its people.
  const auto committee =
      leadership.get(fmt::format("/api/v1/organizations/{}", organization_id("CD")))
          .json()
          .at("committee")
          .as_array();
  ASSERT_FALSE(committee.empty());
  for (const auto& seat : committee) EXPECT_FALSE(text_of(seat, "full_name").empty());
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, MemberFiles, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace dk::http::testing
