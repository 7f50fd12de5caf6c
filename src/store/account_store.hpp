#pragma once
// Persistence of accounts, their grants, sessions and failed sign-ins. Sessions are keyed by the
// hash of their token; the token itself never reaches the database.

#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/account.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct SessionRecord {
  std::string token_hash;
  Id tenant = 0;
  Id account_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t expires_at = 0;
  std::string address;
};

// A signed-in session with what the service needs to act for it.
struct SessionAccount {
  SessionRecord session;
  Id person_id = 0;
  std::string login;
  std::string full_name;
  std::vector<Grant> grants;
};

struct FailureCount {
  std::int64_t count = 0;
  std::int64_t oldest = 0;  // Unix seconds; 0 when there is none
  std::int64_t latest = 0;
};

class AccountStore {
 public:
  explicit AccountStore(SqlConnection& connection) : connection_(connection) {}

  // Fails with "account.login_taken" or "account.person_has_account" when either is in use.
  Result<Account> create_account(const Account& account, std::int64_t now);
  Result<std::optional<Account>> find_by_login(std::string_view login);
  Result<std::optional<Account>> find_by_person(Id tenant, Id person_id);
  Result<std::vector<Account>> list_accounts(Id tenant);
  Status set_password_hash(Id tenant, Id account_id, const std::string& password_hash);
  // The person's account, if any, can no longer sign in, and its sessions end.
  Status disable_person_account(Id tenant, Id person_id);

  Status create_session(const SessionRecord& session);
  // The session with this token hash if it has not expired at `now`, with its account.
  Result<std::optional<SessionAccount>> find_session(const std::string& token_hash,
                                                     std::int64_t now);
  Status delete_session(const std::string& token_hash);
  // Every session of the account but `keep` (after a password change).
  Status delete_other_sessions(Id tenant, Id account_id, const std::string& keep);
  Status delete_expired_sessions(std::int64_t now);

  // Failed sign-ins of a login or an address since `since`.
  Result<FailureCount> failures(std::string_view scope, std::string_view subject,
                                std::int64_t since);
  Status record_failure(std::string_view scope, std::string_view subject, std::int64_t now);
  Status clear_failures(std::string_view scope, std::string_view subject);
  // Whether `login` signed in from `address` since `since`; remembering a place forgets the
  // login's places not used since `forget_before`.
  Result<bool> signed_in_from(std::string_view login, std::string_view address, std::int64_t since);
  Status remember_sign_in(std::string_view login, std::string_view address, std::int64_t now,
                          std::int64_t forget_before);

  // Current committee seats (organizations where the person is also a current member) and current
  // memberships of a person at `today`.
  Result<std::vector<Id>> officer_of(Id tenant, Id person_id, const std::string& today);
  Result<std::vector<Id>> member_of(Id tenant, Id person_id);

 private:
  Result<std::vector<Grant>> grants_of(Id tenant, Id account_id);
  Result<std::vector<Id>> ids(std::string_view sql, std::span<const SqlValue> params);

  SqlConnection& connection_;
};

}  // namespace dk::store
