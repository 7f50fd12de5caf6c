#include "core/money.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

// The magnitude of an amount, also of the most negative one (whose negation overflows).
std::uint64_t magnitude(Dong amount) {
  return amount < 0 ? static_cast<std::uint64_t>(-(amount + 1)) + 1
                    : static_cast<std::uint64_t>(amount);
}

// The input as a message shows it: valid UTF-8 (the error is displayed and serialised as JSON)
// and short (a whole pasted paragraph is not repeated back).
std::string shown(std::string_view text, std::string_view folded) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = is_valid_utf8(text) ? normalize_text(text) : std::string(folded);
  if (count_characters(out) <= kMaxShown) return out;
  std::size_t characters = 0;
  std::size_t end = 0;
  for (; end < out.size(); ++end) {
    if ((static_cast<unsigned char>(out[end]) & 0xC0) != 0x80 && characters++ == kMaxShown) break;
  }
  out.resize(end);
  return out + "…";
}

std::unexpected<Error> invalid(std::string_view text, std::string_view folded) {
  const std::string what = shown(text, folded);
  return fail(ErrorKind::invalid_input, "money.invalid",
              fmt::format("“{}” không phải là số tiền (viết ví dụ 2.800.000).", what),
              fmt::format("“{}” is not an amount of money (write e.g. 2.800.000).", what));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, is_digit);
}

// Drops `affix` from the start or the end of `body` (and the space beside it), once.
bool remove_affix(std::string_view& body, std::string_view affix) {
  if (body.size() > affix.size() && body.ends_with(affix)) {
    body.remove_suffix(affix.size());
    if (body.ends_with(' ')) body.remove_suffix(1);
    return true;
  }
  if (body.size() > affix.size() && body.starts_with(affix)) {
    body.remove_prefix(affix.size());
    if (body.starts_with(' ')) body.remove_prefix(1);
    return true;
  }
  return false;
}

// How the digits are separated: thousands groups by `group` (0 when there are none) and the
// whole from a fraction by `decimal` (0 when there is no fraction).
struct Separators {
  char group = 0;
  char decimal = 0;
};

// Decides which separator groups thousands and which starts a fraction. Both a dot and a comma:
// the last one written is the decimal mark ("2.800.000,00", "2,800,000.00"). One of them only:
// written more than once it groups; once, it groups when exactly three digits follow ("1.500" is
// 1500 in Vietnam, "1,500" is 1500 to an English bank) and otherwise starts a fraction. A space
// only ever groups. Nothing when the marks contradict each other.
std::optional<Separators> find_separators(std::string_view body) {
  const std::size_t dots = static_cast<std::size_t>(std::ranges::count(body, '.'));
  const std::size_t commas = static_cast<std::size_t>(std::ranges::count(body, ','));
  const bool spaces = body.find(' ') != std::string_view::npos;
  Separators separators;
  if (dots > 0 && commas > 0) {
    const std::size_t last_dot = body.rfind('.');
    const std::size_t last_comma = body.rfind(',');
    separators.decimal = last_dot > last_comma ? '.' : ',';
    separators.group = last_dot > last_comma ? ',' : '.';
    if ((separators.decimal == '.' ? dots : commas) != 1) return std::nullopt;
  } else if (dots + commas > 0) {
    const char mark = dots > 0 ? '.' : ',';
    const std::size_t after = body.size() - body.rfind(mark) - 1;
    if (dots + commas > 1 || after == 3) {
      separators.group = mark;
    } else {
      separators.decimal = mark;
    }
  }
  if (spaces) {
    if (separators.group != 0) return std::nullopt;
    separators.group = ' ';
  }
  return separators;
}

// The digits of a whole number grouped by `group`: a first group of one to three digits, then
// groups of exactly three. Nothing when a separator is misplaced ("2.80.000").
std::optional<std::string> ungroup(std::string_view whole, char group) {
  if (group == 0) return all_digits(whole) ? std::optional(std::string(whole)) : std::nullopt;
  std::string digits;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t end = std::min(whole.find(group, start), whole.size());
    const std::string_view part = whole.substr(start, end - start);
    const bool fits = first ? (part.size() >= 1 && part.size() <= 3) : part.size() == 3;
    if (!fits || !all_digits(part)) return std::nullopt;
    digits += part;
    if (end == whole.size()) return digits;
    start = end + 1;
  }
}

}  // namespace

std::string format_dong_digits(Dong amount) {
  const std::string digits = std::to_string(magnitude(amount));
  std::string out = amount < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

std::string format_dong(Dong amount) {
  return format_dong_digits(amount) + " đ";
}

Result<Dong> parse_dong(std::string_view text) {
  // Folding trims every kind of space (a no-break space pasted from a web page included), makes
  // one space of inner runs and reads "VNĐ", "ĐỒNG" and "đ" as "vnd", "dong" and "d".
  const std::string folded = fold_for_search(text);
  if (folded.empty()) {
    return fail(ErrorKind::invalid_input, "money.invalid", "Chưa nhập số tiền.",
                "No amount was given.");
  }
  std::string_view body = folded;
  constexpr std::array<std::string_view, 4> kUnits = {"vnd", "dong", "d", "\u20AB"};
  for (const std::string_view unit : kUnits) {
    if (remove_affix(body, unit)) break;
  }
  bool negative = false;
  if (body.starts_with('+') || body.starts_with('-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  } else if (body.starts_with("\u2212")) {  // the typographic minus sign
    negative = true;
    body.remove_prefix(std::string_view("\u2212").size());
  }
  if (body.empty() || !is_digit(body.front()) || !is_digit(body.back()) ||
      body.find_first_not_of("0123456789., ") != std::string_view::npos) {
    return invalid(text, folded);
  }
  const auto separators = find_separators(body);
  if (!separators) return invalid(text, folded);
  std::string_view whole = body;
  if (separators->decimal != 0) {
    const std::size_t mark = body.rfind(separators->decimal);
    const std::string_view fraction = body.substr(mark + 1);
    whole = body.substr(0, mark);
    if (!all_digits(fraction)) return invalid(text, folded);
    if (fraction.find_first_not_of('0') != std::string_view::npos) {
      const std::string what = shown(text, folded);
      return fail(
          ErrorKind::invalid_input, "money.invalid",
          fmt::format("Số tiền “{}” có phần lẻ dưới một đồng; chỉ nhận số đồng nguyên.", what),
          fmt::format("The amount “{}” has a fraction of a đồng; only whole đồng are "
                      "accepted.",
                      what));
    }
  }
  const auto digits = ungroup(whole, separators->group);
  if (!digits) {
    const std::string what = shown(text, folded);
    return fail(ErrorKind::invalid_input, "money.invalid",
                fmt::format("Dấu phân cách hàng nghìn trong “{}” đặt sai chỗ (viết ví dụ "
                            "2.800.000).",
                            what),
                fmt::format("The thousands separators in “{}” are misplaced (write e.g. "
                            "2.800.000).",
                            what));
  }
  const std::string_view significant =
      std::string_view(*digits).substr(std::min(digits->find_first_not_of('0'), digits->size()));
  std::uint64_t value = 0;
  constexpr std::size_t kMaxDigits = 15;  // kMaxAmount has 16
  if (significant.size() <= kMaxDigits) {
    for (const char c : significant) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (significant.size() > kMaxDigits || value >= static_cast<std::uint64_t>(kMaxAmount)) {
    const std::string what = shown(text, folded);
    return fail(ErrorKind::invalid_input, "money.too_large",
                fmt::format("Số tiền “{}” quá lớn (tối đa {}).", what, format_dong(kMaxAmount - 1)),
                fmt::format("The amount “{}” is too large (at most {}).", what,
                            format_dong(kMaxAmount - 1)));
  }
  const auto signed_value = static_cast<Dong>(value);
  return negative ? -signed_value : signed_value;
}

std::optional<Dong> checked_add(Dong a, Dong b) {
  Dong sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

Error total_too_large(std::string_view field) {
  return Error{
      ErrorKind::conflict, "money.total_too_large",
      Text{fmt::format("Tổng số tiền vượt quá giới hạn của sổ quỹ ({}).",
                       format_dong(kMaxLedgerTotal)),
           fmt::format("The totals pass the ledger's limit ({}).", format_dong(kMaxLedgerTotal))},
      Location{0, std::string(field)}};
}

Status add_to(Dong& total, Dong amount) {
  const auto sum = checked_add(total, amount);
  if (!sum) return std::unexpected(total_too_large());
  total = *sum;
  return {};
}

}  // namespace dk
