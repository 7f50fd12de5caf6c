#include "http/news_json.hpp"

#include <fmt/format.h>

#include "core/instant_text.hpp"

namespace dk::http {
namespace {

boost::json::value video_json(const std::optional<VideoLink>& video) {
  if (!video) return nullptr;
  return boost::json::object{{"site", video->site == VideoSite::youtube ? "youtube" : "vimeo"},
                             {"site_name", video->site_name()},
                             {"video_id", video->video_id},
                             {"watch_url", video->watch_url()},
                             {"embed_url", video->embed_url()},
                             {"preview_image", video->preview_image()}};
}

boost::json::array photos_json(const NewsPost& post) {
  boost::json::array photos;
  for (const NewsPhoto& photo : post.photos) {
    photos.push_back(
        boost::json::object{{"position", photo.position},
                            {"caption", photo.caption},
                            {"content_type", photo.content_type},
                            {"size", photo.size},
                            {"url", fmt::format("/api/v1/news/{}/photos/{}?v={}", post.id,
                                                photo.position, seconds_of(photo.uploaded_at))}});
  }
  return photos;
}

}  // namespace

boost::json::object news_json(const service::NewsView& view, std::string_view language, bool full) {
  const NewsPost& post = view.post;
  boost::json::object reactions;
  std::int64_t total = 0;
  for (const auto& entry : code_entries<Reaction>()) {
    const std::int64_t count = view.reactions[static_cast<std::size_t>(entry.value)];
    reactions[entry.code] = count;
    total += count;
  }
  boost::json::object json{
      {"id", post.id},
      {"organization_id", post.organization_id ? boost::json::value(*post.organization_id)
                                               : boost::json::value(nullptr)},
      {"organization_name", view.organization_name},
      {"kind", code_of(post.kind)},
      {"kind_label", label_of(post.kind).in(language)},
      {"title", post.title},
      {"summary", post.summary},
      {"video", video_json(view.video)},
      {"photos", photos_json(post)},
      {"pinned", view.pinned},
      {"pinned_until", post.pinned_until ? boost::json::value(format_instant(*post.pinned_until))
                                         : boost::json::value(nullptr)},
      {"comments_open", post.comments_open},
      {"withdrawn", post.withdrawn},
      {"created_at", format_instant(post.created_at)},
      {"updated_at", format_instant(post.updated_at)},
      {"reads", view.reads},
      {"comments", view.comments},
      {"reactions", std::move(reactions)},
      {"reactions_total", total},
      {"my_reaction", view.my_reaction ? boost::json::value(code_of(*view.my_reaction))
                                       : boost::json::value(nullptr)},
      {"read_by_me", view.read_by_me},
      {"may_edit", view.may_edit},
      {"may_comment", view.may_comment}};
  if (full || post.kind == NewsKind::announcement) json["body_html"] = post.body_html;
  if (full && view.may_edit) json["body"] = post.body;
  return json;
}

}  // namespace dk::http
