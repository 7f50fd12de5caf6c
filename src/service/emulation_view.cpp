#include "service/emulation_view.hpp"

#include <map>

#include "core/member_rating.hpp"
#include "service/emulation_rules.hpp"
#include "store/emulation_store.hpp"
#include "store/registry_store.hpp"

namespace dk::service {
namespace {

// A member whose joining day the registry does not know has served long enough for any rule.
constexpr std::int64_t kServiceUnknown = 1200;

// Whole months from the joining day to the end of the year: 01/07 gives 6, 02/07 gives 5.
std::optional<std::int64_t> months_in_service(const std::optional<CivilDate>& joined, int year) {
  if (!joined) return std::nullopt;
  const std::int64_t months = (std::int64_t{year} + 1 - joined->year) * 12 + (1 - joined->month) -
                              (joined->day > 1 ? 1 : 0);
  return std::max<std::int64_t>(months, 0);
}

}  // namespace

// The agency's versions of the titles an organization of `kind` awards.
Result<std::vector<TitleRule>> rules_of(Connection& connection, Id tenant, OrganizationKind kind) {
  return rules_for(TRY(agency_title_rules(connection, tenant)), kind);
}

// The view of the year: the facts, the member-rating rule applied, and the evaluation (live while
// open). `full` false keeps only the actor's own row (a member who does not manage the year).
Result<EmulationYearView> build_view(Connection& connection, const Actor& actor,
                                     Organization organization, int year) {
  const Id tenant = actor.principal.tenant;
  store::EmulationStore store(connection);
  EmulationYearView view;
  view.may_manage = may_manage_organization(actor.principal, organization.id);
  if (auto kept = TRY(store.year(tenant, organization.id, year))) {
    view.record = std::move(*kept);
  } else {
    view.record.organization = organization.id;
    view.record.year = year;
  }
  const bool open = view.record.stage == EmulationStage::open;
  view.rules_day = open ? vietnam_date(actor.clock())
                        : view.record.rules_day.value_or(vietnam_date(actor.clock()));
  const std::vector<TitleRule> rules = TRY(rules_of(connection, tenant, organization.kind));
  for (const TitleRule* rule : rules_in_order(rules, EmulationSubject::person, view.rules_day))
    view.titles.push_back(*rule);
  for (const TitleRule* rule : rules_in_order(rules, EmulationSubject::collective, view.rules_day))
    view.titles.push_back(*rule);

  auto members = TRY(store.members(tenant, organization.id, year));
  const auto earlier = TRY(store.earlier_titles(tenant, organization.id, year));
  auto units = TRY(store.units(tenant, organization.id, year));
  const MemberRatingRule* rating_rule =
      member_rating_rule(shipped_member_rating_rules(), organization.kind, view.rules_day);

  std::vector<PersonYear> people;
  std::map<Id, std::vector<Id>> unit_members;
  std::map<Id, std::int64_t> unit_sizes;
  for (EmulationMember& member : members) {
    EmulationPersonView person;
    person.months_in_service = months_in_service(member.joined_on, year);
    const std::int64_t months = person.months_in_service.value_or(kServiceUnknown);
    if (member.unit) ++unit_sizes[*member.unit];
    if (member.review) {
      bool rated = true;
      TaskRating level = member.review->rating;
      if (rating_rule) {
        RatingCheck check =
            check_member_rating(*rating_rule, level, member.attended, member.expected, months);
        rated = check.rated;
        level = check.level;
        person.rating_notes = std::move(check.reasons);
      }
      if (rated) {
        person.rating_applied = level;
        PersonYear facts;
        facts.person = member.person;
        facts.rating = level;
        facts.months_in_service = months;
        facts.absence_days = member.review->absence_days;
        facts.discipline = member.review->discipline;
        facts.initiative = member.review->initiative;
        if (const auto found = earlier.find(member.person); found != earlier.end())
          facts.earlier_titles = found->second;
        facts.attended = member.attended;
        facts.expected = member.expected;
        for (const auto& [title, yes] : member.votes)
          facts.votes[title] = {yes, view.record.council_members};
        people.push_back(std::move(facts));
        if (member.unit) unit_members[*member.unit].push_back(member.person);
      }
    } else {
      ++view.unreviewed;
    }
    person.member = std::move(member);
    view.people.push_back(std::move(person));
  }

  std::vector<CollectiveYear> collectives;
  for (const auto& [unit_id, size] : unit_sizes) {
    EmulationCollectiveView collective;
    if (auto kept = units.find(unit_id); kept != units.end()) collective.unit = kept->second;
    collective.unit.unit = unit_id;
    collective.members = size;
    if (collective.unit.rating) {
      CollectiveYear facts;
      facts.collective = unit_id;
      facts.rating = *collective.unit.rating;
      facts.members = unit_members[unit_id];
      for (const auto& [title, yes] : collective.unit.votes)
        facts.votes[title] = {yes, view.record.council_members};
      collectives.push_back(std::move(facts));
    }
    view.collectives.push_back(std::move(collective));
  }
  // Departments in the members' order (by the collation of their names), each named once.
  std::map<Id, std::pair<std::size_t, std::string>> unit_order;
  for (const auto& person : view.people)
    if (person.member.unit)
      unit_order.try_emplace(*person.member.unit, unit_order.size(), person.member.unit_name);
  for (auto& collective : view.collectives)
    collective.unit.name = unit_order[collective.unit.unit].second;
  std::ranges::sort(view.collectives, [&](const auto& a, const auto& b) {
    return unit_order[a.unit.unit].first < unit_order[b.unit.unit].first;
  });

  if (open) {
    view.evaluation = evaluate_year(rules, view.rules_day, year, people, collectives);
  } else {
    view.evaluation.outcomes = TRY(store.outcomes(tenant, organization.id, year));
    for (const TitleOutcome& outcome : view.evaluation.outcomes)
      if (outcome.verdict == Verdict::proposed) ++view.evaluation.proposed[outcome.title];
  }
  if (view.record.stage == EmulationStage::decided) {
    view.awards = TRY(store.awards(tenant, organization.id, year));
    for (const EmulationAward& award : view.awards) {
      const auto sum = checked_add(view.total_bonus, award.bonus.value_or(0));
      if (!sum) return std::unexpected(store::out_of_range());
      view.total_bonus = *sum;
    }
  }
  view.organization = std::move(organization);

  // The leadership reads every year whole (and changes nothing); a member sees only their own.
  if (!view.may_manage && !actor.principal.leadership) {
    // A member sees their own file and what was said of them, nobody else's.
    const Id self = actor.principal.person_id;
    std::erase_if(view.people, [&](const auto& p) { return p.member.person != self; });
    std::erase_if(view.evaluation.outcomes, [&](const TitleOutcome& outcome) {
      return outcome.subject != EmulationSubject::person || outcome.subject_id != self;
    });
    std::erase_if(view.awards, [&](const EmulationAward& award) {
      return award.subject != EmulationSubject::person || award.subject_id != self;
    });
    view.collectives.clear();
    for (auto& person : view.people) person.member.votes.clear();
    view.evaluation.caps.clear();
    view.unreviewed = 0;
    view.total_bonus = 0;
    for (const EmulationAward& award : view.awards) view.total_bonus += award.bonus.value_or(0);
  }
  return view;
}

}  // namespace dk::service
