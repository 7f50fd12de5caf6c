#pragma once
// Who took part in a contest (issue 17): each person of its audience, whether they finished an
// attempt, and the collective rankings unions give prizes for — the departments and the
// organizations with the most entrants and with the highest share of their people entering.
// Every figure comes from the same rows, so that the departments' counts add up to the total.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/registry.hpp"

namespace dk {

struct ParticipantRow {
  Id person_id = 0;
  std::string full_name;
  std::optional<Id> unit_id;
  std::string unit_name;  // empty without a department
  bool entered = false;   // finished an attempt in some round
};

// A department or an organization: its people in the audience and those who entered.
struct ParticipationGroup {
  std::optional<Id> id;  // none: the people without a department
  std::string name;
  std::int64_t people = 0;
  std::int64_t entrants = 0;
  int rank_by_count = 0;  // 1 most entrants; equal counts, equal rank
  int rank_by_rate = 0;   // 1 highest share entered; equal shares, equal rank
};

struct Participation {
  std::int64_t people = 0;
  std::int64_t entrants = 0;
  std::vector<ParticipationGroup> units;  // in `rows`' order of first appearance
};

// The total and each department's figures, ranked both ways.
Participation participation_of(std::span<const ParticipantRow> rows);

// Ranks groups in place by entrants and by share entered (compared exactly, as fractions).
void rank_groups(std::vector<ParticipationGroup>& groups);

}  // namespace dk
