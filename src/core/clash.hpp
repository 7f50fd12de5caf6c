#pragma once
// Coordination between organizations: before an activity is saved or moved, what it would clash
// with. Three kinds: other activities at the same time whose audiences share people, the same
// place at the same time, and committee members who would be organizing two things at once.
// Clashes warn; the officer may go ahead and the service records that they did.
//
// The service resolves audiences and organizers to person ids (sorted, unique) and passes the
// activities that overlap the candidate's day or so; this compares them. Intersections walk sorted
// vectors (galloping when one side is much smaller), so an agency-wide audience of thousands
// against a province's activities costs linear time, never the product of the sizes.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

// An activity (or a club session) as coordination sees it.
struct Scheduled {
  Id id = 0;
  std::string title;
  Instant starts_at{};
  Instant
      ends_at{};  // [starts_at, ends_at): one ending at 9:00 and one starting at 9:00 do not clash
  std::string place;           // empty: unknown, never clashes
  std::vector<Id> audience;    // person ids, sorted, no repeats
  std::vector<Id> organizers;  // committee members of its organizing organizations, sorted, unique
};

enum class ClashKind {
  shared_audience,          // people expected at both
  same_place,               // one room, two activities
  organizer_double_booked,  // a committee member organizing both
};

template <>
std::span<const CodeEntry<ClashKind>> code_entries();

struct Clash {
  ClashKind kind = ClashKind::shared_audience;
  Id other_id = 0;
  std::string other_title;
  Instant other_starts_at{};
  Instant other_ends_at{};
  std::vector<Id> people;         // the people concerned, in id order, at most `people_limit`
  std::int64_t people_count = 0;  // all of them (0 for same_place)
};

inline constexpr std::size_t kClashPeopleLimit = 50;

// Whether [a_start, a_end) and [b_start, b_end) share a moment; empty intervals share none.
bool overlaps(Instant a_start, Instant a_end, Instant b_start, Instant b_end);

// Places are the same after trimming, ignoring case, tones and đ, and collapsing spaces:
// "Hội trường  A" and "hoi truong a" are one room.
std::string place_key(std::string_view place);

// The clashes of `candidate` with `others`, sorted by the other's start, then its id, then kind.
// An other with the candidate's id is its stored self (when moving it) and is skipped.
std::vector<Clash> find_clashes(const Scheduled& candidate, std::span<const Scheduled> others,
                                std::size_t people_limit = kClashPeopleLimit);

}  // namespace dk
