#pragma once
// Doing a request once, whatever its retries: the first answer under an Idempotency-Key is kept
// with the change it made, in one transaction, and a retry with the same key gets it back. The
// same key with a different request is refused, since the client has mixed up its keys.

#include <functional>
#include <string>
#include <string_view>

#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct Answer {
  int status = 200;
  std::string body;
};

inline constexpr std::size_t kMaxIdempotencyKeyLength = 200;

// What stands for a request under its key: the hash of its text (method, path and body), which a
// retry repeats byte for byte.
std::string request_fingerprint(std::string_view request);

// Runs `work` once per (account, key). `request_hash` identifies the request (method, path and
// body). A failing `work` keeps nothing, so that it may be retried.
Result<Answer> answer_once(Connection& connection, const Actor& actor, const std::string& key,
                           const std::string& request_hash,
                           const std::function<Result<Answer>()>& work);

}  // namespace dk::service
