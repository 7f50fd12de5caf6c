#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace dk::store {
namespace {

class MigrationsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MigrationsTest, BringsAFreshDatabaseToTheNewestVersion) {
  testing::TestDatabase database(GetParam());
  DK_REQUIRE_DATABASE(database);
  auto connection = database.open();
  ASSERT_TRUE(connection);
  auto version = schema_version(*connection);
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, migrations_for(connection->engine()).back().version);
}

TEST_P(MigrationsTest, ReopeningAppliesNothingTwice) {
  testing::TestDatabase database(GetParam());
  DK_REQUIRE_DATABASE(database);
  ASSERT_TRUE(database.open());
  auto connection = database.open();
  ASSERT_TRUE(connection);
  auto rows = query_integer(*connection, "SELECT count(*) FROM schema_version");
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->value_or(0),
            static_cast<std::int64_t>(migrations_for(connection->engine()).size()));
}

TEST_P(MigrationsTest, RefusesADatabaseFromANewerProgram) {
  testing::TestDatabase database(GetParam());
  DK_REQUIRE_DATABASE(database);
  {
    auto connection = database.open();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->execute_script(
        "INSERT INTO schema_version (version, name) VALUES (9999, 'future')"));
  }
  auto reopened = open_database(database.target());
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, "store.schema_too_new");
  EXPECT_NE(reopened.error().message.vi.find("9999"), std::string::npos);
}

// The two engines' schemas move together: the same numbers with the same names, none missing or
// skipped, so that a database on either engine at version N has the same tables.
TEST(Migrations, BothEnginesHoldTheSameNumberedMigrations) {
  const auto sqlite = migrations_for(Engine::sqlite);
  const auto postgres = migrations_for(Engine::postgres);
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgres.size()) << "one engine has a migration the other lacks";
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1) << "numbered from 1 without gaps";
    EXPECT_EQ(postgres[i].version, sqlite[i].version);
    EXPECT_EQ(postgres[i].name, sqlite[i].name) << "migration " << sqlite[i].version;
    EXPECT_FALSE(sqlite[i].sql.empty());
    EXPECT_FALSE(postgres[i].sql.empty());
  }
}

TEST(SqliteOpen, RefusesAFileThatIsNotADatabase) {
  testing::TestDatabase database("sqlite");
  const auto path = database.folder() / "not-a-db.db";
  {
    std::FILE* file = std::fopen(path.c_str(), "w");
    std::fputs("Họ và tên,Ngày sinh\nthis is a CSV, not a database\n", file);
    std::fclose(file);
  }
  auto opened = open_database(path.string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::unavailable);
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrationsTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
