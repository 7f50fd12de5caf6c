// Charity funds over HTTP, on SQLite and PostgreSQL: a campaign, pledges and donations that move
// its totals by exactly their amounts, receipts, Idempotency-Key retries that never record twice,
// disbursements approved by a second officer and never beyond the balance (also when approved in
// parallel), reversals, the public statement, bank statements matched to pledges and booked once,
// and the year's report.

#include <fmt/format.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "core/vietnamese_text.hpp"
#include "http/funds_fixture.hpp"
#include "support/openpyxl_sheet.hpp"
#include "support/temp_dir.hpp"

namespace dk::http::testing {
namespace {

TEST_P(Funds, PledgesAndDonationsMoveTheTotalsByExactlyTheirAmounts) {
  const std::int64_t fund =
      campaign("Ủng hộ đồng bào lũ lụt miền Trung", R"("target":30000000,"ends_on":"2099-11-30")");
  ASSERT_NE(fund, 0);
  const auto opened = chair().get(fund_path(fund)).json();
  EXPECT_EQ(text_of(opened, "status"), "open");
  EXPECT_EQ(integer_at(opened, "target"), 30000000);
  EXPECT_TRUE(opened.at("manageable").as_bool());
  EXPECT_EQ(opened.at("organizations").as_array()[0].at("id").as_int64(), organization_id("CD"));
  for (const char* total : {"pledged", "received", "disbursed", "balance", "cash", "bank"})
    EXPECT_EQ(opened.at("totals").at(total).as_int64(), 0) << total;
  EXPECT_FALSE(member().get(fund_path(fund)).json().at("manageable").as_bool());
  const auto listed = member().get("/api/v1/funds?status=open").json();
  EXPECT_EQ(integer_at(listed, "count"),
            static_cast<std::int64_t>(listed.at("items").as_array().size()));

  // A member pledges from a phone; it is theirs, and only theirs to see.
  const Reply pledged = post_with_key(member(), fund_path(fund, "/pledges"),
                                      R"({"amount":500000,"note":"Nộp cuối tháng"})", "pledge-1");
  ASSERT_EQ(pledged.status, 201) << pledged.body;
  const auto pledge = pledged.json();
  EXPECT_EQ(integer_at(pledge, "person_id"), person_of("doanvien"));
  EXPECT_EQ(text_of(pledge, "status"), "open");
  EXPECT_EQ(integer_at(pledge, "outstanding"), 500000);
  EXPECT_EQ(totals(fund).at("pledged").as_int64(), 500000);
  EXPECT_EQ(totals(fund).at("received").as_int64(), 0) << "a pledge is a promise, not money";
  EXPECT_EQ(member().get(fund_path(fund, "/pledges")).json().at("items").as_array().size(), 1u);

  // A member may not record money.
  const Reply refused = donate(member(), fund, R"({"amount":100000,"method":"cash"})");
  EXPECT_EQ(refused.status, 403) << refused.body;

  // The chair records the pledge's payment in cash, and a gift of 2.800.000 đ.
  const Reply paid = donate(chair(), fund,
                            fmt::format(R"({{"amount":500000,"method":"cash","pledge_id":{}}})",
                                        integer_at(pledge, "id")));
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(integer_at(paid.json(), "pledge_id"), integer_at(pledge, "id"));
  const auto after_pledge = member().get(fund_path(fund, "/pledges")).json();
  EXPECT_EQ(text_of(after_pledge.at("items").as_array()[0], "status"), "paid");
  EXPECT_EQ(integer_at(after_pledge.at("items").as_array()[0], "outstanding"), 0);
  // What was pledged stays what was promised once it is paid; what awaits payment falls.
  EXPECT_EQ(totals(fund).at("pledged").as_int64(), 500000);
  EXPECT_EQ(totals(fund).at("pledge_outstanding").as_int64(), 0);

  const auto before = totals(fund);
  const auto gift = cash_from(fund, 2800000, "doanvien");
  EXPECT_EQ(text_of(gift, "kind"), "donation");
  EXPECT_EQ(integer_at(gift, "amount"), 2800000);
  EXPECT_EQ(text_of(gift, "method"), "cash");
  EXPECT_EQ(text_of(gift.at("payer"), "kind"), "person");
  EXPECT_EQ(text_of(gift.at("payer"), "name"), name_of("doanvien"));
  EXPECT_EQ(text_of(gift.at("recorded_by"), "login"), "chutichcd");
  const std::string number = text_of(gift, "receipt_number");
  EXPECT_TRUE(number.starts_with(fmt::format("PT-{}-", this_year()))) << number;
  const auto after = totals(fund);
  for (const char* total : {"received", "balance", "cash"})
    EXPECT_EQ(after.at(total).as_int64() - before.at(total).as_int64(), 2800000) << total;
  EXPECT_EQ(after.at("bank").as_int64(), before.at("bank").as_int64());
  EXPECT_EQ(after.at("donations").as_int64(), before.at("donations").as_int64() + 1);

  // Its receipt.
  const Reply receipt =
      chair().get(fmt::format("/api/v1/entries/{}/receipt.pdf", integer_at(gift, "id")));
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  EXPECT_TRUE(receipt.body.starts_with("%PDF")) << receipt.body.substr(0, 20);
  EXPECT_EQ(receipt.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(receipt.headers.at("content-disposition"),
            fmt::format("inline; filename=\"{}.pdf\"", number));
  EXPECT_TRUE(
      chair()
          .get(fmt::format("/api/v1/entries/{}/receipt.pdf?lang=en", integer_at(gift, "id")))
          .body.starts_with("%PDF"));
}

TEST_P(Funds, MoneyIsAWholeNumberOfDongAndErrorsNameTheirField) {
  const std::int64_t fund = campaign("Quỹ thử kiểu dữ liệu");
  ASSERT_NE(fund, 0);
  const auto field_of = [](const Reply& reply) { return text_of(reply.json(), "field"); };
  for (const std::string amount : {R"("2800000")", "2800000.5", "2800000.0", "-5", "0",
                                   "1000000000000000", "18446744073709551615", "1e6"}) {
    const Reply refused =
        donate(chair(), fund, fmt::format(R"({{"amount":{},"method":"cash"}})", amount));
    EXPECT_EQ(refused.status, 422) << amount;
    EXPECT_EQ(refused.code(), "money.invalid") << amount << ": " << refused.body;
    EXPECT_EQ(field_of(refused), "amount") << amount;
  }
  const Reply largest =
      donate(chair(), fund, R"({"amount":999999999999999,"method":"cash","anonymous":true})");
  EXPECT_EQ(largest.status, 201) << largest.body;
  const Reply no_amount = donate(chair(), fund, R"({"method":"cash"})");
  EXPECT_EQ(no_amount.code(), "field.required");
  EXPECT_EQ(field_of(no_amount), "amount");
  const Reply no_method = donate(chair(), fund, R"({"amount":100000})");
  EXPECT_EQ(no_method.code(), "field.required");
  EXPECT_EQ(field_of(no_method), "method");
  const Reply bad_payer =
      donate(chair(), fund, R"({"amount":100000,"method":"cash","payer":{"kind":"alien"}})");
  EXPECT_EQ(bad_payer.code(), "body.unknown_code");
  EXPECT_EQ(field_of(bad_payer), "payer.kind");
  const Reply payer_field = donate(
      chair(), fund, R"({"amount":100000,"method":"cash","payer":{"kind":"outside","age":3}})");
  EXPECT_EQ(payer_field.code(), "body.unknown_field");
  EXPECT_EQ(field_of(payer_field), "payer.age");
  const Reply bad_date =
      donate(chair(), fund, R"({"amount":100000,"method":"cash","received_on":"2026-02-30"})");
  EXPECT_EQ(bad_date.code(), "body.date_invalid");
  EXPECT_EQ(field_of(bad_date), "received_on");
  const Reply unknown = donate(chair(), fund, R"({"amount":100000,"method":"cash","tip":1})");
  EXPECT_EQ(unknown.code(), "body.unknown_field");
  EXPECT_EQ(field_of(unknown), "tip");
  const Reply target = chair().patch(fund_path(fund), R"({"target":"30.000.000"})");
  EXPECT_EQ(target.code(), "money.invalid");
  EXPECT_EQ(field_of(target), "target");
  const Reply no_name = chair().post(
      "/api/v1/funds",
      fmt::format(R"({{"kind":"campaign","starts_on":"2026-10-01","organization_ids":[{}]}})",
                  organization_id("CD")));
  EXPECT_EQ(no_name.code(), "field.required");
  EXPECT_EQ(field_of(no_name), "name");
  // The message in the language asked for, by lang= or Accept-Language.
  const Reply vietnamese = donate(chair(), fund, R"({"amount":-1,"method":"cash"})");
  EXPECT_TRUE(text_of(vietnamese.json(), "title").starts_with("Trường")) << vietnamese.body;
  const Reply asked = post_with_key(chair(), fund_path(fund, "/donations?lang=en"),
                                    R"({"amount":-1,"method":"cash"})", "");
  EXPECT_TRUE(text_of(asked.json(), "title").starts_with("The field")) << asked.body;
  EXPECT_EQ(chair().get("/api/v1/funds?status=shut").code(), "query.invalid");
  // Only the fund's own donation of 999.999.999.999.999 đ landed.
  EXPECT_EQ(entry_count(fund), 1u);
}

TEST_P(Funds, ARetryWithTheSameIdempotencyKeyRecordsOnce) {
  const std::int64_t fund = campaign("Ủng hộ quỹ Hoàng Sa");
  ASSERT_NE(fund, 0);
  const std::string body =
      R"({"amount":2340000,"method":"bank_transfer","reference":"UH HS","payer":{"kind":"outside","name":"Trần Văn Bình"}})";
  const Reply first = donate(chair(), fund, body, "desk-2026-10-15-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const Reply retried = donate(chair(), fund, body, "desk-2026-10-15-1");
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(retried.body, first.body) << "the first answer, again";
  // The same fields in another order and spacing are the same request.
  const Reply reordered = donate(
      chair(), fund,
      R"({ "payer": {"name": "Trần Văn Bình", "kind": "outside"}, "reference": "UH HS", "method": "bank_transfer", "amount": 2340000 })",
      "desk-2026-10-15-1");
  EXPECT_EQ(reordered.status, 201) << reordered.body;
  EXPECT_EQ(reordered.body, first.body);
  EXPECT_EQ(entry_count(fund), 1u);
  EXPECT_EQ(totals(fund).at("received").as_int64(), 2340000);
  EXPECT_EQ(totals(fund).at("bank").as_int64(), 2340000);
  // The same key with another amount is refused, and changes nothing.
  const Reply reused =
      donate(chair(), fund, R"({"amount":2430000,"method":"bank_transfer","anonymous":true})",
             "desk-2026-10-15-1");
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(reused.code(), "idempotency.key_reused");
  EXPECT_EQ(totals(fund).at("received").as_int64(), 2340000);
  // Without a key (cash at the desk), each request records anew; a new key records again.
  ASSERT_EQ(donate(chair(), fund, body).status, 201);
  ASSERT_EQ(donate(chair(), fund, body, "desk-2026-10-15-2").status, 201);
  EXPECT_EQ(entry_count(fund), 3u);
  EXPECT_EQ(totals(fund).at("received").as_int64(), 3 * 2340000);
  // Pledges too.
  const std::string pledge = R"({"amount":200000})";
  const Reply pledged = post_with_key(member(), fund_path(fund, "/pledges"), pledge, "p-1");
  ASSERT_EQ(pledged.status, 201) << pledged.body;
  EXPECT_EQ(post_with_key(member(), fund_path(fund, "/pledges"), pledge, "p-1").body, pledged.body);
  EXPECT_EQ(
      post_with_key(member(), fund_path(fund, "/pledges"), R"({"amount":300000})", "p-1").code(),
      "idempotency.key_reused");
  EXPECT_EQ(member().get(fund_path(fund, "/pledges")).json().at("items").as_array().size(), 1u);
  EXPECT_EQ(totals(fund).at("pledged").as_int64(), 200000);
}

TEST_P(Funds, ADisbursementNeedsASecondOfficerAndTheMoney) {
  const std::int64_t fund = campaign("Ủng hộ huyện đảo Lý Sơn");
  ASSERT_NE(fund, 0);
  cash_from(fund, 10000000, "doanvien");
  EXPECT_EQ(member()
                .post(fund_path(fund, "/disbursements"),
                      R"({"amount":1000,"method":"cash","beneficiary":"X"})")
                .status,
            403);
  const Reply no_beneficiary =
      chair().post(fund_path(fund, "/disbursements"), R"({"amount":1000,"method":"cash"})");
  EXPECT_EQ(no_beneficiary.code(), "field.required");
  EXPECT_EQ(text_of(no_beneficiary.json(), "field"), "beneficiary");

  // A request beyond what the fund holds is refused at once.
  const Reply beyond =
      chair().post(fund_path(fund, "/disbursements"),
                   R"({"amount":15000000,"method":"cash","beneficiary":"UBND xã"})");
  EXPECT_EQ(beyond.status, 409);
  EXPECT_EQ(beyond.code(), "funds.insufficient_balance");

  // Two requests that the fund can pay one at a time, not both.
  const std::int64_t first = requested(fund, 6000000);
  const std::int64_t second = requested(fund, 7000000);
  const auto pending = chair().get("/api/v1/disbursements?status=pending").json();
  int listed = 0;
  for (const auto& item : pending.at("items").as_array()) {
    if (integer_at(item, "id") != first && integer_at(item, "id") != second) continue;
    ++listed;
    EXPECT_EQ(text_of(item, "status"), "pending");
    EXPECT_FALSE(item.at("may_decide").as_bool()) << "the chair asked for it";
    EXPECT_EQ(text_of(item.at("requested_by"), "login"), "chutichcd");
    EXPECT_TRUE(item.at("decided_by").is_null());
    EXPECT_TRUE(item.at("entry_id").is_null());
  }
  EXPECT_EQ(listed, 2);
  EXPECT_EQ(totals(fund).at("pending_disbursements").as_int64(), 13000000);
  EXPECT_EQ(totals(fund).at("disbursed").as_int64(), 0) << "a request is not a payment";
  // Not by the officer who asked for it.
  const Reply own = chair().post(fmt::format("/api/v1/disbursements/{}/approve", first), "{}");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(own.code(), "funds.same_officer");

  // The second officer approves: the money leaves now, both on record.
  const auto mine = treasurer().get("/api/v1/disbursements?status=pending").json();
  for (const auto& item : mine.at("items").as_array()) {
    if (integer_at(item, "id") == first) {
      EXPECT_TRUE(item.at("may_decide").as_bool()) << "the treasurer may decide";
    }
  }
  const Reply approved =
      treasurer().post(fmt::format("/api/v1/disbursements/{}/approve", first), "");
  ASSERT_EQ(approved.status, 200) << approved.body;
  const auto decision = approved.json();
  EXPECT_EQ(text_of(decision, "status"), "approved");
  EXPECT_EQ(text_of(decision.at("decided_by"), "login"), "thuquy");
  EXPECT_EQ(text_of(decision.at("requested_by"), "login"), "chutichcd");
  ASSERT_TRUE(decision.at("entry_id").is_int64()) << approved.body;
  auto now = totals(fund);
  EXPECT_EQ(now.at("disbursed").as_int64(), 6000000);
  EXPECT_EQ(now.at("balance").as_int64(), 4000000);
  EXPECT_EQ(now.at("cash").as_int64(), 4000000);
  const auto entries = chair().get(fund_path(fund, "/entries")).json().at("items").as_array();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(integer_at(entries[0], "id"), decision.at("entry_id").as_int64()) << "newest first";
  EXPECT_EQ(text_of(entries[0].at("approved_by"), "login"), "thuquy");
  EXPECT_EQ(text_of(entries[0], "kind"), "disbursement");

  // The other is now beyond what the fund holds: refused, and nothing changes.
  const std::string approve_second = fmt::format("/api/v1/disbursements/{}/approve", second);
  const Reply short_of_money = treasurer().post(approve_second, "{}");
  EXPECT_EQ(short_of_money.status, 409);
  EXPECT_EQ(short_of_money.code(), "funds.insufficient_balance");
  now = totals(fund);
  EXPECT_EQ(now.at("balance").as_int64(), 4000000);
  EXPECT_EQ(now.at("disbursed").as_int64(), 6000000);
  EXPECT_EQ(now.at("pending_disbursements").as_int64(), 7000000);
  EXPECT_EQ(entry_count(fund), 2u);
  // …and is turned down, with its reason.
  const std::string reject = fmt::format("/api/v1/disbursements/{}/reject", second);
  const Reply no_reason = treasurer().post(reject, "{}");
  EXPECT_EQ(no_reason.code(), "field.required");
  EXPECT_EQ(text_of(no_reason.json(), "field"), "reason");
  const Reply rejected = treasurer().post(reject, R"({"reason":"Quỹ không đủ"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(text_of(rejected.json(), "status"), "rejected");
  EXPECT_EQ(text_of(rejected.json(), "reason"), "Quỹ không đủ");
  EXPECT_EQ(totals(fund).at("pending_disbursements").as_int64(), 0);
  // A decided request stays decided: approving it now is the domain's refusal.
  const Reply too_late = treasurer().post(approve_second, "{}");
  EXPECT_EQ(too_late.status, 409) << too_late.body;
  EXPECT_EQ(too_late.code(), "funds.already_decided");
  // Whoever asked may withdraw their own request (it pays nothing out); only approving needs a
  // second officer.
  const std::int64_t third = requested(fund, 1000000);
  const Reply withdrawn = chair().post(fmt::format("/api/v1/disbursements/{}/reject", third),
                                       R"({"reason":"Ghi nhầm số tiền"})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(text_of(withdrawn.json(), "status"), "rejected");
  EXPECT_EQ(totals(fund).at("balance").as_int64(), 4000000);
}

TEST_P(Funds, AReversalNegatesAnEntryOnce) {
  const std::int64_t fund = campaign("Quỹ tưởng niệm");
  ASSERT_NE(fund, 0);
  cash_from(fund, 2160000, "doanvien");
  const auto mistake = cash_from(fund, 1000000, "doanvien");
  const std::int64_t id = integer_at(mistake, "id");
  const std::string reverse = fmt::format("/api/v1/entries/{}/reverse", id);
  EXPECT_EQ(chair().post(reverse, "{}").code(), "field.required");
  EXPECT_EQ(member().post(reverse, R"({"reason":"Nhầm"})").status, 403);
  const Reply reversed = chair().post(reverse, R"({"reason":"Ghi nhầm số tiền"})");
  ASSERT_EQ(reversed.status, 201) << reversed.body;
  const auto reversal = reversed.json();
  EXPECT_EQ(text_of(reversal, "kind"), "reversal");
  EXPECT_EQ(integer_at(reversal, "reverses"), id);
  EXPECT_EQ(integer_at(reversal, "amount"), 1000000);
  const auto now = totals(fund);
  EXPECT_EQ(now.at("received").as_int64(), 2160000);
  EXPECT_EQ(now.at("balance").as_int64(), 2160000);
  // The original stays, marked as reversed; a second reversal is refused.
  bool marked = false;
  const auto entries = chair().get(fund_path(fund, "/entries")).json();
  for (const auto& entry : entries.at("items").as_array()) {
    if (integer_at(entry, "id") == id)
      marked = entry.at("reversed_by").is_int64() &&
               integer_at(entry, "reversed_by") == integer_at(reversal, "id");
  }
  EXPECT_TRUE(marked);
  const Reply again = chair().post(reverse, R"({"reason":"Lần nữa"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "funds.already_reversed");
  EXPECT_EQ(totals(fund).at("balance").as_int64(), 2160000);
}

TEST_P(Funds, ATransferAnswersToBothFundsAndIsMadeOnce) {
  const std::int64_t from = campaign("Quỹ tương trợ Công đoàn");
  ASSERT_NE(from, 0);
  cash_from(from, 1000000, "doanvien");
  // A fund of the youth union, which the trade union's chair does not run.
  const Reply youth = as("quantri").post(
      "/api/v1/funds",
      fmt::format(
          R"({{"kind":"campaign","name":"Quỹ Thanh niên tình nguyện","starts_on":"{}-01-01","organization_ids":[{}]}})",
          this_year(), organization_id("DTN")));
  ASSERT_EQ(youth.status, 201) << youth.body;
  const std::int64_t to = youth.json().at("id").as_int64();
  const std::string body = fmt::format(
      R"({{"to_fund_id":{},"amount":400000,"from_method":"cash","to_method":"cash"}})", to);
  EXPECT_EQ(post_with_key(chair(), fund_path(from, "/transfers"), body, "").status, 403);
  // The administrator moves it; a lost answer retried with its key moves nothing more.
  Client& admin = as("quantri");
  const Reply moved = post_with_key(admin, fund_path(from, "/transfers"), body, "transfer-1");
  ASSERT_EQ(moved.status, 201) << moved.body;
  const Reply retried = post_with_key(admin, fund_path(from, "/transfers"), body, "transfer-1");
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(integer_at(retried.json(), "id"), integer_at(moved.json(), "id"));
  EXPECT_EQ(totals(from).at("balance").as_int64(), 600000);
  EXPECT_EQ(admin.get(fund_path(to)).json().at("totals").at("balance").as_int64(), 400000);
  // Each statement names the other fund.
  const auto sender = admin.get(fund_path(from, "/statement")).json().at("rows").as_array();
  const auto receiver = admin.get(fund_path(to, "/statement")).json().at("rows").as_array();
  ASSERT_EQ(receiver.size(), 1u);
  EXPECT_EQ(text_of(receiver[0], "counterparty"), "Quỹ tương trợ Công đoàn");
  EXPECT_EQ(text_of(sender.back(), "counterparty"), "Quỹ Thanh niên tình nguyện");
  // Reversing it takes money out of the youth union's fund: not for the trade union's chair.
  const std::string reverse =
      fmt::format("/api/v1/entries/{}/reverse", integer_at(moved.json(), "id"));
  EXPECT_EQ(chair().post(reverse, R"({"reason":"Chuyển nhầm"})").status, 403);
  EXPECT_EQ(admin.post(reverse, R"({"reason":"Chuyển nhầm"})").status, 201);
  EXPECT_EQ(totals(from).at("balance").as_int64(), 1000000);
}

TEST_P(Funds, MoneyIsBookedOnTheDayItMovedNotInTheFuture) {
  const std::int64_t fund = campaign("Quỹ khuyến học");
  ASSERT_NE(fund, 0);
  const Reply later = donate(
      chair(), fund,
      fmt::format(
          R"({{"amount":100000,"method":"cash","received_on":"{}","payer":{{"kind":"person","person_id":{}}}}})",
          format_iso(add_days(vietnam_date(dk::testing::test_now()), 1)), person_of("doanvien")));
  EXPECT_EQ(later.status, 422) << later.body;
  EXPECT_EQ(later.code(), "funds.date_out_of_range");
  EXPECT_EQ(later.json().at("field").as_string(), "received_on");
  EXPECT_EQ(totals(fund).at("received").as_int64(), 0);
}

TEST_P(Funds, ThePublicStatementShowsRunningBalancesAndHidesAnonymousGivers) {
  const std::int64_t fund = campaign("Ủng hộ cháu bé bị bệnh hiểm nghèo");
  const std::int64_t other = campaign("Quỹ phúc lợi");
  ASSERT_NE(fund, 0);
  cash_from(fund, 2800000, "doanvien");
  const Reply anonymous = donate(
      chair(), fund,
      R"({"amount":1000000,"method":"cash","anonymous":true,"payer":{"kind":"outside","name":"Lê Văn Kín Đáo"}})");
  ASSERT_EQ(anonymous.status, 201) << anonymous.body;
  const std::int64_t paid_out = requested(fund, 3000000);
  ASSERT_EQ(
      treasurer().post(fmt::format("/api/v1/disbursements/{}/approve", paid_out), "{}").status,
      200);
  const Reply moved = chair().post(
      fund_path(fund, "/transfers"),
      fmt::format(
          R"({{"to_fund_id":{},"amount":300000,"from_method":"cash","to_method":"bank_transfer","memo":"Chuyển phần dư"}})",
          other));
  ASSERT_EQ(moved.status, 201) << moved.body;
  EXPECT_EQ(text_of(moved.json(), "kind"), "transfer");

  // Every member reads it.
  const Reply read = member().get(fund_path(fund, "/statement"));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body.find("Kín Đáo"), std::string::npos) << "the anonymous giver is not named";
  const auto statement = read.json();
  EXPECT_EQ(integer_at(statement.at("fund"), "id"), fund);
  const auto& rows = statement.at("rows").as_array();
  ASSERT_EQ(rows.size(), 4u) << read.body;
  EXPECT_EQ(text_of(rows[0], "counterparty"), name_of("doanvien"));
  EXPECT_EQ(integer_at(rows[0], "amount_in"), 2800000);
  EXPECT_EQ(integer_at(rows[0], "balance"), 2800000);
  EXPECT_TRUE(rows[1].at("counterparty").is_null());
  EXPECT_TRUE(rows[1].at("anonymous").as_bool());
  EXPECT_EQ(integer_at(rows[1], "balance"), 3800000);
  EXPECT_EQ(text_of(rows[2], "kind"), "disbursement");
  EXPECT_EQ(integer_at(rows[2], "amount_out"), 3000000);
  EXPECT_EQ(integer_at(rows[2], "amount_in"), 0);
  EXPECT_EQ(integer_at(rows[2], "balance"), 800000);
  EXPECT_EQ(text_of(rows[2].at("approved_by"), "login"), "thuquy");
  EXPECT_EQ(text_of(rows[3], "kind"), "transfer");
  EXPECT_EQ(text_of(rows[3], "counterparty"), "Quỹ phúc lợi");
  EXPECT_EQ(integer_at(rows[3], "balance"), 500000);
  const auto& sums = statement.at("totals");
  EXPECT_EQ(integer_at(sums, "received"), 3800000);
  EXPECT_EQ(integer_at(sums, "disbursed"), 3000000);
  EXPECT_EQ(integer_at(sums, "transferred_out"), 300000);
  EXPECT_EQ(integer_at(sums, "balance"), 500000);
  EXPECT_EQ(totals(other).at("transferred_in").as_int64(), 300000);
  EXPECT_EQ(totals(other).at("bank").as_int64(), 300000);

  // The same as a spreadsheet.
  const Reply sheet = member().get(fund_path(fund, "/statement.xlsx?lang=en"));
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  EXPECT_TRUE(sheet.body.starts_with("PK")) << "a ZIP package";
  EXPECT_EQ(sheet.headers.at("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(sheet.headers.at("content-disposition").starts_with("attachment; filename="))
      << sheet.headers.at("content-disposition");
}

// The statement as a treasurer opens it in a spreadsheet program (openpyxl reads it): dates are
// dates and amounts numbers, whose columns add up to the totals row, a reversal included.
TEST_P(Funds, TheStatementSpreadsheetAddsUp) {
  const std::int64_t fund = campaign("Quỹ vì người nghèo");
  ASSERT_NE(fund, 0);
  cash_from(fund, 8000000, "doanvien");
  const auto mistake = cash_from(fund, 1000000, "doanvien");
  ASSERT_EQ(chair()
                .post(fmt::format("/api/v1/entries/{}/reverse", integer_at(mistake, "id")),
                      R"({"reason":"Ghi nhầm số tiền"})")
                .status,
            201);
  const std::int64_t paid_out = requested(fund, 2500000);
  ASSERT_EQ(
      treasurer().post(fmt::format("/api/v1/disbursements/{}/approve", paid_out), "{}").status,
      200);

  const Reply reply = member().get(fund_path(fund, "/statement.xlsx"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  dk::testing::TempDir folder;
  const auto path = folder / "sao-ke.xlsx";
  std::ofstream(path, std::ios::binary) << reply.body;
  const auto sheet = dk::testing::read_with_openpyxl(path);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->freeze_panes, "A2");
  EXPECT_TRUE(sheet->at("G1").bold);
  EXPECT_EQ(sheet->at("G1").value, "Thu (đồng)");
  // Rows 2 to 5: the gift, the mistaken gift, its reversal and the payment; row 6 the totals.
  const std::string today = format_iso(vietnam_date(dk::testing::test_now()));
  std::int64_t in = 0;
  std::int64_t out = 0;
  for (int row = 2; row <= 5; ++row) {
    const std::string line = std::to_string(row);
    EXPECT_EQ(sheet->at("A" + line).type, "datetime") << line;
    EXPECT_EQ(sheet->at("A" + line).number_format, "dd/mm/yyyy");
    EXPECT_EQ(sheet->at("A" + line).value, today);
    EXPECT_EQ(sheet->at("B" + line).type, "int") << "the entry's number";
    for (const char* column : {"G", "H", "I"}) {
      const auto cell = sheet->at(column + line);
      if (cell.type.empty()) continue;  // no movement that way
      EXPECT_EQ(cell.type, "int") << column << line;
      EXPECT_EQ(cell.number_format, "#,##0") << column << line;
    }
    if (!sheet->at("G" + line).type.empty()) in += std::stoll(sheet->at("G" + line).value);
    if (!sheet->at("H" + line).type.empty()) out += std::stoll(sheet->at("H" + line).value);
  }
  EXPECT_EQ(sheet->at("F6").value, "Cộng");
  EXPECT_EQ(sheet->at("A7").type, "") << "nothing after the totals";
  EXPECT_EQ(in, 9000000);
  EXPECT_EQ(out, 3500000);
  EXPECT_EQ(std::stoll(sheet->at("G6").value), in);
  EXPECT_EQ(std::stoll(sheet->at("H6").value), out);
  const std::int64_t balance = totals(fund).at("balance").as_int64();
  EXPECT_EQ(balance, 5500000);
  EXPECT_EQ(in - out, balance);
  EXPECT_EQ(std::stoll(sheet->at("I5").value), balance);
  EXPECT_EQ(std::stoll(sheet->at("I6").value), balance);
}

TEST_P(Funds, ABankStatementIsMatchedToPledgesAndEachLineIsBookedOnce) {
  const std::int64_t fund = campaign("Ủng hộ đồng bào lũ lụt");
  ASSERT_NE(fund, 0);
  // An outside giver's pledge, taken by the chair, and a member's own.
  const Reply outside =
      chair().post(fund_path(fund, "/pledges"), R"({"amount":500000,"name":"Nguyễn Văn An"})");
  ASSERT_EQ(outside.status, 201) << outside.body;
  const std::int64_t outside_pledge = integer_at(outside.json(), "id");
  const Reply own = member().post(fund_path(fund, "/pledges"), R"({"amount":300000})");
  ASSERT_EQ(own.status, 201) << own.body;
  const std::int64_t member_pledge = integer_at(own.json(), "id");
  // The member's name as a bank writes it: capitals, no diacritics.
  std::string note;
  for (const char c : fold_for_search(name_of("doanvien")))
    note.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));

  // Both lines today: a day of the campaign, which began this 1 January, whatever the date.
  const std::string today = format_vietnamese(dk::testing::test_today());
  const std::string csv = fmt::format(
      "Ngày giao dịch,Số tiền,Nội dung,Người chuyển\n"
      "{0},500000,NGUYEN VAN AN UH LU LUT,NGUYEN VAN AN\n"
      "{0},300000,{1} CHUYEN TIEN UNG HO,\n",
      today, note);
  auto upload = [&](Client& client) {
    return client.send({"POST",
                        "/api/v1/bank-statements?filename=sao-ke-thang-10.csv",
                        csv,
                        "text/csv",
                        {client.csrf_header()}});
  };
  EXPECT_EQ(upload(member()).status, 403);
  const Reply imported = upload(chair());
  ASSERT_EQ(imported.status, 201) << imported.body;
  const auto report = imported.json();
  EXPECT_EQ(integer_at(report, "lines"), 2);
  EXPECT_EQ(integer_at(report, "new_lines"), 2);
  EXPECT_EQ(integer_at(report, "already_imported"), 0);
  EXPECT_EQ(text_of(report, "file_name"), "sao-ke-thang-10.csv");
  const std::int64_t statement = integer_at(report, "id");
  const auto statements = chair().get("/api/v1/bank-statements").json().at("items").as_array();
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(integer_at(statements[0], "open_lines"), 2);

  const Reply listed = chair().get(fmt::format("/api/v1/bank-statements/{}/lines", statement));
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto lines = listed.json().at("items").as_array();
  ASSERT_EQ(lines.size(), 2u);
  std::map<std::int64_t, boost::json::value> by_amount;
  for (const auto& line : lines) by_amount[integer_at(line, "amount")] = line;
  const auto& first = by_amount.at(500000);
  EXPECT_EQ(text_of(first, "status"), "open");
  EXPECT_EQ(text_of(first, "reference"), "NGUYEN VAN AN UH LU LUT");
  ASSERT_FALSE(first.at("proposals").as_array().empty()) << listed.body;
  const auto& best = first.at("proposals").as_array()[0];
  EXPECT_EQ(integer_at(best, "pledge_id"), outside_pledge) << listed.body;
  EXPECT_EQ(integer_at(best, "fund_id"), fund);
  EXPECT_EQ(text_of(best, "name"), "Nguyễn Văn An");
  const auto& second = by_amount.at(300000);
  bool proposed = false;
  for (const auto& proposal : second.at("proposals").as_array()) {
    proposed = proposed || (proposal.at("pledge_id").is_int64() &&
                            integer_at(proposal, "pledge_id") == member_pledge &&
                            integer_at(proposal, "person_id") == person_of("doanvien"));
  }
  EXPECT_TRUE(proposed) << listed.body;

  // The treasurer confirms the first; booking it again is refused, whoever tries.
  const std::string book =
      fmt::format("/api/v1/bank-statement-lines/{}/book", integer_at(first, "id"));
  const std::string body = fmt::format(R"({{"fund_id":{},"pledge_id":{}}})", fund, outside_pledge);
  const Reply booked = treasurer().post(book, body);
  ASSERT_EQ(booked.status, 201) << booked.body;
  const auto entry = booked.json();
  EXPECT_EQ(integer_at(entry, "amount"), 500000);
  EXPECT_EQ(text_of(entry, "method"), "bank_transfer");
  EXPECT_EQ(integer_at(entry, "statement_line_id"), integer_at(first, "id"));
  EXPECT_EQ(integer_at(entry, "pledge_id"), outside_pledge);
  const Reply twice = chair().post(book, body);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.code(), "statement.line_booked");
  EXPECT_EQ(totals(fund).at("bank").as_int64(), 500000);
  // The second is left aside.
  const Reply ignored =
      chair().post(fmt::format("/api/v1/bank-statement-lines/{}/ignore", integer_at(second, "id")),
                   R"({"reason":"Đã thu tiền mặt"})");
  ASSERT_EQ(ignored.status, 200) << ignored.body;
  EXPECT_EQ(text_of(ignored.json(), "status"), "ignored");

  // The same file again: nothing new.
  const Reply again = upload(chair());
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(integer_at(again.json(), "new_lines"), 0);
  EXPECT_EQ(integer_at(again.json(), "already_imported"), 2);
  EXPECT_EQ(totals(fund).at("received").as_int64(), 500000);
}

TEST_P(Funds, TheYearReportGroupsGivingByFundOrganizationAndDepartment) {
  const std::int64_t fund = campaign("Quỹ Hoàng Sa");
  ASSERT_NE(fund, 0);
  cash_from(fund, 2340000, "doanvien");
  const Reply read = as("lanhdao").get(fmt::format("/api/v1/funds/report?year={}", this_year()));
  ASSERT_EQ(read.status, 200) << read.body;
  const auto report = read.json();
  EXPECT_EQ(integer_at(report, "year"), this_year());
  EXPECT_GE(integer_at(report, "received"), 2340000);
  bool by_fund = false, in_list = false, by_organization = false;
  for (const auto& item : report.at("by_fund").as_array()) {
    if (integer_at(item, "fund_id") != fund) continue;
    by_fund = true;
    EXPECT_EQ(integer_at(item, "opening_balance"), 0);
    EXPECT_EQ(integer_at(item, "received"), 2340000);
    EXPECT_EQ(integer_at(item, "closing_balance"), 2340000);
  }
  // Every column of the total is the sum of the funds' rows, and each row adds up.
  for (const char* column : {"opening_balance", "received", "disbursed", "transferred_in",
                             "transferred_out", "closing_balance"}) {
    std::int64_t sum = 0;
    for (const auto& item : report.at("by_fund").as_array()) sum += integer_at(item, column);
    EXPECT_EQ(sum, integer_at(report, column)) << column;
  }
  for (const auto& item : report.at("by_fund").as_array()) {
    EXPECT_EQ(integer_at(item, "opening_balance") + integer_at(item, "received") -
                  integer_at(item, "disbursed") + integer_at(item, "transferred_in") -
                  integer_at(item, "transferred_out"),
              integer_at(item, "closing_balance"))
        << text_of(item, "name");
  }
  for (const auto& item : report.at("year_list").as_array()) {
    if (integer_at(item, "fund_id") != fund) continue;
    in_list = true;
    EXPECT_EQ(integer_at(item, "amount"), 2340000);
    EXPECT_NE(text_of(item, "text_vi").find("2.340.000 đ"), std::string::npos)
        << text_of(item, "text_vi");
    EXPECT_FALSE(text_of(item, "text_en").empty());
  }
  for (const auto& item : report.at("by_organization").as_array())
    by_organization =
        by_organization || integer_at(item, "organization_id") == organization_id("CD");
  EXPECT_TRUE(by_fund) << read.body;
  EXPECT_TRUE(in_list) << read.body;
  EXPECT_TRUE(by_organization) << read.body;
  EXPECT_FALSE(report.at("by_department").as_array().empty()) << read.body;
  const Reply bad = chair().get("/api/v1/funds/report?year=twenty");
  EXPECT_EQ(bad.code(), "query.invalid");
  EXPECT_EQ(text_of(bad.json(), "field"), "year");
}

TEST_P(Funds, FortyParallelDonationsAllLand) {
  const std::int64_t fund = campaign("Ủng hộ đồng bào hạn hán");
  ASSERT_NE(fund, 0);
  Client& officer = chair();
  Client& second = treasurer();
  std::mutex mutex;
  std::set<std::int64_t> ids;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::int64_t sum = 0;
  for (int i = 0; i < 40; ++i) {
    const std::int64_t amount = 100000 + i * 1000;
    sum += amount;
    threads.emplace_back([&, i, amount] {
      const Reply reply = donate(i % 2 ? officer : second, fund,
                                 fmt::format(R"({{"amount":{},"method":"{}","anonymous":true}})",
                                             amount, i % 3 ? "cash" : "bank_transfer"),
                                 fmt::format("parallel-{}", i));
      if (reply.status != 201) {
        ++failures;
        return;
      }
      std::lock_guard lock(mutex);
      ids.insert(reply.json().at("id").as_int64());
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(ids.size(), 40u);
  EXPECT_EQ(entry_count(fund), 40u);
  const auto now = totals(fund);
  EXPECT_EQ(now.at("received").as_int64(), sum);
  EXPECT_EQ(now.at("balance").as_int64(), sum);
  EXPECT_EQ(now.at("cash").as_int64() + now.at("bank").as_int64(), sum);
  EXPECT_EQ(now.at("donations").as_int64(), 40);
}

TEST_P(Funds, ParallelApprovalsNeverPayOutMoreThanTheFundHolds) {
  for (int round = 0; round < 4; ++round) {
    const std::int64_t fund = campaign(fmt::format("Hỗ trợ gia đình khó khăn dịp Tết {}", round));
    ASSERT_NE(fund, 0);
    cash_from(fund, 10000000, "doanvien");
    const std::int64_t first = requested(fund, 6000000);
    const std::int64_t second = requested(fund, 7000000);
    Client& officer = treasurer();
    std::atomic<int> ready{0};
    Reply replies[2];
    std::thread threads[2];
    const std::int64_t requests[2] = {first, second};
    for (int i = 0; i < 2; ++i) {
      threads[i] = std::thread([&, i] {
        ++ready;
        while (ready < 2) std::this_thread::yield();
        replies[i] =
            officer.post(fmt::format("/api/v1/disbursements/{}/approve", requests[i]), "{}");
      });
    }
    for (std::thread& thread : threads) thread.join();
    int approved = 0;
    std::int64_t paid = 0;
    for (int i = 0; i < 2; ++i) {
      if (replies[i].status == 200) {
        ++approved;
        paid = replies[i].json().at("amount").as_int64();
      } else {
        EXPECT_EQ(replies[i].status, 409) << replies[i].body;
        EXPECT_EQ(replies[i].code(), "funds.insufficient_balance");
      }
    }
    EXPECT_EQ(approved, 1) << "round " << round;
    const auto now = totals(fund);
    EXPECT_EQ(now.at("disbursed").as_int64(), paid);
    EXPECT_EQ(now.at("balance").as_int64(), 10000000 - paid);
    EXPECT_GE(now.at("cash").as_int64(), 0);
  }
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(funds, Funds, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace dk::http::testing
