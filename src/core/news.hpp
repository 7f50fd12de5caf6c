#pragma once
// News in several forms (tin tức, issue 16): the seed's first limitation is propaganda "in too few,
// too plain forms". An organization's officers (or, for the agency, its administrators and the
// leadership) publish an article, a photo album, a video (a link to a video site, shown as a
// preview) or a short announcement; any of them may be pinned to the top for a while. Members
// read, react and comment; officers hide a comment that should not stay, with a reason. A
// bulletin (bản tin) gathers several posts into one numbered, printable issue.
//
// Everyone of the agency reads every published post: a union's news is the agency's propaganda,
// as its notice board is. Who is told of a new post is the organization's members (everyone, for
// the agency's).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class NewsKind { article, album, video, announcement };
template <>
std::span<const CodeEntry<NewsKind>> code_entries();

// One reaction per person and post, as Vietnamese offices use them: thích, yêu thích, hoan nghênh
// (applause for an achievement), chia buồn (for a loss).
enum class Reaction { like, love, clap, sad };
template <>
std::span<const CodeEntry<Reaction>> code_entries();
inline constexpr std::size_t kReactionKinds = 4;
using ReactionCounts = std::array<std::int64_t, kReactionKinds>;  // by Reaction's value

// A video on a site members already use, recognised from the address they paste. The app shows a
// preview (YouTube's still picture, or the site's name) and plays it embedded only when asked,
// from the site's privacy-enhanced player, so that reading the news tells the site nothing.
enum class VideoSite { youtube, vimeo };
struct VideoLink {
  VideoSite site = VideoSite::youtube;
  std::string video_id;  // YouTube's 11 characters, Vimeo's number
  std::string watch_url() const;
  std::string embed_url() const;
  std::string preview_image() const;  // empty when the site has no fixed address for one
  std::string_view site_name() const;
};
// youtube.com/watch?v=…, youtu.be/…, youtube.com/shorts/…, youtube.com/embed/…, vimeo.com/123…;
// with or without "https://" and "www." or "m.". Anything else is nothing.
std::optional<VideoLink> parse_video_link(std::string_view address);

inline constexpr std::size_t kMaxNewsTitle = 200;        // characters
inline constexpr std::size_t kMaxNewsSummary = 500;      // characters
inline constexpr std::size_t kMaxNewsPhotos = 60;        // an album of a day's event
inline constexpr std::int64_t kMaxPhotoBytes = 8 << 20;  // the app scales photos down before
inline constexpr std::size_t kMaxCommentCharacters = 2000;
inline constexpr std::size_t kMaxBulletinPosts = 30;

struct NewsPhoto {
  int position = 0;
  std::string caption;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  Id uploaded_by = 0;
  Instant uploaded_at{};
};

struct NewsPost {
  Id id = 0;
  Id tenant_id = 0;
  std::optional<Id> organization_id;  // none: the agency's
  NewsKind kind = NewsKind::article;
  std::string title;
  std::string summary;    // the lead shown in the list and the bulletin
  std::string body;       // Markdown, as written
  std::string body_html;  // rendered from `body` on the server, with no HTML of the writer's own
  std::string video_url;  // a video's address, as parse_video_link reads it
  std::optional<Instant> pinned_until;
  bool comments_open = true;
  bool withdrawn = false;
  Id created_by = 0;
  Instant created_at{};
  Instant updated_at{};
  std::vector<NewsPhoto> photos;
};

// Field-named problems: a title; lengths; a video post's recognised video address (any other
// post may carry one too, or none); an album is a post whose photos are added after it.
Status validate_post(const NewsPost& post);
bool is_pinned(const NewsPost& post, Instant now);

struct NewsComment {
  Id id = 0;
  Id post_id = 0;
  Id person_id = 0;
  std::string author_name;
  std::string text;  // plain text, shown as text: never HTML
  Instant created_at{};
  std::optional<Instant> hidden_at;  // hidden by an officer: shown to officers only
  Id hidden_by = 0;
  std::string hidden_reason;
};
// The comment normalised and checked: not empty, at most kMaxCommentCharacters.
Result<std::string> check_comment(std::string_view text);

struct Bulletin {
  Id id = 0;
  Id tenant_id = 0;
  std::optional<Id> organization_id;
  std::string title;   // "Bản tin Công đoàn Sở Tư pháp"
  std::string number;  // "Số 12/2026"
  CivilDate issued_on{};
  std::string introduction;
  std::vector<Id> post_ids;  // in the order printed
  Id created_by = 0;
  Instant created_at{};
};
// A title, a number, one to kMaxBulletinPosts distinct posts.
Status validate_bulletin(const Bulletin& bulletin);

// Who publishes, edits, pins, hides comments: core/access.hpp, may_address_members (the post's
// organization's officers; administrators and the leadership for any).
// Who comments and reacts: a person of the agency, on a published post with comments open.
bool may_comment(const Principal& principal, const NewsPost& post);

}  // namespace dk
