#pragma once
// A directive's follow-up as the spreadsheet a superior organization asks for: each department's
// recipients, readers and those who studied it, with the total of the same rows; or every person
// with when and how they studied it. The numbers are those of directive_progress.

#include <string_view>

#include "service/directives.hpp"
#include "service/people_export.hpp"

namespace dk::service {

enum class DirectiveReport { units, people };

// For those who follow it up, as XLSX; `rows` counts the table's rows under its header.
Result<ExportedFile> export_directive_progress(Connection& connection, const Actor& actor, Id id,
                                               DirectiveReport report, std::string_view language);

}  // namespace dk::service
