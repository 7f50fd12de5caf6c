#include "core/check_in_code.hpp"

#include <sodium.h>

#include <array>
#include <cassert>
#include <charconv>
#include <string>

namespace dk {
namespace {

// Labels that keep the two kinds of code apart: an activity's code for step N is never a
// person's code for id N, even under the same secret.
constexpr std::string_view kActivityLabel = "doanket/check-in/activity/v1";
constexpr std::string_view kPersonLabel = "doanket/check-in/person/v1";

// 10 letters are 50 bits: guessing a code that lives four minutes, at the rate the API allows, is
// hopeless. A person's code never expires, so it carries 80.
constexpr std::size_t kActivityMacLetters = 10;
constexpr std::size_t kPersonMacLetters = 16;

using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

void append_big_endian(crypto_auth_hmacsha256_state& state, std::int64_t value) {
  std::array<unsigned char, 8> bytes{};
  auto bits = static_cast<std::uint64_t>(value);
  for (std::size_t i = bytes.size(); i-- > 0;) {
    bytes[i] = static_cast<unsigned char>(bits & 0xFF);
    bits >>= 8;
  }
  crypto_auth_hmacsha256_update(&state, bytes.data(), bytes.size());
}

Mac mac_of(std::string_view secret, std::string_view label, std::int64_t first,
           std::int64_t second) {
  assert(!secret.empty() && "a code needs a secret");
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  // The label's length goes first, so that no label is a prefix of a longer one's message.
  append_big_endian(state, static_cast<std::int64_t>(label.size()));
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(label.data()),
                                label.size());
  append_big_endian(state, first);
  append_big_endian(state, second);
  Mac mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);
  return mac;
}

// RFC 4648 base32 in lower case (letters and 2–7: nothing a URL or a QR reader mangles), of the
// first 5 × `letters` bits of the MAC.
std::string base32(const Mac& mac, std::size_t letters) {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  out.reserve(letters);
  unsigned buffer = 0;
  int bits = 0;
  std::size_t next = 0;
  while (out.size() < letters) {
    if (bits < 5) {
      buffer = (buffer << 8) | mac[next++];
      bits += 8;
    }
    bits -= 5;
    out.push_back(kAlphabet[(buffer >> bits) & 0x1F]);
  }
  return out;
}

std::string token_of(std::int64_t number, const Mac& mac, std::size_t letters) {
  return std::to_string(number) + '-' + base32(mac, letters);
}

// The number before the last '-', when there is one.
std::optional<std::int64_t> leading_number(std::string_view token) {
  const std::size_t dash = token.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + dash, number);
  if (error != std::errc{} || end != token.data() + dash) return std::nullopt;
  return number;
}

// Compares in constant time for a given length, so that the time taken tells an attacker nothing
// about how many letters of a guess were right. Upper case (as some scanners return) is read as
// lower case.
bool same_token(std::string_view expected, std::string_view given) {
  if (expected.size() != given.size()) return false;
  std::string lowered(given);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return sodium_memcmp(expected.data(), lowered.data(), expected.size()) == 0;
}

}  // namespace

std::int64_t time_step(Instant instant, std::chrono::seconds step_length) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(instant.time_since_epoch()).count();
  const std::int64_t length = step_length.count();
  assert(length > 0);
  const std::int64_t quotient = seconds / length;
  return (seconds % length < 0) ? quotient - 1 : quotient;  // floor, also before 1970
}

Instant time_step_start(std::int64_t step, std::chrono::seconds step_length) {
  return Instant(std::chrono::seconds(step * step_length.count()));
}

std::string check_in_token(std::string_view secret, Id activity, std::int64_t step) {
  return token_of(step, mac_of(secret, kActivityLabel, activity, step), kActivityMacLetters);
}

bool token_valid(std::string_view secret, Id activity, std::string_view token, Instant now,
                 std::chrono::seconds step_length) {
  const auto step = leading_number(token);
  if (!step) return false;
  const std::int64_t current = time_step(now, step_length);
  if (*step != current && *step != current - 1) return false;
  return same_token(check_in_token(secret, activity, *step), token);
}

std::string person_token(std::string_view secret, Id tenant, Id person) {
  return token_of(person, mac_of(secret, kPersonLabel, tenant, person), kPersonMacLetters);
}

std::optional<Id> person_from_token(std::string_view secret, Id tenant, std::string_view token) {
  const auto person = leading_number(token);
  if (!person || !same_token(person_token(secret, tenant, *person), token)) return std::nullopt;
  return *person;
}

}  // namespace dk
