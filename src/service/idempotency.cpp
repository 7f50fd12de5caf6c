#include "service/idempotency.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include "store/idempotency_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

std::string request_fingerprint(std::string_view request) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(request.data()),
                     request.size());
  std::string hash;
  for (unsigned char byte : digest) hash += fmt::format("{:02x}", byte);
  return hash;
}

Result<Answer> answer_once(store::SqlConnection& connection, const Actor& actor,
                           const std::string& key, const std::string& request_hash,
                           const std::function<Result<Answer>()>& work) {
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength ||
      key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") !=
          std::string::npos) {
    return fail(ErrorKind::invalid_input, "idempotency.key_invalid",
                "Idempotency-Key phải có 1–200 ký tự chữ, số, “-”, “_”, “.” hoặc “:”.",
                "The Idempotency-Key must be 1–200 letters, digits, “-”, “_”, “.” or “:”.",
                Location{0, "Idempotency-Key"});
  }
  const Id tenant = actor.principal.tenant;
  const Id account = actor.principal.account_id;
  store::IdempotencyStore answers(connection);
  return store::in_transaction(connection, [&]() -> Result<Answer> {
    auto earlier = TRY(answers.find(tenant, account, key));
    if (earlier) {
      if (earlier->request_hash != request_hash) {
        return fail(ErrorKind::conflict, "idempotency.key_reused",
                    "Idempotency-Key này đã dùng cho một yêu cầu khác.",
                    "This Idempotency-Key was used for another request.",
                    Location{0, "Idempotency-Key"});
      }
      return Answer{earlier->status, earlier->body};
    }
    auto answer = work();
    if (!answer) return answer;
    if (auto saved = answers.save(
            tenant, account, key,
            store::IdempotentAnswer{request_hash, answer->status, answer->body}, actor.clock());
        !saved) {
      return std::unexpected(saved.error());
    }
    return answer;
  });
}

}  // namespace dk::service
