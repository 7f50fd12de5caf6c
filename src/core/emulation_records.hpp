#pragma once
// An organization's emulation year as it is stored (migration 0023): the year's stage and
// decision, each member's and each department's file, registrations, the council's votes and the
// titles awarded. The evaluation (core/emulation_evaluation.hpp) reads these; the workflow
// (service/emulation.hpp) writes them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/emulation_evaluation.hpp"
#include "core/money.hpp"

namespace dk {

// open → proposed (the rules' proposal kept as the council saw it) → decided (awards recorded);
// a proposal sent back is open again.
enum class EmulationStage { open, proposed, decided };

template <>
std::span<const CodeEntry<EmulationStage>> code_entries();
template <>
std::span<const CodeEntry<Verdict>> code_entries();

struct EmulationDecision {
  std::string number;  // số, ký hiệu: "15/QĐ-CĐCS"
  CivilDate signed_on;
  std::string signer;
};

struct EmulationYearRecord {
  Id organization = 0;
  int year = 0;
  EmulationStage stage = EmulationStage::open;
  std::int64_t council_members = 0;
  std::optional<CivilDate> rules_day;  // the day whose rules made the proposal
  std::optional<Instant> proposed_at;
  std::string reopened_reason;
  std::optional<EmulationDecision> decision;
};

// The committee's review of a member's year.
struct EmulationReview {
  TaskRating rating = TaskRating::completed;
  std::int64_t absence_days = 0;
  DisciplineLevel discipline = DisciplineLevel::none;
  bool initiative = false;
  std::string initiative_note;
};

// A member of the organization in the year, with what the registry, the engagement facts and
// their emulation file say.
struct EmulationMember {
  Id person = 0;
  std::string full_name;
  std::optional<Id> unit;
  std::string unit_name;
  std::optional<CivilDate> joined_on;
  std::int64_t attended = 0;  // of the activities expected of them in the year
  std::int64_t expected = 0;
  std::optional<TaskRating> self_rating;
  std::string self_note;
  std::optional<EmulationReview> review;
  std::string returned_reason;
  std::vector<std::string> registered;        // titles, in code order
  std::map<std::string, std::int64_t> votes;  // title → yes votes
};

struct EmulationUnit {
  Id unit = 0;
  std::string name;
  std::optional<TaskRating> rating;
  std::vector<std::string> registered;
  std::map<std::string, std::int64_t> votes;
};

struct EmulationVote {
  EmulationSubject subject = EmulationSubject::person;
  Id subject_id = 0;
  std::string title;
  std::int64_t yes = 0;
};

struct EmulationAward {
  Id organization = 0;
  int year = 0;
  EmulationSubject subject = EmulationSubject::person;
  Id subject_id = 0;
  std::string title;
  CivilDate rule_from;
  std::string decision_number;
  CivilDate decided_on;
  std::optional<Dong> bonus;  // nothing for a title the law pays nothing for
};

}  // namespace dk
