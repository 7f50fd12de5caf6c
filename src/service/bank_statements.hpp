#pragma once
// Bank statements: imported from the bank's CSV or XLSX, each incoming line proposed as a
// donation (core/transfer_match), booked once or set aside.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "core/transfer_match.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/donations.hpp"

namespace dk::service {

struct StatementImport {
  BankStatement statement;
  std::int64_t lines = 0;
  std::int64_t new_lines = 0;
  std::int64_t already_imported = 0;
  std::int64_t money_out = 0;  // outgoing lines, kept but not matched to gifts
};
// `content` is the file's bytes (CSV or XLSX). All lines are stored or none.
Result<StatementImport> import_bank_statement(Connection& connection, const Actor& actor,
                                              const std::string& content,
                                              const std::string& file_name,
                                              const std::string& encoding);
Result<std::vector<BankStatement>> list_bank_statements(Connection& connection, const Actor& actor);
struct LineProposal {
  MatchProposal match;
  std::string fund_name;
  std::string name;  // the person's or pledge's giver
  Dong outstanding = 0;
};
struct StatementLineView {
  BankStatementLine line;
  std::vector<LineProposal> proposals;  // for open incoming lines
};
Result<std::vector<StatementLineView>> bank_statement_lines(Connection& connection,
                                                            const Actor& actor, Id statement);
struct BookLineInput {
  Id fund_id = 0;
  std::optional<Id> pledge_id;
  std::optional<PayerInput> payer;
  bool anonymous = false;
};
// Books an incoming line as a bank-transfer donation; a line is booked once, whoever tries.
Result<LedgerEntry> book_statement_line(Connection& connection, const Actor& actor, Id line,
                                        const BookLineInput& input);
Result<StatementLineView> ignore_statement_line(Connection& connection, const Actor& actor, Id line,
                                                const std::string& reason);

}  // namespace dk::service
