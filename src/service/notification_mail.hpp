#pragma once
// E-mail of notifications: the rounds that gather the day's digests, claim what is due, send it
// through SMTP and record each outcome; and the thread that runs them in the server, woken when
// something is published and when the next retry falls due. One event reaches one person once:
// its row is claimed before sending and marked sent after; a crash between the two sends again
// with the same Message-ID, which mail readers show once.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "io/mail.hpp"
#include "service/database.hpp"

namespace dk::service {

struct MailSettings {
  io::MailServer server;
  std::string site;  // the app's address, for links in the mails; may be empty
};

// What one round did.
struct MailRound {
  int sent = 0;
  int retried = 0;  // failed for now, tried again later
  int given_up = 0;
  std::int64_t digests = 0;  // made this round
  std::optional<Instant> next_due;
};

inline constexpr int kMailBatch = 50;
// How long a claimed mail stays claimed: longer than any send takes (libcurl's time limit).
inline constexpr std::chrono::seconds kMailLease{10 * 60};

Result<MailRound> send_due_mail(Connection& connection, const MailSettings& settings, Instant now);

// Runs rounds on its own thread until destroyed.
class MailSender {
 public:
  MailSender(Database& database, MailSettings settings, Clock clock, std::ostream& log);
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

  void wake();

 private:
  void run();

  Database& database_;
  MailSettings settings_;
  Clock clock_;
  std::ostream& log_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool pending_ = true;
  bool stopping_ = false;
  std::uint64_t listening_ = 0;
  std::thread thread_;
};

}  // namespace dk::service
