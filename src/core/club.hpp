#pragma once
// A sports or arts club of an organization (the trade union's badminton club that trains on
// Tuesday and Thursday at 17:00): its members and its weekly sessions, whose rule, cancellations
// and moves are core/recurrence's.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/recurrence.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class ClubKind { sports, arts, other };

template <>
std::span<const CodeEntry<ClubKind>> code_entries();

struct Club {
  Id id = 0;
  Id tenant_id = 0;
  Id organization_id = 0;
  std::string name;
  ClubKind kind = ClubKind::sports;
  std::string description;
};

// A club's weekly sessions: one rule, where they take place, and its exceptions.
struct ClubSchedule {
  Id id = 0;
  Id club_id = 0;
  WeeklyRule rule;
  std::string place;
  std::vector<RuleException> exceptions;
};

inline constexpr std::size_t kMaxClubNameLength = 200;  // characters

// Name required (at most 200 characters); field-named errors.
Status validate_club(const Club& club);

}  // namespace dk
