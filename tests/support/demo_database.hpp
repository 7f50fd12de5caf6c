#pragma once
// The demo agency in a test's fresh database, as `doanket demo` writes it, without writing it anew
// for every test: the first test of a build and a clock instant that needs it keeps a copy (an
// SQLite file in the temporary folder, a template database on the test PostgreSQL server) and
// the others start from that copy. Loading the demo under the sanitizers took most of each API
// test's time. `doanket demo` itself is tested by tests/cli/demo_test.cpp, which loads it anew.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace dk::testing {

// What the demo depends on: the binary (path, size, time of change) and the instant and zone it
// runs at. A new build or another clock instant gets its own copy.
inline std::string demo_key(const std::string& binary) {
  struct stat file {};
  if (stat(binary.c_str(), &file) != 0) return "";
  const char* now = std::getenv("DOANKET_TEST_NOW");
  const char* zone = std::getenv("TZ");
  const std::string identity = binary + "|" + std::to_string(file.st_size) + "|" +
                               std::to_string(file.st_mtim.tv_sec) + "." +
                               std::to_string(file.st_mtim.tv_nsec) + "|" + (now ? now : "") + "|" +
                               (zone ? zone : "");
  return "dk_demo_" + std::to_string(std::hash<std::string>{}(identity));
}

// Fills `database`, fresh as TestDatabase made it, with the demo agency. `load` runs `doanket demo`
// on it and says whether that succeeded; it runs only when no copy is kept yet.
inline bool fill_with_demo(TestDatabase& database, const std::string& binary,
                           const std::function<bool()>& load) {
  const std::string key = demo_key(binary);
  if (key.empty()) return load();
  namespace fs = std::filesystem;
  if (!database.folder().empty()) {  // SQLite: a file beside the others
    const fs::path kept = fs::temp_directory_path() / "doanket-demo-cache" / (key + ".db");
    std::error_code error;
    if (fs::exists(kept) && fs::copy_file(kept, database.target(), error)) return true;
    if (!load()) return false;
    // Kept only when the file is whole on its own (no write-ahead log left beside it); written
    // under another name and renamed, so that another test never copies half a file.
    if (fs::exists(database.target() + "-wal")) return true;
    fs::create_directories(kept.parent_path(), error);
    const fs::path partial = kept.string() + "." + unique_name("part");
    if (fs::copy_file(database.target(), partial, error)) fs::rename(partial, kept, error);
    if (error) fs::remove(partial, error);
    return true;
  }
  if (database.clone_from(key)) return true;
  if (!load()) return false;
  database.keep_as(key);
  return true;
}

}  // namespace dk::testing
