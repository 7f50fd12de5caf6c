// The registry's commands change data through the same use cases as the web API: the same checks
// (names, a code already taken, a cycle among superiors), the same errors, and an audit entry that
// says the change came from the command line.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "cli/exit_code.hpp"
#include "store/sql.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;

class RegistryCommandsTest : public CliTest {
 protected:
  // The audit log's newest entries as "action entity address account", read behind the binary.
  std::vector<std::string> audit_lines() {
    auto connection = store::open_database(database_->target());
    EXPECT_TRUE(connection.has_value());
    std::vector<std::string> lines;
    auto read = (*connection)
                    ->query(
                        "SELECT action, entity, address, COALESCE(CAST(account_id AS TEXT), "
                        "'none') FROM audit_log ORDER BY id DESC",
                        {}, [&](const store::SqlRow& row) -> Status {
                          lines.push_back(row.text(0) + " " + row.text(1) + " " + row.text(2) +
                                          " " + row.text(3));
                          return {};
                        });
    EXPECT_TRUE(read.has_value());
    return lines;
  }
};

TEST_P(RegistryCommandsTest, AnOrganizationAddedIsAuditedAsFromTheCommandLine) {
  create_empty_agency();
  const CliRun added = ok({"orgs", "add", "--code", "CHLG", "--name", "Chi hội Luật gia", "--kind",
                           "lawyers-association", "--superior", "CD"});
  EXPECT_THAT(added.out, HasSubstr("Đã thêm tổ chức Chi hội Luật gia"));
  EXPECT_THAT(ok({"orgs", "list"}).out, HasSubstr("Chi hội Luật gia"));
  const auto audit = audit_lines();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front(), "create organization command-line none");
}

TEST_P(RegistryCommandsTest, ACodeAlreadyTakenIsRefusedAsTheApiRefusesIt) {
  create_empty_agency();
  const auto before = audit_lines();
  const CliRun duplicate =
      doanket({"orgs", "add", "--code", "CD", "--name", "Công đoàn khác", "--kind", "trade-union"});
  EXPECT_EQ(duplicate.exit_code, kConflict) << describe(duplicate);
  EXPECT_THAT(duplicate.err, HasSubstr("Đã có tổ chức mã “CD”."));
  const CliRun english = doanket({"--lang", "en", "orgs", "add", "--code", "CD", "--name",
                                  "Another union", "--kind", "trade-union"});
  EXPECT_THAT(english.err, HasSubstr("There is already an organization with code “CD”."));
  EXPECT_EQ(audit_lines(), before) << "a refused change leaves no audit entry";

  const CliRun blank = doanket({"orgs", "add", "--code", "X", "--name", "   ", "--kind", "other"});
  EXPECT_EQ(blank.exit_code, kInvalidInput) << describe(blank);
  EXPECT_THAT(blank.err, HasSubstr("không được để trống"));
}

TEST_P(RegistryCommandsTest, ACycleAmongSuperiorsIsRefused) {
  create_empty_agency();
  ok({"orgs", "add", "--code", "CDB", "--name", "Công đoàn bộ phận", "--kind", "trade-union",
      "--superior", "CD"});
  const CliRun cycle = doanket({"orgs", "update", "--code", "CD", "--superior", "CDB"});
  EXPECT_EQ(cycle.exit_code, kInvalidInput) << describe(cycle);
  EXPECT_THAT(cycle.err, HasSubstr("Một tổ chức không thể là cấp trên của chính nó."));
  const CliRun itself = doanket({"orgs", "update", "--code", "CD", "--superior", "CD"});
  EXPECT_EQ(itself.exit_code, kInvalidInput) << describe(itself);

  const CliRun renamed = ok({"orgs", "update", "--code", "CDB", "--name", "Tổ Công đoàn"});
  EXPECT_THAT(renamed.out, HasSubstr("Đã sửa tổ chức Tổ Công đoàn"));
  EXPECT_EQ(audit_lines().front(), "update organization command-line none");
}

TEST_P(RegistryCommandsTest, AnAgencyAndAUnitAreCheckedAndAudited) {
  create_empty_agency();
  const CliRun taken = doanket({"agency", "add", "--code", "STP-HT", "--name", "Sở khác"});
  EXPECT_EQ(taken.exit_code, kConflict) << describe(taken);
  EXPECT_THAT(taken.err, HasSubstr("Đã có cơ quan mã “STP-HT”."));
  ok({"agency", "add", "--code", "STC-HT", "--name", "Sở Tài chính Hà Tĩnh"});
  // Each agency numbers its own audit log, so the two entries are looked for, not ordered.
  EXPECT_THAT(audit_lines(), Contains("create agency command-line none"));
  ok({"--agency", "STP-HT", "units", "add", "--name", "Phòng Mới", "--code", "PM"});
  EXPECT_THAT(audit_lines(), Contains("create unit command-line none"));
  const CliRun again = doanket({"--agency", "STP-HT", "units", "add", "--name", "Phòng Mới"});
  EXPECT_NE(again.exit_code, kSuccess) << describe(again);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryCommandsTest,
                         ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
