#pragma once
// Clubs as the web service offers them: an organization's officers (and administrators) found
// clubs, set their weekly sessions, cancel or move a session and keep attendance; anyone in the
// agency joins and leaves.

#include <optional>
#include <string>
#include <vector>

#include "core/club.hpp"
#include "core/club_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct ClubRecord {
  Club club;
  std::vector<ClubMember> members;
  std::vector<ClubSchedule> schedules;
  bool manageable = false;
  bool member = false;  // the actor
};

struct ClubSession {
  Id schedule_id = 0;
  Id club_id = 0;
  std::string place;
  Occurrence occurrence;
};

Result<Club> create_club(Connection& connection, const Actor& actor, Club club);
// All the agency's clubs, or an organization's, or (mine) those the actor belongs to.
Result<std::vector<Club>> list_clubs(Connection& connection, const Actor& actor,
                                     std::optional<Id> organization, bool mine);
Result<ClubRecord> read_club(Connection& connection, const Actor& actor, Id id);
// The actor joins (no people named) or, for those who manage it, the people named.
Status join_club(Connection& connection, const Actor& actor, Id club, std::vector<Id> people);
Status leave_club(Connection& connection, const Actor& actor, Id club, Id person);
Result<ClubSchedule> add_club_schedule(Connection& connection, const Actor& actor, Id club,
                                       ClubSchedule schedule);
// Cancels (no moved_to) or moves one session of a schedule.
Status change_club_session(Connection& connection, const Actor& actor, Id schedule,
                           const RuleException& change);
// The club's sessions from `from` to `to` (local dates, inclusive), cancelled ones left out.
Result<std::vector<ClubSession>> club_sessions(Connection& connection, const Actor& actor, Id club,
                                               CivilDate from, CivilDate to);
// Marks members at a session (named by the date its rule gives it).
Status record_session_attendance(Connection& connection, const Actor& actor, Id schedule,
                                 CivilDate session, const std::vector<Id>& people,
                                 AttendanceState state);
Result<std::vector<SessionAttendance>> session_attendance(Connection& connection,
                                                          const Actor& actor, Id schedule,
                                                          CivilDate session);

}  // namespace dk::service
