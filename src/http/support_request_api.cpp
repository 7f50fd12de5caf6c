// /api/v1/support-requests: organizations ask the leadership for support (đề xuất hỗ trợ); the
// leadership decides; the officers may withdraw while a request waits. Money in integer đồng.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/fund_json.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/support_requests.hpp"

namespace dk::http {
namespace {

template <class Value>
boost::json::value or_null(const std::optional<Value>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object support_request_json(const service::SupportRequestView& view,
                                         std::string_view language) {
  const SupportRequestRecord& record = view.record;
  const SupportRequest& request = record.request;
  return {
      {"id", request.id},
      {"organization_id", request.organization_id},
      {"organization_name", record.organization_name},
      {"activity_id", or_null(request.activity_id)},
      {"activity_title", request.activity_id ? boost::json::value(record.activity_title)
                                             : boost::json::value(nullptr)},
      {"programme_id", or_null(request.programme_id)},
      {"programme_title", request.programme_id ? boost::json::value(record.programme_title)
                                               : boost::json::value(nullptr)},
      {"title", request.title},
      {"description", request.description},
      {"amount", or_null(request.needs.amount)},
      {"venue", request.needs.venue},
      {"time_off", request.needs.time_off},
      {"transport", request.needs.transport},
      {"status", code_of(request.status)},
      {"status_label", label_of(request.status).in(language)},
      {"requested_by", person_ref_json(record.requester)},
      {"requested_at", format_instant(request.requested_at)},
      {"decided_by", person_ref_json(record.decider)},
      {"decided_at", request.decided_at ? boost::json::value(format_instant(*request.decided_at))
                                        : boost::json::value(nullptr)},
      {"approved_amount", or_null(request.approved_amount)},
      {"reason", request.reason},
      {"may_decide", view.may_decide},
      {"may_withdraw", view.may_withdraw}};
}

Result<HttpResponse> respond(const Result<service::SupportRequestView>& view, int status,
                             std::string_view language) {
  if (!view) return std::unexpected(view.error());
  return ok(status, support_request_json(*view, language));
}

template <class Enum>
Result<std::optional<Enum>> query_code(const HttpRequest& request, std::string_view name) {
  auto text = query_value(request, name);
  if (!text || text->empty()) return std::nullopt;
  auto parsed = parse_code<Enum>(*text);
  if (!parsed) return bad_parameter(name);
  return parsed;
}

Result<HttpResponse> get_support_requests(ApiCall& call) {
  SupportRequestQuery query;
  query.status = TRY(query_code<SupportStatus>(call.request, "status"));
  query.organization = TRY(query_integer_value(call.request, "organization_id"));
  query.activity = TRY(query_integer_value(call.request, "activity_id"));
  auto list = TRY(service::list_support_requests(call.connection, call.who(), query));
  boost::json::array items;
  for (const auto& view : list.items) items.push_back(support_request_json(view, call.language));
  const auto total = static_cast<std::int64_t>(items.size());
  return ok(200, boost::json::object{{"items", std::move(items)},
                                     {"total", total},
                                     {"summary",
                                      {{"requests", list.totals.requests},
                                       {"pending", list.totals.pending},
                                       {"asked", list.totals.asked},
                                       {"approved", list.totals.approved}}}});
}

Result<HttpResponse> post_support_request(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  SupportRequest request;
  std::optional<std::int64_t> organization;
  std::optional<std::optional<std::int64_t>> activity, programme, amount;
  std::optional<std::string> description;
  std::optional<bool> venue, time_off, transport;
  for (const Status& read :
       {body.integer("organization_id", organization),
        body.nullable_integer("activity_id", activity),
        body.nullable_integer("programme_id", programme),
        body.required_text("title", request.title), body.text("description", description),
        body.nullable_integer("amount", amount), body.boolean("venue", venue),
        body.boolean("time_off", time_off), body.boolean("transport", transport), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!organization) return JsonBody::missing("organization_id");
  request.organization_id = *organization;
  request.activity_id = activity.value_or(std::nullopt);
  request.programme_id = programme.value_or(std::nullopt);
  request.description = description.value_or("");
  request.needs.amount = amount.value_or(std::nullopt);
  request.needs.venue = venue.value_or(false);
  request.needs.time_off = time_off.value_or(false);
  request.needs.transport = transport.value_or(false);
  return respond(service::ask_for_support(call.connection, call.who(), std::move(request)), 201,
                 call.language);
}

Result<HttpResponse> get_support_request(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(service::read_support_request(call.connection, call.who(), id), 200,
                 call.language);
}

Result<HttpResponse> post_decision(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::optional<SupportDecision>> decision;
  std::optional<std::optional<std::int64_t>> amount;
  std::optional<std::string> reason;
  for (const Status& read :
       {body.code("decision", decision), body.nullable_integer("approved_amount", amount),
        body.text("reason", reason), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!decision || !*decision) return JsonBody::missing("decision");
  return respond(
      service::decide_support_request(call.connection, call.who(), id, **decision,
                                      amount.value_or(std::nullopt), reason.value_or("")),
      200, call.language);
}

Result<HttpResponse> post_withdrawal(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(service::withdraw_support_request(call.connection, call.who(), id), 200,
                 call.language);
}

}  // namespace

void add_support_request_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/support-requests", Guard::signed_in, get_support_requests},
          {"POST", "/api/v1/support-requests", Guard::signed_in, post_support_request},
          {"GET", "/api/v1/support-requests/:id", Guard::signed_in, get_support_request},
          {"POST", "/api/v1/support-requests/:id/decision", Guard::signed_in, post_decision},
          {"POST", "/api/v1/support-requests/:id/withdraw", Guard::signed_in, post_withdrawal},
      });
}

}  // namespace dk::http
