#pragma once
// The office's member list sent from the web app: the same checks as `doanket import members`,
// previewed first (nothing written), then written all-or-nothing or valid rows only, by an
// administrator, and on record in the audit log when anything was written.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/member_import.hpp"

namespace dk::service {

enum class UploadMode { preview, all_or_nothing, valid_only };

struct MemberUpload {
  std::string content;    // the file's bytes: CSV or XLSX, told apart by their first bytes
  std::string file_name;  // as the user chose it, for the audit log
  std::optional<Id> organization_id;  // make every row a member of it
  UploadMode mode = UploadMode::preview;
  std::string encoding = "utf-8";
};

Result<ImportReport> import_uploaded_members(Connection& connection, const Actor& actor,
                                             const MemberUpload& upload);

}  // namespace dk::service
