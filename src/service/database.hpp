#pragma once
// The database as the adapters (http/, cli/) hold it, opened once by the process's wiring. A
// request borrows a connection and hands it to the use cases it calls; writes that must be durable
// before they are acknowledged share group commits. `Connection` is only named here: its
// definition, and every line of SQL, stay in store/, which the adapters cannot include.

#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"

namespace dk::store {
class SqlConnection;
class ConnectionPool;
class CommitBatcher;
}  // namespace dk::store

namespace dk::service {

using Connection = store::SqlConnection;

// One connection of the caller's own (a command's), closed when the pointer goes.
struct CloseConnection {
  void operator()(Connection* connection) const;
};
using OwnedConnection = std::unique_ptr<Connection, CloseConnection>;

// Opens a SQLite file or a postgresql:// address, bringing its schema up to date.
Result<OwnedConnection> connect(const std::string& address);

// Whether the database answers a query (the health check).
Status ping(Connection& connection);

class Database {
 public:
  // `connections`: how many requests may hold one at once.
  static Result<std::unique_ptr<Database>> open(const std::string& address, unsigned connections);
  Database(std::unique_ptr<store::ConnectionPool> pool,
           std::unique_ptr<store::CommitBatcher> batcher);
  // Runs what the group commit holds, then closes every connection.
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` with a connection borrowed for it (waiting until one is free).
  void with_connection(const std::function<void(Connection&)>& work);

  // Whether durable writes share commits (SQLite); on PostgreSQL each commits alone.
  bool groups_commits() const { return batcher_ != nullptr; }
  // Runs `work` on the shared writer in the next group commit, inside a transaction it must
  // neither commit nor roll back, and returns once that commit is durable: success means its
  // writes are kept; an error means none of them were.
  Status in_group_commit(const std::function<Status(Connection& writer)>& work);

 private:
  std::unique_ptr<store::ConnectionPool> pool_;
  std::unique_ptr<store::CommitBatcher> batcher_;
};

}  // namespace dk::service
