#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>

#include "io/io_test_support.hpp"
#include "io/table_reader.hpp"

namespace dk::io {
namespace {

using testing::cells_of;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::lines_of;
using testing::read_table;
using testing::TempDir;
using testing::write_zip;
using Cells = std::vector<std::string>;

constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// A workbook with one sheet, its cells given as the XML inside <sheetData>.
std::map<std::string, std::string> one_sheet(std::string_view sheet_data,
                                             std::string_view workbook_properties = "") {
  return {
      {"xl/workbook.xml",
       fmt::format("<workbook xmlns=\"{}\" xmlns:r=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships\">{}<sheets><sheet name=\"S\" sheetId=\"1\" "
                   "r:id=\"rId1\"/></sheets></workbook>",
                   kMain, workbook_properties)},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml",
       fmt::format("<worksheet xmlns=\"{}\"><sheetData>{}</sheetData></worksheet>", kMain,
                   sheet_data)},
  };
}

// What libxlsxwriter (in its default mode, with shared strings) writes, as Excel would.
void write_typed_workbook(const std::filesystem::path& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Hội viên");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* builtin_date = workbook_add_format(workbook);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* time = workbook_add_format(workbook);
  format_set_num_format(time, "hh:mm");
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0");

  worksheet_write_string(sheet, 0, 0, "Họ và tên", nullptr);
  worksheet_write_string(sheet, 0, 1, "Ngày sinh", nullptr);
  worksheet_write_string(sheet, 0, 2, "Số CCCD", nullptr);
  worksheet_write_string(sheet, 0, 3, "Đoàn phí", nullptr);

  lxw_datetime birthday = {1990, 2, 3, 0, 0, 0};
  worksheet_write_string(sheet, 1, 0, "Nguyễn Văn An", nullptr);
  worksheet_write_datetime(sheet, 1, 1, &birthday, date);
  worksheet_write_number(sheet, 1, 2, 42199000123.0, nullptr);
  worksheet_write_number(sheet, 1, 3, 2800000, money);

  // A sparse row: B, C and the gap before E are empty.
  worksheet_write_string(sheet, 2, 0, "Trần Thị Bích", nullptr);
  worksheet_write_number(sheet, 2, 3, 12.5, nullptr);
  worksheet_write_boolean(sheet, 2, 5, 1, nullptr);

  // Row 4 (index 3) is left empty; around Excel's false 29/02/1900.
  lxw_datetime before_gap = {1900, 2, 28, 0, 0, 0};
  lxw_datetime after_gap = {1900, 3, 1, 0, 0, 0};
  worksheet_write_string(sheet, 4, 0, "Ngày cũ", nullptr);
  worksheet_write_datetime(sheet, 4, 1, &before_gap, builtin_date);
  worksheet_write_datetime(sheet, 4, 2, &after_gap, builtin_date);
  worksheet_write_number(sheet, 4, 3, 0.1, nullptr);

  lxw_datetime half_past_nine = {0, 0, 0, 9, 30, 0};
  worksheet_write_string(sheet, 5, 0, "Nguyễn Văn An", nullptr);  // the same shared string
  worksheet_write_datetime(sheet, 5, 1, &half_past_nine, time);
  worksheet_write_number(sheet, 5, 2, -7, nullptr);
  worksheet_write_formula_num(sheet, 5, 3, "=1+1", nullptr, 2);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

TEST(XlsxReader, ReadsTypedCellsAsTheUserSeesThem) {
  TempDir dir;
  const auto path = dir / "hội_viên.xlsx";
  write_typed_workbook(path);
  ASSERT_THAT(testing::read_zip_entry(path, "xl/sharedStrings.xml"), HasSubstr("Nguyễn Văn An"));
  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"Họ và tên", "Ngày sinh", "Số CCCD", "Đoàn phí"},
                          Cells{"Nguyễn Văn An", "03/02/1990", "42199000123", "2800000"},
                          Cells{"Trần Thị Bích", "", "", "12.5", "", "TRUE"},
                          Cells{"Ngày cũ", "28/02/1900", "01/03/1900", "0.1"},
                          Cells{"Nguyễn Văn An", "09:30", "-7", "2"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 3, 5, 6));
}

// An office's workbook: instructions, then a summary, then the list under its title.
void write_office_workbook(const std::filesystem::path& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* guide = workbook_add_worksheet(workbook, "Hướng dẫn");
  worksheet_write_string(guide, 0, 0, "Điền mỗi người một dòng ở trang “Danh sách”.", nullptr);
  lxw_worksheet* summary = workbook_add_worksheet(workbook, "Tổng hợp");
  worksheet_write_string(summary, 0, 0, "Phòng", nullptr);
  worksheet_write_string(summary, 0, 1, "Số người", nullptr);
  worksheet_write_string(summary, 1, 0, "Văn phòng", nullptr);
  worksheet_write_number(summary, 1, 1, 2, nullptr);
  lxw_worksheet* list = workbook_add_worksheet(workbook, "Danh sách");
  worksheet_write_string(list, 0, 0, "DANH SÁCH CÔNG ĐOÀN VIÊN", nullptr);
  worksheet_write_string(list, 2, 0, "STT", nullptr);
  worksheet_write_string(list, 2, 1, "Họ và tên", nullptr);
  worksheet_write_number(list, 3, 0, 1, nullptr);
  worksheet_write_string(list, 3, 1, "Nguyễn Văn An", nullptr);
  worksheet_write_number(list, 4, 0, 2, nullptr);
  worksheet_write_string(list, 4, 1, "Lê Thị Bình", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

TEST(XlsxReader, ReadsOnlyTheSheetThatHoldsTheList) {
  TempDir dir;
  const auto path = dir / "danh_sach.xlsx";
  write_office_workbook(path);
  ReadOptions options;
  options.is_header = [](const Cells& cells) {
    return std::ranges::find(cells, "Họ và tên") != cells.end();
  };
  auto reader = open_table(path, options);
  ASSERT_TRUE(reader) << reader.error().message.en;
  EXPECT_EQ((*reader)->sheet_name(), "Danh sách");
  auto rows = testing::read_all(**reader);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"DANH SÁCH CÔNG ĐOÀN VIÊN"}, Cells{"STT", "Họ và tên"},
                          Cells{"1", "Nguyễn Văn An"}, Cells{"2", "Lê Thị Bình"}))
      << "the list's sheet alone, from its first row";
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 3, 4, 5));

  // Without a way to tell the header, or when no sheet has one, the first sheet is read.
  auto first = open_table(path);
  ASSERT_TRUE(first);
  EXPECT_EQ((*first)->sheet_name(), "Hướng dẫn");
  options.is_header = [](const Cells&) { return false; };
  auto none = open_table(path, options);
  ASSERT_TRUE(none);
  EXPECT_EQ((*none)->sheet_name(), "Hướng dẫn");
}

TEST(XlsxReader, ReadsWhatToolsOtherThanExcelWrite) {
  // Parts written by hand (tests/data/io/handmade_xlsx, see its README) and zipped here.
  TempDir dir;
  std::map<std::string, std::string> parts;
  const auto root = testing::test_data("handmade_xlsx");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    parts[std::filesystem::relative(entry.path(), root).generic_string()] =
        std::string(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_TRUE(parts.contains("xl/worksheets/members.xml"));
  const auto path = dir / "handmade.xlsx";
  write_zip(path, parts);

  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(
      cells_of(*rows),
      ElementsAre(Cells{"Họ và tên", "Ngày sinh", "Số tiền", "Ghi chú"},
                  Cells{"Nguyễn Văn An", "01/01/1990", "2800000", "Dòng 1\r\nDòng 2 và _x0041_"},
                  Cells{"Trần Thị Bích", "12/12/1984", "Trần Thị Bích!", "#N/A"},
                  Cells{"TRUE", "", "", "03/02/1990"},
                  Cells{"", "0.1", "42199000123", "", "09:30"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 3, 6, 7));
}

TEST(XlsxReader, ReadsThe1904DateSystem) {
  TempDir dir;
  const auto path = dir / "mac.xlsx";
  auto parts = one_sheet(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>31412</v></c><c r=\"B1\" s=\"1\"><v>0</v></c></row>",
      "<workbookPr date1904=\"1\"/>");
  parts["xl/styles.xml"] = fmt::format(
      "<styleSheet xmlns=\"{}\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
      "</styleSheet>",
      kMain);
  write_zip(path, parts);
  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"01/01/1990", "01/01/1904"}));
}

TEST(XlsxReader, FallsBackOnTheUsualSheetName) {
  TempDir dir;
  const auto path = dir / "bare.xlsx";
  write_zip(path, {{"xl/worksheets/sheet1.xml",
                    fmt::format("<worksheet xmlns=\"{}\"><sheetData><row><c t=\"inlineStr\"><is>"
                                "<t>Đức</t></is></c></row></sheetData></worksheet>",
                                kMain)}});
  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"Đức"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1));
}

void expect_invalid_xlsx(const Result<std::vector<TableRow>>& rows) {
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(rows.error().code, "import.xlsx_invalid");
  EXPECT_THAT(rows.error().message.vi, HasSubstr("XLSX"));
  EXPECT_THAT(rows.error().message.en, HasSubstr("XLSX"));
}

TEST(XlsxReader, RefusesACorruptZip) {
  TempDir dir;
  const auto path = dir / "corrupt.xlsx";
  std::ofstream(path, std::ios::binary) << "PK\x03\x04" << std::string(500, '\x7F');
  expect_invalid_xlsx(read_table(path));
}

TEST(XlsxReader, RefusesATruncatedWorkbook) {
  TempDir dir;
  const auto path = dir / "cut.xlsx";
  write_typed_workbook(path);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  expect_invalid_xlsx(read_table(path));
}

TEST(XlsxReader, RefusesAZipThatIsNotAWorkbook) {
  TempDir dir;
  const auto path = dir / "photos.zip";
  write_zip(path, {{"hello.txt", "xin chào"}});
  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_THAT(rows.error().message.en, HasSubstr("no worksheet"));
}

TEST(XlsxReader, NamesTheRowWhereTheXmlBreaks) {
  TempDir dir;
  const auto path = dir / "broken.xlsx";
  write_zip(path, one_sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>tốt</t></is></c></row>"
                            "<row r=\"2\"><c r=\"A2\"><v>1</c></row>"));
  auto reader = open_table(path);
  ASSERT_TRUE(reader) << reader.error().message.en;
  TableRow row;
  auto first = (*reader)->next(row);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ(row.cells, (Cells{"tốt"}));
  auto second = (*reader)->next(row);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "import.xlsx_invalid");
  EXPECT_EQ(second.error().where.line, 2u);
  EXPECT_THAT(second.error().message.en, HasSubstr("not well-formed XML"));
}

TEST(XlsxReader, RefusesADoctype) {
  TempDir dir;
  const auto path = dir / "laughs.xlsx";
  auto parts = one_sheet("<row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>");
  parts["xl/worksheets/sheet1.xml"] =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" +
      parts["xl/worksheets/sheet1.xml"];
  write_zip(path, parts);
  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_THAT(rows.error().message.en, HasSubstr("DOCTYPE"));
}

TEST(XlsxReader, RefusesAMissingSharedString) {
  TempDir dir;
  const auto path = dir / "missing.xlsx";
  auto parts = one_sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"9\"><c r=\"A9\" t=\"s\"><v>5</v></c></row>");
  parts["xl/sharedStrings.xml"] = fmt::format("<sst xmlns=\"{}\"><si><t>một</t></si></sst>", kMain);
  write_zip(path, parts);
  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().where.line, 9u);
}

TEST(XlsxReader, RefusesABadCellReference) {
  TempDir dir;
  const auto path = dir / "ref.xlsx";
  write_zip(path, one_sheet("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>"));
  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().where.line, 3u);
}

TEST(XlsxReader, RefusesARowPastTheLimit) {
  TempDir dir;
  const auto path = dir / "wide.xlsx";
  write_zip(path, one_sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>ok</t></is></c></row>"
                            "<row r=\"2\"><c t=\"inlineStr\"><is><t>" +
                            std::string(200, 'x') + "</t></is></c></row>"));
  ReadOptions options;
  options.max_row_bytes = 100;
  auto rows = read_table(path, options);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.row_too_long");
  EXPECT_EQ(rows.error().where.line, 2u);
}

// A part of `head`, then `spaces` spaces (whitespace between elements is well-formed XML), then
// `tail`, streamed into the archive without holding it in memory: an archive bomb.
struct PaddedPart {
  std::string head;
  zip_uint64_t spaces = 0;
  std::string tail;
  zip_uint64_t position = 0;
};

zip_int64_t padded_part(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
  auto* sheet = static_cast<PaddedPart*>(state);
  const zip_uint64_t total = sheet->head.size() + sheet->spaces + sheet->tail.size();
  switch (command) {
    case ZIP_SOURCE_OPEN:
      sheet->position = 0;
      return 0;
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_READ: {
      // The head, the spaces and the tail, each copied in one piece.
      auto* out = static_cast<char*>(data);
      const zip_uint64_t head = sheet->head.size();
      const zip_uint64_t end = std::min(total, sheet->position + length);
      zip_uint64_t written = 0;
      for (zip_uint64_t& at = sheet->position; at < end;) {
        zip_uint64_t piece = 0;
        if (at < head) {
          piece = std::min(end, head) - at;
          std::memcpy(out + written, sheet->head.data() + at, piece);
        } else if (at < head + sheet->spaces) {
          piece = std::min(end, head + sheet->spaces) - at;
          std::memset(out + written, ' ', piece);
        } else {
          piece = end - at;
          std::memcpy(out + written, sheet->tail.data() + (at - head - sheet->spaces), piece);
        }
        at += piece;
        written += piece;
      }
      return static_cast<zip_int64_t>(written);
    }
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

// Adds `part` to the archive at `path`, deflated as Excel does.
void add_streamed_part(const std::filesystem::path& path, const char* name, PaddedPart& part) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(archive, nullptr);
  zip_source_t* source = zip_source_function(archive, padded_part, &part);
  const zip_int64_t index = zip_file_add(archive, name, source, 0);
  ASSERT_GE(index, 0);
  zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  ASSERT_EQ(zip_close(archive), 0);
}

TEST(XlsxReader, RefusesSharedStringsThatExpandPastTheLimit) {
  TempDir dir;
  const auto path = dir / "bomb.xlsx";
  write_zip(path, one_sheet("<row><c t=\"s\"><v>0</v></c></row>"));
  // 257 MiB of spaces deflate to a few hundred kilobytes.
  PaddedPart strings{"", zip_uint64_t{257} << 20, ""};
  add_streamed_part(path, "xl/sharedStrings.xml", strings);
  ASSERT_LT(std::filesystem::file_size(path), std::uintmax_t{8} << 20);

  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_THAT(rows.error().message.en, HasSubstr("more than 100 times its packed size"));
}

TEST(XlsxReader, RefusesASheetThatExpandsAThousandfold) {
  // About 300 KiB on disk, 300 MiB of well-formed XML expanded: under the 4 GiB a sheet may
  // have, but a thousand times its packed size. It is refused before a byte of it is parsed.
  TempDir dir;
  const auto path = dir / "bomb.xlsx";
  auto parts = one_sheet("");
  parts.erase("xl/worksheets/sheet1.xml");
  write_zip(path, parts);
  PaddedPart sheet{fmt::format("<worksheet xmlns=\"{}\"><sheetData><row r=\"1\"><c r=\"A1\" "
                               "t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>",
                               kMain),
                   zip_uint64_t{300} << 20, "</sheetData></worksheet>"};
  add_streamed_part(path, "xl/worksheets/sheet1.xml", sheet);
  ASSERT_LT(std::filesystem::file_size(path), std::uintmax_t{4} << 20);

  auto rows = read_table(path);
  expect_invalid_xlsx(rows);
  ASSERT_FALSE(rows);
  EXPECT_THAT(rows.error().message.en, HasSubstr("more than 100 times its packed size"));
  EXPECT_THAT(rows.error().message.vi, HasSubstr("bom nén"));
}

TEST(TableReader, AnUploadPastItsDeadlineStopsWithALocatedError) {
  TempDir dir;
  const auto path = dir / "list.csv";
  std::string csv = "Họ và tên\n";
  for (int i = 0; i < 100; ++i) csv += "Nguyễn Văn An\n";
  std::ofstream(path, std::ios::binary) << csv;
  ReadOptions options;
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);  // already past
  auto reader = open_table(path, options);
  ASSERT_TRUE(reader) << reader.error().message.en;
  TableRow row;
  auto read = (*reader)->next(row);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "import.too_slow");
  EXPECT_THAT(read.error().message.vi, HasSubstr("quá lâu"));
  ReadOptions unhurried;  // no deadline: a command-line import takes its time
  auto all = read_table(path, unhurried);
  ASSERT_TRUE(all) << all.error().message.en;
  EXPECT_EQ(all->size(), 101u);
}

}  // namespace
}  // namespace dk::io
