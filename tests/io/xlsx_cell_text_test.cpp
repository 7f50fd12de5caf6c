#include "io/xlsx_cell_text.hpp"

#include <gtest/gtest.h>

namespace dk::io {
namespace {

TEST(FormatNumber, WritesIntegersWithAllTheirDigits) {
  EXPECT_EQ(format_number(42199000123.0), "42199000123");
  EXPECT_EQ(format_number(2800000), "2800000");
  EXPECT_EQ(format_number(-7), "-7");
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(999999999999999.0), "999999999999999");
}

TEST(FormatNumber, WritesOtherNumbersInTheShortestExactForm) {
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(1e20), "1e+20");
  EXPECT_EQ(format_number(1.5e-7), "1.5e-07");
}

TEST(NumberFormatKind, KnowsTheBuiltInDateAndTimeFormats) {
  EXPECT_EQ(builtin_number_format_kind(0), NumberFormatKind::number);
  EXPECT_EQ(builtin_number_format_kind(3), NumberFormatKind::number);
  EXPECT_EQ(builtin_number_format_kind(14), NumberFormatKind::date);
  EXPECT_EQ(builtin_number_format_kind(17), NumberFormatKind::date);
  EXPECT_EQ(builtin_number_format_kind(22), NumberFormatKind::date);
  EXPECT_EQ(builtin_number_format_kind(20), NumberFormatKind::time);
  EXPECT_EQ(builtin_number_format_kind(46), NumberFormatKind::time);
  EXPECT_EQ(builtin_number_format_kind(49), NumberFormatKind::number);
}

TEST(NumberFormatKind, ReadsCustomFormatCodes) {
  EXPECT_EQ(number_format_code_kind("dd/mm/yyyy"), NumberFormatKind::date);
  EXPECT_EQ(number_format_code_kind("[$-42A]d mmmm yyyy;@"), NumberFormatKind::date);
  EXPECT_EQ(number_format_code_kind("DD-MM-YY"), NumberFormatKind::date);
  EXPECT_EQ(number_format_code_kind("mmm"), NumberFormatKind::date);
  EXPECT_EQ(number_format_code_kind("dd/mm/yyyy hh:mm"), NumberFormatKind::date);
  EXPECT_EQ(number_format_code_kind("h:mm"), NumberFormatKind::time);
  EXPECT_EQ(number_format_code_kind("[h]:mm:ss"), NumberFormatKind::time);
  EXPECT_EQ(number_format_code_kind("[mm]:ss"), NumberFormatKind::time);
  EXPECT_EQ(number_format_code_kind("General"), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("#,##0\" đồng\""), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("\"ngày\" 0"), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("[Red]0.00;[Blue]-0.00"), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("0.00E+00"), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("0\\d"), NumberFormatKind::number);
  EXPECT_EQ(number_format_code_kind("#,##0_);(#,##0)"), NumberFormatKind::number);
}

TEST(SerialToDate, FollowsExcels1900Calendar) {
  const auto date = [](double serial) {
    return serial_to_date_text(serial, DateSystem::from_1900).value_or("none");
  };
  EXPECT_EQ(date(1), "01/01/1900");
  EXPECT_EQ(date(59), "28/02/1900");
  EXPECT_EQ(date(60), "29/02/1900");  // the day that never was, as Excel shows it
  EXPECT_EQ(date(61), "01/03/1900");
  EXPECT_EQ(date(25569), "01/01/1970");
  EXPECT_EQ(date(32874), "01/01/1990");
  EXPECT_EQ(date(32874.75), "01/01/1990");
  EXPECT_EQ(date(45658), "01/01/2025");
  EXPECT_EQ(date(2958465), "31/12/9999");
  EXPECT_EQ(date(0), "none");
  EXPECT_EQ(date(-1), "none");
  EXPECT_EQ(date(2958466), "none");
}

TEST(SerialToDate, FollowsThe1904Calendar) {
  EXPECT_EQ(serial_to_date_text(0, DateSystem::from_1904), "01/01/1904");
  EXPECT_EQ(serial_to_date_text(31412, DateSystem::from_1904), "01/01/1990");
}

TEST(DateToSerial, CountsFromExcels1900CalendarFromMarch1900) {
  EXPECT_EQ(date_to_serial({1900, 3, 1}), 61);
  EXPECT_EQ(date_to_serial({1970, 1, 1}), 25569);
  EXPECT_EQ(date_to_serial({1991, 2, 2}), 33271);
  EXPECT_EQ(date_to_serial({2025, 1, 1}), 45658);
  EXPECT_EQ(date_to_serial({9999, 12, 31}), 2958465);
  // Excel and LibreOffice disagree on the days before 1 March 1900 (Lotus's 29 February), and
  // neither shows a day before 1900 or after 9999.
  EXPECT_EQ(date_to_serial({1900, 2, 28}), std::nullopt);
  EXPECT_EQ(date_to_serial({1899, 12, 30}), std::nullopt);
  EXPECT_EQ(date_to_serial({10000, 1, 1}), std::nullopt);
}

TEST(DateToSerial, ReadsBackAsTheSameDay) {
  for (const CivilDate date : {CivilDate{1900, 3, 1}, CivilDate{1945, 9, 2}, CivilDate{2000, 2, 29},
                               CivilDate{2028, 2, 29}, CivilDate{9999, 12, 31}}) {
    const auto serial = date_to_serial(date);
    ASSERT_TRUE(serial) << format_iso(date);
    EXPECT_EQ(serial_to_date_text(static_cast<double>(*serial), DateSystem::from_1900),
              format_vietnamese(date));
  }
}

TEST(SerialToTime, WritesHoursMinutesAndSecondsIfAny) {
  EXPECT_EQ(serial_to_time_text(0.0), "00:00");
  EXPECT_EQ(serial_to_time_text(0.395833333333333), "09:30");
  EXPECT_EQ(serial_to_time_text(0.5 + 1.0 / 86400), "12:00:01");
  EXPECT_EQ(serial_to_time_text(1.5), std::nullopt);
}

TEST(DecodeXmlStringEscapes, UndoesExcelsEscapes) {
  EXPECT_EQ(decode_xml_string_escapes("a_x000D_b"), "a\rb");
  EXPECT_EQ(decode_xml_string_escapes("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(decode_xml_string_escapes("_x1EC5_"), "ễ");
  EXPECT_EQ(decode_xml_string_escapes("_xD800_"), "_xD800_");
  EXPECT_EQ(decode_xml_string_escapes("_x12_ _xZZZZ_ _x"), "_x12_ _xZZZZ_ _x");
  EXPECT_EQ(decode_xml_string_escapes("Nguyễn"), "Nguyễn");
}

TEST(ColumnOfReference, CountsLettersFromZero) {
  EXPECT_EQ(column_of_reference("A1"), 0u);
  EXPECT_EQ(column_of_reference("Z9"), 25u);
  EXPECT_EQ(column_of_reference("AA10"), 26u);
  EXPECT_EQ(column_of_reference("XFD1048576"), 16383u);
  EXPECT_EQ(column_of_reference("XFE1"), std::nullopt);
  EXPECT_EQ(column_of_reference("A"), std::nullopt);
  EXPECT_EQ(column_of_reference("1A"), std::nullopt);
  EXPECT_EQ(column_of_reference("AAAA1"), std::nullopt);
  EXPECT_EQ(column_of_reference(""), std::nullopt);
}

}  // namespace
}  // namespace dk::io
