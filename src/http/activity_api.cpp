// /api/v1/activities: plans' activities, their clashes, registrations, check-ins (with an
// Idempotency-Key, since a phone at the gate retries) and feedback; /api/v1/me/check-in-code.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/problem.hpp"
#include "service/activities.hpp"
#include "service/durable_check_in.hpp"

namespace dk::http {
namespace {

boost::json::value optional_instant_json(const std::optional<Instant>& instant) {
  return instant ? boost::json::value(format_instant(*instant)) : boost::json::value(nullptr);
}

template <class Number>
boost::json::value optional_json(const std::optional<Number>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object registration_json(const Registration& registration, std::string_view language) {
  return {{"id", registration.id},
          {"activity_id", registration.activity_id},
          {"person_id", registration.person_id},
          {"full_name", registration.full_name},
          {"state", code_of(registration.state)},
          {"state_label", label_of(registration.state).in(language)},
          {"registered_at", format_instant(instant_of(registration.registered_at))},
          {"cancelled_at", registration.cancelled_at ? boost::json::value(format_instant(
                                                           instant_of(*registration.cancelled_at)))
                                                     : boost::json::value(nullptr)}};
}

boost::json::object attendance_json(const AttendanceRecord& record, std::string_view language) {
  return {
      {"person_id", record.person_id},
      {"full_name", record.full_name},
      {"state", code_of(record.state)},
      {"state_label", label_of(record.state).in(language)},
      {"checked_in_at", record.checked_in_at
                            ? boost::json::value(format_instant(instant_of(*record.checked_in_at)))
                            : boost::json::value(nullptr)},
      {"method", record.method}};
}

boost::json::object activity_json(const StoredActivity& stored, std::string_view language) {
  const Activity& activity = stored.activity;
  boost::json::object json{
      {"id", activity.id},
      {"plan_id", optional_json(activity.plan_id)},
      {"programme_id", optional_json(stored.programme_id)},
      {"kind", code_of(activity.kind)},
      {"kind_label", label_of(activity.kind).in(language)},
      {"title", activity.title},
      {"description", activity.description},
      {"starts_at", format_instant(activity.starts_at)},
      {"ends_at", format_instant(activity.ends_at)},
      {"place", activity.place},
      {"organizer_ids",
       boost::json::array(activity.organizer_ids.begin(), activity.organizer_ids.end())},
      {"partner_unit_ids",
       boost::json::array(activity.partner_unit_ids.begin(), activity.partner_unit_ids.end())},
      {"audience_scope", code_of(activity.audience.scope)},
      {"audience_ids",
       boost::json::array(activity.audience.ids.begin(), activity.audience.ids.end())},
      {"capacity", optional_json(activity.capacity)},
      {"registration_opens_at", optional_instant_json(activity.registration_opens_at)},
      {"registration_closes_at", optional_instant_json(activity.registration_closes_at)},
      {"required", activity.required},
      {"status", code_of(activity.status)},
      {"status_label", label_of(activity.status).in(language)},
      {"registered", stored.registered}};
  json["places_left"] =
      activity.capacity
          ? boost::json::value(std::max<std::int64_t>(0, *activity.capacity - stored.registered))
          : boost::json::value(nullptr);
  return json;
}

boost::json::object view_json(const service::ActivityView& view, std::string_view language) {
  boost::json::object json = activity_json(view.stored, language);
  json["waitlisted"] = view.waitlisted;
  json["manageable"] = view.manageable;
  json["my_registration"] = view.mine ? boost::json::value(registration_json(*view.mine, language))
                                      : boost::json::value(nullptr);
  json["my_attendance"] = view.my_attendance ? boost::json::value(code_of(*view.my_attendance))
                                             : boost::json::value(nullptr);
  return json;
}

boost::json::array clashes_json(const service::ActivitySaved& saved, std::string_view language) {
  boost::json::array clashes;
  for (const Clash& clash : saved.clashes) {
    boost::json::array people;
    for (Id person : clash.people) {
      const auto name = saved.names.find(person);
      people.push_back(
          {{"id", person}, {"full_name", name == saved.names.end() ? "" : name->second}});
    }
    clashes.push_back({{"kind", code_of(clash.kind)},
                       {"kind_label", label_of(clash.kind).in(language)},
                       {"activity_id", clash.other_id},
                       {"title", clash.other_title},
                       {"starts_at", format_instant(clash.other_starts_at)},
                       {"ends_at", format_instant(clash.other_ends_at)},
                       {"people_count", clash.people_count},
                       {"people", std::move(people)}});
  }
  return clashes;
}

// An activity from a request body; `go_ahead` is read too.
Result<service::ActivityDraft> read_draft(const HttpRequest& request) {
  auto body = TRY(JsonBody::parse(request));
  service::ActivityDraft draft;
  Activity& activity = draft.activity;
  std::optional<std::optional<ActivityKind>> kind;
  std::optional<std::string> description, place;
  std::optional<std::optional<Instant>> starts_at, ends_at, opens, closes;
  std::optional<std::vector<std::int64_t>> organizers, partners, audience_ids;
  std::optional<std::optional<AudienceScope>> scope;
  std::optional<std::optional<std::int64_t>> capacity, plan, programme;
  std::optional<bool> required, go_ahead;
  for (const Status& read :
       {body.code("kind", kind), body.required_text("title", activity.title),
        body.text("description", description), body.text("place", place),
        body.instant("starts_at", starts_at), body.instant("ends_at", ends_at),
        body.integers("organizer_ids", organizers), body.integers("partner_unit_ids", partners),
        body.code("audience_scope", scope), body.integers("audience_ids", audience_ids),
        body.nullable_integer("capacity", capacity), body.instant("registration_opens_at", opens),
        body.instant("registration_closes_at", closes), body.boolean("required", required),
        body.nullable_integer("plan_id", plan), body.nullable_integer("programme_id", programme),
        body.boolean("go_ahead_despite_clashes", go_ahead), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!kind || !*kind) return JsonBody::missing("kind");
  if (!starts_at || !*starts_at) return JsonBody::missing("starts_at");
  if (!ends_at || !*ends_at) return JsonBody::missing("ends_at");
  activity.kind = **kind;
  activity.description = description.value_or("");
  activity.place = place.value_or("");
  activity.starts_at = **starts_at;
  activity.ends_at = **ends_at;
  activity.organizer_ids = organizers.value_or(std::vector<std::int64_t>{});
  activity.partner_unit_ids = partners.value_or(std::vector<std::int64_t>{});
  activity.audience.scope = scope && *scope ? **scope : AudienceScope::everyone;
  activity.audience.ids = audience_ids.value_or(std::vector<std::int64_t>{});
  activity.capacity = capacity.value_or(std::nullopt);
  activity.registration_opens_at = opens.value_or(std::nullopt);
  activity.registration_closes_at = closes.value_or(std::nullopt);
  activity.required = required.value_or(false);
  activity.plan_id = plan.value_or(std::nullopt);
  draft.programme_id = programme.value_or(std::nullopt);
  draft.go_ahead_despite_clashes = go_ahead.value_or(false);
  return draft;
}

// 201/200 with the activity, or 409 with the clashes the officer has to confirm.
HttpResponse saved_response(const service::ActivitySaved& saved, int status,
                            std::string_view language) {
  if (!saved.activity) {
    HttpResponse response =
        problem(Error{ErrorKind::conflict,
                      "activity.clashes",
                      Text{fmt::format("Hoạt động trùng với {} việc khác. Xem danh sách; muốn vẫn "
                                       "lưu thì gửi lại với go_ahead_despite_clashes.",
                                       saved.clashes.size()),
                           fmt::format("The activity clashes with {} others. See the list; to save "
                                       "it anyway, send it again with go_ahead_despite_clashes.",
                                       saved.clashes.size())},
                      {}},
                language);
    boost::json::object body = boost::json::parse(response.body).as_object();
    body["clashes"] = clashes_json(saved, language);
    response.body = boost::json::serialize(body);
    return response;
  }
  boost::json::object json = activity_json(*saved.activity, language);
  json["clashes"] = clashes_json(saved, language);
  return ok(status, json);
}

Result<HttpResponse> get_activities(ApiCall& call) {
  service::ActivityFilter filter;
  for (auto [name, target] : {std::pair{"from", &filter.query.from}, {"to", &filter.query.to}}) {
    if (auto text = query_value(call.request, name)) {
      auto parsed = parse_instant(*text);
      if (!parsed) return bad_parameter(name);
      *target = *parsed;
    }
  }
  auto organization = query_integer_value(call.request, "organization_id");
  auto plan = query_integer_value(call.request, "plan_id");
  if (!organization) return std::unexpected(organization.error());
  if (!plan) return std::unexpected(plan.error());
  filter.query.organization_id = *organization;
  filter.query.plan_id = *plan;
  if (auto status = query_value(call.request, "status")) {
    filter.query.status = parse_code<ActivityStatus>(*status);
    if (!filter.query.status) return bad_parameter("status");
  }
  filter.mine_only = query_value(call.request, "mine") == "true";
  auto views = TRY(service::list_activities(call.connection, call.who(), filter));
  boost::json::array items;
  for (const auto& view : views) items.push_back(view_json(view, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> post_activity(ApiCall& call) {
  auto draft = TRY(read_draft(call.request));
  auto saved = TRY(service::create_activity(call.connection, call.who(), std::move(draft)));
  return saved_response(saved, 201, call.language);
}

Result<HttpResponse> post_clashes(ApiCall& call) {
  auto draft = TRY(read_draft(call.request));
  auto report = TRY(service::activity_clashes(call.connection, call.who(), draft.activity));
  return ok(200, boost::json::object{{"clashes", clashes_json(report, call.language)}});
}

Result<HttpResponse> get_activity(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto view = TRY(service::read_activity(call.connection, call.who(), id));
  return ok(200, view_json(view, call.language));
}

Result<HttpResponse> put_activity(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto draft = TRY(read_draft(call.request));
  auto saved = TRY(service::update_activity(call.connection, call.who(), id, std::move(draft)));
  return saved_response(saved, 200, call.language);
}

Result<HttpResponse> post_status(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::optional<ActivityStatus>> status;
  TRY(body.code("status", status));
  TRY(body.finish());
  if (!status || !*status) return JsonBody::missing("status");
  auto changed = TRY(service::change_activity_status(call.connection, call.who(), id, **status));
  return ok(200, activity_json(changed, call.language));
}

Result<HttpResponse> get_registrations(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto registrations = TRY(service::list_registrations(call.connection, call.who(), id));
  boost::json::array items;
  for (const auto& registration : registrations)
    items.push_back(registration_json(registration, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> post_registrations(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  std::optional<std::vector<std::int64_t>> people;
  if (!call.request.body.empty()) {
    auto body = TRY(JsonBody::parse(call.request));
    if (auto read = body.integers("person_ids", people); !read)
      return std::unexpected(read.error());
    TRY(body.finish());
  }
  auto outcomes = TRY(service::register_for_activity(call.connection, call.who(), id,
                                                     people.value_or(std::vector<std::int64_t>{})));
  boost::json::array items;
  for (const auto& outcome : outcomes) {
    boost::json::object item = registration_json(outcome.registration, call.language);
    item["changed"] = outcome.changed;
    items.push_back(std::move(item));
  }
  return ok(200, boost::json::object{{"items", std::move(items)}});
}

Result<HttpResponse> delete_registration(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto person = TRY(person_in_route(call));
  auto promoted = TRY(service::cancel_registration(call.connection, call.who(), id, person));
  return ok(
      200, boost::json::object{{"promoted", boost::json::array(promoted.begin(), promoted.end())}});
}

Result<HttpResponse> get_attendance(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto records = TRY(service::list_attendance(call.connection, call.who(), id));
  boost::json::array items;
  for (const auto& record : records) items.push_back(attendance_json(record, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> post_check_in(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::string> code, person_code;
  std::optional<std::optional<std::int64_t>> person;
  std::optional<std::optional<AttendanceState>> state;
  for (const Status& read :
       {body.text("code", code), body.text("person_code", person_code),
        body.nullable_integer("person_id", person), body.code("state", state), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  service::CheckIn request;
  if (code) {
    request.method = service::CheckInMethod::activity_code;
    request.code = *code;
  } else if (person_code) {
    request.method = service::CheckInMethod::person_code;
    request.code = *person_code;
  } else if (person && *person) {
    request.method = service::CheckInMethod::by_hand;
    request.person_id = **person;
    if (state) request.state = *state;
  } else {
    return fail(ErrorKind::invalid_input, "check_in.what_missing",
                "Gửi “code” (mã của hoạt động), “person_code” (mã cá nhân) hoặc “person_id”.",
                "Send “code” (the activity's code), “person_code” (a personal code) or "
                "“person_id”.",
                Location{0, "code"});
  }
  const service::RequestOnce once{call.request.header("idempotency-key"),
                                  request_text(call.request)};
  auto answer = TRY(service::check_in_durably(
      call.connection, call.settings.database, call.who(), id, request, once,
      [&](const service::CheckedIn& checked) {
        boost::json::object json = attendance_json(checked.record, call.language);
        json["first"] = checked.first;
        return service::Answer{checked.first ? 201 : 200, boost::json::serialize(json)};
      }));
  return json_response(answer.status, answer.body);
}

Result<HttpResponse> get_check_in_code(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto code = TRY(service::activity_check_in_code(call.connection, call.who(), id));
  return ok(200, boost::json::object{{"code", code.token},
                                     {"valid_until", format_instant(code.valid_until)}});
}

Result<HttpResponse> get_my_check_in_code(ApiCall& call) {
  auto code = TRY(service::personal_check_in_code(call.connection, call.who()));
  return ok(200, boost::json::object{{"code", code}});
}

Result<HttpResponse> post_feedback(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> rating;
  std::optional<std::string> comment;
  for (const Status& read :
       {body.integer("rating", rating), body.text("comment", comment), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  Feedback feedback{static_cast<int>(std::clamp<std::int64_t>(rating.value_or(0), -1, 6)),
                    comment.value_or("")};
  if (auto given = service::give_feedback(call.connection, call.who(), id, feedback); !given)
    return std::unexpected(given.error());
  return ok(201, boost::json::object{{"rating", feedback.rating}, {"comment", feedback.comment}});
}

}  // namespace

void add_activity_routes(std::vector<Route>& routes) {
  constexpr Guard kSignedIn = Guard::signed_in;
  routes.insert(routes.end(),
                {
                    {"GET", "/api/v1/activities", kSignedIn, get_activities},
                    {"POST", "/api/v1/activities", kSignedIn, post_activity},
                    {"POST", "/api/v1/activities/clashes", kSignedIn, post_clashes},
                    {"GET", "/api/v1/activities/:id", kSignedIn, get_activity},
                    {"PUT", "/api/v1/activities/:id", kSignedIn, put_activity},
                    {"POST", "/api/v1/activities/:id/status", kSignedIn, post_status},
                    {"GET", "/api/v1/activities/:id/registrations", kSignedIn, get_registrations},
                    {"POST", "/api/v1/activities/:id/registrations", kSignedIn, post_registrations},
                    {"DELETE", "/api/v1/activities/:id/registrations/:person", kSignedIn,
                     delete_registration},
                    {"GET", "/api/v1/activities/:id/attendance", kSignedIn, get_attendance},
                    {"POST", "/api/v1/activities/:id/check-ins", kSignedIn, post_check_in},
                    {"GET", "/api/v1/activities/:id/check-in-code", kSignedIn, get_check_in_code},
                    {"POST", "/api/v1/activities/:id/feedback", kSignedIn, post_feedback},
                    {"GET", "/api/v1/me/check-in-code", kSignedIn, get_my_check_in_code},
                });
}

}  // namespace dk::http
