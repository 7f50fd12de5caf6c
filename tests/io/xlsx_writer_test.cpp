#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "io/io_test_support.hpp"
#include "io/table_writer.hpp"

namespace dk::io {
namespace {

using testing::cells_of;
using ::testing::ContainsRegex;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::lines_of;
using ::testing::Not;
using testing::read_table;
using testing::read_zip_entry;
using testing::TempDir;
using testing::write_xlsx_rows;
using Cells = std::vector<std::string>;

// A table of text.
void write_xlsx(const std::filesystem::path& path, const std::vector<Cells>& rows) {
  std::vector<std::vector<Cell>> typed;
  for (const Cells& row : rows) typed.push_back(text_cells(row));
  write_xlsx_rows(path, typed);
}

TEST(XlsxWriter, RoundTripsVietnameseText) {
  TempDir dir;
  const auto path = dir / "hội_viên.xlsx";
  const std::vector<Cells> rows = {
      {"Họ và tên", "Ngày sinh", "Địa chỉ", "Ghi chú"},
      {"Nguyễn Thị Ánh Tuyết", "03/02/1990", "Số 12, ngõ 3\nĐống Đa", "<b>&amp;</b>"},
      {"Đặng Quốc Việt", "", "Huế", "  khoảng trắng  "},
      {"Ngô Bảo Châu", "42199000123", "", "ỹ ỷ ự ừ"}};
  write_xlsx(path, rows);
  auto read = read_table(path);
  ASSERT_TRUE(read) << read.error().message.en;
  // Empty cells at the end of a row are not written, so the reader does not see them.
  EXPECT_THAT(cells_of(*read), ElementsAre(rows[0], rows[1], rows[2],
                                           Cells{"Ngô Bảo Châu", "42199000123", "", "ỹ ỷ ự ừ"}));
  EXPECT_THAT(lines_of(*read), ElementsAre(1, 2, 3, 4));
}

TEST(XlsxWriter, WritesFormulasAsPlainText) {
  TempDir dir;
  const auto path = dir / "formula.xlsx";
  write_xlsx(path,
             {{"Tên", "Ghi chú"}, {"=1+1", "=HYPERLINK(\"http://x\",\"y\")"}, {"+84912", "@A1"}});
  auto read = read_table(path);
  ASSERT_TRUE(read) << read.error().message.en;
  // No apostrophe: a string cell is never evaluated, so the text comes back exactly.
  EXPECT_THAT(cells_of(*read),
              ElementsAre(Cells{"Tên", "Ghi chú"}, Cells{"=1+1", "=HYPERLINK(\"http://x\",\"y\")"},
                          Cells{"+84912", "@A1"}));
  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, Not(HasSubstr("<f>")));
  EXPECT_THAT(sheet, Not(HasSubstr("<f ")));
  EXPECT_THAT(sheet, HasSubstr("=1+1"));
}

TEST(XlsxWriter, RoundTripsControlCharactersAndTextThatLooksLikeAnEscape) {
  TempDir dir;
  const auto path = dir / "escapes.xlsx";
  const Cells tricky = {"a\x01b", "_x0041_", "x\r\ny", "tab\there", "_x00_", "__x0041__"};
  write_xlsx(path, {{"h"}, tricky});
  auto read = read_table(path);
  ASSERT_TRUE(read) << read.error().message.en;
  EXPECT_THAT(cells_of(*read), ElementsAre(Cells{"h"}, tricky));
  // Written as Excel writes it, so that Excel shows the same text.
  EXPECT_THAT(read_zip_entry(path, "xl/worksheets/sheet1.xml"), HasSubstr("_x005F_x0041_"));
}

TEST(XlsxWriter, MakesABoldFrozenHeaderAndWidensColumns) {
  TempDir dir;
  const auto path = dir / "header.xlsx";
  write_xlsx(path, {{"Họ và tên", std::string(200, 'x')}, {"An", "b"}});
  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr("ySplit=\"1\""));
  EXPECT_THAT(sheet, HasSubstr("state=\"frozen\""));
  // "Họ và tên" is 9 characters (more bytes): 11 wide. The long header is capped at 50.
  EXPECT_THAT(sheet, HasSubstr("<col min=\"1\" max=\"1\" width=\"11.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"2\" max=\"2\" width=\"50.7109375\""));
  // The header's cells have a style of their own, and that style is bold.
  EXPECT_THAT(sheet, HasSubstr("<c r=\"A1\" s=\"1\""));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"A2\" t=\"inlineStr\""));
  EXPECT_THAT(read_zip_entry(path, "xl/styles.xml"), HasSubstr("<b/>"));
  EXPECT_THAT(read_zip_entry(path, "xl/workbook.xml"), HasSubstr("name=\"Hội viên\""));
}

TEST(XlsxWriter, WritesNumbersMoneyAndDatesAsTypedCells) {
  TempDir dir;
  const auto path = dir / "typed.xlsx";
  write_xlsx_rows(path, {{"STT", "Ngày", "Thu (đồng)", "Số CCCD", "Số điện thoại"},
                         {Cell::integer(1), Cell::date(CivilDate{1991, 2, 2}), Cell::money(8000000),
                          "001090000123", "0912345678"},
                         {Cell::integer(2), Cell::date(CivilDate{2025, 12, 20}),
                          Cell::money(-150000), "", ""}});
  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  // A number is a bare value (no t="…"); money and dates carry the style of their number format.
  EXPECT_THAT(sheet, HasSubstr("<c r=\"A2\"><v>1</v></c>"));
  EXPECT_THAT(sheet, ContainsRegex("<c r=\"B2\" s=\"[0-9]+\"><v>33271</v></c>"));
  EXPECT_THAT(sheet, ContainsRegex("<c r=\"C2\" s=\"[0-9]+\"><v>8000000</v></c>"));
  EXPECT_THAT(sheet, ContainsRegex("<c r=\"C3\" s=\"[0-9]+\"><v>-150000</v></c>"));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"D2\" t=\"inlineStr\"><is><t>001090000123</t>"));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"E2\" t=\"inlineStr\"><is><t>0912345678</t>"));
  const std::string styles = read_zip_entry(path, "xl/styles.xml");
  EXPECT_THAT(styles, HasSubstr("formatCode=\"#,##0\""));
  EXPECT_THAT(styles, HasSubstr("formatCode=\"dd/mm/yyyy\""));
  // The import reads them back as the office types them.
  auto read = read_table(path);
  ASSERT_TRUE(read) << read.error().message.en;
  EXPECT_THAT(cells_of(*read),
              ElementsAre(Cells{"STT", "Ngày", "Thu (đồng)", "Số CCCD", "Số điện thoại"},
                          Cells{"1", "02/02/1991", "8000000", "001090000123", "0912345678"},
                          Cells{"2", "20/12/2025", "-150000"}));
}

TEST(XlsxWriter, WritesAsTextWhatExcelCannotHoldExactly) {
  TempDir dir;
  const auto path = dir / "limits.xlsx";
  // 16 digits would lose the last đồng in Excel; days before March 1900 differ between Excel and
  // LibreOffice. The largest number Excel holds to the unit is still a number.
  write_xlsx_rows(path, {{"a", "b", "c", "d"},
                         {Cell::money(1'234'567'890'123'456), Cell::date(CivilDate{1900, 1, 1}),
                          Cell::integer(999'999'999'999'999), Cell::date(CivilDate{1900, 3, 1})}});
  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr("<c r=\"A2\" t=\"inlineStr\"><is><t>1.234.567.890.123.456</t>"));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"B2\" t=\"inlineStr\"><is><t>01/01/1900</t>"));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"C2\"><v>999999999999999</v></c>"));
  EXPECT_THAT(sheet, ContainsRegex("<c r=\"D2\" s=\"[0-9]+\"><v>61</v></c>"));
}

TEST(XlsxWriter, SizesColumnsToTheirWidestCell) {
  TempDir dir;
  const auto path = dir / "widths.xlsx";
  write_xlsx_rows(path, {{"STT", "Ghi chú", "Địa chỉ", "Thu (đồng)", "Dài"},
                         {Cell::integer(1), std::string(30, 'x'), "Số 12\nĐống Đa, Hà Nội",
                          Cell::money(1'500'000'000'000), std::string(300, 'y')},
                         {Cell::integer(2), "", "", Cell::money(0), ""}});
  const std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  // At least 8 wide; a later row widens its column (30 + 2); a cell with a line break is as wide
  // as its longest line (15 characters); money as wide as it is shown ("1.500.000.000.000", 17);
  // and no column beyond 50.
  EXPECT_THAT(sheet, HasSubstr("<col min=\"1\" max=\"1\" width=\"8.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"2\" max=\"2\" width=\"32.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"3\" max=\"3\" width=\"17.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"4\" max=\"4\" width=\"19.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"5\" max=\"5\" width=\"50.7109375\""));
}

TEST(XlsxWriter, StreamsManyRows) {
  TempDir dir;
  const auto path = dir / "many.xlsx";
  auto writer = make_xlsx_writer(path, "Danh sách");
  ASSERT_TRUE(writer) << writer.error().message.en;
  ASSERT_TRUE((*writer)->write_row({"STT", "Họ và tên"}));
  for (int i = 1; i <= 20000; ++i) {
    ASSERT_TRUE((*writer)->write_row({Cell::integer(i), "Nguyễn Văn " + std::to_string(i)}));
  }
  ASSERT_TRUE((*writer)->finish());
  auto read = read_table(path);
  ASSERT_TRUE(read) << read.error().message.en;
  ASSERT_EQ(read->size(), 20001u);
  EXPECT_EQ(read->back().cells, (Cells{"20000", "Nguyễn Văn 20000"}));
  EXPECT_EQ(read->back().line, 20001u);
}

TEST(XlsxWriter, SaysWhenTheFileCannotBeCreated) {
  TempDir dir;
  const auto not_a_folder = dir / "tệp.txt";
  std::ofstream(not_a_folder) << "x";
  auto writer = make_xlsx_writer(not_a_folder / "out.xlsx", "Sheet");
  ASSERT_FALSE(writer);
  EXPECT_EQ(writer.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(writer.error().code, "export.xlsx_failed");
  EXPECT_THAT(writer.error().message.vi, HasSubstr("out.xlsx"));
  EXPECT_THAT(writer.error().message.en, HasSubstr("out.xlsx"));
}

TEST(XlsxWriter, ReportsLibraryErrorsAtFinish) {
  TempDir dir;
  const auto folder = dir / "gone";
  std::filesystem::create_directory(folder);
  auto writer = make_xlsx_writer(folder / "out.xlsx", "Sheet");
  ASSERT_TRUE(writer) << writer.error().message.en;
  ASSERT_TRUE((*writer)->write_row({"a"}));
  std::filesystem::remove_all(folder);  // the folder disappears during the export
  auto finished = (*writer)->finish();
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(finished.error().code, "export.xlsx_failed");
  EXPECT_THAT(finished.error().message.en, HasSubstr("Error creating output xlsx file"));
}

TEST(XlsxWriter, RefusesAnInvalidSheetName) {
  TempDir dir;
  for (const std::string_view name : {"a/b", "[x]", "Danh sách hội viên chi hội số 1 2025"}) {
    auto writer = make_xlsx_writer(dir / "x.xlsx", name);
    ASSERT_FALSE(writer) << name;
    EXPECT_EQ(writer.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(writer.error().code, "export.sheet_name_invalid");
    EXPECT_THAT(writer.error().message.en, HasSubstr(std::string(name)));
  }
}

TEST(XlsxWriter, RefusesACellTooLongForExcel) {
  TempDir dir;
  auto writer = make_xlsx_writer(dir / "long.xlsx", "Sheet");
  ASSERT_TRUE(writer) << writer.error().message.en;
  ASSERT_TRUE((*writer)->write_row({"a"}));
  auto written = (*writer)->write_row({std::string(40000, 'x')});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, "export.cell_too_long");
  EXPECT_EQ(written.error().where.line, 2u);
}

TEST(XlsxWriter, LeavesNoFileWhenAbandoned) {
  TempDir dir;
  const auto path = dir / "abandoned.xlsx";
  {
    auto writer = make_xlsx_writer(path, "Sheet");
    ASSERT_TRUE(writer) << writer.error().message.en;
    ASSERT_TRUE((*writer)->write_row({"a"}));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxWriter, RefusesWritingAfterFinish) {
  TempDir dir;
  auto writer = make_xlsx_writer(dir / "done.xlsx", "");
  ASSERT_TRUE(writer) << writer.error().message.en;
  ASSERT_TRUE((*writer)->finish());
  EXPECT_FALSE((*writer)->write_row({"a"}));
  EXPECT_FALSE((*writer)->finish());
}

}  // namespace
}  // namespace dk::io
