#pragma once
// E-mail out through an SMTP server, with libcurl: a plain-text message in UTF-8 (headers encoded
// as RFC 2047 words, the body in base64, so that any server carries Vietnamese intact).

#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace dk::io {

struct MailServer {
  // smtp://HOST:PORT (STARTTLS when `starttls`), or smtps://HOST:PORT (TLS from the start).
  std::string url;
  bool starttls = false;  // refuse to send unless the server upgrades the connection
  std::string user;       // empty: no authentication
  std::string password;
  std::string from;  // the sender's address: "doanket@so-tu-phap.gov.vn"
  std::string from_name = "Đoàn Kết";
  std::chrono::seconds timeout{30};
};

struct MailMessage {
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string body;        // plain text, lines separated by "\n"
  std::string message_id;  // "<…@…>": the same for every try of one mail, so readers drop copies
  Instant date{};
};

// Whether `address` may be put in a header and an SMTP command as it is: one "@", no spaces,
// control characters or the characters that end an address.
bool plain_address(std::string_view address);

// The message as it goes over the wire (CRLF line ends).
std::string format_message(const MailServer& server, const MailMessage& message);

// Sends `message`. Errors: ErrorKind::invalid_input when the server refused it for good (a 5xx
// answer: no such mailbox; retrying will not help) or the address is unusable;
// ErrorKind::unavailable when it may work later (no connection, a 4xx answer, a timeout). The
// error's English text carries the server's own answer.
Status send_mail(const MailServer& server, const MailMessage& message);

}  // namespace dk::io
