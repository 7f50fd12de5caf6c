#pragma once
// Activities and what hangs on them — organizers, partner units, audience, registrations,
// attendance, feedback. Places are
// taken by one guarded UPDATE of the activity's `registered` count, so that no interleaving of
// registrations, on either engine, hands out more places than the capacity.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/activity_records.hpp"
#include "core/registration.hpp"
#include "store/row_values.hpp"
#include "store/sql.hpp"

namespace dk::store {

class ActivityStore {
 public:
  explicit ActivityStore(SqlConnection& connection) : connection_(connection) {}

  Result<StoredActivity> create(const StoredActivity& activity, Instant now);
  // Replaces every field, the organizers, partners and audience; keeps registrations.
  Status update(const StoredActivity& activity, Instant now);
  Status set_status(Id tenant, Id id, ActivityStatus status, Instant now);
  Result<std::optional<StoredActivity>> find(Id tenant, Id id);
  Result<std::vector<StoredActivity>> list(Id tenant, const ActivityQuery& query);

  // Registers the person, or waitlists them when no place is left; a person already registered or
  // waitlisted stays as they are; a cancelled registration is renewed at the back of the queue.
  Result<RegistrationOutcome> register_person(Id tenant, Id activity, Id person,
                                              std::optional<Id> by_account, Instant now);
  // Cancels the person's registration (nothing when they hold none) and fills freed places from
  // the waitlist in order; returns the people promoted.
  Result<std::vector<Id>> cancel_registration(Id tenant, Id activity, Id person, Instant now);
  // Fills free places from the waitlist in order (after a larger capacity, say).
  Result<std::vector<Id>> promote_waitlisted(Id tenant, Id activity);
  Result<std::vector<Registration>> registrations(Id tenant, Id activity);
  Result<std::optional<Registration>> registration_of(Id tenant, Id activity, Id person);
  Result<std::vector<Registration>> registrations_of_person(Id tenant, Id person);

  // The first check-in stands: returns the record as stored and whether this call wrote it. A
  // record that names its person (full_name) is, once written, what is stored: one statement; one
  // without a name, or one that was there already, is read back.
  Result<std::pair<AttendanceRecord, bool>> record_attendance(Id tenant, Id activity,
                                                              const AttendanceRecord& record,
                                                              std::optional<Id> by_account);
  // One person's record, with their name.
  Result<std::optional<AttendanceRecord>> attendance_record(Id tenant, Id activity, Id person);
  // Sets the state by hand (an officer marks late, absent, excused), overwriting.
  Status set_attendance(Id tenant, Id activity, const AttendanceRecord& record,
                        std::optional<Id> by_account);
  Result<std::vector<AttendanceRecord>> attendance(Id tenant, Id activity);
  Result<std::optional<AttendanceState>> attendance_of(Id tenant, Id activity, Id person);

  // The people an audience means, sorted: current members of the agency's organizations (all of
  // them, those of some organizations, or those in some departments).
  Result<std::vector<Id>> audience_people(Id tenant, const Audience& audience);
  Result<bool> in_audience(Id tenant, const Audience& audience, Id person);
  // The people holding a committee seat on `today` in one of the organizations, sorted.
  Result<std::vector<Id>> committee_people(Id tenant, const std::vector<Id>& organizations,
                                           CivilDate today);

  // Names of people, for lists of who is concerned (a clash, say).
  Result<std::map<Id, std::string>> person_names(Id tenant, const std::vector<Id>& people);

  Status save_feedback(Id tenant, Id activity, Id person, const Feedback& feedback, Instant now);

  // The agency's secret for personal check-in codes, made from `fresh` on first use.
  Result<std::string> check_in_key(Id tenant, const std::string& fresh);
  // The agency's key if it has one, without writing (no key: no code was ever made with it).
  Result<std::optional<std::string>> existing_check_in_key(Id tenant);
  Result<std::optional<std::string>> person_name(Id tenant, Id person);

 private:
  Status write_links(const StoredActivity& stored);
  Result<std::vector<StoredActivity>> read(std::string_view where, std::vector<SqlValue> params,
                                           std::string_view tail);

  SqlConnection& connection_;
};

}  // namespace dk::store
