// /api/v1/emulation: an organization's emulation year (thi đua – khen thưởng, issue 18) —
// registration, self-rating, the committee's review, the council's votes, the proposal the rules
// make with every refusal explained, and the award decision (docs/emulation.md). Texts the rules
// write come in both languages ({"vi", "en"}), since the same proposal is printed in Vietnamese
// and read in either.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/commendation_bonus.hpp"
#include "http/api.hpp"
#include "http/download.hpp"
#include "http/emulation_json.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/query_string.hpp"
#include "service/emulation.hpp"

namespace dk::http {
namespace {

boost::json::value nullable_code(const auto& value) {
  if (!value) return nullptr;
  return boost::json::value(code_of(*value));
}

template <class Map>
boost::json::object counts_json(const Map& counts) {
  boost::json::object object;
  for (const auto& [key, count] : counts) object[key] = count;
  return object;
}

boost::json::array titles_json(const std::vector<std::string>& titles) {
  boost::json::array array;
  for (const std::string& title : titles) array.push_back(boost::json::value(title));
  return array;
}

boost::json::object rule_json(const TitleRule& rule, const service::EmulationYearView& view) {
  boost::json::object json = title_rule_json(rule, view.titles, view.rules_day);
  const auto bonus = title_bonus(rule.title, view.rules_day);
  json["bonus"] = bonus ? boost::json::value(*bonus) : boost::json::value(nullptr);
  return json;
}

boost::json::object person_json(const service::EmulationPersonView& person) {
  const EmulationMember& member = person.member;
  boost::json::array notes;
  for (const Text& note : person.rating_notes) notes.push_back(text_json(note));
  const auto& review = member.review;
  return {{"person_id", member.person},
          {"full_name", member.full_name},
          {"unit_id", member.unit ? boost::json::value(*member.unit) : nullptr},
          {"unit_name", member.unit_name},
          {"months_in_service",
           person.months_in_service ? boost::json::value(*person.months_in_service) : nullptr},
          {"attended", member.attended},
          {"expected", member.expected},
          {"registered", titles_json(member.registered)},
          {"self_rating", nullable_code(member.self_rating)},
          {"self_note", member.self_note},
          {"rating", review ? boost::json::value(code_of(review->rating)) : nullptr},
          {"rating_applied", nullable_code(person.rating_applied)},
          {"rating_notes", std::move(notes)},
          {"absence_days", review ? review->absence_days : 0},
          {"discipline", code_of(review ? review->discipline : DisciplineLevel::none)},
          {"initiative", review && review->initiative},
          {"initiative_note", review ? review->initiative_note : std::string()},
          {"returned_reason", member.returned_reason},
          {"votes", counts_json(member.votes)}};
}

boost::json::object year_json(const service::EmulationYearView& view) {
  std::map<Id, std::string> person_names, unit_names;
  boost::json::array titles, people, collectives, outcomes, awards;
  std::map<std::string, Text> title_names;
  for (const TitleRule& rule : view.titles) {
    titles.push_back(rule_json(rule, view));
    title_names[rule.title] = rule.name;
  }
  for (const auto& person : view.people) {
    person_names[person.member.person] = person.member.full_name;
    people.push_back(person_json(person));
  }
  for (const auto& collective : view.collectives) {
    unit_names[collective.unit.unit] = collective.unit.name;
    collectives.push_back({{"unit_id", collective.unit.unit},
                           {"name", collective.unit.name},
                           {"members", collective.members},
                           {"registered", titles_json(collective.unit.registered)},
                           {"rating", nullable_code(collective.unit.rating)},
                           {"votes", counts_json(collective.unit.votes)}});
  }
  const auto name_of = [&](EmulationSubject subject, Id id) {
    auto& names = subject == EmulationSubject::person ? person_names : unit_names;
    const auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
  };
  for (const TitleOutcome& outcome : view.evaluation.outcomes) {
    boost::json::array reasons;
    for (const Text& reason : outcome.reasons) reasons.push_back(text_json(reason));
    outcomes.push_back({{"title", outcome.title},
                        {"subject", code_of(outcome.subject)},
                        {"subject_id", outcome.subject_id},
                        {"name", name_of(outcome.subject, outcome.subject_id)},
                        {"verdict", code_of(outcome.verdict)},
                        {"rule_from", format_iso(outcome.rule_from)},
                        {"reasons", std::move(reasons)}});
  }
  boost::json::value decision = nullptr;
  if (view.record.decision) {
    for (const EmulationAward& award : view.awards) {
      const auto name = title_names.find(award.title);
      awards.push_back(
          {{"title", award.title},
           {"title_name",
            text_json(name == title_names.end() ? Text{award.title, award.title} : name->second)},
           {"subject", code_of(award.subject)},
           {"subject_id", award.subject_id},
           {"name", name_of(award.subject, award.subject_id)},
           {"bonus", award.bonus ? boost::json::value(*award.bonus) : nullptr}});
    }
    decision = boost::json::object{{"number", view.record.decision->number},
                                   {"signed_on", format_iso(view.record.decision->signed_on)},
                                   {"signer", view.record.decision->signer},
                                   {"awards", std::move(awards)},
                                   {"total_bonus", view.total_bonus}};
  }
  return {{"organization_id", view.organization.id},
          {"organization_name", view.organization.name},
          {"year", view.record.year},
          {"stage", code_of(view.record.stage)},
          {"may_manage", view.may_manage},
          {"rules_day", format_iso(view.rules_day)},
          {"council_members", view.record.council_members},
          {"reopened_reason", view.record.reopened_reason},
          {"titles", std::move(titles)},
          {"people", std::move(people)},
          {"collectives", std::move(collectives)},
          {"outcomes", std::move(outcomes)},
          {"proposed", counts_json(view.evaluation.proposed)},
          {"caps", counts_json(view.evaluation.caps)},
          {"unreviewed", view.unreviewed},
          {"decision", std::move(decision)}};
}

struct YearKey {
  Id organization = 0;
  int year = 0;
};

Result<YearKey> year_key(const ApiCall& call) {
  const Id organization = TRY(route_id(call.request, "organization"));
  const Id year = TRY(route_id(call.request, "year"));
  return YearKey{organization, static_cast<int>(std::min<Id>(year, 100000))};
}

Result<int> year_parameter(const ApiCall& call) {
  const auto year = TRY(query_integer_value(call.request, "year"));
  if (!year) return vietnam_date(call.who().clock()).year;
  if (*year < 2000 || *year > 2200) return bad_parameter("year");
  return static_cast<int>(*year);
}

Result<HttpResponse> get_years(ApiCall& call) {
  const int year = TRY(year_parameter(call));
  boost::json::array items;
  for (const auto& summary : TRY(service::list_emulation_years(call.connection, call.who(), year)))
    items.push_back({{"organization_id", summary.organization.id},
                     {"organization_name", summary.organization.name},
                     {"year", summary.year},
                     {"stage", code_of(summary.stage)},
                     {"may_manage", summary.may_manage},
                     {"member", summary.member}});
  return items_response(std::move(items));
}

Result<HttpResponse> get_year(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  return ok(200, year_json(TRY(service::read_emulation_year(call.connection, call.who(),
                                                            key.organization, key.year))));
}

Result<HttpResponse> get_mine(ApiCall& call) {
  const int year = TRY(year_parameter(call));
  const auto mine = TRY(service::my_emulation(call.connection, call.who(), year));
  boost::json::array years, awards;
  for (const auto& entry : mine.years) {
    boost::json::object row = person_json(entry.person);
    row["organization_id"] = entry.organization.id;
    row["organization_name"] = entry.organization.name;
    row["year"] = year;
    row["stage"] = code_of(entry.stage);
    years.push_back(std::move(row));
  }
  for (const auto& [award, organization_name, title_name] : mine.awards) {
    awards.push_back({{"organization_name", organization_name},
                      {"year", award.year},
                      {"title", award.title},
                      {"title_name", text_json(title_name)},
                      {"decision_number", award.decision_number},
                      {"decided_on", format_iso(award.decided_on)},
                      {"bonus", award.bonus ? boost::json::value(*award.bonus) : nullptr}});
  }
  return ok(200, boost::json::object{{"years", std::move(years)}, {"awards", std::move(awards)}});
}

// Every step answers with the year as the actor now sees it, once per Idempotency-Key.
Result<HttpResponse> step_response(
    ApiCall& call, const std::function<Result<service::EmulationYearView>()>& step) {
  return answer_once(call,
                     [&]() -> Result<HttpResponse> { return ok(200, year_json(TRY(step()))); });
}

Result<HttpResponse> post_registration(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> subject_id;
  std::optional<std::vector<std::string>> titles;
  const auto subject = TRY(body.required_code<EmulationSubject>("subject"));
  for (const Status& read :
       {body.integer("subject_id", subject_id), body.texts("titles", titles), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!subject_id) return JsonBody::missing("subject_id");
  if (!titles) return JsonBody::missing("titles");
  return step_response(call, [&] {
    return service::register_titles(call.connection, call.who(), key.organization, key.year,
                                    subject, *subject_id, std::move(*titles));
  });
}

Result<HttpResponse> post_self_rating(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  auto body = TRY(JsonBody::parse(call.request));
  const auto rating = TRY(body.required_code<TaskRating>("rating"));
  std::optional<std::string> note;
  TRY(body.text("note", note));
  TRY(body.finish());
  return step_response(call, [&] {
    return service::rate_self(call.connection, call.who(), key.organization, key.year, rating,
                              note.value_or(""));
  });
}

Result<HttpResponse> post_review(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  const Id person = TRY(route_id(call.request, "person"));
  auto body = TRY(JsonBody::parse(call.request));
  EmulationReview review;
  review.rating = TRY(body.required_code<TaskRating>("rating"));
  std::optional<std::optional<DisciplineLevel>> discipline;
  std::optional<std::int64_t> absence_days;
  std::optional<bool> initiative;
  std::optional<std::string> note;
  for (const Status& read :
       {body.integer("absence_days", absence_days), body.code("discipline", discipline),
        body.boolean("initiative", initiative), body.text("initiative_note", note),
        body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  review.absence_days = absence_days.value_or(0);
  if (discipline && *discipline) review.discipline = **discipline;
  review.initiative = initiative.value_or(false);
  review.initiative_note = note.value_or("");
  return step_response(call, [&] {
    return service::review_member(call.connection, call.who(), key.organization, key.year, person,
                                  std::move(review));
  });
}

Result<std::string> reason_of(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  std::string reason;
  TRY(body.required_text("reason", reason));
  TRY(body.finish());
  return reason;
}

Result<HttpResponse> post_return(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  const Id person = TRY(route_id(call.request, "person"));
  std::string reason = TRY(reason_of(call));
  return step_response(call, [&] {
    return service::return_member_file(call.connection, call.who(), key.organization, key.year,
                                       person, std::move(reason));
  });
}

Result<HttpResponse> post_unit_review(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  const Id unit = TRY(route_id(call.request, "unit"));
  auto body = TRY(JsonBody::parse(call.request));
  const auto rating = TRY(body.required_code<TaskRating>("rating"));
  TRY(body.finish());
  return step_response(call, [&] {
    return service::review_unit(call.connection, call.who(), key.organization, key.year, unit,
                                rating);
  });
}

Result<HttpResponse> post_votes(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> council_members;
  std::optional<boost::json::array> list;
  for (const Status& read : {body.integer("council_members", council_members),
                             body.array("votes", list), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!council_members) return JsonBody::missing("council_members");
  std::vector<EmulationVote> votes;
  constexpr std::size_t kMaxVotes = 100000;
  if (list && list->size() > kMaxVotes) list->resize(kMaxVotes + 1);
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    const std::string field = fmt::format("votes[{}]", i);
    const auto* object = (*list)[i].if_object();
    if (!object) return JsonBody::not_an_object(field);
    JsonBody item = JsonBody::nested(*object);
    EmulationVote vote;
    std::optional<std::int64_t> subject_id, yes;
    auto subject = item.required_code<EmulationSubject>("subject");
    if (!subject) return std::unexpected(within(subject.error(), field));
    for (const Status& read :
         {item.integer("subject_id", subject_id), item.required_text("title", vote.title),
          item.integer("yes", yes), item.finish()}) {
      if (!read) return std::unexpected(within(read.error(), field));
    }
    if (!subject_id) return std::unexpected(within(JsonBody::missing("subject_id").error(), field));
    if (!yes) return std::unexpected(within(JsonBody::missing("yes").error(), field));
    vote.subject = *subject;
    vote.subject_id = *subject_id;
    vote.yes = *yes;
    votes.push_back(std::move(vote));
  }
  return step_response(call, [&] {
    return service::record_votes(call.connection, call.who(), key.organization, key.year,
                                 *council_members, std::move(votes));
  });
}

Result<HttpResponse> post_proposal(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  return step_response(call, [&] {
    return service::propose_titles(call.connection, call.who(), key.organization, key.year);
  });
}

Result<HttpResponse> post_reopen(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  std::string reason = TRY(reason_of(call));
  return step_response(call, [&] {
    return service::reopen_year(call.connection, call.who(), key.organization, key.year,
                                std::move(reason));
  });
}

Result<HttpResponse> post_decision(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  auto body = TRY(JsonBody::parse(call.request));
  EmulationDecision decision;
  std::optional<std::optional<CivilDate>> signed_on;
  for (const Status& read :
       {body.required_text("number", decision.number), body.date("signed_on", signed_on),
        body.required_text("signer", decision.signer), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!signed_on || !*signed_on) return JsonBody::missing("signed_on");
  decision.signed_on = **signed_on;
  return step_response(call, [&] {
    return service::decide_titles(call.connection, call.who(), key.organization, key.year,
                                  std::move(decision));
  });
}

Result<HttpResponse> get_decision_docx(ApiCall& call) {
  const YearKey key = TRY(year_key(call));
  auto file =
      TRY(service::award_decision_file(call.connection, call.who(), key.organization, key.year));
  return attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    std::move(file.content), file.file_name);
}

}  // namespace

void add_emulation_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/emulation/years", Guard::signed_in, get_years},
          {"GET", "/api/v1/emulation/mine", Guard::signed_in, get_mine},
          {"GET", "/api/v1/emulation/years/:organization/:year", Guard::signed_in, get_year},
          {"POST", "/api/v1/emulation/years/:organization/:year/registrations", Guard::signed_in,
           post_registration},
          {"POST", "/api/v1/emulation/years/:organization/:year/self-rating", Guard::signed_in,
           post_self_rating},
          {"POST", "/api/v1/emulation/years/:organization/:year/reviews/:person", Guard::signed_in,
           post_review},
          {"POST", "/api/v1/emulation/years/:organization/:year/returns/:person", Guard::signed_in,
           post_return},
          {"POST",
           "/api/v1/emulation/years/:organization/:year/collective-reviews/"
           ":unit",
           Guard::signed_in, post_unit_review},
          {"POST", "/api/v1/emulation/years/:organization/:year/votes", Guard::signed_in,
           post_votes},
          {"POST", "/api/v1/emulation/years/:organization/:year/proposal", Guard::signed_in,
           post_proposal},
          {"POST", "/api/v1/emulation/years/:organization/:year/reopen", Guard::signed_in,
           post_reopen},
          {"GET", "/api/v1/emulation/years/:organization/:year/decision.docx", Guard::signed_in,
           get_decision_docx},
          {"POST", "/api/v1/emulation/years/:organization/:year/decision", Guard::signed_in,
           post_decision},
      });
}

}  // namespace dk::http
