// The id counter's contract on SQLite and PostgreSQL: ids handed out in consecutive blocks, per
// agency and per table, a million in one statement, and given back by a transaction that fails.
#include "store/id_counter.hpp"

#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class IdCounterTest : public testing::StoreTest {
 protected:
  Id reserve(std::string_view table, std::int64_t count, std::optional<Id> tenant = std::nullopt) {
    auto first = reserve_ids(*connection_, tenant.value_or(tenant_), table, count);
    EXPECT_TRUE(first) << first.error().message.en;
    return first.value_or(0);
  }
};

TEST_P(IdCounterTest, BlocksFollowEachOtherFromOne) {
  EXPECT_EQ(reserve("ledger_transactions", 1), 1);
  EXPECT_EQ(reserve("ledger_transactions", 3), 2);
  EXPECT_EQ(reserve("ledger_transactions", 1), 5);
  // A bulk import reserves its ids in one statement.
  EXPECT_EQ(reserve("ledger_transactions", 1'000'000), 6);
  EXPECT_EQ(reserve("ledger_transactions", 1), 1'000'006);
}

TEST_P(IdCounterTest, EachAgencyAndEachTableCountsOnItsOwn) {
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_EQ(reserve("funds", 10), 1);
  EXPECT_EQ(reserve("pledges", 1), 1);
  EXPECT_EQ(reserve("funds", 1, other_agency), 1);
  EXPECT_EQ(reserve("funds", 1), 11);
  EXPECT_EQ(reserve("receipts-2026", 1), 1) << "receipt series are counters too";
}

TEST_P(IdCounterTest, ATransactionThatFailsGivesItsIdsBack) {
  EXPECT_EQ(reserve("clubs", 1), 1);
  auto failed = in_transaction(*connection_, [&]() -> Result<Id> {
    EXPECT_EQ(reserve("clubs", 5), 2);
    return fail(ErrorKind::invalid_input, "test.failed", "Thất bại.", "Failed.");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(reserve("clubs", 1), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, IdCounterTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
