// Engagement over HTTP on the demo agency, on SQLite and PostgreSQL: the numbers a leader reads
// add up (the total row is the organizations' rows summed, each rate is its own counts' ratio),
// each number's drill-down lists exactly that many people, who may read what, bad parameters named,
// a person's score in words, the organizations that work together, and invitations.

#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "core/instant_text.hpp"
#include "http/api_support.hpp"
#include "support/openpyxl_sheet.hpp"
#include "support/temp_dir.hpp"

namespace dk::http::testing {
namespace {

class Engagement : public ApiTest {
 protected:
  boost::json::object read(Client& client, const std::string& query = "") {
    const Reply reply = client.get("/api/v1/engagement" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.json().as_object() : boost::json::object{};
  }
  // Every person behind a number, through the pages.
  std::int64_t count_people(Client& client, std::int64_t organization, const std::string& crowd) {
    std::int64_t counted = 0;
    for (std::int64_t offset = 0;; offset += 7) {
      const Reply page = client.get(
          fmt::format("/api/v1/engagement/people?organization={}&crowd={}&limit=7&offset={}",
                      organization, crowd, offset));
      EXPECT_EQ(page.status, 200) << page.body;
      if (page.status != 200) return -1;
      counted += static_cast<std::int64_t>(page.json().at("items").as_array().size());
      if (!page.json().at("more").as_bool()) return counted;
    }
  }
};

std::int64_t number(const boost::json::value& measures, const char* field) {
  return measures.at(field).as_int64();
}

TEST_P(Engagement, TheLeadershipsNumbersAddUpAndEachHasItsPeople) {
  Client& leader = as("lanhdao");
  const auto overview = read(leader);
  EXPECT_EQ(text_of(overview, "definitions"), "2026.1");
  const auto& organizations = overview.at("organizations").as_array();
  ASSERT_EQ(organizations.size(), 3u) << "the trade union, the youth union, the lawyers";
  const auto& total = overview.at("total").at("year");
  for (const char* field : {"members", "reached", "repeat", "core", "never", "attended", "expected",
                            "lapsed", "gone_quiet"}) {
    std::int64_t sum = 0;
    for (const auto& organization : organizations) sum += number(organization.at("year"), field);
    EXPECT_EQ(number(total, field), sum) << field;
  }
  for (const auto& organization : organizations) {
    const auto& year = organization.at("year");
    const std::int64_t id = organization.at("id").as_int64();
    EXPECT_EQ(number(year, "reached") + number(year, "never"), number(year, "members"));
    EXPECT_LE(number(year, "core"), number(year, "repeat"));
    EXPECT_LE(number(year, "repeat"), number(year, "reached"));
    const double percent = year.at("participation_percent").to_number<double>();
    const auto reached = static_cast<double>(number(year, "reached"));
    const auto members = static_cast<double>(number(year, "members"));
    EXPECT_DOUBLE_EQ(percent, std::round(1000.0 * reached / members) / 10.0);
    std::int64_t monthly_max = 0;
    for (const auto& month : year.at("reached_in_month").as_array())
      monthly_max = std::max(monthly_max, month.as_int64());
    EXPECT_LE(monthly_max, number(year, "reached"));
    for (const char* crowd : {"reached", "never", "repeat", "core", "gone-quiet"}) {
      const std::string field = crowd == std::string("gone-quiet") ? "gone_quiet" : crowd;
      EXPECT_EQ(count_people(leader, id, crowd), number(year, field.c_str()))
          << crowd << " of " << text_of(organization, "code");
    }
  }
  // A kind: sports' reach is a part of everyone's.
  const auto sports = read(leader, "?kind=sports");
  EXPECT_TRUE(sports.at("total").at("year").at("expected").is_null());
  EXPECT_LE(number(sports.at("total").at("year"), "reached"), number(total, "reached"));
}

// The table downloaded as a spreadsheet holds the numbers on screen, its total row the sum of the
// organizations' rows (openpyxl reads it, as a spreadsheet program would).
TEST_P(Engagement, TheTableAsASpreadsheetHoldsTheSameNumbers) {
  Client& leader = as("lanhdao");
  const auto overview = read(leader);
  const Reply reply = leader.get("/api/v1/engagement/export?table=organizations");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.headers.at("x-row-count"), "4") << "three organizations and the total";
  dk::testing::TempDir folder;
  const auto path = folder / "tham-gia.xlsx";
  std::ofstream(path, std::ios::binary) << reply.body;
  const auto sheet = dk::testing::read_with_openpyxl(path);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->at("A1").value, "Tổ chức");
  EXPECT_EQ(sheet->at("C1").value, "Đã tham gia");
  std::int64_t reached = 0;
  const auto& organizations = overview.at("organizations").as_array();
  for (std::size_t index = 0; index < organizations.size(); ++index) {
    const std::string line = std::to_string(index + 2);
    EXPECT_EQ(sheet->at("A" + line).value, text_of(organizations[index], "name"));
    EXPECT_EQ(sheet->at("C" + line).type, "int");
    EXPECT_EQ(std::stoll(sheet->at("C" + line).value),
              number(organizations[index].at("year"), "reached"));
    reached += std::stoll(sheet->at("C" + line).value);
  }
  EXPECT_EQ(sheet->at("A5").value, "Tổng cộng");
  EXPECT_EQ(std::stoll(sheet->at("C5").value), reached);
  EXPECT_EQ(leader.get("/api/v1/engagement/export?table=pies").status, 422);
  EXPECT_EQ(as("doanvien").get("/api/v1/engagement/export").status, 403);
}

TEST_P(Engagement, OfficersSeeTheirOwnMembersNothingAndBadParametersAreNamed) {
  const auto own = read(as("chutichcd"));
  ASSERT_EQ(own.at("organizations").as_array().size(), 1u);
  EXPECT_EQ(text_of(own.at("organizations").as_array().front(), "code"), "CD");
  EXPECT_EQ(as("doanvien").get("/api/v1/engagement").status, 403);
  EXPECT_EQ(as("chutichcd")
                .get(fmt::format("/api/v1/engagement?organization={}", organization_id("DTN")))
                .status,
            403);
  Client& leader = as("lanhdao");
  EXPECT_EQ(leader.get("/api/v1/engagement?year=1999").code(), "engagement.year_out_of_range");
  EXPECT_EQ(leader.get("/api/v1/engagement?kind=chess").status, 422);
  EXPECT_EQ(leader.get("/api/v1/engagement?quiet_days=3").code(),
            "engagement.quiet_days_out_of_range");
  EXPECT_EQ(leader.get("/api/v1/engagement/people?crowd=reached").code(),
            "engagement.organization_required");
  EXPECT_EQ(leader
                .get(fmt::format("/api/v1/engagement/people?organization={}&crowd=everyone",
                                 organization_id("CD")))
                .status,
            422);
}

TEST_P(Engagement, APersonsScoreInWordsAndWhoWorksWithWhom) {
  Client& member = as("doanvien");
  const std::int64_t self = member.get("/api/v1/session").json().at("person_id").as_int64();
  const Reply mine = member.get(fmt::format("/api/v1/people/{}/engagement", self));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_GE(mine.json().at("score").as_int64(), 0);
  EXPECT_LE(mine.json().at("score").as_int64(), 100);
  EXPECT_FALSE(text_of(mine.json(), "explanation").empty());
  const std::int64_t leader =
      as("lanhdao").get("/api/v1/session").json().at("person_id").as_int64();
  EXPECT_EQ(member.get(fmt::format("/api/v1/people/{}/engagement", leader)).status, 403);

  const Reply pairs = as("lanhdao").get("/api/v1/engagement/coordination");
  ASSERT_EQ(pairs.status, 200) << pairs.body;
  const boost::json::value answer = pairs.json();
  EXPECT_EQ(answer.at("pairs").as_array().size(), 3u) << "every pair of three";
  for (const auto& pair : answer.at("pairs").as_array()) {
    const Reply joint = as("lanhdao").get(
        fmt::format("/api/v1/engagement/coordination/activities?first={}&second={}",
                    pair.at("first").as_int64(), pair.at("second").as_int64()));
    ASSERT_EQ(joint.status, 200) << joint.body;
    EXPECT_EQ(static_cast<std::int64_t>(joint.json().at("items").as_array().size()),
              pair.at("activities").as_int64());
  }
  EXPECT_EQ(as("chutichcd").get("/api/v1/engagement/coordination").status, 403);
}

TEST_P(Engagement, AnOfficerInvitesTheGoneQuietToAnUpcomingActivity) {
  Client& chair = as("chutichcd");
  const std::int64_t union_id = organization_id("CD");
  const auto starts = dk::testing::test_now() + std::chrono::hours(24 * 3);
  Reply created = chair.post(
      "/api/v1/activities",
      fmt::format(
          R"({{"kind":"sports","title":"Giao lưu cầu lông","starts_at":"{}","ends_at":"{}",)"
          R"("organizer_ids":[{}]}})",
          format_instant(starts), format_instant(starts + std::chrono::hours(2)), union_id));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t activity = created.json().at("id").as_int64();
  ASSERT_EQ(
      chair.post(fmt::format("/api/v1/activities/{}/status", activity), R"({"status":"published"})")
          .status,
      200);
  const Reply everyone = chair.get(
      fmt::format("/api/v1/engagement/people?organization={}&crowd=members&limit=2", union_id));
  ASSERT_EQ(everyone.status, 200) << everyone.body;
  const boost::json::value listed = everyone.json();
  const auto& two = listed.at("items").as_array();
  ASSERT_EQ(two.size(), 2u);
  const std::string body = fmt::format(R"({{"person_ids":[{},{}]}})", two[0].at("id").as_int64(),
                                       two[1].at("id").as_int64());
  const std::string path = fmt::format("/api/v1/activities/{}/invitations", activity);
  Reply invited = chair.post(path, body);
  ASSERT_EQ(invited.status, 200) << invited.body;
  EXPECT_EQ(invited.json().at("new").as_int64(), 2);
  EXPECT_EQ(chair.post(path, body).json().at("new").as_int64(), 0) << "invited once";
  EXPECT_EQ(as("doanvien").post(path, body).status, 403);
  EXPECT_EQ(chair.post(path, R"({"person_ids":[]})").code(), "invitation.people_count");

  // The member sees the invitation in the app until they register.
  Client& member = as("doanvien");
  const std::int64_t self = member.get("/api/v1/session").json().at("person_id").as_int64();
  ASSERT_EQ(chair.post(path, fmt::format(R"({{"person_ids":[{}]}})", self)).status, 200);
  const Reply invitations = member.get("/api/v1/invitations");
  ASSERT_EQ(invitations.status, 200) << invitations.body;
  const boost::json::value mine = invitations.json();
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  const auto& invitation = mine.at("items").as_array().front();
  EXPECT_EQ(invitation.at("activity_id").as_int64(), activity);
  EXPECT_EQ(text_of(invitation, "title"), "Giao lưu cầu lông");
  EXPECT_EQ(text_of(invitation, "invited_by"), "Hồ Thị Thanh Hà");
  ASSERT_EQ(member.post(fmt::format("/api/v1/activities/{}/registrations", activity), "{}").status,
            200);
  EXPECT_TRUE(member.get("/api/v1/invitations").json().at("items").as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, Engagement, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
