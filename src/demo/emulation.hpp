#pragma once
// The demo trade union's emulation (issue 18): last year decided, with its award decision and the
// bonuses paid; this year registered in January, every member rated by themselves and reviewed,
// the departments rated, the council's votes recorded and the titles proposed — what the chair
// finds in December, ready to be decided (or sent back).

#include <vector>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "service/database.hpp"

namespace dk::demo {

struct DemoEmulationSummary {
  std::int64_t reviewed = 0;  // members reviewed, both years
  std::int64_t awards = 0;    // last year's titles decided
  std::int64_t proposed = 0;  // this year's titles proposed
};

// Run after the demo accounts exist: the trade union's chair ("chutichcd") acts.
Result<DemoEmulationSummary> load_demo_emulation(service::Connection& connection, Id tenant,
                                                 const Organization& trade_union,
                                                 const Clock& clock);

}  // namespace dk::demo
