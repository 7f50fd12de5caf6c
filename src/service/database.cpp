#include "service/database.hpp"

#include <malloc.h>

#include "store/commit_batcher.hpp"
#include "store/connection_pool.hpp"
#include "store/sql.hpp"

namespace dk::service {

void CloseConnection::operator()(Connection* connection) const {
  delete connection;
}

Result<OwnedConnection> connect(const std::string& address) {
  auto opened = TRY(store::open_database(address));
  return OwnedConnection(opened.release());
}

Status ping(Connection& connection) {
  TRY(store::query_integer(connection, "SELECT 1"));
  return {};
}

namespace {

// Each request thread allocates and frees a few megabytes (statements, rows, a contest's bank)
// from its own malloc arena, and glibc hands the freed top of an arena back to the kernel as soon
// as it passes 128 KiB: with many threads that is an madvise per request, a TLB shootdown on every
// core and the same pages faulted in again by the next. Keeping up to 32 MiB per arena doubled
// contest starts and submissions on SQLite (BENCHMARKS.md, "Contests"); allocations of 4 MiB or
// more still get their own mapping, returned when freed.
void keep_freed_memory() {
  static const bool kept = [] {
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    return true;
  }();
  (void)kept;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& address, unsigned connections) {
  keep_freed_memory();
  auto pool = TRY(store::ConnectionPool::open(address, connections));
  // Group commit on SQLite only, where one writer at a time flushes once per commit. PostgreSQL
  // already flushes the commits of its backends together, and the batcher's one connection would
  // run every check-in's statements one round trip after another: measured slower there
  // (BENCHMARKS.md, "Check-ins").
  std::unique_ptr<store::CommitBatcher> batcher;
  if (!address.starts_with("postgresql://") && !address.starts_with("postgres://")) {
    auto opened = TRY(store::CommitBatcher::open(address));
    batcher = std::move(opened);
  }
  return std::make_unique<Database>(std::move(pool), std::move(batcher));
}

Database::Database(std::unique_ptr<store::ConnectionPool> pool,
                   std::unique_ptr<store::CommitBatcher> batcher)
    : pool_(std::move(pool)), batcher_(std::move(batcher)) {}

Database::~Database() = default;

void Database::with_connection(const std::function<void(Connection&)>& work) {
  auto lease = pool_->borrow();
  work(*lease);
}

Status Database::in_group_commit(const std::function<Status(Connection& writer)>& work) {
  return batcher_->run(work);
}

}  // namespace dk::service
