#include "core/recurrence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace dk {
namespace {

constexpr CodeEntry<Weekday> kWeekdays[] = {
    {Weekday::monday, "monday", "Thứ Hai", "Monday", "t2|thu 2|mo|mon"},
    {Weekday::tuesday, "tuesday", "Thứ Ba", "Tuesday", "t3|thu 3|tu|tue"},
    {Weekday::wednesday, "wednesday", "Thứ Tư", "Wednesday", "t4|thu 4|we|wed"},
    {Weekday::thursday, "thursday", "Thứ Năm", "Thursday", "t5|thu 5|th"},
    {Weekday::friday, "friday", "Thứ Sáu", "Friday", "t6|thu 6|fr|fri"},
    {Weekday::saturday, "saturday", "Thứ Bảy", "Saturday", "t7|thu 7|thu bay|sa|sat"},
    {Weekday::sunday, "sunday", "Chủ nhật", "Sunday", "cn|su|sun"},
};

// RFC 5545's two-letter day names, in Weekday order.
constexpr std::array<std::string_view, 7> kIcalendarDays = {"MO", "TU", "WE", "TH",
                                                            "FR", "SA", "SU"};

constexpr int kMinutesPerDay = 24 * 60;

std::unexpected<Error> invalid(std::string code, std::string field, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

Status check_times(int start_minute, int end_minute) {
  if (start_minute < 0 || start_minute >= kMinutesPerDay) {
    return invalid("recurrence.time_invalid", "start_minute", "Giờ bắt đầu không hợp lệ.",
                   "The start time is not a time of day.");
  }
  if (end_minute <= start_minute || end_minute > kMinutesPerDay) {
    return invalid("recurrence.time_invalid", "end_minute",
                   "Giờ kết thúc phải sau giờ bắt đầu, trong cùng một ngày.",
                   "The end time must come after the start, on the same day.");
  }
  return {};
}

std::unexpected<Error> invalid_date(std::string field) {
  return invalid("recurrence.date_invalid", std::move(field), "Ngày không hợp lệ.",
                 "The date does not exist.");
}

// The rule's days in week order, each once.
std::vector<Weekday> ordered_days(const WeeklyRule& rule) {
  std::vector<Weekday> days = rule.days;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

bool is_session_date(const WeeklyRule& rule, const CivilDate& date) {
  if (date < rule.first || (rule.last && *rule.last < date)) return false;
  return std::find(rule.days.begin(), rule.days.end(), weekday_of(date)) != rule.days.end();
}

Occurrence make_occurrence(const CivilDate& date, int start_minute, int end_minute, bool moved,
                           const CivilDate& original_date) {
  return Occurrence{date, vietnam_instant(date, start_minute), vietnam_instant(date, end_minute),
                    moved, original_date};
}

// The first exception of each session date, sorted by date for lookup.
std::vector<RuleException> first_exception_per_date(const WeeklyRule& rule,
                                                    const std::vector<RuleException>& exceptions) {
  std::vector<RuleException> kept;
  for (const auto& exception : exceptions) {
    if (is_session_date(rule, exception.date)) kept.push_back(exception);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const auto& a, const auto& b) { return a.date == b.date; }),
             kept.end());
  return kept;
}

}  // namespace

template <>
std::span<const CodeEntry<Weekday>> code_entries() {
  return kWeekdays;
}

Status validate_weekly_rule(const WeeklyRule& rule) {
  if (rule.days.empty()) {
    return invalid("recurrence.days_required", "days", "Chọn ít nhất một ngày trong tuần.",
                   "Choose at least one day of the week.");
  }
  if (ordered_days(rule).size() != rule.days.size()) {
    return invalid("recurrence.day_duplicate", "days", "Một ngày trong tuần được chọn hai lần.",
                   "A day of the week is chosen twice.");
  }
  if (auto times = check_times(rule.start_minute, rule.end_minute); !times) return times;
  if (!is_valid(rule.first)) return invalid_date("first");
  if (rule.last) {
    if (!is_valid(*rule.last)) return invalid_date("last");
    if (*rule.last < rule.first) {
      return invalid("recurrence.last_before_first", "last",
                     "Ngày kết thúc không được trước ngày bắt đầu.",
                     "The last date cannot come before the first.");
    }
  }
  return {};
}

Status validate_exception(const WeeklyRule& rule, const RuleException& exception) {
  if (!is_valid(exception.date)) return invalid_date("date");
  if (!is_session_date(rule, exception.date)) {
    return invalid("recurrence.not_a_session_date", "date",
                   fmt::format("Ngày {} không có buổi sinh hoạt theo lịch.",
                               format_vietnamese(exception.date)),
                   fmt::format("There is no scheduled session on {}.", format_iso(exception.date)));
  }
  if (exception.moved_to) {
    if (!is_valid(exception.moved_to->date)) return invalid_date("moved_to.date");
    return check_times(exception.moved_to->start_minute, exception.moved_to->end_minute);
  }
  return {};
}

std::optional<CivilDate> first_session_date(const WeeklyRule& rule) {
  for (long offset = 0; offset < 7; ++offset) {
    const CivilDate date = add_days(rule.first, offset);
    if (is_session_date(rule, date)) return date;
  }
  return std::nullopt;
}

std::vector<Occurrence> occurrences(const WeeklyRule& rule,
                                    const std::vector<RuleException>& exceptions, CivilDate from,
                                    CivilDate to) {
  const auto changes = first_exception_per_date(rule, exceptions);
  const auto change_on = [&](const CivilDate& date) -> const RuleException* {
    const auto found =
        std::lower_bound(changes.begin(), changes.end(), date,
                         [](const auto& a, const CivilDate& b) { return a.date < b; });
    return found != changes.end() && found->date == date ? &*found : nullptr;
  };

  std::vector<Occurrence> out;
  const CivilDate begin = std::max(from, rule.first);
  const CivilDate end = rule.last ? std::min(to, *rule.last) : to;
  for (long day = days_from_civil(begin); day <= days_from_civil(end); ++day) {
    const CivilDate date = civil_from_days(day);
    if (is_session_date(rule, date) && change_on(date) == nullptr) {
      out.push_back(make_occurrence(date, rule.start_minute, rule.end_minute, false, date));
    }
  }
  for (const auto& change : changes) {
    if (!change.moved_to) continue;
    const MovedSession& moved = *change.moved_to;
    if (moved.date < from || to < moved.date) continue;
    out.push_back(
        make_occurrence(moved.date, moved.start_minute, moved.end_minute, true, change.date));
  }
  std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.starts_at, a.original_date) < std::tie(b.starts_at, b.original_date);
  });
  return out;
}

std::string rrule(const WeeklyRule& rule) {
  std::string out = "FREQ=WEEKLY;BYDAY=";
  bool first = true;
  for (const Weekday day : ordered_days(rule)) {
    if (!first) out += ',';
    out += kIcalendarDays[static_cast<std::size_t>(day)];
    first = false;
  }
  if (rule.last) {
    // UNTIL is inclusive: the last second of the last local day, written in UTC.
    const Instant until = vietnam_instant(*rule.last, kMinutesPerDay) - std::chrono::seconds(1);
    const auto day = std::chrono::floor<std::chrono::days>(until);
    const std::chrono::hh_mm_ss time{until - day};
    const CivilDate date = civil_from_days(static_cast<long>(day.time_since_epoch().count()));
    out += fmt::format(";UNTIL={:04}{:02}{:02}T{:02}{:02}{:02}Z", date.year, date.month, date.day,
                       time.hours().count(), time.minutes().count(), time.seconds().count());
  }
  return out;
}

std::string format_minute_of_day(int minute) {
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

Text describe(const WeeklyRule& rule) {
  Text out;
  for (const Weekday day : ordered_days(rule)) {
    const auto& entry = entry_of(day);
    out.vi += fmt::format("{}, ", entry.vi);
    out.en += fmt::format("{}, ", entry.en);
  }
  const std::string times =
      format_minute_of_day(rule.start_minute) + "\u2013" + format_minute_of_day(rule.end_minute);
  out.vi += times;
  out.en += times;
  return out;
}

}  // namespace dk
