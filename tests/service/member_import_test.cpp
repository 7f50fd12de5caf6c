// The office's member list imported as the web app and the command line send it, on SQLite and
// PostgreSQL: administrators only (a row may match anyone in the agency); the titles above the
// header and the totals and signatures below the rows set aside and named; every bad row reported
// with its line and column; new and matched people that add up to the rows read; and a second
// import of the same list that finds everyone and creates nobody, since offices send the list
// again every time it changes.
#include "service/member_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "service/member_upload.hpp"
#include "support/service_fixture.hpp"
#include "support/temp_dir.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

// Three people as the office lists them: two with a CCCD, one known by name and birth date.
constexpr std::string_view kHeader = "STT,Họ và tên,Ngày sinh,Số CCCD,Phòng\n";
constexpr std::string_view kRows =
    "1,Nguyễn Văn An,03/02/1990,040090001234,Văn phòng\n"
    "2,Trần Thị Bích,15/07/1985,040185005678,Phòng Kế toán\n"
    "3,Lê Văn Cường,01/01/1992,,Văn phòng\n";

class MemberImportTest : public dk::testing::ServiceTest {
 protected:
  void seed() override { add_unions(); }

  Result<ImportReport> upload(const Actor& actor, std::string content,
                              UploadMode mode = UploadMode::all_or_nothing) {
    MemberUpload request;
    request.content = std::move(content);
    request.file_name = "ds-2026.csv";
    request.organization_id = trade_union_;
    request.mode = mode;
    return import_uploaded_members(*connection_, actor, request);
  }
  // An administrator's upload that must be read (the test fails otherwise).
  ImportReport imported(std::string content, UploadMode mode = UploadMode::all_or_nothing) {
    auto report = upload(administrator(), std::move(content), mode);
    EXPECT_TRUE(report) << report.error().message.en;
    return report.value_or(ImportReport{});
  }

  // Reading the list with personal data is itself audited: assert on the import's entry first.
  std::int64_t people() {
    auto page = list_people(*connection_, administrator(), PeopleRequest{});
    EXPECT_TRUE(page) << page.error().message.en;
    return page ? page->total : -1;
  }
  std::int64_t trade_union_members() {
    PeopleRequest request;
    request.organization_id = trade_union_;
    auto page = list_people(*connection_, administrator(), request);
    EXPECT_TRUE(page) << page.error().message.en;
    return page ? page->total : -1;
  }

  // Every row is a new person or one matched, and every row read is counted or rejected.
  static void expect_rows_add_up(const ImportReport& report, std::int64_t rows_read) {
    EXPECT_EQ(report.counts.people_created + report.counts.people_matched, report.counts.rows);
    EXPECT_EQ(report.counts.rows + report.rows_rejected, rows_read);
  }
};

TEST_P(MemberImportTest, OnlyAnAdministratorImportsAList) {
  const std::string audited = last_audit();
  for (const Actor& actor : {officer_of(trade_union_), member_of(trade_union_)}) {
    EXPECT_EQ(error_code(upload(actor, std::string(kHeader) + std::string(kRows))),
              "access.forbidden");
  }
  EXPECT_EQ(people(), 0) << "a refused list writes nobody";
  EXPECT_EQ(last_audit(), audited) << "a refusal leaves no entry";

  const ImportReport report = imported(std::string(kHeader) + std::string(kRows));
  EXPECT_TRUE(report.written);
  EXPECT_EQ(report.counts.people_created, 3);
  EXPECT_EQ(report.counts.memberships_added, 3);
  EXPECT_EQ(report.units_created, 2);
  expect_rows_add_up(report, 3);
  EXPECT_EQ(last_audit(), "import person 7 192.0.2.1");
  EXPECT_EQ(last_audit_detail(),
            R"({"file":"ds-2026.csv","rows":3,"created":3,"matched":0,"rejected":0})");
  EXPECT_EQ(trade_union_members(), 3);
}

TEST_P(MemberImportTest, TitlesAboveTheHeaderAndClosingLinesAreSkippedAndNamed) {
  const ImportReport report = imported(
      "DANH SÁCH CÔNG ĐOÀN VIÊN NĂM 2026,,,,\n"
      "(Kèm theo Công văn số 12/CĐCS ngày 10/11/2026),,,,\n"
      ",,,,\n" +
      std::string(kHeader) + std::string(kRows) +
      "Tổng cộng: 3 người,,,,\n"
      "\"Hà Tĩnh, ngày 15 tháng 11 năm 2026\",,,,\n"
      "Người lập biểu,,,,\n");
  EXPECT_TRUE(report.written);
  expect_rows_add_up(report, 3);
  EXPECT_TRUE(report.problems.empty()) << report.problems.front().message.en;
  std::vector<std::pair<std::uint64_t, std::string>> skipped;
  for (const SkippedLine& line : report.skipped) skipped.emplace_back(line.line, line.code);
  EXPECT_EQ(skipped, (std::vector<std::pair<std::uint64_t, std::string>>{
                         {1, "import.title_skipped"},
                         {2, "import.title_skipped"},
                         {8, "import.closing_skipped"},
                         {9, "import.closing_skipped"},
                         {10, "import.closing_skipped"},
                     }))
      << "the blank line is neither a title nor a person";
  EXPECT_EQ(people(), 3) << "no total or signature became a person";
}

TEST_P(MemberImportTest, ASecondImportOfTheSameListCreatesNobody) {
  const std::string list = std::string(kHeader) + std::string(kRows);
  ASSERT_TRUE(imported(list).written);
  const ImportReport again = imported(list);
  EXPECT_TRUE(again.written);
  EXPECT_EQ(again.counts.people_created, 0);
  EXPECT_EQ(again.counts.people_matched, 3);
  EXPECT_EQ(again.counts.memberships_added, 0);
  EXPECT_EQ(again.counts.already_members, 3);
  EXPECT_EQ(again.units_created, 0);
  expect_rows_add_up(again, 3);
  EXPECT_EQ(people(), 3);

  // The list as the office sends it next month: one more person, the others found again.
  const ImportReport next = imported(list + "4,Phạm Thị Dung,20/10/1995,040195001111,Văn phòng\n");
  EXPECT_EQ(next.counts.people_created, 1);
  EXPECT_EQ(next.counts.people_matched, 3);
  expect_rows_add_up(next, 4);
  EXPECT_EQ(people(), 4);
  EXPECT_EQ(trade_union_members(), 4);
}

TEST_P(MemberImportTest, ABadRowIsReportedWithItsLineAndColumnAndTheListIsRefused) {
  const std::string list = std::string(kHeader) +
                           "1,Nguyễn Văn An,03/02/1990,040090001234,Văn phòng\n"
                           "2,Trần Thị Bích,31/02/1985,040185005678,Phòng Kế toán\n"
                           "3,,01/01/1992,,Văn phòng\n"
                           "4,Lê Văn Cường,01/01/1992,12345,Văn phòng\n";
  const std::string audited = last_audit();
  const ImportReport refused = imported(list);
  EXPECT_FALSE(refused.written);
  EXPECT_EQ(refused.rows_rejected, 3);
  expect_rows_add_up(refused, 4);
  std::vector<std::string> problems;
  for (const Error& problem : refused.problems) {
    problems.push_back(std::to_string(problem.where.line) + " " + problem.where.field + " " +
                       problem.code);
  }
  EXPECT_EQ(problems, (std::vector<std::string>{"3 Ngày sinh import.date_invalid",
                                                "4 Họ và tên import.name_missing",
                                                "5 Số CCCD import.id_number_invalid"}));
  EXPECT_EQ(people(), 0) << "all or nothing: the good row is not written either";
  EXPECT_EQ(last_audit(), audited);

  // Valid rows only: the good one is written, the bad ones are still reported.
  const ImportReport partial = imported(list, UploadMode::valid_only);
  EXPECT_TRUE(partial.written);
  EXPECT_EQ(partial.counts.people_created, 1);
  EXPECT_EQ(partial.problems.size(), 3u);
  expect_rows_add_up(partial, 4);
  EXPECT_EQ(last_audit_detail(),
            R"({"file":"ds-2026.csv","rows":1,"created":1,"matched":0,"rejected":3})");
  EXPECT_EQ(people(), 1);
}

TEST_P(MemberImportTest, APreviewCountsWhatWouldHappenAndWritesNothing) {
  const std::string audited = last_audit();
  const ImportReport preview =
      imported(std::string(kHeader) + std::string(kRows), UploadMode::preview);
  EXPECT_FALSE(preview.written);
  EXPECT_EQ(preview.counts.people_created, 3);
  EXPECT_EQ(preview.counts.memberships_added, 3);
  expect_rows_add_up(preview, 3);
  EXPECT_EQ(people(), 0);
  EXPECT_EQ(last_audit(), audited);
  EXPECT_EQ(imported(std::string(kHeader) + std::string(kRows)).counts.people_created, 3)
      << "the preview left nothing behind for the import to match";
}

TEST_P(MemberImportTest, TheCommandLineImportsAFileIntoAnOrganizationNamedByCode) {
  const dk::testing::TempDir folder;
  ImportRequest request;
  request.tenant = tenant_;
  request.file = folder / "danh-sach.csv";
  std::ofstream(request.file, std::ios::binary) << kHeader << kRows;
  request.organization_code = "KHONGCO";
  EXPECT_EQ(error_code(import_members(*connection_, request, clock())), "organization.not_found");
  EXPECT_EQ(people(), 0);

  request.organization_code = "DTN";
  auto report = import_members(*connection_, request, clock());
  ASSERT_TRUE(report) << report.error().message.en;
  EXPECT_TRUE(report->written);
  expect_rows_add_up(*report, 3);
  EXPECT_EQ(report->counts.memberships_added, 3);
  EXPECT_EQ(trade_union_members(), 0) << "the organization the code names, not another";
  EXPECT_EQ(people(), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, MemberImportTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
