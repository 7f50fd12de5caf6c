#include "core/emulation_evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dk {
namespace {

using Votes = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;

// Who is proposed for which title so far, persons and collectives alike (ids of different
// subjects never meet: a title is for one subject).
using Proposed = std::map<std::string, std::set<Id>>;

bool at_least(TaskRating rating, TaskRating level) {
  return rating <= level;  // the levels are listed best first
}

// a / b ≥ percent %, exactly.
bool share_at_least(std::int64_t a, std::int64_t b, std::int64_t percent) {
  return a * 100 >= percent * b;
}

bool votes_at_least(const Votes& votes, const std::string& title, std::int64_t percent) {
  const auto found = votes.find(title);
  if (found == votes.end() || found->second.second <= 0) return false;
  return share_at_least(found->second.first, found->second.second, percent);
}

bool held_before(const PersonYear& person, const std::string& title, int year) {
  const auto found = person.earlier_titles.find(year);
  return found != person.earlier_titles.end() && std::ranges::count(found->second, title) > 0;
}

bool met_by_person(const Criterion& criterion, const TitleRule& rule, const PersonYear& person,
                   int year, const Proposed& proposed) {
  const auto proposed_for = [&](const std::string& title) {
    const auto found = proposed.find(title);
    return found != proposed.end() && found->second.contains(person.person);
  };
  switch (criterion.kind) {
    case CriterionKind::rating_at_least:
      return at_least(person.rating, criterion.rating);
    case CriterionKind::months_in_service:
      return person.months_in_service >= criterion.number;
    case CriterionKind::absence_days_below:
      return person.absence_days < criterion.number;
    case CriterionKind::discipline_below:
      return person.discipline < criterion.discipline;
    case CriterionKind::initiative:
      return person.initiative;
    case CriterionKind::rating_or_initiative:
      return at_least(person.rating, criterion.rating) || person.initiative;
    case CriterionKind::title_this_year:
      return proposed_for(criterion.title);
    case CriterionKind::title_consecutive: {
      // This year's counts as proposed (the title may be the rule's own, decided by this very
      // evaluation: then its other criteria stand for this year).
      if (criterion.title != rule.title && !proposed_for(criterion.title)) return false;
      for (std::int64_t back = 1; back < criterion.number; ++back)
        if (!held_before(person, criterion.title, year - static_cast<int>(back))) return false;
      return true;
    }
    case CriterionKind::participation_at_least:
      // Nothing expected of them in the year: nothing missed.
      return person.expected == 0 ||
             share_at_least(person.attended, person.expected, criterion.number);
    case CriterionKind::council_votes_at_least:
      return votes_at_least(person.votes, rule.title, criterion.number);
    default:
      return false;  // a collective's criterion: check_title_rules keeps them apart
  }
}

bool met_by_collective(const Criterion& criterion, const TitleRule& rule,
                       const CollectiveYear& collective,
                       const std::map<Id, const PersonYear*>& people, const Proposed& proposed) {
  const auto size = static_cast<std::int64_t>(collective.members.size());
  const auto count_members = [&](auto&& predicate) {
    return static_cast<std::int64_t>(std::ranges::count_if(collective.members, [&](Id member) {
      const auto found = people.find(member);
      return found != people.end() && predicate(*found->second);
    }));
  };
  const auto with_title = [&] {
    const auto found = proposed.find(criterion.title);
    if (found == proposed.end()) return std::int64_t{0};
    return count_members(
        [&](const PersonYear& person) { return found->second.contains(person.person); });
  };
  switch (criterion.kind) {
    case CriterionKind::collective_rating_at_least:
      return at_least(collective.rating, criterion.rating);
    case CriterionKind::members_rating_at_least:
      return size > 0 && share_at_least(count_members([&](const PersonYear& person) {
                                          return at_least(person.rating, criterion.rating);
                                        }),
                                        size, criterion.number);
    case CriterionKind::members_title_share_above:
      return size > 0 && with_title() * 100 > criterion.number * size;
    case CriterionKind::members_title_share_at_least:
      return size > 0 && share_at_least(with_title(), size, criterion.number);
    case CriterionKind::members_title_count:
      return with_title() >= criterion.number;
    case CriterionKind::members_discipline_below:
      return count_members([&](const PersonYear& person) {
               return person.discipline >= criterion.discipline;
             }) == 0;
    case CriterionKind::council_votes_at_least:
      return votes_at_least(collective.votes, rule.title, criterion.number);
    default:
      return false;
  }
}

// Orders the eligible for a quota: the council's share of yes votes, then the better rating, then
// the larger attendance share, then the lower id — each compared exactly.
struct Standing {
  Id id = 0;
  std::int64_t yes = 0, council = 1;  // 0 of 1: no vote recorded
  TaskRating rating = TaskRating::completed;
  std::int64_t attended = 0, expected = 1;
};

bool ranks_before(const Standing& a, const Standing& b) {
  const std::int64_t votes_a = a.yes * b.council, votes_b = b.yes * a.council;
  if (votes_a != votes_b) return votes_a > votes_b;
  if (a.rating != b.rating) return a.rating < b.rating;
  const std::int64_t share_a = a.attended * b.expected, share_b = b.attended * a.expected;
  if (share_a != share_b) return share_a > share_b;
  return a.id < b.id;
}

Standing standing_of(const Votes& votes, const std::string& title, Id id, TaskRating rating,
                     std::int64_t attended, std::int64_t expected) {
  Standing standing{.id = id, .rating = rating};
  if (const auto found = votes.find(title); found != votes.end() && found->second.second > 0) {
    standing.yes = found->second.first;
    standing.council = found->second.second;
  }
  if (expected > 0) {
    standing.attended = attended;
    standing.expected = expected;
  }
  return standing;
}

// Decides one title among the eligible (with their standings) under its quota, and writes every
// outcome of that title — those `outcomes` already refused, and the eligible's — by subject id.
void decide(const TitleRule& rule, std::int64_t evaluated, std::vector<Standing> eligible,
            std::vector<TitleOutcome> outcomes, std::span<const TitleRule> rules, CivilDate day,
            Proposed& proposed, Evaluation& evaluation) {
  std::int64_t cap = static_cast<std::int64_t>(eligible.size());
  Text quota_reason;
  if (rule.quota) {
    std::int64_t base = evaluated;
    Text of{"người được đánh giá", "of those evaluated"};
    if (!rule.quota->of_title.empty()) {
      base = static_cast<std::int64_t>(proposed[rule.quota->of_title].size());
      const TitleRule* named = rule_in_force(rules, rule.quota->of_title, day);
      const Text name = named ? named->name : Text{rule.quota->of_title, rule.quota->of_title};
      of = {fmt::format("người đạt “{}”", name.vi),
            fmt::format("of those proposed for “{}”", name.en)};
    }
    cap = std::min(cap, base * rule.quota->percent / 100);  // rounded down
    evaluation.caps[rule.title] = base * rule.quota->percent / 100;
    quota_reason = {
        fmt::format("Vượt hạn mức: tối đa {} ({} % của {} {})", base * rule.quota->percent / 100,
                    rule.quota->percent, base, of.vi),
        fmt::format("Over the quota: at most {} ({} % of {} {})", base * rule.quota->percent / 100,
                    rule.quota->percent, base, of.en)};
  }
  std::ranges::sort(eligible, ranks_before);
  std::set<Id>& chosen = proposed[rule.title];
  for (std::size_t i = 0; i < eligible.size(); ++i) {
    TitleOutcome outcome{.title = rule.title,
                         .subject = rule.subject,
                         .subject_id = eligible[i].id,
                         .verdict = Verdict::proposed,
                         .rule_from = rule.effective_from,
                         .reasons = {}};
    if (static_cast<std::int64_t>(i) < cap) {
      chosen.insert(eligible[i].id);
    } else {
      outcome.verdict = Verdict::over_quota;
      outcome.reasons.push_back(quota_reason);
    }
    outcomes.push_back(std::move(outcome));
  }
  std::ranges::sort(outcomes, {}, &TitleOutcome::subject_id);
  evaluation.proposed[rule.title] = static_cast<std::int64_t>(chosen.size());
  for (TitleOutcome& outcome : outcomes) evaluation.outcomes.push_back(std::move(outcome));
}

}  // namespace

Evaluation evaluate_year(std::span<const TitleRule> rules, CivilDate day, int year,
                         std::span<const PersonYear> people,
                         std::span<const CollectiveYear> collectives) {
  Evaluation evaluation;
  Proposed proposed;
  std::map<Id, const PersonYear*> by_id;
  for (const PersonYear& person : people) by_id[person.person] = &person;

  for (const TitleRule* rule : rules_in_order(rules, EmulationSubject::person, day)) {
    std::vector<Standing> eligible;
    std::vector<TitleOutcome> refused;
    for (const PersonYear& person : people) {
      TitleOutcome outcome{.title = rule->title,
                           .subject = EmulationSubject::person,
                           .subject_id = person.person,
                           .verdict = Verdict::not_eligible,
                           .rule_from = rule->effective_from,
                           .reasons = {}};
      for (const Criterion& criterion : rule->criteria)
        if (!met_by_person(criterion, *rule, person, year, proposed))
          outcome.reasons.push_back(describe(criterion, rules, day));
      if (outcome.reasons.empty())
        eligible.push_back(standing_of(person.votes, rule->title, person.person, person.rating,
                                       person.attended, person.expected));
      else
        refused.push_back(std::move(outcome));
    }
    decide(*rule, static_cast<std::int64_t>(people.size()), std::move(eligible), std::move(refused),
           rules, day, proposed, evaluation);
  }

  for (const TitleRule* rule : rules_in_order(rules, EmulationSubject::collective, day)) {
    std::vector<Standing> eligible;
    std::vector<TitleOutcome> refused;
    for (const CollectiveYear& collective : collectives) {
      TitleOutcome outcome{.title = rule->title,
                           .subject = EmulationSubject::collective,
                           .subject_id = collective.collective,
                           .verdict = Verdict::not_eligible,
                           .rule_from = rule->effective_from,
                           .reasons = {}};
      for (const Criterion& criterion : rule->criteria)
        if (!met_by_collective(criterion, *rule, collective, by_id, proposed))
          outcome.reasons.push_back(describe(criterion, rules, day));
      if (outcome.reasons.empty())
        eligible.push_back(standing_of(collective.votes, rule->title, collective.collective,
                                       collective.rating, 0, 0));
      else
        refused.push_back(std::move(outcome));
    }
    decide(*rule, static_cast<std::int64_t>(collectives.size()), std::move(eligible),
           std::move(refused), rules, day, proposed, evaluation);
  }
  return evaluation;
}

}  // namespace dk
