#pragma once
// A fixed set of open connections shared by the server's threads: each request borrows one for
// its duration, so that no connection is used by two threads at once. A connection that lost its
// server is replaced when it comes back, so that the service recovers from a database restart
// without being restarted itself.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql.hpp"

namespace dk::store {

class ConnectionPool {
 public:
  static Result<std::unique_ptr<ConnectionPool>> open(const std::string& target, std::size_t size);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (connection_) pool_->give_back(std::move(connection_));
    }
    SqlConnection& operator*() const { return *connection_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  // Waits until a connection is free.
  Lease borrow();

 private:
  void give_back(std::unique_ptr<SqlConnection> connection);

  std::string target_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
};

}  // namespace dk::store
