#pragma once
// The engagement page's tables as a spreadsheet, each number the same as on screen: the
// organizations side by side with their total, the depth of each kind, the departments by kind,
// or the months, for the same filters and the same reader.

#include <string_view>

#include "service/engagement.hpp"
#include "service/people_export.hpp"

namespace dk::service {

enum class EngagementTable { organizations, kinds, units, months };

Result<ExportedFile> export_engagement(Connection& connection, const Actor& actor,
                                       const EngagementQuery& query, EngagementTable table,
                                       std::string_view language);

}  // namespace dk::service
