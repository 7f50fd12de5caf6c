#pragma once
// Which agency a command acts on: the one named, or the only one the database holds.

#include <optional>
#include <string>

#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::service {

Result<Agency> resolve_agency(store::SqlConnection& connection,
                              const std::optional<std::string>& code);

}  // namespace dk::service
