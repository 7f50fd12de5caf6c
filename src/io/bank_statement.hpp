#pragma once
// Reading a bank's statement export (sao kê tài khoản), CSV or XLSX, as Vietnamese banks write it:
// title rows above the header, Vietnamese or English column names, one signed amount column or
// separate credit and debit columns, dates with or without a time, and totals at the foot.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "io/table_reader.hpp"

namespace dk::io {

struct StatementLine {
  std::uint64_t line = 0;  // line in the file
  CivilDate booked_on;
  Dong amount = 0;             // money in is positive, money out negative
  std::string reference;       // the transfer note (normalized NFC text)
  std::string counterparty;    // payer's name/account as the bank gives it, may be empty
  std::string bank_reference;  // the bank's own transaction number, may be empty
};

// Reads every transaction of a statement, in the file's order. The header row is found by its
// column names (Vietnamese or English, with or without diacritics, any case): the rows above it
// (the bank's name, the account, the period) are skipped, and so are rows at the foot that are
// totals or balances ("Tổng cộng", "Total", "Số dư cuối kỳ") or that hold no amount signatures.
// Columns:
//   date          "Ngày giao dịch", "Ngày GD", "Ngày", "Ngày hiệu lực", "Date", "Transaction date"
//                 (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd, optionally with a time)
//   amount        "Số tiền", "Amount" (signed), or "Ghi có"/"Có"/"Credit" and
//                 "Ghi nợ"/"Nợ"/"Debit" (money in and out, one of them filled)
//   reference     "Nội dung", "Diễn giải", "Mô tả", "Description", "Reference", "Details"
//   counterparty  "Người chuyển", "Tên đối ứng", "Đối tác", "Counterparty", "Payer"
//   bank number   "Số bút toán", "Mã giao dịch", "Số tham chiếu", "Transaction ID", "Ref No"
// Every problem is an invalid_input error located by line and column: "statement.no_header",
// "statement.date_invalid", "statement.amount_invalid", "statement.amount_missing" (neither
// credit nor debit), "statement.amount_both" (credit and debit), "statement.too_many_lines";
// errors of the file itself come from open_table.
Result<std::vector<StatementLine>> read_bank_statement(const std::filesystem::path& path,
                                                       const ReadOptions& options = {},
                                                       std::size_t max_lines = 100000);

// A stable identity for each line, so that a line already imported is never booked twice: hex
// SHA-256 of the date, the amount, the folded reference and the folded counterparty — not the
// bank's number, which one export has and another of the same days lacks (the service also
// matches lines by that number, with the date and amount, when both have it); each with its
// occurrence among identical earlier lines of the same statement, so that two equal gifts on one
// day are two lines, while importing the file again, or a later export that overlaps it by whole
// days, gives the same fingerprints.
std::vector<std::string> statement_fingerprints(std::span<const StatementLine> lines);

}  // namespace dk::io
