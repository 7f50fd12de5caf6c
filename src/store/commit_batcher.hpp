#pragma once
// Group commit for writes that must be durable before they are acknowledged (check-ins). A commit
// costs one disk flush (~1 ms here), so a server committing each request alone does no more
// requests per second than the disk does flushes, however many threads it has. The batcher owns
// one writer connection and a thread: requests queue their unit of work, the thread takes
// everything queued, runs each unit in its own savepoint of one transaction and commits once, then
// wakes each request with its own outcome. A failing unit is rolled back to its savepoint and the
// others in its batch are unaffected; a unit is acknowledged only after the commit that holds it.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/sql.hpp"

namespace dk::store {

class CommitBatcher {
 public:
  // A unit of work: its statements on the writer connection, inside a transaction it must neither
  // commit nor roll back. An error undoes the unit's writes (and only them).
  using Unit = std::function<Status(SqlConnection& writer)>;

  // Opens the writer connection to `target` and starts the thread. `max_batch` bounds how many
  // units share one commit, so that one slow batch cannot hold too many requests.
  static Result<std::unique_ptr<CommitBatcher>> open(const std::string& target,
                                                     std::size_t max_batch = 512);
  CommitBatcher(std::unique_ptr<SqlConnection> writer, std::string target, std::size_t max_batch);
  // Runs what is queued, then stops the thread.
  ~CommitBatcher();
  CommitBatcher(const CommitBatcher&) = delete;
  CommitBatcher& operator=(const CommitBatcher&) = delete;

  // Runs `unit` in the next batch and waits until that batch is committed: success means the
  // unit's writes are durable; an error means none of them were kept.
  Status run(const Unit& unit);

 private:
  struct Pending {
    const Unit* unit;
    Status outcome;
    bool done = false;
  };

  void write_batches();
  void write(std::vector<Pending*>& batch);
  Status run_in_savepoint(const Unit& unit);

  std::unique_ptr<SqlConnection> writer_;
  std::string target_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable queued_;    // the writer thread waits for work on it
  std::condition_variable finished_;  // requests wait for their batch's commit on it
  std::vector<Pending*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dk::store
