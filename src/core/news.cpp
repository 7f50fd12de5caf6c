#include "core/news.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<NewsKind> kKinds[] = {
    {NewsKind::article, "article", "Bài viết", "Article", "bai viet|tin"},
    {NewsKind::album, "album", "Phóng sự ảnh", "Photo story", "anh|album"},
    {NewsKind::video, "video", "Video", "Video", "video"},
    {NewsKind::announcement, "announcement", "Thông báo", "Announcement", "thong bao"},
};

constexpr CodeEntry<Reaction> kReactions[] = {
    {Reaction::like, "like", "Thích", "Like", "thich"},
    {Reaction::love, "love", "Yêu thích", "Love", "yeu thich"},
    {Reaction::clap, "clap", "Hoan nghênh", "Applause", "hoan nghenh"},
    {Reaction::sad, "sad", "Chia buồn", "Sympathy", "chia buon"},
};

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return lower;
}

bool youtube_id(std::string_view id) {
  return id.size() == 11 && std::ranges::all_of(id, [](unsigned char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

bool vimeo_id(std::string_view id) {
  return !id.empty() && id.size() <= 12 &&
         std::ranges::all_of(id, [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// The path's segments, without the query or the fragment.
std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// The value of `name` in a query ("v=abc&t=10").
std::string_view query_parameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

std::optional<VideoLink> youtube(std::string_view id) {
  if (!youtube_id(id)) return std::nullopt;
  return VideoLink{VideoSite::youtube, std::string(id)};
}

}  // namespace

template <>
std::span<const CodeEntry<NewsKind>> code_entries() {
  return kKinds;
}
template <>
std::span<const CodeEntry<Reaction>> code_entries() {
  return kReactions;
}

std::string VideoLink::watch_url() const {
  return site == VideoSite::youtube ? "https://www.youtube.com/watch?v=" + video_id
                                    : "https://vimeo.com/" + video_id;
}

std::string VideoLink::embed_url() const {
  return site == VideoSite::youtube ? "https://www.youtube-nocookie.com/embed/" + video_id
                                    : "https://player.vimeo.com/video/" + video_id + "?dnt=1";
}

std::string VideoLink::preview_image() const {
  // Vimeo's pictures have addresses only its API knows; the app shows the site's name instead.
  return site == VideoSite::youtube ? "https://i.ytimg.com/vi/" + video_id + "/hqdefault.jpg"
                                    : std::string();
}

std::string_view VideoLink::site_name() const {
  return site == VideoSite::youtube ? "YouTube" : "Vimeo";
}

std::optional<VideoLink> parse_video_link(std::string_view address) {
  while (!address.empty() && (address.front() == ' ' || address.front() == '\t'))
    address.remove_prefix(1);
  while (!address.empty() && (address.back() == ' ' || address.back() == '\t'))
    address.remove_suffix(1);
  if (address.size() > 500) return std::nullopt;
  std::string lower = ascii_lower(address.substr(0, 8));
  if (lower.starts_with("https://")) {
    address.remove_prefix(8);
  } else if (lower.starts_with("http://")) {
    address.remove_prefix(7);
  }
  const std::size_t host_end = address.find_first_of("/?#");
  std::string host = ascii_lower(address.substr(0, host_end));
  for (std::string_view prefix : {"www.", "m.", "music."})
    if (host.starts_with(prefix)) host.erase(0, prefix.size());
  std::string_view rest = host_end == std::string_view::npos ? "" : address.substr(host_end);
  std::string_view query;
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos)
    rest = rest.substr(0, hash);
  if (const std::size_t mark = rest.find('?'); mark != std::string_view::npos) {
    query = rest.substr(mark + 1);
    rest = rest.substr(0, mark);
  }
  const std::vector<std::string_view> path = segments_of(rest);
  if (host == "youtu.be") return path.size() == 1 ? youtube(path[0]) : std::nullopt;
  if (host == "youtube.com" || host == "youtube-nocookie.com") {
    if (path.size() == 1 && path[0] == "watch") return youtube(query_parameter(query, "v"));
    if (path.size() == 2 && (path[0] == "shorts" || path[0] == "embed" || path[0] == "live"))
      return youtube(path[1]);
    return std::nullopt;
  }
  if (host == "vimeo.com" && path.size() == 1 && vimeo_id(path[0]))
    return VideoLink{VideoSite::vimeo, std::string(path[0])};
  if (host == "player.vimeo.com" && path.size() == 2 && path[0] == "video" && vimeo_id(path[1]))
    return VideoLink{VideoSite::vimeo, std::string(path[1])};
  return std::nullopt;
}

Status validate_post(const NewsPost& post) {
  if (post.title.empty()) {
    return invalid("title", "news.title_required", "Hãy ghi tiêu đề.", "Give the post a title.");
  }
  if (count_characters(post.title) > kMaxNewsTitle) {
    return invalid("title", "news.title_too_long",
                   fmt::format("Tiêu đề dài tối đa {} ký tự.", kMaxNewsTitle),
                   fmt::format("A title holds at most {} characters.", kMaxNewsTitle));
  }
  if (count_characters(post.summary) > kMaxNewsSummary) {
    return invalid("summary", "news.summary_too_long",
                   fmt::format("Phần tóm tắt dài tối đa {} ký tự.", kMaxNewsSummary),
                   fmt::format("A summary holds at most {} characters.", kMaxNewsSummary));
  }
  if (post.kind == NewsKind::video && post.video_url.empty()) {
    return invalid("video_url", "news.video_required",
                   "Hãy dán địa chỉ video trên YouTube hoặc Vimeo.",
                   "Paste the address of a video on YouTube or Vimeo.");
  }
  if (!post.video_url.empty() && !parse_video_link(post.video_url)) {
    return invalid(
        "video_url", "news.video_not_recognised",
        "Không nhận ra địa chỉ video; hãy dán địa chỉ một video trên YouTube hoặc Vimeo.",
        "The video address is not recognised; paste the address of a video on YouTube "
        "or Vimeo.");
  }
  if ((post.kind == NewsKind::article || post.kind == NewsKind::announcement) &&
      post.body.empty() && post.summary.empty()) {
    return invalid("body", "news.body_required", "Hãy viết nội dung.", "Write the text.");
  }
  return {};
}

bool is_pinned(const NewsPost& post, Instant now) {
  return !post.withdrawn && post.pinned_until && now < *post.pinned_until;
}

Result<std::string> check_comment(std::string_view text) {
  std::string comment = normalize_text(text);
  if (comment.empty()) {
    return invalid("comment", "news.comment_required", "Bình luận chưa có nội dung.",
                   "The comment is empty.");
  }
  if (count_characters(comment) > kMaxCommentCharacters) {
    return invalid("comment", "news.comment_too_long",
                   fmt::format("Bình luận dài tối đa {} ký tự.", kMaxCommentCharacters),
                   fmt::format("A comment holds at most {} characters.", kMaxCommentCharacters));
  }
  return comment;
}

Status validate_bulletin(const Bulletin& bulletin) {
  if (bulletin.title.empty()) {
    return invalid("title", "bulletin.title_required", "Hãy ghi tên bản tin.",
                   "Give the bulletin a title.");
  }
  if (bulletin.number.empty()) {
    return invalid("number", "bulletin.number_required", "Hãy ghi số của bản tin.",
                   "Give the bulletin its number.");
  }
  if (!is_valid(bulletin.issued_on)) {
    return invalid("issued_on", "bulletin.date_invalid", "Ngày phát hành không hợp lệ.",
                   "The date of issue is not valid.");
  }
  if (bulletin.post_ids.empty() || bulletin.post_ids.size() > kMaxBulletinPosts) {
    return invalid("post_ids", "bulletin.posts_count",
                   fmt::format("Bản tin gồm từ 1 đến {} tin bài.", kMaxBulletinPosts),
                   fmt::format("A bulletin gathers 1 to {} posts.", kMaxBulletinPosts));
  }
  if (std::set<Id>(bulletin.post_ids.begin(), bulletin.post_ids.end()).size() !=
      bulletin.post_ids.size()) {
    return invalid("post_ids", "bulletin.posts_repeated", "Một tin bài chỉ có mặt một lần.",
                   "A post appears only once.");
  }
  return {};
}

bool may_comment(const Principal& principal, const NewsPost& post) {
  return principal.person_id != 0 && post.comments_open && !post.withdrawn;
}

}  // namespace dk
