#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "io/io_test_support.hpp"
#include "io/table_writer.hpp"

namespace dk::io {
namespace {

using testing::cells_of;
using ::testing::ElementsAre;
using testing::read_csv;
using Cells = std::vector<std::string>;

std::string write_csv(const std::vector<Cells>& rows) {
  std::ostringstream out;
  auto writer = make_csv_writer(out);
  for (const Cells& row : rows) {
    auto written = writer->write_row(text_cells(row));
    EXPECT_TRUE(written) << written.error().message.en;
  }
  auto finished = writer->finish();
  EXPECT_TRUE(finished) << finished.error().message.en;
  return out.str();
}

TEST(CsvWriter, WritesBomCommasAndCrlf) {
  EXPECT_EQ(write_csv({{"Họ và tên", "Ngày sinh"}, {"Nguyễn Văn An", "01/02/1990"}}),
            "\xEF\xBB\xBFHọ và tên,Ngày sinh\r\nNguyễn Văn An,01/02/1990\r\n");
}

TEST(CsvWriter, QuotesOnlyTheCellsThatNeedIt) {
  EXPECT_EQ(write_csv({{"Số 5, phố Huế", "nói \"chào\"", "dòng 1\r\ndòng 2", "a\nb", "trơn", ""}}),
            "\xEF\xBB\xBF\"Số 5, phố Huế\",\"nói \"\"chào\"\"\",\"dòng 1\r\ndòng 2\",\"a\nb\","
            "trơn,\r\n");
}

TEST(CsvWriter, NeutralizesFormulasInEveryCell) {
  EXPECT_EQ(write_csv({{"=1+1", "+84912345678", "-5", "@SUM(A1)", "\tx", "\rx", "a=b"}}),
            "\xEF\xBB\xBF'=1+1,'+84912345678,'-5,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n");
  EXPECT_EQ(write_csv({{"=HYPERLINK(\"http://x\",\"y\")"}}),
            "\xEF\xBB\xBF\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
}

TEST(CsvWriter, WritesNumbersAndDatesAsExcelReadsThem) {
  std::ostringstream out;
  auto writer = make_csv_writer(out);
  // Money without grouping, whatever the reader's locale; a negative number is not a formula,
  // but text that starts with a minus still is neutralised; ID and phone numbers stay as typed.
  ASSERT_TRUE(writer->write_row({Cell::integer(1), Cell::money(8000000), Cell::money(-150000),
                                 Cell::date(CivilDate{2025, 12, 20}), "001090000123", "0912345678",
                                 "-5", Cell::date(std::optional<CivilDate>())}));
  ASSERT_TRUE(writer->finish());
  EXPECT_EQ(out.str(),
            "\xEF\xBB\xBF"
            "1,8000000,-150000,20/12/2025,001090000123,0912345678,'-5,\r\n");
}

TEST(CsvWriter, WritesTheBomEvenForAnEmptyTable) {
  EXPECT_EQ(write_csv({}), "\xEF\xBB\xBF");
}

TEST(CsvWriter, ReportsAFailingStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);  // as a full disk leaves an ofstream
  auto writer = make_csv_writer(out);
  auto written = writer->write_row({"a"});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(written.error().code, "export.write_failed");
  EXPECT_FALSE(writer->finish());
}

TEST(CsvWriter, ReadsBackWhatItWrote) {
  const std::vector<Cells> rows = {{"Họ và tên", "Địa chỉ", "Ghi chú"},
                                   {"Nguyễn Thị Ánh Tuyết", "Số 12, ngõ 3\r\nĐống Đa", "\"VIP\""},
                                   {"Đặng Quốc Việt", "", "đã đóng đoàn phí"}};
  auto read = read_csv(write_csv(rows));
  ASSERT_TRUE(read) << read.error().message.en;
  EXPECT_EQ(cells_of(*read), rows);
}

TEST(NeutralizeFormula, PrefixesOnlyDangerousFirstCharacters) {
  EXPECT_EQ(neutralize_formula("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(neutralize_formula("+1"), "'+1");
  EXPECT_EQ(neutralize_formula("-1"), "'-1");
  EXPECT_EQ(neutralize_formula("@x"), "'@x");
  EXPECT_EQ(neutralize_formula("\t="), "'\t=");
  EXPECT_EQ(neutralize_formula("\r="), "'\r=");
  EXPECT_EQ(neutralize_formula(""), "");
  EXPECT_EQ(neutralize_formula("Nguyễn = An"), "Nguyễn = An");
  EXPECT_EQ(neutralize_formula("0912345678"), "0912345678");
}

}  // namespace
}  // namespace dk::io
