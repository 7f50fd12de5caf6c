#include "cli/context.hpp"

#include <ostream>

#include "cli/exit_code.hpp"
#include "service/command_line.hpp"
#include "service/tenant.hpp"

namespace dk::cli {

Result<service::OwnedConnection> Context::connect() const {
  return service::connect(database);
}

Result<Agency> Context::agency_in(service::Connection& connection) const {
  return service::resolve_agency(connection, agency);
}

service::Actor Context::actor_in(const Agency& tenant) const {
  return service::command_line_actor(tenant.id, clock);
}

int Context::report(const Error& error) const {
  *err << say("Lỗi: ", "Error: ") << describe(error, language) << '\n';
  return exit_code_for(error);
}

}  // namespace dk::cli
