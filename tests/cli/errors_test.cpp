// Exit codes (src/cli/exit_code.hpp, documented for scripts) and the messages that go with them:
// every mistake gets a clear message, and nothing is lost.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "cli/exit_code.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// Global options work after the command as well as before it, as docs/cli.md says.
TEST(CliUsage, GlobalOptionsMayFollowTheCommand) {
  TempDir dir;
  const std::string db = (dir / "after.db").string();
  const CliRun demo = run_doanket({"demo", "--db", db});
  ASSERT_EQ(demo.exit_code, kSuccess) << describe(demo);
  const CliRun units = run_doanket({"units", "list", "--db", db, "--lang", "en"});
  ASSERT_EQ(units.exit_code, kSuccess) << describe(units);
  EXPECT_THAT(units.out, HasSubstr("Phòng Bổ trợ tư pháp"));
  EXPECT_THAT(units.out, HasSubstr("Unit")) << "--lang en after the command is obeyed";
}

// Usage errors are found before any database is opened.
TEST(CliUsage, UnknownCommandsAndOptionsAreUsageErrors) {
  TempDir dir;
  const std::string db = (dir / "x.db").string();
  const CliRun unknown = run_doanket({"--db", db, "bogus"});
  EXPECT_EQ(unknown.exit_code, kUsage) << describe(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("bogus")) << "the message names what was not understood";
  EXPECT_THAT(unknown.err, HasSubstr("doanket --help"));

  const CliRun unknown_sub = run_doanket({"--db", db, "members", "lsit"});
  EXPECT_EQ(unknown_sub.exit_code, kUsage) << describe(unknown_sub);
  EXPECT_THAT(unknown_sub.err, HasSubstr("lsit"));

  const CliRun format = run_doanket({"--db", db, "members", "list", "--format", "pdf"});
  EXPECT_EQ(format.exit_code, kUsage) << describe(format);
  EXPECT_THAT(format.err, AllOf(HasSubstr("pdf"), HasSubstr("--format")));

  const CliRun language = run_doanket({"--db", db, "--lang", "fr", "members", "list"});
  EXPECT_EQ(language.exit_code, kUsage) << describe(language);

  const CliRun no_file = run_doanket({"--db", db, "import", "members"});
  EXPECT_EQ(no_file.exit_code, kUsage) << describe(no_file);
  EXPECT_THAT(no_file.err, HasSubstr("FILE"));

  const CliRun nothing = run_doanket({"--db", db});
  EXPECT_EQ(nothing.exit_code, kUsage) << describe(nothing);

  EXPECT_FALSE(std::filesystem::exists(db)) << "a usage error opens no database";

  const CliRun version = run_doanket({"--version"});
  EXPECT_EQ(version.exit_code, kSuccess) << describe(version);
  EXPECT_THAT(version.out, HasSubstr("doanket 0.1.0"));
  const CliRun help = run_doanket({"--help"});
  EXPECT_EQ(help.exit_code, kSuccess) << describe(help);
  EXPECT_THAT(help.out, AllOf(HasSubstr("import"), HasSubstr("members"), HasSubstr("demo")));
}

TEST(CliUsage, AFileThatIsNotADatabaseIsRefusedAndLeftAlone) {
  TempDir dir;
  const auto path = dir / "ghi-chu.txt";
  const std::string text = "Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n";
  write_file(path, text);
  for (const char* command : {"members", "demo"}) {
    std::vector<std::string> args = {"--db", path.string(), command};
    if (std::string(command) == "members") args.push_back("list");
    const CliRun run = run_doanket(args);
    EXPECT_EQ(run.exit_code, kUnavailable) << describe(run);
    EXPECT_THAT(run.err, HasSubstr("“" + path.string() + "” không phải là cơ sở dữ liệu"));
  }
  const CliRun english = run_doanket({"--db", path.string(), "--lang", "en", "agency", "show"});
  EXPECT_EQ(english.exit_code, kUnavailable) << describe(english);
  EXPECT_THAT(english.err, HasSubstr("is not a Đoàn Kết (SQLite) database"));
  EXPECT_EQ(read_file(path), text) << "the file is not touched";

  const CliRun no_folder = run_doanket({"--db", (dir / "khong-co" / "x.db").string(), "init"});
  EXPECT_EQ(no_folder.exit_code, kUnavailable) << describe(no_folder);
  EXPECT_THAT(no_folder.err, HasSubstr((dir / "khong-co" / "x.db").string()));

  const CliRun server = run_doanket({"--db", "postgresql://nobody@127.0.0.1:1/none", "init"});
  EXPECT_EQ(server.exit_code, kUnavailable) << describe(server);
  EXPECT_THAT(server.err, HasSubstr("PostgreSQL"));
}

class ErrorsTest : public CliTest {};

TEST_P(ErrorsTest, AnEmptyDatabaseSaysHowToBegin) {
  const CliRun run = doanket({"members", "list"});
  EXPECT_EQ(run.exit_code, kNotFound) << describe(run);
  EXPECT_THAT(run.err, HasSubstr("doanket demo"));
}

TEST_P(ErrorsTest, AnUnknownOrganizationIsNamed) {
  load_demo();
  write_file(files_ / "ds.csv", csv_bytes(standard_people()));
  const CliRun import =
      doanket({"import", "members", (files_ / "ds.csv").string(), "--org", "KHONGCO"});
  EXPECT_EQ(import.exit_code, kNotFound) << describe(import);
  EXPECT_THAT(import.err, HasSubstr("Không có tổ chức mã “KHONGCO”"));
  EXPECT_THAT(import.out, IsEmpty());
  EXPECT_EQ(members().size(), 60u) << "nothing imported";

  const CliRun list = doanket({"--lang", "en", "members", "list", "--org", "KHONGCO"});
  EXPECT_EQ(list.exit_code, kNotFound) << describe(list);
  EXPECT_THAT(list.err, HasSubstr("There is no organization with code “KHONGCO”"));
  const CliRun csv = doanket({"members", "list", "--org", "KHONGCO", "--format", "csv"});
  EXPECT_EQ(csv.exit_code, kNotFound) << describe(csv);
  const CliRun agency = doanket({"--agency", "KHONGCO", "members", "list"});
  EXPECT_EQ(agency.exit_code, kNotFound) << describe(agency);
  EXPECT_THAT(agency.err, HasSubstr("KHONGCO"));
}

TEST_P(ErrorsTest, AMissingInputFileIsNamed) {
  load_demo();
  const auto missing = files_ / "khong-co.csv";
  const CliRun run = doanket({"import", "members", missing.string()});
  EXPECT_EQ(run.exit_code, kUnavailable) << describe(run);
  EXPECT_THAT(run.err, HasSubstr("Không tìm thấy tệp “" + missing.string() + "”"));
  const CliRun english = doanket({"--lang", "en", "import", "members", missing.string()});
  EXPECT_THAT(english.err, HasSubstr("The file “" + missing.string() + "” does not exist"));
  const CliRun folder = doanket({"import", "members", files_.path().string()});
  EXPECT_EQ(folder.exit_code, kUnavailable) << describe(folder);
  EXPECT_THAT(folder.err, HasSubstr("thư mục"));
  write_file(files_ / "rong.csv", "");
  const CliRun empty = doanket({"import", "members", (files_ / "rong.csv").string()});
  EXPECT_EQ(empty.exit_code, kInvalidInput) << describe(empty);
  EXPECT_THAT(empty.err, HasSubstr("Tệp không có dòng nào"));
  EXPECT_EQ(members().size(), 60u);
}

TEST_P(ErrorsTest, AnExportThatCannotBeWrittenSaysWhere) {
  load_demo();
  const auto nowhere = files_ / "khong-co" / "ds.csv";
  const CliRun csv = doanket({"members", "list", "--format", "csv", "-o", nowhere.string()});
  EXPECT_EQ(csv.exit_code, kUnavailable) << describe(csv);
  EXPECT_THAT(csv.err, HasSubstr(nowhere.string()));
  const auto nowhere_xlsx = files_ / "khong-co" / "ds.xlsx";
  const CliRun xlsx = doanket({"members", "list", "--format", "xlsx", "-o", nowhere_xlsx.string()});
  EXPECT_EQ(xlsx.exit_code, kUnavailable) << describe(xlsx);
  EXPECT_THAT(xlsx.err, HasSubstr(nowhere_xlsx.string()));
}

TEST_P(ErrorsTest, ListsAreReadableWorkbooksAndExcelCsv) {
  load_demo();
  const auto path = files_ / "danh-sach.xlsx";
  const CliRun xlsx = ok({"members", "list", "--format", "xlsx", "-o", path.string()});
  EXPECT_THAT(xlsx.out, IsEmpty());
  const Rows rows = read_table_file(path);
  ASSERT_EQ(rows.size(), 61u);
  EXPECT_EQ(rows[0][1], "Họ và tên");
  const auto names = names_of(members());
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(rows[i + 1][1], names[i]);

  const CliRun csv = ok({"members", "list", "--format", "csv"});
  EXPECT_THAT(csv.out, StartsWith("\xEF\xBB\xBFSTT,"));
  EXPECT_EQ(csv.out.find("\n"), csv.out.find("\r\n") + 1);
  // The same cells (an XLSX row simply ends where its last non-empty cell is).
  auto trimmed = [](Rows table) {
    for (auto& row : table) {
      while (!row.empty() && row.back().empty()) row.pop_back();
    }
    return table;
  };
  EXPECT_EQ(trimmed(read_csv_text(csv.out)), trimmed(rows));
}

INSTANTIATE_TEST_SUITE_P(Engines, ErrorsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
