// /api/v1/polls: polls and surveys (khảo sát): run by an organization for its members or by the
// agency for everyone, one vote per member (a retried vote with its Idempotency-Key gets the first
// answer), and the results as counts per option (docs/polls.md).

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/directive.hpp"
#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/polls.hpp"

namespace dk::http {
namespace {

std::string_view phase_code(PollPhase phase) {
  switch (phase) {
    case PollPhase::upcoming:
      return "upcoming";
    case PollPhase::open:
      return "open";
    case PollPhase::closed:
      break;
  }
  return "closed";
}

boost::json::value results_json(const service::PollView& view) {
  if (!view.results) return nullptr;
  boost::json::array questions;
  for (const QuestionResult& result : view.results->questions) {
    boost::json::array votes, percents, texts;
    for (const std::int64_t count : result.votes) {
      votes.push_back(count);
      percents.push_back(share_percent(count, result.answered));
    }
    for (const std::string& text : result.texts) texts.push_back(boost::json::value(text));
    questions.push_back(boost::json::object{{"answered", result.answered},
                                            {"votes", std::move(votes)},
                                            {"percents", std::move(percents)},
                                            {"texts", std::move(texts)}});
  }
  return boost::json::object{{"ballots", view.results->ballots},
                             {"questions", std::move(questions)}};
}

boost::json::object poll_json(const service::PollView& view, std::string_view language) {
  const Poll& poll = view.poll;
  boost::json::array questions;
  for (const PollQuestion& question : poll.questions) {
    boost::json::array options;
    for (const std::string& option : question.options)
      options.push_back(boost::json::value(option));
    questions.push_back(boost::json::object{{"text", question.text},
                                            {"kind", code_of(question.kind)},
                                            {"kind_label", label_of(question.kind).in(language)},
                                            {"options", std::move(options)},
                                            {"max_choices", question.max_choices},
                                            {"required", question.required}});
  }
  return {{"id", poll.id},
          {"organization_id", poll.organization_id ? boost::json::value(*poll.organization_id)
                                                   : boost::json::value(nullptr)},
          {"organization_name", view.organization_name},
          {"title", poll.title},
          {"description", poll.description},
          {"anonymous", poll.anonymous},
          {"results_shown", code_of(poll.results_shown)},
          {"opens_at", format_instant(poll.opens_at)},
          {"closes_at", format_instant(poll.closes_at)},
          {"phase", phase_code(view.phase)},
          {"ballots", view.ballots},
          {"may_run", view.may_run},
          {"may_vote", view.may_vote},
          {"voted", view.voted},
          {"questions", std::move(questions)},
          {"results", results_json(view)}};
}

Result<PollQuestion> read_question(const boost::json::value& value, const std::string& field) {
  const auto* object = value.if_object();
  if (!object) return JsonBody::not_an_object(field);
  JsonBody body = JsonBody::nested(*object);
  PollQuestion question;
  std::optional<std::optional<PollQuestionKind>> kind;
  std::optional<std::vector<std::string>> options;
  std::optional<std::int64_t> max_choices;
  std::optional<bool> required;
  for (const Status& read :
       {body.required_text("text", question.text), body.code("kind", kind),
        body.texts("options", options), body.integer("max_choices", max_choices),
        body.boolean("required", required), body.finish()}) {
    if (!read) return std::unexpected(within(read.error(), field));
  }
  if (kind && *kind) question.kind = **kind;
  question.options = options.value_or(std::vector<std::string>{});
  if (question.options.size() > kMaxPollOptions) question.options.resize(kMaxPollOptions + 1);
  question.max_choices =
      static_cast<int>(std::clamp<std::int64_t>(max_choices.value_or(0), -1, 100));
  question.required = required.value_or(true);
  return question;
}

Result<HttpResponse> post_poll(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Poll poll;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::string> description;
  std::optional<bool> anonymous;
  std::optional<std::optional<PollResultsShown>> shown;
  std::optional<std::optional<Instant>> opens_at, closes_at;
  std::optional<boost::json::array> questions;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization),
        body.required_text("title", poll.title), body.text("description", description),
        body.boolean("anonymous", anonymous), body.code("results_shown", shown),
        body.instant("opens_at", opens_at), body.instant("closes_at", closes_at),
        body.array("questions", questions), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!closes_at || !*closes_at) return JsonBody::missing("closes_at");
  poll.organization_id = organization.value_or(std::nullopt);
  poll.description = description.value_or("");
  poll.anonymous = anonymous.value_or(false);
  if (shown && *shown) poll.results_shown = **shown;
  if (opens_at && *opens_at) poll.opens_at = **opens_at;
  poll.closes_at = **closes_at;
  if (questions) {
    if (questions->size() > kMaxPollQuestions) questions->resize(kMaxPollQuestions + 1);
    for (std::size_t i = 0; i < questions->size(); ++i)
      poll.questions.push_back(
          TRY(read_question((*questions)[i], fmt::format("questions[{}]", i))));
  }
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto created = TRY(service::create_poll(call.connection, call.who(), std::move(poll)));
    return ok(201, poll_json(created, call.language));
  });
}

Result<HttpResponse> get_polls(ApiCall& call) {
  auto views = TRY(service::list_polls(call.connection, call.who()));
  boost::json::array items;
  for (const auto& view : views) items.push_back(poll_json(view, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> get_poll(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200,
            poll_json(TRY(service::read_poll(call.connection, call.who(), id)), call.language));
}

// {"answers": [{"choices": [0, 2]}, {"text": "…"}, {}]}: one per question, in order.
Result<HttpResponse> post_vote(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<boost::json::array> list;
  TRY(body.array("answers", list));
  TRY(body.finish());
  if (!list) return JsonBody::missing("answers");
  std::vector<PollAnswer> answers;
  if (list->size() > kMaxPollQuestions) list->resize(kMaxPollQuestions + 1);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string field = fmt::format("answers[{}]", i);
    const auto* object = (*list)[i].if_object();
    if (!object) return JsonBody::not_an_object(field);
    JsonBody item = JsonBody::nested(*object);
    std::optional<std::vector<std::int64_t>> choices;
    std::optional<std::string> text;
    for (const Status& read :
         {item.integers("choices", choices), item.text("text", text), item.finish()}) {
      if (!read) return std::unexpected(within(read.error(), field));
    }
    PollAnswer answer;
    for (const std::int64_t choice : choices.value_or(std::vector<std::int64_t>{}))
      answer.choices.push_back(choice < 0 || choice > 100 ? -1 : static_cast<int>(choice));
    answer.text = text.value_or("");
    answers.push_back(std::move(answer));
  }
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto voted = TRY(service::vote(call.connection, call.who(), id, std::move(answers)));
    return ok(200, poll_json(voted, call.language));
  });
}

// {"question": 0, "option": 1, "plan_id": 5, "title": "…"}: the option becomes a programme of the
// plan, its description citing the poll's counts.
Result<HttpResponse> post_to_plan(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> question, option, plan;
  std::optional<std::string> title;
  for (const Status& read :
       {body.integer("question", question), body.integer("option", option),
        body.integer("plan_id", plan), body.text("title", title), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!question) return JsonBody::missing("question");
  if (!option) return JsonBody::missing("option");
  if (!plan) return JsonBody::missing("plan_id");
  const auto small = [](std::int64_t value) {
    return static_cast<int>(std::clamp<std::int64_t>(value, -1, 1000));
  };
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto added =
        TRY(service::add_poll_result_to_plan(call.connection, call.who(), id, small(*question),
                                             small(*option), *plan, title.value_or("")));
    return ok(201, boost::json::object{{"id", added.id},
                                       {"plan_id", added.plan_id},
                                       {"title", added.title},
                                       {"description", added.description}});
  });
}

}  // namespace

void add_poll_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(),
                {
                    {"GET", "/api/v1/polls", Guard::signed_in, get_polls},
                    {"POST", "/api/v1/polls", Guard::signed_in, post_poll},
                    {"GET", "/api/v1/polls/:id", Guard::signed_in, get_poll},
                    {"POST", "/api/v1/polls/:id/vote", Guard::signed_in, post_vote},
                    {"POST", "/api/v1/polls/:id/to-plan", Guard::signed_in, post_to_plan},
                });
}

}  // namespace dk::http
