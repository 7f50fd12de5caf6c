#pragma once
// A club's members and who came to one of its sessions, as lists show them.

#include <string>

#include "core/club.hpp"
#include "core/registration.hpp"

namespace dk {

struct ClubMember {
  Id person_id = 0;
  std::string full_name;
  CivilDate joined_on;
};

struct SessionAttendance {
  Id person_id = 0;
  std::string full_name;
  AttendanceState state = AttendanceState::present;
};

}  // namespace dk
