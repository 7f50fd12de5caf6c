// Notifications on SQLite and PostgreSQL: a directive posted tells each member of its audience once
// (the bell and, by their choice, e-mail at once, in the day's digest, or not at all); a reminder
// tells only those reminded; a cancelled activity tells who held or awaited a place, and a freed
// place the one who moved up. The mail goes through a real SMTP server (tests/smtp/smtp_sink.py):
// sent once, retried with back-off when the server refuses for now, given up when it refuses for
// good, and gathered into one digest a day.
#include "service/notifications.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "service/activities.hpp"
#include "service/directives.hpp"
#include "service/notification_mail.hpp"
#include "service/notification_signal.hpp"
#include "support/mail_box.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::mail_address;
using dk::testing::mails_to;
using std::chrono::minutes;

class NotificationsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    secretary_ = add_person("Nguyễn Thị Ánh", youth_union_);
    binh_ = add_person("Trần Văn Bình", youth_union_);
    chi_ = add_person("Lê Thị Chi", youth_union_);
    outsider_ = add_person("Hoàng Văn Em", trade_union_);
  }

  Actor secretary() const { return officer_of(youth_union_, secretary_); }
  Actor member(Id person) const { return member_of(youth_union_, person); }

  void set_email(Id person, const std::string& address) {
    sql("UPDATE persons SET email = $2 WHERE tenant_id = $1 AND id = $3", {address, person});
  }

  Directive youth_month() const {
    Directive directive;
    directive.organization_id = youth_union_;
    directive.kind = DirectiveKind::plan;
    directive.number = "05-KH/TĐTN";
    directive.issuer = "Tỉnh đoàn Hà Tĩnh";
    directive.title = "Kế hoạch Tháng Thanh niên năm 2027";
    directive.deadline = CivilDate{2027, 3, 31};
    return directive;
  }

  Id post(const Directive& directive) {
    auto posted = post_directive(*connection_, secretary(), directive);
    EXPECT_TRUE(posted) << posted.error().message.en;
    return posted ? posted->directive.id : 0;
  }

  NotificationPage bell(Id person) {
    auto page = my_notifications(*connection_, member(person), std::nullopt);
    EXPECT_TRUE(page) << page.error().message.en;
    return page.value_or(NotificationPage{});
  }

  std::string email_state(Id person) {
    std::string state;
    const store::SqlValue params[] = {tenant_, person};
    auto read = connection_->query(
        "SELECT email_state FROM notifications WHERE tenant_id = $1 AND person_id = $2 ORDER BY "
        "event_id DESC LIMIT 1",
        params, [&](const store::SqlRow& row) -> Status {
          state = row.text(0);
          return {};
        });
    EXPECT_TRUE(read);
    return state;
  }

  MailSettings mail_settings() const {
    MailSettings settings;
    settings.server.url = dk::testing::test_smtp_url();
    settings.server.from = "doanket@stp.hatinh.gov.vn";
    settings.site = "https://doanket.example.vn";
    return settings;
  }

  MailRound round_at(Instant now) {
    auto round = send_due_mail(*connection_, mail_settings(), now);
    EXPECT_TRUE(round) << round.error().message.en;
    return round.value_or(MailRound{});
  }

  Id secretary_ = 0, binh_ = 0, chi_ = 0, outsider_ = 0;
};

TEST_P(NotificationsTest, ADirectiveTellsItsAudienceOnceAndNobodyElse) {
  int signalled = 0;
  const auto listening = notification_signal().listen(tenant_, binh_, [&] { ++signalled; });
  const Id id = post(youth_month());
  notification_signal().stop(listening);
  EXPECT_EQ(signalled, 1) << "Bình's open page hears of it once the directive is committed";

  const NotificationPage page = bell(binh_);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.unread, 1);
  const NotificationEvent& event = page.items[0].event;
  EXPECT_EQ(event.kind, NotificationKind::directive_posted);
  EXPECT_EQ(event.title.vi,
            "Kế hoạch mới cần học tập: 05-KH/TĐTN — Kế hoạch Tháng Thanh niên năm 2027");
  EXPECT_EQ(event.title.en, "New plan to study: 05-KH/TĐTN — Kế hoạch Tháng Thanh niên năm 2027");
  EXPECT_EQ(event.body.vi, "Cơ quan ban hành: Tỉnh đoàn Hà Tĩnh. Hạn học tập: 31/03/2027.");
  EXPECT_EQ(event.link, fmt::format("/directives/{}", id));
  EXPECT_FALSE(page.items[0].read_at);
  EXPECT_EQ(bell(chi_).unread, 1);
  EXPECT_EQ(bell(secretary_).unread, 1) << "the secretary is a member of the audience too";
  EXPECT_EQ(bell(outsider_).unread, 0) << "the trade union's member is not told";
  EXPECT_EQ(email_state(binh_), "none") << "Bình has no e-mail address";
}

TEST_P(NotificationsTest, ReadingOneOrAllLowersTheCountThatTheBellShows) {
  post(youth_month());
  Directive second = youth_month();
  second.number = "06-HD/TĐTN";
  second.kind = DirectiveKind::guidance;
  post(second);
  NotificationPage page = bell(binh_);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_TRUE(page.items[0].event.title.vi.starts_with("Hướng dẫn")) << "newest first";
  auto after_one = mark_notifications_read(*connection_, member(binh_), page.items[1].event.id);
  ASSERT_TRUE(after_one) << after_one.error().message.en;
  EXPECT_EQ(*after_one, 1);
  page = bell(binh_);
  EXPECT_EQ(page.unread, 1);
  EXPECT_TRUE(page.items[1].read_at);
  EXPECT_FALSE(page.items[0].read_at);
  auto after_all = mark_notifications_read(*connection_, member(binh_), std::nullopt);
  ASSERT_TRUE(after_all);
  EXPECT_EQ(*after_all, 0);
  EXPECT_EQ(bell(chi_).unread, 2) << "Chi's notifications are Chi's own";
  // Someone else's notification cannot be marked: nothing changes for its owner.
  ASSERT_TRUE(mark_notifications_read(*connection_, member(binh_), bell(chi_).items[0].event.id));
  EXPECT_EQ(bell(chi_).unread, 2);
}

TEST_P(NotificationsTest, AReminderTellsOnlyThoseWhoHaveNotStudied) {
  const Id id = post(youth_month());
  ASSERT_TRUE(study_directive(*connection_, member(chi_), id, std::nullopt));
  auto reminded = remind_directive(*connection_, secretary(), id);
  ASSERT_TRUE(reminded) << reminded.error().message.en;
  EXPECT_EQ(*reminded, 2) << "Ánh and Bình";
  EXPECT_EQ(bell(binh_).unread, 2);
  EXPECT_EQ(bell(binh_).items[0].event.kind, NotificationKind::directive_reminder);
  EXPECT_EQ(bell(chi_).unread, 1) << "Chi studied it and is not reminded";
  // A second reminder the same day reaches nobody, and tells nobody.
  auto again = remind_directive(*connection_, secretary(), id);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(bell(binh_).unread, 2);
}

TEST_P(NotificationsTest, EachPersonChoosesPerKindWhatTheBellAndTheMailBring) {
  set_email(binh_, "binh@example.vn");
  set_email(chi_, "chi@example.vn");
  set_email(secretary_, "anh@example.vn");
  auto defaults = notification_preferences(*connection_, member(binh_));
  ASSERT_TRUE(defaults) << defaults.error().message.en;
  ASSERT_EQ(defaults->size(), code_entries<NotificationKind>().size())
      << "every kind is listed, with its default";
  EXPECT_EQ(defaults->front().kind, NotificationKind::directive_posted);
  EXPECT_TRUE(defaults->front().in_app);
  EXPECT_EQ(defaults->front().email, EmailMode::immediate);

  const NotificationPreference daily{NotificationKind::directive_posted, true, EmailMode::daily};
  const NotificationPreference nothing{NotificationKind::directive_posted, false, EmailMode::off};
  ASSERT_TRUE(set_notification_preferences(*connection_, member(chi_), {&daily, 1}));
  auto saved = set_notification_preferences(*connection_, member(secretary_), {&nothing, 1});
  ASSERT_TRUE(saved);
  EXPECT_FALSE(saved->front().in_app);
  EXPECT_EQ(saved->front().email, EmailMode::off);
  EXPECT_EQ((*saved)[1].email, default_preference((*saved)[1].kind).email) << "others unchanged";

  post(youth_month());
  EXPECT_EQ(email_state(binh_), "due");
  EXPECT_EQ(email_state(chi_), "daily");
  EXPECT_EQ(email_state(secretary_), "") << "turned off both ways: no row at all";
  EXPECT_EQ(bell(secretary_).unread, 0);
  EXPECT_FALSE(notification_preferences(*connection_, administrator()))
      << "an account that is no person has no choices to make";
}

TEST_P(NotificationsTest, ACancelledActivityTellsWhoHeldOrAwaitedAPlaceAndAFreedPlaceWhoMovedUp) {
  ActivityDraft draft;
  draft.activity.kind = ActivityKind::sports;
  draft.activity.title = "Giải cầu lông";
  draft.activity.starts_at = now_ + minutes(60 * 48);
  draft.activity.ends_at = draft.activity.starts_at + minutes(120);
  draft.activity.place = "Nhà thi đấu";
  draft.activity.organizer_ids = {youth_union_};
  draft.activity.capacity = 1;
  auto saved = create_activity(*connection_, secretary(), draft);
  ASSERT_TRUE(saved && saved->activity);
  const Id id = saved->activity->activity.id;
  ASSERT_TRUE(change_activity_status(*connection_, secretary(), id, ActivityStatus::published));
  ASSERT_TRUE(register_for_activity(*connection_, member(binh_), id, {}));
  ASSERT_TRUE(register_for_activity(*connection_, member(chi_), id, {}));  // waitlisted

  auto moved = cancel_registration(*connection_, member(binh_), id, binh_);
  ASSERT_TRUE(moved) << moved.error().message.en;
  ASSERT_EQ(bell(chi_).items.size(), 1u);
  EXPECT_EQ(bell(chi_).items[0].event.kind, NotificationKind::waitlist_promoted);
  EXPECT_NE(bell(chi_).items[0].event.title.vi.find("Giải cầu lông"), std::string::npos);
  EXPECT_EQ(bell(chi_).items[0].event.body.en, "Place: Nhà thi đấu.");
  EXPECT_EQ(bell(binh_).unread, 0);

  ASSERT_TRUE(register_for_activity(*connection_, member(binh_), id, {}));  // waitlisted again
  // Moved an hour later: both hear of it; a new title alone tells nobody.
  ActivityDraft moved_later = draft;
  moved_later.activity.starts_at += minutes(60);
  moved_later.activity.ends_at += minutes(60);
  ASSERT_TRUE(update_activity(*connection_, secretary(), id, moved_later));
  EXPECT_EQ(bell(chi_).items[0].event.kind, NotificationKind::activity_changed);
  EXPECT_EQ(bell(binh_).items[0].event.kind, NotificationKind::activity_changed);
  const auto told_of_move = bell(chi_).items.size();
  ActivityDraft renamed = moved_later;
  renamed.activity.title = "Giải cầu lông mở rộng";
  ASSERT_TRUE(update_activity(*connection_, secretary(), id, renamed));
  EXPECT_EQ(bell(chi_).items.size(), told_of_move);
  ASSERT_TRUE(change_activity_status(*connection_, secretary(), id, ActivityStatus::cancelled));
  EXPECT_EQ(bell(chi_).items[0].event.kind, NotificationKind::activity_cancelled);
  EXPECT_EQ(bell(binh_).items[0].event.kind, NotificationKind::activity_cancelled);
  EXPECT_EQ(bell(secretary_).unread, 0) << "the organizer who registered nobody is not told";
}

TEST_P(NotificationsTest, MailIsSentOnceAndAServerThatRefusesForNowIsTriedAgainLater) {
  DK_REQUIRE_SMTP();
  const std::string binh = mail_address("binh");
  const std::string chi = mail_address("chi", "refuse1");
  const std::string anh = mail_address("anh", "reject");
  set_email(binh_, binh);
  set_email(chi_, chi);
  set_email(secretary_, anh);
  const Id id = post(youth_month());

  MailRound first = round_at(now_);
  EXPECT_EQ(first.sent, 1);
  EXPECT_EQ(first.retried, 1) << "Chi's server answered 451";
  EXPECT_EQ(first.given_up, 1) << "Ánh's answered 550";
  ASSERT_TRUE(first.next_due);
  EXPECT_EQ(*first.next_due, now_ + minutes(1)) << "the first retry a minute later";
  const auto to_binh = mails_to(binh);
  ASSERT_EQ(to_binh.size(), 1u);
  const auto& mail = to_binh[0];
  EXPECT_EQ(mail.headers.at("To"), "=?UTF-8?B?VHLhuqduIFbEg24gQsOsbmg=?= <" + binh + ">");
  EXPECT_NE(mail.headers.at("Message-ID").find(fmt::format(".{}.", binh_)), std::string::npos);
  EXPECT_NE(mail.body.find("Kế hoạch mới cần học tập: 05-KH/TĐTN"), std::string::npos) << mail.body;
  EXPECT_NE(mail.body.find("New plan to study"), std::string::npos);
  EXPECT_NE(mail.body.find(fmt::format("https://doanket.example.vn/directives/{}", id)),
            std::string::npos);
  EXPECT_EQ(email_state(secretary_), "failed");

  MailRound too_early = round_at(now_ + std::chrono::seconds(30));
  EXPECT_EQ(too_early.sent + too_early.retried, 0) << "the retry waits for its time";
  MailRound retry = round_at(now_ + minutes(1));
  EXPECT_EQ(retry.sent, 1);
  EXPECT_EQ(mails_to(chi).size(), 1u);
  MailRound later = round_at(now_ + minutes(30));
  EXPECT_EQ(later.sent + later.retried + later.given_up, 0) << "nothing is sent twice";
  EXPECT_EQ(mails_to(binh).size(), 1u);
  EXPECT_EQ(mails_to(anh).size(), 0u);
  EXPECT_FALSE(later.next_due);
}

TEST_P(NotificationsTest, TheDaysDigestGathersWhatCouldWaitIntoOneMail) {
  DK_REQUIRE_SMTP();
  const std::string binh = mail_address("binh");
  set_email(binh_, binh);
  const NotificationPreference daily{NotificationKind::directive_posted, true, EmailMode::daily};
  ASSERT_TRUE(set_notification_preferences(*connection_, member(binh_), {&daily, 1}));
  // Two directives at 10:00 on a day; the digest goes at 07:00 the next morning.
  const CivilDate day = vietnam_date(now_);
  const Instant ten = vietnam_instant(day, 10 * 60);
  auto posted_at = [&](Instant when, const std::string& number) {
    Directive directive = youth_month();
    directive.number = number;
    ASSERT_TRUE(post_directive(*connection_, at(secretary(), when), directive));
  };
  posted_at(ten, "05-KH/TĐTN");
  posted_at(ten + minutes(5), "06-KH/TĐTN");

  EXPECT_EQ(round_at(ten + minutes(60)).sent, 0) << "nothing before the morning";
  const Instant morning = vietnam_instant(add_days(day, 1), 7 * 60);
  posted_at(morning + minutes(30), "07-KH/TĐTN");  // after the send time: tomorrow's digest
  MailRound digest = round_at(morning + minutes(31));
  EXPECT_EQ(digest.digests, 1);
  EXPECT_EQ(digest.sent, 1);
  const auto mails = mails_to(binh);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].body.find("05-KH/TĐTN"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("06-KH/TĐTN"), std::string::npos);
  EXPECT_EQ(mails[0].body.find("07-KH/TĐTN"), std::string::npos);
  EXPECT_NE(mails[0].body.find("Bạn có 2 thông báo mới"), std::string::npos);
  EXPECT_EQ(round_at(morning + minutes(40)).sent, 0) << "one digest a day";
}

INSTANTIATE_TEST_SUITE_P(Engines, NotificationsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
