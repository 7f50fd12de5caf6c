#include "service/credentials.hpp"

#include <sodium.h>

#include <array>

namespace dk::service {
namespace {

// sodium_init is idempotent and thread-safe; every entry point calls it before use.
bool ready() {
  static const bool initialized = sodium_init() >= 0;
  return initialized;
}

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (!ready() || crypto_pwhash_str(out.data(), password.data(), password.size(),
                                    crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return fail(ErrorKind::unavailable, "password.hash_failed",
                "Không đủ bộ nhớ để mã hoá mật khẩu; hãy thử lại.",
                "Not enough memory to hash the password; try again.");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& password_hash, std::string_view password) {
  return ready() &&
         crypto_pwhash_str_verify(password_hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  (void)ready();
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(text.data());
}

std::string token_digest(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  (void)ready();
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

}  // namespace dk::service
