// The mail as it goes over the wire: Vietnamese headers as RFC 2047 words that never split a
// character, the date in Vietnam's time, the body in base64, and addresses that could inject a
// header or an SMTP command refused before anything is sent.
#include "io/mail.hpp"

#include <gtest/gtest.h>

#include "support/mail_box.hpp"

namespace dk::io {
namespace {

MailServer server() {
  MailServer server;
  server.url = "smtp://127.0.0.1:1";
  server.from = "doanket@stp.hatinh.gov.vn";
  return server;
}

MailMessage message() {
  MailMessage message;
  message.to_address = "binh@example.vn";
  message.to_name = "Trần Văn Bình";
  message.subject =
      "[Đoàn Kết] Kế hoạch mới cần học tập: 05-KH/TĐTN — Kế hoạch tổ chức Tháng Thanh niên năm "
      "2027 của Tỉnh đoàn Hà Tĩnh";
  message.body = "Dòng một\nDòng hai: 2.800.000 đ\n";
  message.message_id = "<dk.1.2.3@stp.hatinh.gov.vn>";
  message.date = vietnam_instant(CivilDate{2026, 12, 6}, 7 * 60 + 5);
  return message;
}

TEST(Mail, HeadersCarryVietnameseAsEncodedWordsThatNeverSplitACharacter) {
  const std::string text = format_message(server(), message());
  const auto mail = dk::testing::parse_mail(text);
  EXPECT_EQ(mail.headers.at("From"), "=?UTF-8?B?xJBvw6BuIEvhur90?= <doanket@stp.hatinh.gov.vn>");
  EXPECT_EQ(mail.headers.at("Date"), "Sun, 06 Dec 2026 07:05:00 +0700");
  EXPECT_EQ(mail.headers.at("Message-ID"), "<dk.1.2.3@stp.hatinh.gov.vn>");
  EXPECT_EQ(mail.headers.at("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(mail.body, "Dòng một\r\nDòng hai: 2.800.000 đ\r\n");
  // Every encoded word of the subject decodes on its own to whole UTF-8 characters, and together
  // they are the subject; every line stays under the 78-character limit.
  const std::string& subject = mail.headers.at("Subject");
  std::string joined;
  std::size_t start = 0;
  int words = 0;
  while ((start = subject.find("=?UTF-8?B?", start)) != std::string::npos) {
    const auto end = subject.find("?=", start + 10);
    ASSERT_NE(end, std::string::npos);
    const std::string word =
        dk::testing::decode_base64(subject.substr(start + 10, end - start - 10));
    ASSERT_FALSE(word.empty());
    EXPECT_NE(static_cast<unsigned char>(word[0]) & 0xc0, 0x80) << "word " << words;
    joined += word;
    start = end + 2;
    ++words;
  }
  EXPECT_GT(words, 2);
  EXPECT_EQ(joined, message().subject);
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    const auto line_end = text.find("\r\n", line_start);
    EXPECT_LE(line_end - line_start, 78u) << text.substr(line_start, line_end - line_start);
    line_start = line_end + 2;
  }
}

TEST(Mail, AnAddressThatCouldInjectAHeaderOrACommandIsRefusedBeforeSending) {
  EXPECT_TRUE(plain_address("binh@example.vn"));
  EXPECT_TRUE(plain_address("binh+refuse1@example.vn"));
  for (const char* bad :
       {"", "binh", "@example.vn", "binh@", "a@b@c", "binh@example.vn\r\nBcc: x@y",
        "binh@example.vn>", "Bình <binh@example.vn>", "bi nh@example.vn"}) {
    EXPECT_FALSE(plain_address(bad)) << bad;
  }
  MailMessage bad = message();
  bad.to_address = "binh@example.vn\r\nRCPT TO:<victim@example.vn>";
  auto sent = send_mail(server(), bad);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, "mail.address_invalid");
  EXPECT_EQ(sent.error().kind, ErrorKind::invalid_input);
}

TEST(Mail, NoServerIsAnErrorToRetryNotAFailureForGood) {
  auto sent = send_mail(server(), message());  // nothing listens on port 1
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(sent.error().code, "mail.unavailable");
}

}  // namespace
}  // namespace dk::io
