#include "service/member_import.hpp"

#include <fmt/format.h>

#include "core/member_record.hpp"

namespace dk::service {
namespace {

// Marks a failed transaction that should roll back without being an error: the file had bad
// rows and the import is atomic, or it was a dry run.
constexpr std::string_view kRollBackOnPurpose = "import.rolled_back";

}  // namespace

Result<ImportReport> import_members(store::SqlConnection& connection, const ImportRequest& request,
                                    const Clock& clock) {
  auto reader = io::open_table(request.file, request.read_options);
  if (!reader) return std::unexpected(reader.error());

  io::TableRow header;
  for (;;) {  // the header is the first row with anything in it
    auto more = (*reader)->next(header);
    if (!more) return std::unexpected(more.error());
    if (!*more) {
      return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp không có dòng nào.",
                  "The file has no rows.");
    }
    if (!is_blank_row(header.cells)) break;
  }
  auto columns = map_member_columns(header.cells);
  if (!columns) {
    Error error = columns.error();
    error.where.line = header.line;
    return std::unexpected(error);
  }

  store::RegistryStore registry(connection);
  std::optional<Id> organization_id;
  ImportReport report;
  report.ignored_columns = columns->ignored;
  const CivilDate today = vietnam_date(clock());

  auto outcome = store::in_transaction(connection, [&]() -> Result<store::ImportCounts> {
    if (request.organization_code) {
      auto organization = registry.find_organization(request.tenant, *request.organization_code);
      if (!organization) return std::unexpected(organization.error());
      if (!*organization) {
        return fail(
            ErrorKind::not_found, "organization.not_found",
            fmt::format("Không có tổ chức mã “{}”.", *request.organization_code),
            fmt::format("There is no organization with code “{}”.", *request.organization_code));
      }
      organization_id = (*organization)->id;
    }
    io::TableRow row;
    auto counts = registry.import_members(
        request.tenant, organization_id, [&](store::StagedMember& staged) -> Result<bool> {
          for (;;) {
            auto more = (*reader)->next(row);
            if (!more) return std::unexpected(more.error());
            if (!*more) return false;
            if (is_blank_row(row.cells)) continue;
            auto record = read_member_row(*columns, row.cells, row.line, today);
            if (!record) {
              ++report.rows_rejected;
              for (auto& problem : record.error()) {
                if (report.problems.size() < kMaxReportedProblems)
                  report.problems.push_back(std::move(problem));
              }
              continue;
            }
            staged.line = row.line;
            staged.person = std::move(record->person);
            staged.unit_name = std::move(record->unit_name);
            staged.joined_on = record->joined_on;
            staged.card_number = std::move(record->card_number);
            staged.status = record->status;
            return true;
          }
        });
    if (!counts) return counts;
    report.units_created = counts->units_created;
    const bool rejected =
        report.rows_rejected > 0 && request.invalid_rows == InvalidRows::reject_file;
    if (rejected || request.mode == ImportMode::dry_run) {
      report.counts = *counts;
      return fail(ErrorKind::invalid_input, std::string(kRollBackOnPurpose), "", "");
    }
    return counts;
  });
  if (!outcome) {
    if (outcome.error().code == kRollBackOnPurpose) return report;
    return std::unexpected(outcome.error());
  }
  report.counts = *outcome;
  report.written = true;
  return report;
}

}  // namespace dk::service
