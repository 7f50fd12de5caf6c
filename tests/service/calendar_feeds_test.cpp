// Calendar links as the adapters call them, on SQLite and PostgreSQL: anyone signed in as a person
// subscribes to their own activities, an organization's officers (and administrators) to its
// activities; the link alone opens the calendar, so revoking it must close it at once, and only
// its creator or an administrator may. The document is read back with libical, as a calendar app
// would read it, rather than searched as text.
#include "service/calendar_feeds.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "service/activities.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using std::chrono::days;
using std::chrono::hours;

// What a calendar app shows of one event.
enum class Shown { scheduled, cancelled };

class CalendarFeedsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Thị Ánh", trade_union_);
    binh_ = add_person("Lê Văn Bình", trade_union_);
  }

  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor binh() const { return member_of(trade_union_, binh_); }

  // An activity of `organizer` starting `starts_in` from now, published unless said otherwise,
  // as the administrator plans it.
  Id activity(const std::string& title, std::chrono::seconds starts_in, Id organizer,
              ActivityStatus status = ActivityStatus::published,
              std::optional<std::int64_t> capacity = std::nullopt) {
    ActivityDraft draft;
    draft.activity.kind = ActivityKind::meeting;
    draft.activity.title = title;
    draft.activity.starts_at = now_ + starts_in;
    draft.activity.ends_at = draft.activity.starts_at + hours(2);
    draft.activity.place = "Hội trường Sở";
    draft.activity.organizer_ids = {organizer};
    draft.activity.capacity = capacity;
    draft.go_ahead_despite_clashes = true;
    auto saved = create_activity(*connection_, administrator(), draft);
    EXPECT_TRUE(saved && saved->activity) << (saved ? "clashes" : saved.error().message.en);
    if (!saved || !saved->activity) return 0;
    const Id id = saved->activity->activity.id;
    if (status != ActivityStatus::draft) {
      EXPECT_TRUE(
          change_activity_status(*connection_, administrator(), id, ActivityStatus::published));
    }
    if (status == ActivityStatus::cancelled) {
      EXPECT_TRUE(change_activity_status(*connection_, administrator(), id, status));
    }
    return id;
  }

  // Registers `actor` for the activity, a day before it starts (registration closes at the start).
  void register_for(const Actor& actor, Id id, Instant starts_at) {
    auto registered = register_for_activity(*connection_, at(actor, starts_at - days(1)), id, {});
    EXPECT_TRUE(registered) << registered.error().message.en;
  }

  std::string link(const Actor& actor, std::optional<Id> organization = std::nullopt) {
    auto created = create_calendar_feed(*connection_, actor, organization);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->token : "";
  }

  // The calendar behind a token as libical reads it: its name and its events by summary. The
  // test fails if libical finds any error in the document.
  struct Read {
    std::string name;
    std::map<std::string, Shown> events;
  };
  Read read(const std::string& token) {
    auto document = calendar_feed_document(*connection_, token, now_);
    EXPECT_TRUE(document) << document.error().message.en;
    if (!document) return {};
    const std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> calendar{
        icalparser_parse_string(document->c_str()), icalcomponent_free};
    EXPECT_NE(calendar, nullptr) << *document;
    if (!calendar) return {};
    EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0) << *document;
    Read result;
    for (icalproperty* property = icalcomponent_get_first_property(calendar.get(), ICAL_X_PROPERTY);
         property; property = icalcomponent_get_next_property(calendar.get(), ICAL_X_PROPERTY)) {
      if (std::string(icalproperty_get_x_name(property)) == "X-WR-CALNAME")
        result.name = icalproperty_get_x(property);
    }
    for (icalcomponent* event =
             icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
         event; event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
      result.events[icalcomponent_get_summary(event)] =
          icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED ? Shown::cancelled
                                                                   : Shown::scheduled;
    }
    return result;
  }

  Id chair_ = 0;
  Id binh_ = 0;
};

TEST_P(CalendarFeedsTest, AnyoneSubscribesToTheirOwnActivitiesAndOfficersToTheirOrganizations) {
  auto own = create_calendar_feed(*connection_, binh(), std::nullopt);
  ASSERT_TRUE(own) << own.error().message.en;
  EXPECT_EQ(own->feed.owner_kind, FeedOwner::person);
  EXPECT_EQ(own->feed.owner_id, binh_);
  EXPECT_GE(own->token.size(), 32u) << "the link is the only credential";
  EXPECT_EQ(last_audit(), "create calendar_feed 9 192.0.2.1");
  EXPECT_EQ(error_code(create_calendar_feed(*connection_, administrator(), std::nullopt)),
            "access.forbidden")
      << "an account that is no person has no activities of its own";

  EXPECT_EQ(error_code(create_calendar_feed(*connection_, binh(), trade_union_)),
            "access.forbidden");
  EXPECT_EQ(error_code(create_calendar_feed(*connection_, officer_of(youth_union_), trade_union_)),
            "access.forbidden");
  auto organization = create_calendar_feed(*connection_, chair(), trade_union_);
  ASSERT_TRUE(organization) << organization.error().message.en;
  EXPECT_EQ(organization->feed.owner_kind, FeedOwner::organization);
  EXPECT_EQ(organization->feed.owner_id, trade_union_);
  EXPECT_NE(organization->token, own->token);
  EXPECT_TRUE(create_calendar_feed(*connection_, administrator(), youth_union_));

  // Each account lists the links it made, and only those.
  ASSERT_EQ(list_calendar_feeds(*connection_, binh()).value().size(), 1u);
  EXPECT_EQ(list_calendar_feeds(*connection_, binh()).value().front().id, own->feed.id);
  ASSERT_EQ(list_calendar_feeds(*connection_, chair()).value().size(), 1u);
  EXPECT_EQ(list_calendar_feeds(*connection_, chair()).value().front().id, organization->feed.id);
}

TEST_P(CalendarFeedsTest, AnOrganizationOutsideTheAgencyOrUnknownHasNoCalendar) {
  auto superior = create_organization(
      *connection_, administrator(),
      Organization{0, "CDN", "Công đoàn ngành Tư pháp", OrganizationKind::trade_union, {}, true});
  ASSERT_TRUE(superior) << superior.error().message.en;
  const std::string audited = last_audit();
  for (const Id organization : {superior->id, Id{424242}}) {
    auto refused = create_calendar_feed(*connection_, administrator(), organization);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "organization.not_found");
    EXPECT_EQ(refused.error().where.field, "organization_id");
  }
  EXPECT_EQ(last_audit(), audited) << "a refusal leaves no entry";
  EXPECT_TRUE(list_calendar_feeds(*connection_, administrator()).value().empty());
}

TEST_P(CalendarFeedsTest, APersonsCalendarHoldsThePublishedActivitiesTheyHoldAPlaceIn) {
  const Id meeting = activity("Họp công đoàn tháng 12", days(7), trade_union_);
  register_for(binh(), meeting, now_ + days(7));
  const Id past = activity("Học tập Nghị quyết", -days(30), trade_union_);
  register_for(binh(), past, now_ - days(30));
  activity("Hội thao không đăng ký", days(8), trade_union_);  // binh did not register
  const Id full = activity("Giải cầu lông", days(9), trade_union_, ActivityStatus::published, 1);
  register_for(chair(), full, now_ + days(9));
  register_for(binh(), full, now_ + days(9));  // waitlisted: no place held
  const Id far = activity("Đại hội nhiệm kỳ sau", days(400), trade_union_);
  register_for(binh(), far, now_ + days(400));
  const Id long_ago = activity("Hội nghị đầu năm", -days(120), trade_union_);
  register_for(binh(), long_ago, now_ - days(120));
  activity("Nháp chưa công bố", days(3), trade_union_, ActivityStatus::draft);

  const Read calendar = read(link(binh()));
  EXPECT_EQ(calendar.name, "Lịch của Lê Văn Bình");
  EXPECT_EQ(calendar.events, (std::map<std::string, Shown>{
                                 {"Họp công đoàn tháng 12", Shown::scheduled},
                                 {"Học tập Nghị quyết", Shown::scheduled},
                             }))
      << "from 90 days ago to a year ahead, registered and published only";
  EXPECT_EQ(read(link(chair())).events,
            (std::map<std::string, Shown>{{"Giải cầu lông", Shown::scheduled}}));
}

TEST_P(CalendarFeedsTest, AnOrganizationsCalendarHoldsItsActivitiesAndMarksTheCancelled) {
  activity("Họp công đoàn tháng 12", days(7), trade_union_);
  activity("Văn nghệ chào mừng 20/11", days(1), trade_union_, ActivityStatus::cancelled);
  activity("Sinh hoạt chi đoàn", days(2), youth_union_);
  activity("Nháp chưa công bố", days(3), trade_union_, ActivityStatus::draft);

  const Read calendar = read(link(chair(), trade_union_));
  EXPECT_EQ(calendar.name, "Lịch Công đoàn cơ sở");
  EXPECT_EQ(calendar.events, (std::map<std::string, Shown>{
                                 {"Họp công đoàn tháng 12", Shown::scheduled},
                                 {"Văn nghệ chào mừng 20/11", Shown::cancelled},
                             }))
      << "a cancelled activity stays, struck out, so that subscribers see it was called off";
}

TEST_P(CalendarFeedsTest, ARevokedLinkNoLongerOpensTheCalendar) {
  const Id meeting = activity("Họp công đoàn tháng 12", days(7), trade_union_);
  register_for(binh(), meeting, now_ + days(7));
  auto created = create_calendar_feed(*connection_, binh(), std::nullopt);
  ASSERT_TRUE(created) << created.error().message.en;
  EXPECT_EQ(read(created->token).events.size(), 1u);

  ASSERT_TRUE(revoke_calendar_feed(*connection_, binh(), created->feed.id));
  EXPECT_EQ(last_audit(), "revoke calendar_feed 9 192.0.2.1");
  EXPECT_EQ(error_code(calendar_feed_document(*connection_, created->token, now_)),
            "calendar.not_found");
  const auto listed = list_calendar_feeds(*connection_, binh()).value();
  ASSERT_EQ(listed.size(), 1u) << "a revoked link stays listed, marked revoked";
  EXPECT_TRUE(listed.front().revoked_at);

  // A new link works while the old one stays closed.
  EXPECT_EQ(read(link(binh())).events.size(), 1u);
  EXPECT_EQ(error_code(calendar_feed_document(*connection_, created->token, now_)),
            "calendar.not_found");
  for (const std::string& guess : {std::string(), std::string(64, 'a'), created->token + "x"}) {
    EXPECT_EQ(error_code(calendar_feed_document(*connection_, guess, now_)), "calendar.not_found")
        << guess;
  }
}

TEST_P(CalendarFeedsTest, OnlyItsCreatorOrAnAdministratorRevokesALink) {
  auto created = create_calendar_feed(*connection_, binh(), std::nullopt);
  ASSERT_TRUE(created) << created.error().message.en;
  const std::string audited = last_audit();
  EXPECT_EQ(error_code(revoke_calendar_feed(*connection_, chair(), created->feed.id)),
            "access.forbidden");
  EXPECT_EQ(last_audit(), audited) << "a refusal leaves no entry";
  EXPECT_TRUE(calendar_feed_document(*connection_, created->token, now_)) << "still open";

  ASSERT_TRUE(revoke_calendar_feed(*connection_, administrator(), created->feed.id));
  EXPECT_EQ(last_audit(), "revoke calendar_feed 7 192.0.2.1");
  EXPECT_EQ(error_code(calendar_feed_document(*connection_, created->token, now_)),
            "calendar.not_found");
  EXPECT_EQ(error_code(revoke_calendar_feed(*connection_, administrator(), 424242)),
            "calendar.not_found");
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarFeedsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
