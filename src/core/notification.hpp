#pragma once
// Notifications: an event (a directive posted, a reminder, an activity cancelled, a place freed on
// a waiting list …) told to each person it concerns, in the app (the bell) and by e-mail. An event
// is written once; each person has one row for it, so that nobody is told, or mailed, twice about
// the same thing. Each person chooses, per kind, whether the bell shows it and whether e-mail
// brings it at once, once a day in a digest, or not at all.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class NotificationKind {
  directive_posted,    // a directive to study reached the person
  directive_reminder,  // they have not studied it yet
  activity_cancelled,  // an activity they registered for will not take place
  activity_changed,    // its time or place changed
  waitlist_promoted,   // a place freed up: from the waiting list to registered
  pledge_recorded,     // their pledge to a fund was recorded
  poll_opened,         // a poll they may vote in is open
  news_posted,         // their organization published news (an announcement, an article …)
  contest_reminder,    // a contest open to them that they have not entered yet
};
template <>
std::span<const CodeEntry<NotificationKind>> code_entries();

// How e-mail brings a kind of notification.
enum class EmailMode { off, immediate, daily };
template <>
std::span<const CodeEntry<EmailMode>> code_entries();

// A person's choice for one kind; without a stored choice, the kind's default.
struct NotificationPreference {
  NotificationKind kind = NotificationKind::directive_posted;
  bool in_app = true;
  EmailMode email = EmailMode::immediate;
};
NotificationPreference default_preference(NotificationKind kind);
// Every kind, with the person's stored choices where they made one.
std::vector<NotificationPreference> preferences_with_defaults(
    std::span<const NotificationPreference> stored);

// What happened, written once for everyone it concerns. The title is complete in both languages,
// as the bell and the e-mail show it; `link` is the app's page for it ("/directives/12").
struct NotificationEvent {
  Id tenant_id = 0;
  Id id = 0;
  NotificationKind kind = NotificationKind::directive_posted;
  Text title;
  Text body;  // a line or two more, may be empty
  std::string link;
  Instant created_at{};
};

inline constexpr std::size_t kMaxNotificationTitle = 300;
inline constexpr std::size_t kMaxNotificationBody = 2000;

// What one person sees of an event in the bell.
struct Notification {
  NotificationEvent event;
  std::optional<Instant> read_at;
};

// The e-mail of a notification: where it stands for its person.
enum class EmailState { none, due, daily, sent, failed };
template <>
std::span<const CodeEntry<EmailState>> code_entries();

// After `attempts` failed tries (1, 2, …), how long to wait before the next: a minute, doubling,
// at most six hours; after kMaxEmailAttempts it is given up (state failed), the bell still shows
// it.
std::chrono::seconds email_retry_delay(int attempts);
inline constexpr int kMaxEmailAttempts = 10;

// The hour (Vietnam's) at which the day's digests go out, and the local day a digest covers: the
// notifications not yet mailed that arrived before that day's send time.
inline constexpr int kDigestMinuteOfDay = 7 * 60;
// The day whose digest is due at `now`: today once 07:00 has passed in Vietnam, else yesterday.
CivilDate digest_day(Instant now);

// A mail to one person, in both languages (Vietnamese first): its subject and plain text.
struct MailText {
  std::string subject;
  std::string body;
};
// `site` is the address people open the app at ("https://doanket.example.vn"); may be empty.
MailText notification_mail(const NotificationEvent& event, std::string_view site);
MailText digest_mail(std::span<const NotificationEvent> events, CivilDate day,
                     std::string_view site);

}  // namespace dk
