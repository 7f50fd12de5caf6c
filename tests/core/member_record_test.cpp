#include "core/member_record.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

const CivilDate kToday{2026, 11, 25};

MemberColumns columns(const std::vector<std::string>& headers) {
  auto mapped = map_member_columns(headers);
  EXPECT_TRUE(mapped.has_value()) << (mapped ? "" : mapped.error().message.en);
  return mapped.value_or(MemberColumns{});
}

TEST(MapMemberColumns, RecognisesTheHeadersOfficesWrite) {
  const auto mapped =
      columns({"STT", "Họ và tên (*)", "Ngày, tháng, năm sinh", "Giới tính", "Phòng", "Chức vụ",
               "SĐT", "E-mail", "Số CCCD", "Ghi chú", "Quê quán"});
  EXPECT_EQ(mapped.index_of(MemberColumn::full_name), 1u);
  EXPECT_EQ(mapped.index_of(MemberColumn::unit), 4u);
  EXPECT_EQ(mapped.index_of(MemberColumn::phone), 6u);
  EXPECT_EQ(mapped.index_of(MemberColumn::id_number), 8u);
  EXPECT_EQ(mapped.ignored, std::vector<std::string>{"Quê quán"});
}

TEST(MapMemberColumns, RefusesAListWithoutNames) {
  const auto mapped = map_member_columns({"STT", "Ngày sinh"});
  ASSERT_FALSE(mapped);
  EXPECT_EQ(mapped.error().code, "import.missing_name_column");
  EXPECT_NE(mapped.error().message.vi.find("Họ và tên"), std::string::npos);
}

TEST(MapMemberColumns, RefusesTheSameFieldTwice) {
  const auto mapped = map_member_columns({"Họ và tên", "SĐT", "Điện thoại"});
  ASSERT_FALSE(mapped);
  EXPECT_EQ(mapped.error().code, "import.duplicate_column");
}

TEST(ReadMemberRow, ProducesACanonicalRecord) {
  const auto mapped =
      columns({"Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Số điện thoại", "Số CCCD"});
  const auto record = read_member_row(
      mapped,
      {"  NGUYỄN  Thị Ðào ", "3/2/1990", "nữ", "Văn phòng Sở", "+84 912 345 678", "42190001234"}, 7,
      kToday);
  ASSERT_TRUE(record) << record.error().front().message.en;
  EXPECT_EQ(record->person.full_name, "NGUYỄN Thị Đào");
  EXPECT_EQ(record->person.birth_date, (CivilDate{1990, 2, 3}));
  EXPECT_EQ(record->person.gender, Gender::female);
  EXPECT_EQ(record->unit_name, "Văn phòng Sở");
  EXPECT_EQ(record->person.phone, "0912345678");
  EXPECT_EQ(record->person.id_number, "042190001234");
}

TEST(ReadMemberRow, JoinsSplitNameColumns) {
  const auto mapped = columns({"Họ và tên đệm", "Tên"});
  const auto record = read_member_row(mapped, {"Trần Văn", "Bình"}, 2, kToday);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->person.full_name, "Trần Văn Bình");
}

TEST(ReadMemberRow, ReportsEveryProblemWithLineAndColumn) {
  const auto mapped = columns({"Họ và tên", "Ngày sinh", "Email", "Số CCCD"});
  const auto record =
      read_member_row(mapped, {"", "31/02/1990", "không-phải-email", "123"}, 12, kToday);
  ASSERT_FALSE(record);
  const auto& errors = record.error();
  ASSERT_EQ(errors.size(), 4u);
  for (const auto& error : errors) EXPECT_EQ(error.where.line, 12u);
  EXPECT_EQ(errors[0].code, "import.date_invalid");
  EXPECT_EQ(errors[0].where.field, "Ngày sinh");
  EXPECT_NE(errors[0].message.vi.find("31/02/1990"), std::string::npos);
  EXPECT_EQ(errors[1].code, "import.email_invalid");
  EXPECT_EQ(errors[2].code, "import.id_number_invalid");
  EXPECT_EQ(errors[3].code, "import.name_missing");
  EXPECT_EQ(errors[3].where.field, "Họ và tên");
  EXPECT_TRUE(describe(errors[0], "en").starts_with("line 12, column “Ngày sinh”: "));
  // A field that is not on a line of a file is no column.
  Error request_field = errors[0];
  request_field.where.line = 0;
  request_field.where.field = "superior_id";
  EXPECT_TRUE(describe(request_field, "vi").starts_with("trường “superior_id”: "));
  EXPECT_TRUE(describe(request_field, "en").starts_with("field “superior_id”: "));
}

TEST(ReadMemberRow, RefusesBirthDatesInTheFuture) {
  const auto mapped = columns({"Họ và tên", "Ngày sinh"});
  const auto record = read_member_row(mapped, {"Lê Văn An", "01/01/2027"}, 3, kToday);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().front().code, "import.date_in_future");
}

TEST(ReadMemberRow, KeepsFormulaLikeTextAsText) {
  // Stored as typed; exports neutralise it (see io::neutralize_formula).
  const auto mapped = columns({"Họ và tên", "Chức vụ"});
  const auto record = read_member_row(mapped, {"Lê Văn An", "=HYPERLINK(\"http://x\")"}, 3, kToday);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->person.position, "=HYPERLINK(\"http://x\")");
}

TEST(ReadMemberRow, MissingTrailingCellsAreEmpty) {
  const auto mapped = columns({"Họ và tên", "Ngày sinh", "Giới tính"});
  const auto record = read_member_row(mapped, {"Lê Văn An"}, 3, kToday);
  ASSERT_TRUE(record);
  EXPECT_FALSE(record->person.birth_date);
}

TEST(IsBlankRow, SeesEmptyAndSpaceOnlyRows) {
  EXPECT_TRUE(is_blank_row({}));
  EXPECT_TRUE(is_blank_row({"", " ", "\t"}));
  EXPECT_FALSE(is_blank_row({"", "x"}));
}

}  // namespace
}  // namespace dk
