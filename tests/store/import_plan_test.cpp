// The import of a member list stays linear in its length on SQLite: its lookups of someone by name
// and birth date (every row of a list without CCCDs makes one) probe the name-and-birth index.
// Without it SQLite answered `min(id)` by walking the whole registry in id order, once per row:
// 10,000 rows took 5 s and 40,000 over 100 s. The plan is what decides it, so the test reads it.

#include <gtest/gtest.h>

#include <string>

#include "store/registry_rows.hpp"
#include "store/registry_store.hpp"
#include "support/test_database.hpp"

namespace dk::store {
namespace {

std::string plan_of(SqlConnection& connection, std::string_view sql) {
  std::string plan;
  const SqlValue params[] = {Id{1}, std::string("nguyen van an"), std::string("1990-01-02"),
                             Id{1000}};
  auto read = connection.query(std::string("EXPLAIN QUERY PLAN ") + std::string(sql), params,
                               [&](const SqlRow& row) -> Status {
                                 plan += row.text(3) + "\n";
                                 return {};
                               });
  EXPECT_TRUE(read) << read.error().message.en;
  return plan;
}

TEST(ImportPlan, LookupsByNameAndBirthDateProbeTheirIndex) {
  testing::TestDatabase database("sqlite");
  auto connection = database.open();
  ASSERT_TRUE(connection);
  for (const std::string_view sql : {kFindByNameWithIdNumber, kFindByNameWithoutIdNumber}) {
    const std::string plan = plan_of(*connection, sql);
    EXPECT_NE(plan.find("USING INDEX persons_name_birth (tenant_id=? AND name_key=? AND "
                        "birth_date=?)"),
              std::string::npos)
        << sql << "\n"
        << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << sql << "\n" << plan;
  }
}

}  // namespace
}  // namespace dk::store
