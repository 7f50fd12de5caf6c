#include "cli/app.hpp"

#include <cstdlib>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/process_clock.hpp"

namespace dk::cli {

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Context context;
  context.out = &out;
  context.err = &err;
  if (const char* database = std::getenv("DOANKET_DB"); database && *database)
    context.database = database;
  if (const char* language = std::getenv("DOANKET_LANG");
      language && std::string_view(language) == "en") {
    context.language = "en";
  }
  auto clock = process_clock();
  if (!clock) return context.report(clock.error());
  context.clock = std::move(*clock);

  CLI::App app{"Đoàn Kết — quản lý tổ chức đoàn thể / runs the mass organizations of an agency",
               "doanket"};
  app.require_subcommand(1);
  // Global options may also come after the command (`doanket demo --db x.db`): a command hands
  // the options it does not know to its parent. Set before the commands, which inherit it.
  app.fallthrough();
  app.set_version_flag("--version", "doanket 0.1.0");
  app.add_option(
      "--db", context.database,
      "Cơ sở dữ liệu: đường dẫn tệp SQLite hoặc postgresql://… / database: SQLite file or "
      "postgresql:// URI (env DOANKET_DB; default doanket.db)");
  app.add_option("--agency", context.agency,
                 "Mã cơ quan / agency code (when the database holds several)");
  app.add_option("--lang", context.language, "Ngôn ngữ / language: vi, en (env DOANKET_LANG)")
      ->check(CLI::IsMember({"vi", "en"}));

  int result = kSuccess;
  add_registry_commands(app, context, result);
  add_member_commands(app, context, result);
  add_server_commands(app, context, result);
  add_fund_commands(app, context, result);
  add_engagement_commands(app, context, result);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help and version are "errors" to CLI11 that exit 0; the rest are usage errors.
    const int code = app.exit(error, out, err);
    if (code == 0) return kSuccess;
    // A mistyped command reaches CLI11 as an unused word and is reported only as "A subcommand
    // is required": name the word.
    if (const auto unused = app.remaining(true);
        !unused.empty() && error.get_name() == "RequiredError") {
      err << (context.language == "en" ? "Unknown command “" : "Không có lệnh “") << unused.front()
          << "”.\n";
    }
    err << (context.language == "en" ? "Run “doanket --help” for the commands.\n"
                                     : "Chạy “doanket --help” để xem các lệnh.\n");
    return kUsage;
  }
  return result;
}

}  // namespace dk::cli
