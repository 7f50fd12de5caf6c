#include "store/commit_batcher.hpp"

#include <algorithm>
#include <utility>

namespace dk::store {

Result<std::unique_ptr<CommitBatcher>> CommitBatcher::open(const std::string& target,
                                                           std::size_t max_batch) {
  auto writer = TRY(open_database(target));
  return std::make_unique<CommitBatcher>(std::move(writer), target, max_batch);
}

CommitBatcher::CommitBatcher(std::unique_ptr<SqlConnection> writer, std::string target,
                             std::size_t max_batch)
    : writer_(std::move(writer)),
      target_(std::move(target)),
      max_batch_(max_batch > 0 ? max_batch : 1),
      thread_([this] { write_batches(); }) {}

CommitBatcher::~CommitBatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
}

Status CommitBatcher::run(const Unit& unit) {
  Pending pending{&unit, {}, false};
  std::unique_lock lock(mutex_);
  queue_.push_back(&pending);
  queued_.notify_one();
  finished_.wait(lock, [&] { return pending.done; });
  return pending.outcome;
}

void CommitBatcher::write_batches() {
  std::vector<Pending*> batch;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing is left to write
      // No waiting for more to arrive: what queued while the last batch was being flushed is
      // this batch, so a lone request pays no delay and a busy server's batches grow by themselves.
      const std::size_t taken = std::min(queue_.size(), max_batch_);
      batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(taken));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(taken));
    }
    write(batch);
    {
      std::lock_guard lock(mutex_);
      for (Pending* pending : batch) pending->done = true;
    }
    finished_.notify_all();
  }
}

void CommitBatcher::write(std::vector<Pending*>& batch) {
  // A PostgreSQL server that restarted left the connection dead: the pool replaces its own the
  // same way.
  if (writer_->broken()) {
    if (auto reopened = open_database(target_)) writer_ = std::move(*reopened);
  }
  if (auto begun = writer_->begin(); !begun) {
    for (Pending* pending : batch) pending->outcome = std::unexpected(begun.error());
    return;
  }
  bool any_kept = false;
  for (Pending* pending : batch) {
    pending->outcome = run_in_savepoint(*pending->unit);
    any_kept = any_kept || pending->outcome.has_value();
  }
  if (!any_kept) {
    (void)writer_->rollback();
    return;
  }
  // One flush for the whole batch. If it fails, nothing of the batch was kept, so no unit may be
  // told that it succeeded.
  if (auto committed = writer_->commit(); !committed) {
    for (Pending* pending : batch) {
      if (pending->outcome) pending->outcome = std::unexpected(committed.error());
    }
  }
}

Status CommitBatcher::run_in_savepoint(const Unit& unit) {
  try {
    return in_savepoint(*writer_, [&] { return unit(*writer_); });
  } catch (const std::exception&) {
    // in_savepoint undid the unit's writes before the exception left it; the unit fails alone
    // instead of taking the writer thread (and every waiting request) down.
    return std::unexpected(Error{ErrorKind::internal,
                                 "store.failed",
                                 Text{"Lỗi cơ sở dữ liệu.", "Database error: a write failed."},
                                 {}});
  }
}

}  // namespace dk::store
