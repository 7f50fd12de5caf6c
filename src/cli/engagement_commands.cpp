// engagement refresh: brings the engagement summary of an agency up to date at once — after a
// member list of a whole province was imported, or at the turn of the year — so that no reader's
// request has to (a read rebuilds at most service::kReadRebuildLimit people and counts the rest
// with their old numbers until then).

#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "service/engagement.hpp"

namespace dk::cli {
namespace {

int refresh(const Context& context) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  const auto started = std::chrono::steady_clock::now();
  auto left = service::refresh_engagement(**connection, agency->id, vietnam_date(context.clock()),
                                          std::nullopt);
  if (!left) return context.report(left.error());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  *context.out << fmt::format(fmt::runtime(context.say(
                                  "Đã cập nhật số liệu tham gia của {} trong {:.1f} giây.",
                                  "Brought the engagement figures of {} up to date in {:.1f} s.")),
                              agency->name, seconds.count())
               << '\n';
  return kSuccess;
}

}  // namespace

void add_engagement_commands(CLI::App& app, Context& context, int& result) {
  auto* engagement =
      app.add_subcommand("engagement", "Mức độ tham gia / engagement")->require_subcommand(1);
  engagement
      ->add_subcommand("refresh",
                       "Cập nhật ngay số liệu tham gia (sau khi nhập danh sách lớn) / bring the "
                       "engagement figures up to date now (after a large import)")
      ->callback([&] { result = refresh(context); });
}

}  // namespace dk::cli
