#pragma once
// The demo agency's charity year, from the article: the five gifts it lists to the đồng (for the
// child Hồ Minh Quang, Lý Sơn island, the Hoàng Sa fund, the "Nghĩa sĩ Hoàng Sa" memorial and the
// victims of floods and drought — 42.300.000 đ in all), Tết gifts to families in hardship from
// the trade union's welfare fund, and a study-encouragement campaign open now with pledges.

#include <vector>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "service/database.hpp"

namespace dk::demo {

struct DemoFundsSummary {
  std::int64_t funds = 0;
  std::int64_t entries = 0;
};

// Run after the demo accounts exist: the treasurer (login "thuquy") records, the trade union's
// chair ("chutichcd") approves.
Result<DemoFundsSummary> load_demo_funds(service::Connection& connection, Id tenant,
                                         const std::vector<Organization>& organizations,
                                         const Clock& clock);

}  // namespace dk::demo
