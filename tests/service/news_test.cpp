// News on SQLite and PostgreSQL: the trade union publishes an article, a photo story, a video and a
// pinned announcement; its members are told, read, react and comment; the chair hides a comment
// that should not stay; the counts shown are the rows that make them; a bulletin gathers posts.
#include "service/news.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "service/bulletins.hpp"
#include "service/notifications.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using std::chrono::hours;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0');

class NewsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Văn An", trade_union_);
    binh_ = add_person("Trần Thị Bình", trade_union_);
    chi_ = add_person("Lê Văn Chi", trade_union_);
    dung_ = add_person("Phạm Thị Dung", youth_union_);
  }
  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor member(Id person) const { return member_of(trade_union_, person); }

  NewsDraft blood_day() const {
    NewsDraft draft;
    draft.organization_id = trade_union_;
    draft.title = "Ngày hội hiến máu tình nguyện";
    draft.summary = "45 đoàn viên hiến 45 đơn vị máu.";
    draft.body =
        "Sáng **06/12**, Công đoàn tổ chức ngày hội hiến máu.\n\n<script>alert(1)</script>";
    return draft;
  }

  Id publish(NewsDraft draft) {
    auto published = publish_news(*connection_, chair(), std::move(draft));
    EXPECT_TRUE(published) << published.error().message.en;
    return published ? published->post.id : 0;
  }

  Id chair_ = 0, binh_ = 0, chi_ = 0, dung_ = 0;
};

TEST_P(NewsTest, AnOfficerPublishesItsMembersAreToldAndTheBodyIsRenderedSafely) {
  auto published = publish_news(*connection_, chair(), blood_day());
  ASSERT_TRUE(published) << published.error().message.en;
  const NewsPost& post = published->post;
  EXPECT_EQ(published->organization_name, "Công đoàn cơ sở");
  EXPECT_TRUE(published->may_edit);
  EXPECT_NE(post.body_html.find("<strong>06/12</strong>"), std::string::npos) << post.body_html;
  EXPECT_EQ(post.body_html.find("<script"), std::string::npos) << post.body_html;
  EXPECT_EQ(last_audit(), "publish news 8 192.0.2.1");

  auto told = my_notifications(*connection_, member(binh_), std::nullopt);
  ASSERT_TRUE(told && !told->items.empty());
  EXPECT_EQ(told->items[0].event.kind, NotificationKind::news_posted);
  EXPECT_EQ(told->items[0].event.title.vi, "Bài viết: Ngày hội hiến máu tình nguyện");
  EXPECT_EQ(told->items[0].event.title.en, "Article: Ngày hội hiến máu tình nguyện");
  EXPECT_EQ(told->items[0].event.link, fmt::format("/news/{}", post.id));
  auto youth = my_notifications(*connection_, member_of(youth_union_, dung_), std::nullopt);
  ASSERT_TRUE(youth);
  EXPECT_TRUE(youth->items.empty()) << "the trade union's news is told to its members only";

  // Everyone of the agency reads it, the youth union's member too; a member may not publish.
  auto read = read_news(*connection_, member_of(youth_union_, dung_), post.id);
  ASSERT_TRUE(read) << read.error().message.en;
  EXPECT_FALSE(read->view.may_edit);
  EXPECT_EQ(error_code(publish_news(*connection_, member(binh_), blood_day())), "access.forbidden");
}

TEST_P(NewsTest, WithoutNotifyNobodyIsTold) {
  NewsDraft quiet = blood_day();
  quiet.notify = false;
  publish(quiet);
  auto told = my_notifications(*connection_, member(binh_), std::nullopt);
  ASSERT_TRUE(told);
  EXPECT_TRUE(told->items.empty());
}

TEST_P(NewsTest, APinnedAnnouncementComesFirstUntilItsTime) {
  const Id older = publish(blood_day());
  NewsDraft notice;
  notice.organization_id = trade_union_;
  notice.kind = NewsKind::announcement;
  notice.title = "Họp Ban Chấp hành thứ Sáu";
  notice.body = "14:00 tại phòng họp tầng 2.";
  notice.pinned_until = now_ + hours(48);
  const Id pinned = publish(notice);
  NewsDraft video;
  video.organization_id = trade_union_;
  video.kind = NewsKind::video;
  video.title = "Phóng sự hiến máu";
  video.video_url = "https://youtu.be/dQw4w9WgXcQ";
  const Id newest = publish(video);

  auto feed = news_feed(*connection_, member(binh_), NewsQuery{});
  ASSERT_TRUE(feed) << feed.error().message.en;
  ASSERT_EQ(feed->pinned.size(), 1u);
  EXPECT_EQ(feed->pinned[0].post.id, pinned);
  ASSERT_EQ(feed->posts.size(), 2u);
  EXPECT_EQ(feed->posts[0].post.id, newest);
  ASSERT_TRUE(feed->posts[0].video);
  EXPECT_EQ(feed->posts[0].video->video_id, "dQw4w9WgXcQ");
  EXPECT_EQ(feed->posts[1].post.id, older);

  // Two days later it is one of the news again, in its place.
  auto later = news_feed(*connection_, at(member(binh_), now_ + hours(49)), NewsQuery{});
  ASSERT_TRUE(later);
  EXPECT_TRUE(later->pinned.empty());
  ASSERT_EQ(later->posts.size(), 3u);
  EXPECT_EQ(later->posts[1].post.id, pinned);

  // Pages: one at a time, the next page from where the last stopped.
  NewsQuery one;
  one.limit = 1;
  auto first = news_feed(*connection_, member(binh_), one);
  ASSERT_TRUE(first && first->next_before);
  one.before = first->next_before;
  auto second = news_feed(*connection_, member(binh_), one);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->pinned.empty()) << "pinned posts come on the first page only";
  ASSERT_EQ(second->posts.size(), 1u);
  EXPECT_EQ(second->posts[0].post.id, older);
  EXPECT_FALSE(second->next_before);

  // A pin more than three months ahead, or in the past, is refused.
  NewsChange too_long;
  too_long.pinned_until = std::optional<Instant>(now_ + hours(24 * 100));
  EXPECT_EQ(error_code(edit_news(*connection_, chair(), older, too_long)), "news.pin_invalid");
}

TEST_P(NewsTest, ReadsAndReactionsAreCountedOncePerPersonAndAddUp) {
  const Id id = publish(blood_day());
  for (int twice = 0; twice < 2; ++twice) {
    ASSERT_TRUE(mark_news_read(*connection_, member(binh_), id));
  }
  ASSERT_TRUE(mark_news_read(*connection_, member(chi_), id));
  ASSERT_TRUE(react_to_news(*connection_, member(binh_), id, Reaction::like));
  ASSERT_TRUE(react_to_news(*connection_, member(binh_), id, Reaction::clap)) << "changes it";
  ASSERT_TRUE(react_to_news(*connection_, member(chi_), id, Reaction::clap));
  ASSERT_TRUE(react_to_news(*connection_, member_of(youth_union_, dung_), id, Reaction::love));
  auto view = read_news(*connection_, member(binh_), id);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->view.reads, 2);
  EXPECT_TRUE(view->view.read_by_me);
  EXPECT_EQ(view->view.my_reaction, Reaction::clap);
  EXPECT_EQ(view->view.reactions, (ReactionCounts{0, 1, 2, 0}));
  ASSERT_TRUE(react_to_news(*connection_, member(binh_), id, std::nullopt));
  auto cleared = read_news(*connection_, member(binh_), id);
  ASSERT_TRUE(cleared);
  EXPECT_EQ(cleared->view.reactions, (ReactionCounts{0, 1, 1, 0}));
  EXPECT_FALSE(cleared->view.my_reaction);
  EXPECT_EQ(error_code(react_to_news(*connection_, administrator(), id, Reaction::like)),
            "access.forbidden")
      << "an account without a person does not react";
}

TEST_P(NewsTest, AnOfficerHidesACommentWithAReasonAndOnlyOfficersStillSeeIt) {
  const Id id = publish(blood_day());
  auto kind = comment_on_news(*connection_, member(binh_), id, "Rất ý nghĩa, cảm ơn Công đoàn!");
  ASSERT_TRUE(kind) << kind.error().message.en;
  EXPECT_EQ(kind->author_name, "Trần Thị Bình");
  auto rude =
      comment_on_news(*connection_, member(chi_), id, "<script>alert('x')</script> quảng cáo");
  ASSERT_TRUE(rude);
  EXPECT_EQ(rude->text, "<script>alert('x')</script> quảng cáo") << "kept as text";

  EXPECT_EQ(error_code(moderate_comment(*connection_, member(binh_), id, rude->id, true, "x")),
            "access.forbidden");
  EXPECT_EQ(error_code(moderate_comment(*connection_, chair(), id, rude->id, true, " ")),
            "news.hide_reason_required");
  auto hidden = moderate_comment(*connection_, chair(), id, rude->id, true, "Quảng cáo");
  ASSERT_TRUE(hidden) << hidden.error().message.en;
  EXPECT_TRUE(hidden->hidden_at);
  EXPECT_EQ(hidden->hidden_reason, "Quảng cáo");
  EXPECT_EQ(last_audit(), "hide news_comment 8 192.0.2.1");

  auto as_member = read_news(*connection_, member(binh_), id);
  ASSERT_TRUE(as_member);
  ASSERT_EQ(as_member->comments.size(), 1u);
  EXPECT_EQ(as_member->view.comments, 1) << "the count is of the comments shown";
  auto as_chair = read_news(*connection_, chair(), id);
  ASSERT_TRUE(as_chair);
  ASSERT_EQ(as_chair->comments.size(), 2u);
  EXPECT_EQ(as_chair->comments[1].hidden_reason, "Quảng cáo");

  ASSERT_TRUE(moderate_comment(*connection_, chair(), id, rude->id, false, ""));
  auto restored = read_news(*connection_, member(binh_), id);
  ASSERT_TRUE(restored);
  EXPECT_EQ(restored->comments.size(), 2u);

  // Its author deletes their own; another member may not.
  EXPECT_EQ(error_code(delete_comment(*connection_, member(chi_), id, kind->id)),
            "access.forbidden");
  EXPECT_TRUE(delete_comment(*connection_, member(binh_), id, kind->id));
  EXPECT_EQ(error_code(delete_comment(*connection_, member(binh_), id, kind->id)),
            "news.comment_not_found");

  // Comments closed: nobody adds one.
  NewsChange closed;
  closed.comments_open = false;
  ASSERT_TRUE(edit_news(*connection_, chair(), id, closed));
  EXPECT_EQ(error_code(comment_on_news(*connection_, member(binh_), id, "Muộn rồi")),
            "news.comments_closed");
  EXPECT_EQ(error_code(comment_on_news(*connection_, member(binh_), id, "   ")),
            "news.comment_required");
}

TEST_P(NewsTest, AWithdrawnPostIsGoneForReadersAndKeptForItsOfficers) {
  const Id id = publish(blood_day());
  EXPECT_EQ(error_code(withdraw_news(*connection_, member(binh_), id)), "access.forbidden");
  auto withdrawn = withdraw_news(*connection_, chair(), id);
  ASSERT_TRUE(withdrawn) << withdrawn.error().message.en;
  EXPECT_TRUE(withdrawn->post.withdrawn);
  EXPECT_EQ(error_code(read_news(*connection_, member(binh_), id)), "news.not_found");
  auto feed = news_feed(*connection_, member(binh_), NewsQuery{});
  ASSERT_TRUE(feed);
  EXPECT_TRUE(feed->posts.empty());
  auto officers = news_feed(*connection_, chair(), NewsQuery{});
  ASSERT_TRUE(officers);
  ASSERT_EQ(officers->posts.size(), 1u);
  EXPECT_TRUE(officers->posts[0].post.withdrawn);
  auto youth_officer = news_feed(*connection_, officer_of(youth_union_, dung_), NewsQuery{});
  ASSERT_TRUE(youth_officer);
  EXPECT_TRUE(youth_officer->posts.empty()) << "another organization's withdrawn post";
}

TEST_P(NewsTest, APhotoStoryKeepsPicturesByTheirBytes) {
  NewsDraft album;
  album.organization_id = trade_union_;
  album.kind = NewsKind::album;
  album.title = "Ảnh ngày hội hiến máu";
  const Id id = publish(album);
  auto added =
      add_news_photo(*connection_, chair(), id, "IMG_0001.png", "Đoàn viên Khoa Nội", kPng);
  ASSERT_TRUE(added) << added.error().message.en;
  ASSERT_EQ(added->post.photos.size(), 1u);
  EXPECT_EQ(added->post.photos[0].content_type, "image/png");
  EXPECT_EQ(added->post.photos[0].caption, "Đoàn viên Khoa Nội");
  ASSERT_TRUE(add_news_photo(*connection_, chair(), id, "IMG_0002.png", "", kPng));

  EXPECT_EQ(error_code(add_news_photo(*connection_, chair(), id, "x.png", "",
                                      "<html><script>alert(1)</script></html>")),
            "news.photo_type");
  EXPECT_EQ(error_code(add_news_photo(*connection_, chair(), id, "x.pdf", "", "%PDF-1.7\n")),
            "news.photo_type")
      << "a photo story holds pictures only";
  EXPECT_EQ(error_code(add_news_photo(*connection_, member(binh_), id, "x.png", "", kPng)),
            "access.forbidden");

  auto photo = news_photo(*connection_, member_of(youth_union_, dung_), id, 2);
  ASSERT_TRUE(photo) << photo.error().message.en;
  EXPECT_EQ(photo->content, kPng);
  auto removed = remove_news_photo(*connection_, chair(), id, 1);
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->post.photos.size(), 1u);
  EXPECT_EQ(removed->post.photos[0].position, 2);
  EXPECT_EQ(error_code(news_photo(*connection_, member(binh_), id, 1)), "news.photo_not_found");
}

TEST_P(NewsTest, ABulletinGathersPublishedPostsInItsOrder) {
  const Id first = publish(blood_day());
  NewsDraft second_draft = blood_day();
  second_draft.title = "Giải bóng đá Công đoàn";
  const Id second = publish(second_draft);
  const Id withdrawn = publish(blood_day());
  ASSERT_TRUE(withdraw_news(*connection_, chair(), withdrawn));

  Bulletin bulletin;
  bulletin.organization_id = trade_union_;
  bulletin.title = "Bản tin Công đoàn Sở Tư pháp";
  bulletin.number = "Số 12/2026";
  bulletin.issued_on = CivilDate{2026, 12, 7};
  bulletin.introduction = "Kính gửi **toàn thể đoàn viên**.";
  bulletin.post_ids = {second, first};
  auto created = create_bulletin(*connection_, chair(), bulletin);
  ASSERT_TRUE(created) << created.error().message.en;
  ASSERT_EQ(created->posts.size(), 2u);
  EXPECT_EQ(created->posts[0].post.title, "Giải bóng đá Công đoàn");
  EXPECT_EQ(created->posts[1].post.id, first);
  EXPECT_NE(created->introduction_html.find("<strong>toàn thể đoàn viên</strong>"),
            std::string::npos);

  Bulletin with_withdrawn = bulletin;
  with_withdrawn.post_ids = {first, withdrawn};
  auto refused = create_bulletin(*connection_, chair(), with_withdrawn);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "bulletin.post_not_found");
  EXPECT_EQ(refused.error().where.field, "post_ids[1]");
  EXPECT_EQ(error_code(create_bulletin(*connection_, member(binh_), bulletin)), "access.forbidden");

  auto listed = list_bulletins(*connection_, member_of(youth_union_, dung_));
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().bulletin.number, "Số 12/2026");
}

INSTANTIATE_TEST_SUITE_P(Engines, NewsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
