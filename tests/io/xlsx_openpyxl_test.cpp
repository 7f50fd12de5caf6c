// The XLSX writer's output as another program reads it: openpyxl (tests/support/openpyxl_sheet.hpp)
// must find numbers where a treasurer adds up, dates where they sort, and text where a leading
// zero matters.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/io_test_support.hpp"
#include "io/table_writer.hpp"
#include "support/openpyxl_sheet.hpp"

namespace dk::io {
namespace {

using dk::testing::read_with_openpyxl;
using ::testing::Ge;
using testing::TempDir;
using testing::write_xlsx_rows;

TEST(XlsxWriterReadByOpenpyxl, TypesEachCellByItsKind) {
  TempDir dir;
  const auto path = dir / "danh-sach.xlsx";
  write_xlsx_rows(
      path,
      {{"STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Số điện thoại", "Thu (đồng)", "Ghi chú"},
       {Cell::integer(1), "Nguyễn Thị Ánh Tuyết", Cell::date(CivilDate{1991, 2, 2}), "001090000123",
        "0912345678", Cell::money(8000000), "=1+1"},
       {Cell::integer(2), "Đặng Quốc Việt", Cell::date(std::optional<CivilDate>()), "079185000456",
        "", Cell::money(-150000), ""}},
      "Thành viên");

  const auto sheet = read_with_openpyxl(path);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->freeze_panes, "A2") << "the header row stays in view";
  for (const char* header : {"A1", "B1", "C1", "D1", "E1", "F1", "G1"}) {
    EXPECT_EQ(sheet->at(header).type, "str") << header;
    EXPECT_TRUE(sheet->at(header).bold) << header;
  }
  EXPECT_EQ(sheet->at("C1").value, "Ngày sinh");
  EXPECT_FALSE(sheet->at("B2").bold);

  EXPECT_EQ(sheet->at("A2").type, "int");
  EXPECT_EQ(sheet->at("A2").value, "1");
  EXPECT_EQ(sheet->at("C2").type, "datetime");
  EXPECT_EQ(sheet->at("C2").number_format, "dd/mm/yyyy");
  EXPECT_EQ(sheet->at("C2").value, "1991-02-02");
  EXPECT_EQ(sheet->at("C3").type, "") << "no date, no cell";
  // ID and phone numbers stay text with their leading zeros.
  EXPECT_EQ(sheet->at("D2").type, "str");
  EXPECT_EQ(sheet->at("D2").value, "001090000123");
  EXPECT_EQ(sheet->at("E2").type, "str");
  EXPECT_EQ(sheet->at("E2").value, "0912345678");
  EXPECT_EQ(sheet->at("F2").type, "int");
  EXPECT_EQ(sheet->at("F2").number_format, "#,##0");
  EXPECT_EQ(sheet->at("F2").value, "8000000");
  EXPECT_EQ(sheet->at("F3").value, "-150000");
  // Formula text is a string, never a formula.
  EXPECT_EQ(sheet->at("G2").type, "str");
  EXPECT_EQ(sheet->at("G2").value, "=1+1");

  // Each column as wide as its widest cell: the name (20 characters) and the date (10).
  EXPECT_THAT(sheet->width("B"), Ge(22.0));
  EXPECT_THAT(sheet->width("C"), Ge(12.0));
}

}  // namespace
}  // namespace dk::io
