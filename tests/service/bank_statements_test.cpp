// Bank statements as the adapters call them, on SQLite and PostgreSQL: the officers who keep funds
// (and administrators) import the bank's export and read its lines, members do not; a file sent
// again adds no line, so no transfer is offered twice; an incoming line becomes one bank-transfer
// donation in the fund it is booked into, and only once, whoever tries again — a second booking
// would count the same money twice in the fund's totals.
#include "service/bank_statements.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "service/pledges.hpp"
#include "support/fund_service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class BankStatementsTest : public dk::testing::FundServiceTest {
 protected:
  // Today's transfers as the bank exports them: a company's gift, a member's (the bank writes the
  // name in capitals without diacritics) and the bank's fee, which is money out.
  std::string statement(const std::string& more = "") const {
    return fmt::format(
               "Ngày giao dịch,Số tiền,Nội dung,Người chuyển\n"
               "{0},500000,UNG HO QUY TUONG TRO,CONG TY HOA BINH\n"
               "{0},300000,LE VAN BINH DONG GOP QUY TUONG TRO,LE VAN BINH\n"
               "{0},-11000,PHI DICH VU SMS BANKING,\n",
               format_vietnamese(vietnam_date(now_))) +
           more;
  }

  // Two gifts of 200.000 đ today with one note, with the bank's own numbers or without them.
  enum class Numbered { no, yes };
  std::string equal_gifts(Numbered numbered, const std::string& note) const {
    const bool numbers = numbered == Numbered::yes;
    std::string content = numbers ? "Ngày giao dịch,Số bút toán,Số tiền,Nội dung\n"
                                  : "Ngày giao dịch,Số tiền,Nội dung\n";
    for (const char* number : {"FT2611180001", "FT2611180002"}) {
      content += fmt::format("{},{}200000,{}\n", format_vietnamese(vietnam_date(now_)),
                             numbers ? std::string(number) + "," : "", note);
    }
    return content;
  }

  Result<StatementImport> send(const Actor& actor, const std::string& content) {
    return import_bank_statement(*connection_, actor, content, "sao-ke-thang-11.csv", "utf-8");
  }
  // The treasurer's import of the statement, which must be read; returns its id.
  Id imported() {
    auto result = send(treasurer(), statement());
    EXPECT_TRUE(result) << result.error().message.en;
    return result ? result->statement.id : 0;
  }
  std::vector<StatementLineView> lines(Id statement_id) {
    auto read = bank_statement_lines(*connection_, treasurer(), statement_id);
    EXPECT_TRUE(read) << read.error().message.en;
    return read.value_or(std::vector<StatementLineView>{});
  }
  // The line of `amount`, as the treasurer reads it now.
  BankStatementLine line_of(Id statement_id, Dong amount) {
    const auto all = lines(statement_id);
    auto found = std::ranges::find_if(
        all, [&](const StatementLineView& view) { return view.line.amount == amount; });
    EXPECT_NE(found, all.end()) << amount;
    return found == all.end() ? BankStatementLine{} : found->line;
  }
  Result<LedgerEntry> book(const Actor& actor, Id line, Id fund) {
    BookLineInput input;
    input.fund_id = fund;
    return book_statement_line(*connection_, actor, line, input);
  }
};

TEST_P(BankStatementsTest, OfficersAndAdministratorsImportAndReadStatementsAndMembersDoNot) {
  const std::string audited = last_audit();
  EXPECT_EQ(error_code(send(member(), statement())), "access.forbidden");
  EXPECT_EQ(error_code(list_bank_statements(*connection_, member())), "access.forbidden");
  EXPECT_EQ(last_audit(), audited) << "a refusal leaves no entry";

  auto result = send(treasurer(), statement());
  ASSERT_TRUE(result) << result.error().message.en;
  EXPECT_EQ(result->lines, 3);
  EXPECT_EQ(result->new_lines, 3);
  EXPECT_EQ(result->money_out, 1);
  EXPECT_EQ(result->already_imported, 0);
  EXPECT_EQ(last_audit(), "import bank_statement 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), R"({"lines":3,"new_lines":3})");
  const Id id = result->statement.id;
  EXPECT_EQ(error_code(bank_statement_lines(*connection_, member(), id)), "access.forbidden");

  // Any fund-keeping officer reads it, the youth union's too: a statement is the whole account's.
  for (const Actor& actor : {treasurer(), officer_of(youth_union_), administrator()}) {
    auto listed = list_bank_statements(*connection_, actor);
    ASSERT_TRUE(listed) << listed.error().message.en;
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().file_name, "sao-ke-thang-11.csv");
    EXPECT_EQ(listed->front().open_lines, 2) << "the fee is not a gift to book";
  }
  std::vector<StatementLineStatus> statuses;
  for (const StatementLineView& view : lines(id)) statuses.push_back(view.line.status);
  std::ranges::sort(statuses);
  EXPECT_EQ(statuses,
            (std::vector<StatementLineStatus>{StatementLineStatus::open, StatementLineStatus::open,
                                              StatementLineStatus::money_out}));
}

TEST_P(BankStatementsTest, AStatementSentAgainAddsNoLine) {
  imported();
  auto again = send(treasurer(), statement());
  ASSERT_TRUE(again) << again.error().message.en;
  EXPECT_EQ(again->new_lines, 0);
  EXPECT_EQ(again->already_imported, 3);
  EXPECT_EQ(again->money_out, 0);
  EXPECT_EQ(again->new_lines + again->already_imported, again->lines);

  // A later export that repeats the first's transfers and adds one: only that one is new.
  auto overlapping =
      send(treasurer(), statement(fmt::format("{},1000000,UNG HO,NGUYEN THI LAN\n",
                                              format_vietnamese(vietnam_date(now_)))));
  ASSERT_TRUE(overlapping) << overlapping.error().message.en;
  EXPECT_EQ(overlapping->lines, 4);
  EXPECT_EQ(overlapping->new_lines, 1);
  EXPECT_EQ(overlapping->already_imported, 3);
  const auto statements = list_bank_statements(*connection_, treasurer()).value();
  std::int64_t open = 0;
  for (const BankStatement& listed : statements) open += listed.open_lines;
  EXPECT_EQ(open, 3) << "each transfer waits to be booked once, in one statement";
}

TEST_P(BankStatementsTest, TwoEqualGiftsAreTwoLinesAndTheBanksNumberKnowsATransferAgain) {
  // Two colleagues give the same sum with the same note on one day: two transfers, not one.
  auto first = send(treasurer(), equal_gifts(Numbered::yes, "UNG HO QUY TUONG TRO"));
  ASSERT_TRUE(first) << first.error().message.en;
  EXPECT_EQ(first->new_lines, 2);
  // The bank's spreadsheet of the same days writes the notes differently; its numbers say that
  // these are the same transfers.
  auto spreadsheet = send(treasurer(), equal_gifts(Numbered::yes, "UNG HO QUY TUONG"));
  ASSERT_TRUE(spreadsheet) << spreadsheet.error().message.en;
  EXPECT_EQ(spreadsheet->new_lines, 0);
  EXPECT_EQ(spreadsheet->already_imported, 2);
  // An export without the bank's numbers knows them by date, amount and note.
  auto plain = send(treasurer(), equal_gifts(Numbered::no, "UNG HO QUY TUONG TRO"));
  ASSERT_TRUE(plain) << plain.error().message.en;
  EXPECT_EQ(plain->new_lines, 0);
  EXPECT_EQ(plain->already_imported, 2);
}

TEST_P(BankStatementsTest, ABookedLineIsADonationInTheFundsTotalsAndIsBookedOnce) {
  const Id id = imported();
  const BankStatementLine gift_line = line_of(id, 500'000);
  auto entry = book(treasurer(), gift_line.id, welfare_);
  ASSERT_TRUE(entry) << entry.error().message.en;
  EXPECT_EQ(entry->amount, 500'000);
  EXPECT_EQ(entry->method, PaymentMethod::bank_transfer);
  EXPECT_EQ(entry->statement_line_id, gift_line.id);
  EXPECT_EQ(entry->payer_name, "CONG TY HOA BINH") << "the counterparty, when no giver is named";
  EXPECT_TRUE(entry->receipt_number);
  EXPECT_EQ(last_audit(), "donation ledger_entry 8 192.0.2.1");
  const BankStatementLine booked = line_of(id, 500'000);
  EXPECT_EQ(booked.status, StatementLineStatus::booked);
  EXPECT_EQ(booked.transaction_id, entry->id);

  const service::FundTotals after = totals(welfare_);
  EXPECT_EQ(after.balance.bank, 500'000);
  EXPECT_EQ(after.balance.received, 500'000);
  EXPECT_EQ(after.donations, 1);

  for (const Actor& actor : {treasurer(), deputy(), administrator()}) {
    auto twice = book(actor, gift_line.id, welfare_);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, "statement.line_booked");
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  }
  EXPECT_EQ(error_code(ignore_statement_line(*connection_, deputy(), gift_line.id, "Nhầm")),
            "statement.line_booked");
  EXPECT_EQ(totals(welfare_).balance.received, 500'000) << "the money counted once";
  EXPECT_EQ(list_entries(*connection_, treasurer(), welfare_).value().size(), 1u);
}

TEST_P(BankStatementsTest, OnlyTheFundsOfficersBookALineAndARefusalLeavesItOpen) {
  const Id id = imported();
  const BankStatementLine gift_line = line_of(id, 500'000);
  for (const Actor& actor : {member(), officer_of(youth_union_)}) {
    EXPECT_EQ(error_code(book(actor, gift_line.id, welfare_)), "access.forbidden");
  }
  EXPECT_EQ(line_of(id, 500'000).status, StatementLineStatus::open);
  EXPECT_EQ(totals(welfare_).balance.received, 0);

  EXPECT_EQ(error_code(book(treasurer(), line_of(id, -11'000).id, welfare_)),
            "statement.line_booked")
      << "money out is no gift";
  EXPECT_EQ(error_code(book(treasurer(), 424242, welfare_)), "statement.line_not_found");
  EXPECT_EQ(error_code(ignore_statement_line(*connection_, treasurer(), 424242, "")),
            "statement.line_not_found");
  ASSERT_TRUE(book(administrator(), gift_line.id, welfare_)) << "the line was left open";
}

TEST_P(BankStatementsTest, AnIgnoredLineIsNeverBooked) {
  const Id id = imported();
  const BankStatementLine line = line_of(id, 300'000);
  EXPECT_EQ(error_code(ignore_statement_line(*connection_, member(), line.id, "")),
            "access.forbidden");
  auto ignored = ignore_statement_line(*connection_, treasurer(), line.id, "  Đã thu   tiền mặt ");
  ASSERT_TRUE(ignored) << ignored.error().message.en;
  EXPECT_EQ(ignored->line.status, StatementLineStatus::ignored);
  EXPECT_EQ(ignored->line.note, "Đã thu tiền mặt");
  EXPECT_EQ(last_audit(), "ignore bank_statement_line 8 192.0.2.1");
  EXPECT_EQ(error_code(book(treasurer(), line.id, welfare_)), "statement.line_booked");
  EXPECT_EQ(error_code(ignore_statement_line(*connection_, treasurer(), line.id, "")),
            "statement.line_booked");
  EXPECT_EQ(totals(welfare_).balance.received, 0);
  EXPECT_EQ(list_bank_statements(*connection_, treasurer()).value().front().open_lines, 1);
}

TEST_P(BankStatementsTest, ALineProposesTheMembersPledgeAndBookingItPaysThePledge) {
  const Pledge pledge =
      record_pledge(*connection_, member(), welfare_, PledgeInput{300'000, {}, "", ""}).value();
  const Id id = imported();
  const auto all = lines(id);
  auto member_line = std::ranges::find_if(
      all, [](const StatementLineView& view) { return view.line.amount == 300'000; });
  ASSERT_NE(member_line, all.end());
  ASSERT_FALSE(member_line->proposals.empty());
  const LineProposal& best = member_line->proposals.front();
  EXPECT_EQ(best.match.pledge_id, pledge.id);
  EXPECT_EQ(best.match.person_id, member_);
  EXPECT_EQ(best.match.fund_id, welfare_);
  EXPECT_EQ(best.fund_name, "Quỹ tương trợ");
  EXPECT_EQ(best.outstanding, 300'000);

  BookLineInput input;
  input.fund_id = best.match.fund_id;
  input.pledge_id = best.match.pledge_id;
  auto entry = book_statement_line(*connection_, treasurer(), member_line->line.id, input);
  ASSERT_TRUE(entry) << entry.error().message.en;
  EXPECT_EQ(entry->person_id, member_);
  EXPECT_EQ(entry->payer_name, "Lê Văn Bình") << "the pledge's giver, as the registry writes him";
  EXPECT_EQ(list_pledges(*connection_, member(), welfare_).value().front().outstanding, 0);
  EXPECT_EQ(totals(welfare_).balance.pledge_outstanding, 0);
  EXPECT_EQ(totals(welfare_).balance.bank, 300'000);
}

INSTANTIATE_TEST_SUITE_P(Engines, BankStatementsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
