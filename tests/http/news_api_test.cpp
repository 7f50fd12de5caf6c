// News over HTTP, on SQLite and PostgreSQL, on the demo agency: the trade union's chair publishes a
// photo story; a member's hostile comment comes back as the text it is; a photo is served inline,
// typed by its bytes, never sniffed; the reactions' total is the sum of its parts; a bulletin
// gathers posts; bad input names its field.

#include <fmt/format.h>

#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0');

class News : public ApiTest {
 protected:
  std::string blood_day() {
    return fmt::format(R"({{"organization_id":{},"kind":"album","title":"Ngày hội hiến máu",)"
                       R"("summary":"45 đoàn viên tham gia.",)"
                       R"("body":"Sáng **06/12**.\n\n<img src=x onerror=alert(1)>"}})",
                       organization_id("CD"));
  }
};

TEST_P(News, TheChairPublishesAPhotoStoryAndMembersReactAndComment) {
  Client& chair = as("chutichcd");
  const Reply created = chair.post("/api/v1/news", blood_day());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto post = created.json();
  EXPECT_EQ(text_of(post, "kind_label"), "Phóng sự ảnh");
  EXPECT_NE(text_of(post, "body_html").find("<strong>06/12</strong>"), std::string::npos);
  EXPECT_EQ(text_of(post, "body_html").find("<img"), std::string::npos) << post;
  const std::string path = fmt::format("/api/v1/news/{}", post.at("id").as_int64());

  // A photo goes in as its bytes; a page named .png does not.
  const Reply photo = chair.send({"POST",
                                  path + "/photos?filename=anh%201.png&caption=Khoa%20N%E1%BB%99i",
                                  kPng,
                                  "image/png",
                                  {chair.csrf_header()}});
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto photos = photo.json().at("photos");
  ASSERT_EQ(photos.as_array().size(), 1u);
  EXPECT_EQ(text_of(photos.at(0), "caption"), "Khoa Nội");
  const Reply page = chair.send({"POST",
                                 path + "/photos?filename=x.png",
                                 "<html><script>alert(1)</script></html>",
                                 "image/png",
                                 {chair.csrf_header()}});
  EXPECT_EQ(page.status, 422) << page.body;
  EXPECT_EQ(page.code(), "news.photo_type");

  Client& member = as("doanvien");
  const Reply shown = member.get(text_of(photos.at(0), "url"));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body, kPng);
  EXPECT_EQ(shown.headers.at("content-type"), "image/png");
  EXPECT_EQ(shown.headers.at("x-content-type-options"), "nosniff");
  EXPECT_NE(shown.headers.at("content-disposition").find("inline"), std::string::npos);
  EXPECT_EQ(shown.headers.at("cache-control"), "private, max-age=86400");

  // Reactions and reads, counted once per person; the total is the sum of the kinds.
  ASSERT_EQ(member.post(path + "/read", "{}").status, 200);
  ASSERT_EQ(member.post(path + "/read", "{}").status, 200);
  ASSERT_EQ(member.put(path + "/reaction", R"({"reaction":"clap"})").status, 200);
  const Reply reacted = as("thuquy").put(path + "/reaction", R"({"reaction":"love"})");
  ASSERT_EQ(reacted.status, 200) << reacted.body;
  const auto counts = reacted.json();
  EXPECT_EQ(counts.at("reads").as_int64(), 1);
  std::int64_t sum = 0;
  for (const auto& [kind, count] : counts.at("reactions").as_object()) sum += count.as_int64();
  EXPECT_EQ(sum, 2);
  EXPECT_EQ(counts.at("reactions_total").as_int64(), sum);
  EXPECT_EQ(member.put(path + "/reaction", R"({"reaction":"angry"})").status, 422);

  // A hostile comment is the text it is; the chair hides it with a reason.
  const std::string hostile = R"(<script>document.title='x'</script><b>đẹp</b>)";
  const Call comment{"POST",
                     path + "/comments",
                     R"({"comment":"<script>document.title='x'</script><b>đẹp</b>"})",
                     "application/json",
                     {member.csrf_header(), "Idempotency-Key: bl-1"}};
  const Reply commented = member.send(comment);
  ASSERT_EQ(commented.status, 201) << commented.body;
  EXPECT_EQ(text_of(commented.json(), "text"), hostile);
  EXPECT_TRUE(commented.json().at("mine").as_bool());
  EXPECT_EQ(member.send(comment).status, 201) << "a retry gets the first answer";
  const Reply read = member.get(path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("comment_list").as_array().size(), 1u) << "one comment, not two";
  EXPECT_EQ(read.json().at("comments").as_int64(), 1);
  EXPECT_FALSE(read.json().as_object().contains("body")) << "the Markdown is for editors";

  const std::string hide =
      fmt::format("{}/comments/{}/hide", path, commented.json().at("id").as_int64());
  EXPECT_EQ(member.post(hide, R"({"reason":"x"})").status, 403);
  const Reply hidden = chair.post(hide, R"({"reason":"Không phù hợp"})");
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_TRUE(hidden.json().at("hidden").as_bool());
  EXPECT_TRUE(member.get(path).json().at("comment_list").as_array().empty());
  EXPECT_EQ(chair.get(path).json().at("comment_list").as_array().size(), 1u);

  const Reply empty = member.post(path + "/comments", R"({"comment":""})");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.code(), "field.required");
}

TEST_P(News, TheListPutsPinnedPostsFirstAndFiltersByKind) {
  Client& chair = as("chutichcd");
  ASSERT_EQ(chair.post("/api/v1/news", blood_day()).status, 201);
  const Reply notice = chair.post(
      "/api/v1/news",
      fmt::format(
          R"({{"organization_id":{},"kind":"announcement","title":"Họp BCH thứ Sáu",)"
          R"("body":"14:00, phòng họp tầng 2.","pinned_until":"2099-01-01T00:00:00+07:00"}})",
          organization_id("CD")));
  EXPECT_EQ(notice.status, 422) << "pinned for more than three months";
  EXPECT_NE(notice.body.find("pinned_until"), std::string::npos);
  const Reply pinned = chair.post(
      "/api/v1/news",
      fmt::format(R"({{"organization_id":{},"kind":"announcement","title":"Họp BCH thứ Sáu",)"
                  R"("body":"14:00, phòng họp tầng 2."}})",
                  organization_id("CD")));
  ASSERT_EQ(pinned.status, 201) << pinned.body;
  const std::string path = fmt::format("/api/v1/news/{}", pinned.json().at("id").as_int64());
  const Reply pin = chair.put(path, R"({"pinned_until":"2026-12-20T17:00:00+07:00"})");
  // The test clock is the demo's; a pin is checked against it.
  ASSERT_EQ(pin.status, 200) << pin.body;
  EXPECT_TRUE(pin.json().at("pinned").as_bool());

  const Reply listed = as("doanvien").get("/api/v1/news");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto feed = listed.json();
  ASSERT_EQ(feed.at("pinned").as_array().size(), 1u);
  EXPECT_EQ(text_of(feed.at("pinned").at(0), "title"), "Họp BCH thứ Sáu");
  EXPECT_NE(text_of(feed.at("pinned").at(0), "body_html").find("phòng họp"), std::string::npos)
      << "an announcement is read in the list";
  ASSERT_EQ(feed.at("items").as_array().size(), 1u);
  EXPECT_FALSE(feed.at("items").at(0).as_object().contains("body_html"));

  const Reply albums = as("doanvien").get("/api/v1/news?kind=album");
  ASSERT_EQ(albums.status, 200);
  EXPECT_EQ(albums.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(as("doanvien").get("/api/v1/news?kind=poem").status, 422);
  EXPECT_EQ(as("doanvien").get("/api/v1/news?limit=500").status, 422);

  const Reply video = chair.post(
      "/api/v1/news", fmt::format(R"({{"organization_id":{},"kind":"video","title":"Clip",)"
                                  R"("video_url":"https://evil.example/v.mp4"}})",
                                  organization_id("CD")));
  EXPECT_EQ(video.status, 422);
  EXPECT_EQ(video.code(), "news.video_not_recognised");
  const Reply preview =
      chair.post("/api/v1/news/preview", R"({"body":"**a** <script>x</script>"})");
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(text_of(preview.json(), "html"),
            "<p><strong>a</strong> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n");
}

TEST_P(News, ABulletinGathersPostsForOnePrintedPage) {
  Client& chair = as("chutichcd");
  const Reply first = chair.post("/api/v1/news", blood_day());
  ASSERT_EQ(first.status, 201);
  const std::int64_t id = first.json().at("id").as_int64();
  const Reply created = chair.post(
      "/api/v1/bulletins",
      fmt::format(R"({{"organization_id":{},"title":"Bản tin Công đoàn","number":"Số 12/2026",)"
                  R"("issued_on":"2026-12-07","introduction":"Kính gửi đoàn viên.",)"
                  R"("post_ids":[{}]}})",
                  organization_id("CD"), id));
  ASSERT_EQ(created.status, 201) << created.body;
  const Reply read =
      as("doanvien").get(fmt::format("/api/v1/bulletins/{}", created.json().at("id").as_int64()));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(text_of(read.json().at("posts").at(0), "title"), "Ngày hội hiến máu");
  EXPECT_FALSE(text_of(read.json().at("posts").at(0), "body_html").empty());
  const Reply missing =
      chair.post("/api/v1/bulletins",
                 fmt::format(R"({{"organization_id":{},"title":"Bản tin","number":"Số 13",)"
                             R"("issued_on":"2026-12-07","post_ids":[999999]}})",
                             organization_id("CD")));
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_NE(missing.body.find("post_ids[0]"), std::string::npos);
  EXPECT_EQ(as("doanvien").get("/api/v1/bulletins").json().at("total").as_int64(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, News, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
