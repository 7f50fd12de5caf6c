#include "service/clubs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/club_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

bool manages(const Actor& actor, const Club& club) {
  return actor.principal.administrator ||
         may_manage_organization(actor.principal, club.organization_id);
}

Result<Club> existing_club(store::ClubStore& clubs, const Actor& actor, Id id) {
  auto found = TRY(clubs.find(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "club.not_found",
                fmt::format("Không có câu lạc bộ mang mã {}.", id),
                fmt::format("There is no club {}.", id));
  }
  return std::move(*found);
}

// A schedule and its club, for those who manage the club.
Result<std::pair<ClubSchedule, Club>> managed_schedule(store::ClubStore& clubs, const Actor& actor,
                                                       Id id) {
  auto schedule = TRY(clubs.find_schedule(actor.principal.tenant, id));
  if (!schedule) {
    return fail(ErrorKind::not_found, "club.schedule_not_found",
                fmt::format("Không có lịch sinh hoạt mang mã {}.", id),
                fmt::format("There is no club schedule {}.", id));
  }
  auto club = TRY(existing_club(clubs, actor, schedule->club_id));
  if (!manages(actor, club)) return refuse();
  return std::pair{std::move(*schedule), std::move(club)};
}

Status is_session(const ClubSchedule& schedule, CivilDate session) {
  const auto dates = occurrences(schedule.rule, {}, session, session);
  if (dates.empty()) {
    return fail(
        ErrorKind::invalid_input, "club.no_session",
        fmt::format("Lịch này không có buổi sinh hoạt ngày {}.", format_vietnamese(session)),
        fmt::format("This schedule has no session on {}.", format_vietnamese(session)),
        Location{0, "date"});
  }
  return {};
}

}  // namespace

Result<Club> create_club(store::SqlConnection& connection, const Actor& actor, Club club) {
  club.tenant_id = actor.principal.tenant;
  club.name = normalize_text(club.name);
  club.description = normalize_text(club.description);
  TRY(validate_club(club));
  if (!manages(actor, club)) return refuse();
  auto organization = TRY(store::RegistryStore(connection)
                              .find_organization_by_id(club.tenant_id, club.organization_id));
  if (!organization || organization->external) {
    return fail(ErrorKind::invalid_input, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", club.organization_id),
                fmt::format("There is no organization {} in the agency.", club.organization_id),
                Location{0, "organization_id"});
  }
  return store::in_transaction(connection, [&]() -> Result<Club> {
    auto created = store::ClubStore(connection).create(club, actor.clock());
    if (!created) return created;
    TRY(record_audit(connection, actor, "create", "club", created->id, "{}"));
    return created;
  });
}

Result<std::vector<Club>> list_clubs(store::SqlConnection& connection, const Actor& actor,
                                     std::optional<Id> organization, bool mine) {
  store::ClubStore clubs(connection);
  auto found = mine ? clubs.clubs_of(actor.principal.tenant, actor.principal.person_id)
                    : clubs.list(actor.principal.tenant, organization);
  if (!found) return found;
  // An agency has tens of clubs, not thousands: they are put in Vietnamese order here (Đ after D,
  // not after Z as the bytes of the stored names would sort) rather than keeping a key column.
  std::ranges::stable_sort(*found, std::less<>{},
                           [](const Club& club) { return collation_key(club.name); });
  return found;
}

Result<ClubRecord> read_club(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::ClubStore clubs(connection);
  auto club = existing_club(clubs, actor, id);
  if (!club) return std::unexpected(club.error());
  ClubRecord record;
  auto members = clubs.members(actor.principal.tenant, id);
  if (!members) return std::unexpected(members.error());
  auto schedules = clubs.schedules(actor.principal.tenant, id);
  if (!schedules) return std::unexpected(schedules.error());
  record.members = std::move(*members);
  record.schedules = std::move(*schedules);
  record.manageable = manages(actor, *club);
  record.member = std::ranges::any_of(record.members, [&](const ClubMember& member) {
    return member.person_id == actor.principal.person_id;
  });
  record.club = std::move(*club);
  return record;
}

Status join_club(store::SqlConnection& connection, const Actor& actor, Id club_id,
                 std::vector<Id> people) {
  store::ClubStore clubs(connection);
  auto club = TRY(existing_club(clubs, actor, club_id));
  const bool for_self = people.empty();
  if (for_self) {
    if (!actor.principal.person_id) return refuse();
    people.push_back(actor.principal.person_id);
  } else if (!manages(actor, club)) {
    return refuse();
  }
  const CivilDate today = vietnam_date(actor.clock());
  store::RegistryStore registry(connection);
  return store::in_transaction(connection, [&]() -> Status {
    for (Id person : people) {
      auto found = TRY(registry.find_person(actor.principal.tenant, person));
      if (!found) {
        return fail(ErrorKind::invalid_input, "person.not_found",
                    fmt::format("Không có người mang mã {}.", person),
                    fmt::format("There is no person {}.", person), Location{0, "person_ids"});
      }
      if (auto joined = clubs.join(actor.principal.tenant, club_id, person, today); !joined)
        return joined;
    }
    if (for_self) return {};
    return record_audit(connection, actor, "join", "club", club_id,
                        fmt::format(R"({{"people":[{}]}})", fmt::join(people, ",")));
  });
}

Status leave_club(store::SqlConnection& connection, const Actor& actor, Id club_id, Id person) {
  store::ClubStore clubs(connection);
  auto club = TRY(existing_club(clubs, actor, club_id));
  if (person != actor.principal.person_id && !manages(actor, club)) return refuse();
  return clubs.leave(actor.principal.tenant, club_id, person, vietnam_date(actor.clock()));
}

Result<ClubSchedule> add_club_schedule(store::SqlConnection& connection, const Actor& actor,
                                       Id club_id, ClubSchedule schedule) {
  store::ClubStore clubs(connection);
  auto club = TRY(existing_club(clubs, actor, club_id));
  if (!manages(actor, club)) return refuse();
  schedule.club_id = club_id;
  schedule.place = normalize_text(schedule.place);
  if (auto valid = validate_weekly_rule(schedule.rule); !valid)
    return std::unexpected(valid.error());
  return store::in_transaction(connection, [&]() -> Result<ClubSchedule> {
    auto added = clubs.add_schedule(actor.principal.tenant, schedule, actor.clock());
    if (!added) return added;
    TRY(record_audit(connection, actor, "schedule", "club", club_id, "{}"));
    return added;
  });
}

Status change_club_session(store::SqlConnection& connection, const Actor& actor, Id schedule_id,
                           const RuleException& change) {
  store::ClubStore clubs(connection);
  auto managed = TRY(managed_schedule(clubs, actor, schedule_id));
  if (auto valid = validate_exception(managed.first.rule, change); !valid) return valid;
  if (auto session = is_session(managed.first, change.date); !session) return session;
  return store::in_transaction(connection, [&]() -> Status {
    if (auto set = clubs.set_exception(actor.principal.tenant, schedule_id, change, actor.clock());
        !set) {
      return set;
    }
    return record_audit(
        connection, actor, change.moved_to ? "move_session" : "cancel_session", "club",
        managed.second.id,
        fmt::format(R"({{"schedule":{},"date":"{}"}})", schedule_id, format_iso(change.date)));
  });
}

Result<std::vector<ClubSession>> club_sessions(store::SqlConnection& connection, const Actor& actor,
                                               Id club_id, CivilDate from, CivilDate to) {
  store::ClubStore clubs(connection);
  TRY(existing_club(clubs, actor, club_id));
  auto schedules = TRY(clubs.schedules(actor.principal.tenant, club_id));
  std::vector<ClubSession> sessions;
  for (const ClubSchedule& schedule : schedules) {
    for (const Occurrence& occurrence : occurrences(schedule.rule, schedule.exceptions, from, to))
      sessions.push_back(ClubSession{schedule.id, club_id, schedule.place, occurrence});
  }
  std::ranges::sort(sessions, {}, [](const ClubSession& s) { return s.occurrence.starts_at; });
  return sessions;
}

Status record_session_attendance(store::SqlConnection& connection, const Actor& actor,
                                 Id schedule_id, CivilDate session, const std::vector<Id>& people,
                                 AttendanceState state) {
  store::ClubStore clubs(connection);
  auto managed = TRY(managed_schedule(clubs, actor, schedule_id));
  if (auto valid = is_session(managed.first, session); !valid) return valid;
  return store::in_transaction(connection, [&]() -> Status {
    for (Id person : people) {
      auto member = TRY(clubs.is_member(actor.principal.tenant, managed.second.id, person));
      if (!member) {
        return fail(ErrorKind::conflict, "club.not_member",
                    fmt::format("Người mang mã {} không phải thành viên câu lạc bộ.", person),
                    fmt::format("Person {} is not a member of the club.", person),
                    Location{0, "person_ids"});
      }
      if (auto recorded =
              clubs.record_attendance(actor.principal.tenant, schedule_id, session, person, state,
                                      actor.principal.account_id, actor.clock());
          !recorded) {
        return recorded;
      }
    }
    return Status{};
  });
}

Result<std::vector<SessionAttendance>> session_attendance(store::SqlConnection& connection,
                                                          const Actor& actor, Id schedule_id,
                                                          CivilDate session) {
  store::ClubStore clubs(connection);
  TRY(managed_schedule(clubs, actor, schedule_id));
  return clubs.attendance(actor.principal.tenant, schedule_id, session);
}

}  // namespace dk::service
