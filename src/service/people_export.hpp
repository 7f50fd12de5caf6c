#pragma once
// A list of people downloaded from the web app as CSV or XLSX: the same people and the same
// personal data the actor may see on screen, every row of the filtered list, and on record in the
// audit log when it carries someone else's personal data.

#include <string>

#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/people.hpp"

namespace dk::service {

enum class ExportFormat { csv, xlsx };

struct ExportedFile {
  std::string content;
  std::string file_name;     // "danh-sach-thanh-vien-2026-11-26.xlsx"
  std::string content_type;  // the format's media type
  std::int64_t rows = 0;
};

// `filters` as for list_people; its limit and offset are ignored: the whole list is exported.
Result<ExportedFile> export_people(Connection& connection, const Actor& actor,
                                   const PeopleRequest& filters, ExportFormat format,
                                   std::string_view language);

}  // namespace dk::service
