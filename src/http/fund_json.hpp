#pragma once
// Funds, ledger entries, pledges, disbursements, the public statement and bank statement lines as
// the API's JSON (docs/api.md, "Charity and funds"): money as integer đồng, dates as yyyy-mm-dd,
// instants with Vietnam's offset, people as {login, full_name}.

#include <boost/json.hpp>
#include <map>
#include <string>
#include <string_view>

#include "service/bank_statements.hpp"
#include "service/disbursements.hpp"
#include "service/fund_statement.hpp"
#include "service/funds.hpp"
#include "service/funds_report.hpp"

namespace dk::http {

boost::json::value person_ref_json(const std::optional<AccountName>& account);
boost::json::object fund_json(const service::FundRecord& record);
boost::json::object entry_json(const LedgerEntry& entry);
boost::json::object pledge_json(const Pledge& pledge);
boost::json::object disbursement_json(const service::DisbursementView& view);
boost::json::object statement_json(const service::FundStatement& statement,
                                   std::string_view language);
boost::json::object statement_import_json(const service::StatementImport& import);
boost::json::object bank_statement_json(const BankStatement& statement);
boost::json::object statement_line_json(const service::StatementLineView& view);
// Gifts of no department (outside givers) are named in `language`.
boost::json::object funds_report_json(const service::FundsReport& report,
                                      std::string_view language);

}  // namespace dk::http
