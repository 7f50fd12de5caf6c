#pragma once
// A fresh, empty database for one test: an SQLite file in a temporary folder, or a new database
// on the PostgreSQL server the test command started (DOANKET_TEST_POSTGRES holds its URI).

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "store/postgres/postgres_connection.hpp"
#include "store/sql.hpp"

namespace dk::testing {

inline std::string unique_name(std::string_view prefix) {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::string(prefix) + std::to_string(random()) + "_" + std::to_string(counter++);
}

// The URI of the throwaway PostgreSQL server, or "" when the tests run without one.
inline std::string postgres_server() {
  const char* uri = std::getenv("DOANKET_TEST_POSTGRES");
  return uri ? uri : "";
}

class TestDatabase {
 public:
  // `engine` is "sqlite" or "postgres".
  explicit TestDatabase(const std::string& engine) : engine_(engine) {
    if (engine == "sqlite") {
      folder_ = std::filesystem::temp_directory_path() / unique_name("doanket_test_");
      std::filesystem::create_directories(folder_);
      target_ = (folder_ / "test.db").string();
      return;
    }
    const std::string server = postgres_server();
    if (server.empty()) return;
    name_ = unique_name("dk_test_");
    auto admin = store::open_postgres(server);
    if (!admin) {
      ADD_FAILURE() << "cannot reach the test PostgreSQL server: " << admin.error().message.en;
      return;
    }
    auto created = (*admin)->execute_script("CREATE DATABASE " + name_);
    if (!created) ADD_FAILURE() << "CREATE DATABASE failed: " << created.error().message.en;
    target_ = server.substr(0, server.rfind('/') + 1) + name_;
  }
  ~TestDatabase() {
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    if (!name_.empty()) {
      if (auto admin = store::open_postgres(postgres_server())) {
        (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      }
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // False when PostgreSQL was asked for and no server is configured.
  bool available() const { return !target_.empty(); }
  const std::string& target() const { return target_; }
  const std::filesystem::path& folder() const { return folder_; }

  // PostgreSQL: replaces the (empty) database by a copy of the template database `name`; false
  // when there is no such template (the database is left as it was).
  bool clone_from(const std::string& name) {
    auto admin = store::open_postgres(postgres_server());
    if (!admin) return false;
    const store::SqlValue key[] = {name};
    auto found = store::query_integer(**admin, "SELECT 1 FROM pg_database WHERE datname = $1", key);
    if (!found || !*found) return false;
    if (!(*admin)->execute_script("DROP DATABASE " + name_ + " WITH (FORCE)")) return false;
    if ((*admin)->execute_script("CREATE DATABASE " + name_ + " TEMPLATE " + name)) return true;
    // Another test was copying it at that instant; an empty database as before, and the caller
    // loads it itself.
    (void)(*admin)->execute_script("CREATE DATABASE " + name_);
    return false;
  }
  // PostgreSQL: keeps a copy of this database as the template database `name` (for clone_from),
  // unless another test kept one first. Nothing may be connected to this database meanwhile.
  void keep_as(const std::string& name) {
    auto admin = store::open_postgres(postgres_server());
    if (!admin) return;
    const std::string partial = unique_name("dk_part_");
    if (!(*admin)->execute_script("CREATE DATABASE " + partial + " TEMPLATE " + name_)) return;
    if (!(*admin)->execute_script("ALTER DATABASE " + partial + " RENAME TO " + name))
      (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + partial);
  }

  std::unique_ptr<store::SqlConnection> open() const {
    auto connection = store::open_database(target_);
    if (!connection) {
      ADD_FAILURE() << "cannot open " << target_ << ": " << connection.error().message.en;
      return nullptr;
    }
    return std::move(*connection);
  }

 private:
  std::string engine_;
  std::string target_;
  std::string name_;
  std::filesystem::path folder_;
};

// Engines a contract test runs on; PostgreSQL is skipped only outside the test command, and the
// test command refuses to run without it (CI must never skip it silently).
inline std::vector<std::string> engines() {
  return {"sqlite", "postgres"};
}

#define DK_REQUIRE_DATABASE(database)                                                \
  do {                                                                               \
    if (!(database).available()) GTEST_SKIP() << "DOANKET_TEST_POSTGRES is not set"; \
  } while (false)

}  // namespace dk::testing
