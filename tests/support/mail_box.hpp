#pragma once
// The messages the test SMTP server (tests/smtp/smtp_sink.py, started by the test command) accepted
// for an address, read back as a mail reader would: headers, and the body decoded from base64.
// Tests that send mail skip when no server runs (DOANKET_TEST_SMTP unset); each uses addresses of
// its own (mail_address()), so that tests running at once never see each other's mail.

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace dk::testing {

struct ReceivedMail {
  std::map<std::string, std::string> headers;  // names as sent; folded lines joined
  std::string body;                            // decoded, CRLF as sent
};

inline const char* test_smtp_url() {
  return std::getenv("DOANKET_TEST_SMTP");
}

#define DK_REQUIRE_SMTP()                                                           \
  do {                                                                              \
    if (dk::testing::test_smtp_url() == nullptr)                                    \
      GTEST_SKIP() << "DOANKET_TEST_SMTP is not set (the test command starts one)"; \
  } while (false)

// An address no other test (nor another run of this one) uses: `name+tag.PID.N@example.vn`, where
// a `tag` of "refuse2" makes the server refuse the first two deliveries.
inline std::string mail_address(const std::string& name, const std::string& tag = "") {
  static int counter = 0;
  return name + "+" + (tag.empty() ? "" : tag + ".") + std::to_string(::getpid()) + "." +
         std::to_string(++counter) + "@example.vn";
}

inline std::string decode_base64(std::string encoded) {
  std::erase_if(encoded, [](char c) { return c == '\r' || c == '\n'; });
  std::string out(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), encoded.data(),
                        encoded.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return "<not base64>";
  out.resize(length);
  return out;
}

inline ReceivedMail parse_mail(const std::string& text) {
  ReceivedMail mail;
  const auto split = text.find("\r\n\r\n");
  std::istringstream headers(text.substr(0, split));
  std::string line, name;
  while (std::getline(headers, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      mail.headers[name] += line;
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    name = line.substr(0, colon);
    mail.headers[name] = line.substr(colon + 2);
  }
  const std::string body = split == std::string::npos ? "" : text.substr(split + 4);
  mail.body = mail.headers["Content-Transfer-Encoding"] == "base64" ? decode_base64(body) : body;
  return mail;
}

// Every message accepted for `address`, oldest first.
inline std::vector<ReceivedMail> mails_to(const std::string& address) {
  std::vector<ReceivedMail> mails;
  const char* folder = std::getenv("DOANKET_TEST_SMTP_DIR");
  if (folder == nullptr) return mails;
  std::string lower = address;
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::filesystem::path box = std::filesystem::path(folder) / lower;
  if (!std::filesystem::exists(box)) return mails;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(box))
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  std::ranges::sort(files);
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    mails.push_back(parse_mail(text.str()));
  }
  return mails;
}

}  // namespace dk::testing
