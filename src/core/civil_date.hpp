#pragma once
// A date on the calendar (a birthday, a join date), with no time and no zone. Vietnamese offices
// write dd/mm/yyyy; storage and APIs use ISO 8601 (yyyy-mm-dd).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dk {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const CivilDate& date);

// Accepts dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd. Returns nothing when the
// text is not a date or names a day that does not exist (31/02/1990).
std::optional<CivilDate> parse_civil_date(std::string_view text);

// Days since 1970-01-01 and back (proleptic Gregorian), for spreadsheet serials and arithmetic.
long days_from_civil(const CivilDate& date);
CivilDate civil_from_days(long days);

// The date `days` later (earlier when negative), across month and year ends.
CivilDate add_days(const CivilDate& date, long days);

// Days of the week in ISO 8601 order: the Vietnamese week starts on Monday (Thứ Hai) and ends on
// Sunday (Chủ nhật).
enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };
Weekday weekday_of(const CivilDate& date);

std::string format_iso(const CivilDate& date);         // 1990-02-03
std::string format_vietnamese(const CivilDate& date);  // 03/02/1990
// The place and date line of an administrative document (Decree 30/2020/NĐ-CP): "Hà Tĩnh, ngày 03
// tháng 02 năm 1990", "Hà Tĩnh, ngày 07 tháng 12 năm 2026" (a zero before a day under 10 and
// before the months 1 and 2, as the decree writes them); in English ("en") "Hà Tĩnh, 3 February
// 1990".
std::string document_date_line(std::string_view place, const CivilDate& date,
                               std::string_view language);

}  // namespace dk
