// `doanket engagement refresh` on the demo agency: the summary every reader needs is built at
// once, so that nothing is left for a reader's request to rebuild.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "core/clock.hpp"
#include "store/sql.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::HasSubstr;

class EngagementRefreshTest : public CliTest {
 protected:
  std::optional<std::int64_t> count(std::string_view sql) {
    auto connection = store::open_database(database_->target());
    EXPECT_TRUE(connection.has_value());
    if (!connection) return std::nullopt;
    auto counted = store::query_integer(**connection, sql, {});
    EXPECT_TRUE(counted.has_value());
    return counted ? *counted : std::nullopt;
  }
};

TEST_P(EngagementRefreshTest, BuildsEveryMembersRowsAtOnce) {
  load_demo();
  EXPECT_GT(count("SELECT count(*) FROM engagement_dirty").value_or(0), 0)
      << "the demo's attendance marks its people";
  const CliRun refreshed = ok({"engagement", "refresh"});
  EXPECT_THAT(refreshed.out, HasSubstr("Đã cập nhật số liệu tham gia của Sở Tư pháp Hà Tĩnh"));
  EXPECT_EQ(count("SELECT count(*) FROM engagement_dirty"), 0);
  // Every current membership that began by the end of this year has a row as a member.
  const int year = vietnam_date(dk::testing::test_now()).year;
  EXPECT_EQ(count(fmt::format(
                "SELECT count(*) FROM memberships WHERE status <> 'left' AND (joined_on IS NULL "
                "OR joined_on <= '{}-12-31') AND NOT EXISTS (SELECT 1 FROM engagement_people e "
                "WHERE e.tenant_id = memberships.tenant_id AND e.person_id = "
                "memberships.person_id AND e.organization_id = memberships.organization_id AND "
                "e.member = 1)",
                year)),
            0);
  EXPECT_THAT(ok({"--lang", "en", "engagement", "refresh"}).out,
              HasSubstr("Brought the engagement figures of"));
}

INSTANTIATE_TEST_SUITE_P(Engines, EngagementRefreshTest,
                         ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
