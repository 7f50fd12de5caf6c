#include "store/account_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "store/id_counter.hpp"

namespace dk::store {
namespace {

std::string_view grant_code(Grant grant) {
  return grant == Grant::administrator ? "administrator" : "leadership";
}

std::optional<Grant> parse_grant(std::string_view code) {
  if (code == "administrator") return Grant::administrator;
  if (code == "leadership") return Grant::leadership;
  return std::nullopt;
}

constexpr std::string_view kAccountColumns =
    "tenant_id, id, person_id, login, password_hash, disabled";

Account read_account(const SqlRow& row) {
  return Account{row.integer(0),
                 row.integer(1),
                 row.integer(2),
                 row.text(3),
                 row.text(4),
                 row.integer(5) != 0,
                 {}};
}

}  // namespace

Result<Account> AccountStore::create_account(const Account& account, std::int64_t now) {
  auto taken = TRY(find_by_login(account.login));
  if (taken) {
    return fail(ErrorKind::conflict, "account.login_taken",
                fmt::format("Tên đăng nhập “{}” đã có người dùng.", account.login),
                fmt::format("The login “{}” is already taken.", account.login),
                Location{0, "login"});
  }
  auto existing = TRY(find_by_person(account.tenant, account.person_id));
  if (existing) {
    return fail(ErrorKind::conflict, "account.person_has_account",
                fmt::format("Người này đã có tài khoản “{}”.", existing->login),
                fmt::format("This person already has the account “{}”.", existing->login),
                Location{0, "person_id"});
  }
  auto id = reserve_ids(connection_, account.tenant, "accounts", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {account.tenant,        *id, account.person_id, account.login,
                             account.password_hash, now};
  if (auto inserted = connection_.execute(
          "INSERT INTO accounts (tenant_id, id, person_id, login, password_hash, created_at) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          params);
      !inserted) {
    return std::unexpected(inserted.error());
  }
  for (const Grant grant : account.grants) {
    const SqlValue grant_params[] = {account.tenant, *id, std::string(grant_code(grant))};
    if (auto granted = connection_.execute(
            "INSERT INTO account_grants (tenant_id, account_id, grant_kind) VALUES ($1, $2, $3)",
            grant_params);
        !granted) {
      return std::unexpected(granted.error());
    }
  }
  Account created = account;
  created.id = *id;
  return created;
}

Result<std::vector<Grant>> AccountStore::grants_of(Id tenant, Id account_id) {
  const SqlValue params[] = {tenant, account_id};
  std::vector<Grant> grants;
  auto status = connection_.query(
      "SELECT grant_kind FROM account_grants WHERE tenant_id = $1 AND account_id = $2 "
      "ORDER BY grant_kind",
      params, [&](const SqlRow& row) -> Status {
        if (auto grant = parse_grant(row.text(0))) grants.push_back(*grant);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return grants;
}

Result<std::optional<Account>> AccountStore::find_by_login(std::string_view login) {
  const SqlValue params[] = {std::string(login)};
  std::optional<Account> found;
  auto status =
      connection_.query(fmt::format("SELECT {} FROM accounts WHERE login = $1", kAccountColumns),
                        params, [&](const SqlRow& row) -> Status {
                          found = read_account(row);
                          return {};
                        });
  if (!status) return std::unexpected(status.error());
  if (found) {
    auto grants = grants_of(found->tenant, found->id);
    if (!grants) return std::unexpected(grants.error());
    found->grants = std::move(*grants);
  }
  return found;
}

Result<std::optional<Account>> AccountStore::find_by_person(Id tenant, Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  std::optional<Account> found;
  auto status = connection_.query(
      fmt::format("SELECT {} FROM accounts WHERE tenant_id = $1 AND person_id = $2",
                  kAccountColumns),
      params, [&](const SqlRow& row) -> Status {
        found = read_account(row);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::vector<Account>> AccountStore::list_accounts(Id tenant) {
  const SqlValue params[] = {tenant};
  std::vector<Account> accounts;
  auto status = connection_.query(
      fmt::format("SELECT {} FROM accounts WHERE tenant_id = $1 ORDER BY login", kAccountColumns),
      params, [&](const SqlRow& row) -> Status {
        accounts.push_back(read_account(row));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  for (Account& account : accounts) {
    auto grants = grants_of(tenant, account.id);
    if (!grants) return std::unexpected(grants.error());
    account.grants = std::move(*grants);
  }
  return accounts;
}

Status AccountStore::set_password_hash(Id tenant, Id account_id, const std::string& password_hash) {
  const SqlValue params[] = {tenant, account_id, password_hash};
  TRY(connection_.execute("UPDATE accounts SET password_hash = $3 WHERE tenant_id = $1 AND id = $2",
                          params));
  return {};
}

Status AccountStore::disable_person_account(Id tenant, Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  if (auto ended = connection_.execute(
          "DELETE FROM sessions WHERE tenant_id = $1 AND account_id IN (SELECT id FROM accounts "
          "WHERE tenant_id = $1 AND person_id = $2)",
          params);
      !ended) {
    return std::unexpected(ended.error());
  }
  TRY(connection_.execute(
      "UPDATE accounts SET disabled = 1 WHERE tenant_id = $1 AND person_id = $2", params));
  return {};
}

Status AccountStore::create_session(const SessionRecord& session) {
  const SqlValue params[] = {session.token_hash, session.tenant,     session.account_id,
                             session.csrf_token, session.created_at, session.expires_at,
                             session.address};
  TRY(connection_.execute(
      "INSERT INTO sessions (token_hash, tenant_id, account_id, csrf_token, created_at, "
      "expires_at, address) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      params));
  return {};
}

Result<std::optional<SessionAccount>> AccountStore::find_session(const std::string& token_hash,
                                                                 std::int64_t now) {
  const SqlValue params[] = {token_hash, now};
  std::optional<SessionAccount> found;
  auto status = connection_.query(
      "SELECT s.token_hash, s.tenant_id, s.account_id, s.csrf_token, s.created_at, s.expires_at, "
      "s.address, a.person_id, a.login, p.full_name FROM sessions s "
      "JOIN accounts a ON a.tenant_id = s.tenant_id AND a.id = s.account_id "
      "JOIN persons p ON p.tenant_id = a.tenant_id AND p.id = a.person_id "
      "WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled = 0",
      params, [&](const SqlRow& row) -> Status {
        SessionAccount account;
        account.session = SessionRecord{row.text(0),    row.integer(1), row.integer(2), row.text(3),
                                        row.integer(4), row.integer(5), row.text(6)};
        account.person_id = row.integer(7);
        account.login = row.text(8);
        account.full_name = row.text(9);
        found = std::move(account);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  if (found) {
    auto grants = grants_of(found->session.tenant, found->session.account_id);
    if (!grants) return std::unexpected(grants.error());
    found->grants = std::move(*grants);
  }
  return found;
}

Status AccountStore::delete_session(const std::string& token_hash) {
  const SqlValue params[] = {token_hash};
  TRY(connection_.execute("DELETE FROM sessions WHERE token_hash = $1", params));
  return {};
}

Status AccountStore::delete_other_sessions(Id tenant, Id account_id, const std::string& keep) {
  const SqlValue params[] = {tenant, account_id, keep};
  TRY(connection_.execute(
      "DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2 AND token_hash <> $3",
      params));
  return {};
}

Status AccountStore::delete_expired_sessions(std::int64_t now) {
  const SqlValue params[] = {now};
  TRY(connection_.execute("DELETE FROM sessions WHERE expires_at <= $1", params));
  return {};
}

Result<FailureCount> AccountStore::failures(std::string_view scope, std::string_view subject,
                                            std::int64_t since) {
  const SqlValue params[] = {std::string(scope), std::string(subject), since};
  FailureCount count;
  auto status = connection_.query(
      "SELECT count(*), coalesce(min(failed_at), 0), coalesce(max(failed_at), 0) FROM "
      "sign_in_failures WHERE scope = $1 AND subject = $2 AND failed_at > $3",
      params, [&](const SqlRow& row) -> Status {
        count = FailureCount{row.integer(0), row.integer(1), row.integer(2)};
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return count;
}

Status AccountStore::record_failure(std::string_view scope, std::string_view subject,
                                    std::int64_t now) {
  const SqlValue params[] = {std::string(scope), std::string(subject), now};
  TRY(connection_.execute(
      "INSERT INTO sign_in_failures (scope, subject, failed_at) VALUES ($1, $2, $3)", params));
  // Failures older than a day no longer count for anything.
  const SqlValue old[] = {now - 86400};
  TRY(connection_.execute("DELETE FROM sign_in_failures WHERE failed_at < $1", old));
  return {};
}

Status AccountStore::clear_failures(std::string_view scope, std::string_view subject) {
  const SqlValue params[] = {std::string(scope), std::string(subject)};
  auto deleted =
      connection_.execute("DELETE FROM sign_in_failures WHERE scope = $1 AND subject = $2", params);
  if (!deleted) return std::unexpected(deleted.error());
  return {};
}

Result<bool> AccountStore::signed_in_from(std::string_view login, std::string_view address,
                                          std::int64_t since) {
  const SqlValue params[] = {std::string(login), std::string(address), since};
  auto found = TRY(query_integer(connection_,
                                 "SELECT count(*) FROM known_sign_ins WHERE login = $1 AND "
                                 "address = $2 AND last_at >= $3",
                                 params));
  return found.value_or(0) > 0;
}

Status AccountStore::remember_sign_in(std::string_view login, std::string_view address,
                                      std::int64_t now, std::int64_t forget_before) {
  const SqlValue params[] = {std::string(login), std::string(address), now};
  TRY(connection_.execute(
      "INSERT INTO known_sign_ins (login, address, last_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (login, address) DO UPDATE SET last_at = excluded.last_at",
      params));
  const SqlValue old[] = {std::string(login), forget_before};
  TRY(connection_.execute("DELETE FROM known_sign_ins WHERE login = $1 AND last_at < $2", old));
  return {};
}

// Sorted and without repeats here rather than in SQL: an ORDER BY on the organization would lead
// the engine to walk the whole tenant's rows in that order instead of the person's few.
Result<std::vector<Id>> AccountStore::ids(std::string_view sql, std::span<const SqlValue> params) {
  auto found =
      query_all(connection_, sql, params, [](const SqlRow& row) { return row.integer(0); });
  if (!found) return found;
  std::ranges::sort(*found);
  found->erase(std::unique(found->begin(), found->end()), found->end());
  return found;
}

Result<std::vector<Id>> AccountStore::officer_of(Id tenant, Id person_id,
                                                 const std::string& today) {
  const SqlValue params[] = {tenant, person_id, today};
  return ids(
      "SELECT c.organization_id FROM committee_roles c WHERE c.tenant_id = $1 AND c.person_id = "
      "$2 AND (c.term_start IS NULL OR c.term_start <= $3) AND (c.term_end IS NULL OR "
      "c.term_end >= $3) AND EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = c.tenant_id "
      "AND m.person_id = c.person_id AND m.organization_id = c.organization_id AND m.status <> "
      "'left')",
      params);
}

Result<std::vector<Id>> AccountStore::member_of(Id tenant, Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  return ids(
      "SELECT organization_id FROM memberships WHERE tenant_id = $1 AND person_id = $2 "
      "AND status <> 'left'",
      params);
}

}  // namespace dk::store
