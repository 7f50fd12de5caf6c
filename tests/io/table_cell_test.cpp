#include "io/table_cell.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dk::io {
namespace {

using ::testing::ElementsAre;

TEST(TableCell, TextIsTheDefaultKind) {
  const Cell typed = "Nguyễn Văn An";
  EXPECT_EQ(typed.kind(), Cell::Kind::text);
  EXPECT_EQ(typed.text(), "Nguyễn Văn An");
  EXPECT_TRUE(Cell().empty());
  EXPECT_TRUE(Cell("").empty());
  EXPECT_FALSE(Cell::integer(0).empty()) << "a zero is a value";
  EXPECT_FALSE(Cell::money(0).empty());
}

TEST(TableCell, KeepsEachKindsValue) {
  EXPECT_EQ(Cell::integer(42).kind(), Cell::Kind::integer);
  EXPECT_EQ(Cell::integer(42).number(), 42);
  EXPECT_EQ(Cell::money(-150000).kind(), Cell::Kind::money);
  EXPECT_EQ(Cell::money(-150000).number(), -150000);
  const Cell date = Cell::date(CivilDate{2025, 12, 20});
  EXPECT_EQ(date.kind(), Cell::Kind::date);
  EXPECT_EQ(date.day(), (CivilDate{2025, 12, 20}));
}

TEST(TableCell, AMissingDateIsAnEmptyCell) {
  EXPECT_TRUE(Cell::date(std::optional<CivilDate>()).empty());
  EXPECT_EQ(Cell::date(std::optional<CivilDate>(CivilDate{1990, 2, 3})).kind(), Cell::Kind::date);
}

TEST(TableCell, ShowsValuesTheVietnameseWay) {
  EXPECT_THAT(shown_texts({Cell::integer(7), Cell::money(8000000), Cell::money(-150000),
                           Cell::date(CivilDate{1990, 2, 3}), "001090000123", ""}),
              ElementsAre("7", "8.000.000", "-150.000", "03/02/1990", "001090000123", ""));
}

TEST(TableCell, MakesAHeaderOfTexts) {
  const auto cells = text_cells({"STT", "Họ và tên"});
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[1].kind(), Cell::Kind::text);
  EXPECT_EQ(cells[1].text(), "Họ và tên");
}

}  // namespace
}  // namespace dk::io
