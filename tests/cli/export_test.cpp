// `members list --format csv|xlsx|json`: what leaves the registry, and cells that a spreadsheet
// would run as formulas (=, +, -, @) kept as text everywhere.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "support/openpyxl_sheet.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const char* kDde = "=cmd|' /C calc'!A0";

class ExportTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (IsSkipped()) return;
    create_empty_agency();
    const Rows rows = {
        {"STT", "Họ và tên", "Ngày sinh", "Phòng", "Chức vụ", "Số điện thoại", "Ghi chú", "Địa chỉ",
         "Số CCCD"},
        {"1", "Nguyễn Văn Một", "01/01/1990", kDde, "=1+1", "", "", "", "001090000123"},
        {"2", "Lê Thị Hai", "02/02/1991", "Văn phòng", "@SUM(A1)", "+84 912 345 679", "-5",
         "-5 Lê Lợi", ""},
        {"3", "Trần Văn Ba", "03/03/1992", "Văn phòng", "Chuyên viên", "0912000111", "", "", ""},
    };
    write_file(files_ / "cong-thuc.csv", csv_bytes(rows, CsvStyle{true, "\r\n", ','}));
    const CliRun imported =
        ok({"import", "members", (files_ / "cong-thuc.csv").string(), "--org", "CD"});
    ASSERT_THAT(imported.out, HasSubstr("3 người mới"));
  }

  // The people listed in `rows` (after the header) by their name in column 1.
  static const std::vector<std::string>& row_of(const Rows& rows, const std::string& name) {
    for (const auto& row : rows) {
      if (row.size() > 1 && row[1] == name) return row;
    }
    static const std::vector<std::string> none;
    ADD_FAILURE() << name << " is not in the export";
    return none;
  }
};

TEST_P(ExportTest, FormulaTextIsStoredAsTyped) {
  const auto list = members();
  ASSERT_EQ(list.size(), 3u);
  std::map<std::string, boost::json::value> by_name;
  for (const auto& member : list) by_name[field(member, "full_name")] = member;
  EXPECT_EQ(field(by_name["Nguyễn Văn Một"], "position"), "=1+1");
  EXPECT_EQ(field(by_name["Nguyễn Văn Một"], "unit"), kDde);
  EXPECT_EQ(field(by_name["Lê Thị Hai"], "position"), "@SUM(A1)");
  EXPECT_EQ(field(by_name["Lê Thị Hai"], "phone"), "0912345679") << "+84 is a phone, not a formula";
  EXPECT_EQ(field(by_name["Lê Thị Hai"], "address"), "-5 Lê Lợi");
  // The table shows them as typed too.
  const CliRun table = ok({"members", "list"});
  EXPECT_THAT(table.out, AllOf(HasSubstr("=1+1"), HasSubstr("@SUM(A1)")));
}

TEST_P(ExportTest, CsvIsExcelReadyAndNeutralisesFormulas) {
  const CliRun run = ok({"members", "list", "--format", "csv"});
  EXPECT_THAT(run.out, StartsWith("\xEF\xBB\xBF")) << "Excel needs the BOM to read UTF-8";
  EXPECT_THAT(run.out, StartsWith("\xEF\xBB\xBFSTT,Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ"));
  size_t line_feeds = 0;
  for (size_t i = 0; i < run.out.size(); ++i) {
    if (run.out[i] != '\n') continue;
    ++line_feeds;
    EXPECT_TRUE(i > 0 && run.out[i - 1] == '\r') << "a bare LF at byte " << i;
  }
  EXPECT_EQ(line_feeds, 4u);
  EXPECT_THAT(run.out, HasSubstr("\r\n"));

  const Rows rows = read_csv_text(run.out);
  ASSERT_EQ(rows.size(), 4u);
  const auto& one = row_of(rows, "Nguyễn Văn Một");
  EXPECT_THAT(one, Contains("'=1+1"));
  EXPECT_THAT(one, Contains(std::string("'") + kDde));
  const auto& two = row_of(rows, "Lê Thị Hai");
  EXPECT_THAT(two, Contains("'@SUM(A1)"));
  EXPECT_THAT(two, Contains("0912345679"));
  EXPECT_THAT(row_of(rows, "Trần Văn Ba"), Contains("Chuyên viên"));
  for (const auto& row : rows) {
    for (const auto& cell : row) {
      EXPECT_TRUE(cell.empty() || std::string_view("=+-@").find(cell[0]) == std::string::npos)
          << "a cell a spreadsheet would run: " << cell;
    }
  }

  // -o writes the same bytes to a file, and prints nothing.
  const auto path = files_ / "xuat.csv";
  const CliRun to_file = ok({"members", "list", "--format", "csv", "-o", path.string()});
  EXPECT_THAT(to_file.out, IsEmpty());
  EXPECT_EQ(read_file(path), run.out);
}

TEST_P(ExportTest, XlsxHoldsFormulaTextAsStringsNeverFormulas) {
  const auto path = files_ / "cong-doan.xlsx";
  const CliRun run =
      ok({"members", "list", "--org", "CD", "--format", "xlsx", "-o", path.string()});
  EXPECT_THAT(run.out, IsEmpty());
  const Rows rows = read_table_file(path);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0], ElementsAre("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị",
                                   "Chức vụ", "Số điện thoại", "Email", "Số CCCD", "Tổ chức",
                                   "Ngày vào", "Số thẻ", "Trạng thái"));
  // A string cell is never evaluated, so the text comes back exactly, without an apostrophe.
  EXPECT_THAT(row_of(rows, "Nguyễn Văn Một"), AllOf(Contains("=1+1"), Contains(kDde)));
  EXPECT_THAT(row_of(rows, "Lê Thị Hai"), Contains("@SUM(A1)"));
  EXPECT_EQ(row_of(rows, "Lê Thị Hai")[2], "02/02/1991");

  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  ASSERT_THAT(sheet, HasSubstr("<sheetData"));
  EXPECT_THAT(sheet, Not(HasSubstr("<f>")));
  EXPECT_THAT(sheet, Not(HasSubstr("<f ")));
  EXPECT_THAT(sheet, Not(HasSubstr("<f/>")));

  // Without -o the workbook goes to standard output.
  const CliRun to_stdout = ok({"members", "list", "--format", "xlsx"});
  ASSERT_THAT(to_stdout.out, StartsWith(std::string("PK\x03\x04", 4)));
  write_file(files_ / "stdout.xlsx", to_stdout.out);
  const Rows piped = read_table_file(files_ / "stdout.xlsx");
  ASSERT_EQ(piped.size(), 4u);
  EXPECT_THAT(row_of(piped, "Nguyễn Văn Một"), Contains("=1+1"));
}

// Read by openpyxl, as a spreadsheet program reads it: the ordinal and the dates are values to sort
// and count by, the ID and phone numbers text that keeps its leading zero.
TEST_P(ExportTest, XlsxCellsHaveTheirKinds) {
  const auto path = files_ / "kieu-o.xlsx";
  ok({"members", "list", "--org", "CD", "--format", "xlsx", "-o", path.string()});
  const auto sheet = dk::testing::read_with_openpyxl(path);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->freeze_panes, "A2");
  EXPECT_TRUE(sheet->at("A1").bold);
  EXPECT_EQ(sheet->at("K1").value, "Ngày vào");
  std::map<std::string, std::string> row_by_name;  // full name → row number
  for (int row = 2; row <= 4; ++row) {
    const std::string line = std::to_string(row);
    row_by_name[sheet->at("B" + line).value] = line;
    EXPECT_EQ(sheet->at("A" + line).type, "int");
    EXPECT_EQ(sheet->at("A" + line).value, std::to_string(row - 1));
    EXPECT_EQ(sheet->at("C" + line).type, "datetime");
    EXPECT_EQ(sheet->at("C" + line).number_format, "dd/mm/yyyy");
    // The day they joined, when the import gave one, is a date too.
    const auto joined = sheet->at("K" + line);
    EXPECT_TRUE(joined.type.empty() || joined.type == "datetime") << joined.type;
  }
  ASSERT_EQ(row_by_name.size(), 3u);
  const std::string one = row_by_name["Nguyễn Văn Một"];
  const std::string two = row_by_name["Lê Thị Hai"];
  EXPECT_EQ(sheet->at("C" + one).value, "1990-01-01");
  EXPECT_EQ(sheet->at("C" + two).value, "1991-02-02");
  EXPECT_EQ(sheet->at("I" + one).type, "str");
  EXPECT_EQ(sheet->at("I" + one).value, "001090000123");
  EXPECT_EQ(sheet->at("G" + two).type, "str");
  EXPECT_EQ(sheet->at("G" + two).value, "0912345679");
  EXPECT_EQ(sheet->at("F" + one).type, "str");
  EXPECT_EQ(sheet->at("F" + one).value, "=1+1") << "formula text stays text";
}

TEST_P(ExportTest, EnglishHeadersAndMembershipColumns) {
  const CliRun run = ok({"--lang", "en", "members", "list", "--org", "CD", "--format", "csv"});
  const Rows rows = read_csv_text(run.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0], ElementsAre("No.", "Full name", "Date of birth", "Gender", "Unit",
                                   "Position", "Phone", "Email", "ID number", "Organizations",
                                   "Joined on", "Card number", "Status"));
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][0], std::to_string(i));
    EXPECT_EQ(rows[i][9], "CD");
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
