// /api/v1/directives: documents to be studied (quán triệt), their delivery to every person of the
// audience, each person's reading and study, and the follow-up by department (docs/directives.md).

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "core/text_limits.hpp"
#include "http/api.hpp"
#include "http/download.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/directive_report.hpp"
#include "service/directives.hpp"

namespace dk::http {
namespace {

boost::json::value instant_or_null(const std::optional<Instant>& instant) {
  return instant ? boost::json::value(format_instant(*instant)) : boost::json::value(nullptr);
}

boost::json::value date_or_null(const std::optional<CivilDate>& date) {
  return date ? boost::json::value(format_iso(*date)) : boost::json::value(nullptr);
}

boost::json::array ids_json(const std::vector<Id>& ids) {
  boost::json::array array;
  for (Id id : ids) array.push_back(id);
  return array;
}

boost::json::object counts_json(const StudyCounts& counts) {
  return {{"people", counts.people},
          {"read", counts.read},
          {"studied", counts.studied},
          {"by_answers", counts.by_answers},
          {"by_attendance", counts.by_attendance},
          {"reminded", counts.reminded},
          {"studied_percent", share_percent(counts.studied, counts.people)}};
}

boost::json::object directive_json(const service::DirectiveView& view, std::string_view language) {
  const Directive& directive = view.directive;
  boost::json::array questions;
  for (const CheckQuestion& question : directive.questions) {
    boost::json::array choices;
    for (const std::string& choice : question.choices)
      choices.push_back(boost::json::value(choice));
    boost::json::object item{{"text", question.text}, {"choices", std::move(choices)}};
    // The right answers are for those who follow it up, not for those who answer.
    if (view.may_follow) item["answer"] = question.answer;
    questions.push_back(std::move(item));
  }
  boost::json::array attachments;
  for (const DirectiveAttachment& file : directive.attachments) {
    attachments.push_back(boost::json::object{{"position", file.position},
                                              {"file_name", file.file_name},
                                              {"content_type", file.content_type},
                                              {"size", file.size},
                                              {"uploaded_at", format_instant(file.uploaded_at)}});
  }
  boost::json::value receipt = nullptr;
  if (view.receipt) {
    receipt = boost::json::object{{"delivered_at", format_instant(view.receipt->delivered_at)},
                                  {"read_at", instant_or_null(view.receipt->read_at)},
                                  {"reminders", view.receipt->reminders},
                                  {"reminded_at", instant_or_null(view.receipt->reminded_at)}};
  }
  boost::json::value study = nullptr;
  if (view.study) {
    study = boost::json::object{{"at", format_instant(view.study->at)},
                                {"how", code_of(view.study->how)},
                                {"how_label", label_of(view.study->how).in(language)}};
  }
  boost::json::object json{
      {"id", directive.id},
      {"organization_id", directive.organization_id ? boost::json::value(*directive.organization_id)
                                                    : boost::json::value(nullptr)},
      {"organization_name", view.organization_name},
      {"kind", code_of(directive.kind)},
      {"kind_label", label_of(directive.kind).in(language)},
      {"issuer_level", code_of(directive.issuer_level)},
      {"issuer_level_label", label_of(directive.issuer_level).in(language)},
      {"number", directive.number},
      {"issuer", directive.issuer},
      {"issued_on", date_or_null(directive.issued_on)},
      {"title", directive.title},
      {"summary", directive.summary},
      {"deadline", date_or_null(directive.deadline)},
      {"audience",
       {{"organization_ids", ids_json(directive.audience.organization_ids)},
        {"unit_ids", ids_json(directive.audience.unit_ids)},
        {"committee_only", directive.audience.committee_only}}},
      {"questions", std::move(questions)},
      {"study_activity_ids", ids_json(directive.study_activity_ids)},
      {"attachments", std::move(attachments)},
      {"posted_at", format_instant(directive.posted_at)},
      {"receipt", std::move(receipt)},
      {"study", std::move(study)},
      {"may_follow", view.may_follow}};
  if (view.may_follow && view.counts) json["counts"] = counts_json(*view.counts);
  return json;
}

Result<HttpResponse> respond(const Result<service::DirectiveView>& view, int status,
                             std::string_view language) {
  if (!view) return std::unexpected(view.error());
  return ok(status, directive_json(*view, language));
}

std::unexpected<Error> wrong(std::string field, std::string vi, std::string en) {
  return fail(ErrorKind::invalid_input, "body.wrong_type", std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

Result<std::string> question_text(const boost::json::value& value, const std::string& field) {
  if (!value.is_string()) {
    return wrong(field, fmt::format("Trường “{}” phải là một chuỗi.", field),
                 fmt::format("The field “{}” must be a string.", field));
  }
  TRY(check_text_length(value.get_string(), TextKind::line, field));
  return std::string(value.get_string());
}

// [{"text": "…", "choices": ["…", …], "answer": 0}, …], each field named where it is wrong.
Result<std::vector<CheckQuestion>> read_questions(const boost::json::array& array) {
  std::vector<CheckQuestion> questions;
  if (array.size() > kMaxCheckQuestions) {
    return fail(ErrorKind::invalid_input, "directive.too_many_questions",
                fmt::format("Tối đa {} câu hỏi kiểm tra.", kMaxCheckQuestions),
                fmt::format("At most {} check questions.", kMaxCheckQuestions),
                Location{0, "questions"});
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string field = fmt::format("questions[{}]", i);
    const auto* object = array[i].if_object();
    if (!object) {
      return wrong(field,
                   fmt::format("“{}” phải là một đối tượng {{text, choices, answer}}.", field),
                   fmt::format("“{}” must be an object {{text, choices, answer}}.", field));
    }
    for (const auto& [key, value] : *object) {
      if (key != "text" && key != "choices" && key != "answer") {
        return fail(ErrorKind::invalid_input, "body.unknown_field",
                    fmt::format("Trường “{}.{}” không được nhận.", field, std::string_view(key)),
                    fmt::format("The field “{}.{}” is not accepted.", field, std::string_view(key)),
                    Location{0, fmt::format("{}.{}", field, std::string_view(key))});
      }
    }
    CheckQuestion question;
    if (const auto* text = object->if_contains("text"))
      question.text = TRY(question_text(*text, field + ".text"));
    const auto* choices = object->if_contains("choices");
    if (choices && !choices->is_array()) {
      return wrong(field + ".choices", fmt::format("“{}.choices” phải là một danh sách.", field),
                   fmt::format("“{}.choices” must be a list.", field));
    }
    if (choices) {
      const auto& list = choices->get_array();
      if (list.size() > kMaxChoices) {
        question.choices.assign(kMaxChoices + 1, "-");  // validate_directive names the fault
      } else {
        for (std::size_t c = 0; c < list.size(); ++c)
          question.choices.push_back(
              TRY(question_text(list[c], fmt::format("{}.choices[{}]", field, c))));
      }
    }
    const auto* answer = object->if_contains("answer");
    if (answer && (!answer->is_int64() || answer->get_int64() < 0 ||
                   answer->get_int64() > static_cast<std::int64_t>(kMaxChoices))) {
      return wrong(field + ".answer",
                   fmt::format("“{}.answer” phải là số thứ tự của phương án đúng (từ 0).", field),
                   fmt::format("“{}.answer” must be the right choice's position (from 0).", field));
    }
    if (answer) question.answer = static_cast<int>(answer->get_int64());
    questions.push_back(std::move(question));
  }
  return questions;
}

Result<HttpResponse> get_my_directives(ApiCall& call);

// ?mine=true: what was delivered to the caller; otherwise those the caller follows up.
Result<HttpResponse> get_directives(ApiCall& call) {
  if (query_value(call.request, "mine") == "true") return get_my_directives(call);
  auto views = TRY(service::list_directives(call.connection, call.who()));
  boost::json::array items;
  for (const auto& view : views) items.push_back(directive_json(view, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> get_my_directives(ApiCall& call) {
  auto views = TRY(service::my_directives(call.connection, call.who()));
  boost::json::array items;
  std::int64_t unread = 0, to_study = 0;
  for (const auto& view : views) {
    if (view.receipt && !view.receipt->read_at) ++unread;
    if (!view.study) ++to_study;
    items.push_back(directive_json(view, call.language));
  }
  const auto total = static_cast<std::int64_t>(items.size());
  return ok(200, boost::json::object{{"items", std::move(items)},
                                     {"total", total},
                                     {"unread", unread},
                                     {"to_study", to_study}});
}

Result<HttpResponse> post_directive(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Directive directive;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::optional<DirectiveKind>> kind;
  std::optional<std::optional<IssuerLevel>> level;
  std::optional<std::string> number, summary;
  std::optional<std::optional<CivilDate>> issued_on, deadline;
  std::optional<std::vector<std::int64_t>> organizations, units, activities;
  std::optional<bool> committee_only;
  std::optional<boost::json::array> questions;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization), body.code("kind", kind),
        body.code("issuer_level", level), body.text("number", number),
        body.required_text("issuer", directive.issuer), body.date("issued_on", issued_on),
        body.required_text("title", directive.title), body.text("summary", summary),
        body.date("deadline", deadline), body.integers("organization_ids", organizations),
        body.integers("unit_ids", units), body.boolean("committee_only", committee_only),
        body.array("questions", questions), body.integers("study_activity_ids", activities),
        body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  directive.organization_id = organization.value_or(std::nullopt);
  if (kind && *kind) directive.kind = **kind;
  if (level && *level) directive.issuer_level = **level;
  directive.number = number.value_or("");
  directive.summary = summary.value_or("");
  directive.issued_on = issued_on.value_or(std::nullopt);
  directive.deadline = deadline.value_or(std::nullopt);
  directive.audience.organization_ids = organizations.value_or(std::vector<Id>{});
  directive.audience.unit_ids = units.value_or(std::vector<Id>{});
  directive.audience.committee_only = committee_only.value_or(false);
  directive.study_activity_ids = activities.value_or(std::vector<Id>{});
  if (questions) directive.questions = TRY(read_questions(*questions));
  return answer_once(call, [&]() -> Result<HttpResponse> {
    return respond(service::post_directive(call.connection, call.who(), directive), 201,
                   call.language);
  });
}

Result<HttpResponse> get_directive(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(service::read_directive(call.connection, call.who(), id), 200, call.language);
}

Result<HttpResponse> post_read(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(service::mark_directive_read(call.connection, call.who(), id), 200, call.language);
}

Result<HttpResponse> post_study(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  std::optional<std::vector<int>> answers;
  if (!call.request.body.empty()) {
    auto body = TRY(JsonBody::parse(call.request));
    std::optional<std::vector<std::int64_t>> read;
    TRY(body.integers("answers", read));
    TRY(body.finish());
    if (read) {
      answers.emplace();
      for (std::int64_t answer : *read)
        answers->push_back(answer < 0 || answer > 100 ? -1 : static_cast<int>(answer));
    }
  }
  auto outcome = TRY(service::study_directive(call.connection, call.who(), id, answers));
  boost::json::object json = directive_json(outcome.view, call.language);
  if (outcome.grade) {
    json["grade"] =
        boost::json::object{{"right", static_cast<std::int64_t>(outcome.grade->right)},
                            {"questions", static_cast<std::int64_t>(outcome.grade->questions)},
                            {"passed", outcome.grade->passed()}};
  }
  return ok(200, json);
}

Result<HttpResponse> get_progress(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto follow_up = TRY(service::directive_progress(call.connection, call.who(), id));
  boost::json::array units;
  for (const UnitStudy& unit : follow_up.progress.units) {
    units.push_back(boost::json::object{
        {"unit_id", unit.unit_id ? boost::json::value(*unit.unit_id) : boost::json::value(nullptr)},
        {"unit_name", unit.unit_name},
        {"counts", counts_json(unit.counts)}});
  }
  boost::json::array people;
  for (const DirectiveProgressRow& row : follow_up.people) {
    const auto study = studied(row);
    people.push_back(boost::json::object{
        {"person_id", row.receipt.person_id},
        {"full_name", row.full_name},
        {"unit_id", row.unit_id ? boost::json::value(*row.unit_id) : boost::json::value(nullptr)},
        {"unit_name", row.unit_name},
        {"read_at", instant_or_null(row.receipt.read_at)},
        {"studied_at", instant_or_null(study ? std::optional(study->at) : std::nullopt)},
        {"studied_how", study ? boost::json::value(code_of(study->how)) : nullptr},
        {"studied_how_label",
         study ? boost::json::value(label_of(study->how).in(call.language)) : nullptr},
        {"reminders", row.receipt.reminders}});
  }
  return ok(200, boost::json::object{{"directive", directive_json(follow_up.view, call.language)},
                                     {"total", counts_json(follow_up.progress.total)},
                                     {"units", std::move(units)},
                                     {"people", std::move(people)}});
}

Result<HttpResponse> post_remind(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto reminded = TRY(service::remind_directive(call.connection, call.who(), id));
  return ok(200, boost::json::object{{"reminded", reminded}});
}

Result<HttpResponse> post_study_activity(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> activity;
  TRY(body.integer("activity_id", activity));
  TRY(body.finish());
  if (!activity) return JsonBody::missing("activity_id");
  return respond(service::link_study_activity(call.connection, call.who(), id, *activity), 200,
                 call.language);
}

// ?table=units (the default: each department and the total) or people; in the Accept-Language.
Result<HttpResponse> get_export(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  const std::string table = query_value(call.request, "table").value_or("units");
  if (table != "units" && table != "people") return bad_parameter("table");
  auto file = TRY(service::export_directive_progress(
      call.connection, call.who(), id,
      table == "units" ? service::DirectiveReport::units : service::DirectiveReport::people,
      call.language));
  HttpResponse response{200, file.content_type, std::move(file.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file.file_name));
  response.headers.emplace_back("X-Row-Count", std::to_string(file.rows));
  return response;
}

// The file as the raw body (any Content-Type; its bytes decide what it is), its name in ?filename=.
Result<HttpResponse> post_attachment(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  const std::string file_name = query_value(call.request, "filename").value_or("");
  return respond(
      service::attach_to_directive(call.connection, call.who(), id, file_name, call.request.body),
      201, call.language);
}

// Always a download, never shown in the page's origin: a picture or a PDF opens in the viewer of
// the member's choice, and the server's nosniff keeps the type the bytes were checked to be.
Result<HttpResponse> get_attachment(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto position = TRY(route_id(call.request, "position"));
  if (position > static_cast<Id>(kMaxAttachments)) position = 0;
  auto file = TRY(
      service::directive_attachment(call.connection, call.who(), id, static_cast<int>(position)));
  HttpResponse response{200, file.attachment.content_type, std::move(file.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file.attachment.file_name));
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void add_directive_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/directives", Guard::signed_in, get_directives},
          {"POST", "/api/v1/directives", Guard::signed_in, post_directive},
          {"GET", "/api/v1/directives/:id", Guard::signed_in, get_directive},
          {"POST", "/api/v1/directives/:id/read", Guard::signed_in, post_read},
          {"POST", "/api/v1/directives/:id/study", Guard::signed_in, post_study},
          {"GET", "/api/v1/directives/:id/progress", Guard::signed_in, get_progress},
          {"POST", "/api/v1/directives/:id/remind", Guard::signed_in, post_remind},
          {"POST", "/api/v1/directives/:id/study-activities", Guard::signed_in,
           post_study_activity},
          {"POST", "/api/v1/directives/:id/attachments", Guard::signed_in, post_attachment,
           static_cast<std::size_t>(kMaxAttachmentBytes)},
          {"GET", "/api/v1/directives/:id/attachments/:position", Guard::signed_in, get_attachment},
          {"GET", "/api/v1/directives/:id/export", Guard::signed_in, get_export},
      });
}

}  // namespace dk::http
