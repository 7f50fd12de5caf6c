#pragma once
// Charity and funds as the web service offers them. The officers of a fund's organizers run it:
// they record donations (each with a receipt number), request disbursements that a second officer
// approves, transfer money between funds and reverse mistakes. Anyone in the agency pledges and
// reads a fund's public statement (sao kê). Every change goes through the ledger in one
// transaction, and nothing leaves a fund beyond what it holds.

#include <optional>
#include <string>
#include <vector>

#include "core/fund.hpp"
#include "core/ledger.hpp"
#include "core/transfer_match.hpp"
#include "service/actor.hpp"
#include "store/fund_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

struct NamedId {
  Id id = 0;
  std::string name;
};

struct FundTotals {
  FundBalance balance;
  Dong pending_disbursements = 0;
  std::int64_t donations = 0;
  std::int64_t donors = 0;
};

struct FundRecord {
  Fund fund;
  std::vector<NamedId> organizations;
  FundTotals totals;
  bool manageable = false;  // the actor may record money and request disbursements
};

Result<FundRecord> create_fund(store::SqlConnection& connection, const Actor& actor, Fund fund);
Result<std::vector<FundRecord>> list_funds(store::SqlConnection& connection, const Actor& actor,
                                           std::optional<FundStatus> status,
                                           std::optional<Id> organization);
Result<FundRecord> read_fund(store::SqlConnection& connection, const Actor& actor, Id fund);

// What a PATCH changes; unset fields stay as they are.
struct FundChanges {
  std::optional<std::string> name;
  std::optional<std::string> beneficiary;
  std::optional<std::string> purpose;
  std::optional<std::optional<Dong>> target;
  std::optional<std::optional<CivilDate>> ends_on;
  std::optional<FundStatus> status;
};
Result<FundRecord> update_fund(store::SqlConnection& connection, const Actor& actor, Id fund,
                               const FundChanges& changes);

// ---- pledges ----

struct PledgeInput {
  Dong amount = 0;
  std::optional<Id> person_id;  // none: the actor, unless `name` names an outside giver
  std::string name;             // an outside giver's name (officers only)
  std::string note;
};
Result<store::Pledge> record_pledge(store::SqlConnection& connection, const Actor& actor, Id fund,
                                    const PledgeInput& input);
// Officers see every pledge of the fund, others their own.
Result<std::vector<store::Pledge>> list_pledges(store::SqlConnection& connection,
                                                const Actor& actor, Id fund);
// Only a pledge nothing of which is paid yet; its entry is reversed.
Result<store::Pledge> cancel_pledge(store::SqlConnection& connection, const Actor& actor, Id pledge,
                                    const std::string& reason);

// ---- donations and other entries ----

struct PayerInput {
  PayerKind kind = PayerKind::person;
  std::optional<Id> person_id;
  std::optional<Id> unit_id;
  std::string name;  // an outside giver
};

struct DonationInput {
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  std::optional<CivilDate> received_on;  // none: today in Vietnam
  std::optional<PayerInput> payer;       // none: the pledge's giver, or an anonymous gift
  bool anonymous = false;                // shown as "ẩn danh" on the public statement
  std::optional<Id> pledge_id;
  std::string reference;
  std::string memo;
  std::optional<Id> statement_line_id;  // set by book_statement_line, which claims the line
};
Result<store::LedgerEntry> record_donation(store::SqlConnection& connection, const Actor& actor,
                                           Id fund, const DonationInput& input);
// The fund's entries, oldest first (officers of the fund, administrators and leadership).
Result<std::vector<store::LedgerEntry>> list_entries(store::SqlConnection& connection,
                                                     const Actor& actor, Id fund);
Result<store::LedgerEntry> read_entry(store::SqlConnection& connection, const Actor& actor,
                                      Id entry);

struct TransferInput {
  Id to_fund = 0;
  Dong amount = 0;
  PaymentMethod from_method = PaymentMethod::bank_transfer;
  PaymentMethod to_method = PaymentMethod::bank_transfer;
  std::optional<CivilDate> on;
  std::string memo;
};
Result<store::LedgerEntry> transfer_between_funds(store::SqlConnection& connection,
                                                  const Actor& actor, Id from_fund,
                                                  const TransferInput& input);
// Undoes a donation, disbursement or transfer by a new entry that negates it.
Result<store::LedgerEntry> reverse_entry(store::SqlConnection& connection, const Actor& actor,
                                         Id entry, const std::string& reason);

// ---- disbursements ----

struct DisbursementInput {
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  std::string beneficiary;
  std::string purpose;
  std::optional<CivilDate> paid_on;
};
struct DisbursementView {
  store::Disbursement request;
  bool may_decide = false;  // the actor manages the fund and did not request it
};
Result<DisbursementView> request_disbursement(store::SqlConnection& connection, const Actor& actor,
                                              Id fund, const DisbursementInput& input);
Result<std::vector<DisbursementView>> list_disbursements(store::SqlConnection& connection,
                                                         const Actor& actor,
                                                         std::optional<DisbursementStatus> status);
// By a second officer: the money leaves the fund only now, and only if the fund holds it.
Result<DisbursementView> approve_disbursement(store::SqlConnection& connection, const Actor& actor,
                                              Id request);
Result<DisbursementView> reject_disbursement(store::SqlConnection& connection, const Actor& actor,
                                             Id request, const std::string& reason);

// ---- the public statement ----

struct StatementRow {
  store::LedgerEntry entry;
  Dong money_in = 0;   // into this fund
  Dong money_out = 0;  // out of it
  Dong balance = 0;    // what the fund holds after the entry
  // Who gave, who was paid, or the other fund of a transfer; empty for an anonymous gift.
  std::string counterparty;
};
struct FundStatement {
  FundRecord fund;
  std::vector<StatementRow> rows;  // money entries only (not pledges), oldest first
};
// Readable by everyone in the agency; anonymous givers' names are left out of it.
Result<FundStatement> fund_statement(store::SqlConnection& connection, const Actor& actor, Id fund);
// A file to download: the statement as a spreadsheet ("sao-ke-quy-3-2026-11-26.xlsx"), a receipt
// as PDF ("PT-2026-0007.pdf").
struct FundFile {
  std::string content;
  std::string file_name;
};
Result<FundFile> fund_statement_xlsx(store::SqlConnection& connection, const Actor& actor, Id fund,
                                     std::string_view language);
// A donation's receipt as PDF (officers of the fund, and the giver themselves).
Result<FundFile> donation_receipt_pdf(store::SqlConnection& connection, const Actor& actor,
                                      Id entry, std::string_view language);

// ---- bank statements ----

struct StatementImport {
  store::BankStatement statement;
  std::int64_t lines = 0;
  std::int64_t new_lines = 0;
  std::int64_t already_imported = 0;
  std::int64_t money_out = 0;  // outgoing lines, kept but not matched to gifts
};
// `content` is the file's bytes (CSV or XLSX). All lines are stored or none.
Result<StatementImport> import_bank_statement(store::SqlConnection& connection, const Actor& actor,
                                              const std::string& content,
                                              const std::string& file_name,
                                              const std::string& encoding);
Result<std::vector<store::BankStatement>> list_bank_statements(store::SqlConnection& connection,
                                                               const Actor& actor);
struct LineProposal {
  MatchProposal match;
  std::string fund_name;
  std::string name;  // the person's or pledge's giver
  Dong outstanding = 0;
};
struct StatementLineView {
  store::BankStatementLine line;
  std::vector<LineProposal> proposals;  // for open incoming lines
};
Result<std::vector<StatementLineView>> bank_statement_lines(store::SqlConnection& connection,
                                                            const Actor& actor, Id statement);
struct BookLineInput {
  Id fund_id = 0;
  std::optional<Id> pledge_id;
  std::optional<PayerInput> payer;
  bool anonymous = false;
};
// Books an incoming line as a bank-transfer donation; a line is booked once, whoever tries.
Result<store::LedgerEntry> book_statement_line(store::SqlConnection& connection, const Actor& actor,
                                               Id line, const BookLineInput& input);
Result<StatementLineView> ignore_statement_line(store::SqlConnection& connection,
                                                const Actor& actor, Id line,
                                                const std::string& reason);

// ---- reports ----

struct YearListItem {
  Id fund_id = 0;
  Text text;  // "ủng hộ quỹ Hoàng Sa 2.340.000 đ"
  Dong amount = 0;
};
struct FundsReport {
  int year = 0;
  Dong received = 0;
  Dong disbursed = 0;
  std::vector<store::DonationTotal> by_fund;
  std::vector<store::DonationTotal> by_organization;
  std::vector<store::DonationTotal> by_unit;
  std::vector<YearListItem> year_list;
};
Result<FundsReport> funds_report(store::SqlConnection& connection, const Actor& actor, int year);
// The same for the command line, which has the database to itself.
Result<FundsReport> agency_funds_report(store::SqlConnection& connection, Id tenant, int year);

// ---- the trial balance (doanket funds check) ----

struct FundSummary {
  Id tenant_id = 0;
  Id fund_id = 0;
  std::string name;
  FundBalance balance;
};
struct FundsCheck {
  TrialBalance trial;
  std::vector<FundSummary> funds;
  std::vector<LedgerProblem> problems;  // beyond the ledger's own: a pledge's or request's state
};
// Checks the ledger of one agency, or of every agency when `tenant` is 0.
Result<FundsCheck> check_funds(store::SqlConnection& connection, Id tenant);

}  // namespace dk::service
