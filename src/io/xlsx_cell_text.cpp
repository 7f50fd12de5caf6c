#include "io/xlsx_cell_text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/civil_date.hpp"

namespace dk::io {
namespace {

// Serial day numbers of 1970-01-01, which civil_from_days counts from.
constexpr long kUnixEpoch1900 = 25569;
constexpr long kUnixEpoch1904 = 24107;
// 31/12/9999, the last day Excel shows.
constexpr double kLastSerial = 2958465;
// Excel has 16384 columns (A to XFD).
constexpr std::uint32_t kMaxColumns = 16384;

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace

NumberFormatKind builtin_number_format_kind(int id) {
  // 14–17 and 22 are dates (22 with a time); 27–36 and 50–58 are the dates of East Asian
  // locales; 18–21 and 45–47 show only a time or a duration.
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return NumberFormatKind::date;
  }
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberFormatKind::time;
  return NumberFormatKind::number;
}

NumberFormatKind number_format_code_kind(std::string_view code) {
  bool day_or_year = false;
  bool month_or_minute = false;
  bool hour_or_second = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = ascii_lower(code[i]);
    switch (c) {
      case '"': {  // literal text
        const std::size_t close = code.find('"', i + 1);
        i = close == std::string_view::npos ? code.size() : close;
        break;
      }
      case '[': {  // [Red], [$-42A], [h]: colours, locales and elapsed hours
        const std::size_t close = code.find(']', i + 1);
        const std::string_view inside =
            code.substr(i + 1, (close == std::string_view::npos ? code.size() : close) - i - 1);
        if (!inside.empty() &&
            (ascii_lower(inside.front()) == 'h' || ascii_lower(inside.front()) == 's' ||
             (ascii_lower(inside.front()) == 'm' && inside.size() <= 2))) {
          hour_or_second = true;
        }
        i = close == std::string_view::npos ? code.size() : close;
        break;
      }
      case '\\':  // an escaped character
      case '_':   // space as wide as the next character
      case '*':   // repeat the next character
        ++i;
        break;
      case ';':  // the first section is the one for positive numbers and dates
        i = code.size();
        break;
      case 'd':
      case 'y':
        day_or_year = true;
        break;
      case 'm':
        month_or_minute = true;
        break;
      case 'h':
      case 's':
        hour_or_second = true;
        break;
      default:
        break;
    }
  }
  // "m" is a month next to d or y, and a minute next to h or s ("h:mm").
  if (day_or_year || (month_or_minute && !hour_or_second)) return NumberFormatKind::date;
  if (hour_or_second) return NumberFormatKind::time;
  return NumberFormatKind::number;
}

std::optional<std::string> serial_to_date_text(double serial, DateSystem system) {
  // Serial 0 is 1 January 1904 in the 1904 system, but “0 January 1900” in the other.
  const double first = system == DateSystem::from_1904 ? 0 : 1;
  const double last =
      system == DateSystem::from_1904 ? kLastSerial - kUnixEpoch1900 + kUnixEpoch1904 : kLastSerial;
  if (!std::isfinite(serial) || serial < first || serial >= last + 1) return std::nullopt;
  const auto day = static_cast<long>(std::floor(serial));
  if (system == DateSystem::from_1904) {
    return format_vietnamese(civil_from_days(day - kUnixEpoch1904));
  }
  // Excel keeps Lotus 1-2-3's mistake that 1900 was a leap year: serial 60 is 29/02/1900, a day
  // that never was, so the serials before it are one day later than their count suggests.
  if (day == 60) return "29/02/1900";
  const long offset = day < 60 ? kUnixEpoch1900 - 1 : kUnixEpoch1900;
  return format_vietnamese(civil_from_days(day - offset));
}

std::optional<long> date_to_serial(const CivilDate& date) {
  constexpr long kFirstMarch1900 = 61;
  const long serial = days_from_civil(date) + kUnixEpoch1900;
  if (serial < kFirstMarch1900 || serial > static_cast<long>(kLastSerial)) return std::nullopt;
  return serial;
}

std::optional<std::string> serial_to_time_text(double serial) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 1) return std::nullopt;
  auto seconds = static_cast<long>(std::llround(serial * 86400.0));
  if (seconds >= 86400) seconds = 86399;
  const long hours = seconds / 3600;
  const long minutes = seconds / 60 % 60;
  seconds %= 60;
  if (seconds == 0) return fmt::format("{:02}:{:02}", hours, minutes);
  return fmt::format("{:02}:{:02}:{:02}", hours, minutes, seconds);
}

std::string format_number(double value) {
  if (value == 0) return "0";  // also -0
  // Below 10^15 every integer is exact in a double and Excel shows all its digits.
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 1e15) {
    return fmt::format("{:.0f}", value);
  }
  return fmt::format("{}", value);
}

std::string decode_xml_string_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t code_point = 0;
    if (text.size() - i >= 7 && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_') {
      const char* first = text.data() + i + 2;
      const auto [end, error] = std::from_chars(first, first + 4, code_point, 16);
      // A lone surrogate half would make the text invalid UTF-8: such an escape stays as written.
      const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
      if (error == std::errc() && end == first + 4 && !surrogate) {
        append_utf8(out, code_point);
        i += 7;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::optional<std::uint32_t> column_of_reference(std::string_view reference) {
  std::uint32_t column = 0;
  std::size_t letters = 0;
  while (letters < reference.size() && letters < 3) {
    const char c = reference[letters];
    const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper < 'A' || upper > 'Z') break;
    column = column * 26 + static_cast<std::uint32_t>(upper - 'A' + 1);
    ++letters;
  }
  if (letters == 0 || column > kMaxColumns) return std::nullopt;
  const std::string_view row = reference.substr(letters);
  if (row.empty() || row.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return column - 1;
}

}  // namespace dk::io
