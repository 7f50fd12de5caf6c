// Activities over HTTP, on SQLite and PostgreSQL: drafts and publication, clashes between
// organizations, registration with a capacity and a waitlist (no oversell under concurrency),
// check-in by the rotating code with retries that never count twice, by hand, and feedback.

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/instant_text.hpp"
#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class Activities : public ApiTest {
 protected:
  // A time `minutes` from now, as the API writes it.
  static std::string in_minutes(std::int64_t minutes) {
    return format_instant(dk::testing::test_now() + std::chrono::minutes(minutes));
  }
  std::string draft(const std::string& title, const std::string& organizer_code,
                    std::int64_t starts_in, std::int64_t ends_in, const std::string& extra = "") {
    return fmt::format(
        R"({{"kind":"sports","title":"{}","starts_at":"{}","ends_at":"{}","place":"Sân vận động tỉnh","organizer_ids":[{}]{}}})",
        title, in_minutes(starts_in), in_minutes(ends_in), organization_id(organizer_code),
        extra.empty() ? "" : "," + extra);
  }
  // Creates and publishes; returns the id.
  std::int64_t published(Client& officer, const std::string& body) {
    const Reply created = officer.post("/api/v1/activities", body);
    EXPECT_EQ(created.status, 201) << created.body;
    const std::int64_t id = created.json().at("id").as_int64();
    const Reply published =
        officer.post(fmt::format("/api/v1/activities/{}/status", id), R"({"status":"published"})");
    EXPECT_EQ(published.status, 200) << published.body;
    return id;
  }
  std::int64_t person_of(const std::string& login) {
    return as(login).get("/api/v1/session").json().at("person_id").as_int64();
  }
};

TEST_P(Activities, ADraftIsTheOrganizersUntilItIsPublished) {
  Client& chair = as("chutichcd");
  const Reply created = chair.post(
      "/api/v1/activities",
      draft("Giao lưu bóng đá với Công an tỉnh", "CD", 60 * 24, 60 * 24 + 120, R"("capacity":30)"));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto activity = created.json();
  EXPECT_EQ(text_of(activity, "status"), "draft");
  EXPECT_EQ(text_of(activity, "kind_label"), "Thể dục, thể thao");
  EXPECT_EQ(activity.at("places_left").as_int64(), 30);
  const std::int64_t id = activity.at("id").as_int64();
  const std::string path = fmt::format("/api/v1/activities/{}", id);
  EXPECT_EQ(as("doanvien").get(path).status, 404) << "a member does not see a draft";
  // An officer of another organization may not organize for the trade union.
  EXPECT_EQ(as("doanvien").post("/api/v1/activities", draft("Họp", "CD", 60, 120)).status, 403);
  // Bad input names its field.
  const Reply backwards = chair.post("/api/v1/activities", draft("Ngược", "CD", 120, 60));
  EXPECT_EQ(backwards.status, 422);
  EXPECT_EQ(text_of(backwards.json(), "field"), "ends_at");
  const Reply bad_time = chair.post(
      "/api/v1/activities",
      R"({"kind":"sports","title":"X","starts_at":"mai","ends_at":"2026-12-05T10:00","organizer_ids":[1]})");
  EXPECT_EQ(bad_time.code(), "body.time_invalid");
  const Reply no_kind = chair.post(
      "/api/v1/activities",
      R"({"title":"X","starts_at":"2026-12-05T08:00","ends_at":"2026-12-05T10:00","organizer_ids":[1]})");
  EXPECT_EQ(no_kind.code(), "field.required");
  EXPECT_EQ(text_of(no_kind.json(), "field"), "kind");

  ASSERT_EQ(chair.post(path + "/status", R"({"status":"published"})").status, 200);
  const Reply seen = as("doanvien").get(path);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.json().at("manageable").as_bool());
  EXPECT_TRUE(chair.get(path).json().at("manageable").as_bool());
  // Published cannot go back to draft.
  EXPECT_EQ(chair.post(path + "/status", R"({"status":"draft"})").code(),
            "activity.status_change_not_allowed");
}

TEST_P(Activities, ClashesAreListedAndTheOfficerMayGoAheadOnRecord) {
  Client& admin = as("quantri");
  const std::int64_t first =
      published(admin, draft("Học tập Nghị quyết", "CHLG", 60 * 48, 60 * 48 + 120));
  (void)first;
  // The trade union at the same time in the same place: its members are mostly the association's.
  const std::string clashing = draft("Thi đấu cầu lông", "CD", 60 * 48 + 60, 60 * 48 + 180);
  const Reply refused = admin.post("/api/v1/activities", clashing);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.code(), "activity.clashes");
  const auto clashes = refused.json().at("clashes").as_array();
  std::set<std::string> kinds;
  for (const auto& clash : clashes) {
    kinds.insert(text_of(clash, "kind"));
    if (text_of(clash, "kind") == "shared-audience") {
      EXPECT_GT(clash.at("people_count").as_int64(), 0);
      EXPECT_FALSE(text_of(clash.at("people").as_array()[0], "full_name").empty());
    }
  }
  EXPECT_TRUE(kinds.contains("shared-audience"));
  EXPECT_TRUE(kinds.contains("same-place")) << "“Sân vận động tỉnh” twice";
  // The same list without saving anything.
  const Reply check = admin.post("/api/v1/activities/clashes", clashing);
  EXPECT_EQ(check.json().at("clashes").as_array().size(), clashes.size());
  // Go ahead: saved, and the clashes are on record.
  std::string go_ahead = clashing;
  go_ahead.insert(go_ahead.size() - 1, R"(,"go_ahead_despite_clashes":true)");
  const Reply saved = admin.post("/api/v1/activities", go_ahead);
  ASSERT_EQ(saved.status, 201) << saved.body;
  const auto audit = admin
                         .get(fmt::format("/api/v1/audit?entity=activity&entity_id={}",
                                          saved.json().at("id").as_int64()))
                         .json();
  EXPECT_NE(boost::json::serialize(audit).find("clashes_accepted"), std::string::npos);
  // A slot that starts as the badminton ends does not clash.
  EXPECT_EQ(
      admin.post("/api/v1/activities/clashes", draft("Sau đó", "CD", 60 * 48 + 180, 60 * 48 + 240))
          .json()
          .at("clashes")
          .as_array()
          .size(),
      0u);
}

TEST_P(Activities, AWaitlistFillsInOrderWhenPlacesFreeUp) {
  Client& chair = as("chutichcd");
  const std::int64_t id =
      published(chair, draft("Tập huấn sơ cứu", "CD", 60 * 24, 60 * 24 + 90, R"("capacity":2)"));
  const std::string path = fmt::format("/api/v1/activities/{}/registrations", id);
  // Four members of the trade union, by name order, other than the member who signs in below.
  std::vector<std::int64_t> people;
  const std::int64_t member_self = person_of("doanvien");
  const auto members =
      chair.get(fmt::format("/api/v1/people?organization_id={}&limit=6", organization_id("CD")))
          .json();
  for (const auto& item : members.at("items").as_array()) {
    if (item.at("id").as_int64() != member_self && people.size() < 4)
      people.push_back(item.at("id").as_int64());
  }
  ASSERT_EQ(people.size(), 4u);
  for (std::int64_t person : people) {
    const Reply registered = chair.post(path, fmt::format(R"({{"person_ids":[{}]}})", person));
    ASSERT_EQ(registered.status, 200) << registered.body;
  }
  auto states = [&] {
    std::map<std::int64_t, std::string> by_person;
    const auto listed = chair.get(path).json();
    for (const auto& item : listed.at("items").as_array())
      by_person[item.at("person_id").as_int64()] = text_of(item, "state");
    return by_person;
  };
  auto now = states();
  EXPECT_EQ(now[people[0]], "registered");
  EXPECT_EQ(now[people[1]], "registered");
  EXPECT_EQ(now[people[2]], "waitlisted");
  EXPECT_EQ(now[people[3]], "waitlisted");
  // Registering twice changes nothing.
  const Reply again = chair.post(path, fmt::format(R"({{"person_ids":[{}]}})", people[0]));
  EXPECT_FALSE(again.json().at("items").as_array()[0].at("changed").as_bool());
  // A cancellation promotes the first in the queue.
  const Reply cancelled = chair.remove(fmt::format("{}/{}", path, people[1]));
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json().at("promoted").as_array()[0].as_int64(), people[2]);
  now = states();
  EXPECT_EQ(now[people[2]], "registered");
  EXPECT_EQ(now[people[3]], "waitlisted");
  EXPECT_EQ(now[people[1]], "cancelled");
  // A member registers themself; cancels themself.
  Client& member = as("doanvien");
  const Reply self = member.post(path, "");
  ASSERT_EQ(self.status, 200) << self.body;
  EXPECT_EQ(text_of(self.json().at("items").as_array()[0], "state"), "waitlisted");
  EXPECT_EQ(member.remove(path + "/me").status, 200);
  // …and may not register others.
  EXPECT_EQ(member.post(path, fmt::format(R"({{"person_ids":[{}]}})", people[3])).status, 403);
}

TEST_P(Activities, AThousandSimultaneousRegistrationsForAHundredPlacesGiveExactlyAHundred) {
  Client& admin = as("quantri");
  // A thousand members of the trade union, from the office's list.
  std::string list = "Họ và tên,Ngày sinh\n";
  for (int i = 0; i < 1000; ++i)
    list += fmt::format("Người Thử {},{:02}/{:02}/{}\n", i, i % 28 + 1, i % 12 + 1, 1960 + i % 40);
  const Reply imported =
      admin.send({"POST",
                  fmt::format("/api/v1/imports/members?mode=all_or_nothing&organization_id={}",
                              organization_id("CD")),
                  list,
                  "application/octet-stream",
                  {admin.csrf_header()}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  ASSERT_EQ(imported.json().at("counts").at("people_created").as_int64(), 1000);
  std::vector<std::int64_t> people;
  for (int offset = 0; people.size() < 1000; offset += 500) {
    const auto page =
        admin.get(fmt::format("/api/v1/people?search=nguoi%20thu&limit=500&offset={}", offset))
            .json();
    const auto& items = page.at("items").as_array();
    if (items.empty()) break;
    for (const auto& item : items) people.push_back(item.at("id").as_int64());
  }
  ASSERT_EQ(people.size(), 1000u);

  const std::int64_t id =
      published(admin, draft("Giải chạy", "CD", 60 * 72, 60 * 72 + 60, R"("capacity":100)"));
  const std::string path = fmt::format("/api/v1/activities/{}/registrations", id);
  std::atomic<std::size_t> next{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i; (i = next++) < people.size();) {
        const Reply reply = admin.post(path, fmt::format(R"({{"person_ids":[{}]}})", people[i]));
        if (reply.status != 200) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  std::map<std::string, int> counts;
  const auto listed = admin.get(path).json();
  for (const auto& item : listed.at("items").as_array()) ++counts[text_of(item, "state")];
  EXPECT_EQ(counts["registered"], 100);
  EXPECT_EQ(counts["waitlisted"], 900);
  const auto activity = admin.get(fmt::format("/api/v1/activities/{}", id)).json();
  EXPECT_EQ(activity.at("registered").as_int64(), 100);
  EXPECT_EQ(activity.at("places_left").as_int64(), 0);
  EXPECT_EQ(activity.at("waitlisted").as_int64(), 900);
}

TEST_P(Activities, ARetriedCheckInNeverCountsTwice) {
  Client& chair = as("chutichcd");
  // Open to the trade union's members, starting in half an hour: check-in is open.
  const std::int64_t id =
      published(chair, draft("Mít tinh", "CD", 30, 150,
                             fmt::format(R"("audience_scope":"organizations","audience_ids":[{}])",
                                         organization_id("CD"))));
  const std::string base = fmt::format("/api/v1/activities/{}", id);
  const Reply code = chair.get(base + "/check-in-code");
  ASSERT_EQ(code.status, 200) << code.body;
  const std::string token = text_of(code.json(), "code");
  EXPECT_EQ(as("doanvien").get(base + "/check-in-code").status, 403);

  // The chair is a member of the trade union and checks in with the code on display.
  auto check_in = [&](const std::string& key, const std::string& body) {
    return chair.send({"POST",
                       base + "/check-ins",
                       body,
                       "application/json",
                       {chair.csrf_header(), "Idempotency-Key: " + key}});
  };
  const std::string body = fmt::format(R"({{"code":"{}"}})", token);
  const Reply first = check_in("phone-1-attempt", body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(text_of(first.json(), "state"), "present");
  const Reply retried = check_in("phone-1-attempt", body);
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(retried.body, first.body) << "the first answer, again";
  // The same key for another request is refused; a new key finds them checked in already.
  EXPECT_EQ(check_in("phone-1-attempt", R"({"code":"0-AAAAAAAAAA"})").code(),
            "idempotency.key_reused");
  const Reply later = check_in("phone-2-attempt", body);
  EXPECT_EQ(later.status, 200);
  EXPECT_FALSE(later.json().at("first").as_bool());
  // A wrong code is refused and changes nothing.
  const Reply wrong = as("doanvien").post(base + "/check-ins", R"({"code":"1-ABCDEFGHIJ"})");
  EXPECT_EQ(wrong.code(), "check_in.code_invalid");

  // An officer scans a member's own code, and marks another excused by hand.
  const std::string member_code =
      text_of(as("doanvien").get("/api/v1/me/check-in-code").json(), "code");
  const Reply scanned =
      chair.post(base + "/check-ins", fmt::format(R"({{"person_code":"{}"}})", member_code));
  const std::int64_t member = person_of("doanvien");
  const bool member_in_trade_union = scanned.status == 201;
  if (member_in_trade_union) {
    EXPECT_EQ(scanned.json().at("person_id").as_int64(), member);
  } else {
    EXPECT_EQ(scanned.code(), "check_in.not_in_audience");
  }
  const std::int64_t admin_person = person_of("quantri");
  const Reply excused = chair.post(
      base + "/check-ins", fmt::format(R"({{"person_id":{},"state":"excused"}})", admin_person));
  ASSERT_EQ(excused.status, 201) << excused.body;
  EXPECT_EQ(text_of(excused.json(), "state"), "excused");
  const auto attendance = chair.get(base + "/attendance").json();
  EXPECT_EQ(attendance.at("total").as_int64(), member_in_trade_union ? 3 : 2);
}

// A check-in's reads and checks run before the shared write (group commit), but a retry is still
// answered from the key: its first answer stands even when the checks would refuse it now.
TEST_P(Activities, ARetryKeepsItsFirstAnswerAfterThePlaceIsGone) {
  Client& chair = as("chutichcd");
  const std::int64_t id =
      published(chair, draft("Hội thao công đoàn", "CD", 30, 150, R"("capacity":5)"));
  const std::string base = fmt::format("/api/v1/activities/{}", id);
  // Two members of the trade union.
  const auto members =
      chair.get(fmt::format("/api/v1/people?organization_id={}&limit=2", organization_id("CD")))
          .json()
          .at("items")
          .as_array();
  ASSERT_EQ(members.size(), 2u);
  const std::int64_t member = members[0].at("id").as_int64();
  const std::int64_t other_member = members[1].at("id").as_int64();
  for (std::int64_t person : {member, other_member}) {
    const Reply registered =
        chair.post(base + "/registrations", fmt::format(R"({{"person_ids":[{}]}})", person));
    ASSERT_EQ(registered.status, 200) << registered.body;
  }
  auto check_in = [&](const std::string& key, std::int64_t person) {
    return chair.send({"POST",
                       base + "/check-ins",
                       fmt::format(R"({{"person_id":{}}})", person),
                       "application/json",
                       {chair.csrf_header(), "Idempotency-Key: " + key}});
  };
  const Reply first = check_in("gate-1", member);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_FALSE(text_of(first.json(), "full_name").empty()) << first.body;
  // Their place is cancelled afterwards: a new check-in is refused, the retry is not.
  ASSERT_EQ(chair.remove(fmt::format("{}/registrations/{}", base, member)).status, 200);
  EXPECT_EQ(check_in("gate-2", member).code(), "check_in.not_registered");
  const Reply retried = check_in("gate-1", member);
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(retried.body, first.body);
  // Another registered person checks in; checked in again under a new key, the first stands.
  const Reply other = check_in("gate-3", other_member);
  ASSERT_EQ(other.status, 201) << other.body;
  const Reply again = check_in("gate-4", other_member);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(text_of(again.json(), "full_name"), text_of(other.json(), "full_name"));
  EXPECT_EQ(again.json().at("checked_in_at"), other.json().at("checked_in_at"));
  EXPECT_EQ(chair.get(base + "/attendance").json().at("total").as_int64(), 2);
}

TEST_P(Activities, OnlyThoseWhoCameGiveFeedback) {
  Client& chair = as("chutichcd");
  // Started five minutes ago: whoever checks in now is on time and may rate it.
  const std::int64_t id = published(chair, draft("Văn nghệ chào mừng", "CD", -5, 90));
  const std::string base = fmt::format("/api/v1/activities/{}", id);
  const std::string token = text_of(chair.get(base + "/check-in-code").json(), "code");
  ASSERT_EQ(chair.post(base + "/check-ins", fmt::format(R"({{"code":"{}"}})", token)).status, 201);
  const Reply rated = chair.post(base + "/feedback", R"({"rating":5,"comment":"Rất vui"})");
  EXPECT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(chair.post(base + "/feedback", R"({"rating":9})").code(), "feedback.rating_invalid");
  EXPECT_EQ(as("quantri").post(base + "/feedback", R"({"rating":4})").code(),
            "feedback.not_attended");
}

TEST_P(Activities, CalendarAppsSeeWhatOneSignedUpForBehindARevocableLink) {
  Client& chair = as("chutichcd");
  const std::int64_t id = published(
      chair, draft("Giao lưu cầu lông, Công an tỉnh", "CD", 60 * 24 * 3, 60 * 24 * 3 + 90));
  (void)published(chair, draft("Một việc khác", "CD", 60 * 24 * 4, 60 * 24 * 4 + 90));
  ASSERT_EQ(chair.post(fmt::format("/api/v1/activities/{}/registrations", id), "").status, 200);
  const Reply created = chair.post("/api/v1/calendar-feeds", "");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = text_of(created.json(), "path");
  ASSERT_TRUE(path.starts_with("/calendar/") && path.ends_with(".ics")) << path;
  // No cookie: the link is the credential.
  const Reply feed = anonymous().get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.headers.at("content-type"), "text/calendar; charset=utf-8");
  EXPECT_TRUE(feed.body.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(feed.body.find("X-WR-CALNAME:Lịch của Hồ Thị Thanh Hà"), std::string::npos);
  EXPECT_NE(feed.body.find("SUMMARY:Giao lưu cầu lông\\, Công an tỉnh"), std::string::npos)
      << "the comma escaped";
  EXPECT_NE(feed.body.find("DTSTART;TZID=Asia/Ho_Chi_Minh:"), std::string::npos);
  EXPECT_EQ(feed.body.find("Một việc khác"), std::string::npos) << "not signed up for";
  // The organization's feed has both; only its officers may make one.
  const Reply organization = chair.post(
      "/api/v1/calendar-feeds", fmt::format(R"({{"organization_id":{}}})", organization_id("CD")));
  ASSERT_EQ(organization.status, 201) << organization.body;
  const Reply both = anonymous().get(text_of(organization.json(), "path"));
  EXPECT_NE(both.body.find("Một việc khác"), std::string::npos);
  EXPECT_EQ(as("doanvien")
                .post("/api/v1/calendar-feeds",
                      fmt::format(R"({{"organization_id":{}}})", organization_id("CD")))
                .status,
            403);
  // Revoked: gone.
  const auto listed = chair.get("/api/v1/calendar-feeds").json();
  ASSERT_EQ(listed.at("total").as_int64(), 2);
  const std::int64_t feed_id = created.json().at("id").as_int64();
  EXPECT_EQ(as("doanvien").remove(fmt::format("/api/v1/calendar-feeds/{}", feed_id)).status, 403);
  EXPECT_EQ(chair.remove(fmt::format("/api/v1/calendar-feeds/{}", feed_id)).status, 204);
  EXPECT_EQ(anonymous().get(path).status, 404);
  EXPECT_EQ(anonymous().get("/calendar/guessed-token.ics").status, 404);
}

TEST_P(Activities, APlanCountsItsActivitiesAndTheMembersItReached) {
  Client& chair = as("chutichcd");
  const std::int64_t cd = organization_id("CD");
  const int year = 2031;  // the demo has plans for this year already
  const std::string body = fmt::format(
      R"({{"organization_id":{},"year":{},"title":"Kế hoạch hoạt động năm {}","activity_targets":{{"sports":2,"study":1}},"participation_target":80}})",
      cd, year, year);
  const Reply created = chair.post("/api/v1/plans", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t plan = created.json().at("id").as_int64();
  EXPECT_EQ(chair.post("/api/v1/plans", body).code(), "plan.year_taken");
  EXPECT_EQ(as("doanvien").post("/api/v1/plans", body).status, 403);
  EXPECT_EQ(
      chair
          .post(
              "/api/v1/plans",
              fmt::format(
                  R"({{"organization_id":{},"year":2027,"title":"X","activity_targets":{{"dancing":1}}}})",
                  cd))
          .code(),
      "plan.kind_unknown");
  const Reply programme = chair.post(fmt::format("/api/v1/plans/{}/programmes", plan),
                                     R"({"title":"Chào mừng ngày 20/10"})");
  EXPECT_EQ(programme.status, 201) << programme.body;
  // An activity of the plan, under way: the chair checks in.
  const std::int64_t id =
      published(chair, draft("Giải bóng bàn", "CD", -5, 90, fmt::format(R"("plan_id":{})", plan)));
  const std::string base = fmt::format("/api/v1/activities/{}", id);
  const std::string token = text_of(chair.get(base + "/check-in-code").json(), "code");
  ASSERT_EQ(chair.post(base + "/check-ins", fmt::format(R"({{"code":"{}"}})", token)).status, 201);
  // The youth union's plan cannot take the trade union's activity.
  const Reply other = as("quantri").post(
      "/api/v1/plans", fmt::format(R"({{"organization_id":{},"year":{},"title":"Kế hoạch"}})",
                                   organization_id("DTN"), year));
  ASSERT_EQ(other.status, 201);
  EXPECT_EQ(chair
                .post("/api/v1/activities",
                      draft("Sai kế hoạch", "CD", 600, 700,
                            fmt::format(R"("plan_id":{})", other.json().at("id").as_int64())))
                .code(),
            "activity.plan_mismatch");

  const auto progress = chair.get(fmt::format("/api/v1/plans/{}", plan)).json();
  EXPECT_EQ(progress.at("programmes").as_array().size(), 1u);
  const auto& numbers = progress.at("progress");
  EXPECT_EQ(numbers.at("reached").as_int64(), 1);
  EXPECT_GT(numbers.at("members").as_int64(), 1);
  EXPECT_EQ(numbers.at("participation_percent").as_int64(), 100 / numbers.at("members").as_int64());
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> kinds;
  for (const auto& kind : numbers.at("kinds").as_array())
    kinds[text_of(kind, "kind")] = {kind.at("target").as_int64(), kind.at("planned").as_int64()};
  EXPECT_EQ(kinds["sports"], (std::pair<std::int64_t, std::int64_t>{2, 1}));
  EXPECT_EQ(kinds["study"], (std::pair<std::int64_t, std::int64_t>{1, 0}));
  const auto listed =
      as("lanhdao").get(fmt::format("/api/v1/plans?organization_id={}&year={}", cd, year)).json();
  EXPECT_EQ(listed.at("total").as_int64(), 1);
}

TEST_P(Activities, TheBadmintonClubTrainsTuesdayAndThursdayAndKeepsItsAttendance) {
  Client& chair = as("chutichcd");
  const Reply created = chair.post(
      "/api/v1/clubs",
      fmt::format(R"({{"organization_id":{},"name":"CLB Cầu lông Công đoàn","kind":"sports"}})",
                  organization_id("CD")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t club = created.json().at("id").as_int64();
  const std::string base = fmt::format("/api/v1/clubs/{}", club);
  EXPECT_EQ(as("doanvien")
                .post("/api/v1/clubs",
                      fmt::format(R"({{"organization_id":{},"name":"X"}})", organization_id("CD")))
                .status,
            403);
  // March 2027: Tuesdays and Thursdays from the 2nd to the 30th, 17:00–18:30.
  const Reply schedule = chair.post(
      base + "/schedules",
      R"({"days":["tuesday","thursday"],"start":"17:00","end":"18:30","first_date":"2027-03-01","last_date":"2027-03-31","place":"Nhà thi đấu tỉnh"})");
  ASSERT_EQ(schedule.status, 201) << schedule.body;
  EXPECT_EQ(text_of(schedule.json(), "description"), "Thứ Ba, Thứ Năm, 17:00–18:30");
  EXPECT_EQ(text_of(schedule.json(), "rrule"), "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270331T165959Z");
  const std::int64_t schedule_id = schedule.json().at("id").as_int64();
  const std::string changes = fmt::format("/api/v1/club-schedules/{}/changes", schedule_id);
  // The 4th is cancelled; the 9th moves to Saturday morning; the 5th has no session to cancel.
  ASSERT_EQ(chair.post(changes, R"({"date":"2027-03-04"})").status, 200);
  ASSERT_EQ(
      chair
          .post(
              changes,
              R"({"date":"2027-03-09","moved_to_date":"2027-03-13","start":"08:00","end":"09:30"})")
          .status,
      200);
  EXPECT_EQ(chair.post(changes, R"({"date":"2027-03-05"})").code(),
            "recurrence.not_a_session_date");
  const auto sessions = chair.get(base + "/sessions?from=2027-03-01&to=2027-03-31").json();
  std::vector<std::string> starts;
  for (const auto& item : sessions.at("items").as_array())
    starts.push_back(text_of(item, "starts_at"));
  EXPECT_EQ(starts,
            (std::vector<std::string>{"2027-03-02T17:00:00+07:00", "2027-03-11T17:00:00+07:00",
                                      "2027-03-13T08:00:00+07:00", "2027-03-16T17:00:00+07:00",
                                      "2027-03-18T17:00:00+07:00", "2027-03-23T17:00:00+07:00",
                                      "2027-03-25T17:00:00+07:00", "2027-03-30T17:00:00+07:00"}));
  // Members join; the chair keeps attendance; a non-member cannot be marked.
  Client& member = as("doanvien");
  ASSERT_EQ(member.post(base + "/members", "").status, 200);
  const Reply joined = chair.post(base + "/members", "");
  ASSERT_EQ(joined.status, 200);
  EXPECT_EQ(joined.json().at("members").as_array().size(), 2u);
  const std::int64_t member_id = person_of("doanvien");
  const std::string attendance = fmt::format("/api/v1/club-schedules/{}/attendance", schedule_id);
  ASSERT_EQ(chair
                .post(attendance,
                      fmt::format(R"({{"date":"2027-03-02","person_ids":[{}],"state":"late"}})",
                                  member_id))
                .status,
            200);
  EXPECT_EQ(chair
                .post(attendance, fmt::format(R"({{"date":"2027-03-02","person_ids":[{}]}})",
                                              person_of("quantri")))
                .code(),
            "club.not_member");
  const auto marked = chair.get(attendance + "?date=2027-03-02").json();
  ASSERT_EQ(marked.at("total").as_int64(), 1);
  EXPECT_EQ(text_of(marked.at("items").as_array()[0], "state"), "late");
  EXPECT_EQ(member.post(attendance, R"({"date":"2027-03-02","person_ids":[]})").status, 403);
  // The member's calendar carries the sessions as one recurring event, less the changes.
  const Reply feed = member.post("/api/v1/calendar-feeds", "");
  const std::string calendar = anonymous().get(text_of(feed.json(), "path")).body;
  EXPECT_NE(calendar.find("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270331T165959Z"),
            std::string::npos);
  EXPECT_NE(calendar.find("EXDATE;TZID=Asia/Ho_Chi_Minh:20270304T170000"), std::string::npos);
  EXPECT_NE(calendar.find("RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20270309T170000"),
            std::string::npos);
  // Leaving.
  EXPECT_EQ(member.remove(base + "/members/me").status, 204);
  EXPECT_EQ(chair.get(base).json().at("members").as_array().size(), 1u);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Activities, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace dk::http::testing
