#pragma once
// Clubs, their members, weekly schedules with their exceptions, and session attendance.

#include <optional>
#include <string>
#include <vector>

#include "core/club.hpp"
#include "core/club_records.hpp"
#include "core/registration.hpp"
#include "store/sql.hpp"

namespace dk::store {

class ClubStore {
 public:
  explicit ClubStore(SqlConnection& connection) : connection_(connection) {}

  Result<Club> create(const Club& club, Instant now);
  Result<std::vector<Club>> list(Id tenant, std::optional<Id> organization);
  Result<std::optional<Club>> find(Id tenant, Id id);
  // The clubs the person is a current member of.
  Result<std::vector<Club>> clubs_of(Id tenant, Id person);

  Result<std::vector<ClubMember>> members(Id tenant, Id club);
  Result<bool> is_member(Id tenant, Id club, Id person);
  // Joins (or joins again after leaving) on `day`; a current member stays as they are.
  Status join(Id tenant, Id club, Id person, CivilDate day);
  Status leave(Id tenant, Id club, Id person, CivilDate day);

  Result<ClubSchedule> add_schedule(Id tenant, const ClubSchedule& schedule, Instant now);
  Result<std::vector<ClubSchedule>> schedules(Id tenant, Id club);
  Result<std::optional<ClubSchedule>> find_schedule(Id tenant, Id id);
  // Cancels or moves the session the rule gives on exception.date (replacing an earlier change).
  Status set_exception(Id tenant, Id schedule, const RuleException& exception, Instant now);

  Status record_attendance(Id tenant, Id schedule, CivilDate session, Id person,
                           AttendanceState state, std::optional<Id> by_account, Instant now);
  Result<std::vector<SessionAttendance>> attendance(Id tenant, Id schedule, CivilDate session);

 private:
  Result<std::vector<Club>> read(std::string_view where, std::vector<SqlValue> params);
  Result<std::vector<ClubSchedule>> read_schedules(std::string_view where,
                                                   std::vector<SqlValue> params);

  SqlConnection& connection_;
};

}  // namespace dk::store
