// The server's time zone changes nothing a user sees. The agency lives on Vietnam's time
// (UTC+7 all year); a server may run on UTC (a container), on Asia/Ho_Chi_Minh (a machine set up
// in Vietnam) or anywhere. The same server and database restarted under three zones give the
// same answers: an activity late in the evening that ends after midnight, what is coming, the
// dashboard, the year's fund report and a club's sessions.
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/instant_text.hpp"
#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class ServerZone : public ApiTest {};

TEST_P(ServerZone, TheSameAnswersWhateverZoneTheServerRunsIn) {
  // 23:30 today at the agency until 00:30 tomorrow: on UTC it is 16:30, in New York the morning.
  const std::string today = format_iso(dk::testing::test_today());
  const std::string starts = today + "T23:30:00+07:00";
  const std::string ends = format_instant(*parse_instant(starts) + std::chrono::hours(1));
  const std::string trade_union = std::to_string(organization_id("CD"));
  const Reply created =
      as("chutichcd")
          .post(
              "/api/v1/activities",
              fmt::format(
                  R"({{"kind":"meeting","title":"Trực đêm giao thừa","starts_at":"{}","ends_at":"{}","place":"Cổng cơ quan","organizer_ids":[{}],"audience_scope":"everyone","go_ahead_despite_clashes":true}})",
                  starts, ends, trade_union));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string activity =
      fmt::format("/api/v1/activities/{}", created.json().at("id").as_int64());
  ASSERT_EQ(as("chutichcd").post(activity + "/status", R"({"status":"published"})").status, 200);
  const auto clubs = as("chutichcd").get("/api/v1/clubs").json().at("items").as_array();
  ASSERT_FALSE(clubs.empty());
  const std::string sessions =
      fmt::format("/api/v1/clubs/{}/sessions?from={}&to={}", clubs.front().at("id").as_int64(),
                  today, format_iso(add_days(dk::testing::test_today(), 14)));
  const std::vector<std::string> paths{activity, "/api/v1/activities", "/api/v1/dashboard",
                                       "/api/v1/funds/report", sessions};

  std::map<std::string, std::string> first;  // the answers under UTC
  for (const std::string zone : {"UTC", "Asia/Ho_Chi_Minh", "America/New_York"}) {
    SCOPED_TRACE(zone);
    if (zone != "UTC") {
      ASSERT_EQ(stop_server(), 0);
      start_server({"TZ=" + zone});
      clients_.clear();  // sessions survive a restart; fresh sign-ins keep the test simple
    }
    Client& officer = as("chutichcd");
    const Reply shown = officer.get(activity);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(text_of(shown.json(), "starts_at"), starts);
    EXPECT_EQ(text_of(shown.json(), "ends_at"), ends);
    for (const auto& path : paths) {
      const Reply reply = officer.get(path);
      ASSERT_EQ(reply.status, 200) << path << ": " << reply.body;
      if (zone == "UTC") {
        first[path] = reply.body;
      } else {
        EXPECT_EQ(reply.body, first[path]) << path << " differs under " << zone;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerZone, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
