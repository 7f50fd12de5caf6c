// The rules of news: the video addresses members paste, a well-formed post, comment and bulletin,
// and when a pinned post stops being pinned.
#include "core/news.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

std::string code_of_error(const Status& status) {
  return status ? "" : status.error().code;
}

TEST(News, RecognisesTheVideoAddressesMembersPaste) {
  for (const char* address :
       {"https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=42",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ#x", "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "HTTPS://WWW.YOUTUBE.COM/embed/dQw4w9WgXcQ",
        "  https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ  "}) {
    auto link = parse_video_link(address);
    ASSERT_TRUE(link) << address;
    EXPECT_EQ(link->site, VideoSite::youtube) << address;
    EXPECT_EQ(link->video_id, "dQw4w9WgXcQ") << address;
  }
  auto youtube = parse_video_link("https://youtu.be/dQw4w9WgXcQ");
  EXPECT_EQ(youtube->embed_url(), "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  EXPECT_EQ(youtube->preview_image(), "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
  EXPECT_EQ(youtube->watch_url(), "https://www.youtube.com/watch?v=dQw4w9WgXcQ");

  auto vimeo = parse_video_link("https://vimeo.com/76979871");
  ASSERT_TRUE(vimeo);
  EXPECT_EQ(vimeo->site, VideoSite::vimeo);
  EXPECT_EQ(vimeo->embed_url(), "https://player.vimeo.com/video/76979871?dnt=1");
  EXPECT_EQ(vimeo->preview_image(), "") << "Vimeo's pictures need its API";
  EXPECT_TRUE(parse_video_link("https://player.vimeo.com/video/76979871"));
}

TEST(News, RefusesAddressesThatAreNotAVideoOnAKnownSite) {
  for (const char* address :
       {"", "https://example.com/watch?v=dQw4w9WgXcQ", "https://youtube.com/watch?v=short",
        "https://youtu.be/dQw4w9WgXcQ/extra", "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXc\"<", "https://vimeo.com/abc",
        "https://evil.example/?https://youtu.be/dQw4w9WgXcQ"}) {
    EXPECT_FALSE(parse_video_link(address)) << address;
  }
}

TEST(News, APostNeedsATitleAndAVideoPostItsVideo) {
  NewsPost post;
  post.title = "Ngày hội hiến máu";
  post.body = "Sáng nay 45 đoàn viên đã hiến máu.";
  EXPECT_TRUE(validate_post(post));

  NewsPost untitled = post;
  untitled.title.clear();
  EXPECT_EQ(code_of_error(validate_post(untitled)), "news.title_required");
  NewsPost empty = post;
  empty.body.clear();
  EXPECT_EQ(code_of_error(validate_post(empty)), "news.body_required");
  NewsPost video = post;
  video.kind = NewsKind::video;
  EXPECT_EQ(code_of_error(validate_post(video)), "news.video_required");
  video.video_url = "https://example.com/clip.mp4";
  EXPECT_EQ(code_of_error(validate_post(video)), "news.video_not_recognised");
  EXPECT_EQ(validate_post(video).error().where.field, "video_url");
  video.video_url = "https://youtu.be/dQw4w9WgXcQ";
  EXPECT_TRUE(validate_post(video));
  NewsPost album = post;
  album.kind = NewsKind::album;
  album.body.clear();
  EXPECT_TRUE(validate_post(album)) << "an album's photos come after it";
  NewsPost long_title = post;
  long_title.title = std::string(kMaxNewsTitle, 'a') + "ư";
  EXPECT_EQ(code_of_error(validate_post(long_title)), "news.title_too_long");
}

TEST(News, APinnedPostStaysOnTopUntilItsTimeOrItsWithdrawal) {
  NewsPost post;
  const Instant now{std::chrono::hours(1000)};
  EXPECT_FALSE(is_pinned(post, now));
  post.pinned_until = now + std::chrono::hours(1);
  EXPECT_TRUE(is_pinned(post, now));
  EXPECT_FALSE(is_pinned(post, now + std::chrono::hours(1)));
  post.withdrawn = true;
  EXPECT_FALSE(is_pinned(post, now));
}

TEST(News, ACommentIsPlainTextOfAtMostTwoThousandCharacters) {
  auto comment = check_comment("  Rất ý nghĩa!  ");
  ASSERT_TRUE(comment);
  EXPECT_EQ(*comment, "Rất ý nghĩa!");
  EXPECT_EQ(check_comment("   ").error().code, "news.comment_required");
  std::string longest;
  for (std::size_t i = 0; i < kMaxCommentCharacters; ++i) longest += "ệ";
  EXPECT_TRUE(check_comment(longest));
  EXPECT_EQ(check_comment(longest + "a").error().code, "news.comment_too_long");
  EXPECT_EQ(*check_comment("<script>alert(1)</script>"), "<script>alert(1)</script>")
      << "kept as the text it is; pages show it as text";
}

TEST(News, ABulletinGathersDistinctPosts) {
  Bulletin bulletin;
  bulletin.title = "Bản tin Công đoàn";
  bulletin.number = "Số 12/2026";
  bulletin.issued_on = CivilDate{2026, 12, 7};
  bulletin.post_ids = {3, 1, 2};
  EXPECT_TRUE(validate_bulletin(bulletin));
  Bulletin repeated = bulletin;
  repeated.post_ids = {3, 3};
  EXPECT_EQ(code_of_error(validate_bulletin(repeated)), "bulletin.posts_repeated");
  Bulletin empty = bulletin;
  empty.post_ids.clear();
  EXPECT_EQ(code_of_error(validate_bulletin(empty)), "bulletin.posts_count");
  Bulletin unnumbered = bulletin;
  unnumbered.number.clear();
  EXPECT_EQ(code_of_error(validate_bulletin(unnumbered)), "bulletin.number_required");
}

TEST(News, OnlyAPersonCommentsAndOnlyWhileCommentsAreOpen) {
  Principal member{1, 10, 100, false, false, {}, {5}};
  Principal account_without_person{1, 11, 0, true, false, {}, {}};
  NewsPost post;
  EXPECT_TRUE(may_comment(member, post));
  EXPECT_FALSE(may_comment(account_without_person, post));
  post.comments_open = false;
  EXPECT_FALSE(may_comment(member, post));
  post.comments_open = true;
  post.withdrawn = true;
  EXPECT_FALSE(may_comment(member, post));
}

}  // namespace
}  // namespace dk
