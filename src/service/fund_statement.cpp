// The public statement (sao kê) of a fund, on screen and as a spreadsheet, and a donation's
// receipt: what every member can check, to the đồng.

#include "service/fund_statement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/amount_words.hpp"
#include "core/money.hpp"
#include "io/receipt_pdf.hpp"
#include "io/table_writer.hpp"
#include "service/donations.hpp"
#include "service/fund_ledger.hpp"
#include "service/funds.hpp"
#include "service/refusal.hpp"
#include "service/temporary_file.hpp"
#include "store/fund_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// What an entry moves into and out of one fund's money (cash and bank together).
Result<std::pair<Dong, Dong>> movement(const LedgerEntry& entry, Id fund) {
  Dong change = 0;
  for (const LedgerLine& line : entry.lines) {
    if (line.fund_id == fund &&
        (line.account == LedgerAccount::cash || line.account == LedgerAccount::bank))
      TRY(add_to(change, line.amount));
  }
  if (change == std::numeric_limits<Dong>::min()) return std::unexpected(total_too_large());
  return change >= 0 ? std::pair{change, Dong{0}} : std::pair{Dong{0}, -change};
}

std::string label(std::string_view vi, std::string_view en, std::string_view language) {
  return std::string(language == "en" ? en : vi);
}

// The row's counterparty as the public reads it on fund `fund`: the giver, the one paid, or the
// other fund of a transfer (where it went on the sender's statement, where it came from on the
// receiver's); empty for an anonymous gift.
std::string counterparty_of(const LedgerEntry& entry, Id fund, const std::vector<Fund>& funds) {
  if (entry.anonymous) return "";
  if (entry.to_fund_id) {
    const Id other = entry.fund_id == fund ? *entry.to_fund_id : entry.fund_id;
    auto found = std::ranges::find(funds, other, &Fund::id);
    return found == funds.end() ? "" : found->name;
  }
  if (!entry.beneficiary.empty() &&
      (entry.kind == EntryKind::disbursement || entry.payer_name.empty()))
    return entry.beneficiary;
  return entry.payer_name;
}

std::string agency_name(store::SqlConnection& connection, Id tenant) {
  auto agencies = store::RegistryStore(connection).list_agencies();
  if (!agencies) return "";
  auto found = std::ranges::find(*agencies, tenant, &Agency::id);
  return found == agencies->end() ? "" : found->name;
}

}  // namespace

Result<FundStatement> fund_statement(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto record = TRY(read_fund(connection, actor, id));
  store::FundStore store(connection);
  auto entries = store.entries(actor.principal.tenant, id);
  if (!entries) return std::unexpected(entries.error());
  auto funds = TRY(store.list_funds(actor.principal.tenant, std::nullopt, std::nullopt));
  FundStatement statement;
  statement.fund = std::move(record);
  // In the order the entries were recorded, which is the order the money moved as far as the
  // ledger knows: ordered by the dates written on them, a gift noted with a later date than a
  // payment it paid for would show the fund below zero in between.
  Dong balance = 0;
  for (LedgerEntry& entry : *entries) {
    auto [in, out] = TRY(movement(entry, id));
    if (in == 0 && out == 0) continue;  // pledges, and moves between cash and bank
    TRY(add_to(balance, in - out));
    // The public statement names no anonymous giver, whoever reads it.
    if (entry.anonymous) {
      entry.payer_name.clear();
      entry.person_id.reset();
      entry.unit_id.reset();
    }
    std::string counterparty = counterparty_of(entry, id, funds);
    statement.rows.push_back({std::move(entry), in, out, balance, std::move(counterparty)});
  }
  return statement;
}

Result<FundFile> fund_statement_xlsx(store::SqlConnection& connection, const Actor& actor, Id id,
                                     std::string_view language) {
  auto statement = TRY(fund_statement(connection, actor, id));
  auto temporary = TRY(TemporaryFile::create(".xlsx"));
  auto writer = TRY(io::make_xlsx_writer(temporary.path(), label("Sao kê", "Statement", language)));
  auto write = [&](const std::vector<io::Cell>& cells) { return writer->write_row(cells); };
  // A movement the entry does not make is an empty cell, not a 0, as on a paper statement.
  auto money = [](Dong amount) { return amount != 0 ? io::Cell::money(amount) : io::Cell(); };
  const bool en = language == "en";
  if (auto done =
          write({en ? "Date" : "Ngày", en ? "Entry" : "Số bút toán", en ? "Receipt" : "Số phiếu",
                 en ? "Kind" : "Loại", en ? "Counterparty" : "Người nộp / nơi nhận",
                 en ? "Details" : "Nội dung", en ? "In (đồng)" : "Thu (đồng)",
                 en ? "Out (đồng)" : "Chi (đồng)", en ? "Balance (đồng)" : "Số dư (đồng)",
                 en ? "Recorded by" : "Người ghi", en ? "Approved by" : "Người duyệt"});
      !done)
    return std::unexpected(done.error());
  // The totals row adds up its columns, so that it says what a treasurer's own sum of them says:
  // a reversed gift is in both (the fund's totals net it out of what was received).
  Dong in = 0;
  Dong out = 0;
  for (const StatementRow& row : statement.rows) {
    TRY(add_to(in, row.money_in));
    TRY(add_to(out, row.money_out));
    const LedgerEntry& entry = row.entry;
    std::string details = entry.memo;
    if (entry.reverses_id)
      details = fmt::format("{} {}: {}", en ? "Reverses entry" : "Đảo bút toán", *entry.reverses_id,
                            entry.memo);
    TRY(write({io::Cell::date(entry.occurred_on), io::Cell::integer(entry.id),
               entry.receipt_number.value_or(""), label_of(entry.kind).in(language),
               entry.anonymous ? label("ẩn danh", "anonymous", language) : row.counterparty,
               details, money(row.money_in), money(row.money_out), io::Cell::money(row.balance),
               entry.recorder.full_name, entry.approver ? entry.approver->full_name : ""}));
  }
  if (auto done = write({"", "", "", "", "", en ? "Totals" : "Cộng", io::Cell::money(in),
                         io::Cell::money(out),
                         io::Cell::money(statement.fund.totals.balance.holdings()), "", ""});
      !done)
    return std::unexpected(done.error());
  TRY(writer->finish());
  auto content = TRY(temporary.read());
  return FundFile{std::move(content), fmt::format("sao-ke-quy-{}-{}.xlsx", id,
                                                  format_iso(vietnam_date(actor.clock())))};
}

Result<FundFile> donation_receipt_pdf(store::SqlConnection& connection, const Actor& actor, Id id,
                                      std::string_view language) {
  auto entry = TRY(read_entry(connection, actor, id));
  if (entry.kind != EntryKind::donation || !entry.receipt_number) {
    return fail(ErrorKind::not_found, "funds.no_receipt", "Bút toán này không có phiếu thu.",
                "This entry has no receipt.");
  }
  auto fund = read_fund(connection, actor, entry.fund_id);
  if (!fund) return std::unexpected(fund.error());
  const bool en = language == "en";
  io::ReceiptDocument receipt;
  receipt.language = en ? "en" : "vi";
  receipt.agency_name = agency_name(connection, actor.principal.tenant);
  if (!fund->organizations.empty()) receipt.organization_name = fund->organizations.front().name;
  receipt.number = *entry.receipt_number;
  receipt.issued_on = format_vietnamese(entry.occurred_on);
  receipt.payer = entry.anonymous ? label("Ẩn danh", "Anonymous", language) : entry.payer_name;
  if (entry.unit_id && !entry.anonymous && entry.payer_kind == PayerKind::person) {
    auto unit =
        store::RegistryStore(connection).find_unit_by_id(actor.principal.tenant, *entry.unit_id);
    if (unit && *unit) receipt.payer_unit = (*unit)->name;
  }
  receipt.fund_name = fund->fund.name;
  receipt.purpose = fund->fund.purpose;
  receipt.amount_figures = format_dong(entry.amount);
  receipt.amount_words = en ? amount_in_english_words(entry.amount) : amount_in_words(entry.amount);
  receipt.method = entry.method ? label_of(*entry.method).in(language) : "";
  receipt.reference = entry.reference;
  receipt.recorded_by = entry.recorder.full_name;
  if (entry.reversed_by) {
    auto reversal = TRY(existing_entry(connection, actor, *entry.reversed_by));
    receipt.reversed_note = en ? fmt::format("CANCELLED – reversed by entry {} on {}", reversal.id,
                                             format_vietnamese(reversal.occurred_on))
                               : fmt::format("ĐÃ HỦY – bút toán đảo số {}, ngày {}", reversal.id,
                                             format_vietnamese(reversal.occurred_on));
  }
  auto pdf = TRY(io::render_receipt_pdf(receipt));
  return FundFile{std::move(pdf), receipt.number + ".pdf"};
}

}  // namespace dk::service
