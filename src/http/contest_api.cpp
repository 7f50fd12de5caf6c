// /api/v1/contests: online contests (issue 17) as their organizers run them — so far the contest
// and its question bank, imported from the organizers' file (every bad row by line and column) and
// exported in the same layout. Nothing here is ever sent to an entrant: the bank holds the answers.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/download.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/query_string.hpp"
#include "service/contests.hpp"

namespace dk::http {
namespace {

boost::json::object topics_json(const std::map<std::string, std::int64_t>& topics) {
  boost::json::object json;
  for (const auto& [topic, count] : topics) json[topic] = count;
  return json;
}

boost::json::object contest_json(const service::ContestView& view) {
  const Contest& contest = view.contest;
  return {{"id", contest.id},
          {"organization_id", contest.organization_id ? boost::json::value(*contest.organization_id)
                                                      : boost::json::value(nullptr)},
          {"organization_name", view.organization_name},
          {"title", contest.title},
          {"description", contest.description},
          {"prediction_question", contest.prediction_question},
          {"created_at", format_instant(contest.created_at)},
          {"questions", view.questions},
          {"topics", topics_json(view.topics)},
          {"may_run", view.may_run}};
}

Result<HttpResponse> get_contests(ApiCall& call) {
  boost::json::array items;
  for (const auto& view : TRY(service::list_contests(call.connection, call.who())))
    items.push_back(contest_json(view));
  return items_response(std::move(items));
}

Result<HttpResponse> get_contest(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200, contest_json(TRY(service::read_contest(call.connection, call.who(), id))));
}

Result<HttpResponse> post_contest(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Contest contest;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::string> description, prediction;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization),
        body.required_text("title", contest.title), body.text("description", description),
        body.text("prediction_question", prediction), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  contest.organization_id = organization.value_or(std::nullopt);
  contest.description = description.value_or("");
  contest.prediction_question = prediction.value_or("");
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto created = TRY(service::create_contest(call.connection, call.who(), std::move(contest)));
    return ok(201, contest_json(created));
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
  HttpResponse response{200,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        std::move(file.content),
                        {},
                        ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file.file_name));
  return response;
}

}  // namespace

void add_contest_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(), {
                                  {"GET", "/api/v1/contests", Guard::signed_in, get_contests},
                                  {"POST", "/api/v1/contests", Guard::signed_in, post_contest},
                                  {"GET", "/api/v1/contests/:id", Guard::signed_in, get_contest},
                                  {"POST", "/api/v1/contests/:id/bank", Guard::signed_in, post_bank,
                                   kMaxUploadBody},
                                  {"GET", "/api/v1/contests/:id/bank", Guard::signed_in, get_bank},
                              });
}

}  // namespace dk::http
