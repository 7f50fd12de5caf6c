#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <streambuf>

#include "core/vietnamese_text.hpp"
#include "io/io_test_support.hpp"
#include "io/table_reader.hpp"

namespace dk::io {
namespace {

using testing::cells_of;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::lines_of;
using testing::read_csv;
using testing::read_table;
using testing::TempDir;
using Cells = std::vector<std::string>;

// A stream of `size` bytes of one repeated character, made as it is read (never held), which
// counts how much of it the reader took.
class GeneratedInput : public std::streambuf {
 public:
  GeneratedInput(std::uint64_t size, char fill) : remaining_(size) { buffer_.fill(fill); }
  std::uint64_t produced() const { return produced_; }

 protected:
  int_type underflow() override {
    if (remaining_ == 0) return traits_type::eof();
    const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, buffer_.size()));
    remaining_ -= size;
    produced_ += size;
    setg(buffer_.data(), buffer_.data(), buffer_.data() + size);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::array<char, 4096> buffer_{};
  std::uint64_t remaining_;
  std::uint64_t produced_ = 0;
};

// An istream that owns its GeneratedInput, so that open_csv can own the stream.
class GeneratedStream : public std::istream {
 public:
  GeneratedStream(std::uint64_t size, char fill) : std::istream(nullptr), input_(size, fill) {
    rdbuf(&input_);
  }
  const GeneratedInput& input() const { return input_; }

 private:
  GeneratedInput input_;
};

TEST(CsvReader, ReadsCommaSeparatedRowsWithTheirLines) {
  auto rows = read_csv("Họ và tên,Ngày sinh\nNguyễn Văn An,01/02/1990\nTrần Thị Bích,12/12/1985\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"Họ và tên", "Ngày sinh"}, Cells{"Nguyễn Văn An", "01/02/1990"},
                          Cells{"Trần Thị Bích", "12/12/1985"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 3));
}

TEST(CsvReader, SkipsTheUtf8ByteOrderMark) {
  auto rows = read_csv("\xEF\xBB\xBFHọ và tên,Số điện thoại\r\nAn,0912345678\r\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"Họ và tên", "Số điện thoại"}, Cells{"An", "0912345678"}));
}

TEST(CsvReader, DetectsTheSemicolonThatVietnameseExcelWrites) {
  auto rows = read_csv("Họ và tên;Số tiền\r\nNguyễn Văn An;1,5\r\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"Họ và tên", "Số tiền"}, Cells{"Nguyễn Văn An", "1,5"}));
}

TEST(CsvReader, DetectsTabs) {
  auto rows = read_csv("Họ và tên\tĐơn vị\nAn\tChi hội 1\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"Họ và tên", "Đơn vị"}, Cells{"An", "Chi hội 1"}));
}

TEST(CsvReader, CountsSeparatorsOnlyOutsideQuotes) {
  // Three semicolons inside quotes, one comma outside: the file is comma-separated.
  auto rows = read_csv("\"Địa chỉ; số; nhà; phố\",Tên\nA;B,C\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"Địa chỉ; số; nhà; phố", "Tên"}, Cells{"A;B", "C"}));
}

TEST(CsvReader, AcceptsCrlfLfAndLoneCrLineEnds) {
  auto rows = read_csv("a,b\r\nc,d\ne,f\rg,h");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows),
              ElementsAre(Cells{"a", "b"}, Cells{"c", "d"}, Cells{"e", "f"}, Cells{"g", "h"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 3, 4));
}

TEST(CsvReader, UnquotesCommasAndDoubledQuotes) {
  auto rows = read_csv("tên,ghi chú\n\"Nguyễn, Văn An\",\"nói \"\"xin chào\"\"\"\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT((*rows)[1].cells, ElementsAre("Nguyễn, Văn An", "nói \"xin chào\""));
}

TEST(CsvReader, KeepsLineBreaksInsideQuotesAndCountsLinesAfterThem) {
  auto rows = read_csv(
      "Tên,Địa chỉ\r\n"
      "An,\"Số 12 Lê Lợi\r\nQuận 1\r\nTP. Hồ Chí Minh\"\r\n"
      "Bình,\"Huế\nThừa Thiên\"\n"
      "Chi,Hà Nội\r\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(
      cells_of(*rows),
      ElementsAre(Cells{"Tên", "Địa chỉ"}, Cells{"An", "Số 12 Lê Lợi\r\nQuận 1\r\nTP. Hồ Chí Minh"},
                  Cells{"Bình", "Huế\nThừa Thiên"}, Cells{"Chi", "Hà Nội"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 5, 7));
}

TEST(CsvReader, KeepsEmptyCellsInPlace) {
  auto rows = read_csv("a,b,c,d\nAn,,x,\n,,,\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"a", "b", "c", "d"}, Cells{"An", "", "x", ""},
                                           Cells{"", "", "", ""}));
}

TEST(CsvReader, IgnoresBlankLinesAndTheEmptyLastLine) {
  auto rows = read_csv("Tên\r\n\r\nAn\r\n\nBình\r\n\r\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"Tên"}, Cells{"An"}, Cells{"Bình"}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 3, 5));
}

TEST(CsvReader, ReadsTheLastRowWithoutALineBreak) {
  auto rows = read_csv("a,b\nc,");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"a", "b"}, Cells{"c", ""}));
}

TEST(CsvReader, EmptyInputHasNoRows) {
  auto rows = read_csv("");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_TRUE(rows->empty());
  auto bom_only = read_csv("\xEF\xBB\xBF");
  ASSERT_TRUE(bom_only) << bom_only.error().message.en;
  EXPECT_TRUE(bom_only->empty());
}

TEST(CsvReader, KeepsStrayQuotesAsExcelDoes) {
  auto rows = read_csv("a,b\nĐĩa 5\" cũ,\"Hà\" Nội\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT((*rows)[1].cells, ElementsAre("Đĩa 5\" cũ", "Hà Nội"));
}

TEST(CsvReader, NamesThePhysicalLineOfABadByte) {
  auto rows = read_csv("Tên,Ghi chú\nAn,tốt\nBình,Nguy\xC3(n\nChi,x\n");
  ASSERT_FALSE(rows);
  const Error& error = rows.error();
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  EXPECT_EQ(error.code, "import.not_utf8");
  EXPECT_EQ(error.where.line, 3u);
  EXPECT_THAT(error.message.vi, HasSubstr("CSV UTF-8"));
  EXPECT_THAT(error.message.vi, HasSubstr("--encoding windows-1258"));
  EXPECT_THAT(error.message.en, HasSubstr("CSV UTF-8"));
  EXPECT_THAT(error.message.en, HasSubstr("--encoding windows-1258"));
  EXPECT_THAT(describe(error, "vi"), HasSubstr("dòng 3"));
  EXPECT_THAT(describe(error, "en"), HasSubstr("line 3"));
}

TEST(CsvReader, NamesTheLineOfABadByteAfterAMultiLineField) {
  auto rows = read_csv("Tên,Địa chỉ\r\nAn,\"dòng một\r\ndòng hai\"\r\nB\xFFnh,Huế\r\n");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.not_utf8");
  EXPECT_EQ(rows.error().where.line, 4u);
}

TEST(CsvReader, CountsLinesAcrossManyChunks) {
  // Enough lines that the bad byte comes long after the first chunks.
  for (const std::string_view end : {"\n", "\r\n", "\r"}) {
    std::string input = "Tên,Số\n";
    for (int i = 2; i <= 20000; ++i)
      input += "Nguyễn Văn An," + std::to_string(i) + std::string(end);
    input += "Bad \xE1\xBB row,1\n";
    auto rows = read_csv(input);
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().code, "import.not_utf8");
    EXPECT_EQ(rows.error().where.line, 20001u);
  }
}

TEST(CsvReader, ReadsCharactersCutByChunkBoundaries) {
  // 3-byte characters back to back: some chunk boundary falls inside one of them.
  std::string name;
  for (int i = 0; i < 50000; ++i) name += "ễ";
  auto rows = read_csv("a,b\n" + name + ",x\n" + name + "\n");
  ASSERT_TRUE(rows) << rows.error().message.en;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[1].cells, (Cells{name, "x"}));
  EXPECT_EQ((*rows)[2].cells, (Cells{name}));
  EXPECT_THAT(lines_of(*rows), ElementsAre(1, 2, 3));
}

TEST(CsvReader, RefusesACharacterCutByTheEndOfTheFile) {
  auto rows = read_csv("a,b\nNguy\xE1\xBB");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.not_utf8");
  EXPECT_EQ(rows.error().where.line, 2u);
}

TEST(CsvReader, RefusesUtf16WithAnAdvice) {
  for (const std::string& bom : {std::string("\xFF\xFE"), std::string("\xFE\xFF")}) {
    auto rows = read_csv(bom + std::string("T\0e\0n\0\r\0\n\0", 10));
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(rows.error().code, "import.utf16");
    EXPECT_THAT(rows.error().message.vi, HasSubstr("CSV UTF-8"));
    EXPECT_THAT(rows.error().message.en, HasSubstr("CSV UTF-8"));
  }
}

TEST(CsvReader, RefusesNulBytes) {
  auto rows = read_csv(std::string("a,b\nc,d\0e\n", 10));
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.nul_byte");
  EXPECT_EQ(rows.error().where.line, 2u);
}

TEST(CsvReader, NamesTheLineOfAnUnterminatedQuote) {
  auto rows = read_csv("Tên,Địa chỉ\nAn,Huế\nBình,\"Số 5\nphố Huế\nChi,Hà Nội\n");
  ASSERT_FALSE(rows);
  const Error& error = rows.error();
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  EXPECT_EQ(error.code, "import.unterminated_quote");
  EXPECT_EQ(error.where.line, 3u);
  EXPECT_THAT(error.message.vi, HasSubstr("dòng 3"));
  EXPECT_THAT(error.message.en, HasSubstr("line 3"));
}

TEST(CsvReader, RefusesARowPastTheLimitWithItsLine) {
  ReadOptions options;
  options.max_row_bytes = 100;
  auto rows = read_csv("a,b\nc,d\n" + std::string(101, 'x') + "\n", options);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.row_too_long");
  EXPECT_EQ(rows.error().where.line, 3u);
  EXPECT_THAT(rows.error().message.vi, HasSubstr("100 byte"));
  EXPECT_THAT(rows.error().message.en, HasSubstr("100 bytes"));

  auto fits = read_csv("a,b\n" + std::string(98, 'x') + "\r\n", options);
  ASSERT_TRUE(fits) << fits.error().message.en;
  EXPECT_EQ((*fits)[1].cells, (Cells{std::string(98, 'x')}));
}

TEST(CsvReader, StopsReadingAFileWithoutLineBreaksEarly) {
  // Two gibibytes that are never stored: the reader must give up after about its row limit.
  auto stream = std::make_unique<GeneratedStream>(std::uint64_t{2} << 30, 'x');
  const GeneratedStream& input = *stream;
  auto reader = open_csv(std::move(stream));
  TableRow row;
  auto result = reader->next(row);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "import.row_too_long");
  EXPECT_EQ(result.error().where.line, 1u);
  EXPECT_LT(input.input().produced(), std::uint64_t{2} << 20);
  // The error stays: a caller that goes on gets it again, not a half row.
  EXPECT_EQ(reader->next(row).error().code, "import.row_too_long");
}

TEST(CsvReader, StopsEarlyOnAnUnclosedQuoteToo) {
  ReadOptions options;
  options.max_row_bytes = 1000;
  auto stream = std::make_unique<GeneratedStream>(std::uint64_t{1} << 30, '"');
  // Quote characters only: quotes open and close, "" is one quote, no line ever ends.
  const GeneratedStream& input = *stream;
  auto reader = open_csv(std::move(stream), options);
  TableRow row;
  auto result = reader->next(row);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "import.row_too_long");
  EXPECT_LT(input.input().produced(), std::uint64_t{1} << 20);
}

// "Nguyễn Đức" in Windows-1258, where tone marks are combining characters: ê (EA) then a
// combining tilde (DE); Đ (D0), ư (FD), a combining acute (EC). Checked with Python's cp1258.
constexpr std::string_view kNguyenDucWindows1258 =
    "\x4E\x67\x75\x79\xEA\xDE\x6E\x20\xD0\xFD\xEC\x63";

TEST(CsvReader, ConvertsWindows1258ToUtf8) {
  ReadOptions options;
  options.encoding = "windows-1258";
  auto rows = read_csv("Tên,Tuổi\r\n" + std::string(kNguyenDucWindows1258) + ",30\r\n", options);
  ASSERT_TRUE(rows) << rows.error().message.en;
  ASSERT_EQ(rows->size(), 2u);
  const std::string& name = (*rows)[1].cells[0];
  EXPECT_TRUE(is_valid_utf8(name));
  // The converted text keeps the code page's combining marks; normalising gives the usual form.
  EXPECT_EQ(name, "Nguy\u00EA\u0303n \u0110\u01B0\u0301c");
  EXPECT_EQ(normalize_text(name), "Nguyễn Đức");
  EXPECT_EQ((*rows)[1].cells[1], "30");
}

TEST(CsvReader, ConvertsALongWindows1258FileAcrossChunks) {
  ReadOptions options;
  options.encoding = "windows-1258";
  std::string input = "Tên;Số\r\n";
  for (int i = 2; i <= 10000; ++i)
    input += std::string(kNguyenDucWindows1258) + ";" + std::to_string(i) + "\r\n";
  auto rows = read_csv(input, options);
  ASSERT_TRUE(rows) << rows.error().message.en;
  ASSERT_EQ(rows->size(), 10000u);
  for (std::size_t i = 1; i < rows->size(); ++i) {
    ASSERT_EQ(normalize_text((*rows)[i].cells[0]), "Nguyễn Đức") << "row " << i;
    ASSERT_EQ((*rows)[i].cells[1], std::to_string(i + 1));
    ASSERT_EQ((*rows)[i].line, i + 1);
  }
}

TEST(CsvReader, ReadsTheWindows1258FileFromDisk) {
  ReadOptions options;
  options.encoding = "windows-1258";
  auto rows = read_table(testing::test_data("members_windows1258.csv"), options);
  ASSERT_TRUE(rows) << rows.error().message.en;
  std::vector<Cells> normalized;
  for (const TableRow& row : *rows) {
    Cells cells;
    for (const std::string& cell : row.cells) cells.push_back(normalize_text(cell));
    normalized.push_back(cells);
  }
  EXPECT_THAT(normalized, ElementsAre(Cells{"Họ và tên", "Ngày sinh", "Địa chỉ"},
                                      Cells{"Nguyễn Đức", "03/02/1990", "Hà Nội"},
                                      Cells{"Trần Thị Bích", "12/12/1985", "Số 5; phố Huế"}));
}

TEST(CsvReader, SaysWhenWindows1258WasNeededButNotGiven) {
  auto rows = read_table(testing::test_data("members_windows1258.csv"));
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "import.not_utf8");
  EXPECT_EQ(rows.error().where.line, 1u);
}

TEST(CsvReader, TakesAUtf8ByteOrderMarkOverTheGivenEncoding) {
  ReadOptions options;
  options.encoding = "windows-1258";
  auto rows = read_csv("\xEF\xBB\xBFTên\nNguyễn Đức\n", options);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"Tên"}, Cells{"Nguyễn Đức"}));
}

TEST(CsvReader, AcceptsTheSpellingsOfUtf8) {
  for (const char* name : {"UTF-8", "utf8", "Utf_8", ""}) {
    ReadOptions options;
    options.encoding = name;
    auto rows = read_csv("Tên\nĐức\n", options);
    ASSERT_TRUE(rows) << name << ": " << rows.error().message.en;
    EXPECT_EQ((*rows)[1].cells, (Cells{"Đức"})) << name;
  }
}

TEST(CsvReader, RefusesAnUnknownEncoding) {
  ReadOptions options;
  options.encoding = "tcvn-klingon";
  auto rows = read_csv("a\n", options);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(rows.error().code, "import.unknown_encoding");
  EXPECT_THAT(rows.error().message.vi, HasSubstr("tcvn-klingon"));
  EXPECT_THAT(rows.error().message.en, HasSubstr("tcvn-klingon"));
}

TEST(OpenTable, ReadsACsvFileByItsContent) {
  TempDir dir;
  const auto path = dir / "danh_sach.xlsx";  // the name lies; the content decides
  std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBFTên;Chi hội\r\nAn;Số 1\r\n";
  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"Tên", "Chi hội"}, Cells{"An", "Số 1"}));
}

TEST(OpenTable, ReadsAVeryShortFile) {
  TempDir dir;
  const auto path = dir / "a.csv";
  std::ofstream(path, std::ios::binary) << "A";
  auto rows = read_table(path);
  ASSERT_TRUE(rows) << rows.error().message.en;
  EXPECT_THAT(cells_of(*rows), ElementsAre(Cells{"A"}));
}

TEST(OpenTable, SaysWhichFileIsMissing) {
  TempDir dir;
  auto reader = open_table(dir / "không_có.csv");
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(reader.error().code, "import.file_not_found");
  EXPECT_THAT(reader.error().message.vi, HasSubstr("không_có.csv"));
  EXPECT_THAT(reader.error().message.en, HasSubstr("không_có.csv"));
}

TEST(OpenTable, RefusesAFolder) {
  TempDir dir;
  auto reader = open_table(dir.path());
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(reader.error().code, "import.file_unreadable");
}

}  // namespace
}  // namespace dk::io
