// Notifications over HTTP, on SQLite and PostgreSQL, on the demo agency: the youth union's
// secretary posts a directive and the bell of every member of the audience counts it; an open
// event stream hears of it without asking; reading lowers the count; each person's choices per
// kind; and, with a mail server, the running server mails it by itself.

#include <curl/curl.h>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/notification.hpp"
#include "http/api_support.hpp"
#include "support/mail_box.hpp"

namespace dk::http::testing {
namespace {

// An EventSource as a browser opens one: GET with the session cookie, read as it arrives, on a
// thread of its own until the test ends it.
class EventStream {
 public:
  EventStream(const std::string& url, const std::string& cookie) {
    thread_ = std::thread([this, url, cookie] {
      CURL* curl = curl_easy_init();
      curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
      curl_easy_setopt(curl, CURLOPT_COOKIE, cookie.c_str());
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &EventStream::received);
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &EventStream::progress);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
      curl_easy_perform(curl);
      long status = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      curl_easy_cleanup(curl);
      std::lock_guard lock(mutex_);
      status_ = status;
      ended_ = true;
      changed_.notify_all();
    });
  }
  ~EventStream() {
    stop_ = true;
    thread_.join();
  }

  // Waits (a minute at most) until what arrived contains `text`, or the stream ended.
  bool wait_for(const std::string& text) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::minutes(1), [&] {
      return ended_ || text_.find(text) != std::string::npos;
    }) && text_.find(text) != std::string::npos;
  }
  bool wait_for_end() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::minutes(1), [&] { return ended_; });
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }
  long status() {
    std::lock_guard lock(mutex_);
    return status_;
  }

 private:
  static std::size_t received(char* data, std::size_t size, std::size_t count, void* self) {
    auto* stream = static_cast<EventStream*>(self);
    std::lock_guard lock(stream->mutex_);
    stream->text_.append(data, size * count);
    stream->changed_.notify_all();
    return size * count;
  }
  static int progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<EventStream*>(self)->stop_ ? 1 : 0;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::string text_;
  long status_ = 0;
  bool ended_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class Notifications : public ApiTest {
 protected:
  std::string directive(const std::string& number) {
    return fmt::format(
        R"({{"organization_id":{},"kind":"plan","issuer_level":"superior","number":"{}",)"
        R"("issuer":"Tỉnh đoàn Hà Tĩnh","title":"Kế hoạch Tháng Thanh niên năm 2027"}})",
        organization_id("DTN"), number);
  }
  static std::int64_t unread(Client& client) {
    const Reply reply = client.get("/api/v1/notifications/unread");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.json().at("unread").as_int64() : -1;
  }
};

TEST_P(Notifications, ThePostedDirectiveRingsTheBellOfItsAudienceAndReadingLowersTheCount) {
  Client& secretary = as("bithudoan");
  Client& member = as("doanvien");
  const std::int64_t before = unread(secretary);
  const std::int64_t member_before = unread(member);
  const Reply posted = secretary.post("/api/v1/directives", directive("05-KH/TĐTN"));
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(unread(secretary), before + 1);
  EXPECT_EQ(unread(member), member_before) << "a member outside the youth union is not told";

  const Reply list = secretary.get("/api/v1/notifications");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto listed = list.json();
  const auto& first = listed.at("items").at(0);
  EXPECT_EQ(text_of(first, "kind"), "directive_posted");
  EXPECT_EQ(text_of(first, "kind_label"), "Văn bản cần học tập");
  EXPECT_EQ(text_of(first, "title"),
            "Kế hoạch mới cần học tập: 05-KH/TĐTN — Kế hoạch Tháng Thanh niên năm 2027");
  EXPECT_EQ(text_of(first, "link"),
            fmt::format("/directives/{}", posted.json().at("id").as_int64()));
  EXPECT_TRUE(first.at("read_at").is_null());
  Reply english = secretary.send({"GET", "/api/v1/notifications", "", "", {"Accept-Language: en"}});
  EXPECT_EQ(text_of(english.json().at("items").at(0), "title"),
            "New plan to study: 05-KH/TĐTN — Kế hoạch Tháng Thanh niên năm 2027");

  const Reply one = secretary.post("/api/v1/notifications/read",
                                   fmt::format(R"({{"id":{}}})", first.at("id").as_int64()));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json().at("unread").as_int64(), before);
  const Reply all = secretary.post("/api/v1/notifications/read", "");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json().at("unread").as_int64(), 0);

  EXPECT_EQ(anonymous().get("/api/v1/notifications/unread").status, 401);
  const Reply no_token = secretary.send({"POST", "/api/v1/notifications/read", "", "", {}});
  EXPECT_EQ(no_token.status, 403) << "marking read changes state: the CSRF token is required";
}

TEST_P(Notifications, AnOpenStreamHearsOfANewNotificationWithoutAsking) {
  Client& secretary = as("bithudoan");
  const std::int64_t before = unread(secretary);
  EventStream stream(base_url_ + "/api/v1/notifications/stream", secretary.cookie());
  ASSERT_TRUE(stream.wait_for(fmt::format("event: unread\ndata: {{\"unread\":{}}}\n\n", before)))
      << stream.text();
  ASSERT_EQ(secretary.post("/api/v1/directives", directive("06-KH/TĐTN")).status, 201);
  EXPECT_TRUE(stream.wait_for(fmt::format("data: {{\"unread\":{}}}", before + 1))) << stream.text();
  ASSERT_EQ(secretary.post("/api/v1/notifications/read", "").status, 200);
  EXPECT_TRUE(stream.wait_for("data: {\"unread\":0}")) << "reading on another page updates it";

  // The server ends its streams when it stops, and stops cleanly.
  EXPECT_EQ(stop_server(), 0);
  EXPECT_TRUE(stream.wait_for_end());
}

TEST_P(Notifications, AStreamWithoutASessionIsRefusedAsAnyRequestIs) {
  EventStream stream(base_url_ + "/api/v1/notifications/stream", "dk_session=not-a-session");
  ASSERT_TRUE(stream.wait_for_end());
  EXPECT_EQ(stream.status(), 401);
  EXPECT_NE(stream.text().find("session.expired"), std::string::npos) << stream.text();
}

TEST_P(Notifications, OneAccountHoldsAFewStreamsNotTheServersSockets) {
  Client& member = as("doanvien");
  const std::string url = base_url_ + "/api/v1/notifications/stream";
  std::vector<std::unique_ptr<EventStream>> open;
  for (int i = 0; i < 8; ++i) {
    open.push_back(std::make_unique<EventStream>(url, member.cookie()));
    ASSERT_TRUE(open.back()->wait_for("event: unread")) << "stream " << i;
  }
  EventStream refused(url, member.cookie());
  ASSERT_TRUE(refused.wait_for_end());
  EXPECT_EQ(refused.status(), 429);
  EXPECT_NE(refused.text().find("stream.too_many"), std::string::npos) << refused.text();
  EventStream other(url, as("bithudoan").cookie());
  EXPECT_TRUE(other.wait_for("event: unread")) << "another account is not refused";
}

TEST_P(Notifications, EachPersonChoosesWhatComesByMail) {
  Client& member = as("doanvien");
  const Reply listed = member.get("/api/v1/notifications/preferences");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json().at("total").as_int64(),
            static_cast<std::int64_t>(code_entries<NotificationKind>().size()));
  const Reply changed = member.put("/api/v1/notifications/preferences/directive_posted",
                                   R"({"email":"daily","in_app":true})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto saved = changed.json();
  EXPECT_EQ(text_of(saved.at("items").at(0), "email"), "daily");
  EXPECT_EQ(
      member.put("/api/v1/notifications/preferences/no_such_kind", R"({"email":"off"})").status,
      404);
  const Reply bad =
      member.put("/api/v1/notifications/preferences/directive_posted", R"({"email":"weekly"})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("email"), std::string::npos);
}

TEST_P(Notifications, TheRunningServerMailsWhatItNotifies) {
  DK_REQUIRE_SMTP();
  const std::string address = dk::testing::mail_address("bithudoan", "refuse1");
  Client& secretary = as("bithudoan");
  const Reply me = secretary.get("/api/v1/session");
  ASSERT_EQ(me.status, 200) << me.body;
  execute_sql(fmt::format("UPDATE persons SET email = '{}' WHERE id = {}", address,
                          me.json().at("person_id").as_int64()));
  ASSERT_EQ(stop_server(), 0);
  start_server({}, {"--smtp", dk::testing::test_smtp_url(), "--mail-from",
                    "doanket@stp.hatinh.gov.vn", "--site-url", "https://doanket.example.vn"});
  clients_.clear();
  Client& again = as("bithudoan");
  ASSERT_EQ(again.post("/api/v1/directives", directive("07-KH/TĐTN")).status, 201);
  // The server refuses the first try (451); the sender tries again a minute later on the
  // server's clock, so here the test waits for the first try to be recorded, then moves the
  // retry's time to now.
  std::vector<dk::testing::ReceivedMail> mails;
  for (int i = 0; i < 600 && mails.empty(); ++i) {
    execute_sql(
        "UPDATE notifications SET email_next_at = 0 WHERE email_state = 'due' AND "
        "email_attempts > 0");
    // Any request that publishes wakes the sender; a mark-read does, without adding mail.
    again.post("/api/v1/notifications/read", "");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    mails = dk::testing::mails_to(address);
  }
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].body.find("07-KH/TĐTN"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("https://doanket.example.vn/directives/"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, Notifications, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
