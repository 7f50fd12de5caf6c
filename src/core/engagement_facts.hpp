#pragma once
// What one person did for each organization, year by year: the facts the engagement measures
// (core/engagement_measures.hpp) count. A fact is an activity or a club session the person was
// expected at or attended; a summary row folds a person's facts for one organizing organization
// and one year into a few numbers, so that an agency's dashboard reads one row per member instead
// of every attendance record (the store keeps the rows and rebuilds those of the people whose
// attendance, registrations or memberships changed).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/activity.hpp"
#include "core/civil_date.hpp"
#include "core/club.hpp"
#include "core/registration.hpp"
#include "core/registry.hpp"

namespace dk {

// The version of the definitions (this file and engagement_measures.hpp, docs/engagement.md):
// answers carry it so that a report can cite what its numbers mean.
inline constexpr std::string_view kEngagementDefinitions = "2026.1";

enum class Presence {
  attended,  // present or late
  missed,    // expected (registered, required of them, or marked absent) and not there
  excused,   // absent with leave: neither attended nor expected
};

Presence presence_of(AttendanceState state);
// A club's sessions count as the kind of activity they are: sports as sports, arts as culture.
ActivityKind activity_kind_of(ClubKind kind);

// One activity or club session of one organizing organization (a joint activity gives one fact
// per organizer, so that each organization's numbers count it).
struct EngagementFact {
  Id organization_id = 0;
  ActivityKind kind =
      ActivityKind::other;  // a club's sports and arts sessions count as those kinds
  CivilDate date;           // in Vietnam
  Presence presence = Presence::missed;
};

struct MembershipSpan {
  Id organization_id = 0;
  std::optional<CivilDate> joined_on;  // nothing: since before the records began
  std::optional<CivilDate> left_on;    // nothing: still a member (or left on an unknown day)
  bool current = false;                // not left
};

// A contest entered (a round's counted attempt) is a fact of this kind: the contests unions run
// are "tìm hiểu" — learning a law or a resolution — and count with its study (docs/engagement.md).
inline constexpr ActivityKind kContestKind = ActivityKind::study;

// The organizations a person was a member of on `date`: those an agency-wide contest entered that
// day counts for, as a joint activity counts for each organizer.
std::vector<Id> organizations_on(std::span<const MembershipSpan> memberships, CivilDate date);

// Bits per kind in EngagementRow::kind_counts: a count per kind of activity, each capped at 127
// so that eight kinds fit into one signed 64-bit integer that both databases can add and shift.
inline constexpr int kKindCountBits = 7;
inline constexpr std::int64_t kKindCountCap = (1 << kKindCountBits) - 1;

// One person, one organization, one year.
struct EngagementRow {
  int year = 0;
  Id organization_id = 0;
  bool member = false;           // a member of the organization on some day of the year
  bool current_member = false;   // a member now
  std::int64_t attended = 0;     // facts attended
  std::int64_t expected = 0;     // facts attended or missed (excused ones are not expected)
  std::uint32_t months = 0;      // bit m - 1 set: attended something in month m
  std::int64_t kind_counts = 0;  // packed attended counts per kind (kind_count reads one)
  // The last day the person attended anything of the organization, up to the end of the year.
  std::optional<long> last_attended_day;  // days since 1970-01-01
  std::int64_t previous_attended = 0;     // facts attended the year before
  std::optional<long> joined_day;         // the current membership's start, days since 1970
};

// The longest "no attendance for N days" a reader may ask for.
inline constexpr int kMostQuietDays = 730;

// For a current member, the day from which they count as quiet: their last attendance or their
// joining, whichever came later; nothing for others. A day too early for any N to matter is
// raised to the same early day, so that the agency's totals by that day (engagement_quiet) keep
// about a thousand days per department instead of every joining date since the 1970s.
std::optional<long> quiet_day(const EngagementRow& row);

// The attended count of one kind in a packed kind_counts.
std::int64_t kind_count(std::int64_t kind_counts, ActivityKind kind);
std::int64_t with_kind_count(std::int64_t kind_counts, ActivityKind kind, std::int64_t count);

// Whether a required activity on `date` expected a person of department `unit` (0: none) with
// these memberships: everyone means every member of an organization of the agency on that day,
// organizations the members of those, units the members in those departments.
bool required_of(const Audience& audience, Id unit, std::span<const MembershipSpan> memberships,
                 CivilDate date);

// The rows of one person: for every organization they were a member of or have facts for, every
// year from `first_year` (the agency's first year with records; earlier facts only feed
// previous_attended and last_attended_day) to the later of `current_year` and their last fact,
// leaving out the years in which they were neither a member nor had a fact.
std::vector<EngagementRow> summarize_engagement(std::span<const EngagementFact> facts,
                                                std::span<const MembershipSpan> memberships,
                                                int first_year, int current_year);

}  // namespace dk
