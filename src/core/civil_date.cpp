#include "core/civil_date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace dk {
namespace {

std::optional<int> parse_number(std::string_view text, size_t min_digits, size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<CivilDate> checked(std::optional<int> year, std::optional<int> month,
                                 std::optional<int> day) {
  if (!year || !month || !day) return std::nullopt;
  const CivilDate date{*year, *month, *day};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_valid(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 &&
         date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

std::optional<CivilDate> parse_civil_date(std::string_view text) {
  const size_t first = text.find_first_of("/-.");
  if (first == std::string_view::npos) return std::nullopt;
  const char separator = text[first];
  const size_t second = text.find(separator, first + 1);
  if (second == std::string_view::npos ||
      text.find(separator, second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view a = text.substr(0, first);
  const std::string_view b = text.substr(first + 1, second - first - 1);
  const std::string_view c = text.substr(second + 1);
  if (separator == '-' && a.size() == 4) {  // ISO 8601
    return checked(parse_number(a, 4, 4), parse_number(b, 2, 2), parse_number(c, 2, 2));
  }
  return checked(parse_number(c, 4, 4), parse_number(b, 1, 2), parse_number(a, 1, 2));
}

// Howard Hinnant's days_from_civil algorithm.
long days_from_civil(const CivilDate& date) {
  const int y = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const auto m = static_cast<unsigned>(date.month);
  const unsigned doy =
      (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(date.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(m <= 2 ? y + 1 : y), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate add_days(const CivilDate& date, long days) {
  return civil_from_days(days_from_civil(date) + days);
}

Weekday weekday_of(const CivilDate& date) {
  // 1970-01-01 was a Thursday, three days after a Monday.
  const long monday_based = (days_from_civil(date) + 3) % 7;
  return static_cast<Weekday>(monday_based < 0 ? monday_based + 7 : monday_based);
}

std::string format_iso(const CivilDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string format_vietnamese(const CivilDate& date) {
  return fmt::format("{:02}/{:02}/{:04}", date.day, date.month, date.year);
}

std::string document_date_line(std::string_view place, const CivilDate& date,
                               std::string_view language) {
  if (language == "en") {
    static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
    const char* month = date.month >= 1 && date.month <= 12 ? kMonths[date.month - 1] : "";
    return fmt::format("{}, {} {} {}", place, date.day, month, date.year);
  }
  // The decree writes a zero before a day under 10 and before the months 1 and 2 only.
  const std::string month =
      date.month < 3 ? fmt::format("{:02}", date.month) : std::to_string(date.month);
  return fmt::format("{}, ngày {:02} tháng {} năm {}", place, date.day, month, date.year);
}

}  // namespace dk
