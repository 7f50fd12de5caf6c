// /api/v1/contests: online contests (issue 17) as their organizers run them — the contest, its
// question bank, imported from the organizers' file (every bad row by line and column) and
// exported in the same layout, and its rounds. The bank is never sent to an entrant: it holds the
// answers. A contest goes down to the organizations below as a file (GET …/file) that each imports
// (POST /api/v1/contest-files). Entrants' attempts and the results: http/contest_attempt_api.cpp.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/contest_json.hpp"
#include "http/download.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/query_string.hpp"
#include "service/contest_launch.hpp"
#include "service/contests.hpp"

namespace dk::http {
namespace {

boost::json::object topics_json(const std::map<std::string, std::int64_t>& topics) {
  boost::json::object json;
  for (const auto& [topic, count] : topics) json[topic] = count;
  return json;
}

// The contest; for one who may enter it, with their standing in each round.
Result<boost::json::object> contest_with_standings(ApiCall& call,
                                                   const service::ContestView& view) {
  boost::json::object json = contest_json(view, call.who().clock());
  if (view.may_enter) {
    boost::json::array standings;
    for (const auto& standing :
         TRY(service::my_standings(call.connection, call.who(), view.contest.id)))
      standings.push_back(standing_json(standing));
    json["standings"] = std::move(standings);
  }
  return json;
}

Result<HttpResponse> get_contests(ApiCall& call) {
  boost::json::array items;
  for (const auto& view : TRY(service::list_contests(call.connection, call.who())))
    items.push_back(contest_json(view, call.who().clock()));
  return items_response(std::move(items));
}

Result<HttpResponse> get_contest(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  const auto view = TRY(service::read_contest(call.connection, call.who(), id));
  return ok(200, TRY(contest_with_standings(call, view)));
}

Result<HttpResponse> post_contest(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Contest contest;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::string> description, prediction;
  std::optional<std::optional<AudienceScope>> scope;
  std::optional<std::vector<std::int64_t>> audience_ids;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization),
        body.required_text("title", contest.title), body.text("description", description),
        body.text("prediction_question", prediction), body.code("audience_scope", scope),
        body.integers("audience_ids", audience_ids), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  contest.organization_id = organization.value_or(std::nullopt);
  contest.audience = default_audience(contest.organization_id);
  if (scope && *scope)
    contest.audience = Audience{**scope, audience_ids.value_or(std::vector<Id>{})};
  contest.description = description.value_or("");
  contest.prediction_question = prediction.value_or("");
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto created = TRY(service::create_contest(call.connection, call.who(), std::move(contest)));
    return ok(201, contest_json(created, call.who().clock()));
  });
}

// {"title", "opens_at", "closes_at", "time_limit_minutes", "attempts_allowed", "counted",
//  "shuffle_options", "results_shown", "quotas": {"topic": count, …}}
Result<HttpResponse> post_round(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  ContestRound round;
  std::optional<std::optional<Instant>> opens, closes;
  std::optional<std::int64_t> minutes, attempts;
  std::optional<std::optional<CountedAttempt>> counted;
  std::optional<std::optional<ResultsShown>> shown;
  std::optional<bool> shuffle;
  std::optional<std::vector<std::pair<std::string, std::int64_t>>> quotas;
  for (const Status& read :
       {body.required_text("title", round.title), body.instant("opens_at", opens),
        body.instant("closes_at", closes), body.integer("time_limit_minutes", minutes),
        body.integer("attempts_allowed", attempts), body.code("counted", counted),
        body.boolean("shuffle_options", shuffle), body.code("results_shown", shown),
        body.counts("quotas", quotas), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!opens || !*opens) return JsonBody::missing("opens_at");
  if (!closes || !*closes) return JsonBody::missing("closes_at");
  if (!quotas) return JsonBody::missing("quotas");
  round.opens_at = **opens;
  round.closes_at = **closes;
  // Clamped to what validate_round refuses by name, never wrapped.
  round.time_limit =
      std::chrono::minutes(std::clamp<std::int64_t>(minutes.value_or(20), 0, 100000));
  round.attempts_allowed =
      static_cast<int>(std::clamp<std::int64_t>(attempts.value_or(1), 0, 1000));
  if (counted && *counted) round.counted = **counted;
  if (shown && *shown) round.results_shown = **shown;
  round.shuffle_options = shuffle.value_or(true);
  for (const auto& [topic, count] : *quotas)
    round.quotas.push_back(
        TopicQuota{topic, static_cast<int>(std::clamp<std::int64_t>(count, -1, 100000))});
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto view = TRY(service::add_round(call.connection, call.who(), id, std::move(round)));
    return ok(201, contest_json(view, call.who().clock()));
  });
}

// The file as the raw body; ?mode=preview (the default), append or replace; ?filename=.
Result<HttpResponse> post_bank(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  service::BankImport upload;
  const std::string mode = query_value(call.request, "mode").value_or("preview");
  if (mode == "preview") {
    upload.mode = service::BankImportMode::preview;
  } else if (mode == "append") {
    upload.mode = service::BankImportMode::append;
  } else if (mode == "replace") {
    upload.mode = service::BankImportMode::replace;
  } else {
    return bad_parameter("mode");
  }
  if (call.request.body.empty()) {
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp gửi lên trống.",
                "The uploaded file is empty.", Location{0, "file"});
  }
  upload.content = call.request.body;
  upload.file_name = query_value(call.request, "filename").value_or("");
  auto report = TRY(service::import_question_bank(call.connection, call.who(), id, upload));
  boost::json::array problems;
  for (const Error& problem : report.problems) {
    problems.push_back(boost::json::object{{"code", problem.code},
                                           {"message", problem.message.in(call.language)},
                                           {"line", problem.where.line},
                                           {"field", problem.where.field}});
  }
  return ok(200, boost::json::object{{"mode", mode},
                                     {"written", report.written},
                                     {"rows", report.rows},
                                     {"accepted", report.accepted},
                                     {"problems", std::move(problems)},
                                     {"topics", topics_json(report.topics)}});
}

Result<HttpResponse> get_bank(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto file = TRY(service::export_question_bank(call.connection, call.who(), id));
  return attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    std::move(file.content), file.file_name);
}

// The contest file for the organizations below (io/contest_file.hpp).
Result<HttpResponse> get_contest_file(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto file = TRY(service::export_contest_file(call.connection, call.who(), id));
  return attachment("application/json", std::move(file.content), file.file_name);
}

// The file as the raw body; ?organization_id= runs the copy (none: the agency). 201 with the new
// copy; 200 with the one made before when the agency had imported this contest already.
Result<HttpResponse> post_contest_file(ApiCall& call) {
  service::ContestFileUpload upload;
  upload.organization_id = TRY(query_integer_value(call.request, "organization_id"));
  if (call.request.body.empty()) {
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp gửi lên trống.",
                "The uploaded file is empty.", Location{0, "file"});
  }
  upload.content = call.request.body;
  auto imported = TRY(service::import_contest_file(call.connection, call.who(), upload));
  boost::json::object json = contest_json(imported.view, call.who().clock());
  json["already"] = imported.already;
  return ok(imported.already ? 200 : 201, std::move(json));
}

// The copy's results for who launched it (io/contest_results_file.hpp).
Result<HttpResponse> get_results_file(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto file = TRY(service::export_contest_results(call.connection, call.who(), id));
  return attachment("application/json", std::move(file.content), file.file_name);
}

// Results sent back up by an organization below, as the raw body.
Result<HttpResponse> post_results_file(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  if (call.request.body.empty()) {
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp gửi lên trống.",
                "The uploaded file is empty.", Location{0, "file"});
  }
  const auto report =
      TRY(service::import_contest_results(call.connection, call.who(), id, call.request.body));
  return ok(200, boost::json::object{{"sent_by", report.sent_by},
                                     {"rounds", report.rounds},
                                     {"entries", report.entries},
                                     {"replaced", report.replaced}});
}

// Copies for the organizations of other agencies of this installation directly below.
Result<HttpResponse> post_launch(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  boost::json::array copies;
  for (const auto& copy : TRY(service::launch_below(call.connection, call.who(), id))) {
    copies.push_back(boost::json::object{{"agency_id", copy.agency_id},
                                         {"agency_name", copy.agency_name},
                                         {"organization_id", copy.organization_id},
                                         {"organization_name", copy.organization_name},
                                         {"contest_id", copy.contest_id},
                                         {"already", copy.already}});
  }
  return ok(200, boost::json::object{{"items", std::move(copies)}});
}

// Those copies' results, gathered into the contest.
Result<HttpResponse> post_gather(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  const auto gathered = TRY(service::gather_results_below(call.connection, call.who(), id));
  return ok(200, boost::json::object{{"copies", gathered.copies}, {"entries", gathered.entries}});
}

}  // namespace

void add_contest_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/contests", Guard::signed_in, get_contests},
          {"POST", "/api/v1/contests", Guard::signed_in, post_contest},
          {"GET", "/api/v1/contests/:id", Guard::signed_in, get_contest},
          {"POST", "/api/v1/contests/:id/rounds", Guard::signed_in, post_round},
          {"POST", "/api/v1/contests/:id/bank", Guard::signed_in, post_bank, kMaxUploadBody},
          {"GET", "/api/v1/contests/:id/bank", Guard::signed_in, get_bank},
          {"GET", "/api/v1/contests/:id/file", Guard::signed_in, get_contest_file},
          {"POST", "/api/v1/contest-files", Guard::signed_in, post_contest_file, kMaxUploadBody},
          {"GET", "/api/v1/contests/:id/results-file", Guard::signed_in, get_results_file},
          {"POST", "/api/v1/contests/:id/launch", Guard::signed_in, post_launch},
          {"POST", "/api/v1/contests/:id/gather", Guard::signed_in, post_gather},
          {"POST", "/api/v1/contests/:id/results-file", Guard::signed_in, post_results_file,
           kMaxUploadBody},
      });
}

}  // namespace dk::http
