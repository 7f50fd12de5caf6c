#include "service/notification_mail.hpp"

#include <fmt/format.h>

#include <ostream>

#include "service/notification_signal.hpp"
#include "store/notification_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// Stable for every try of one mail, so that a copy sent twice (a crash between sending and
// recording it) is one message to the reader.
std::string message_id(const store::PendingMail& mail, const MailSettings& settings) {
  const auto at = settings.server.from.find('@');
  const std::string domain =
      at == std::string::npos ? "doanket.invalid" : settings.server.from.substr(at + 1);
  if (mail.digest_day) {
    return fmt::format("<dk.{}.{}.digest.{}@{}>", mail.tenant_id, mail.person_id,
                       format_iso(*mail.digest_day), domain);
  }
  return fmt::format("<dk.{}.{}.{}@{}>", mail.tenant_id, mail.person_id, mail.event_id, domain);
}

// The message of a claimed mail; nothing when there is nothing left to say.
Result<std::optional<io::MailMessage>> compose(store::NotificationStore& notifications,
                                               const store::PendingMail& mail,
                                               const MailSettings& settings, Instant now) {
  MailText text;
  if (mail.digest_day) {
    const auto events =
        TRY(notifications.digest_events(mail.tenant_id, mail.person_id, *mail.digest_day));
    if (events.empty()) return std::optional<io::MailMessage>{};
    text = digest_mail(events, *mail.digest_day, settings.site);
  } else {
    const auto event = TRY(notifications.event(mail.tenant_id, mail.event_id));
    if (!event) return std::optional<io::MailMessage>{};
    text = notification_mail(*event, settings.site);
  }
  return io::MailMessage{mail.address,
                         mail.full_name,
                         std::move(text.subject),
                         std::move(text.body),
                         message_id(mail, settings),
                         now};
}

}  // namespace

Result<MailRound> send_due_mail(Connection& connection, const MailSettings& settings, Instant now) {
  store::NotificationStore notifications(connection);
  MailRound round;
  const CivilDate day = digest_day(now);
  round.digests = TRY(store::in_transaction(connection, [&] {
    return notifications.gather_digests(day, vietnam_instant(day, kDigestMinuteOfDay), now);
  }));
  const auto claimed = TRY(store::in_transaction(
      connection, [&] { return notifications.claim_due(now, kMailLease, kMailBatch); }));
  for (const store::PendingMail& mail : claimed) {
    // Sent outside any transaction: a slow mail server holds no lock.
    auto message = TRY(compose(notifications, mail, settings, now));
    Status sent;
    if (message) sent = io::send_mail(settings.server, *message);
    auto record = store::in_transaction(connection, [&]() -> Status {
      if (sent) {
        ++round.sent;
        return notifications.mail_sent(mail, now);
      }
      const int attempts = mail.attempts + 1;
      const bool final =
          sent.error().kind == ErrorKind::invalid_input || attempts >= kMaxEmailAttempts;
      if (final) {
        ++round.given_up;
        return notifications.mail_failed(mail, sent.error().message.en, std::nullopt);
      }
      ++round.retried;
      return notifications.mail_failed(mail, sent.error().message.en,
                                       now + email_retry_delay(attempts));
    });
    TRY(record);
  }
  round.next_due = TRY(notifications.next_due());
  return round;
}

MailSender::MailSender(Database& database, MailSettings settings, Clock clock, std::ostream& log)
    : database_(database), settings_(std::move(settings)), clock_(std::move(clock)), log_(log) {
  listening_ = notification_signal().listen_all([this] { wake(); });
  thread_ = std::thread([this] { run(); });
}

MailSender::~MailSender() {
  notification_signal().stop(listening_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  woken_.notify_all();
  thread_.join();
}

void MailSender::wake() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  woken_.notify_all();
}

void MailSender::run() {
  // At least once a minute, for the retries that fall due and the morning's digests.
  constexpr std::chrono::seconds kLongestWait{60};
  std::chrono::steady_clock::duration wait = std::chrono::seconds(0);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      woken_.wait_for(lock, wait, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    wait = kLongestWait;
    database_.with_connection([&](Connection& connection) {
      const Instant now = clock_();
      auto round = send_due_mail(connection, settings_, now);
      if (!round) {
        log_ << fmt::format(R"({{"event":"mail_round_failed","error":"{}"}})", round.error().code) +
                    "\n"
             << std::flush;
        return;
      }
      if (round->sent + round->retried + round->given_up > 0) {
        log_ << fmt::format(
                    R"({{"event":"mail_round","sent":{},"retried":{},"given_up":{},"digests":{}}})",
                    round->sent, round->retried, round->given_up, round->digests) +
                    "\n"
             << std::flush;
      }
      if (round->next_due) {
        const auto until = *round->next_due - now;
        wait = std::clamp<std::chrono::steady_clock::duration>(
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(until),
            std::chrono::seconds(0), kLongestWait);
      }
    });
  }
}

}  // namespace dk::service
