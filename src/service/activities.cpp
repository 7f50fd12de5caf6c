#include "service/activities.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

#include "core/access.hpp"
#include "core/check_in_code.hpp"
#include "core/vietnamese_text.hpp"
#include "service/activity_notices.hpp"
#include "service/audit.hpp"
#include "service/credentials.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/activity_store.hpp"
#include "store/plan_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// More activities than this at one moment in one agency is not a plan but a data error.
constexpr std::int64_t kMostOverlapping = 10'000;

bool manages(const Actor& actor, const Activity& activity) {
  if (actor.principal.administrator) return true;
  return std::ranges::any_of(activity.organizer_ids,
                             [&](Id id) { return may_manage_organization(actor.principal, id); });
}

std::unexpected<Error> activity_not_found(Id id) {
  return fail(ErrorKind::not_found, "activity.not_found",
              fmt::format("Không có hoạt động mang mã {}.", id),
              fmt::format("There is no activity {}.", id));
}

// The activity, if the actor may see it: drafts only to those who manage them.
Result<StoredActivity> visible_activity(store::ActivityStore& activities, const Actor& actor,
                                        Id id) {
  auto found = TRY(activities.find(actor.principal.tenant, id));
  if (!found) return activity_not_found(id);
  if (found->activity.status == ActivityStatus::draft && !manages(actor, found->activity))
    return activity_not_found(id);
  return std::move(*found);
}

Result<StoredActivity> managed_activity(store::ActivityStore& activities, const Actor& actor,
                                        Id id) {
  auto found = visible_activity(activities, actor, id);
  if (!found) return found;
  if (!manages(actor, found->activity)) return refuse();
  return found;
}

// Organizers, partner units and audience ids must name the agency's own records.
Status check_references(store::SqlConnection& connection, Id tenant, const Activity& activity) {
  store::RegistryStore registry(connection);
  for (Id organization : activity.organizer_ids) {
    auto found = TRY(registry.find_organization_by_id(tenant, organization));
    if (!found || found->external) {
      return fail(ErrorKind::invalid_input, "activity.organizer_unknown",
                  fmt::format("Không có tổ chức mang mã {} trong cơ quan.", organization),
                  fmt::format("There is no organization {} in the agency.", organization),
                  Location{0, "organizer_ids"});
    }
  }
  // A plan's activities are its organization's: organized (or co-organized) by it.
  if (activity.plan_id) {
    auto plan = TRY(store::PlanStore(connection).find(tenant, *activity.plan_id));
    if (!plan || std::ranges::find(activity.organizer_ids, plan->organization_id) ==
                     activity.organizer_ids.end()) {
      return fail(ErrorKind::invalid_input, "activity.plan_mismatch",
                  "Kế hoạch này không phải của một tổ chức đứng ra tổ chức hoạt động.",
                  "This plan belongs to none of the activity's organizers.",
                  Location{0, "plan_id"});
    }
  }
  if (!activity.partner_unit_ids.empty()) {
    auto partners = TRY(registry.list_partner_units(tenant));
    for (Id partner : activity.partner_unit_ids) {
      if (std::ranges::none_of(partners, [&](const PartnerUnit& p) { return p.id == partner; })) {
        return fail(ErrorKind::invalid_input, "activity.partner_unknown",
                    fmt::format("Không có đơn vị bạn mang mã {}.", partner),
                    fmt::format("There is no partner unit {}.", partner),
                    Location{0, "partner_unit_ids"});
      }
    }
  }
  return {};
}

Result<Scheduled> scheduled_of(store::ActivityStore& activities, Id tenant,
                               const Activity& activity, CivilDate today) {
  Scheduled scheduled{
      activity.id, activity.title, activity.starts_at, activity.ends_at, activity.place, {}, {}};
  auto audience = activities.audience_people(tenant, activity.audience);
  if (!audience) return std::unexpected(audience.error());
  scheduled.audience = std::move(*audience);
  auto organizers = activities.committee_people(tenant, activity.organizer_ids, today);
  if (!organizers) return std::unexpected(organizers.error());
  scheduled.organizers = std::move(*organizers);
  return scheduled;
}

Result<std::vector<Clash>> clashes_of(store::SqlConnection& connection, const Actor& actor,
                                      const Activity& draft) {
  store::ActivityStore activities(connection);
  const Id tenant = actor.principal.tenant;
  const CivilDate today = vietnam_date(actor.clock());
  auto candidate = TRY(scheduled_of(activities, tenant, draft, today));
  ActivityQuery query;
  // Exactly those that overlap it: ending after it starts and starting before it ends.
  query.from = draft.starts_at;
  query.to = draft.ends_at;
  query.limit = kMostOverlapping;
  auto overlapping = TRY(activities.list(tenant, query));
  std::vector<Scheduled> others;
  for (const StoredActivity& other : overlapping) {
    if (other.activity.status == ActivityStatus::cancelled) continue;
    auto scheduled = TRY(scheduled_of(activities, tenant, other.activity, today));
    others.push_back(std::move(scheduled));
  }
  return find_clashes(candidate, others);
}

Status name_people(store::SqlConnection& connection, const Actor& actor, ActivitySaved& saved) {
  std::vector<Id> people;
  for (const Clash& clash : saved.clashes)
    people.insert(people.end(), clash.people.begin(), clash.people.end());
  auto names = store::ActivityStore(connection).person_names(actor.principal.tenant, people);
  if (!names) return std::unexpected(names.error());
  saved.names = std::move(*names);
  return {};
}

std::string clash_detail(const std::vector<Clash>& clashes) {
  std::vector<std::string> items;
  for (const Clash& clash : clashes) {
    items.push_back(fmt::format(R"({{"kind":"{}","activity":{},"people":{}}})", code_of(clash.kind),
                                clash.other_id, clash.people_count));
  }
  return fmt::format("[{}]", fmt::join(items, ","));
}

// Checks and saves a draft (new when `existing` is empty), unless it clashes and the officer has
// not said to go ahead.
Result<ActivitySaved> save(store::SqlConnection& connection, const Actor& actor,
                           ActivityDraft draft, const std::optional<StoredActivity>& existing) {
  Activity& activity = draft.activity;
  activity.tenant_id = actor.principal.tenant;
  activity.title = normalize_text(activity.title);
  activity.place = normalize_text(activity.place);
  TRY(validate_activity(activity));
  // Creating needs the lead organization; changing, any organizing one (checked by the caller).
  if (!existing && !actor.principal.administrator &&
      !may_manage_organization(actor.principal, activity.organizer_ids.front())) {
    return refuse();
  }
  if (auto references = check_references(connection, activity.tenant_id, activity); !references)
    return std::unexpected(references.error());
  return store::in_transaction(connection, [&]() -> Result<ActivitySaved> {
    ActivitySaved saved;
    auto clashes = clashes_of(connection, actor, activity);
    if (!clashes) return std::unexpected(clashes.error());
    saved.clashes = std::move(*clashes);
    if (auto named = name_people(connection, actor, saved); !named)
      return std::unexpected(named.error());
    if (!saved.clashes.empty() && !draft.go_ahead_despite_clashes) return saved;
    store::ActivityStore activities(connection);
    StoredActivity stored{activity, draft.programme_id, 0, "", std::nullopt};
    if (existing) {
      stored.registered = existing->registered;
      stored.check_in_secret = existing->check_in_secret;
      stored.created_by = existing->created_by;
      if (auto updated = activities.update(stored, actor.clock()); !updated)
        return std::unexpected(updated.error());
      // Who holds or awaits a place hears of a new time or place (not of a new title).
      const Activity& before = existing->activity;
      if (before.status == ActivityStatus::published &&
          (before.starts_at != activity.starts_at || before.ends_at != activity.ends_at ||
           before.place != activity.place)) {
        TRY(publish_notification(
            connection, activity_event(activity, NotificationKind::activity_changed, actor.clock()),
            store::activity_recipients(activity.id)));
      }
      // A larger capacity makes room for the waitlist; who moved up is told.
      const auto promoted =
          TRY(activities.promote_waitlisted(stored.activity.tenant_id, activity.id));
      if (!promoted.empty()) {
        TRY(publish_notification(
            connection,
            activity_event(activity, NotificationKind::waitlist_promoted, actor.clock()),
            store::people_recipients(promoted)));
      }
    } else {
      stored.activity.status = ActivityStatus::draft;
      stored.check_in_secret = random_token();
      stored.created_by = actor.principal.account_id;
      auto created = TRY(activities.create(stored, actor.clock()));
      stored = std::move(created);
    }
    TRY(record_audit(
        connection, actor, existing ? "update" : "create", "activity", stored.activity.id,
        saved.clashes.empty()
            ? std::string("{}")
            : fmt::format(R"({{"clashes_accepted":{}}})", clash_detail(saved.clashes))));
    auto reread = TRY(activities.find(stored.activity.tenant_id, stored.activity.id));
    saved.activity = std::move(*reread);
    return saved;
  });
}

Result<ActivityView> view_of(store::ActivityStore& activities, const Actor& actor,
                             StoredActivity stored) {
  ActivityView view;
  view.manageable = manages(actor, stored.activity);
  const Id tenant = actor.principal.tenant;
  if (actor.principal.person_id) {
    auto mine = activities.registration_of(tenant, stored.activity.id, actor.principal.person_id);
    if (!mine) return std::unexpected(mine.error());
    view.mine = std::move(*mine);
    auto attended =
        TRY(activities.attendance_of(tenant, stored.activity.id, actor.principal.person_id));
    view.my_attendance = attended;
  }
  view.stored = std::move(stored);
  return view;
}

// Who may check in: with a capacity, those holding a place; without one, the audience.
Status may_attend(store::ActivityStore& activities, const StoredActivity& stored, Id person) {
  const Activity& activity = stored.activity;
  if (activity.capacity) {
    auto registration = TRY(activities.registration_of(activity.tenant_id, activity.id, person));
    if (!registration || registration->state != RegistrationState::registered) {
      return fail(ErrorKind::conflict, "check_in.not_registered",
                  "Người này chưa có chỗ trong danh sách đăng ký của hoạt động.",
                  "This person holds no place among the activity's registrations.");
    }
    return {};
  }
  auto in = TRY(activities.in_audience(activity.tenant_id, activity.audience, person));
  if (!in) {
    return fail(ErrorKind::conflict, "check_in.not_in_audience",
                "Người này không thuộc đối tượng của hoạt động.",
                "This person is not in the activity's audience.");
  }
  return {};
}

}  // namespace

Result<ActivitySaved> activity_clashes(store::SqlConnection& connection, const Actor& actor,
                                       const Activity& draft) {
  if (!actor.principal.administrator && !actor.principal.is_officer()) return refuse();
  Activity activity = draft;
  activity.tenant_id = actor.principal.tenant;
  TRY(validate_activity(activity));
  ActivitySaved report;
  auto clashes = clashes_of(connection, actor, activity);
  if (!clashes) return std::unexpected(clashes.error());
  report.clashes = std::move(*clashes);
  if (auto named = name_people(connection, actor, report); !named)
    return std::unexpected(named.error());
  return report;
}

Result<ActivitySaved> create_activity(store::SqlConnection& connection, const Actor& actor,
                                      ActivityDraft draft) {
  return save(connection, actor, std::move(draft), std::nullopt);
}

Result<ActivitySaved> update_activity(store::SqlConnection& connection, const Actor& actor, Id id,
                                      ActivityDraft draft) {
  store::ActivityStore activities(connection);
  auto existing = TRY(managed_activity(activities, actor, id));
  if (existing.activity.status == ActivityStatus::cancelled ||
      existing.activity.status == ActivityStatus::done) {
    return fail(ErrorKind::conflict, "activity.final",
                "Hoạt động đã hủy hoặc đã diễn ra thì không sửa được.",
                "A cancelled or finished activity cannot be changed.");
  }
  if (draft.activity.capacity && *draft.activity.capacity < existing.registered) {
    return fail(ErrorKind::conflict, "activity.capacity_below_registered",
                fmt::format("Đã có {} người đăng ký, không giảm số chỗ xuống dưới con số đó.",
                            existing.registered),
                fmt::format("{} people hold places; the capacity cannot go below that.",
                            existing.registered),
                Location{0, "capacity"});
  }
  draft.activity.id = id;
  draft.activity.status = existing.activity.status;
  auto saved = save(connection, actor, std::move(draft), existing);
  // A new time or place, or places freed, may have been told to people (see save()).
  if (saved && saved->activity) signal_notified(actor.principal.tenant);
  return saved;
}

Result<StoredActivity> change_activity_status(store::SqlConnection& connection, const Actor& actor,
                                              Id id, ActivityStatus to) {
  store::ActivityStore activities(connection);
  auto changed = store::in_transaction(connection, [&]() -> Result<StoredActivity> {
    auto stored = managed_activity(activities, actor, id);
    if (!stored) return stored;
    if (auto allowed = check_status_change(stored->activity, to, actor.clock()); !allowed)
      return std::unexpected(allowed.error());
    if (auto set = activities.set_status(actor.principal.tenant, id, to, actor.clock()); !set)
      return std::unexpected(set.error());
    TRY(record_audit(connection, actor, "status", "activity", id,
                     fmt::format(R"({{"status":"{}"}})", code_of(to))));
    // Everyone who holds or awaits a place is told; the registrations stay for the record.
    if (to == ActivityStatus::cancelled) {
      TRY(publish_notification(
          connection,
          activity_event(stored->activity, NotificationKind::activity_cancelled, actor.clock()),
          store::activity_recipients(id)));
    }
    stored->activity.status = to;
    return stored;
  });
  if (changed && to == ActivityStatus::cancelled) signal_notified(actor.principal.tenant);
  return changed;
}

Result<std::vector<ActivityView>> list_activities(store::SqlConnection& connection,
                                                  const Actor& actor, ActivityFilter filter) {
  store::ActivityStore activities(connection);
  auto listed = TRY(activities.list(actor.principal.tenant, filter.query));
  std::vector<ActivityView> views;
  for (StoredActivity& stored : listed) {
    if (stored.activity.status == ActivityStatus::draft && !manages(actor, stored.activity))
      continue;
    auto view = TRY(view_of(activities, actor, std::move(stored)));
    if (filter.mine_only && (!view.mine || view.mine->state == RegistrationState::cancelled))
      continue;
    views.push_back(std::move(view));
  }
  return views;
}

Result<ActivityView> read_activity(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::ActivityStore activities(connection);
  auto stored = TRY(visible_activity(activities, actor, id));
  auto view = view_of(activities, actor, std::move(stored));
  if (!view) return view;
  auto registrations = TRY(activities.registrations(actor.principal.tenant, id));
  view->waitlisted = std::ranges::count_if(registrations, [](const Registration& r) {
    return r.state == RegistrationState::waitlisted;
  });
  return view;
}

Result<std::vector<RegistrationOutcome>> register_for_activity(store::SqlConnection& connection,
                                                               const Actor& actor, Id activity,
                                                               std::vector<Id> people) {
  store::ActivityStore activities(connection);
  const Id tenant = actor.principal.tenant;
  const bool for_self = people.empty();
  if (for_self) {
    if (!actor.principal.person_id) return refuse();
    people.push_back(actor.principal.person_id);
  }
  std::ranges::sort(people);
  const auto [first, last] = std::ranges::unique(people);
  people.erase(first, last);
  return store::in_transaction(connection, [&]() -> Result<std::vector<RegistrationOutcome>> {
    auto stored = TRY(visible_activity(activities, actor, activity));
    const bool manager = manages(actor, stored.activity);
    if (!for_self && !manager) return refuse();
    if (auto open = may_register(stored.activity, actor.clock()); !open)
      return std::unexpected(open.error());
    std::vector<RegistrationOutcome> outcomes;
    for (Id person : people) {
      auto in = TRY(activities.in_audience(tenant, stored.activity.audience, person));
      if (!in) {
        return fail(ErrorKind::conflict, "registration.not_in_audience",
                    fmt::format("Người mang mã {} không thuộc đối tượng của hoạt động.", person),
                    fmt::format("Person {} is not in the activity's audience.", person),
                    Location{0, "person_ids"});
      }
      auto outcome = TRY(activities.register_person(tenant, activity, person,
                                                    actor.principal.account_id, actor.clock()));
      outcomes.push_back(std::move(outcome));
    }
    if (!for_self) {
      TRY(record_audit(connection, actor, "register", "activity", activity,
                       fmt::format(R"({{"people":[{}]}})", fmt::join(people, ","))));
    }
    return outcomes;
  });
}

Result<std::vector<Id>> cancel_registration(store::SqlConnection& connection, const Actor& actor,
                                            Id activity, Id person) {
  store::ActivityStore activities(connection);
  auto promoted = store::in_transaction(connection, [&]() -> Result<std::vector<Id>> {
    auto stored = TRY(visible_activity(activities, actor, activity));
    const bool manager = manages(actor, stored.activity);
    if (person != actor.principal.person_id && !manager) return refuse();
    if (!manager) {
      if (auto allowed = may_cancel_registration(stored.activity, actor.clock()); !allowed)
        return std::unexpected(allowed.error());
    }
    auto moved_up = TRY(
        activities.cancel_registration(actor.principal.tenant, activity, person, actor.clock()));
    if (!moved_up.empty()) {
      TRY(publish_notification(
          connection,
          activity_event(stored.activity, NotificationKind::waitlist_promoted, actor.clock()),
          store::people_recipients(moved_up)));
    }
    return moved_up;
  });
  if (promoted && !promoted->empty()) signal_notified(actor.principal.tenant, *promoted);
  return promoted;
}

Result<std::vector<Registration>> list_registrations(store::SqlConnection& connection,
                                                     const Actor& actor, Id activity) {
  store::ActivityStore activities(connection);
  TRY(managed_activity(activities, actor, activity));
  return activities.registrations(actor.principal.tenant, activity);
}

namespace {

Result<PreparedCheckIn> prepare_check_in_reading(store::SqlConnection& connection,
                                                 const Actor& actor, Id activity,
                                                 const CheckIn& request) {
  store::ActivityStore activities(connection);
  const Id tenant = actor.principal.tenant;
  const Instant now = actor.clock();
  auto stored = TRY(visible_activity(activities, actor, activity));
  const bool manager = manages(actor, stored.activity);
  PreparedCheckIn prepared;
  prepared.activity = activity;
  AttendanceRecord& record = prepared.record;
  switch (request.method) {
    case CheckInMethod::activity_code:
      if (!actor.principal.person_id) return refuse();
      if (!token_valid(stored.check_in_secret, activity, request.code, now)) {
        return fail(ErrorKind::invalid_input, "check_in.code_invalid",
                    "Mã điểm danh không đúng hoặc đã hết hạn. Hãy quét lại mã đang hiển thị.",
                    "The check-in code is wrong or has expired. Scan the code on display again.",
                    Location{0, "code"});
      }
      record.person_id = actor.principal.person_id;
      record.method = "activity_code";
      break;
    case CheckInMethod::person_code: {
      if (!manager) return refuse();
      // Read, not made: an agency without a key has issued no personal code that could match.
      auto key = TRY(activities.existing_check_in_key(tenant));
      auto person = key ? person_from_token(*key, tenant, request.code) : std::nullopt;
      if (!person) {
        return fail(ErrorKind::invalid_input, "check_in.person_code_invalid",
                    "Mã cá nhân không hợp lệ.", "The personal code is not valid.",
                    Location{0, "code"});
      }
      record.person_id = *person;
      record.method = "person_code";
      break;
    }
    case CheckInMethod::by_hand:
      if (!manager) return refuse();
      if (!request.person_id) {
        return fail(ErrorKind::invalid_input, "check_in.person_required", "Hãy chọn người.",
                    "Choose the person.", Location{0, "person_id"});
      }
      record.person_id = *request.person_id;
      record.method = "by_hand";
      break;
  }
  if (request.method != CheckInMethod::by_hand) {
    if (auto open = may_check_in(stored.activity, now); !open) return std::unexpected(open.error());
  }
  // Read before the write and not with it: a registration cancelled (or a membership ended) in
  // between still gets its check-in, as if it had come a moment earlier. That race is benign (the
  // person held the place when they came to the door), and it keeps these reads out of the
  // writer's serial transaction.
  if (auto eligible = may_attend(activities, stored, record.person_id); !eligible) {
    // An officer marking someone absent or excused needs no place.
    if (!(request.method == CheckInMethod::by_hand && request.state &&
          (*request.state == AttendanceState::absent ||
           *request.state == AttendanceState::excused))) {
      return std::unexpected(eligible.error());
    }
  }
  auto name = TRY(activities.person_name(tenant, record.person_id));
  record.full_name = name.value_or("");  // none: the write fails on the person's foreign key
  record.state = attendance_for_check_in(stored.activity.starts_at, now);
  record.checked_in_at = seconds_of(now);
  if (request.method == CheckInMethod::by_hand && request.state) {
    prepared.overwrite = true;
    record.state = *request.state;
    if (record.state == AttendanceState::absent || record.state == AttendanceState::excused)
      record.checked_in_at.reset();
  }
  return prepared;
}

}  // namespace

Result<PreparedCheckIn> prepare_check_in(store::SqlConnection& connection, const Actor& actor,
                                         Id activity, const CheckIn& request) {
  // Its reads (six or so statements) see one snapshot and cost one read transaction.
  return store::in_read_snapshot(
      connection, [&] { return prepare_check_in_reading(connection, actor, activity, request); });
}

Result<CheckedIn> write_check_in(store::SqlConnection& connection, const Actor& actor,
                                 const PreparedCheckIn& prepared) {
  store::ActivityStore activities(connection);
  const Id tenant = actor.principal.tenant;
  const AttendanceRecord& record = prepared.record;
  if (!prepared.overwrite) {
    auto written =
        activities.record_attendance(tenant, prepared.activity, record, actor.principal.account_id);
    if (!written) return std::unexpected(written.error());
    return CheckedIn{std::move(written->first), written->second};
  }
  return store::in_transaction(connection, [&]() -> Result<CheckedIn> {
    if (auto set = activities.set_attendance(tenant, prepared.activity, record,
                                             actor.principal.account_id);
        !set) {
      return std::unexpected(set.error());
    }
    TRY(record_audit(
        connection, actor, "attendance", "activity", prepared.activity,
        fmt::format(R"({{"person":{},"state":"{}"}})", record.person_id, code_of(record.state))));
    auto written = TRY(activities.attendance_record(tenant, prepared.activity, record.person_id));
    return CheckedIn{written.value_or(record), true};
  });
}

Result<CheckedIn> check_in(store::SqlConnection& connection, const Actor& actor, Id activity,
                           const CheckIn& request) {
  return store::in_transaction(connection, [&]() -> Result<CheckedIn> {
    auto prepared = TRY(prepare_check_in(connection, actor, activity, request));
    return write_check_in(connection, actor, prepared);
  });
}

Result<std::vector<AttendanceRecord>> list_attendance(store::SqlConnection& connection,
                                                      const Actor& actor, Id activity) {
  store::ActivityStore activities(connection);
  TRY(managed_activity(activities, actor, activity));
  return activities.attendance(actor.principal.tenant, activity);
}

Result<CheckInCode> activity_check_in_code(store::SqlConnection& connection, const Actor& actor,
                                           Id activity) {
  store::ActivityStore activities(connection);
  auto stored = TRY(managed_activity(activities, actor, activity));
  const std::int64_t step = time_step(actor.clock());
  return CheckInCode{check_in_token(stored.check_in_secret, activity, step),
                     time_step_start(step + 1)};
}

Result<std::string> personal_check_in_code(store::SqlConnection& connection, const Actor& actor) {
  if (!actor.principal.person_id) return refuse();
  store::ActivityStore activities(connection);
  auto key = TRY(activities.check_in_key(actor.principal.tenant, random_token()));
  return person_token(key, actor.principal.tenant, actor.principal.person_id);
}

Status give_feedback(store::SqlConnection& connection, const Actor& actor, Id activity,
                     const Feedback& feedback) {
  store::ActivityStore activities(connection);
  auto stored = TRY(visible_activity(activities, actor, activity));
  auto attended =
      activities.attendance_of(actor.principal.tenant, activity, actor.principal.person_id);
  if (!attended) return std::unexpected(attended.error());
  Feedback normalized{feedback.rating, normalize_text(feedback.comment)};
  if (auto valid =
          validate_feedback(normalized, stored.activity.starts_at, actor.clock(), *attended);
      !valid) {
    return valid;
  }
  return activities.save_feedback(actor.principal.tenant, activity, actor.principal.person_id,
                                  normalized, actor.clock());
}

}  // namespace dk::service
