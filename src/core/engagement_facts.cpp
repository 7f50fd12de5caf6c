#include "core/engagement_facts.hpp"

#include <algorithm>
#include <map>

#include "core/engagement_records.hpp"

namespace dk {
namespace {

int shift_of(ActivityKind kind) {
  return static_cast<int>(kind) * kKindCountBits;
}

struct YearFacts {
  std::int64_t attended = 0;
  std::int64_t expected = 0;
  std::uint32_t months = 0;
  std::int64_t kind_counts = 0;
  std::optional<long> last_attended_day;
};

bool member_during(std::span<const MembershipSpan> memberships, Id organization, int year) {
  return std::ranges::any_of(memberships, [&](const MembershipSpan& span) {
    if (span.organization_id != organization) return false;
    if (span.joined_on && span.joined_on->year > year) return false;
    if (span.current) return true;
    // Left: a member up to the year of leaving; an unknown day of leaving keeps only the year
    // of joining, since nothing says they stayed longer.
    if (span.left_on) return span.left_on->year >= year;
    return span.joined_on && span.joined_on->year == year;
  });
}

bool member_on(const MembershipSpan& span, CivilDate date) {
  if (span.joined_on && *span.joined_on > date) return false;
  if (span.left_on) return *span.left_on >= date;
  return span.current;
}

}  // namespace

template <>
std::span<const CodeEntry<EngagementCrowd>> code_entries() {
  static constexpr CodeEntry<EngagementCrowd> kEntries[] = {
      {EngagementCrowd::members, "members", "Hội viên, đoàn viên", "Members", ""},
      {EngagementCrowd::reached, "reached", "Đã tham gia", "Took part", ""},
      {EngagementCrowd::never, "never", "Chưa tham gia", "Never took part", ""},
      {EngagementCrowd::repeat, "repeat", "Tham gia từ 3 lần", "Three times or more", ""},
      {EngagementCrowd::core, "core", "Nòng cốt (từ 6 lần)", "Core (six times or more)", ""},
      {EngagementCrowd::lapsed, "lapsed", "Năm trước có, năm nay chưa",
       "Took part last year, not this year", ""},
      {EngagementCrowd::gone_quiet, "gone-quiet", "Lâu không tham gia", "Gone quiet", ""},
  };
  return kEntries;
}

std::vector<Id> organizations_on(std::span<const MembershipSpan> memberships, CivilDate date) {
  std::vector<Id> organizations;
  for (const MembershipSpan& span : memberships)
    if (member_on(span, date) &&
        std::ranges::find(organizations, span.organization_id) == organizations.end())
      organizations.push_back(span.organization_id);
  return organizations;
}

bool required_of(const Audience& audience, Id unit, std::span<const MembershipSpan> memberships,
                 CivilDate date) {
  return std::ranges::any_of(memberships, [&](const MembershipSpan& span) {
    if (!member_on(span, date)) return false;
    switch (audience.scope) {
      case AudienceScope::everyone:
        return true;
      case AudienceScope::organizations:
        return std::ranges::find(audience.ids, span.organization_id) != audience.ids.end();
      case AudienceScope::units:
        return std::ranges::find(audience.ids, unit) != audience.ids.end();
    }
    return false;
  });
}

Presence presence_of(AttendanceState state) {
  switch (state) {
    case AttendanceState::present:
    case AttendanceState::late:
      return Presence::attended;
    case AttendanceState::excused:
      return Presence::excused;
    case AttendanceState::absent:
      break;
  }
  return Presence::missed;
}

ActivityKind activity_kind_of(ClubKind kind) {
  switch (kind) {
    case ClubKind::sports:
      return ActivityKind::sports;
    case ClubKind::arts:
      return ActivityKind::culture_arts;
    case ClubKind::other:
      break;
  }
  return ActivityKind::other;
}

std::int64_t kind_count(std::int64_t kind_counts, ActivityKind kind) {
  return (kind_counts >> shift_of(kind)) & kKindCountCap;
}

std::int64_t with_kind_count(std::int64_t kind_counts, ActivityKind kind, std::int64_t count) {
  const std::int64_t capped = std::clamp<std::int64_t>(count, 0, kKindCountCap);
  return (kind_counts & ~(kKindCountCap << shift_of(kind))) | (capped << shift_of(kind));
}

std::vector<EngagementRow> summarize_engagement(std::span<const EngagementFact> facts,
                                                std::span<const MembershipSpan> memberships,
                                                int first_year, int current_year) {
  std::map<Id, std::map<int, YearFacts>> by_organization;
  for (const MembershipSpan& span : memberships) by_organization[span.organization_id];
  for (const EngagementFact& fact : facts) {
    YearFacts& year = by_organization[fact.organization_id][fact.date.year];
    if (fact.presence == Presence::excused) continue;
    ++year.expected;
    if (fact.presence != Presence::attended) continue;
    ++year.attended;
    year.months |= 1u << (fact.date.month - 1);
    year.kind_counts =
        with_kind_count(year.kind_counts, fact.kind, kind_count(year.kind_counts, fact.kind) + 1);
    const long day = days_from_civil(fact.date);
    year.last_attended_day = std::max(year.last_attended_day.value_or(day), day);
  }

  std::vector<EngagementRow> rows;
  for (const auto& [organization, years] : by_organization) {
    bool current = false;
    std::optional<long> joined_day;
    for (const MembershipSpan& span : memberships) {
      if (span.organization_id != organization || !span.current) continue;
      current = true;
      if (span.joined_on) {
        const long day = days_from_civil(*span.joined_on);
        joined_day = std::min(joined_day.value_or(day), day);
      }
    }
    const int last_year =
        std::max(current_year, years.empty() ? current_year : years.rbegin()->first);
    std::optional<long> last_attended_day;
    std::int64_t previous_attended = 0;
    // Facts before first_year still count towards the first row's memory of the past.
    for (auto it = years.begin(); it != years.end() && it->first < first_year; ++it) {
      if (it->second.last_attended_day) last_attended_day = it->second.last_attended_day;
      previous_attended = it->first == first_year - 1 ? it->second.attended : 0;
    }
    for (int year = first_year; year <= last_year; ++year) {
      const auto found = years.find(year);
      const YearFacts none;
      const YearFacts& facts_of_year = found == years.end() ? none : found->second;
      if (facts_of_year.last_attended_day) last_attended_day = facts_of_year.last_attended_day;
      const bool member = member_during(memberships, organization, year);
      if (member || facts_of_year.expected > 0) {
        rows.push_back({.year = year,
                        .organization_id = organization,
                        .member = member,
                        .current_member = current,
                        .attended = facts_of_year.attended,
                        .expected = facts_of_year.expected,
                        .months = facts_of_year.months,
                        .kind_counts = facts_of_year.kind_counts,
                        .last_attended_day = last_attended_day,
                        .previous_attended = previous_attended,
                        .joined_day = joined_day});
      }
      previous_attended = facts_of_year.attended;
    }
  }
  return rows;
}

std::optional<long> quiet_day(const EngagementRow& row) {
  if (!row.member || !row.current_member) return std::nullopt;
  // Read only in its own year, so before a day of that year minus at most kMostQuietDays.
  const long earliest = days_from_civil(CivilDate{row.year, 1, 1}) - kMostQuietDays - 1;
  return std::max({row.last_attended_day.value_or(-1), row.joined_day.value_or(-1), earliest});
}

}  // namespace dk
