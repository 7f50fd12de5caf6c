#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <random>

namespace dk {
namespace {

constexpr Dong kMinDong = std::numeric_limits<Dong>::min();
constexpr Dong kMaxDong = std::numeric_limits<Dong>::max();

TEST(FormatDong, GroupsThousandsWithDots) {
  EXPECT_EQ(format_dong_digits(0), "0");
  EXPECT_EQ(format_dong_digits(5), "5");
  EXPECT_EQ(format_dong_digits(999), "999");
  EXPECT_EQ(format_dong_digits(1000), "1.000");
  EXPECT_EQ(format_dong_digits(15000), "15.000");
  EXPECT_EQ(format_dong_digits(150000), "150.000");
  EXPECT_EQ(format_dong_digits(2800000), "2.800.000");
  EXPECT_EQ(format_dong_digits(42300000), "42.300.000");
  EXPECT_EQ(format_dong_digits(kMaxAmount - 1), "999.999.999.999.999");
}

TEST(FormatDong, NegativeAmountsKeepTheirSign) {
  EXPECT_EQ(format_dong_digits(-150000), "-150.000");
  EXPECT_EQ(format_dong_digits(-1), "-1");
  EXPECT_EQ(format_dong_digits(-999), "-999");
  EXPECT_EQ(format_dong_digits(-1000), "-1.000");
  // The extremes of the type do not overflow while formatting.
  EXPECT_EQ(format_dong_digits(kMaxDong), "9.223.372.036.854.775.807");
  EXPECT_EQ(format_dong_digits(kMinDong), "-9.223.372.036.854.775.808");
}

TEST(FormatDong, AddsTheUnit) {
  EXPECT_EQ(format_dong(2800000), "2.800.000 đ");
  EXPECT_EQ(format_dong(20000000), "20.000.000 đ");
  EXPECT_EQ(format_dong(0), "0 đ");
  EXPECT_EQ(format_dong(-150000), "-150.000 đ");
}

Dong parsed(std::string_view text) {
  auto amount = parse_dong(text);
  EXPECT_TRUE(amount) << text << ": " << amount.error().message.en;
  return amount.value_or(-1);
}

std::string error_code(std::string_view text) {
  auto amount = parse_dong(text);
  EXPECT_FALSE(amount) << text << " was read as " << amount.value_or(0);
  return amount ? std::string() : amount.error().code;
}

TEST(ParseDong, ReadsVietnameseAndEnglishGrouping) {
  EXPECT_EQ(parsed("2.800.000"), 2800000);
  EXPECT_EQ(parsed("2800000"), 2800000);
  EXPECT_EQ(parsed("2,800,000"), 2800000);
  EXPECT_EQ(parsed("2 800 000"), 2800000);
  EXPECT_EQ(parsed("1.500"), 1500);
  EXPECT_EQ(parsed("1,500"), 1500);
  EXPECT_EQ(parsed("100"), 100);
  EXPECT_EQ(parsed("0"), 0);
  EXPECT_EQ(parsed("999.999.999.999.999"), kMaxAmount - 1);
}

TEST(ParseDong, ReadsTheUnitInEveryWayItIsWritten) {
  EXPECT_EQ(parsed("2.800.000 đ"), 2800000);
  EXPECT_EQ(parsed("2.800.000đ"), 2800000);
  EXPECT_EQ(parsed("2.800.000 Đ"), 2800000);
  EXPECT_EQ(parsed("2.800.000 VND"), 2800000);
  EXPECT_EQ(parsed("2.800.000VND"), 2800000);
  EXPECT_EQ(parsed("2.800.000 vnđ"), 2800000);
  EXPECT_EQ(parsed("2.800.000 VNĐ"), 2800000);
  EXPECT_EQ(parsed("2.800.000 đồng"), 2800000);
  EXPECT_EQ(parsed("2.800.000 dong"), 2800000);
  EXPECT_EQ(parsed("2.800.000 ₫"), 2800000);
  EXPECT_EQ(parsed("VND 2,800,000"), 2800000);
}

TEST(ParseDong, ReadsSigns) {
  EXPECT_EQ(parsed("+2.800.000"), 2800000);
  EXPECT_EQ(parsed("-150.000"), -150000);
  EXPECT_EQ(parsed("-150.000 đ"), -150000);
  EXPECT_EQ(parsed("\u2212150.000"), -150000);  // the typographic minus
  EXPECT_EQ(parsed("-0"), 0);
  EXPECT_EQ(parsed("-999.999.999.999.999"), -(kMaxAmount - 1));
}

TEST(ParseDong, AcceptsAZeroFraction) {
  EXPECT_EQ(parsed("2.800.000,00"), 2800000);
  EXPECT_EQ(parsed("2,800,000.00"), 2800000);
  EXPECT_EQ(parsed("2800000.00"), 2800000);
  EXPECT_EQ(parsed("2800000,0"), 2800000);
  EXPECT_EQ(parsed("2 800 000,00"), 2800000);
  EXPECT_EQ(parsed("150000.0000"), 150000);
  EXPECT_EQ(parsed("-150.000,00 VND"), -150000);
}

TEST(ParseDong, RefusesFractionsOfADong) {
  EXPECT_EQ(error_code("12,5"), "money.invalid");
  EXPECT_EQ(error_code("1.5"), "money.invalid");
  EXPECT_EQ(error_code("2800000.50"), "money.invalid");
  EXPECT_EQ(error_code("2.800.000,01"), "money.invalid");
  EXPECT_EQ(error_code("1.0001"), "money.invalid");
  EXPECT_NE(parse_dong("12,5").error().message.vi.find("đồng nguyên"), std::string::npos);
}

TEST(ParseDong, TrimsEverySpace) {
  EXPECT_EQ(parsed("  2.800.000  "), 2800000);
  EXPECT_EQ(parsed("\t2.800.000\r\n"), 2800000);
  EXPECT_EQ(parsed("\u00A02.800.000\u00A0đ\u00A0"), 2800000);  // no-break spaces from a web page
  EXPECT_EQ(parsed("2\u00A0800\u00A0000"), 2800000);
  EXPECT_EQ(parsed("2\u202F800\u202F000"), 2800000);  // the narrow no-break space of French locales
}

TEST(ParseDong, RefusesWhatIsNotAnAmount) {
  EXPECT_EQ(error_code(""), "money.invalid");
  EXPECT_EQ(error_code("   "), "money.invalid");
  EXPECT_EQ(error_code("đ"), "money.invalid");
  EXPECT_EQ(error_code("VND"), "money.invalid");
  EXPECT_EQ(error_code("abc"), "money.invalid");
  EXPECT_EQ(error_code("2tr8"), "money.invalid");
  EXPECT_EQ(error_code("2.800.000x"), "money.invalid");
  EXPECT_EQ(error_code("12a"), "money.invalid");
  EXPECT_EQ(error_code("1e6"), "money.invalid");
  EXPECT_EQ(error_code("0x10"), "money.invalid");
  EXPECT_EQ(error_code("--5"), "money.invalid");
  EXPECT_EQ(error_code("+-5"), "money.invalid");
  EXPECT_EQ(error_code("5-"), "money.invalid");
  EXPECT_EQ(error_code("- 5"), "money.invalid");
  EXPECT_EQ(error_code("."), "money.invalid");
  EXPECT_EQ(error_code(".500"), "money.invalid");
  EXPECT_EQ(error_code("500."), "money.invalid");
  EXPECT_EQ(error_code("(150.000)"), "money.invalid");
  EXPECT_EQ(error_code("2.800.000 đ đ"), "money.invalid");
  EXPECT_EQ(error_code("\xFF\xFE"), "money.invalid");  // not UTF-8
}

TEST(ParseDong, RefusesMisplacedSeparators) {
  EXPECT_EQ(error_code("2.80.000"), "money.invalid");
  EXPECT_EQ(error_code("28.00.000"), "money.invalid");
  EXPECT_EQ(error_code("2800.000.000"), "money.invalid");
  EXPECT_EQ(error_code("2..800"), "money.invalid");
  EXPECT_EQ(error_code("2.800 000"), "money.invalid");  // two kinds of grouping
  EXPECT_EQ(error_code("2 800.000"), "money.invalid");
  EXPECT_EQ(error_code("2.800.000,000.00"), "money.invalid");
  EXPECT_EQ(error_code("1,000.000,00"), "money.invalid");
  EXPECT_EQ(error_code("2 80 000"), "money.invalid");
  EXPECT_NE(parse_dong("2.80.000").error().message.en.find("misplaced"), std::string::npos);
}

TEST(ParseDong, RefusesAmountsFromTheLimitUp) {
  EXPECT_EQ(error_code("1.000.000.000.000.000"), "money.too_large");
  EXPECT_EQ(error_code("1000000000000000"), "money.too_large");
  EXPECT_EQ(error_code("-1.000.000.000.000.000"), "money.too_large");
  EXPECT_EQ(error_code("99999999999999999999999999"), "money.too_large");
  EXPECT_EQ(error_code("9223372036854775808"), "money.too_large");  // past int64 too
  // Leading zeros are not magnitude.
  EXPECT_EQ(parsed("0000000000000000000012"), 12);
}

TEST(ParseDong, ErrorsSayWhatWasWrittenInBothLanguages) {
  const auto result = parse_dong("hai triệu");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(result.error().message.vi.find("“hai triệu”"), std::string::npos);
  EXPECT_NE(result.error().message.en.find("“hai triệu”"), std::string::npos);
  const auto large = parse_dong("1.000.000.000.000.000");
  ASSERT_FALSE(large);
  EXPECT_NE(large.error().message.vi.find("999.999.999.999.999 đ"), std::string::npos);
  // A long paste is cut short in the message.
  const auto pasted = parse_dong(std::string(500, 'x'));
  ASSERT_FALSE(pasted);
  EXPECT_LT(pasted.error().message.en.size(), 200u);
}

TEST(ParseDong, ReadsBackWhatFormatWrites) {
  std::mt19937_64 random(6);
  std::uniform_int_distribution<Dong> any(-(kMaxAmount - 1), kMaxAmount - 1);
  for (int i = 0; i < 2000; ++i) {
    const Dong amount = i < 20 ? i : any(random) >> (i % 50);
    EXPECT_EQ(parsed(format_dong_digits(amount)), amount);
    EXPECT_EQ(parsed(format_dong(amount)), amount);
  }
}

TEST(CheckedAdd, AddsOrSaysItOverflows) {
  EXPECT_EQ(checked_add(2800000, 20000000), 22800000);
  EXPECT_EQ(checked_add(-150000, 150000), 0);
  EXPECT_EQ(checked_add(kMaxDong, 0), kMaxDong);
  EXPECT_EQ(checked_add(kMaxDong, -1), kMaxDong - 1);
  EXPECT_EQ(checked_add(kMinDong, kMaxDong), -1);
  EXPECT_EQ(checked_add(kMaxDong, 1), std::nullopt);
  EXPECT_EQ(checked_add(kMinDong, -1), std::nullopt);
  EXPECT_EQ(checked_add(kMaxDong, kMaxDong), std::nullopt);
  EXPECT_EQ(checked_add(kMinDong, kMinDong), std::nullopt);
}

TEST(AddTo, AddsOrRefusesAndLeavesTheTotalAlone) {
  Dong total = kMaxLedgerTotal - 1;
  EXPECT_TRUE(add_to(total, 1));
  EXPECT_EQ(total, kMaxLedgerTotal);
  total = kMaxDong - 5;
  const Status passed = add_to(total, 6);
  ASSERT_FALSE(passed);
  EXPECT_EQ(passed.error().code, "money.total_too_large");
  EXPECT_EQ(passed.error().kind, ErrorKind::conflict);
  EXPECT_EQ(passed.error().where.field, "amount");
  EXPECT_NE(passed.error().message.vi.find("1.000.000.000.000.000.000 đ"), std::string::npos);
  EXPECT_EQ(total, kMaxDong - 5) << "a refused sum changes nothing";
  total = kMinDong;
  EXPECT_FALSE(add_to(total, -1));
  // The limit leaves room to add a few totals of a report together.
  EXPECT_TRUE(checked_add(kMaxLedgerTotal * 4, kMaxLedgerTotal * 4));
}

}  // namespace
}  // namespace dk
