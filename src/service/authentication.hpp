#pragma once
// Accounts and sessions: adding an account, signing in (throttled per login and per address),
// finding who a session token belongs to, signing out, changing a password.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/account.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

inline constexpr std::chrono::hours kDefaultSessionLifetime{12};

struct NewAccount {
  Id tenant = 0;
  Id person_id = 0;
  std::string login;
  std::string password;
  std::vector<Grant> grants;
};

// Checks the login and the password policy, hashes the password and stores the account.
Result<Account> add_account(Connection& connection, const NewAccount& account, const Clock& clock);

struct SignInRequest {
  std::string login;
  std::string password;
  std::string address;
};

struct SignedIn {
  std::string token;  // goes into the cookie; never stored
  Instant expires_at;
  Actor actor;
};

Result<SignedIn> sign_in(Connection& connection, SignInRequest request, const Clock& clock,
                         std::chrono::seconds lifetime);

// The actor behind a session token; "session.expired" when the token is unknown or has expired.
Result<Actor> authenticate(Connection& connection, std::string_view token, std::string address,
                           const Clock& clock);

Status sign_out(Connection& connection, const Actor& actor);

// Ends every other session of the account: whoever knew the old password is signed out.
Status change_password(Connection& connection, const Actor& actor,
                       std::string_view current_password, std::string_view new_password);

}  // namespace dk::service
