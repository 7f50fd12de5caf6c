// `doanket funds check` on the demo agency: the trial balance of its ledger, the article's five
// gifts to the đồng, and a tampered ledger caught.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"
#include "store/sql.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

class FundsCheckTest : public CliTest {
 protected:
  // Changes the database behind the binary's back, as a faulty script or a hand edit would.
  void tamper(std::string_view sql) {
    auto connection = store::open_database(database_->target());
    ASSERT_TRUE(connection.has_value());
    ASSERT_TRUE((*connection)->execute_script(sql).has_value()) << sql;
  }
};

TEST_P(FundsCheckTest, TheDemoLedgerBalancesAndListsTheArticlesFiveGifts) {
  load_demo();
  const CliRun check = ok({"funds", "check"});
  EXPECT_THAT(check.out,
              AllOf(HasSubstr("ủng hộ cháu Hồ Minh Quang ở thị trấn Thạch Hà 2.800.000 đ"),
                    HasSubstr("ủng hộ bà con đảo Lý Sơn – Quảng Ngãi 20.000.000 đ"),
                    HasSubstr("ủng hộ quỹ Hoàng Sa 2.340.000 đ"),
                    HasSubstr("ủng hộ xây dựng khu tưởng niệm “Nghĩa sĩ Hoàng Sa” 2.160.000 đ"),
                    HasSubstr("ủng hộ đồng bào lũ lụt, hạn hán 15.000.000 đ"),
                    HasSubstr("Cộng: 42.300.000 đ"), HasSubstr("Sổ cân đối")));
  EXPECT_THAT(check.out, HasSubstr("Quỹ phúc lợi Công đoàn"));
  const CliRun english = ok({"--lang", "en", "funds", "check"});
  EXPECT_THAT(english.out,
              AllOf(HasSubstr("Total: 42.300.000 đ"), HasSubstr("The ledger balances")));
}

TEST_P(FundsCheckTest, AChangedLineOrAFaceAmountFailsTheCheck) {
  load_demo();
  // One line of one donation off by a single đồng.
  tamper(
      "UPDATE ledger_lines SET amount = amount + 1 WHERE line_no = 1 AND transaction_id = (SELECT "
      "MIN(id) FROM ledger_transactions WHERE kind = 'donation')");
  const CliRun off_by_one = doanket({"funds", "check"});
  EXPECT_EQ(off_by_one.exit_code, 8) << describe(off_by_one);
  EXPECT_THAT(off_by_one.err, AllOf(HasSubstr("ledger.unbalanced"), HasSubstr("KHÔNG cân đối")));
  tamper(
      "UPDATE ledger_lines SET amount = amount - 1 WHERE line_no = 1 AND transaction_id = (SELECT "
      "MIN(id) FROM ledger_transactions WHERE kind = 'donation')");
  ok({"funds", "check"});
  // The header of a disbursement says more than its lines paid.
  tamper(
      "UPDATE ledger_transactions SET amount = amount + 1000 WHERE id = (SELECT MIN(id) FROM "
      "ledger_transactions WHERE kind = 'disbursement')");
  const CliRun mismatch = doanket({"--lang", "en", "funds", "check"});
  EXPECT_EQ(mismatch.exit_code, 8) << describe(mismatch);
  EXPECT_THAT(mismatch.err,
              AllOf(HasSubstr("ledger.amount_mismatch"), HasSubstr("does NOT balance")));
}

TEST_P(FundsCheckTest, AnEmptyDatabaseHasNothingToBalance) {
  create_empty_agency();
  const CliRun check = ok({"funds", "check"});
  EXPECT_THAT(check.out, HasSubstr("Sổ cân đối"));
}

INSTANTIATE_TEST_SUITE_P(Engines, FundsCheckTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
