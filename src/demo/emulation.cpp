#include "demo/emulation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/emulation_law.hpp"
#include "demo/officer.hpp"
#include "service/emulation.hpp"
#include "store/emulation_store.hpp"
#include "store/sql.hpp"

namespace dk::demo {

using namespace dk::service;
namespace {

constexpr std::int64_t kCouncil = 7;

// The committee's word on the i-th member (in the list's order): most completed their tasks well;
// some with distinction, a few with an initiative; one in thirteen only completed them; one in
// seventeen was reprimanded.
EmulationReview review_of(std::size_t i) {
  EmulationReview review;
  review.rating = TaskRating::good;
  if (i % 11 == 3) {
    review.rating = TaskRating::excellent;
    review.initiative = true;
    review.initiative_note =
        "Sáng kiến số hoá hồ sơ lý lịch tư pháp, được Hội đồng sáng kiến công nhận";
  } else if (i % 7 == 2) {
    review.rating = TaskRating::excellent;
  } else if (i % 13 == 6) {
    review.rating = TaskRating::completed;
  } else if (i % 17 == 9) {
    review.discipline = DisciplineLevel::reprimand;
  }
  review.absence_days = static_cast<std::int64_t>(i % 5);
  return review;
}

// One year of the trade union's evaluation, up to the proposal; `decide` goes on to the decision.
// Its steps fall in December, or today when that comes first: the demo writes nothing that
// happens after today (this year's proposal, loaded on 18 November, is made that day).
Result<std::int64_t> run_year(Connection& connection, DemoOfficer& chair, Id trade_union, int year,
                              std::optional<EmulationDecision> decision, CivilDate today,
                              DemoEmulationSummary& summary) {
  const auto by = [&](CivilDate day) { return std::min(day, today); };
  const Id tenant = chair.actor.principal.tenant;
  const std::string worker(kAdvancedWorker), fighter(kGrassrootsFighter);
  const std::string advanced(kAdvancedCollective), excellent(kExcellentCollective);
  chair.on(by(CivilDate{year, 1, 15}));
  EmulationYearView view = TRY(read_emulation_year(connection, chair.actor, trade_union, year));
  store::EmulationStore store(connection);
  for (std::size_t i = 0; i < view.people.size(); ++i) {
    const Id person = view.people[i].member.person;
    const EmulationReview review = review_of(i);
    std::vector<std::string> titles = {worker};
    if (review.rating == TaskRating::excellent) titles.push_back(fighter);
    TRY(register_titles(connection, chair.actor, trade_union, year, EmulationSubject::person,
                        person, titles));
  }
  for (std::size_t u = 0; u < view.collectives.size(); ++u) {
    std::vector<std::string> titles = {advanced};
    if (u % 3 == 0) titles.push_back(excellent);
    TRY(register_titles(connection, chair.actor, trade_union, year, EmulationSubject::collective,
                        view.collectives[u].unit.unit, titles));
  }
  // Each member's own rating, written as the member would have in early December.
  for (std::size_t i = 0; i < view.people.size(); ++i) {
    const EmulationReview review = review_of(i);
    const TaskRating own =
        review.rating == TaskRating::completed ? TaskRating::good : review.rating;
    TRY(store.save_self_rating(
        tenant, trade_union, year, view.people[i].member.person, own,
        i % 4 == 0 ? "Hoàn thành đầy đủ các chỉ tiêu đã đăng ký" : "",
        vietnam_instant(by(CivilDate{year, 12, 5}), 8 * 60 + static_cast<int>(i))));
  }
  chair.on(by(CivilDate{year, 12, 10}));
  std::vector<EmulationVote> votes;
  for (std::size_t i = 0; i < view.people.size(); ++i) {
    const EmulationReview review = review_of(i);
    TRY(review_member(connection, chair.actor, trade_union, year, view.people[i].member.person,
                      review));
    ++summary.reviewed;
    if (review.rating == TaskRating::excellent || review.initiative)
      votes.push_back({EmulationSubject::person, view.people[i].member.person, fighter,
                       kCouncil - static_cast<std::int64_t>(i % 4)});
  }
  for (std::size_t u = 0; u < view.collectives.size(); ++u) {
    const Id unit = view.collectives[u].unit.unit;
    TRY(review_unit(connection, chair.actor, trade_union, year, unit,
                    u % 3 == 0 ? TaskRating::excellent : TaskRating::good));
    if (u % 3 == 0) votes.push_back({EmulationSubject::collective, unit, excellent, 6});
  }
  TRY(record_votes(connection, chair.actor, trade_union, year, kCouncil, votes));
  chair.on(by(CivilDate{year, 12, 15}));
  view = TRY(propose_titles(connection, chair.actor, trade_union, year));
  std::int64_t proposed = 0;
  for (const auto& [title, count] : view.evaluation.proposed) proposed += count;
  if (decision) {
    chair.on(decision->signed_on);
    view = TRY(decide_titles(connection, chair.actor, trade_union, year, *decision));
    summary.awards += static_cast<std::int64_t>(view.awards.size());
  }
  return proposed;
}

}  // namespace

Result<DemoEmulationSummary> load_demo_emulation(service::Connection& connection, Id tenant,
                                                 const Organization& trade_union,
                                                 const Clock& clock) {
  (void)tenant;
  DemoEmulationSummary summary;
  DemoOfficer chair = TRY(officer(connection, "chutichcd", {trade_union.id}));
  const CivilDate today = vietnam_date(clock());
  const int this_year = today.year;
  TRY(run_year(
      connection, chair, trade_union.id, this_year - 1,
      EmulationDecision{"25/QĐ-CĐCS", CivilDate{this_year - 1, 12, 20}, "Chủ tịch Công đoàn cơ sở"},
      today, summary));
  summary.proposed =
      TRY(run_year(connection, chair, trade_union.id, this_year, std::nullopt, today, summary));
  return summary;
}

}  // namespace dk::demo
