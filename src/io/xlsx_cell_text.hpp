#pragma once
// How a value stored in an XLSX cell becomes the text the user typed or sees: numbers without a
// stray ".0" (a CCCD number typed as a number must come back as its digits), dates from their
// serial day numbers (and back, for the writer), Excel's _xHHHH_ escapes undone, and cell
// references ("C5") as columns.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"

namespace dk::io {

// What a number format shows a number as.
enum class NumberFormatKind { number, date, time };

// The built-in formats (numFmtId below 164) that show dates or times.
NumberFormatKind builtin_number_format_kind(int number_format_id);
// A custom format code such as "dd/mm/yyyy" or "[$-42A]d mmmm yyyy;@": date tokens (d, m, y)
// outside quotes and brackets make a date; h or s without them, a time.
NumberFormatKind number_format_code_kind(std::string_view code);

// Which day serial 0 is: Excel for Windows counts from 1900 (with Lotus 1-2-3's false
// 29 February 1900), old Excel for Mac from 1904.
enum class DateSystem { from_1900, from_1904 };

// "dd/mm/yyyy" for a serial day number (the time of day is dropped: the registry keeps dates).
// Nothing when the serial is not a day Excel can show.
std::optional<std::string> serial_to_date_text(double serial, DateSystem system);
// The serial day number (1900 system) that Excel and LibreOffice both show as `date`. Nothing
// before 1 March 1900, where Excel counts Lotus 1-2-3's 29 February and LibreOffice does not, so
// the two would show different days, nor after 31/12/9999.
std::optional<long> date_to_serial(const CivilDate& date);
// "hh:mm" or "hh:mm:ss" for a fraction of a day; nothing outside [0, 1).
std::optional<std::string> serial_to_time_text(double serial);

// Integers without a decimal point (42199000123), other numbers in the shortest form that reads
// back to the same double (0.1, 1.5e-07).
std::string format_number(double value);

// Undoes Excel's _xHHHH_ escapes for characters XML cannot hold ("_x000D_" is a carriage return,
// "_x005F_" the underscore that protects a literal "_x").
std::string decode_xml_string_escapes(std::string_view text);

// The zero-based column of a cell reference ("A1" → 0, "AB7" → 27); nothing when it is not one.
std::optional<std::uint32_t> column_of_reference(std::string_view reference);

}  // namespace dk::io
