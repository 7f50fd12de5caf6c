// Support requests over HTTP, on SQLite and PostgreSQL: the youth union's secretary asks the
// leadership for a venue and 5.000.000 đ for an activity; the leadership approves in part with a
// reason; the activity's list shows the decision; the totals add up from the listed rows; each
// role sees and does what it may, and bad input names its field.

#include <fmt/format.h>

#include "core/instant_text.hpp"
#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class SupportRequests : public ApiTest {
 protected:
  // A youth union activity two days from now, by its secretary; returns its id.
  std::int64_t youth_activity() {
    const auto in_hours = [](int hours) {
      return format_instant(dk::testing::test_now() + std::chrono::hours(hours));
    };
    const Reply created =
        as("bithudoan")
            .post("/api/v1/activities",
                  fmt::format(R"({{"kind":"sports","title":"Giao lưu bóng đá với TAND tỉnh",)"
                              R"("starts_at":"{}","ends_at":"{}","organizer_ids":[{}]}})",
                              in_hours(48), in_hours(50), organization_id("DTN")));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().at("id").as_int64();
  }

  std::string ask_body(std::int64_t activity, const std::string& amount = "5000000") {
    return fmt::format(
        R"({{"organization_id":{},"activity_id":{},"title":"Sân bóng và kinh phí giao lưu",)"
        R"("description":"Sân cơ quan chiều thứ Bảy","amount":{},"venue":true}})",
        organization_id("DTN"), activity, amount);
  }

  static std::int64_t number(const boost::json::value& value, const char* field) {
    return value.at(field).as_int64();
  }
};

TEST_P(SupportRequests, TheSecretaryAsksAndTheLeadershipApprovesInPart) {
  const std::int64_t activity = youth_activity();
  Client& secretary = as("bithudoan");
  const Reply asked = secretary.post("/api/v1/support-requests", ask_body(activity));
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto request = asked.json();
  EXPECT_EQ(text_of(request, "status"), "pending");
  EXPECT_EQ(text_of(request, "status_label"), "Chờ quyết định");
  EXPECT_EQ(number(request, "amount"), 5'000'000);
  EXPECT_TRUE(request.at("venue").as_bool());
  EXPECT_FALSE(request.at("transport").as_bool());
  EXPECT_EQ(text_of(request, "activity_title"), "Giao lưu bóng đá với TAND tỉnh");
  EXPECT_EQ(text_of(request, "organization_name"), "Chi đoàn Sở Tư pháp");
  EXPECT_EQ(text_of(request.at("requested_by"), "login"), "bithudoan");
  EXPECT_EQ(text_of(request, "requested_at"), format_instant(dk::testing::test_now()));
  EXPECT_TRUE(request.at("may_withdraw").as_bool());
  EXPECT_FALSE(request.at("may_decide").as_bool());
  const std::int64_t id = number(request, "id");
  const std::string path = fmt::format("/api/v1/support-requests/{}", id);

  // The leadership reads it among the pending ones and decides on it.
  Client& leader = as("lanhdao");
  const Reply pending = leader.get("/api/v1/support-requests?status=pending");
  ASSERT_EQ(pending.status, 200) << pending.body;
  const boost::json::value waiting = pending.json();
  ASSERT_EQ(waiting.at("items").as_array().size(), 1u);
  EXPECT_TRUE(waiting.at("items").at(0).at("may_decide").as_bool());

  const Reply no_reason = leader.post(
      path + "/decision", R"({"decision":"approve_in_part","approved_amount":3000000})");
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.code(), "support.reason_required");
  EXPECT_EQ(text_of(no_reason.json(), "field"), "reason");
  const Reply too_much =
      leader.post(path + "/decision",
                  R"({"decision":"approve_in_part","approved_amount":5000000,"reason":"Vì"})");
  EXPECT_EQ(too_much.code(), "support.approved_amount_invalid");
  EXPECT_EQ(text_of(too_much.json(), "field"), "approved_amount");
  EXPECT_EQ(secretary.post(path + "/decision", R"({"decision":"approve"})").status, 403)
      << "the secretary does not decide their own request";

  const Reply decided = leader.post(
      path + "/decision",
      R"({"decision":"approve_in_part","approved_amount":3000000,"reason":"Ngân sách quý IV còn 3 triệu"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(text_of(decided.json(), "status"), "partly_approved");
  EXPECT_EQ(number(decided.json(), "approved_amount"), 3'000'000);
  EXPECT_EQ(text_of(decided.json(), "reason"), "Ngân sách quý IV còn 3 triệu");
  EXPECT_EQ(text_of(decided.json().at("decided_by"), "login"), "lanhdao");
  EXPECT_FALSE(decided.json().at("decided_at").is_null());

  const Reply again = leader.post(path + "/decision", R"({"decision":"refuse","reason":"Thôi"})");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.code(), "support.not_pending");
  EXPECT_EQ(secretary.post(path + "/withdraw", "{}").status, 409);

  // The activity's requests carry the decision, for the secretary as for the leadership.
  const Reply on_activity =
      secretary.get(fmt::format("/api/v1/support-requests?activity_id={}", activity));
  ASSERT_EQ(on_activity.status, 200) << on_activity.body;
  const boost::json::value listed = on_activity.json();
  const auto& items = listed.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(text_of(items[0], "status"), "partly_approved");
  EXPECT_EQ(text_of(items[0], "reason"), "Ngân sách quý IV còn 3 triệu");
  const auto& summary = listed.at("summary");
  EXPECT_EQ(number(summary, "asked"), 5'000'000);
  EXPECT_EQ(number(summary, "approved"), 3'000'000);
  EXPECT_EQ(leader.get(path + "?lang=en").status, 200);
}

TEST_P(SupportRequests, TheTotalsAddUpFromTheListedRows) {
  const std::int64_t activity = youth_activity();
  Client& secretary = as("bithudoan");
  Client& leader = as("lanhdao");
  std::vector<std::int64_t> ids;
  for (const char* amount : {"5000000", "2500000", "1200000", "null"}) {
    const Reply asked = secretary.post("/api/v1/support-requests", ask_body(activity, amount));
    ASSERT_EQ(asked.status, 201) << asked.body;
    ids.push_back(number(asked.json(), "id"));
  }
  ASSERT_EQ(leader
                .post(fmt::format("/api/v1/support-requests/{}/decision", ids[0]),
                      R"({"decision":"approve"})")
                .status,
            200);
  ASSERT_EQ(leader
                .post(fmt::format("/api/v1/support-requests/{}/decision", ids[1]),
                      R"({"decision":"refuse","reason":"Trùng lịch"})")
                .status,
            200);
  const Reply withdrawn =
      secretary.post(fmt::format("/api/v1/support-requests/{}/withdraw", ids[2]), "{}");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(text_of(withdrawn.json(), "status"), "withdrawn");
  EXPECT_EQ(text_of(withdrawn.json().at("decided_by"), "login"), "bithudoan");

  for (const char* filter : {"", "?status=approved", "?status=refused", "?status=withdrawn"}) {
    const Reply reply = leader.get(std::string("/api/v1/support-requests") + filter);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const boost::json::value listed = reply.json();
    std::int64_t asked = 0, approved = 0;
    for (const auto& item : listed.at("items").as_array()) {
      if (item.at("amount").is_int64()) asked += item.at("amount").as_int64();
      const std::string status = text_of(item, "status");
      if ((status == "approved" || status == "partly_approved") &&
          item.at("approved_amount").is_int64())
        approved += item.at("approved_amount").as_int64();
    }
    const auto& summary = listed.at("summary");
    EXPECT_EQ(number(summary, "asked"), asked) << filter;
    EXPECT_EQ(number(summary, "approved"), approved) << filter;
    EXPECT_EQ(number(summary, "requests"),
              static_cast<std::int64_t>(listed.at("items").as_array().size()));
  }
  const boost::json::value all = leader.get("/api/v1/support-requests").json().at("summary");
  EXPECT_EQ(number(all, "asked"), 8'700'000);
  EXPECT_EQ(number(all, "approved"), 5'000'000);
  EXPECT_EQ(number(all, "pending"), 1);
}

TEST_P(SupportRequests, EachRoleDoesWhatItMayAndBadInputNamesItsField) {
  const std::int64_t activity = youth_activity();
  EXPECT_EQ(as("doanvien").get("/api/v1/support-requests").status, 403);
  EXPECT_EQ(as("doanvien").post("/api/v1/support-requests", ask_body(activity)).status, 403);
  EXPECT_EQ(as("chutichcd").post("/api/v1/support-requests", ask_body(activity)).status, 403)
      << "the trade union's chair does not ask for the youth union";
  EXPECT_EQ(anonymous().get("/api/v1/support-requests").status, 401);

  Client& secretary = as("bithudoan");
  const Reply as_text = secretary.post("/api/v1/support-requests", ask_body(activity, "\"5tr\""));
  EXPECT_EQ(as_text.status, 422);
  EXPECT_EQ(text_of(as_text.json(), "field"), "amount");
  const Reply zero = secretary.post("/api/v1/support-requests", ask_body(activity, "0"));
  EXPECT_EQ(zero.code(), "support.amount_invalid");
  EXPECT_EQ(text_of(zero.json(), "field"), "amount");
  const Reply huge =
      secretary.post("/api/v1/support-requests", ask_body(activity, "1000000000000000"));
  EXPECT_EQ(huge.code(), "money.too_large");
  const Reply nothing = secretary.post(
      "/api/v1/support-requests",
      fmt::format(R"({{"organization_id":{},"title":"Hỗ trợ"}})", organization_id("DTN")));
  EXPECT_EQ(nothing.code(), "support.nothing_asked");
  const Reply unknown = secretary.post(
      "/api/v1/support-requests",
      fmt::format(R"({{"organization_id":{},"title":"Xe","transport":true,"colour":"đỏ"}})",
                  organization_id("DTN")));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(text_of(unknown.json(), "field"), "colour");
  EXPECT_EQ(secretary.get("/api/v1/support-requests?status=maybe").status, 422);

  const Reply general = secretary.post(
      "/api/v1/support-requests",
      fmt::format(R"({{"organization_id":{},"title":"Xe đi dã ngoại","transport":true}})",
                  organization_id("DTN")));
  ASSERT_EQ(general.status, 201) << general.body;
  EXPECT_TRUE(general.json().at("activity_id").is_null());
  const std::string path = fmt::format("/api/v1/support-requests/{}", number(general.json(), "id"));
  EXPECT_EQ(as("chutichcd").get(path).status, 404) << "another organization's request";
  EXPECT_EQ(as("chutichcd").get("/api/v1/support-requests").json().at("total").as_int64(), 0);
  EXPECT_EQ(as("lanhdao").post(path + "/withdraw", "{}").status, 403);
  EXPECT_EQ(as("quantri").get(path).status, 200);
  const Reply no_decision = as("lanhdao").post(path + "/decision", "{}");
  EXPECT_EQ(no_decision.code(), "field.required");
  EXPECT_EQ(text_of(no_decision.json(), "field"), "decision");
}

INSTANTIATE_TEST_SUITE_P(Engines, SupportRequests, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
