#pragma once
// The emulation year as its steps answer it (service/emulation.hpp): the facts, the
// organization's member-rating rule applied, and the evaluation, live while the year is open and
// as kept after. Shared by the use cases in emulation.cpp; not called from outside the service.

#include <vector>

#include "core/emulation_rules.hpp"
#include "service/emulation.hpp"

namespace dk::service {

// The agency's versions of the titles an organization of `kind` awards.
Result<std::vector<TitleRule>> rules_of(Connection& connection, Id tenant, OrganizationKind kind);

// The year as `actor` sees it: everyone for those who manage it or lead the agency, their own row
// for a member.
Result<EmulationYearView> build_view(Connection& connection, const Actor& actor,
                                     Organization organization, int year);

}  // namespace dk::service
