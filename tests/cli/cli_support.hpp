#pragma once
// Helpers for the CLI suite: run the real `doanket` binary as a user would (capturing what it
// prints, its exit code and its peak memory), build the files an office would import, read what
// the binary lists back, and fold Vietnamese names independently of the code under test.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.hpp"
#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace dk::cli::testing {

// What one run of the binary left behind.
struct CliRun {
  int exit_code = -1;  // 128 + signal when the child was killed
  std::string out;
  std::string err;
  long peak_rss_kib = 0;  // the child's ru_maxrss (Linux: KiB)
};

struct RunOptions {
  // "NAME=value" added to the child's environment; ASAN_OPTIONS is appended to the inherited one.
  std::vector<std::string> environment;
  std::chrono::seconds timeout{120};
};

// Runs build/…/doanket with `args` (after argv[0]); DOANKET_DB and DOANKET_LANG are removed from
// the child's environment so that only the arguments decide.
CliRun run_doanket(const std::vector<std::string>& args, const RunOptions& options = {});

// gtest prints this when an assertion on a run fails.
std::string describe(const CliRun& run);

using dk::testing::TempDir;

using Rows = std::vector<std::vector<std::string>>;

// How an office's program saved a CSV.
struct CsvStyle {
  bool bom = false;
  std::string line_end = "\n";
  char separator = ',';
};
// RFC 4180 bytes: cells holding the separator, a quote or a line break are quoted.
std::string csv_bytes(const Rows& rows, const CsvStyle& style = {});

void write_file(const std::filesystem::path& path, std::string_view bytes);
std::string read_file(const std::filesystem::path& path);

// Every row of a CSV or XLSX file as the product's own reader sees it (fails the test on error).
Rows read_table_file(const std::filesystem::path& path);
// Every row of CSV text.
Rows read_csv_text(const std::string& text);

// One entry of a ZIP (a part of an XLSX), or "" with a test failure.
std::string read_zip_entry(const std::filesystem::path& path, const std::string& name);

// A committed input in tests/data/cli.
std::filesystem::path test_data(std::string_view name);

// Lower case, tones and marks dropped, đ→d: written here from the alphabet, not taken from the
// product, so that the search tests check the product against something independent.
std::string fold(std::string_view text);
// The words of a name, folded.
std::vector<std::string> folded_words(std::string_view name);

// The people `members list --format json` printed.
boost::json::array parse_members(const CliRun& run);
std::vector<std::string> names_of(const boost::json::array& members);
// A text field of a listed person ("" for null).
std::string field(const boost::json::value& member, const char* name);
// A person as a comparable line (everything but the id, which depends on the order of creation).
std::string fingerprint(const boost::json::object& member);
std::vector<std::string> fingerprints(const boost::json::array& members);

// An agency "STP-HT" with the organizations CD (trade union) and DTN (youth union), no people.
void create_empty_agency(const std::string& target);

// A test that owns a fresh database (SQLite, or PostgreSQL when DOANKET_TEST_POSTGRES is set)
// and talks to it only through the binary.
class CliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;

  // `doanket --db <fresh database> args…`
  CliRun doanket(std::vector<std::string> args, const RunOptions& options = {});
  // Runs and expects exit 0.
  CliRun ok(std::vector<std::string> args);
  // `members list --format json` with `filters`; an empty array (and a failure) on error.
  boost::json::array members(std::vector<std::string> filters = {});
  void create_empty_agency();  // in the test's database
  void load_demo();

  std::unique_ptr<dk::testing::TestDatabase> database_;
  TempDir files_;
};

// The header offices write, and five people; the first four have a CCCD, the fifth does not
// (she is matched by name and date of birth).
Rows standard_people();

}  // namespace dk::cli::testing
