// Taking part in an online contest (issue 17), and its results: an entrant starts or resumes an
// attempt at a round, saves answers as they go and submits; the organizers (and, once a round
// shows results, the entrants) read its leaderboard; the organizers follow participation by
// department and organization and remind those who have not entered.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/contest_json.hpp"
#include "http/download.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/query_string.hpp"

namespace dk::http {
namespace {

// The answers and prediction of a save or a submission:
// {"answers": [{"position": 0, "choices": [2]}, {"position": 3, "number": "220"}],
//  "prediction": 1520}
struct AnswersBody {
  std::vector<service::AnswerAt> answers;
  std::optional<std::optional<std::int64_t>> prediction;
};

Result<AnswersBody> read_answers(const HttpRequest& request, bool required) {
  auto body = TRY(JsonBody::parse(request));
  AnswersBody read;
  std::optional<boost::json::array> list;
  for (const Status& status :
       {body.array("answers", list), body.nullable_integer("prediction", read.prediction),
        body.finish()}) {
    if (!status) return std::unexpected(status.error());
  }
  if (!list && required && !read.prediction) return JsonBody::missing("answers");
  if (!list) return read;
  // More places than any round has is refused by position; no need to read them all.
  if (list->size() > kMaxRoundQuestions) list->resize(kMaxRoundQuestions + 1);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string field = fmt::format("answers[{}]", i);
    const auto* object = (*list)[i].if_object();
    if (!object) return JsonBody::not_an_object(field);
    JsonBody item = JsonBody::nested(*object);
    std::optional<std::int64_t> position;
    std::optional<std::vector<std::int64_t>> choices;
    std::optional<std::string> number;
    for (const Status& status :
         {item.integer("position", position), item.integers("choices", choices),
          item.text("number", number), item.finish()}) {
      if (!status) return std::unexpected(within(status.error(), field));
    }
    if (!position) return std::unexpected(within(JsonBody::missing("position").error(), field));
    service::AnswerAt answer;
    answer.position = static_cast<int>(std::clamp<std::int64_t>(*position, -1, 100000));
    for (const std::int64_t choice : choices.value_or(std::vector<std::int64_t>{}))
      answer.answer.choices.push_back(static_cast<int>(std::clamp<std::int64_t>(choice, -1, 100)));
    answer.answer.number = number.value_or("");
    read.answers.push_back(std::move(answer));
  }
  return read;
}

Result<HttpResponse> post_attempt(ApiCall& call) {
  const Id contest = TRY(route_id(call.request));
  const Id round = TRY(route_id(call.request, "round"));
  auto view = TRY(service::start_attempt(call.connection, call.who(), contest, round));
  return ok(200, attempt_json(view));
}

Result<HttpResponse> get_attempt(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200, attempt_json(TRY(service::read_attempt(call.connection, call.who(), id))));
}

// Saving the same answers again changes nothing: no Idempotency-Key needed.
Result<HttpResponse> put_answers(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(read_answers(call.request, true));
  return ok(200, attempt_json(TRY(service::save_answers(call.connection, call.who(), id,
                                                        body.answers, body.prediction))));
}

// A second submission returns the attempt as the first left it. Durable when answered, sharing a
// group commit with the other submissions of the moment (a round's last minutes) on SQLite.
Result<HttpResponse> post_submit(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(read_answers(call.request, false));
  return ok(200,
            attempt_json(TRY(service::submit_attempt(call.connection, call.who(), id, body.answers,
                                                     body.prediction, call.settings.database))));
}

// ?limit= (50 by default, at most 500) &offset=
Result<HttpResponse> get_leaderboard(ApiCall& call) {
  const Id contest = TRY(route_id(call.request));
  const Id round = TRY(route_id(call.request, "round"));
  const auto limit = TRY(query_integer_value(call.request, "limit"));
  const auto offset = TRY(query_integer_value(call.request, "offset"));
  auto board = TRY(service::round_leaderboard(call.connection, call.who(), contest, round,
                                              limit.value_or(50), offset.value_or(0)));
  return ok(200, leaderboard_json(board));
}

// ?top=3 (1–100): one page per winner, in the caller's language.
Result<HttpResponse> get_certificates(ApiCall& call) {
  const Id contest = TRY(route_id(call.request));
  const Id round = TRY(route_id(call.request, "round"));
  const auto top = TRY(query_integer_value(call.request, "top")).value_or(3);
  auto file = TRY(service::round_certificates(
      call.connection, call.who(), contest, round,
      static_cast<int>(std::clamp<std::int64_t>(top, 0, service::kMaxCertificates + 1)),
      call.language));
  HttpResponse response{200, "application/pdf", std::move(file.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file.file_name));
  return response;
}

Result<HttpResponse> get_participation(ApiCall& call) {
  const Id contest = TRY(route_id(call.request));
  return ok(200, participation_json(
                     TRY(service::contest_participation(call.connection, call.who(), contest))));
}

Result<HttpResponse> post_remind(ApiCall& call) {
  const Id contest = TRY(route_id(call.request));
  return answer_once(call, [&]() -> Result<HttpResponse> {
    const auto reminded = TRY(service::remind_contest(call.connection, call.who(), contest));
    return ok(200, boost::json::object{{"reminded", reminded}});
  });
}

}  // namespace

void add_contest_attempt_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"POST", "/api/v1/contests/:id/rounds/:round/attempts", Guard::signed_in, post_attempt},
          {"GET", "/api/v1/contests/:id/rounds/:round/leaderboard", Guard::signed_in,
           get_leaderboard},
          {"GET", "/api/v1/contests/:id/rounds/:round/certificates", Guard::signed_in,
           get_certificates},
          {"GET", "/api/v1/contests/:id/participation", Guard::signed_in, get_participation},
          {"POST", "/api/v1/contests/:id/remind", Guard::signed_in, post_remind},
          {"GET", "/api/v1/contest-attempts/:id", Guard::signed_in, get_attempt},
          {"PUT", "/api/v1/contest-attempts/:id/answers", Guard::signed_in, put_answers},
          {"POST", "/api/v1/contest-attempts/:id/submit", Guard::signed_in, post_submit},
      });
}

}  // namespace dk::http
