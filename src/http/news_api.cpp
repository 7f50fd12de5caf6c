// /api/v1/news: news in several forms — articles, photo stories, videos, announcements pinned to
// the top — with their photos, reads, reactions and comments (docs/news.md). The body goes in as
// Markdown and comes out as the HTML the server rendered from it; comments are plain text.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/download.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/news_json.hpp"
#include "http/query_string.hpp"
#include "service/news.hpp"

namespace dk::http {
namespace {

boost::json::object comment_json(const NewsComment& comment, Id reader) {
  return {{"id", comment.id},
          {"person_id", comment.person_id},
          {"author_name", comment.author_name},
          {"text", comment.text},
          {"created_at", format_instant(comment.created_at)},
          {"hidden", comment.hidden_at.has_value()},
          {"hidden_at", comment.hidden_at ? boost::json::value(format_instant(*comment.hidden_at))
                                          : boost::json::value(nullptr)},
          {"hidden_reason", comment.hidden_reason},
          {"mine", reader != 0 && comment.person_id == reader}};
}

Result<HttpResponse> get_news(ApiCall& call) {
  service::NewsQuery query;
  query.organization_id = TRY(query_integer_value(call.request, "organization_id"));
  query.before = TRY(query_integer_value(call.request, "before"));
  if (auto limit = TRY(query_integer_value(call.request, "limit"))) {
    if (*limit < 1 || *limit > 50) return bad_parameter("limit");
    query.limit = static_cast<std::size_t>(*limit);
  }
  if (auto kind = query_value(call.request, "kind"); kind && !kind->empty()) {
    query.kind = parse_code<NewsKind>(*kind);
    if (!query.kind) return bad_parameter("kind");
  }
  auto feed = TRY(service::news_feed(call.connection, call.who(), query));
  boost::json::array pinned, posts;
  for (const auto& view : feed.pinned) pinned.push_back(news_json(view, call.language, false));
  for (const auto& view : feed.posts) posts.push_back(news_json(view, call.language, false));
  return ok(200, boost::json::object{
                     {"pinned", std::move(pinned)},
                     {"items", std::move(posts)},
                     {"next_before", feed.next_before ? boost::json::value(*feed.next_before)
                                                      : boost::json::value(nullptr)}});
}

Result<HttpResponse> post_news(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  service::NewsDraft draft;
  std::optional<std::optional<std::int64_t>> organization;
  std::optional<std::optional<NewsKind>> kind;
  std::optional<std::string> summary, text, video;
  std::optional<std::optional<Instant>> pinned_until;
  std::optional<bool> comments_open, notify;
  for (const Status& read :
       {body.nullable_integer("organization_id", organization), body.code("kind", kind),
        body.required_text("title", draft.title), body.text("summary", summary),
        body.text("body", text), body.text("video_url", video),
        body.instant("pinned_until", pinned_until), body.boolean("comments_open", comments_open),
        body.boolean("notify", notify), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  draft.organization_id = organization.value_or(std::nullopt);
  if (kind && *kind) draft.kind = **kind;
  draft.summary = summary.value_or("");
  draft.body = text.value_or("");
  draft.video_url = video.value_or("");
  draft.pinned_until = pinned_until.value_or(std::nullopt);
  draft.comments_open = comments_open.value_or(true);
  draft.notify = notify.value_or(true);
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto published = TRY(service::publish_news(call.connection, call.who(), std::move(draft)));
    return ok(201, news_json(published, call.language, true));
  });
}

Result<HttpResponse> page_response(const service::NewsPage& page, ApiCall& call) {
  boost::json::object json = news_json(page.view, call.language, true);
  boost::json::array comments;
  for (const NewsComment& comment : page.comments)
    comments.push_back(comment_json(comment, call.who().principal.person_id));
  json["comment_list"] = std::move(comments);
  return ok(200, json);
}

Result<HttpResponse> get_post(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return page_response(TRY(service::read_news(call.connection, call.who(), id)), call);
}

// Only the fields sent change; "pinned_until": null unpins.
Result<HttpResponse> put_post(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::NewsChange change;
  for (const Status& read :
       {body.text("title", change.title), body.text("summary", change.summary),
        body.text("body", change.body), body.text("video_url", change.video_url),
        body.instant("pinned_until", change.pinned_until),
        body.boolean("comments_open", change.comments_open), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  auto edited = TRY(service::edit_news(call.connection, call.who(), id, std::move(change)));
  return ok(200, news_json(edited, call.language, true));
}

Result<HttpResponse> post_withdraw(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200, news_json(TRY(service::withdraw_news(call.connection, call.who(), id)),
                           call.language, true));
}

Result<HttpResponse> post_read(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  return ok(200, news_json(TRY(service::mark_news_read(call.connection, call.who(), id)),
                           call.language, false));
}

// {"reaction": "like"} sets it, {"reaction": null} clears it.
Result<HttpResponse> put_reaction(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::optional<Reaction>> reaction;
  TRY(body.code("reaction", reaction));
  TRY(body.finish());
  if (!reaction) return JsonBody::missing("reaction");
  return ok(200, news_json(TRY(service::react_to_news(call.connection, call.who(), id, *reaction)),
                           call.language, false));
}

Result<HttpResponse> post_comment(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::string text;
  TRY(body.required_text("comment", text));
  TRY(body.finish());
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto comment = TRY(service::comment_on_news(call.connection, call.who(), id, text));
    return ok(201, comment_json(comment, call.who().principal.person_id));
  });
}

Result<HttpResponse> moderate(ApiCall& call, bool hidden) {
  const Id id = TRY(route_id(call.request));
  const Id comment = TRY(route_id(call.request, "comment"));
  std::optional<std::string> reason;
  if (hidden) {
    auto body = TRY(JsonBody::parse(call.request));
    TRY(body.text("reason", reason));
    TRY(body.finish());
  }
  auto moderated = TRY(service::moderate_comment(call.connection, call.who(), id, comment, hidden,
                                                 reason.value_or("")));
  return ok(200, comment_json(moderated, call.who().principal.person_id));
}

Result<HttpResponse> post_hide(ApiCall& call) {
  return moderate(call, true);
}
Result<HttpResponse> post_restore(ApiCall& call) {
  return moderate(call, false);
}

Result<HttpResponse> delete_comment(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  const Id comment = TRY(route_id(call.request, "comment"));
  TRY(service::delete_comment(call.connection, call.who(), id, comment));
  return HttpResponse{204, "", "", {}, ""};
}

// The picture as the raw body (its bytes decide what it is); ?filename= and ?caption=.
Result<HttpResponse> post_photo(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto added = TRY(service::add_news_photo(
      call.connection, call.who(), id, query_value(call.request, "filename").value_or(""),
      query_value(call.request, "caption").value_or(""), call.request.body));
  return ok(201, news_json(added, call.language, true));
}

// Shown in the page (inline), typed as the bytes were checked to be (the server adds nosniff).
// A photo never changes at its address (the app adds ?v=, its upload time), so the reader's own
// browser may keep it for a day.
Result<HttpResponse> get_photo(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto position = TRY(route_id(call.request, "position"));
  if (position > static_cast<Id>(kMaxNewsPhotos) * 1000) position = 0;
  auto file = TRY(service::news_photo(call.connection, call.who(), id, static_cast<int>(position)));
  HttpResponse response{200, file.photo.content_type, std::move(file.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("inline", file.photo.file_name));
  response.headers.emplace_back("Cache-Control", "private, max-age=86400");
  return response;
}

Result<HttpResponse> delete_photo(ApiCall& call) {
  const Id id = TRY(route_id(call.request));
  auto position = TRY(route_id(call.request, "position"));
  if (position > static_cast<Id>(kMaxNewsPhotos) * 1000) position = 0;
  return ok(200, news_json(TRY(service::remove_news_photo(call.connection, call.who(), id,
                                                          static_cast<int>(position))),
                           call.language, true));
}

// {"body": "…"} → {"html": "…"}: the editor's preview, rendered as publishing would.
Result<HttpResponse> post_preview(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  std::string text;
  TRY(body.required_text("body", text));
  TRY(body.finish());
  return ok(200, boost::json::object{{"html", service::preview_news_body(text)}});
}

}  // namespace

void add_news_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/news", Guard::signed_in, get_news},
          {"POST", "/api/v1/news", Guard::signed_in, post_news},
          {"POST", "/api/v1/news/preview", Guard::signed_in, post_preview},
          {"GET", "/api/v1/news/:id", Guard::signed_in, get_post},
          {"PUT", "/api/v1/news/:id", Guard::signed_in, put_post},
          {"POST", "/api/v1/news/:id/withdraw", Guard::signed_in, post_withdraw},
          {"POST", "/api/v1/news/:id/read", Guard::signed_in, post_read},
          {"PUT", "/api/v1/news/:id/reaction", Guard::signed_in, put_reaction},
          {"POST", "/api/v1/news/:id/comments", Guard::signed_in, post_comment},
          {"POST", "/api/v1/news/:id/comments/:comment/hide", Guard::signed_in, post_hide},
          {"POST", "/api/v1/news/:id/comments/:comment/restore", Guard::signed_in, post_restore},
          {"DELETE", "/api/v1/news/:id/comments/:comment", Guard::signed_in, delete_comment},
          {"POST", "/api/v1/news/:id/photos", Guard::signed_in, post_photo,
           static_cast<std::size_t>(kMaxPhotoBytes)},
          {"GET", "/api/v1/news/:id/photos/:position", Guard::signed_in, get_photo},
          {"DELETE", "/api/v1/news/:id/photos/:position", Guard::signed_in, delete_photo},
      });
}

}  // namespace dk::http
