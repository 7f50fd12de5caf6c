#include "io/bank_statement.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

#include "core/text_limits.hpp"
#include "core/vietnamese_text.hpp"

namespace dk::io {
namespace {

enum class Field { date, amount, credit, debit, reference, counterparty, bank_reference };
constexpr std::size_t kFieldCount = 7;

// The column names banks write, folded (no diacritics, lower case, punctuation and anything in
// parentheses dropped), in order of preference: a statement with both a transaction date and a
// value date ("Ngày hiệu lực") is read by the transaction date.
struct FieldNames {
  Field field;
  std::array<std::string_view, 16> names;
};
constexpr FieldNames kFieldNames[] = {
    {Field::date,
     {"ngay giao dich", "ngay gd", "transaction date", "ngay", "date", "thoi gian giao dich",
      "thoi gian", "ngay gio giao dich", "ngay hach toan", "posting date", "ngay thuc hien",
      "ngay hieu luc", "value date", "effective date"}},
    {Field::amount,
     {"so tien", "amount", "so tien giao dich", "transaction amount", "so tien phat sinh"}},
    {Field::credit,
     {"ghi co", "co", "credit", "so tien ghi co", "credit amount", "phat sinh co", "so tien co",
      "tien vao"}},
    {Field::debit,
     {"ghi no", "no", "debit", "so tien ghi no", "debit amount", "phat sinh no", "so tien no",
      "tien ra"}},
    {Field::reference,
     {"noi dung", "dien giai", "noi dung giao dich", "mo ta", "description", "reference", "details",
      "noi dung chuyen khoan", "chi tiet giao dich", "transaction details", "remark", "remarks",
      "narrative"}},
    {Field::counterparty,
     {"nguoi chuyen", "ten nguoi chuyen", "doi tac", "ten doi ung", "counterparty", "payer",
      "ten tai khoan doi ung", "nguoi gui", "ten nguoi gui", "payer name", "counterparty name",
      "tai khoan doi ung", "so tai khoan doi ung", "counterparty account"}},
    {Field::bank_reference,
     {"so but toan", "ma giao dich", "so tham chieu", "ma gd", "transaction id", "ref no",
      "so giao dich", "so gd", "ma tham chieu", "reference no", "reference number",
      "transaction no", "transaction number", "so chung tu", "so ct"}},
};

// A header as a key: "Số tiền ghi có (VND)" and "SO TIEN GHI CO:" are both "so tien ghi co".
std::string header_key(std::string_view header) {
  std::string folded = fold_for_search(header);
  folded.resize(std::min(folded.find('('), folded.size()));
  std::string key;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key.push_back(c);
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  if (key.ends_with(' ')) key.pop_back();
  for (const std::string_view unit : {" vnd", " vnđ"}) {
    if (key.ends_with(unit)) key.resize(key.size() - unit.size());
  }
  return key;
}

struct Columns {
  std::array<std::optional<std::size_t>, kFieldCount> index;
  std::vector<std::string> headers;  // as written, for messages

  std::optional<std::size_t> of(Field field) const {
    return index[static_cast<std::size_t>(field)];
  }
  const std::string& header(Field field) const { return headers[*of(field)]; }
};

// The columns of a header row, or nothing when the row is not the header: it needs a date and an
// amount (or a credit or debit) column. Each field takes its most preferred name, then the
// leftmost column.
std::optional<Columns> find_columns(const std::vector<std::string>& cells) {
  Columns columns;
  std::array<std::size_t, kFieldCount> rank{};
  for (std::size_t column = 0; column < cells.size(); ++column) {
    columns.headers.push_back(normalize_text(cells[column]));
    const std::string key = header_key(columns.headers.back());
    if (key.empty()) continue;
    // "Có" and "Nợ" only count with their marks: "No." is the row number of English exports.
    const bool bare_short_name =
        (key == "co" || key == "no") &&
        lower_case(columns.headers.back()).find(key == "co" ? "có" : "nợ") == std::string::npos;
    if (bare_short_name) continue;
    for (const FieldNames& names : kFieldNames) {
      const auto found = std::ranges::find(names.names, key);
      if (found == names.names.end()) continue;
      const auto field = static_cast<std::size_t>(names.field);
      const auto preference = static_cast<std::size_t>(found - names.names.begin());
      if (!columns.index[field] || preference < rank[field]) {
        columns.index[field] = column;
        rank[field] = preference;
      }
    }
  }
  const bool has_amount =
      columns.of(Field::amount) || columns.of(Field::credit) || columns.of(Field::debit);
  if (!columns.of(Field::date) || !has_amount) return std::nullopt;
  return columns;
}

std::string cell_text(const std::vector<std::string>& cells, std::optional<std::size_t> column) {
  return column && *column < cells.size() ? normalize_text(cells[*column]) : std::string();
}

bool is_blank(const std::vector<std::string>& cells) {
  return std::ranges::all_of(cells, [](const std::string& cell) {
    return cell.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

// Whether a key begins with `phrase` as whole words.
bool starts_with_words(std::string_view key, std::string_view phrase) {
  return key.starts_with(phrase) && (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

// A row that totals or balances the statement rather than records a transaction, told by its
// label in its first filled cell or in the reference column ("Tổng cộng", "Cộng phát sinh",
// "Số dư cuối kỳ", "Total", "Closing balance").
bool is_summary_row(const std::vector<std::string>& cells, const Columns& columns) {
  constexpr std::string_view kLabels[] = {
      "tong",     "cong",      "cong phat sinh", "so du",           "total",          "totals",
      "subtotal", "sub total", "balance",        "opening balance", "closing balance"};
  std::vector<std::string> labels;
  const auto first = std::ranges::find_if(cells, [](const std::string& cell) {
    return cell.find_first_not_of(" \t\r\n") != std::string::npos;
  });
  if (first != cells.end()) labels.push_back(header_key(*first));
  labels.push_back(header_key(cell_text(cells, columns.of(Field::reference))));
  return std::ranges::any_of(labels, [&](const std::string& label) {
    return std::ranges::any_of(
        kLabels, [&](std::string_view word) { return starts_with_words(label, word); });
  });
}

// A dated row that states a balance or a total (banks print "30/11/2026 … Số dư cuối kỳ"): told
// by its description only, and only by phrases no transfer note begins with — "Tống" is a family
// name and "Công đoàn" a payer, so "tong" and "cong" alone do not count here.
bool is_dated_summary_row(const std::vector<std::string>& cells, const Columns& columns) {
  constexpr std::string_view kLabels[] = {
      "so du",    "tong cong", "cong phat sinh", "total",           "totals",
      "subtotal", "sub total", "balance",        "opening balance", "closing balance"};
  const std::string label = header_key(cell_text(cells, columns.of(Field::reference)));
  return std::ranges::any_of(kLabels,
                             [&](std::string_view word) { return starts_with_words(label, word); });
}

// A date as banks write it, optionally followed by a time ("15/03/2026 10:22:33",
// "2026-03-15T10:22:33+07:00", "15/03/2026 10:22 SA").
std::optional<CivilDate> parse_booking_date(std::string_view text) {
  const std::size_t end = std::min(text.find_first_of(" T"), text.size());
  const auto date = parse_civil_date(text.substr(0, end));
  if (!date || end == text.size()) return date;
  std::string time = fold_for_search(text.substr(end + 1));
  for (const std::string_view marker : {" am", " pm", " sa", " ch", "z"}) {
    if (time.ends_with(marker)) time.resize(time.size() - marker.size());
  }
  const bool looks_like_time = time.find(':') != std::string::npos &&
                               time.find_first_not_of("0123456789:.+- ") == std::string::npos;
  return looks_like_time ? date : std::nullopt;
}

Error line_error(std::uint64_t line, const std::string& column, std::string code, std::string vi,
                 std::string en) {
  return Error{ErrorKind::invalid_input, std::move(code), Text{std::move(vi), std::move(en)},
               Location{line, column}};
}

// The amount of a row: the signed amount column, or the credit (money in) or the debit (money
// out) column. A zero in the other column is how many banks write "nothing".
Result<Dong> row_amount(const std::vector<std::string>& cells, const Columns& columns,
                        std::uint64_t line) {
  struct Read {
    std::optional<Dong> value;  // nothing: empty or zero
    std::string header;
  };
  auto read = [&](Field field) -> Result<Read> {
    Read read_value;
    if (!columns.of(field)) return read_value;
    read_value.header = columns.header(field);
    const std::string text = cell_text(cells, columns.of(field));
    if (text.empty()) return read_value;
    auto amount = parse_dong(text);
    if (!amount) {
      return std::unexpected(line_error(line, read_value.header, "statement.amount_invalid",
                                        amount.error().message.vi, amount.error().message.en));
    }
    if (*amount != 0) read_value.value = *amount;
    return read_value;
  };
  if (columns.of(Field::amount) && !columns.of(Field::credit) && !columns.of(Field::debit)) {
    auto amount = read(Field::amount);
    if (!amount) return std::unexpected(amount.error());
    if (amount->value) return *amount->value;
    if (!cell_text(cells, columns.of(Field::amount)).empty()) return 0;
    return std::unexpected(line_error(line, amount->header, "statement.amount_missing",
                                      "Thiếu số tiền.", "The amount is missing."));
  }
  auto credit = TRY(read(Field::credit));
  auto debit = read(Field::debit);
  if (!debit) return std::unexpected(debit.error());
  const std::string& where = credit.header.empty() ? debit->header : credit.header;
  if (credit.value && debit->value) {
    return std::unexpected(line_error(
        line, where, "statement.amount_both",
        fmt::format("Dòng có cả số ghi có ({}) và số ghi nợ ({}); mỗi giao dịch chỉ có một.",
                    format_dong(*credit.value), format_dong(*debit->value)),
        fmt::format("The line has both a credit ({}) and a debit ({}); a transaction has one.",
                    format_dong(*credit.value), format_dong(*debit->value))));
  }
  if (credit.value) return *credit.value;
  // A debit is money out, whether the bank writes it with a minus or not.
  if (debit->value) return *debit->value < 0 ? *debit->value : -*debit->value;
  return std::unexpected(line_error(line, where, "statement.amount_missing",
                                    "Dòng không có số ghi có cũng không có số ghi nợ.",
                                    "The line has neither a credit nor a debit."));
}

std::string date_error_text(std::string_view text, std::string_view language) {
  if (language == "vi") {
    return text.empty()
               ? "Thiếu ngày giao dịch."
               : fmt::format("“{}” không phải là ngày (viết dd/mm/yyyy, ví dụ 15/03/2026).", text);
  }
  return text.empty()
             ? "The transaction date is missing."
             : fmt::format("“{}” is not a date (write dd/mm/yyyy, e.g. 15/03/2026).", text);
}

std::string hex(std::span<const unsigned char> bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char byte : bytes) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0F]);
  }
  return out;
}

// Fields laid end to end with their lengths, so that no two different lists give one text.
void append_field(std::string& key, std::string_view field) {
  key += std::to_string(field.size());
  key += ':';
  key += field;
}

}  // namespace

Result<std::vector<StatementLine>> read_bank_statement(const std::filesystem::path& path,
                                                       const ReadOptions& options,
                                                       std::size_t max_lines) {
  auto reader = TRY(open_table(path, options));
  // Banks put a few title rows above the header (the bank, the account, the period); a file
  // whose first rows hold no header is not a statement.
  constexpr std::uint64_t kMaxRowsBeforeHeader = 50;
  std::uint64_t rows_before_header = 0;
  std::optional<Columns> columns;
  std::vector<StatementLine> lines;
  TableRow row;
  for (;;) {
    auto more = TRY(reader->next(row));
    if (!more) break;
    if (!columns) {
      columns = find_columns(row.cells);
      if (!columns && ++rows_before_header >= kMaxRowsBeforeHeader) break;
      continue;
    }
    if (is_blank(row.cells)) continue;

    const std::string date_text = cell_text(row.cells, columns->of(Field::date));
    const auto booked_on = parse_booking_date(date_text);
    if (!booked_on) {
      // A row without a date is a total, a balance or a footer (a signature, the place and day
      // of signing) unless it holds an amount: money is never dropped silently.
      const bool holds_amount = std::ranges::any_of(
          std::array{Field::amount, Field::credit, Field::debit}, [&](Field field) {
            const auto amount = parse_dong(cell_text(row.cells, columns->of(field)));
            return amount && *amount != 0;
          });
      if (!holds_amount || is_summary_row(row.cells, *columns)) continue;
      return std::unexpected(line_error(row.line, columns->header(Field::date),
                                        "statement.date_invalid", date_error_text(date_text, "vi"),
                                        date_error_text(date_text, "en")));
    }
    if (is_dated_summary_row(row.cells, *columns)) continue;
    auto amount = row_amount(row.cells, *columns, row.line);
    if (!amount) {
      if (is_summary_row(row.cells, *columns)) continue;
      return std::unexpected(amount.error());
    }
    if (lines.size() == max_lines) {
      return fail(
          ErrorKind::invalid_input, "statement.too_many_lines",
          fmt::format("Sao kê có hơn {} giao dịch; hãy xuất từng khoảng thời gian ngắn hơn.",
                      max_lines),
          fmt::format("The statement has more than {} transactions; export shorter "
                      "periods one at a time.",
                      max_lines),
          Location{row.line, ""});
    }
    StatementLine read{
        .line = row.line,
        .booked_on = *booked_on,
        .amount = *amount,
        .reference = cell_text(row.cells, columns->of(Field::reference)),
        .counterparty = cell_text(row.cells, columns->of(Field::counterparty)),
        .bank_reference = cell_text(row.cells, columns->of(Field::bank_reference)),
    };
    // What the bank wrote ends up in the ledger (a giver's name, a transfer's description).
    for (const auto& [text, kind, field] :
         {std::tuple{&read.reference, TextKind::prose, Field::reference},
          std::tuple{&read.counterparty, TextKind::line, Field::counterparty},
          std::tuple{&read.bank_reference, TextKind::line, Field::bank_reference}}) {
      // Only a column that is there gives text.
      if (!text->empty()) TRY(check_text_length(*text, kind, columns->header(field), row.line));
    }
    lines.push_back(std::move(read));
  }
  if (!columns) {
    return fail(ErrorKind::invalid_input, "statement.no_header",
                "Không tìm thấy dòng tiêu đề của sao kê: cần một cột ngày (“Ngày giao dịch”) và "
                "một cột số tiền (“Số tiền”, hoặc “Ghi có” và “Ghi nợ”).",
                "The statement's header row was not found: it needs a date column (“Ngày giao "
                "dịch”, “Date”) and an amount column (“Số tiền”, “Amount”, or “Credit” and "
                "“Debit”).");
  }
  return lines;
}

std::vector<std::string> statement_fingerprints(std::span<const StatementLine> lines) {
  std::map<std::string, std::size_t> seen;
  std::vector<std::string> fingerprints;
  fingerprints.reserve(lines.size());
  for (const StatementLine& line : lines) {
    // The content only, never the bank's transaction number: one export has that column and
    // another of the same days does not, and the same transfer must be known in both.
    std::string key;
    append_field(key, fold_for_search(line.reference));
    append_field(key, fold_for_search(line.counterparty));
    append_field(key, format_iso(line.booked_on));
    append_field(key, std::to_string(line.amount));
    const std::size_t occurrence = seen[key]++;
    append_field(key, std::to_string(occurrence));
    // SHA-256 needs no sodium_init: it has a single implementation, chosen at build time.
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(key.data()),
                       key.size());
    fingerprints.push_back(hex(digest));
  }
  return fingerprints;
}

}  // namespace dk::io
