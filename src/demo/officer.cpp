#include "demo/officer.hpp"

#include <fmt/format.h>

#include "store/account_store.hpp"
#include "store/sql.hpp"

namespace dk::demo {

Result<DemoOfficer> officer(service::Connection& connection, std::string_view login,
                            std::vector<Id> organizations) {
  auto account = TRY(store::AccountStore(connection).find_by_login(login));
  if (!account) {
    return fail(ErrorKind::internal, "demo.accounts",
                fmt::format("Dữ liệu mẫu thiếu tài khoản {}.", login),
                fmt::format("The demo data lacks the account {}.", login));
  }
  DemoOfficer demo;
  demo.actor.principal.tenant = account->tenant;
  demo.actor.principal.account_id = account->id;
  demo.actor.principal.person_id = account->person_id;
  demo.actor.principal.officer_of = std::move(organizations);
  demo.actor.login = std::string(login);
  demo.actor.address = "demo";
  return demo;
}

}  // namespace dk::demo
