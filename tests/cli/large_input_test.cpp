// Size: a 2 GiB file fails fast in little memory, and the memory a valid import needs does not
// grow with its number of rows. Peak memory is the child's ru_maxrss; under AddressSanitizer the
// quarantine of freed memory is made small, since it would otherwise hold hundreds of MiB that the
// program has already given back.

#include <fcntl.h>
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <fstream>

#include "cli/cli_support.hpp"
#include "cli/exit_code.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr long kMiB = 1024;  // ru_maxrss counts KiB
const RunOptions kMeasured{
    {"ASAN_OPTIONS=quarantine_size_mb=8:thread_local_quarantine_size_kb=256"},
    std::chrono::seconds(300)};

// What the binary itself takes before it reads anything (a debug build with ASan maps over 100 MiB
// of code and shadow memory): the files' cost is measured on top of it.
long baseline_rss_kib() {
  static const long baseline = run_doanket({"--version"}, kMeasured).peak_rss_kib;
  return baseline;
}

// A fresh SQLite database holding one agency.
class SqliteAgency {
 public:
  SqliteAgency() {
    const CliRun created = run_doanket(
        {"--db", path(), "agency", "add", "--code", "STP-HT", "--name", "Sở Tư pháp Hà Tĩnh"});
    EXPECT_EQ(created.exit_code, 0) << describe(created);
  }
  std::string path() const { return (dir_ / "registry.db").string(); }
  CliRun doanket(std::vector<std::string> args, const RunOptions& options = {}) const {
    args.insert(args.begin(), {"--db", path()});
    return run_doanket(args, options);
  }
  size_t people() const {
    const CliRun run = doanket({"members", "list", "--format", "json"});
    EXPECT_EQ(run.exit_code, 0) << describe(run);
    return parse_members(run).size();
  }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
};

// A file of `size` bytes that starts with `head`; past it the disk holds nothing (a sparse file,
// read back as NUL bytes), unless `fill` bytes of 'a' follow the head first.
bool make_sparse_file(const std::filesystem::path& path, std::string_view head, size_t fill,
                      off_t size) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return false;
  bool ok = write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size());
  const std::string block(1 << 16, 'a');
  for (size_t written = 0; ok && written < fill; written += block.size()) {
    ok = write(fd, block.data(), block.size()) == static_cast<ssize_t>(block.size());
  }
  ok = ok && ftruncate(fd, size) == 0;
  close(fd);
  return ok;
}

constexpr off_t kTwoGiB = off_t{2} << 30;

TEST(LargeInput, ATwoGigabyteLineFailsFastInLittleMemoryAndWritesNothing) {
  SqliteAgency database;
  const auto path = database.dir() / "khong-xuong-dong.csv";
  if (!make_sparse_file(path, "Họ và tên,Ngày sinh\nNguyễn Văn An,01/01/1990\n", 4 << 20,
                        kTwoGiB)) {
    GTEST_SKIP() << "this file system cannot hold a sparse 2 GiB file";
  }
  ASSERT_EQ(std::filesystem::file_size(path), static_cast<std::uintmax_t>(kTwoGiB));

  const CliRun run = database.doanket({"import", "members", path.string()}, kMeasured);
  EXPECT_EQ(run.exit_code, kInvalidInput) << describe(run);
  EXPECT_THAT(run.err, AllOf(HasSubstr("dòng 3"), HasSubstr("Dòng dài hơn 1048576 byte")));
  EXPECT_LT(run.peak_rss_kib - baseline_rss_kib(), 32 * kMiB) << describe(run);
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_EQ(database.people(), 0u) << "the good row before it is not written either";

  const CliRun english =
      database.doanket({"--lang", "en", "import", "members", path.string()}, kMeasured);
  EXPECT_EQ(english.exit_code, kInvalidInput) << describe(english);
  EXPECT_THAT(english.err, AllOf(HasSubstr("line 3"), HasSubstr("longer than 1048576 bytes")));
}

TEST(LargeInput, ATwoGigabyteFileOfNulBytesFailsAtItsFirstLine) {
  SqliteAgency database;
  const auto path = database.dir() / "nul.csv";
  if (!make_sparse_file(path, "Họ và tên\nNguyễn", 0, kTwoGiB)) {
    GTEST_SKIP() << "this file system cannot hold a sparse 2 GiB file";
  }
  const CliRun run = database.doanket({"import", "members", path.string()}, kMeasured);
  EXPECT_EQ(run.exit_code, kInvalidInput) << describe(run);
  EXPECT_THAT(run.err, AllOf(HasSubstr("dòng 2"), HasSubstr("NUL")));
  EXPECT_LT(run.peak_rss_kib - baseline_rss_kib(), 32 * kMiB) << describe(run);
  EXPECT_EQ(database.people(), 0u);
}

// `rows` people, each with their own CCCD, as an office's CSV.
void write_member_file(const std::filesystem::path& path, int rows) {
  static constexpr std::array<std::string_view, 8> kFamilies = {"Nguyễn", "Trần",  "Lê",   "Phan",
                                                                "Võ",     "Hoàng", "Đặng", "Bùi"};
  static constexpr std::array<std::string_view, 6> kMiddles = {"Văn",  "Thị", "Đức",
                                                               "Ngọc", "Thu", "Minh"};
  static constexpr std::array<std::string_view, 10> kGivens = {
      "An", "Bình", "Dũng", "Đức", "Hà", "Hương", "Lan", "Long", "Sơn", "Yến"};
  std::ofstream out(path, std::ios::binary);
  std::string buffer =
      "STT,Họ và tên,Ngày sinh,Giới tính,Phòng,Chức vụ,Số điện thoại,Email,Số CCCD\r\n";
  for (int i = 0; i < rows; ++i) {
    const auto n = static_cast<size_t>(i);
    fmt::format_to(
        std::back_inserter(buffer),
        "{},{} {} {},{:02}/{:02}/{},{},Phòng {},Chuyên viên,09{:08},cb{}@x.vn,0420{:08}\r\n", i + 1,
        kFamilies[n % 8], kMiddles[n / 8 % 6], kGivens[n / 48 % 10], 1 + i % 28, 1 + i % 12,
        1960 + i % 40, i % 2 ? "Nữ" : "Nam", i % 12, i, i, i);
    if (buffer.size() > (1 << 20)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer;
  ASSERT_TRUE(out.good());
}

// Ten times the rows may take more memory only for what is bounded whatever the file: the SQLite
// page cache (PRAGMA cache_size = -65536, 64 MiB) fills as the database grows, up to its limit.
// Anything that holds rows (a temporary table in memory, a vector of records) grows past it: at
// 200k rows that is well over 100 MiB more, and this test fails.
TEST(LargeInput, MemoryStaysFlatAsTheFileGrows) {
  constexpr int kSmall = 20'000;
  constexpr int kLarge = 200'000;
  constexpr long kPageCache = 64 * kMiB;
  struct Measure {
    long import_kib = 0;
    long export_kib = 0;
  };
  auto measure = [](int rows) {
    Measure measured;
    SqliteAgency database;
    const auto file = database.dir() / "danh-sach.csv";
    write_member_file(file, rows);
    const CliRun imported = database.doanket({"import", "members", file.string()}, kMeasured);
    EXPECT_EQ(imported.exit_code, 0) << describe(imported);
    EXPECT_THAT(imported.out,
                HasSubstr(fmt::format("Đã nhập: {} người mới, 0 trùng với người đã có, 0 dòng "
                                      "bị loại. Đơn vị mới: 12.",
                                      rows)));
    measured.import_kib = imported.peak_rss_kib;
    // The last row is there, as written.
    const CliRun last = database.doanket(
        {"members", "list", "--format", "json", "--search", fmt::format("0420{:08}", rows - 1)});
    const auto found = parse_members(last);
    EXPECT_EQ(found.size(), 1u);
    if (!found.empty()) {
      EXPECT_EQ(field(found[0], "phone"), fmt::format("09{:08}", rows - 1));
    }
    // And the export streams too.
    const auto exported = database.dir() / "xuat.csv";
    const CliRun listed = database.doanket(
        {"members", "list", "--format", "csv", "-o", exported.string()}, kMeasured);
    EXPECT_EQ(listed.exit_code, 0) << describe(listed);
    measured.export_kib = listed.peak_rss_kib;
    std::ifstream in(exported, std::ios::binary);
    size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    EXPECT_EQ(lines, static_cast<size_t>(rows) + 1);
    return measured;
  };
  const Measure small = measure(kSmall);
  const Measure large = measure(kLarge);
  for (const auto& [name, value] : {std::pair{"import_peak_rss_kib_small", small.import_kib},
                                    std::pair{"import_peak_rss_kib_large", large.import_kib},
                                    std::pair{"export_peak_rss_kib_small", small.export_kib},
                                    std::pair{"export_peak_rss_kib_large", large.export_kib}}) {
    RecordProperty(name, std::to_string(value));
  }
  EXPECT_LE(large.import_kib, small.import_kib * 3 / 2 + kPageCache)
      << "import: " << small.import_kib / kMiB << " MiB for " << kSmall << " rows, "
      << large.import_kib / kMiB << " MiB for " << kLarge;
  EXPECT_LE(large.export_kib, small.export_kib * 3 / 2 + kPageCache)
      << "export: " << small.export_kib / kMiB << " MiB for " << kSmall << " rows, "
      << large.export_kib / kMiB << " MiB for " << kLarge;
}

}  // namespace
}  // namespace dk::cli::testing
