#pragma once
// An account: who signs in, for which person, with which grants.

#include <string>
#include <vector>

#include "core/access.hpp"

namespace dk {

struct Account {
  Id tenant = 0;
  Id id = 0;
  Id person_id = 0;
  std::string login;
  std::string password_hash;  // argon2id, in libsodium's self-describing string form
  bool disabled = false;
  std::vector<Grant> grants;
};

}  // namespace dk
