// Calendar feeds: /api/v1/calendar-feeds to make, list and revoke the secret links, and
// /calendar/{token}.ics, the iCalendar document that calendar apps poll without signing in.

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "io/icalendar.hpp"
#include "service/calendar_feeds.hpp"

namespace dk::http {
namespace {

boost::json::object feed_json(const CalendarFeed& feed) {
  return {{"id", feed.id},
          {"owner_kind", feed.owner_kind == FeedOwner::person ? "person" : "organization"},
          {"owner_id", feed.owner_id},
          {"created_at", format_instant(Instant(std::chrono::seconds(feed.created_at)))},
          {"revoked", feed.revoked_at.has_value()}};
}

Result<HttpResponse> post_feed(ApiCall& call) {
  std::optional<std::optional<std::int64_t>> organization;
  if (!call.request.body.empty()) {
    auto body = TRY(JsonBody::parse(call.request));
    for (const Status& read :
         {body.nullable_integer("organization_id", organization), body.finish()}) {
      if (!read) return std::unexpected(read.error());
    }
  }
  auto created = TRY(service::create_calendar_feed(call.connection, call.who(),
                                                   organization.value_or(std::nullopt)));
  boost::json::object json = feed_json(created.feed);
  // The only time the token is shown: the database keeps its hash alone.
  json["path"] = "/calendar/" + created.token + ".ics";
  return json_response(201, boost::json::serialize(json));
}

Result<HttpResponse> get_feeds(ApiCall& call) {
  auto feeds = TRY(service::list_calendar_feeds(call.connection, call.who()));
  boost::json::array items;
  for (const auto& feed : feeds) items.push_back(feed_json(feed));
  return json_response(
      200, boost::json::serialize(boost::json::object{
               {"items", std::move(items)}, {"total", static_cast<std::int64_t>(feeds.size())}}));
}

Result<HttpResponse> delete_feed(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  if (auto revoked = service::revoke_calendar_feed(call.connection, call.who(), id); !revoked)
    return std::unexpected(revoked.error());
  return HttpResponse{204, "", "", {}, ""};
}

Result<HttpResponse> get_calendar(ApiCall& call) {
  std::string token = call.request.route.at("token");
  if (token.ends_with(".ics")) token.resize(token.size() - 4);
  auto document =
      TRY(service::calendar_feed_document(call.connection, token, call.settings.clock()));
  return HttpResponse{200, io::kIcalendarContentType, std::move(document), {}, ""};
}

}  // namespace

void add_calendar_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(),
                {
                    {"GET", "/api/v1/calendar-feeds", Guard::signed_in, get_feeds},
                    {"POST", "/api/v1/calendar-feeds", Guard::signed_in, post_feed},
                    {"DELETE", "/api/v1/calendar-feeds/:id", Guard::signed_in, delete_feed},
                    {"GET", "/calendar/:token", Guard::anyone, get_calendar},
                });
}

}  // namespace dk::http
