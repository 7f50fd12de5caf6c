// Money totals never wrap, on SQLite and PostgreSQL. Each amount is below 10^15 đ, but a fund's
// totals and the agency's sums are sums of many: a donation that would take the agency's ledger
// past its limit (kMaxLedgerTotal) is refused with a clear answer and the server keeps serving,
// the totals shown still add up, and a ledger that passed the range of a 64-bit integer before
// the limit existed (or was written by hand) answers a clear refusal instead of a 500 or a
// wrapped, negative total. The server runs under ASan and UBSan: an overflow or a use of a
// success as an error fails the test too.

#include <fmt/format.h>

#include "http/funds_fixture.hpp"

namespace dk::http::testing {
namespace {

class FundLimits : public Funds {
 protected:
  // `count` donations of `amount` đ in cash written straight into the fund's ledger, each with
  // its two balanced lines, at ids far above those the server gives out.
  void seed_donations(std::int64_t fund, int count, std::int64_t amount) {
    execute_sql(fmt::format(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {1}) "
        "INSERT INTO ledger_transactions (tenant_id, id, fund_id, kind, occurred_on, amount, "
        "method, payer_kind, payer_name, recorded_at) SELECT f.tenant_id, 900000000 + n.i, f.id, "
        "'donation', '{3}-01-02', {2}, 'cash', 'outside', 'Nhà hảo tâm', 0 FROM n, funds f "
        "WHERE f.id = {0};"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {1}) "
        "INSERT INTO ledger_lines (tenant_id, transaction_id, line_no, fund_id, account, amount) "
        "SELECT f.tenant_id, 900000000 + n.i, k.line_no, f.id, k.account, k.sign * {2} "
        "FROM n, funds f, (SELECT 1 AS line_no, 'cash' AS account, 1 AS sign UNION ALL "
        "SELECT 2, 'donations', -1) k WHERE f.id = {0};",
        fund, count, amount, this_year()));
  }

  Reply gift(std::int64_t fund, std::int64_t amount) {
    return donate(chair(), fund,
                  fmt::format(R"({{"amount":{},"method":"cash","payer":{{"kind":"outside",)"
                              R"("name":"Công ty Hòa Bình"}}}})",
                              amount));
  }
};

constexpr std::int64_t kLargest = 999'999'999'999'999;  // the largest single amount

TEST_P(FundLimits, ADonationPastTheLedgersLimitIsRefusedAndTheTotalsStillAddUp) {
  const std::int64_t fund = campaign("Quỹ xây nhà đại đoàn kết");
  ASSERT_NE(fund, 0);
  // 999 of the largest amounts: the agency's ledger holds just under 10^18 đ less the demo's
  // own money, so one more of the largest passes the limit and a small gift does not.
  seed_donations(fund, 999, kLargest);
  const std::int64_t before = totals(fund).at("received").as_int64();
  EXPECT_EQ(before, 999 * kLargest);

  const Reply refused = gift(fund, kLargest);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.code(), "money.total_too_large") << refused.body;
  EXPECT_NE(refused.body.find("amount"), std::string::npos) << "the error names the field";
  EXPECT_NE(refused.body.find("giới hạn"), std::string::npos) << refused.body;
  EXPECT_EQ(totals(fund).at("received").as_int64(), before) << "nothing was recorded";

  const Reply small = gift(fund, 2'800'000);
  ASSERT_EQ(small.status, 201) << small.body;
  const auto after = totals(fund);
  EXPECT_EQ(after.at("received").as_int64(), before + 2'800'000);
  EXPECT_EQ(after.at("cash").as_int64() + after.at("bank").as_int64(),
            after.at("balance").as_int64());

  // The year's report and the public statement read the same facts and still answer.
  const Reply report = chair().get(fmt::format("/api/v1/funds/report?year={}", this_year()));
  ASSERT_EQ(report.status, 200) << report.body;
  const Reply statement = chair().get(fund_path(fund, "/statement"));
  ASSERT_EQ(statement.status, 200) << statement.body;
  const auto rows = statement.json().at("rows").as_array();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().at("balance").as_int64(), after.at("balance").as_int64());
}

TEST_P(FundLimits, ALedgerPastTheRangeOfAnIntegerIsRefusedClearlyAndTheServerGoesOn) {
  const std::int64_t fund = campaign("Quỹ ghi tay");
  ASSERT_NE(fund, 0);
  // Ten lines of 10^18 đ: written before the limit existed, or by hand. Their sum, 10^19, is past
  // what a 64-bit integer holds.
  seed_donations(fund, 10, 1'000'000'000'000'000'000);

  for (const std::string& path :
       {fund_path(fund), fund_path(fund, "/statement"), std::string("/api/v1/funds")}) {
    const Reply read = chair().get(path);
    EXPECT_EQ(read.status, 409) << path << ": " << read.body;
    EXPECT_TRUE(read.code() == "store.out_of_range" || read.code() == "money.total_too_large")
        << path << ": " << read.body;
  }
  const Reply refused = gift(fund, 100'000);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_TRUE(refused.code() == "store.out_of_range" || refused.code() == "money.total_too_large")
      << refused.body;
  Client nobody = anonymous();
  EXPECT_EQ(nobody.get("/healthz").status, 200) << "the server is still answering";
  EXPECT_EQ(chair().get("/api/v1/session").status, 200);
}

TEST_P(FundLimits, AGiversNameHasALengthAndTheStatementStaysReadable) {
  const std::int64_t fund = campaign("Quỹ khuyến học");
  ASSERT_NE(fund, 0);
  const std::string enormous(300000, 'A');
  const Reply refused = donate(
      chair(), fund,
      fmt::format(R"({{"amount":100000,"method":"cash","payer":{{"kind":"outside","name":"{}"}}}})",
                  enormous));
  EXPECT_EQ(refused.status, 422) << refused.body.substr(0, 300);
  EXPECT_EQ(refused.code(), "text.too_long");
  EXPECT_EQ(text_of(refused.json(), "field"), "payer.name");
  EXPECT_LT(refused.body.size(), 2000u) << "the answer does not repeat the text";
  const Reply memo = donate(
      chair(), fund,
      fmt::format(R"({{"amount":100000,"method":"cash","memo":"{}"}})", std::string(10001, 'm')));
  EXPECT_EQ(memo.code(), "text.too_long");
  EXPECT_EQ(text_of(memo.json(), "field"), "memo");
  EXPECT_EQ(totals(fund).at("received").as_int64(), 0) << "nothing was recorded";
  // At the limit, a name of 300 Vietnamese letters is taken and the spreadsheet is still written.
  std::string longest;
  for (int i = 0; i < 300; ++i) longest += "Ư";
  ASSERT_EQ(donate(chair(), fund,
                   fmt::format(R"({{"amount":100000,"method":"cash","payer":{{"kind":"outside",)"
                               R"("name":"{}"}}}})",
                               longest))
                .status,
            201);
  EXPECT_EQ(chair().get(fund_path(fund, "/statement.xlsx")).status, 200);
}

INSTANTIATE_TEST_SUITE_P(funds, FundLimits, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
