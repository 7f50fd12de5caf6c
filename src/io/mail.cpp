#include "io/mail.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace dk::io {
namespace {

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool ascii_printable(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= 0x20 && c < 0x7f; });
}

// A header value as RFC 2047 encoded words, each under the 75-character limit and cut between
// UTF-8 characters, folded onto continuation lines. Plain ASCII stays as it is.
std::string header_words(std::string_view text) {
  if (ascii_printable(text) && text.size() <= 900) return std::string(text);
  // 39 bytes -> 52 base64 characters, 64 with the wrapper: under 78 after "Subject: " too.
  constexpr std::size_t kChunk = 39;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + kChunk);
    // Back off over continuation bytes (10xxxxxx) so that a character is never split.
    while (end < text.size() && end > start + 1 &&
           (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// RFC 5322's date, in Vietnam's time: "Sun, 06 Dec 2026 07:00:00 +0700".
std::string mail_date(Instant instant) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto local = instant + kVietnamOffset;
  const auto days = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::seconds>(local - days)};
  const unsigned weekday = std::chrono::weekday{days}.c_encoding();
  return fmt::format(
      "{}, {:02} {} {} {:02}:{:02}:{:02} +0700", kDays[weekday], static_cast<unsigned>(date.day()),
      kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
      time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string mailbox(std::string_view name, std::string_view address) {
  if (name.empty()) return fmt::format("<{}>", address);
  // A quoted ASCII name must not carry quotes or backslashes; encoded words carry anything.
  const bool plain = ascii_printable(name) && name.find_first_of("\"\\") == std::string_view::npos;
  return plain ? fmt::format("\"{}\" <{}>", name, address)
               : fmt::format("{} <{}>", header_words(name), address);
}

struct Upload {
  std::string text;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->text.size() - upload->sent);
  std::memcpy(buffer, upload->text.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListCleanup {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

bool plain_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size() ||
      address.find('@', at + 1) != std::string_view::npos || address.size() > 254)
    return false;
  return std::ranges::none_of(address, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' ||
           c == '"' || c == '\\' || c == '(' || c == ')';
  });
}

std::string format_message(const MailServer& server, const MailMessage& message) {
  std::string text;
  text += "From: " + mailbox(server.from_name, server.from) + "\r\n";
  text += "To: " + mailbox(message.to_name, message.to_address) + "\r\n";
  text += "Subject: " + header_words(message.subject) + "\r\n";
  text += "Date: " + mail_date(message.date) + "\r\n";
  if (!message.message_id.empty()) text += "Message-ID: " + message.message_id + "\r\n";
  text +=
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n";
  std::string body;
  for (char c : message.body) {
    if (c == '\n') body += '\r';
    body += c;
  }
  const std::string encoded = base64(body);
  for (std::size_t i = 0; i < encoded.size(); i += 76) text += encoded.substr(i, 76) + "\r\n";
  return text;
}

Status send_mail(const MailServer& server, const MailMessage& message) {
  if (!plain_address(message.to_address)) {
    return fail(ErrorKind::invalid_input, "mail.address_invalid",
                fmt::format("Địa chỉ thư “{}” không dùng được.", message.to_address),
                fmt::format("The e-mail address “{}” cannot be used.", message.to_address));
  }
  // libcurl's global set-up is not thread-safe on every build: once, before any handle.
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, CurlCleanup> curl(curl_easy_init());
  if (!curl) {
    return fail(ErrorKind::internal, "mail.curl", "Không khởi tạo được libcurl.",
                "libcurl could not be initialised.");
  }
  Upload upload{format_message(server, message)};
  std::unique_ptr<curl_slist, ListCleanup> recipients(
      curl_slist_append(nullptr, ("<" + message.to_address + ">").c_str()));
  const std::string from = "<" + server.from + ">";
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, static_cast<long>(server.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(server.timeout.count() * 2));
  if (server.starttls) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!server.user.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, server.user.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, server.password.c_str());
  }
  const CURLcode code = curl_easy_perform(handle);
  if (code == CURLE_OK) return {};
  long answer = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer);
  const std::string what = answer > 0
                               ? fmt::format("{} (SMTP {})", curl_easy_strerror(code), answer)
                               : std::string(curl_easy_strerror(code));
  // 5xx: the server will not take it, now or later.
  if (answer >= 500) {
    return fail(ErrorKind::invalid_input, "mail.refused",
                fmt::format("Máy chủ thư từ chối thư: {}", what),
                fmt::format("The mail server refused the message: {}", what));
  }
  return fail(ErrorKind::unavailable, "mail.unavailable",
              fmt::format("Chưa gửi được thư, sẽ thử lại: {}", what),
              fmt::format("The message could not be sent yet; it will be retried: {}", what));
}

}  // namespace dk::io
