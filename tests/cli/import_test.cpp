// `doanket import members`: the lists offices keep, in every shape they save them, all or nothing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <optional>

#include "cli/cli_support.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// The standard people as Excel keeps them when the office typed them: dates as date cells, the
// CCCD and some phone numbers as numbers (Excel drops their leading 0), the rest as text.
void write_people_xlsx(const std::filesystem::path& path, const Rows& rows) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  ASSERT_NE(workbook, nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Danh sách");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "dd/mm/yyyy");
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r);
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const auto column = static_cast<lxw_col_t>(c);
      const std::string& cell = rows[r][c];
      if (cell.empty()) continue;
      const std::string& header = rows[0][c];
      const bool number = r > 0 && (header == "STT" || header == "Số CCCD" ||
                                    (header == "Số điện thoại" && r % 2 == 1));
      if (r > 0 && header == "Ngày sinh") {
        lxw_datetime date{std::stoi(cell.substr(6, 4)),
                          std::stoi(cell.substr(3, 2)),
                          std::stoi(cell.substr(0, 2)),
                          0,
                          0,
                          0.0};
        worksheet_write_datetime(sheet, row, column, &date, date_format);
      } else if (number) {
        worksheet_write_number(sheet, row, column, std::stod(cell), nullptr);
      } else {
        worksheet_write_string(sheet, row, column, cell.c_str(), nullptr);
      }
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

// Every cell a text cell, as when the office typed over a column formatted as Text.
void write_text_xlsx(const std::filesystem::path& path, const Rows& rows) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  ASSERT_NE(workbook, nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                             rows[r][c].c_str(), nullptr);
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

class ImportTest : public CliTest {
 protected:
  // Writes `rows` as a CSV in the temporary folder and returns its path.
  std::string csv_file(const std::string& name, const Rows& rows, const CsvStyle& style = {}) {
    const auto path = files_ / name;
    write_file(path, csv_bytes(rows, style));
    return path.string();
  }

  std::vector<std::string> unit_names() {
    const CliRun run = ok({"units", "list"});
    std::vector<std::string> units;
    std::istringstream lines(run.out);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // rule
    while (std::getline(lines, line)) units.push_back(line);
    return units;
  }
};

const char* kSummaryAllNew = "Đã nhập: 5 người mới, 0 trùng với người đã có, 0 dòng bị loại.";
const char* kSummaryAllMatched = "Đã nhập: 0 người mới, 5 trùng với người đã có, 0 dòng bị loại.";

TEST_P(ImportTest, EveryFileFormatGivesTheSamePeople) {
  const Rows people = standard_people();
  const std::vector<std::pair<std::string, std::string>> files = {
      {"BOM, CRLF, comma", csv_file("excel.csv", people, CsvStyle{true, "\r\n", ','})},
      {"no BOM, LF, semicolon", csv_file("libreoffice.csv", people, CsvStyle{false, "\n", ';'})},
      {"XLSX", (files_ / "danh-sach.xlsx").string()},
  };
  write_people_xlsx(files_ / "danh-sach.xlsx", people);

  std::optional<std::vector<std::string>> first;
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [what, file] = files[i];
    SCOPED_TRACE(what);
    // A fresh database for each format, so that each import stands on its own.
    std::unique_ptr<dk::testing::TestDatabase> other;
    if (i > 0) other = std::make_unique<dk::testing::TestDatabase>(GetParam());
    const std::string db = i == 0 ? database_->target() : other->target();
    testing::create_empty_agency(db);
    const CliRun imported = run_doanket({"--db", db, "import", "members", file});
    ASSERT_EQ(imported.exit_code, 0) << describe(imported);
    EXPECT_THAT(imported.out, HasSubstr(kSummaryAllNew));
    EXPECT_THAT(imported.out, HasSubstr("Đơn vị mới: 3."));
    EXPECT_THAT(imported.err, IsEmpty()) << "every column was recognised";

    const CliRun listed = run_doanket({"--db", db, "members", "list", "--format", "json"});
    ASSERT_EQ(listed.exit_code, 0) << describe(listed);
    const auto list = parse_members(listed);
    ASSERT_EQ(list.size(), 5u);
    if (!first) {
      first = fingerprints(list);
      // What the office typed, in canonical form: ISO dates, codes, 12-digit CCCD.
      const auto& an = list[0].as_object();
      EXPECT_EQ(field(list[0], "full_name"), "Nguyễn Văn An");
      EXPECT_EQ(field(list[0], "birth_date"), "1990-02-03");
      EXPECT_EQ(field(list[0], "gender"), "male");
      EXPECT_EQ(field(list[0], "unit"), "Phòng Kế toán");
      EXPECT_EQ(field(list[0], "position"), "Chuyên viên");
      EXPECT_EQ(field(list[0], "phone"), "0912345678");
      EXPECT_EQ(field(list[0], "email"), "an.nv@stp.example.vn");
      EXPECT_EQ(field(list[0], "id_number"), "042090001234");
      EXPECT_FALSE(an.contains("membership"));
      std::set<std::string> fields;
      for (const auto& member : list) {
        fields.insert(field(member, "full_name") + "|" + field(member, "birth_date") + "|" +
                      field(member, "id_number") + "|" + field(member, "phone"));
      }
      EXPECT_THAT(fields, ElementsAre("Lê Thị Bích Ngọc|1985-11-15|042185004321|0987654321",
                                      "Nguyễn Văn An|1990-02-03|042090001234|0912345678",
                                      "Phạm Thị Hoa|1999-12-01||0905111222",
                                      "Trần Đức Dũng|1992-02-29|042092007777|",
                                      "Đặng Quốc Việt|1978-07-20|042078000555|0977000111"));
    } else {
      EXPECT_EQ(fingerprints(list), *first);
    }
  }
}

TEST_P(ImportTest, ReimportingMatchesInsteadOfDuplicating) {
  create_empty_agency();
  const Rows people = standard_people();
  const std::string file = csv_file("ds.csv", people, CsvStyle{true, "\r\n", ','});
  const CliRun first = ok({"import", "members", file});
  EXPECT_THAT(first.out, HasSubstr(kSummaryAllNew));
  const auto before = fingerprints(members());
  ASSERT_EQ(before.size(), 5u);

  const CliRun again = ok({"import", "members", file});
  EXPECT_THAT(again.out, HasSubstr(kSummaryAllMatched));
  EXPECT_THAT(again.out, Not(HasSubstr("Đơn vị mới"))) << "the units exist now";
  EXPECT_EQ(fingerprints(members()), before);

  // The same people saved differently: by CCCD, and for the one without a CCCD by her name
  // (whatever its case) and date of birth.
  Rows other = people;
  other[5][1] = "PHẠM THỊ HOA";
  write_people_xlsx(files_ / "ds.xlsx", other);
  const CliRun as_xlsx = ok({"--lang", "en", "import", "members", (files_ / "ds.xlsx").string()});
  EXPECT_THAT(as_xlsx.out,
              HasSubstr("Imported: 0 new, 5 matched to people already there, 0 rejected."));
  EXPECT_EQ(members().size(), 5u);

  // A namesake born on another day is another person; so is one with another CCCD.
  const std::string newcomers = csv_file(
      "moi.csv", {people[0],
                  {"1", "Phạm Thị Hoa", "02/12/1999", "Nữ", "", "", "", "", ""},
                  {"2", "Nguyễn Văn An", "03/02/1990", "Nam", "", "", "", "", "042090009999"},
                  people[1]});
  const CliRun mixed = ok({"import", "members", newcomers});
  EXPECT_THAT(mixed.out,
              HasSubstr("Đã nhập: 2 người mới, 1 trùng với người đã có, 0 dòng bị loại."));
  const auto after = members({"--search", "pham thi hoa"});
  EXPECT_EQ(after.size(), 2u);
  EXPECT_EQ(members().size(), 7u);
}

TEST_P(ImportTest, EnrolsInTheOrganizationNamed) {
  create_empty_agency();
  const std::string file = csv_file("cong-doan.csv", standard_people());
  const CliRun enrolled = ok({"import", "members", file, "--org", "CD"});
  EXPECT_THAT(enrolled.out, HasSubstr(kSummaryAllNew));
  EXPECT_THAT(enrolled.out, HasSubstr("Vào tổ chức CD: 5 thành viên mới, 0 đã là thành viên."));
  const auto union_members = members({"--org", "CD"});
  ASSERT_EQ(union_members.size(), 5u);
  for (const auto& member : union_members) {
    EXPECT_EQ(field(member, "organizations"), "CD");
    ASSERT_TRUE(member.as_object().contains("membership"));
    EXPECT_EQ(member.as_object().at("membership").as_object().at("status").as_string(), "active");
  }
  EXPECT_TRUE(members({"--org", "DTN"}).empty());

  const CliRun again = ok({"--lang", "en", "import", "members", file, "--org", "CD"});
  EXPECT_THAT(again.out, HasSubstr("Organization CD: 0 new members, 5 already members."));
  EXPECT_EQ(members({"--org", "CD"}).size(), 5u);

  // Two of them join the youth union too; they are not duplicated.
  const Rows people = standard_people();
  const std::string youth = csv_file("doan.csv", {people[0], people[3], people[5]});
  const CliRun joined = ok({"import", "members", youth, "--org", "DTN"});
  EXPECT_THAT(joined.out, HasSubstr("Đã nhập: 0 người mới, 2 trùng với người đã có"));
  EXPECT_THAT(joined.out, HasSubstr("Vào tổ chức DTN: 2 thành viên mới, 0 đã là thành viên."));
  const auto youth_members = members({"--org", "DTN"});
  EXPECT_THAT(names_of(youth_members), ElementsAre("Trần Đức Dũng", "Phạm Thị Hoa"));
  for (const auto& member : youth_members) {
    EXPECT_THAT(field(member, "organizations"), AllOf(HasSubstr("CD"), HasSubstr("DTN")));
  }
  EXPECT_EQ(members().size(), 5u);
}

// Good rows around three bad ones, a blank row and a quoted address over two lines, so that the
// reported line numbers are the physical lines a clerk sees in a text editor.
Rows file_with_three_bad_rows() {
  return {
      {"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phòng", "Chức vụ", "Số CCCD", "Địa chỉ"},
      {"1", "Hồ Văn Mới", "05/05/1991", "Nam", "Phòng Mới Lập", "Chuyên viên", "042091000001",
       "Số 1\nNgõ 2"},                                                            // lines 2-3
      {"2", "Võ Thị Sai Ngày", "31/02/1990", "Nữ", "Phòng Mới Lập", "", "", ""},  // line 4
      {"", "", "", "", "", "", "", ""},                                           // line 5
      {"3", "", "01/01/1980", "Nam", "Phòng Mới Lập", "", "", ""},                // line 6
      {"4", "Lê Văn Đúng", "12/12/1982", "Nam", "Phòng Mới Lập", "", "042082000002", ""},
      {"5", "Bùi Thị Cước", "07/08/1993", "Nữ", "Phòng Mới Lập", "", "12345", ""},  // line 8
      {"6", "Đinh Công Tốt", "09/10/1988", "Nam", "Phòng Mới Lập", "", "", ""},
  };
}

TEST_P(ImportTest, OneBadRowAndNothingIsWrittenEveryBadRowIsReported) {
  load_demo();
  const auto before = fingerprints(members());
  ASSERT_EQ(before.size(), 60u);
  const auto units_before = unit_names();
  const std::string file = csv_file("loi.csv", file_with_three_bad_rows());

  const CliRun vietnamese = doanket({"import", "members", file, "--org", "CD"});
  EXPECT_EQ(vietnamese.exit_code, 3) << describe(vietnamese);
  EXPECT_THAT(vietnamese.out, IsEmpty());
  EXPECT_THAT(
      vietnamese.err,
      HasSubstr("loi.csv: dòng 4, cột “Ngày sinh”: “31/02/1990” không phải là ngày có thật"));
  EXPECT_THAT(vietnamese.err,
              HasSubstr("loi.csv: dòng 6, cột “Họ và tên”: Họ và tên đang để trống."));
  EXPECT_THAT(vietnamese.err,
              HasSubstr("loi.csv: dòng 8, cột “Số CCCD”: “12345” không phải số CCCD"));
  EXPECT_THAT(vietnamese.err, HasSubstr("Không nhập gì: 3 dòng có lỗi."));
  EXPECT_THAT(vietnamese.err, HasSubstr("--skip-invalid"));
  EXPECT_THAT(vietnamese.err, Not(HasSubstr("dòng 2")));
  EXPECT_THAT(vietnamese.err, Not(HasSubstr("dòng 5")));

  const CliRun english = doanket({"--lang", "en", "import", "members", file});
  EXPECT_EQ(english.exit_code, 3) << describe(english);
  EXPECT_THAT(english.err,
              HasSubstr("line 4, column “Ngày sinh”: “31/02/1990” is not a real date"));
  EXPECT_THAT(english.err, HasSubstr("line 6, column “Họ và tên”: The full name is empty."));
  EXPECT_THAT(english.err,
              HasSubstr("line 8, column “Số CCCD”: “12345” is not a citizen ID number"));
  EXPECT_THAT(english.err, HasSubstr("Nothing imported: 3 rows have errors."));
  EXPECT_THAT(english.err, Not(HasSubstr("dòng")));

  // The same rows in a workbook: lines are its row numbers (the blank row 4 still counts).
  write_text_xlsx(files_ / "loi.xlsx", file_with_three_bad_rows());
  const CliRun workbook = doanket({"import", "members", (files_ / "loi.xlsx").string()});
  EXPECT_EQ(workbook.exit_code, 3) << describe(workbook);
  EXPECT_THAT(workbook.err, HasSubstr("loi.xlsx: dòng 3, cột “Ngày sinh”: “31/02/1990”"));
  EXPECT_THAT(workbook.err, HasSubstr("loi.xlsx: dòng 5, cột “Họ và tên”"));
  EXPECT_THAT(workbook.err, HasSubstr("loi.xlsx: dòng 7, cột “Số CCCD”"));
  EXPECT_THAT(workbook.err, HasSubstr("Không nhập gì: 3 dòng có lỗi."));

  // Nothing written: not the good rows, not their unit, not a membership.
  EXPECT_EQ(fingerprints(members()), before);
  EXPECT_EQ(unit_names(), units_before);
  EXPECT_TRUE(members({"--search", "ho van moi"}).empty());
}

TEST_P(ImportTest, SkipInvalidWritesTheGoodRowsAndReportsTheRest) {
  load_demo();
  const std::string file = csv_file("loi.csv", file_with_three_bad_rows());
  const CliRun run = doanket({"import", "members", file, "--skip-invalid", "--org", "CD"});
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_THAT(run.out, HasSubstr("Đã nhập: 3 người mới, 0 trùng với người đã có, 3 dòng bị loại."));
  EXPECT_THAT(run.out, HasSubstr("Vào tổ chức CD: 3 thành viên mới"));
  EXPECT_THAT(run.out, HasSubstr("Đơn vị mới: 1."));
  EXPECT_THAT(run.err, HasSubstr("dòng 4, cột “Ngày sinh”"));
  EXPECT_THAT(run.err, HasSubstr("dòng 6, cột “Họ và tên”"));
  EXPECT_THAT(run.err, HasSubstr("dòng 8, cột “Số CCCD”"));

  EXPECT_EQ(members().size(), 63u);
  const auto added = members({"--unit", "Phòng Mới Lập"});
  EXPECT_THAT(names_of(added), ElementsAre("Lê Văn Đúng", "Hồ Văn Mới", "Đinh Công Tốt"));
  EXPECT_EQ(field(added[1], "address"), "Số 1 Ngõ 2") << "a line break inside a cell is a space";
  EXPECT_TRUE(members({"--search", "cuoc"}).empty());
}

TEST_P(ImportTest, DryRunCountsAndWritesNothing) {
  load_demo();
  const auto before = fingerprints(members());
  const auto units_before = unit_names();
  Rows rows = standard_people();
  const std::string file = csv_file("thu.csv", rows);
  const CliRun dry = doanket({"import", "members", file, "--dry-run", "--org", "CD"});
  EXPECT_EQ(dry.exit_code, 0) << describe(dry);
  EXPECT_THAT(dry.out, HasSubstr("Chạy thử, chưa ghi gì: 5 người mới, 0 trùng, 0 dòng bị loại."));
  EXPECT_EQ(fingerprints(members()), before);
  EXPECT_EQ(unit_names(), units_before);

  const CliRun english = doanket({"--lang", "en", "import", "members", file, "--dry-run"});
  EXPECT_EQ(english.exit_code, 0) << describe(english);
  EXPECT_THAT(english.out, HasSubstr("Dry run, nothing written: 5 new, 0 matched, 0 rejected."));

  // A dry run of a bad file reports like the real import, and still writes nothing.
  const std::string bad = csv_file("loi.csv", file_with_three_bad_rows());
  const CliRun dry_bad = doanket({"import", "members", bad, "--dry-run"});
  EXPECT_EQ(dry_bad.exit_code, 3) << describe(dry_bad);
  EXPECT_THAT(dry_bad.err, AllOf(HasSubstr("dòng 4"), HasSubstr("dòng 6"), HasSubstr("dòng 8")));
  const CliRun dry_skip = doanket({"import", "members", bad, "--dry-run", "--skip-invalid"});
  EXPECT_EQ(dry_skip.exit_code, 0) << describe(dry_skip);
  EXPECT_THAT(dry_skip.out,
              HasSubstr("Chạy thử, chưa ghi gì: 3 người mới, 0 trùng, 3 dòng bị loại."));
  EXPECT_EQ(fingerprints(members()), before);
  EXPECT_EQ(unit_names(), units_before);
}

TEST_P(ImportTest, AByteNotUtf8IsNamedByLineAndTheEncodingOptionReadsIt) {
  create_empty_agency();
  const std::string file = test_data("danh-sach-windows-1258.csv").string();
  const CliRun refused = doanket({"import", "members", file});
  EXPECT_EQ(refused.exit_code, 3) << describe(refused);
  EXPECT_THAT(refused.err, HasSubstr("dòng 4"));
  EXPECT_THAT(refused.err, HasSubstr("UTF-8"));
  EXPECT_THAT(refused.err, HasSubstr("--encoding windows-1258"));
  EXPECT_THAT(refused.out, IsEmpty());
  const CliRun english = doanket({"--lang", "en", "import", "members", file});
  EXPECT_EQ(english.exit_code, 3) << describe(english);
  EXPECT_THAT(english.err, AllOf(HasSubstr("line 4"), HasSubstr("not valid UTF-8")));
  EXPECT_TRUE(members().empty()) << "the ASCII rows before line 4 are not written either";

  const CliRun read = doanket({"import", "members", file, "--encoding", "windows-1258"});
  EXPECT_EQ(read.exit_code, 0) << describe(read);
  EXPECT_THAT(read.out, HasSubstr("Đã nhập: 4 người mới"));
  const auto list = members();
  std::set<std::string> people;
  for (const auto& member : list) {
    people.insert(field(member, "full_name") + " / " + field(member, "unit"));
  }
  EXPECT_THAT(people, ElementsAre("Lê Thị Hà / Phòng Kế toán", "Nguyen Van An / Van phong",
                                  "Nguyễn Văn Đạt / Phòng Kế toán", "Tran Thi Binh / Van phong"));
  // Stored in NFC: a search without diacritics finds the decoded names.
  EXPECT_THAT(names_of(members({"--search", "le thi ha"})), ElementsAre("Lê Thị Hà"));
  EXPECT_THAT(names_of(members({"--search", "dat"})), ElementsAre("Nguyễn Văn Đạt"));
}

TEST_P(ImportTest, AUtf16FileGetsAClearError) {
  create_empty_agency();
  const CliRun run = doanket({"import", "members", test_data("danh-sach-utf16.txt").string()});
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_THAT(run.err, HasSubstr("UTF-16"));
  EXPECT_THAT(run.err, HasSubstr("CSV UTF-8"));
  const CliRun english =
      doanket({"--lang", "en", "import", "members", test_data("danh-sach-utf16.txt").string()});
  EXPECT_THAT(english.err, HasSubstr("The file is saved as UTF-16"));
  EXPECT_TRUE(members().empty());
}

TEST_P(ImportTest, AMissingNameColumnIsNamed) {
  create_empty_agency();
  const std::string file =
      csv_file("khong-ten.csv", {{"STT", "Ngày sinh", "Phòng"}, {"1", "01/01/1990", "Văn phòng"}});
  const CliRun run = doanket({"import", "members", file});
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_THAT(run.err, HasSubstr("khong-ten.csv: Lỗi: dòng 1: Thiếu cột “Họ và tên”"));
  const CliRun english = doanket({"--lang", "en", "import", "members", file});
  EXPECT_EQ(english.exit_code, 3) << describe(english);
  EXPECT_THAT(english.err, HasSubstr("no “Họ và tên” (full name) column"));

  // Two columns that mean the same thing are refused too, naming both.
  const std::string twice =
      csv_file("hai-cot.csv", {{"Họ và tên", "Họ tên", "Ngày sinh"}, {"Lê Văn A", "Lê Văn A", ""}});
  const CliRun duplicate = doanket({"import", "members", twice});
  EXPECT_EQ(duplicate.exit_code, 3) << describe(duplicate);
  EXPECT_THAT(duplicate.err, AllOf(HasSubstr("“Họ tên”"), HasSubstr("“Họ và tên”")));
  EXPECT_TRUE(members().empty());
}

TEST_P(ImportTest, UnrecognisedColumnsAreNamedButDoNotStopTheImport) {
  create_empty_agency();
  const std::string file =
      csv_file("them-cot.csv", {{"Họ và tên (*)", "Ngày sinh:", "Quê quán", "Sở thích"},
                                {"Lê Văn A", "01/01/1990", "Hà Tĩnh", "Cờ tướng"}});
  const CliRun run = ok({"import", "members", file});
  EXPECT_THAT(run.out, HasSubstr("1 người mới"));
  EXPECT_THAT(run.err, HasSubstr("Bỏ qua các cột không nhận ra: “Quê quán”, “Sở thích”"));
  EXPECT_EQ(field(members()[0], "birth_date"), "1990-01-01");
}

TEST_P(ImportTest, ATitleAboveAndTotalsAndSignaturesBelowAreNotPeople) {
  // As offices keep the list in Excel: a title and a reference line above the header row, a
  // total, the place and date, and the signatures under the rows.
  create_empty_agency();
  const Rows rows = {{"DANH SÁCH CÔNG ĐOÀN VIÊN CÔNG ĐOÀN SỞ TƯ PHÁP", "", "", ""},
                     {"(Kèm theo Quyết định số 12/QĐ-CĐ ngày 01/11/2026)", "", "", ""},
                     {"", "", "", ""},
                     {"STT", "Họ và tên", "Ngày sinh", "Phòng"},
                     {"1", "Lê Văn An", "01/01/1990", "Văn phòng"},
                     {"2", "Trần Thị Bình", "02/02/1991", "Văn phòng"},
                     {"", "Tổng cộng: 2 người", "", ""},
                     {"", "", "", "Hà Tĩnh, ngày 20 tháng 11 năm 2026"},
                     {"", "Người lập biểu", "", "Thủ trưởng đơn vị"},
                     {"", "(Ký, ghi rõ họ tên)", "", ""}};
  const std::string file = csv_file("co-tieu-de.csv", rows);
  const CliRun run = ok({"import", "members", file});
  EXPECT_THAT(run.out, HasSubstr("Đã nhập: 2 người mới, 0 trùng với người đã có, 0 dòng bị loại."));
  EXPECT_THAT(run.err, AllOf(HasSubstr("co-tieu-de.csv:1: Dòng tiêu đề"),
                             HasSubstr("co-tieu-de.csv:2: Dòng tiêu đề"),
                             HasSubstr("co-tieu-de.csv:7: Dòng tổng cộng hoặc chữ ký"),
                             HasSubstr("co-tieu-de.csv:8: Dòng tổng cộng hoặc chữ ký"),
                             HasSubstr("co-tieu-de.csv:9: Dòng tổng cộng hoặc chữ ký"),
                             HasSubstr("co-tieu-de.csv:10: Dòng tổng cộng hoặc chữ ký")));
  EXPECT_THAT(names_of(members()), ElementsAre("Lê Văn An", "Trần Thị Bình"));
  // A row that starts with its number is a person's, whatever it is called.
  const std::string numbered = csv_file(
      "so-thu-tu.csv", {{"STT", "Họ và tên"}, {"3", "Chu Tịch Văn"}, {"4", "Tổng Thị Cộng"}});
  EXPECT_THAT(ok({"import", "members", numbered}).out, HasSubstr("2 người mới"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
