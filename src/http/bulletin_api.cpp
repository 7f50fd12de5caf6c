// /api/v1/bulletins: numbered issues (bản tin) that gather published posts into one printable
// page (docs/news.md).

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/news_json.hpp"
#include "service/bulletins.hpp"

namespace dk::http {
namespace {

// `full`: each post with its body, as the printed page shows it.
boost::json::object bulletin_json(const service::BulletinView& view, std::string_view language,
                                  bool full) {
  const Bulletin& bulletin = view.bulletin;
  boost::json::array posts;
  for (const auto& post : view.posts) posts.push_back(news_json(post, language, full));
  return {
      {"id", bulletin.id},
      {"organization_id", bulletin.organization_id ? boost::json::value(*bulletin.organization_id)
                                                   : boost::json::value(nullptr)},
      {"organization_name", view.organization_name},
      {"title", bulletin.title},
      {"number", bulletin.number},
      {"issued_on", format_iso(bulletin.issued_on)},
      {"introduction", bulletin.introduction},
      {"introduction_html", view.introduction_html},
      {"created_at", format_instant(bulletin.created_at)},
      {"may_edit", view.may_edit},
      {"posts", std::move(posts)}};
}

Result<HttpResponse> get_bulletins(ApiCall& call) {
  boost::json::array items;
  for (const auto& view : TRY(service::list_bulletins(call.connection, call.who())))
    items.push_back(bulletin_json(view, call.language, false));
  return items_response(std::move(items));
}

Result<HttpResponse> get_bulletin(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200, bulletin_json(TRY(service::read_bulletin(call.connection, call.who(), id)),
                               call.language, true));
}

Result<HttpResponse> post_bulletin(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Bulletin bulletin;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::optional<CivilDate>> issued_on;
  std::optional<std::string> introduction;
  std::optional<std::vector<std::int64_t>> posts;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization),
        body.required_text("title", bulletin.title), body.required_text("number", bulletin.number),
        body.date("issued_on", issued_on), body.text("introduction", introduction),
        body.integers("post_ids", posts), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!issued_on || !*issued_on) return JsonBody::missing("issued_on");
  if (!posts) return JsonBody::missing("post_ids");
  bulletin.organization_id = organization.value_or(std::nullopt);
  bulletin.issued_on = **issued_on;
  bulletin.introduction = introduction.value_or("");
  if (posts->size() > kMaxBulletinPosts) posts->resize(kMaxBulletinPosts + 1);
  bulletin.post_ids.assign(posts->begin(), posts->end());
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto created = TRY(service::create_bulletin(call.connection, call.who(), std::move(bulletin)));
    return ok(201, bulletin_json(created, call.language, true));
  });
}

}  // namespace

void add_bulletin_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(), {
                                  {"GET", "/api/v1/bulletins", Guard::signed_in, get_bulletins},
                                  {"POST", "/api/v1/bulletins", Guard::signed_in, post_bulletin},
                                  {"GET", "/api/v1/bulletins/:id", Guard::signed_in, get_bulletin},
                              });
}

}  // namespace dk::http
