#include "core/notification.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dk {
namespace {

constexpr CodeEntry<NotificationKind> kKinds[] = {
    {NotificationKind::directive_posted, "directive_posted", "Văn bản cần học tập",
     "Directive to study", "van ban|chi thi"},
    {NotificationKind::directive_reminder, "directive_reminder", "Nhắc học tập văn bản",
     "Reminder to study a directive", "nhac"},
    {NotificationKind::activity_cancelled, "activity_cancelled", "Hoạt động bị hủy",
     "Activity cancelled", "huy"},
    {NotificationKind::activity_changed, "activity_changed", "Hoạt động đổi giờ hoặc địa điểm",
     "Activity moved", "doi gio|doi dia diem"},
    {NotificationKind::waitlist_promoted, "waitlist_promoted", "Được chuyển từ danh sách chờ",
     "Off the waiting list", "danh sach cho"},
    {NotificationKind::pledge_recorded, "pledge_recorded", "Đã ghi nhận cam kết ủng hộ",
     "Pledge recorded", "cam ket|ung ho"},
    {NotificationKind::poll_opened, "poll_opened", "Khảo sát mới", "New poll",
     "khao sat|lay y kien"},
    {NotificationKind::news_posted, "news_posted", "Tin mới", "News", "tin tuc|thong bao"},
    {NotificationKind::contest_reminder, "contest_reminder", "Nhắc tham gia cuộc thi",
     "Reminder to enter a contest", "cuoc thi|nhac"},
};

constexpr CodeEntry<EmailMode> kEmailModes[] = {
    {EmailMode::off, "off", "Không gửi", "Off", "khong|tat"},
    {EmailMode::immediate, "immediate", "Gửi ngay", "At once", "ngay"},
    {EmailMode::daily, "daily", "Gộp mỗi ngày một thư", "Daily digest", "hang ngay|tong hop"},
};

constexpr CodeEntry<EmailState> kEmailStates[] = {
    {EmailState::none, "none", "Không gửi thư", "No e-mail", ""},
    {EmailState::due, "due", "Chờ gửi", "Waiting to be sent", ""},
    {EmailState::daily, "daily", "Chờ thư tổng hợp", "Waiting for the digest", ""},
    {EmailState::sent, "sent", "Đã gửi", "Sent", ""},
    {EmailState::failed, "failed", "Gửi không được", "Could not be sent", ""},
};

void add_footer(std::string& body, std::string_view site) {
  body +=
      "\n-- \nĐoàn Kết. Chọn loại thông báo nhận qua thư tại trang Thông báo của bạn.\n"
      "Choose which notifications come by e-mail on your Notifications page.\n";
  if (!site.empty()) body += fmt::format("{}/notifications\n", site);
}

std::string link_line(const NotificationEvent& event, std::string_view site) {
  if (event.link.empty() || site.empty()) return {};
  return fmt::format("{}{}\n", site, event.link);
}

}  // namespace

template <>
std::span<const CodeEntry<NotificationKind>> code_entries() {
  return kKinds;
}
template <>
std::span<const CodeEntry<EmailMode>> code_entries() {
  return kEmailModes;
}
template <>
std::span<const CodeEntry<EmailState>> code_entries() {
  return kEmailStates;
}

NotificationPreference default_preference(NotificationKind kind) {
  // What can wait a day goes in the digest; what asks the person to act (study, come, or not
  // come) arrives at once.
  const EmailMode email =
      kind == NotificationKind::pledge_recorded || kind == NotificationKind::directive_reminder ||
              kind == NotificationKind::contest_reminder || kind == NotificationKind::news_posted
          ? EmailMode::daily
          : EmailMode::immediate;
  return NotificationPreference{kind, true, email};
}

std::vector<NotificationPreference> preferences_with_defaults(
    std::span<const NotificationPreference> stored) {
  std::vector<NotificationPreference> all;
  for (const auto& entry : kKinds) {
    auto found = std::ranges::find(stored, entry.value, &NotificationPreference::kind);
    all.push_back(found != stored.end() ? *found : default_preference(entry.value));
  }
  return all;
}

std::chrono::seconds email_retry_delay(int attempts) {
  constexpr std::chrono::seconds kFirst{60};
  constexpr std::chrono::seconds kLongest{6 * 3600};
  if (attempts < 1) return std::chrono::seconds{0};
  // 1 min, 2, 4, … capped: a server down for the night is tried a few times an hour at most.
  const int doublings = std::min(attempts - 1, 20);
  return std::min(kFirst * (std::int64_t{1} << doublings), kLongest);
}

CivilDate digest_day(Instant now) {
  const CivilDate today = vietnam_date(now);
  return now >= vietnam_instant(today, kDigestMinuteOfDay) ? today : add_days(today, -1);
}

MailText notification_mail(const NotificationEvent& event, std::string_view site) {
  MailText mail;
  mail.subject = fmt::format("[Đoàn Kết] {}", event.title.vi);
  const std::string link = link_line(event, site);
  mail.body = event.title.vi + "\n";
  if (!event.body.vi.empty()) mail.body += event.body.vi + "\n";
  mail.body += link + "\n";
  mail.body += event.title.en + "\n";
  if (!event.body.en.empty()) mail.body += event.body.en + "\n";
  mail.body += link;
  add_footer(mail.body, site);
  return mail;
}

MailText digest_mail(std::span<const NotificationEvent> events, CivilDate day,
                     std::string_view site) {
  MailText mail;
  mail.subject =
      fmt::format("[Đoàn Kết] {} thông báo mới đến ngày {}", events.size(), format_vietnamese(day));
  mail.body = fmt::format("Bạn có {} thông báo mới / You have {} new notifications:\n\n",
                          events.size(), events.size());
  for (const NotificationEvent& event : events) {
    mail.body += fmt::format("• {}\n  {}\n", event.title.vi, event.title.en);
    const std::string link = link_line(event, site);
    if (!link.empty()) mail.body += "  " + link;
  }
  add_footer(mail.body, site);
  return mail;
}

}  // namespace dk
