#include "service/member_upload.hpp"

#include <fmt/format.h>

#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "service/temporary_file.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr std::string_view kNothingWritten = "upload.nothing_written";

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

Result<ImportReport> import_uploaded_members(store::SqlConnection& connection, const Actor& actor,
                                             const MemberUpload& upload) {
  if (!may_import_members(actor.principal)) return refuse();
  ImportRequest request;
  request.tenant = actor.principal.tenant;
  request.invalid_rows =
      upload.mode == UploadMode::valid_only ? InvalidRows::skip : InvalidRows::reject_file;
  request.mode = upload.mode == UploadMode::preview ? ImportMode::dry_run : ImportMode::write;
  request.read_options.encoding = upload.encoding;
  request.read_options.deadline = std::chrono::steady_clock::now() + io::kUploadReadTime;
  if (upload.organization_id) {
    auto organization = TRY(store::RegistryStore(connection)
                                .find_organization_by_id(request.tenant, *upload.organization_id));
    if (!organization || organization->external) {
      return fail(
          ErrorKind::invalid_input, "organization.not_found",
          fmt::format("Không có tổ chức mang mã {} trong cơ quan.", *upload.organization_id),
          fmt::format("There is no organization {} in the agency.", *upload.organization_id),
          Location{0, "organization_id"});
    }
    request.organization_code = organization->code;
  }
  auto file = TemporaryFile::holding(upload.content, "");
  if (!file) return std::unexpected(file.error());
  request.file = file->path();

  // The import and its audit entry commit together; a preview or a refused file rolls back, even
  // though the import joins this transaction instead of deciding for itself.
  ImportReport report;
  auto outcome = store::in_transaction(connection, [&]() -> Status {
    auto imported = TRY(import_members(connection, request, actor.clock));
    report = std::move(imported);
    if (!report.written)
      return fail(ErrorKind::invalid_input, std::string(kNothingWritten), "", "");
    return record_audit(
        connection, actor, "import", "person", std::nullopt,
        fmt::format(R"({{"file":{},"rows":{},"created":{},"matched":{},"rejected":{}}})",
                    json_string(upload.file_name), report.counts.rows, report.counts.people_created,
                    report.counts.people_matched, report.rows_rejected));
  });
  if (!outcome && outcome.error().code != kNothingWritten) return std::unexpected(outcome.error());
  return report;
}

}  // namespace dk::service
