#include "cli/context.hpp"

#include <ostream>

#include "cli/exit_code.hpp"
#include "service/tenant.hpp"

namespace dk::cli {

Result<std::unique_ptr<store::SqlConnection>> Context::connect() const {
  return store::open_database(database);
}

Result<Agency> Context::agency_in(store::SqlConnection& connection) const {
  return service::resolve_agency(connection, agency);
}

int Context::report(const Error& error) const {
  *err << say("Lỗi: ", "Error: ") << describe(error, language) << '\n';
  return exit_code_for(error);
}

}  // namespace dk::cli
