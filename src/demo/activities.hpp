#pragma once
// A year of the demo agency's activities, so that the calendar, the plans' progress and the
// year-end figures have something real to show: each organization's plan, the meetings, study
// sessions, sports exchanges with partner units (football with the provincial court), a joint
// activity of the youth union and the trade union (blood donation), culture and volunteering;
// the past ones done with attendance and feedback, the rest of the year published and open; and
// the clubs that train on weekdays (badminton on Tuesday and Thursday at 17:00) with attendance;
// and a few done activities of last year, outside the plans, so that this year has a year to
// compare with (more of the trade union took part then; some have lapsed since).

#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "service/database.hpp"

namespace dk::demo {

struct DemoActivitiesSummary {
  std::int64_t activities = 0;              // this year's, in their plans
  std::int64_t last_year_activities = 0;    // last year's, done, in no plan
  std::int64_t attendance = 0;              // attendance records of both years
  std::int64_t club_sessions_attended = 0;  // club members' attendance records
};

// `organizations` are the agency's own (trade union, youth union, lawyers' branch, in that
// order); `partners` its partner units in the demo's order.
Result<DemoActivitiesSummary> load_demo_activities(service::Connection& connection, Id tenant,
                                                   const std::vector<Organization>& organizations,
                                                   const std::vector<Id>& partners,
                                                   const Clock& clock);

}  // namespace dk::demo
