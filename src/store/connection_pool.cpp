#include "store/connection_pool.hpp"

namespace dk::store {

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::open(const std::string& target,
                                                             std::size_t size) {
  auto pool = std::make_unique<ConnectionPool>();
  pool->target_ = target;
  for (std::size_t i = 0; i < size; ++i) {
    auto connection = TRY(open_database(target));
    pool->idle_.push_back(std::move(connection));
  }
  return pool;
}

ConnectionPool::Lease ConnectionPool::borrow() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

void ConnectionPool::give_back(std::unique_ptr<SqlConnection> connection) {
  if (connection->broken()) {
    // If the server is still away, the broken one goes back and the next request says so.
    if (auto reopened = open_database(target_)) connection = std::move(*reopened);
  }
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace dk::store
