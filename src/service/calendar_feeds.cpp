#include "service/calendar_feeds.hpp"

#include <fmt/format.h>

#include <optional>

#include "core/access.hpp"
#include "io/icalendar.hpp"
#include "service/audit.hpp"
#include "service/credentials.hpp"
#include "service/refusal.hpp"
#include "store/activity_store.hpp"
#include "store/calendar_feed_store.hpp"
#include "store/club_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr auto kFeedPast = std::chrono::days(90);
constexpr auto kFeedAhead = std::chrono::days(366);

std::unexpected<Error> feed_not_found() {
  return fail(ErrorKind::not_found, "calendar.not_found",
              "Không có lịch này, hoặc đường dẫn đã bị thu hồi.",
              "There is no such calendar, or its link was revoked.");
}

io::CalendarEvent event_of(const StoredActivity& stored) {
  const Activity& activity = stored.activity;
  io::CalendarEvent event;
  event.uid = fmt::format("activity-{}-{}@doanket", activity.tenant_id, activity.id);
  event.starts_at = activity.starts_at;
  event.ends_at = activity.ends_at;
  event.summary = activity.title;
  event.description = activity.description;
  event.location = activity.place;
  event.categories = {label_of(activity.kind).vi};
  event.cancelled = activity.status == ActivityStatus::cancelled;
  event.stamp = instant_of(stored.updated_at);
  // Grows with every change, as calendar apps expect of SEQUENCE.
  event.sequence = stored.updated_at - stored.created_at;
  return event;
}

}  // namespace

Result<NewCalendarFeed> create_calendar_feed(store::SqlConnection& connection, const Actor& actor,
                                             std::optional<Id> organization_id) {
  CalendarFeed feed;
  feed.tenant = actor.principal.tenant;
  feed.created_by = actor.principal.account_id;
  feed.created_at = unix_seconds(actor.clock());
  if (organization_id) {
    if (!actor.principal.administrator &&
        !may_manage_organization(actor.principal, *organization_id)) {
      return refuse();
    }
    auto organization =
        store::RegistryStore(connection).find_organization_by_id(feed.tenant, *organization_id);
    if (!organization) return std::unexpected(organization.error());
    if (!*organization || (*organization)->external) {
      return fail(ErrorKind::invalid_input, "organization.not_found",
                  fmt::format("Không có tổ chức mang mã {} trong cơ quan.", *organization_id),
                  fmt::format("There is no organization {} in the agency.", *organization_id),
                  Location{0, "organization_id"});
    }
    feed.owner_kind = FeedOwner::organization;
    feed.owner_id = *organization_id;
  } else {
    if (!actor.principal.person_id) return refuse();
    feed.owner_kind = FeedOwner::person;
    feed.owner_id = actor.principal.person_id;
  }
  NewCalendarFeed created;
  created.token = random_token();
  return store::in_transaction(connection, [&]() -> Result<NewCalendarFeed> {
    auto stored =
        TRY(store::CalendarFeedStore(connection).create(feed, token_digest(created.token)));
    created.feed = stored;
    TRY(record_audit(connection, actor, "create", "calendar_feed", stored.id, "{}"));
    return created;
  });
}

Result<std::vector<CalendarFeed>> list_calendar_feeds(store::SqlConnection& connection,
                                                      const Actor& actor) {
  return store::CalendarFeedStore(connection)
      .list_created_by(actor.principal.tenant, actor.principal.account_id);
}

Status revoke_calendar_feed(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::CalendarFeedStore feeds(connection);
  auto feed = TRY(feeds.find(actor.principal.tenant, id));
  if (!feed) return feed_not_found();
  if (feed->created_by != actor.principal.account_id && !actor.principal.administrator)
    return refuse();
  return store::in_transaction(connection, [&]() -> Status {
    if (auto revoked = feeds.revoke(actor.principal.tenant, id, actor.clock()); !revoked)
      return revoked;
    return record_audit(connection, actor, "revoke", "calendar_feed", id, "{}");
  });
}

Result<std::string> calendar_feed_document(store::SqlConnection& connection, std::string_view token,
                                           Instant now) {
  if (token.empty() || token.size() > 100) return feed_not_found();
  auto feed = TRY(store::CalendarFeedStore(connection).find_by_token(token_digest(token)));
  if (!feed) return feed_not_found();
  store::RegistryStore registry(connection);
  ActivityQuery query;
  query.from = now - kFeedPast;
  query.to = now + kFeedAhead;
  query.include_drafts = false;
  query.limit = 5000;
  io::Calendar calendar;
  if (feed->owner_kind == FeedOwner::person) {
    query.registered_person = feed->owner_id;
    auto person = TRY(registry.find_person(feed->tenant, feed->owner_id));
    calendar.name = person ? "Lịch của " + person->full_name : "Lịch Đoàn Kết";
    calendar.description = "Các hoạt động đã đăng ký";
  } else {
    query.organization_id = feed->owner_id;
    auto organization = TRY(registry.find_organization_by_id(feed->tenant, feed->owner_id));
    calendar.name = organization ? "Lịch " + organization->name : "Lịch Đoàn Kết";
    calendar.description = "Các hoạt động của tổ chức";
  }
  auto activities = TRY(store::ActivityStore(connection).list(feed->tenant, query));
  for (const StoredActivity& stored : activities) calendar.events.push_back(event_of(stored));
  // Clubs' sessions, as recurring events: the person's clubs, or the organization's.
  store::ClubStore clubs(connection);
  auto club_list =
      TRY(feed->owner_kind == FeedOwner::person ? clubs.clubs_of(feed->tenant, feed->owner_id)
                                                : clubs.list(feed->tenant, feed->owner_id));
  for (const Club& club : club_list) {
    auto schedules = TRY(clubs.schedules(feed->tenant, club.id));
    for (const ClubSchedule& schedule : schedules) {
      io::CalendarEvent series;
      series.uid = fmt::format("club-schedule-{}-{}@doanket", feed->tenant, schedule.id);
      series.summary = club.name;
      series.description = describe(schedule.rule).vi;
      series.location = schedule.place;
      series.categories = {"Câu lạc bộ"};
      series.stamp = instant_of(feed->created_at);
      for (auto& event : io::weekly_session_events(series, schedule.rule, schedule.exceptions))
        calendar.events.push_back(std::move(event));
    }
  }
  return io::write_icalendar(calendar);
}

}  // namespace dk::service
