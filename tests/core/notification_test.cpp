// The rules of notifications that need no database: each kind's default, the retry delays, the
// day a digest covers, and the mails' text in both languages.
#include "core/notification.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(Notification, WhatAsksToActComesAtOnceAndWhatCanWaitGoesInTheDigest) {
  EXPECT_EQ(default_preference(NotificationKind::directive_posted).email, EmailMode::immediate);
  EXPECT_EQ(default_preference(NotificationKind::activity_cancelled).email, EmailMode::immediate);
  EXPECT_EQ(default_preference(NotificationKind::directive_reminder).email, EmailMode::daily);
  EXPECT_EQ(default_preference(NotificationKind::pledge_recorded).email, EmailMode::daily);
  const NotificationPreference off{NotificationKind::waitlist_promoted, false, EmailMode::off};
  const auto all = preferences_with_defaults({&off, 1});
  ASSERT_EQ(all.size(), code_entries<NotificationKind>().size());
  for (const auto& preference : all) {
    if (preference.kind == NotificationKind::waitlist_promoted) {
      EXPECT_FALSE(preference.in_app);
      EXPECT_EQ(preference.email, EmailMode::off);
    } else {
      EXPECT_TRUE(preference.in_app);
    }
  }
}

TEST(Notification, RetriesWaitAMinuteThenDoubleUpToSixHours) {
  EXPECT_EQ(email_retry_delay(1), minutes(1));
  EXPECT_EQ(email_retry_delay(2), minutes(2));
  EXPECT_EQ(email_retry_delay(5), minutes(16));
  EXPECT_EQ(email_retry_delay(9), minutes(256));
  EXPECT_EQ(email_retry_delay(10), std::chrono::hours(6)) << "512 min, capped at 6 h";
  EXPECT_EQ(email_retry_delay(40), std::chrono::hours(6)) << "no overflow";
  EXPECT_EQ(email_retry_delay(0), seconds(0));
}

TEST(Notification, TheDigestOfADayGoesAtSevenInVietnam) {
  const CivilDate day{2026, 12, 6};
  EXPECT_EQ(digest_day(vietnam_instant(day, 7 * 60)), day);
  EXPECT_EQ(digest_day(vietnam_instant(day, 7 * 60) - seconds(1)), add_days(day, -1));
  EXPECT_EQ(digest_day(vietnam_instant(day, 23 * 60 + 59)), day);
}

TEST(Notification, AMailSaysItInVietnameseThenEnglishWithTheLink) {
  NotificationEvent event;
  event.title = Text{"Hoạt động “Giải cầu lông” lúc 08:00 12/12/2026 đã bị hủy",
                     "“Giải cầu lông” at 08:00 12/12/2026 is cancelled"};
  event.link = "/activities/7";
  const MailText mail = notification_mail(event, "https://doanket.example.vn");
  EXPECT_EQ(mail.subject, "[Đoàn Kết] Hoạt động “Giải cầu lông” lúc 08:00 12/12/2026 đã bị hủy");
  const auto vi = mail.body.find("đã bị hủy");
  const auto en = mail.body.find("is cancelled");
  ASSERT_NE(vi, std::string::npos);
  ASSERT_NE(en, std::string::npos);
  EXPECT_LT(vi, en);
  EXPECT_NE(mail.body.find("https://doanket.example.vn/activities/7"), std::string::npos);
  EXPECT_NE(mail.body.find("https://doanket.example.vn/notifications"), std::string::npos)
      << "where to change what comes by mail";
  const NotificationEvent events[] = {event, event};
  const MailText digest = digest_mail(events, CivilDate{2026, 12, 6}, "");
  EXPECT_EQ(digest.subject, "[Đoàn Kết] 2 thông báo mới đến ngày 06/12/2026");
}

}  // namespace
}  // namespace dk
