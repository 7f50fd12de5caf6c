// /api/v1/notifications: the bell (a person's notifications, the unread count, marking read) and
// the choices per kind of what comes by e-mail (docs/notifications.md). The live stream
// (/api/v1/notifications/stream) is served by the server itself (http/event_streams.hpp).

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/notifications.hpp"

namespace dk::http {
namespace {

boost::json::object notification_json(const Notification& notification, std::string_view language) {
  const NotificationEvent& event = notification.event;
  return {
      {"id", event.id},
      {"kind", code_of(event.kind)},
      {"kind_label", label_of(event.kind).in(language)},
      {"title", event.title.in(language)},
      {"body", event.body.in(language)},
      {"link", event.link},
      {"created_at", format_instant(event.created_at)},
      {"read_at", notification.read_at ? boost::json::value(format_instant(*notification.read_at))
                                       : boost::json::value(nullptr)}};
}

boost::json::array preferences_json(const std::vector<NotificationPreference>& preferences,
                                    std::string_view language) {
  boost::json::array items;
  for (const NotificationPreference& preference : preferences) {
    items.push_back(boost::json::object{{"kind", code_of(preference.kind)},
                                        {"kind_label", label_of(preference.kind).in(language)},
                                        {"in_app", preference.in_app},
                                        {"email", code_of(preference.email)}});
  }
  return items;
}

Result<HttpResponse> get_notifications(ApiCall& call) {
  std::optional<Id> before;
  if (auto text = query_value(call.request, "before")) {
    try {
      before = std::stoll(*text);
    } catch (const std::exception&) {
      return fail(ErrorKind::invalid_input, "query.before_invalid",
                  "“before” phải là mã một thông báo.", "“before” must be a notification's id.",
                  Location{0, "before"});
    }
  }
  auto page = TRY(service::my_notifications(call.connection, call.who(), before));
  boost::json::array items;
  for (const Notification& notification : page.items)
    items.push_back(notification_json(notification, call.language));
  return ok(200, boost::json::object{
                     {"items", std::move(items)}, {"unread", page.unread}, {"more", page.more}});
}

Result<HttpResponse> get_unread(ApiCall& call) {
  const auto unread = TRY(service::unread_notifications(call.connection, call.who()));
  return ok(200, boost::json::object{{"unread", unread}});
}

// {"id": N} marks one; an empty body or {} marks all.
Result<HttpResponse> post_read(ApiCall& call) {
  std::optional<std::int64_t> id;
  if (!call.request.body.empty()) {
    auto body = TRY(JsonBody::parse(call.request));
    TRY(body.integer("id", id));
    TRY(body.finish());
  }
  const auto unread = TRY(service::mark_notifications_read(call.connection, call.who(), id));
  return ok(200, boost::json::object{{"unread", unread}});
}

Result<HttpResponse> get_preferences(ApiCall& call) {
  auto preferences = TRY(service::notification_preferences(call.connection, call.who()));
  return items_response(preferences_json(preferences, call.language));
}

// One kind's choice: {"in_app": bool, "email": "off" | "immediate" | "daily"}; an absent field
// keeps its value.
Result<HttpResponse> put_preference(ApiCall& call) {
  const std::string code = call.request.route.at("kind");
  auto kind = parse_code<NotificationKind>(code);
  if (!kind || code != code_of(*kind)) {
    return fail(ErrorKind::not_found, "notification.kind_unknown",
                fmt::format("Không có loại thông báo “{}”.", code),
                fmt::format("There is no notification kind “{}”.", code));
  }
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<bool> in_app;
  std::optional<std::optional<EmailMode>> email;
  TRY(body.boolean("in_app", in_app));
  TRY(body.code("email", email));
  TRY(body.finish());
  if (email && !*email) return JsonBody::missing("email");
  auto current = TRY(service::notification_preferences(call.connection, call.who()));
  NotificationPreference preference = default_preference(*kind);
  for (const auto& existing : current)
    if (existing.kind == *kind) preference = existing;
  if (in_app) preference.in_app = *in_app;
  if (email) preference.email = **email;
  auto saved = TRY(service::set_notification_preferences(
      call.connection, call.who(), std::span<const NotificationPreference>(&preference, 1)));
  return items_response(preferences_json(saved, call.language));
}

// The stream as one event: what the server sends first on GET /api/v1/notifications/stream, which
// it then keeps open (server.cpp takes the route before this table; this answers HEAD, and any
// caller of the table without the server).
Result<HttpResponse> get_stream(ApiCall& call) {
  const auto unread = TRY(service::unread_notifications(call.connection, call.who()));
  HttpResponse response;
  response.content_type = "text/event-stream; charset=utf-8";
  response.body = fmt::format("event: unread\ndata: {{\"unread\":{}}}\n\n", unread);
  return response;
}

}  // namespace

void add_notification_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/notifications", Guard::signed_in, get_notifications},
          {"GET", "/api/v1/notifications/unread", Guard::signed_in, get_unread},
          {"POST", "/api/v1/notifications/read", Guard::signed_in, post_read},
          {"GET", "/api/v1/notifications/preferences", Guard::signed_in, get_preferences},
          {"PUT", "/api/v1/notifications/preferences/:kind", Guard::signed_in, put_preference},
          {"GET", "/api/v1/notifications/stream", Guard::signed_in, get_stream},
      });
}

}  // namespace dk::http
