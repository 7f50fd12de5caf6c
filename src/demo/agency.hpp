#pragma once
// The demo agency of the seed article: Sở Tư pháp Hà Tĩnh, its departments, its trade union,
// youth union and lawyers' branch under their provincial superiors, partner units, and about
// sixty invented members, many of them in two or three organizations.

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "service/database.hpp"

namespace dk::demo {

inline constexpr std::string_view kDemoAgencyCode = "STP-HT";

// A demo sign-in, one for each role, printed by `doanket demo`.
struct DemoLogin {
  std::string login;
  std::string password;
  std::string full_name;
  Text role;
};

inline constexpr std::string_view kDemoPassword = "doanket-demo-2026";

struct DemoSummary {
  Agency agency;
  bool created = false;  // false: it was there already and nothing was changed
  int people = 0;
  int memberships = 0;
  std::int64_t activities = 0;  // this year's, with their plans
  std::int64_t attendance = 0;
  std::int64_t funds = 0;            // campaigns and standing funds
  std::int64_t fund_entries = 0;     // donations, payments and pledges on their ledger
  std::int64_t titles_awarded = 0;   // the trade union's last year
  std::int64_t titles_proposed = 0;  // its year, proposed
  std::vector<DemoLogin> logins;
};

// Loads the demo agency in one transaction, unless an agency with its code is there already.
Result<DemoSummary> load_demo_agency(service::Connection& connection, const Clock& clock);

}  // namespace dk::demo
