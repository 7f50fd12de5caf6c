#pragma once
// Accounts as administrators manage them over the web service: listed, added for a person of the
// agency, disabled (the account can no longer sign in and its sessions end). Each change is
// audited; passwords never leave the service.

#include <vector>

#include "core/account.hpp"
#include "service/actor.hpp"
#include "service/authentication.hpp"
#include "service/database.hpp"

namespace dk::service {

struct AccountView {
  Id id = 0;
  Id person_id = 0;
  std::string login;
  std::string full_name;
  bool disabled = false;
  std::vector<Grant> grants;
};

Result<std::vector<AccountView>> list_accounts(Connection& connection, const Actor& actor);
// `account.tenant` is the actor's agency, whatever the caller set.
Result<AccountView> create_account(Connection& connection, const Actor& actor, NewAccount account);
Result<AccountView> disable_account(Connection& connection, const Actor& actor, Id id);

}  // namespace dk::service
