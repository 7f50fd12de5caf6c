#pragma once
// Which agency a command acts on: the one named, or the only one the database holds.

#include <optional>
#include <string>

#include "core/registry.hpp"
#include "service/database.hpp"

namespace dk::service {

Result<Agency> resolve_agency(Connection& connection, const std::optional<std::string>& code);

}  // namespace dk::service
