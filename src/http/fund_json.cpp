#include "http/fund_json.hpp"

#include "core/instant_text.hpp"

namespace dk::http {
namespace {

template <class Value>
boost::json::value or_null(const std::optional<Value>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

template <class Enum>
boost::json::value code_or_null(const std::optional<Enum>& value) {
  return value ? boost::json::value(code_of(*value)) : boost::json::value(nullptr);
}

boost::json::value date_or_null(const std::optional<CivilDate>& date) {
  return date ? boost::json::value(format_iso(*date)) : boost::json::value(nullptr);
}

boost::json::value instant_or_null(const std::optional<Instant>& instant) {
  return instant ? boost::json::value(format_instant(*instant)) : boost::json::value(nullptr);
}

// 0 stands for "none" in the matcher's proposals.
boost::json::value id_or_null(Id id) {
  return id != 0 ? boost::json::value(id) : boost::json::value(nullptr);
}

std::string_view strength_code(MatchStrength strength) {
  switch (strength) {
    case MatchStrength::strong:
      return "strong";
    case MatchStrength::likely:
      return "likely";
    case MatchStrength::weak:
      break;
  }
  return "weak";
}

boost::json::value payer_json(const LedgerEntry& entry) {
  if (!entry.payer_kind) return nullptr;
  return boost::json::object{{"kind", code_of(*entry.payer_kind)},
                             {"person_id", or_null(entry.person_id)},
                             {"unit_id", or_null(entry.unit_id)},
                             {"name", entry.payer_name}};
}

// Who the money came from or went to, as the public statement shows it; null for an anonymous
// gift, whatever the entry holds.

}  // namespace

boost::json::value person_ref_json(const std::optional<AccountName>& account) {
  if (!account || (account->account_id == 0 && account->login.empty())) return nullptr;
  return boost::json::object{{"login", account->login}, {"full_name", account->full_name}};
}

boost::json::object fund_json(const service::FundRecord& record) {
  const Fund& fund = record.fund;
  const FundBalance& balance = record.totals.balance;
  boost::json::array organizations;
  for (const service::NamedId& organization : record.organizations)
    organizations.push_back({{"id", organization.id}, {"name", organization.name}});
  return {{"id", fund.id},
          {"kind", code_of(fund.kind)},
          {"name", fund.name},
          {"beneficiary", fund.beneficiary},
          {"purpose", fund.purpose},
          {"target", or_null(fund.target)},
          {"starts_on", format_iso(fund.starts_on)},
          {"ends_on", date_or_null(fund.ends_on)},
          {"status", code_of(fund.status)},
          {"organizations", std::move(organizations)},
          {"totals",
           {{"pledged", balance.pledged},
            {"pledge_outstanding", balance.pledge_outstanding},
            {"received", balance.received},
            {"disbursed", balance.disbursed},
            {"transferred_in", balance.transferred_in},
            {"transferred_out", balance.transferred_out},
            {"balance", balance.net()},
            {"cash", balance.cash},
            {"bank", balance.bank},
            {"pending_disbursements", record.totals.pending_disbursements},
            {"donations", record.totals.donations},
            {"donors", record.totals.donors}}},
          {"manageable", record.manageable}};
}

boost::json::object entry_json(const LedgerEntry& entry) {
  return {{"id", entry.id},
          {"fund_id", entry.fund_id},
          {"kind", code_of(entry.kind)},
          {"occurred_on", format_iso(entry.occurred_on)},
          {"recorded_at", format_instant(entry.recorded_at)},
          {"amount", entry.amount},
          {"method", code_or_null(entry.method)},
          {"payer", payer_json(entry)},
          {"anonymous", entry.anonymous},
          {"beneficiary", entry.beneficiary},
          {"memo", entry.memo},
          {"reference", entry.reference},
          {"pledge_id", or_null(entry.pledge_id)},
          {"to_fund_id", or_null(entry.to_fund_id)},
          {"reverses", or_null(entry.reverses_id)},
          {"reversed_by", or_null(entry.reversed_by)},
          {"receipt_number", or_null(entry.receipt_number)},
          {"recorded_by", person_ref_json(entry.recorder)},
          {"approved_by", person_ref_json(entry.approver)},
          {"disbursement_id", or_null(entry.disbursement_id)},
          {"statement_line_id", or_null(entry.statement_line_id)}};
}

boost::json::object pledge_json(const Pledge& pledge) {
  return {{"id", pledge.id},
          {"fund_id", pledge.fund_id},
          {"person_id", or_null(pledge.person_id)},
          {"name", pledge.payer_name},
          {"amount", pledge.amount},
          {"paid", pledge.paid()},
          {"outstanding", pledge.cancelled ? 0 : pledge.outstanding},
          {"pledged_on", format_iso(pledge.pledged_on)},
          {"note", pledge.note},
          {"status", code_of(pledge.status())}};
}

boost::json::object disbursement_json(const service::DisbursementView& view) {
  const Disbursement& request = view.request;
  return {{"id", request.id},
          {"fund_id", request.fund_id},
          {"fund_name", request.fund_name},
          {"amount", request.amount},
          {"method", code_of(request.method)},
          {"beneficiary", request.beneficiary},
          {"purpose", request.purpose},
          {"paid_on", format_iso(request.paid_on)},
          {"status", code_of(request.status)},
          {"requested_by", person_ref_json(request.requester)},
          {"requested_at", format_instant(request.requested_at)},
          {"decided_by", person_ref_json(request.decider)},
          {"decided_at", instant_or_null(request.decided_at)},
          {"reason", request.reason},
          {"entry_id", or_null(request.transaction_id)},
          {"may_decide", view.may_decide}};
}

boost::json::object statement_json(const service::FundStatement& statement,
                                   std::string_view language) {
  boost::json::array rows;
  for (const service::StatementRow& row : statement.rows) {
    const LedgerEntry& entry = row.entry;
    rows.push_back(
        {{"entry_id", entry.id},
         {"date", format_iso(entry.occurred_on)},
         {"kind", code_of(entry.kind)},
         {"counterparty",
          entry.anonymous ? boost::json::value(nullptr) : boost::json::value(row.counterparty)},
         {"anonymous", entry.anonymous},
         {"method", code_or_null(entry.method)},
         {"description", entry.memo.empty() ? label_of(entry.kind).in(language) : entry.memo},
         {"amount_in", row.money_in},
         {"amount_out", row.money_out},
         {"balance", row.balance},
         {"receipt_number", or_null(entry.receipt_number)},
         {"recorded_by", person_ref_json(entry.recorder)},
         {"approved_by", person_ref_json(entry.approver)},
         {"reverses", or_null(entry.reverses_id)}});
  }
  const FundBalance& balance = statement.fund.totals.balance;
  return {{"fund", fund_json(statement.fund)},
          {"rows", std::move(rows)},
          {"totals",
           {{"received", balance.received},
            {"disbursed", balance.disbursed},
            {"transferred_in", balance.transferred_in},
            {"transferred_out", balance.transferred_out},
            {"balance", balance.net()}}}};
}

boost::json::object statement_import_json(const service::StatementImport& import) {
  return {{"id", import.statement.id},
          {"file_name", import.statement.file_name},
          {"lines", import.lines},
          {"new_lines", import.new_lines},
          {"already_imported", import.already_imported},
          {"money_out", import.money_out}};
}

boost::json::object bank_statement_json(const BankStatement& statement) {
  return {{"id", statement.id},
          {"file_name", statement.file_name},
          {"imported_at", format_instant(statement.imported_at)},
          {"imported_by", person_ref_json(statement.importer)},
          {"lines", statement.lines},
          {"open_lines", statement.open_lines}};
}

boost::json::object statement_line_json(const service::StatementLineView& view) {
  const BankStatementLine& line = view.line;
  boost::json::array proposals;
  for (const service::LineProposal& proposal : view.proposals) {
    const MatchProposal& match = proposal.match;
    proposals.push_back(
        {{"fund_id", match.fund_id},
         {"fund_name", proposal.fund_name},
         {"pledge_id", id_or_null(match.pledge_id)},
         {"person_id", id_or_null(match.person_id)},
         {"name", proposal.name},
         {"outstanding", proposal.outstanding},
         {"strength", strength_code(match.strength)},
         {"reasons", boost::json::array(match.reasons.begin(), match.reasons.end())}});
  }
  return {{"id", line.id},
          {"line", line.line_no},
          {"booked_on", format_iso(line.booked_on)},
          {"amount", line.amount},
          {"reference", line.reference},
          {"counterparty", line.counterparty},
          {"bank_reference", line.bank_reference},
          {"status", code_of(line.status)},
          {"entry_id", or_null(line.transaction_id)},
          {"proposals", std::move(proposals)}};
}

namespace {

boost::json::object movement_json(const FundMovement& movement) {
  return {{"opening_balance", movement.opening},
          {"received", movement.received},
          {"disbursed", movement.disbursed},
          {"transferred_in", movement.transferred_in},
          {"transferred_out", movement.transferred_out},
          {"closing_balance", movement.closing}};
}

}  // namespace

boost::json::object funds_report_json(const service::FundsReport& report,
                                      std::string_view language) {
  const Text no_department{"Không thuộc phòng nào", "No department"};
  boost::json::array by_fund, by_organization, by_department, year_list;
  for (const service::FundYear& row : report.by_fund) {
    boost::json::object item = movement_json(row.movement);
    item["fund_id"] = row.fund_id;
    item["name"] = row.name;
    by_fund.push_back(std::move(item));
  }
  for (const DonationTotal& total : report.by_organization) {
    by_organization.push_back(
        {{"organization_id", total.key}, {"name", total.name}, {"received", total.received}});
  }
  for (const DonationTotal& total : report.by_unit) {
    by_department.push_back(
        {{"unit_id", id_or_null(total.key)},
         {"name", total.key == 0 && total.name.empty() ? no_department.in(language) : total.name},
         {"received", total.received}});
  }
  for (const service::YearListItem& item : report.year_list) {
    year_list.push_back({{"fund_id", item.fund_id},
                         {"text_vi", item.text.vi},
                         {"text_en", item.text.en},
                         {"amount", item.amount}});
  }
  boost::json::object result = movement_json(report.total);
  result["year"] = report.year;
  result["by_fund"] = std::move(by_fund);
  result["by_organization"] = std::move(by_organization);
  result["by_department"] = std::move(by_department);
  result["year_list"] = std::move(year_list);
  result["year_list_total"] = report.year_list_total;
  return result;
}

}  // namespace dk::http
