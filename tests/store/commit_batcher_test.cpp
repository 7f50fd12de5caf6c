// Group commit, on SQLite and PostgreSQL: units from many threads share commits, each acknowledged
// unit is in the database when it is reopened, and a failing unit (an error it returns, a failed
// statement, an exception) leaves nothing of itself while the others of its batch are kept.
#include "store/commit_batcher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/test_database.hpp"

namespace dk::store {
namespace {

class CommitBatcherTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!database_->available()) GTEST_SKIP() << "DOANKET_TEST_POSTGRES is not set";
    auto connection = database_->open();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->execute_script(
        "CREATE TABLE batch_test (id BIGINT PRIMARY KEY, unit BIGINT NOT NULL)"));
  }

  // Rows as a fresh connection sees them: only what was committed.
  std::int64_t count(const std::string& where = "1 = 1") const {
    auto connection = database_->open();
    auto counted = query_integer(*connection, "SELECT count(*) FROM batch_test WHERE " + where);
    EXPECT_TRUE(counted);
    return counted ? counted->value_or(-1) : -1;
  }

  static Status insert(SqlConnection& writer, std::int64_t id, std::int64_t unit) {
    const SqlValue params[] = {id, unit};
    auto inserted = writer.execute("INSERT INTO batch_test (id, unit) VALUES ($1, $2)", params);
    if (!inserted) return std::unexpected(inserted.error());
    return {};
  }

  static std::unexpected<Error> refused() {
    return fail(ErrorKind::conflict, "test.refused", "Từ chối.", "Refused.");
  }

  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_P(CommitBatcherTest, EveryAcknowledgedUnitFromManyThreadsIsCommitted) {
  constexpr int kThreads = 16;
  constexpr int kUnitsEach = 40;
  std::atomic<int> acknowledged{0};
  {
    auto batcher = CommitBatcher::open(database_->target());
    ASSERT_TRUE(batcher) << batcher.error().message.en;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kUnitsEach; ++i) {
          const std::int64_t id = t * kUnitsEach + i;
          // Two rows per unit, so that a unit half-written would show.
          auto done = (*batcher)->run([&](SqlConnection& writer) -> Status {
            if (auto first = insert(writer, id, id); !first) return first;
            return insert(writer, 100000 + id, id);
          });
          if (done) ++acknowledged;
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(acknowledged.load(), kThreads * kUnitsEach);
  EXPECT_EQ(count(), 2 * kThreads * kUnitsEach);
}

TEST_P(CommitBatcherTest, AFailingUnitLeavesNothingAndTheOthersOfItsBatchAreKept) {
  constexpr int kThreads = 12;
  constexpr int kUnitsEach = 30;
  auto batcher = CommitBatcher::open(database_->target());
  ASSERT_TRUE(batcher) << batcher.error().message.en;
  // Row 0 is there first, so that one kind of failing unit trips on its key.
  ASSERT_TRUE((*batcher)->run([](SqlConnection& writer) { return insert(writer, 0, -1); }));
  std::atomic<int> kept{0}, failed{0}, wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kUnitsEach; ++i) {
        const std::int64_t unit = 1 + t * kUnitsEach + i;
        const int kind = static_cast<int>(unit % 4);
        Status done;
        try {
          done = (*batcher)->run([&](SqlConnection& writer) -> Status {
            if (auto first = insert(writer, unit, unit); !first) return first;
            switch (kind) {
              case 1:  // refuses after writing
                return refused();
              case 2:  // a statement fails (on PostgreSQL the transaction is then aborted)
                return insert(writer, 0, unit);
              case 3:  // throws after writing
                throw std::runtime_error("unit failed");
              default:
                return insert(writer, 100000 + unit, unit);
            }
          });
        } catch (...) {
          ++wrong;  // the batcher must not let a unit's exception reach another thread
        }
        if (done.has_value() != (kind == 0)) ++wrong;
        if (done) {
          ++kept;
        } else {
          ++failed;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(kept.load(), kThreads * kUnitsEach / 4);
  // Each kept unit wrote two rows; no failed unit left its first one.
  EXPECT_EQ(count("unit > 0"), 2 * kept.load());
  EXPECT_EQ(count("unit > 0 AND unit % 4 <> 0"), 0);
  EXPECT_EQ(count("id = 0 AND unit = -1"), 1);
}

TEST_P(CommitBatcherTest, QueuedUnitsAreWrittenBeforeTheBatcherStops) {
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> threads;
  {
    auto batcher = CommitBatcher::open(database_->target());
    ASSERT_TRUE(batcher) << batcher.error().message.en;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        if ((*batcher)->run([&](SqlConnection& writer) { return insert(writer, t, t); }))
          ++acknowledged;
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(acknowledged.load(), 8);
  EXPECT_EQ(count(), 8);
}

// Nested transactions are savepoints: an inner failure undoes the inner writes only, and the outer
// transaction may still commit the rest (on PostgreSQL even after a failed statement).
TEST_P(CommitBatcherTest, AnInnerTransactionThatFailsUndoesOnlyItsOwnWrites) {
  auto connection = database_->open();
  ASSERT_TRUE(connection);
  auto outer = in_transaction(*connection, [&]() -> Status {
    if (auto first = insert(*connection, 1, 1); !first) return first;
    auto inner = in_transaction(*connection, [&]() -> Status {
      if (auto second = insert(*connection, 2, 2); !second) return second;
      return insert(*connection, 1, 2);  // a duplicate key
    });
    EXPECT_FALSE(inner);
    auto refused_inner = in_transaction(*connection, [&]() -> Status {
      if (auto third = insert(*connection, 3, 3); !third) return third;
      return refused();
    });
    EXPECT_FALSE(refused_inner);
    return in_transaction(*connection, [&] { return insert(*connection, 4, 4); });
  });
  ASSERT_TRUE(outer) << outer.error().message.en;
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(count("id IN (1, 4)"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, CommitBatcherTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::store
