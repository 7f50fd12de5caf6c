#pragma once
// The year-end evaluation of one organization (issue 18): from each person's and each
// collective's facts of the year, which titles the rules in force propose, and for each title not
// proposed, why — every criterion not met, or the quota that was full. Titles are decided in the
// order their rules depend on each other (Lao động tiên tiến before Chiến sĩ thi đua cơ sở, the
// persons' titles before the collectives'), so a criterion or a quota about another title counts
// those proposed for it.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/emulation_rules.hpp"
#include "core/registry.hpp"

namespace dk {

// What the evaluation knows of a person's year.
struct PersonYear {
  Id person = 0;
  TaskRating rating = TaskRating::completed;  // after the committee's review
  std::int64_t months_in_service = 0;         // by the end of the year
  std::int64_t absence_days = 0;              // working days, leave the law excuses left out
  DisciplineLevel discipline = DisciplineLevel::none;
  bool initiative = false;  // a recognised initiative or its equivalent this year
  // Titles of earlier years: year → the titles awarded that year (decided, not proposed).
  std::map<int, std::vector<std::string>> earlier_titles;
  std::int64_t attended = 0;  // activities attended of those expected of them (engagement facts)
  std::int64_t expected = 0;
  // The council's secret ballot on this person, per title: yes votes and the council's members.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> votes;
};

struct CollectiveYear {
  Id collective = 0;  // a department or an organization
  TaskRating rating = TaskRating::completed;
  std::vector<Id> members;  // persons evaluated in the same year
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> votes;
};

enum class Verdict {
  proposed,
  not_eligible,  // a criterion was not met
  over_quota,    // eligible, but the quota was full with those ranked before
};

struct TitleOutcome {
  std::string title;
  EmulationSubject subject = EmulationSubject::person;
  Id subject_id = 0;
  Verdict verdict = Verdict::not_eligible;
  CivilDate rule_from;        // the version that decided it
  std::vector<Text> reasons;  // each criterion not met, or the quota; empty when proposed
};

struct Evaluation {
  std::vector<TitleOutcome> outcomes;  // title by title in rule order, then by subject id
  // Proposed per title, and each quota's cap as applied (title → cap), for the report's figures.
  std::map<std::string, std::int64_t> proposed;
  std::map<std::string, std::int64_t> caps;
};

// Evaluates the year of one organization on `day` (the rules in force that day). When a quota
// limits a title, the eligible are taken in the order of the council's share of yes votes, then
// the better rating, then attendance share, then id; the rest are over quota.
Evaluation evaluate_year(std::span<const TitleRule> rules, CivilDate day, int year,
                         std::span<const PersonYear> people,
                         std::span<const CollectiveYear> collectives);

}  // namespace dk
