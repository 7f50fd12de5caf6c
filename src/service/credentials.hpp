#pragma once
// The cryptography of sign-in, on libsodium: argon2id password hashes, random tokens, and the
// hash under which a session token is stored.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace dk::service {

// argon2id with libsodium's interactive limits (64 MiB, 2 passes): ~0.1 s on this machine.
Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& password_hash, std::string_view password);

// 32 random bytes as URL-safe base64 without padding (43 characters).
std::string random_token();
// BLAKE2b-256 of a token, in hex: what the database keeps instead of the token.
std::string token_digest(std::string_view token);

}  // namespace dk::service
