#include "demo/activities.hpp"

#include <fmt/format.h>

#include <optional>
#include <set>

#include "core/activity.hpp"
#include "core/club.hpp"
#include "core/plan.hpp"
#include "service/credentials.hpp"
#include "store/activity_store.hpp"
#include "store/club_store.hpp"
#include "store/plan_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::demo {

// The demo acts through the service's use cases where people would have.
using namespace dk::service;
namespace {

enum Organizer { kTradeUnion = 0, kYouthUnion = 1, kLawyers = 2 };
constexpr int kNoPartner = -1;

struct DemoActivity {
  std::string_view title;  // "{}" takes the year
  ActivityKind kind;
  std::vector<int> organizers;  // indexes into the organizations; the first leads
  int month;
  int day;
  int start_minute;  // local time
  int minutes;
  std::string_view place;
  int partner = kNoPartner;  // index into the partner units
  std::optional<std::int64_t> capacity;
  bool everyone = false;  // the whole agency, not only the organizers' members
  bool required = false;
};

// Dates follow the Vietnamese calendar of a year in an agency: 8/3, 26/3, 27/7, 20/10, 9/11.
const std::vector<DemoActivity> kActivities = {
    {"Hội nghị cán bộ, công chức, viên chức năm {}",
     ActivityKind::meeting,
     {kTradeUnion},
     1,
     20,
     8 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     true},
    {"Tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ 8/3",
     ActivityKind::culture_arts,
     {kTradeUnion},
     3,
     6,
     15 * 60,
     120,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Ra quân Tháng Thanh niên {}",
     ActivityKind::volunteering,
     {kYouthUnion},
     3,
     2,
     7 * 60,
     180,
     "Xã Thạch Trung, thành phố Hà Tĩnh",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Giải bóng đá chào mừng 26/3",
     ActivityKind::sports,
     {kYouthUnion, kTradeUnion},
     3,
     24,
     16 * 60,
     120,
     "Sân bóng Trường Chính trị Trần Phú",
     kNoPartner,
     30,
     false,
     false},
    {"Giao lưu bóng đá với Tòa án nhân dân tỉnh",
     ActivityKind::partner_exchange,
     {kTradeUnion},
     4,
     17,
     16 * 60,
     120,
     "Sân vận động thành phố Hà Tĩnh",
     0,
     22,
     false,
     false},
    {"Sinh hoạt chuyên đề: Luật Tổ chức chính quyền địa phương (sửa đổi)",
     ActivityKind::study,
     {kLawyers},
     4,
     22,
     14 * 60,
     150,
     "Phòng họp tầng 3",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Học tập, quán triệt Nghị quyết Đại hội Công đoàn tỉnh",
     ActivityKind::study,
     {kTradeUnion},
     5,
     14,
     14 * 60,
     150,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     true},
    {"Tập huấn kỹ năng tuyên truyền pháp luật trên mạng xã hội",
     ActivityKind::training,
     {kYouthUnion},
     6,
     12,
     8 * 60,
     210,
     "Phòng họp tầng 3",
     kNoPartner,
     25,
     false,
     false},
    {"Tư vấn pháp luật miễn phí tại xã Thạch Hà",
     ActivityKind::volunteering,
     {kLawyers},
     6,
     26,
     7 * 60 + 30,
     240,
     "Nhà văn hóa xã Thạch Hà",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Thăm, tặng quà gia đình chính sách nhân ngày 27/7",
     ActivityKind::volunteering,
     {kTradeUnion},
     7,
     24,
     8 * 60,
     180,
     "Phường Bắc Hà, thành phố Hà Tĩnh",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Hiến máu tình nguyện",
     ActivityKind::volunteering,
     {kYouthUnion, kTradeUnion},
     8,
     14,
     7 * 60,
     240,
     "Bệnh viện Đa khoa tỉnh Hà Tĩnh",
     kNoPartner,
     std::nullopt,
     true,
     false},
    {"Giao lưu cầu lông với Cục Thi hành án dân sự tỉnh",
     ActivityKind::partner_exchange,
     {kTradeUnion},
     9,
     18,
     16 * 60 + 30,
     120,
     "Nhà thi đấu tỉnh Hà Tĩnh",
     2,
     16,
     false,
     false},
    {"Hội thi “Nữ công chức Sở Tư pháp duyên dáng”",
     ActivityKind::culture_arts,
     {kTradeUnion},
     10,
     17,
     14 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Hội thảo hưởng ứng Ngày Pháp luật Việt Nam 9/11",
     ActivityKind::study,
     {kLawyers, kYouthUnion},
     11,
     6,
     8 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     false},
    {"Học tập chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
     ActivityKind::study,
     {kYouthUnion},
     11,
     20,
     14 * 60,
     120,
     "Phòng họp tầng 3",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Họp Chi hội tổng kết năm {}",
     ActivityKind::meeting,
     {kLawyers},
     12,
     10,
     14 * 60,
     120,
     "Phòng họp tầng 3",
     kNoPartner,
     std::nullopt,
     false,
     true},
    {"Hội nghị tổng kết công tác Công đoàn năm {}",
     ActivityKind::meeting,
     {kTradeUnion},
     12,
     16,
     8 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     false,
     true},
    {"Đêm văn nghệ chào năm mới",
     ActivityKind::culture_arts,
     {kYouthUnion, kTradeUnion},
     12,
     27,
     19 * 60,
     150,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     80,
     true,
     false},
};

// Last year, more modestly, so that the engagement page has a year to compare with (its trend and
// its lapsed members): a few activities of each organization, all done, outside
// this year's plans. More of the trade union took part then: some of those who attend nothing
// this year still came (`Story::lapsed`).
const std::vector<DemoActivity> kLastYear = {
    {"Hội nghị cán bộ, công chức, viên chức năm {}",
     ActivityKind::meeting,
     {kTradeUnion},
     1,
     16,
     8 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     true},
    {"Ra quân Tháng Thanh niên năm {}: dọn vệ sinh bờ sông Rào Cái",
     ActivityKind::volunteering,
     {kYouthUnion},
     3,
     8,
     7 * 60,
     180,
     "Phường Bắc Hà, thành phố Hà Tĩnh",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Giải bóng đá mini Công đoàn – Chi đoàn năm {}",
     ActivityKind::sports,
     {kYouthUnion, kTradeUnion},
     3,
     22,
     16 * 60,
     120,
     "Sân bóng Trường Chính trị Trần Phú",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Học tập chuyên đề cải cách hành chính năm {}",
     ActivityKind::study,
     {kTradeUnion},
     5,
     21,
     14 * 60,
     150,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     true},
    {"Thăm hỏi gia đình thương binh, liệt sĩ nhân ngày 27/7/{}",
     ActivityKind::volunteering,
     {kTradeUnion, kYouthUnion},
     7,
     25,
     8 * 60,
     180,
     "Xã Thạch Hạ, thành phố Hà Tĩnh",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Sinh hoạt Chi đoàn: chuyển đổi số trong công tác tư pháp",
     ActivityKind::study,
     {kYouthUnion},
     9,
     19,
     14 * 60,
     120,
     "Phòng họp tầng 3",
     kNoPartner,
     std::nullopt,
     false,
     false},
    {"Văn nghệ chào mừng Ngày Phụ nữ Việt Nam 20/10/{}",
     ActivityKind::culture_arts,
     {kTradeUnion},
     10,
     17,
     15 * 60,
     120,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     true,
     false},
    {"Hội nghị tổng kết công tác Công đoàn năm {}",
     ActivityKind::meeting,
     {kTradeUnion},
     12,
     12,
     8 * 60,
     180,
     "Hội trường Sở Tư pháp",
     kNoPartner,
     std::nullopt,
     false,
     true},
    {"Tọa đàm hưởng ứng Ngày Pháp luật 9/11/{}",
     ActivityKind::study,
     {kLawyers},
     11,
     7,
     14 * 60,
     120,
     "Phòng họp tầng 3",
     kNoPartner,
     std::nullopt,
     false,
     false},
};

// A fixed mix, so that every demo database tells the same story.
int draw(Id person, Id activity, int salt) {
  const std::uint64_t mixed = static_cast<std::uint64_t>(person) * 2654435761u +
                              static_cast<std::uint64_t>(activity) * 40503u +
                              static_cast<std::uint64_t>(salt) * 97u;
  return static_cast<int>((mixed >> 7) % 100);
}

// The seed's limitations, in numbers (issue 15): some members of the trade union never take part
// in anything; sports and their clubs reach only a few departments; a handful of people carry the
// youth union. Who is who follows `draw`, so that every demo database tells the same story.
struct Story {
  std::set<Id> never;          // members of the trade union who attend nothing all year
  std::set<Id> lapsed;         // of them, those who still took part last year (about half)
  std::set<Id> youth_core;     // the few who come to everything the youth union does
  std::set<Id> youth;          // the youth union's members
  std::set<Id> sports_people;  // people of the departments that sports reach
};

constexpr int kNeverPercent = 28;        // of the trade union's members
constexpr int kLapsedPercent = 14;       // of them, who still came last year (half of them)
constexpr int kYouthCorePercent = 45;    // of its members in the sports departments
constexpr std::size_t kSportsUnits = 3;  // of the agency's departments

Result<Story> tell_story(store::SqlConnection& connection, store::ActivityStore& activities,
                         Id tenant, const std::vector<Organization>& organizations) {
  Story story;
  const auto members_of = [&](int organizer) {
    return activities.audience_people(
        tenant, Audience{AudienceScope::organizations,
                         {organizations[static_cast<std::size_t>(organizer)].id}});
  };
  for (Id person : TRY(members_of(kTradeUnion))) {
    // One draw for both: a person's draws differ by a shift only, so a second draw would pick
    // nearly the same people; the lower part of the "never" is the lapsed.
    const int drawn = draw(person, 0, 11);
    if (drawn >= kNeverPercent) continue;
    story.never.insert(person);
    if (drawn < kLapsedPercent) story.lapsed.insert(person);
  }
  // Sports are at home in the first departments only (the ones with the lowest ids).
  store::RegistryStore registry(connection);
  std::set<Id> units;
  std::vector<std::pair<Id, Id>> person_units;
  for (Id person : TRY(activities.audience_people(tenant, Audience{}))) {
    const auto found = TRY(registry.find_person(tenant, person));
    if (!found || !found->unit_id) continue;
    units.insert(*found->unit_id);
    person_units.emplace_back(person, *found->unit_id);
  }
  std::set<Id> sports_units;
  for (Id unit : units) {
    if (sports_units.size() == kSportsUnits) break;
    sports_units.insert(unit);
  }
  for (const auto& [person, unit] : person_units)
    if (sports_units.contains(unit)) story.sports_people.insert(person);
  // The youth union's regulars are its footballers too: from the sports departments.
  for (Id person : TRY(members_of(kYouthUnion))) {
    story.youth.insert(person);
    if (!story.never.contains(person) && story.sports_people.contains(person) &&
        draw(person, 0, 12) < kYouthCorePercent)
      story.youth_core.insert(person);
  }
  return story;
}

Plan plan_for(Id tenant, const Organization& organization, int year) {
  Plan plan;
  plan.tenant_id = tenant;
  plan.organization_id = organization.id;
  plan.year = year;
  plan.title = fmt::format("Kế hoạch hoạt động năm {} — {}", year, organization.name);
  switch (organization.kind) {
    case OrganizationKind::trade_union:
      plan.activity_targets = {{ActivityKind::meeting, 2},      {ActivityKind::study, 2},
                               {ActivityKind::culture_arts, 2}, {ActivityKind::partner_exchange, 2},
                               {ActivityKind::volunteering, 2}, {ActivityKind::sports, 1}};
      plan.participation_target = 90;
      break;
    case OrganizationKind::youth_union:
      plan.activity_targets = {{ActivityKind::study, 2},
                               {ActivityKind::volunteering, 3},
                               {ActivityKind::sports, 1},
                               {ActivityKind::training, 1},
                               {ActivityKind::culture_arts, 1}};
      plan.participation_target = 85;
      break;
    default:
      plan.activity_targets = {
          {ActivityKind::study, 3}, {ActivityKind::volunteering, 1}, {ActivityKind::meeting, 1}};
      plan.participation_target = 80;
      break;
  }
  return plan;
}

// The clubs that train on weekdays: the trade union's badminton, the youth union's football.
struct DemoClub {
  std::string_view name;
  int organizer;
  ClubKind kind;
  std::vector<Weekday> days;
  int start_minute;
  int end_minute;
  std::string_view place;
  int members_percent;  // of the organization's members
};

const std::vector<DemoClub> kClubs = {
    {"CLB Cầu lông Công đoàn Sở Tư pháp",
     kTradeUnion,
     ClubKind::sports,
     {Weekday::tuesday, Weekday::thursday},
     17 * 60,
     18 * 60 + 30,
     "Nhà thi đấu tỉnh Hà Tĩnh",
     30},
    {"Đội bóng đá Chi đoàn",
     kYouthUnion,
     ClubKind::sports,
     {Weekday::saturday},
     16 * 60,
     17 * 60 + 30,
     "Sân bóng Trường Chính trị Trần Phú",
     60},
    {"Đội văn nghệ Sở Tư pháp",
     kTradeUnion,
     ClubKind::arts,
     {Weekday::wednesday},
     17 * 60,
     18 * 60 + 30,
     "Hội trường Sở Tư pháp",
     15},
};

// The clubs, their members, and who came to their sessions so far this year.
Result<std::int64_t> load_demo_clubs(store::SqlConnection& connection, Id tenant,
                                     const std::vector<Organization>& organizations, int year,
                                     Instant now, const Story& story) {
  store::ClubStore clubs(connection);
  store::ActivityStore people(connection);
  std::int64_t records = 0;
  const CivilDate today = vietnam_date(now);
  for (const DemoClub& demo : kClubs) {
    const Organization& organization = organizations[static_cast<std::size_t>(demo.organizer)];
    auto club =
        clubs.create(Club{0, tenant, organization.id, std::string(demo.name), demo.kind, ""}, now);
    if (!club) return std::unexpected(club.error());
    ClubSchedule schedule;
    schedule.club_id = club->id;
    // Founded this January and training on from year to year: no last date, so that a club
    // has sessions coming on 31 December as on any other day.
    schedule.rule = {demo.days, demo.start_minute, demo.end_minute, CivilDate{year, 1, 5},
                     std::nullopt};
    schedule.place = std::string(demo.place);
    auto added = TRY(clubs.add_schedule(tenant, schedule, now));
    // No sessions around Tết (mid-February; the lunar date moves, the demo keeps it simple).
    for (const Occurrence& session :
         occurrences(schedule.rule, {}, CivilDate{year, 2, 14}, CivilDate{year, 2, 22})) {
      if (auto cancelled =
              clubs.set_exception(tenant, added.id, RuleException{session.date, std::nullopt}, now);
          !cancelled) {
        return std::unexpected(cancelled.error());
      }
    }
    auto audience =
        people.audience_people(tenant, Audience{AudienceScope::organizations, {organization.id}});
    if (!audience) return std::unexpected(audience.error());
    std::vector<Id> members;
    for (Id person : *audience) {
      if (story.never.contains(person)) continue;
      // The sports clubs draw their players from the sports departments only.
      if (demo.kind == ClubKind::sports && !story.sports_people.contains(person)) continue;
      const bool regular = demo.organizer == kYouthUnion && story.youth_core.contains(person);
      if (!regular && draw(person, club->id, 4) >= demo.members_percent) continue;
      if (auto joined = clubs.join(tenant, club->id, person, CivilDate{year, 1, 5}); !joined)
        return std::unexpected(joined.error());
      members.push_back(person);
    }
    auto schedules = TRY(clubs.schedules(tenant, club->id));
    const ClubSchedule& stored = schedules.front();
    for (const Occurrence& session :
         occurrences(stored.rule, stored.exceptions, stored.rule.first, today)) {
      if (session.ends_at > now) break;
      const Id day = days_from_civil(session.original_date);
      for (Id person : members) {
        const int turnout = draw(person, day, 5);
        if (turnout >= 75) continue;
        const AttendanceState state =
            turnout < 65 ? AttendanceState::present : AttendanceState::late;
        if (auto recorded = clubs.record_attendance(tenant, stored.id, session.original_date,
                                                    person, state, std::nullopt, session.ends_at);
            !recorded) {
          return std::unexpected(recorded.error());
        }
        ++records;
      }
    }
  }
  return records;
}

// One demo activity of `year`, created three weeks ahead as an officer would have; a past one done
// with its attendance and feedback. `plan`: its lead organizer's plan of the year, or none.
// Answers the attendance records written.
Result<std::int64_t> hold_activity(store::ActivityStore& activities, Id tenant,
                                   const std::vector<Organization>& organizations,
                                   const std::vector<Id>& partners, const DemoActivity& demo,
                                   int year, std::optional<Id> plan, bool last_year, Instant now,
                                   const Story& story) {
  std::int64_t attendance = 0;
  StoredActivity stored;
  Activity& activity = stored.activity;
  activity.tenant_id = tenant;
  activity.plan_id = plan;
  activity.kind = demo.kind;
  activity.title = fmt::format(fmt::runtime(demo.title), year);
  activity.starts_at = vietnam_instant(CivilDate{year, demo.month, demo.day}, demo.start_minute);
  activity.ends_at = activity.starts_at + std::chrono::minutes(demo.minutes);
  activity.place = std::string(demo.place);
  for (int organizer : demo.organizers)
    activity.organizer_ids.push_back(organizations[static_cast<std::size_t>(organizer)].id);
  if (demo.partner != kNoPartner)
    activity.partner_unit_ids.push_back(partners[static_cast<std::size_t>(demo.partner)]);
  if (!demo.everyone) {
    activity.audience = {AudienceScope::organizations, activity.organizer_ids};
  }
  activity.capacity = demo.capacity;
  activity.required = demo.required;
  const bool past = activity.ends_at <= now;
  activity.status = past ? ActivityStatus::done : ActivityStatus::published;
  stored.check_in_secret = random_token();
  auto created = TRY(activities.create(stored, activity.starts_at - std::chrono::days(21)));
  const Id id = created.activity.id;

  auto audience = TRY(activities.audience_people(tenant, activity.audience));
  const Instant registered_at = activity.starts_at - std::chrono::days(7);
  const bool youth_led = demo.organizers.front() == kYouthUnion;
  for (Id person : audience) {
    // Sports drew nobody from the other departments, this year or last: they did not even sign up.
    if (past && demo.kind == ActivityKind::sports && !story.sports_people.contains(person))
      continue;
    const int chance = draw(person, id, 1);
    // Those who sign up: everyone who will come and some who will not; fewer ahead of time.
    const bool registers = activity.capacity ? chance < (past ? 85 : 35) : false;
    if (registers) {
      auto registered = activities.register_person(tenant, id, person, std::nullopt, registered_at);
      if (!registered) return std::unexpected(registered.error());
    }
    if (!past) continue;
    bool holds_place = !activity.capacity;
    if (activity.capacity && registers) {
      auto registration = TRY(activities.registration_of(tenant, id, person));
      holds_place = registration && registration->state == RegistrationState::registered;
    }
    if (!holds_place) continue;
    AttendanceRecord record;
    record.person_id = person;
    const int turnout = draw(person, id, 2);
    // The youth union's own activities: its few regulars nearly always, the others seldom.
    int comes = activity.required ? 88 : 68;
    if (youth_led && story.youth.contains(person))
      comes = story.youth_core.contains(person) ? 97 : 22;
    // Those who attend nothing this year; some of them still came last year.
    if (story.never.contains(person))
      comes = last_year && story.lapsed.contains(person) ? comes : 0;
    if (turnout < comes) {
      const int minutes_late = turnout % 9 == 0 ? 15 + turnout % 20 : turnout % 10 - 5;
      const Instant at = activity.starts_at + std::chrono::minutes(minutes_late);
      record.state = attendance_for_check_in(activity.starts_at, at);
      record.checked_in_at = seconds_of(at);
      record.method = turnout % 3 == 0 ? "by_hand" : "activity_code";
    } else if (activity.required || activity.capacity) {
      // Expected and not there: absent, a few of them with leave.
      record.state = turnout % 4 == 0 ? AttendanceState::excused : AttendanceState::absent;
      record.method = "by_hand";
    } else {
      continue;
    }
    TRY(activities.record_attendance(tenant, id, record, std::nullopt));
    ++attendance;
    const int opinion = draw(person, id, 3);
    if (record.state != AttendanceState::present && record.state != AttendanceState::late) continue;
    if (opinion < 40) {
      Feedback feedback{3 + opinion % 3, opinion % 4 == 0 ? "Hoạt động bổ ích, mong được tổ "
                                                            "chức thường xuyên hơn."
                                                          : ""};
      if (auto saved = activities.save_feedback(tenant, id, person, feedback, activity.ends_at);
          !saved) {
        return std::unexpected(saved.error());
      }
    }
  }
  return attendance;
}

}  // namespace

Result<DemoActivitiesSummary> load_demo_activities(store::SqlConnection& connection, Id tenant,
                                                   const std::vector<Organization>& organizations,
                                                   const std::vector<Id>& partners,
                                                   const Clock& clock) {
  const Instant now = clock();
  const int year = vietnam_date(now).year;
  store::PlanStore plans(connection);
  store::ActivityStore activities(connection);
  DemoActivitiesSummary summary;
  const Story story = TRY(tell_story(connection, activities, tenant, organizations));
  std::vector<Id> plan_ids;
  for (const Organization& organization : organizations) {
    auto created = TRY(plans.create(plan_for(tenant, organization, year)));
    plan_ids.push_back(created.id);
  }
  for (const DemoActivity& demo : kActivities) {
    const Id plan = plan_ids[static_cast<std::size_t>(demo.organizers.front())];
    summary.attendance += TRY(hold_activity(activities, tenant, organizations, partners, demo, year,
                                            plan, false, now, story));
    ++summary.activities;
  }
  // Then last year's, in no plan (the plans are this year's).
  for (const DemoActivity& demo : kLastYear) {
    summary.attendance += TRY(hold_activity(activities, tenant, organizations, partners, demo,
                                            year - 1, std::nullopt, true, now, story));
    ++summary.last_year_activities;
  }
  auto club_records = TRY(load_demo_clubs(connection, tenant, organizations, year, now, story));
  summary.club_sessions_attended = club_records;
  return summary;
}

}  // namespace dk::demo
