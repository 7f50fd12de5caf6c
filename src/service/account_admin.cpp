#include "service/account_admin.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/access.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/account_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

Result<AccountView> view_of(store::SqlConnection& connection, const Account& account) {
  auto person =
      TRY(store::RegistryStore(connection).find_person(account.tenant, account.person_id));
  return AccountView{account.id,       account.person_id,
                     account.login,    person ? person->full_name : "",
                     account.disabled, account.grants};
}

}  // namespace

Result<std::vector<AccountView>> list_accounts(store::SqlConnection& connection,
                                               const Actor& actor) {
  if (!may_manage_structure(actor.principal)) return refuse();
  auto accounts = TRY(store::AccountStore(connection).list_accounts(actor.principal.tenant));
  std::vector<AccountView> views;
  for (const Account& account : accounts) {
    auto view = TRY(view_of(connection, account));
    views.push_back(std::move(view));
  }
  return views;
}

Result<AccountView> create_account(store::SqlConnection& connection, const Actor& actor,
                                   NewAccount account) {
  if (!may_manage_structure(actor.principal)) return refuse();
  account.tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<AccountView> {
    auto person =
        TRY(store::RegistryStore(connection).find_person(account.tenant, account.person_id));
    if (!person) {
      return fail(ErrorKind::invalid_input, "person.not_found",
                  fmt::format("Không có người mang mã {}.", account.person_id),
                  fmt::format("There is no person with id {}.", account.person_id),
                  Location{0, "person_id"});
    }
    auto created = TRY(add_account(connection, account, actor.clock));
    if (auto audited = record_audit(connection, actor, "create", "account", created.id,
                                    fmt::format("{{\"person\":{}}}", created.person_id));
        !audited) {
      return std::unexpected(audited.error());
    }
    return view_of(connection, created);
  });
}

Result<AccountView> disable_account(store::SqlConnection& connection, const Actor& actor, Id id) {
  if (!may_manage_structure(actor.principal)) return refuse();
  if (id == actor.principal.account_id) {
    return fail(ErrorKind::conflict, "account.self_disable",
                "Không thể tự khoá tài khoản của mình.", "You cannot disable your own account.");
  }
  store::AccountStore accounts(connection);
  return store::in_transaction(connection, [&]() -> Result<AccountView> {
    auto all = TRY(accounts.list_accounts(actor.principal.tenant));
    auto found = std::ranges::find(all, id, &Account::id);
    if (found == all.end()) {
      return fail(ErrorKind::not_found, "account.not_found",
                  fmt::format("Không có tài khoản mang mã {}.", id),
                  fmt::format("There is no account with id {}.", id));
    }
    if (auto disabled = accounts.disable_person_account(actor.principal.tenant, found->person_id);
        !disabled) {
      return std::unexpected(disabled.error());
    }
    if (auto audited = record_audit(connection, actor, "delete", "account", id, "{}"); !audited)
      return std::unexpected(audited.error());
    found->disabled = true;
    return view_of(connection, *found);
  });
}

}  // namespace dk::service
