// The fund store's contract on SQLite and PostgreSQL, for funds and their ledger: a fund and its
// organizers as written, lists by status and organizer, transactions read back with their lines
// and who recorded them, balances that are exactly the sums of the lines, one reversal and one
// receipt number each, and the year's totals the report groups. Pledges, disbursement requests
// and bank statements: fund_store_requests_test.cpp.
#include "store/fund_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "support/fund_store_fixture.hpp"

namespace dk::store {
namespace {

class FundStoreTest : public testing::FundStoreFixture {};

TEST_P(FundStoreTest, AFundReadsBackAsWrittenWithEachOrganizerOnce) {
  Fund written = fund_of("Ủng hộ đồng bào miền Trung", {youth_union_, trade_union_, youth_union_});
  written.beneficiary = "Đồng bào bị lũ lụt tỉnh Quảng Bình";
  written.purpose = "Khắc phục hậu quả bão số 6";
  written.target = 50'000'000;
  written.ends_on = add_days(today_, 30);
  const Id id = create_fund(written);

  FundStore funds(*connection_);
  auto found = funds.find_fund(tenant_, id);
  ASSERT_TRUE(found && *found);
  const Fund& read = **found;
  EXPECT_EQ(read.name, "Ủng hộ đồng bào miền Trung");
  EXPECT_EQ(read.beneficiary, "Đồng bào bị lũ lụt tỉnh Quảng Bình");
  EXPECT_EQ(read.purpose, "Khắc phục hậu quả bão số 6");
  EXPECT_EQ(read.kind, FundKind::campaign);
  EXPECT_EQ(read.target, 50'000'000);
  EXPECT_EQ(read.starts_on, today_);
  EXPECT_EQ(read.ends_on, add_days(today_, 30));
  EXPECT_EQ(read.status, FundStatus::open);
  std::vector<Id> organizers{trade_union_, youth_union_};
  std::ranges::sort(organizers);
  EXPECT_EQ(read.organization_ids, organizers);

  Fund changed = read;
  changed.name = "Ủng hộ miền Trung (đợt 2)";
  changed.target = std::nullopt;
  changed.status = FundStatus::closed;
  ASSERT_TRUE(funds.update_fund(changed, now_));
  const Fund updated = funds.find_fund(tenant_, id).value().value();
  EXPECT_EQ(updated.name, "Ủng hộ miền Trung (đợt 2)");
  EXPECT_FALSE(updated.target);
  EXPECT_EQ(updated.status, FundStatus::closed);

  changed.id = 424242;
  auto missing = funds.update_fund(changed, now_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "funds.not_found");
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_EQ(testing::error_code(funds.lock_fund(tenant_, 424242, now_)), "funds.not_found");
  EXPECT_TRUE(funds.lock_fund(tenant_, id, now_));
  EXPECT_EQ(testing::error_code(funds.create_fund(fund_of("Quỹ lạ", {424242}), officer_, now_)),
            "store.reference_missing");
}

TEST_P(FundStoreTest, ListsFilterByStatusAndOrganizerLatestFirstAndStayInTheirAgency) {
  Fund older = fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing);
  older.starts_on = add_days(today_, -400);
  create_fund(older);
  create_fund(fund_of("Tết vì người nghèo", {trade_union_, youth_union_}));
  Fund closed = fund_of("Áo ấm cho em", {youth_union_});
  closed.status = FundStatus::closed;
  create_fund(closed);

  auto names = [&](std::optional<FundStatus> status, std::optional<Id> organization,
                   std::optional<Id> tenant = std::nullopt) {
    auto listed =
        FundStore(*connection_).list_funds(tenant.value_or(tenant_), status, organization);
    EXPECT_TRUE(listed) << listed.error().message.en;
    std::vector<std::string> found;
    for (const Fund& fund : listed.value_or(std::vector<Fund>{})) found.push_back(fund.name);
    return found;
  };
  EXPECT_EQ(names(FundStatus::open, std::nullopt),
            (std::vector<std::string>{"Tết vì người nghèo", "Quỹ tương trợ"}));
  EXPECT_EQ(names(FundStatus::closed, std::nullopt), std::vector<std::string>{"Áo ấm cho em"});
  auto youth = names(std::nullopt, youth_union_);
  std::ranges::sort(youth);
  EXPECT_EQ(youth, (std::vector<std::string>{"Tết vì người nghèo", "Áo ấm cho em"}));
  EXPECT_EQ(names(std::nullopt, std::nullopt).size(), 3u);
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_TRUE(names(std::nullopt, std::nullopt, other_agency).empty());
  EXPECT_FALSE(FundStore(*connection_).find_fund(other_agency, 1).value());
}

TEST_P(FundStoreTest, AnEntryReadsBackWithItsLinesWhoRecordedItAndWhatReversedIt) {
  const Id fund_id = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  const Id unit = add_unit("Văn phòng Sở");
  const Id giver = add_person("Trần Văn Đức", unit);
  LedgerEntry gift = entry(EntryKind::donation, fund_id, 2'800'000,
                           donation_lines(fund_id, PaymentMethod::bank_transfer, 2'800'000));
  gift.method = PaymentMethod::bank_transfer;
  gift.payer_kind = PayerKind::person;
  gift.person_id = giver;
  gift.unit_id = unit;
  gift.payer_name = "Trần Văn Đức";
  gift.reference = "FT2632100001";
  gift.memo = "Ủng hộ quỹ tháng 11";
  gift.receipt_number = "PT-2026-0001";
  const Id id = post(gift);

  FundStore funds(*connection_);
  const LedgerEntry read = funds.find_entry(tenant_, id).value().value();
  EXPECT_EQ(read.kind, EntryKind::donation);
  EXPECT_EQ(read.amount, 2'800'000);
  EXPECT_EQ(read.method, PaymentMethod::bank_transfer);
  EXPECT_EQ(read.payer_kind, PayerKind::person);
  EXPECT_EQ(read.person_id, giver);
  EXPECT_EQ(read.unit_id, unit);
  EXPECT_EQ(read.payer_name, "Trần Văn Đức");
  EXPECT_EQ(read.memo, "Ủng hộ quỹ tháng 11");
  EXPECT_EQ(read.receipt_number, "PT-2026-0001");
  EXPECT_EQ(read.occurred_on, today_);
  EXPECT_EQ(read.recorded_at, now_);
  EXPECT_EQ(read.recorder.login, "anh.nt");
  EXPECT_EQ(read.recorder.full_name, "Nguyễn Thị Ánh");
  EXPECT_FALSE(read.approver);
  EXPECT_FALSE(read.reversed_by);
  const auto f = std::to_string(fund_id);
  EXPECT_EQ(lines_of(read),
            (std::vector<std::string>{f + " bank 2800000 0", f + " donations -2800000 0"}));

  LedgerEntry reversal = read;
  reversal.kind = EntryKind::reversal;
  reversal.reverses_id = id;
  reversal.receipt_number.reset();
  reversal.lines = reversal_lines(read.lines);
  const Id reversal_id = post(reversal);
  EXPECT_EQ(funds.find_entry(tenant_, id).value()->reversed_by, reversal_id);
  auto twice = funds.post(reversal);
  ASSERT_FALSE(twice) << "a transaction is reversed once";
  EXPECT_EQ(twice.error().code, "store.duplicate");
  auto same_receipt = funds.post(gift);
  ASSERT_FALSE(same_receipt) << "a receipt number is given once";
  EXPECT_EQ(same_receipt.error().code, "store.duplicate");
}

TEST_P(FundStoreTest, AFundsEntriesIncludeTransfersIntoItOldestFirst) {
  const Id welfare = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  const Id campaign = create_fund(fund_of("Tết vì người nghèo", {trade_union_}));
  const Id first = donate(welfare, 5'000'000);
  LedgerEntry move =
      entry(EntryKind::transfer, welfare, 1'000'000,
            transfer_lines(welfare, PaymentMethod::cash, campaign, PaymentMethod::cash, 1'000'000));
  move.to_fund_id = campaign;
  const Id transfer = post(move);
  const Id gift = donate(campaign, 300'000);

  auto ids = [&](Id fund_id) {
    std::vector<Id> found;
    const auto entries = FundStore(*connection_).entries(tenant_, fund_id).value();
    for (const LedgerEntry& e : entries) found.push_back(e.id);
    return found;
  };
  EXPECT_EQ(ids(welfare), (std::vector<Id>{first, transfer}));
  EXPECT_EQ(ids(campaign), (std::vector<Id>{transfer, gift}));
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_TRUE(FundStore(*connection_).entries(other_agency, welfare).value().empty());
  EXPECT_FALSE(FundStore(*connection_).find_entry(other_agency, first).value());
}

TEST_P(FundStoreTest, EveryBalanceIsTheSumOfItsLinesAndHoldingsEqualTheNetInflow) {
  const Id welfare = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  const Id campaign = create_fund(fund_of("Tết vì người nghèo", {youth_union_}));
  const std::vector<Dong> gifts{2'800'000, 1'500'000, 700'000};
  for (Dong amount : gifts) donate(welfare, amount);
  donate(welfare, 10'000'000, PaymentMethod::bank_transfer);
  pay_out(welfare, 1'200'000);
  LedgerEntry move = entry(EntryKind::transfer, welfare, 3'000'000,
                           transfer_lines(welfare, PaymentMethod::bank_transfer, campaign,
                                          PaymentMethod::cash, 3'000'000));
  move.to_fund_id = campaign;
  post(move);
  donate(campaign, 400'000);
  LedgerEntry promise =
      entry(EntryKind::pledge, campaign, 900'000, pledge_lines(campaign, 77, 900'000));
  post(promise);

  FundStore funds(*connection_);
  const FundBalance balance = funds.balance(tenant_, welfare).value();
  const Dong cash_gifts = std::accumulate(gifts.begin(), gifts.end(), Dong{0});
  EXPECT_EQ(balance.cash, cash_gifts - 1'200'000);
  EXPECT_EQ(balance.bank, 10'000'000 - 3'000'000);
  EXPECT_EQ(balance.received, cash_gifts + 10'000'000);
  EXPECT_EQ(balance.disbursed, 1'200'000);
  EXPECT_EQ(balance.transferred_out, 3'000'000);
  EXPECT_EQ(balance.holdings(), balance.net());

  const FundBalance other = funds.balance(tenant_, campaign).value();
  EXPECT_EQ(other.cash, 3'400'000);
  EXPECT_EQ(other.transferred_in, 3'000'000);
  EXPECT_EQ(other.pledged, 900'000);
  EXPECT_EQ(other.pledge_outstanding, 900'000);
  EXPECT_EQ(other.holdings(), other.net()) << "a promise is not money";

  // The agency's balances in one read are each fund's, and the books balance as a whole.
  const auto all = funds.balances(tenant_).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all.at(welfare).holdings(), balance.holdings());
  EXPECT_EQ(all.at(welfare).received, balance.received);
  EXPECT_EQ(all.at(campaign).holdings(), other.holdings());
  const auto transactions = funds.all_transactions(tenant_).value();
  EXPECT_EQ(transactions.size(), 8u);
  const TrialBalance trial = check_ledger(transactions);
  EXPECT_TRUE(trial.balanced());
  EXPECT_EQ(trial.lines, 18);
  EXPECT_EQ(funds.agencies_with_ledgers().value(), std::vector<Id>{tenant_});
}

TEST_P(FundStoreTest, DonationsAreCountedWithTheirDistinctGiversLessThoseReversed) {
  const Id welfare = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  donate(welfare, 100'000, PaymentMethod::cash, "Công ty Hòa Bình");
  donate(welfare, 200'000, PaymentMethod::cash, "Công ty Hòa Bình");
  const Id mistaken = donate(welfare, 300'000, PaymentMethod::cash, "Bà Lê Thị Tâm");
  for (int i = 0; i < 2; ++i) {
    LedgerEntry hidden = entry(EntryKind::donation, welfare, 50'000,
                               donation_lines(welfare, PaymentMethod::cash, 50'000));
    hidden.payer_kind = PayerKind::outside;
    hidden.anonymous = true;
    post(hidden);
  }
  LedgerEntry undo = entry(EntryKind::reversal, welfare, 300'000,
                           reversal_lines(donation_lines(welfare, PaymentMethod::cash, 300'000)));
  undo.reverses_id = mistaken;
  post(undo);

  const auto counts = FundStore(*connection_).donation_counts(tenant_).value();
  EXPECT_EQ(counts.at(welfare).donations, 4);
  EXPECT_EQ(counts.at(welfare).donors, 3) << "one company twice, two anonymous gifts";
}

TEST_P(FundStoreTest, ReceiptNumbersRunPerYearAndPerAgency) {
  FundStore funds(*connection_);
  const int year = today_.year;
  EXPECT_EQ(funds.next_receipt_number(tenant_, year).value(), fmt::format("PT-{}-0001", year));
  EXPECT_EQ(funds.next_receipt_number(tenant_, year).value(), fmt::format("PT-{}-0002", year));
  EXPECT_EQ(funds.next_receipt_number(tenant_, year + 1).value(),
            fmt::format("PT-{}-0001", year + 1));
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_EQ(funds.next_receipt_number(other_agency, year).value(), fmt::format("PT-{}-0001", year));
}

TEST_P(FundStoreTest, TheYearsTotalsAreTheSumOfItsDonationsByFundOrganizerAndDepartment) {
  const Id welfare = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  const Id joint = create_fund(fund_of("Tết vì người nghèo", {trade_union_, youth_union_}));
  const Id office = add_unit("Văn phòng Sở");
  const Id giver = add_person("Trần Văn Đức", office);
  LedgerEntry from_staff = entry(EntryKind::donation, joint, 2'000'000,
                                 donation_lines(joint, PaymentMethod::cash, 2'000'000));
  from_staff.payer_kind = PayerKind::person;
  from_staff.person_id = giver;
  from_staff.unit_id = office;
  post(from_staff);
  donate(joint, 500'000);
  donate(welfare, 1'000'000);
  pay_out(welfare, 400'000);
  const Id mistaken = donate(welfare, 600'000);
  LedgerEntry undo = entry(EntryKind::reversal, welfare, 600'000,
                           reversal_lines(donation_lines(welfare, PaymentMethod::cash, 600'000)));
  undo.reverses_id = mistaken;
  post(undo);
  LedgerEntry last_year = entry(EntryKind::donation, welfare, 9'000'000,
                                donation_lines(welfare, PaymentMethod::cash, 9'000'000));
  last_year.occurred_on = CivilDate{today_.year - 1, 12, 31};
  post(last_year);

  auto rows = [](const Result<std::vector<DonationTotal>>& totals) {
    EXPECT_TRUE(totals) << totals.error().message.en;
    std::vector<std::string> found;
    for (const DonationTotal& total : totals.value_or(std::vector<DonationTotal>{}))
      found.push_back(fmt::format("{} {} {}", total.name, total.received, total.disbursed));
    return found;
  };
  FundStore funds(*connection_);
  const int year = today_.year;
  // Balances through a day count the entries dated up to it: the year's movement of a fund is
  // the difference of its balances through the last days of this year and the year before.
  const auto before = funds.balances_through(tenant_, CivilDate{year - 1, 12, 31}).value();
  const auto after = funds.balances_through(tenant_, CivilDate{year, 12, 31}).value();
  EXPECT_EQ(before.at(welfare).received, 9'000'000);
  EXPECT_EQ(before.at(welfare).holdings(), 9'000'000);
  EXPECT_FALSE(before.contains(joint)) << "nothing of this year's campaign before this year";
  EXPECT_EQ(after.at(welfare).received - before.at(welfare).received, 1'000'000)
      << "the reversed gift nets out and last year's is not this year's";
  EXPECT_EQ(after.at(welfare).disbursed, 400'000);
  EXPECT_EQ(after.at(joint).received, 2'500'000);
  EXPECT_EQ(rows(funds.year_by_organization(tenant_, year)),
            (std::vector<std::string>{"Tổ chức CD 3500000 400000", "Tổ chức DTN 2500000 0"}))
      << "a joint fund counts in full for each organizer";
  EXPECT_EQ(rows(funds.year_by_unit(tenant_, year)),
            (std::vector<std::string>{"Văn phòng Sở 2000000 0", " 1500000 400000"}));
  // The year's total by fund is the sum of its gifts, however it is grouped.
  auto received = [](const std::vector<DonationTotal>& totals) {
    Dong sum = 0;
    for (const DonationTotal& total : totals) sum += total.received;
    return sum;
  };
  const Dong by_unit = received(funds.year_by_unit(tenant_, year).value());
  EXPECT_EQ(by_unit, 2'000'000 + 500'000 + 1'000'000);
  EXPECT_EQ(by_unit,
            after.at(joint).received + after.at(welfare).received - before.at(welfare).received);
}

INSTANTIATE_TEST_SUITE_P(Engines, FundStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
