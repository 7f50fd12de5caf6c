#include "service/people_export.hpp"

#include <fmt/format.h>

#include <sstream>

#include "core/civil_date.hpp"
#include "io/table_writer.hpp"
#include "service/audit.hpp"
#include "service/member_list.hpp"
#include "service/temporary_file.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// Writes the list into `writer`; returns how many rows, and how many carried someone else's
// personal data.
Result<std::pair<std::int64_t, std::int64_t>> write_people(store::SqlConnection& connection,
                                                           const Actor& actor,
                                                           const PeopleRequest& filters,
                                                           std::string_view language,
                                                           io::TableWriter& writer) {
  MemberQuery query = visible_people(actor, filters);
  if (auto header = writer.write_row(
          io::text_cells(member_headers(query.organization_id.has_value(), language)));
      !header) {
    return std::unexpected(header.error());
  }
  std::int64_t rows = 0;
  std::int64_t personal = 0;
  store::RegistryStore registry(connection);
  auto listed = registry.list_members(
      actor.principal.tenant, query, [&](const MemberListing& listing) -> Status {
        MemberListing shown = listing;
        if (may_see_personal_data(actor.principal, listing.person.id, listing.organization_ids)) {
          if (listing.person.id != actor.principal.person_id) ++personal;
        } else {
          hide_personal_data(shown.person);
        }
        return writer.write_row(member_cells(shown, ++rows, language));
      });
  if (!listed) return std::unexpected(listed.error());
  TRY(writer.finish());
  return std::pair{rows, personal};
}

}  // namespace

Result<ExportedFile> export_people(store::SqlConnection& connection, const Actor& actor,
                                   const PeopleRequest& filters, ExportFormat format,
                                   std::string_view language) {
  ExportedFile file;
  const std::string day = format_iso(vietnam_date(actor.clock()));
  const std::string stem = language == "en" ? "member-list-" + day : "danh-sach-thanh-vien-" + day;
  Result<std::pair<std::int64_t, std::int64_t>> written;
  if (format == ExportFormat::csv) {
    std::ostringstream out;
    auto writer = io::make_csv_writer(out);
    written = write_people(connection, actor, filters, language, *writer);
    file.content = out.str();
    file.file_name = stem + ".csv";
    file.content_type = "text/csv; charset=utf-8";
  } else {
    auto temporary = TRY(TemporaryFile::create(".xlsx"));
    auto writer =
        io::make_xlsx_writer(temporary.path(), language == "en" ? "Members" : "Thành viên");
    if (!writer) return std::unexpected(writer.error());
    written = write_people(connection, actor, filters, language, **writer);
    if (written) {
      auto content = temporary.read();
      if (!content) return std::unexpected(content.error());
      file.content = std::move(*content);
    }
    file.file_name = stem + ".xlsx";
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (!written) return std::unexpected(written.error());
  file.rows = written->first;
  // One entry for the whole file: a list of a province's ids would not help anyone reading it.
  if (written->second > 0) {
    auto audited =
        record_audit(connection, actor, "export_personal", "person", std::nullopt,
                     fmt::format(R"({{"format":"{}","rows":{},"personal_rows":{},"search":{}}})",
                                 format == ExportFormat::csv ? "csv" : "xlsx", file.rows,
                                 written->second, filters.search.empty() ? "false" : "true"));
    if (!audited) return std::unexpected(audited.error());
  }
  return file;
}

}  // namespace dk::service
