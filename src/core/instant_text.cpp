#include "core/instant_text.hpp"

#include <fmt/format.h>

#include <charconv>

namespace dk {
namespace {

// The number in text[at, at + digits), when all of it is digits.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  const char* begin = text.data() + at;
  auto [end, error] = std::from_chars(begin, begin + digits, value);
  if (error != std::errc() || end != begin + digits) return std::nullopt;
  return value;
}

}  // namespace

std::string format_instant(Instant instant) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(instant) + kVietnamOffset;
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const CivilDate date = civil_from_days(static_cast<long>(day.time_since_epoch().count()));
  const auto in_day = (seconds - day).count();
  return fmt::format("{}T{:02}:{:02}:{:02}+07:00", format_iso(date), in_day / 3600,
                     in_day / 60 % 60, in_day % 60);
}

std::string format_vietnamese_time(Instant instant) {
  const auto minutes = std::chrono::floor<std::chrono::minutes>(instant) + kVietnamOffset;
  const auto day = std::chrono::floor<std::chrono::days>(minutes);
  const CivilDate date = civil_from_days(static_cast<long>(day.time_since_epoch().count()));
  const auto in_day = (minutes - day).count();
  return fmt::format("{:02}:{:02} {}", in_day / 60, in_day % 60, format_vietnamese(date));
}

std::optional<Instant> parse_instant(std::string_view text) {
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto date = parse_civil_date(text.substr(0, 10));
  auto hour = digits_at(text, 11, 2);
  auto minute = digits_at(text, 14, 2);
  if (!date || !hour || !minute || text[13] != ':' || *hour > 23 || *minute > 59)
    return std::nullopt;
  // An Instant counts nanoseconds in 64 bits, from 1677 to 2262: a year outside what the product
  // needs is refused before it wraps (the fuzzer found 0028 and 4052 doing that).
  if (date->year < kFirstInstantYear || date->year > kLastInstantYear) return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    auto read = digits_at(text, at + 1, 2);
    if (!read || *read > 59) return std::nullopt;
    second = *read;
    at += 3;
  }
  std::chrono::minutes offset = std::chrono::duration_cast<std::chrono::minutes>(kVietnamOffset);
  if (at < text.size()) {
    const std::string_view zone = text.substr(at);
    if (zone == "Z") {
      offset = std::chrono::minutes(0);
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
      auto hours = digits_at(zone, 1, 2);
      auto minutes = digits_at(zone, 4, 2);
      if (!hours || !minutes || *hours > 14 || *minutes > 59) return std::nullopt;
      offset = std::chrono::minutes(*hours * 60 + *minutes) * (zone[0] == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  const std::chrono::sys_days day{std::chrono::days(days_from_civil(*date))};
  const Instant instant = Instant(day) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                          std::chrono::seconds(second) - offset;
  // The offset may carry the last evening of 2200 into 2201 in Vietnam, which format_instant
  // would then write and this would not read back: the bound holds on Vietnam's calendar too.
  const int year = vietnam_date(instant).year;
  if (year < kFirstInstantYear || year > kLastInstantYear) return std::nullopt;
  return instant;
}

}  // namespace dk
