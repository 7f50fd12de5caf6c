#pragma once
// Activities as the web service offers them: planned, checked for clashes with what other
// organizations have at the same time, published, registered for (with a waitlist), checked in
// (by the activity's rotating code, a person's own code, or by hand) and rated afterwards. Who
// may do what: administrators everything; officers of an organizing organization manage the
// activity; everyone in the agency sees published activities and registers if in the audience.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/activity_records.hpp"
#include "core/clash.hpp"
#include "core/registration.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct ActivityDraft {
  Activity activity;  // its id and status are ignored on create (a new activity is a draft)
  std::optional<Id> programme_id;
  // Save although it clashes; the clashes go to the audit log with the change.
  bool go_ahead_despite_clashes = false;
};

struct ActivitySaved {
  std::optional<StoredActivity> activity;  // empty: clashes the officer has to confirm
  std::vector<Clash> clashes;
  std::map<Id, std::string> names;  // of the people the clashes list
};

// The clashes an activity would have (officers and administrators, before saving or moving it).
Result<ActivitySaved> activity_clashes(Connection& connection, const Actor& actor,
                                       const Activity& draft);
Result<ActivitySaved> create_activity(Connection& connection, const Actor& actor,
                                      ActivityDraft draft);
Result<ActivitySaved> update_activity(Connection& connection, const Actor& actor, Id id,
                                      ActivityDraft draft);
Result<StoredActivity> change_activity_status(Connection& connection, const Actor& actor, Id id,
                                              ActivityStatus to);

struct ActivityView {
  StoredActivity stored;
  std::int64_t waitlisted = 0;
  std::optional<Registration> mine;  // the actor's own registration
  std::optional<AttendanceState> my_attendance;
  bool manageable = false;  // the actor may change it, see its lists and check people in
};

struct ActivityFilter {
  ActivityQuery query;
  bool mine_only = false;  // only those the actor registered for
};

Result<std::vector<ActivityView>> list_activities(Connection& connection, const Actor& actor,
                                                  ActivityFilter filter);
Result<ActivityView> read_activity(Connection& connection, const Actor& actor, Id id);

// Registers the actor (no people named) or, for those who manage the activity, the people named.
Result<std::vector<RegistrationOutcome>> register_for_activity(Connection& connection,
                                                               const Actor& actor, Id activity,
                                                               std::vector<Id> people);
// Cancels a registration (one's own, or anyone's for a manager); returns who moved up.
Result<std::vector<Id>> cancel_registration(Connection& connection, const Actor& actor, Id activity,
                                            Id person);
Result<std::vector<Registration>> list_registrations(Connection& connection, const Actor& actor,
                                                     Id activity);

enum class CheckInMethod { activity_code, person_code, by_hand };

struct CheckIn {
  CheckInMethod method = CheckInMethod::activity_code;
  std::string code;                      // the activity's code, or the person's own code
  std::optional<Id> person_id;           // by hand
  std::optional<AttendanceState> state;  // by hand: late, absent, excused …
};

struct CheckedIn {
  AttendanceRecord record;
  bool first = true;  // false: they had checked in already; the first check-in stands
};

Result<CheckedIn> check_in(Connection& connection, const Actor& actor, Id activity,
                           const CheckIn& request);

// check_in in two steps, for a server that commits many check-ins at once (group commit): only
// the write need run in the shared transaction on its one writer connection, the reads and checks
// before it run on the caller's own connection, many at a time.
struct PreparedCheckIn {
  Id activity = 0;
  AttendanceRecord record;  // as it is to be stored, with the person's name
  bool overwrite = false;   // by hand with a state: replaces an earlier record, audited
};
// Reads and checks, writing nothing: the activity as the actor sees it, their right to check this
// person in (the activity's code, a personal code or a manager's hand), whether check-in is open
// and the person's place (registration or audience).
Result<PreparedCheckIn> prepare_check_in(Connection& connection, const Actor& actor, Id activity,
                                         const CheckIn& request);
// Writes a prepared check-in (the first one stands) inside the caller's transaction, which keeps
// it atomic with what else the caller writes (the request's Idempotency-Key answer).
Result<CheckedIn> write_check_in(Connection& connection, const Actor& actor,
                                 const PreparedCheckIn& prepared);
Result<std::vector<AttendanceRecord>> list_attendance(Connection& connection, const Actor& actor,
                                                      Id activity);

struct CheckInCode {
  std::string token;
  Instant valid_until;  // show the next one then
};
// The code the activity shows at the door (managers), changing every few minutes.
Result<CheckInCode> activity_check_in_code(Connection& connection, const Actor& actor, Id activity);
// The actor's own code, for an officer to scan.
Result<std::string> personal_check_in_code(Connection& connection, const Actor& actor);

Status give_feedback(Connection& connection, const Actor& actor, Id activity,
                     const Feedback& feedback);

}  // namespace dk::service
