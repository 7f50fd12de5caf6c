#pragma once
// libpq hands out C handles that must be released exactly once on every path, the error paths
// included; unique_ptr with these deleters does that without a cleanup block in every function.

#include <libpq-fe.h>

#include <memory>

namespace dk::store::pg {

struct ConnectionDeleter {
  void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};
struct ResultDeleter {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
struct ConninfoDeleter {
  void operator()(PQconninfoOption* options) const noexcept { PQconninfoFree(options); }
};
struct LibpqMemoryDeleter {
  void operator()(void* memory) const noexcept { PQfreemem(memory); }
};
using ConnectionHandle = std::unique_ptr<PGconn, ConnectionDeleter>;
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace dk::store::pg
