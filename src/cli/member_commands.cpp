// import members, members list: the member lists an office keeps in Excel, in and out.

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "service/member_import.hpp"
#include "service/member_list.hpp"

namespace dk::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::optional<std::string> organization;
  bool skip_invalid = false;
  bool dry_run = false;
  std::string encoding = "utf-8";
};

int import_members(const Context& context, const ImportOptions& options) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());

  service::ImportRequest request;
  request.tenant = agency->id;
  request.file = options.file;
  request.organization_code = options.organization;
  request.invalid_rows =
      options.skip_invalid ? service::InvalidRows::skip : service::InvalidRows::reject_file;
  request.mode = options.dry_run ? service::ImportMode::dry_run : service::ImportMode::write;
  request.read_options.encoding = options.encoding;
  auto report = service::import_members(**connection, request, context.clock);
  if (!report) {
    *context.err << options.file << ": ";
    return context.report(report.error());
  }

  std::ostream& out = *context.out;
  std::ostream& err = *context.err;
  for (const auto& problem : report->problems)
    err << options.file << ": " << describe(problem, context.language) << '\n';
  if (report->rows_rejected > static_cast<std::int64_t>(report->problems.size())) {
    err << context.say("(chỉ liệt kê ", "(only the first ") << report->problems.size()
        << context.say(" lỗi đầu tiên)\n", " problems are listed)\n");
  }
  if (!report->sheet.empty()) {
    err << options.file << ": "
        << fmt::format(fmt::runtime(context.say("đọc trang tính “{}”", "read the sheet “{}”")),
                       report->sheet)
        << '\n';
  }
  for (const service::SkippedLine& skipped : report->skipped) {
    err << options.file << ":" << skipped.line << ": "
        << (context.language == "en" ? skipped.reason.en : skipped.reason.vi) << '\n';
  }
  if (!report->ignored_columns.empty()) {
    err << context.say("Bỏ qua các cột không nhận ra: ", "Ignored columns not recognised: ");
    for (size_t i = 0; i < report->ignored_columns.size(); ++i)
      err << (i ? ", " : "") << "“" << report->ignored_columns[i] << "”";
    err << '\n';
  }
  const auto& counts = report->counts;
  if (report->written) {
    out << fmt::format(fmt::runtime(context.say(
                           "Đã nhập: {} người mới, {} trùng với người đã có, {} dòng bị loại.",
                           "Imported: {} new, {} matched to people already there, {} rejected.")),
                       counts.people_created, counts.people_matched, report->rows_rejected);
  } else if (options.dry_run && (report->rows_rejected == 0 || options.skip_invalid)) {
    out << fmt::format(
        fmt::runtime(context.say("Chạy thử, chưa ghi gì: {} người mới, {} trùng, {} dòng bị loại.",
                                 "Dry run, nothing written: {} new, {} matched, {} rejected.")),
        counts.people_created, counts.people_matched, report->rows_rejected);
  } else {
    err << fmt::format(
        fmt::runtime(context.say(
            "Không nhập gì: {} dòng có lỗi. Sửa tệp rồi nhập lại, hoặc dùng --skip-invalid để chỉ "
            "nhập {} dòng hợp lệ.\n",
            "Nothing imported: {} rows have errors. Fix the file and import again, or use "
            "--skip-invalid to import only the {} valid rows.\n")),
        report->rows_rejected, counts.rows);
    return kInvalidInput;
  }
  if (options.organization) {
    out << fmt::format(
        fmt::runtime(context.say(" Vào tổ chức {}: {} thành viên mới, {} đã là thành viên.",
                                 " Organization {}: {} new members, {} already members.")),
        *options.organization, counts.memberships_added, counts.already_members);
  }
  if (report->units_created > 0) {
    out << fmt::format(fmt::runtime(context.say(" Đơn vị mới: {}.", " New units: {}.")),
                       report->units_created);
  }
  out << '\n';
  return kSuccess;
}

struct ListOptions {
  std::optional<std::string> organization;
  std::optional<std::string> unit;
  std::string search;
  std::string format = "table";
  std::optional<std::string> output;
  bool all = false;
};

int list_members(const Context& context, const ListOptions& options) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  const service::MemberListRequest request{agency->id,     options.organization, options.unit,
                                           options.search, options.all,          context.language};

  std::ofstream file;
  if (options.output && options.format != "xlsx") {
    file.open(*options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      return context.report(Error{ErrorKind::unavailable,
                                  "export.cannot_write",
                                  {fmt::format("Không ghi được tệp “{}”.", *options.output),
                                   fmt::format("Cannot write the file “{}”.", *options.output)},
                                  {}});
    }
  }
  std::ostream& out = file.is_open() ? file : *context.out;

  if (options.format == "csv") {
    auto writer = io::make_csv_writer(out);
    auto written = service::write_member_list(**connection, request, *writer);
    if (!written) return context.report(written.error());
    return kSuccess;
  }
  if (options.format == "xlsx") {
    // libxlsxwriter writes to a file; without --output the workbook goes to standard output.
    const std::filesystem::path path = options.output
                                           ? std::filesystem::path(*options.output)
                                           : std::filesystem::temp_directory_path() /
                                                 fmt::format("doanket-export-{}.xlsx", ::getpid());
    auto writer = io::make_xlsx_writer(path, context.say("Danh sách", "Members"));
    if (!writer) return context.report(writer.error());
    auto written = service::write_member_list(**connection, request, **writer);
    if (!written) return context.report(written.error());
    if (!options.output) {
      std::ifstream produced(path, std::ios::binary);
      *context.out << produced.rdbuf();
      std::filesystem::remove(path);
    }
    return kSuccess;
  }

  std::int64_t ordinal = 0;
  if (options.format == "json") {
    JsonArrayWriter json(out);
    auto listed =
        service::list_members(**connection, request, [&](const MemberListing& listing) -> Status {
          json.write(member_json(listing));
          return {};
        });
    json.close();
    if (!listed) return context.report(listed.error());
    return kSuccess;
  }
  // The membership's columns when the list is one organization's.
  TextTable table(service::member_headers(options.organization.has_value(), context.language));
  auto listed =
      service::list_members(**connection, request, [&](const MemberListing& listing) -> Status {
        table.add_row(io::shown_texts(service::member_cells(listing, ++ordinal, context.language)));
        return {};
      });
  if (!listed) return context.report(listed.error());
  table.print(out);
  out << fmt::format(fmt::runtime(context.say("{} người\n", "{} people\n")), ordinal);
  return kSuccess;
}

}  // namespace

void add_member_commands(CLI::App& app, Context& context, int& result) {
  auto* import = app.add_subcommand("import", "Nhập dữ liệu từ tệp / import from a file")
                     ->require_subcommand(1);
  auto import_options = std::make_shared<ImportOptions>();
  auto* members_import = import->add_subcommand(
      "members",
      "Nhập danh sách thành viên từ CSV hoặc XLSX / import a member list from CSV or XLSX");
  members_import->add_option("FILE", import_options->file, "Tệp CSV hoặc XLSX / CSV or XLSX file")
      ->required();
  members_import->add_option(
      "--org", import_options->organization,
      "Mã tổ chức để kết nạp các dòng / make the rows members of this organization");
  members_import->add_flag(
      "--skip-invalid", import_options->skip_invalid,
      "Nhập các dòng hợp lệ, báo các dòng lỗi / write the valid rows, report the rest");
  members_import->add_flag(
      "--dry-run", import_options->dry_run,
      "Kiểm tra và báo kết quả, không ghi gì / check and report, write nothing");
  members_import->add_option(
      "--encoding", import_options->encoding,
      "Bảng mã của tệp CSV / encoding of a CSV file (utf-8, windows-1258, …)");
  members_import->callback(
      [&, import_options] { result = import_members(context, *import_options); });

  auto* members = app.add_subcommand("members", "Thành viên / members")->require_subcommand(1);
  auto list_options = std::make_shared<ListOptions>();
  auto* list = members->add_subcommand("list", "Danh sách thành viên / list members");
  list->add_option("--org", list_options->organization, "Mã tổ chức / organization code");
  list->add_option("--unit", list_options->unit, "Mã hoặc tên đơn vị / unit code or name");
  list->add_option(
      "--search", list_options->search,
      "Tìm theo tên (không cần dấu), số CCCD hoặc số điện thoại / search by name (no diacritics "
      "needed), ID or phone number");
  list->add_option("--format", list_options->format, "table, csv, json, xlsx")
      ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
  list->add_option("--output,-o", list_options->output, "Ghi ra tệp / write to a file");
  list->add_flag("--all", list_options->all,
                 "Gồm cả người đã ra khỏi tổ chức / include former members");
  list->callback([&, list_options] { result = list_members(context, *list_options); });
}

}  // namespace dk::cli
