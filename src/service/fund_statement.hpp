#pragma once
// A fund's public statement (sao kê), readable by everyone in the agency, as a page, a spreadsheet
// to download, and a donation's receipt as PDF.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/funds.hpp"

namespace dk::service {

struct StatementRow {
  LedgerEntry entry;
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
Result<FundStatement> fund_statement(Connection& connection, const Actor& actor, Id fund);
// A file to download: the statement as a spreadsheet ("sao-ke-quy-3-2026-11-26.xlsx"), a receipt
// as PDF ("PT-2026-0007.pdf").
struct FundFile {
  std::string content;
  std::string file_name;
};
Result<FundFile> fund_statement_xlsx(Connection& connection, const Actor& actor, Id fund,
                                     std::string_view language);
// A donation's receipt as PDF (officers of the fund, and the giver themselves).
Result<FundFile> donation_receipt_pdf(Connection& connection, const Actor& actor, Id entry,
                                      std::string_view language);

}  // namespace dk::service
