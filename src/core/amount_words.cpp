#include "core/amount_words.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace dk {
namespace {

constexpr std::uint64_t kBillion = 1'000'000'000;

// The magnitude of an amount, also of the most negative one (whose negation overflows).
std::uint64_t magnitude(Dong amount) {
  return amount < 0 ? static_cast<std::uint64_t>(-(amount + 1)) + 1
                    : static_cast<std::uint64_t>(amount);
}

void append_word(std::string& out, std::string_view word) {
  if (!out.empty()) out.push_back(' ');
  out += word;
}

// Every word of a reading starts with an ASCII letter ("Âm" is added after), so capitalising the
// first byte is enough.
// In place: GCC 12 at -O3 warns of an uninitialised read when the string is moved through.
void capitalize(std::string& text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
}

// --- Vietnamese ---

constexpr std::array<std::string_view, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                      "năm",   "sáu", "bảy", "tám", "chín"};

// Three digits (0–999). `in_full` reads the hundreds even when they are zero, as a group that
// follows a larger one must be read ("một nghìn không trăm linh năm", never "một nghìn linh năm").
void append_group(std::string& out, unsigned group, bool in_full) {
  const unsigned hundreds = group / 100;
  const unsigned tens = group / 10 % 10;
  const unsigned units = group % 10;
  const bool hundreds_read = hundreds > 0 || in_full;
  if (hundreds_read) {
    append_word(out, kDigits[hundreds]);
    append_word(out, "trăm");
  }
  if (tens == 0) {
    if (units == 0) return;
    // A zero tens digit between a hundred and a unit is read "linh" (một trăm linh năm).
    if (hundreds_read) append_word(out, "linh");
    append_word(out, kDigits[units]);
    return;
  }
  if (tens == 1) {
    append_word(out, "mười");
  } else {
    append_word(out, kDigits[tens]);
    append_word(out, "mươi");
  }
  // After "mười"/"mươi" a five is "lăm" (mười lăm); after "mươi" a one is "mốt" (hai mươi mốt,
  // but mười một) and a four "tư" (hai mươi tư, but mười bốn).
  if (units == 0) return;
  if (units == 5) {
    append_word(out, "lăm");
  } else if (units == 1 && tens >= 2) {
    append_word(out, "mốt");
  } else if (units == 4 && tens >= 2) {
    append_word(out, "tư");
  } else {
    append_word(out, kDigits[units]);
  }
}

// A number above zero. Below a billion it is up to three groups (triệu, nghìn, units); a larger
// number is its count of billions, read the same way, then "tỷ" and the rest (a thousand billion
// is "một nghìn tỷ", as Vietnamese say it, not a new word). `in_full`: a larger group comes first.
void append_number(std::string& out, std::uint64_t number, bool in_full) {
  if (number >= kBillion) {
    append_number(out, number / kBillion, in_full);
    append_word(out, "tỷ");
    number %= kBillion;
    in_full = true;
  }
  constexpr std::array<std::string_view, 3> kScales = {"triệu", "nghìn", ""};
  constexpr std::array<std::uint64_t, 3> kSizes = {1'000'000, 1'000, 1};
  for (std::size_t i = 0; i < kScales.size(); ++i) {
    const auto group = static_cast<unsigned>(number / kSizes[i] % 1000);
    // A group of zeros is not read at all (một triệu không trăm linh năm, not "… không nghìn …").
    if (group == 0) continue;
    append_group(out, group, in_full);
    if (!kScales[i].empty()) append_word(out, kScales[i]);
    in_full = true;
  }
}

// --- English ---

constexpr std::array<std::string_view, 20> kEnglishSmall = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kEnglishTens = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 7> kEnglishScales = {
    "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"};

// Three digits (1–999), without "and", as cheques write them in the United States.
void append_english_group(std::string& out, unsigned group) {
  if (group >= 100) {
    append_word(out, kEnglishSmall[group / 100]);
    append_word(out, "hundred");
    group %= 100;
  }
  if (group == 0) return;
  if (group < 20) {
    append_word(out, kEnglishSmall[group]);
    return;
  }
  std::string tens(kEnglishTens[group / 10]);
  if (group % 10 != 0) tens += "-" + std::string(kEnglishSmall[group % 10]);
  append_word(out, tens);
}

}  // namespace

std::string amount_in_words(Dong amount) {
  std::string words;
  if (amount == 0) {
    words = "không";
  } else {
    append_number(words, magnitude(amount), false);
  }
  if (amount < 0) return "Âm " + words + " đồng";
  capitalize(words);
  return words + " đồng";
}

std::string amount_in_english_words(Dong amount) {
  std::uint64_t number = magnitude(amount);
  std::string words;
  if (number == 0) {
    words = "zero";
  } else {
    std::array<unsigned, kEnglishScales.size()> groups{};
    for (auto& group : groups) {
      group = static_cast<unsigned>(number % 1000);
      number /= 1000;
    }
    for (std::size_t i = groups.size(); i-- > 0;) {
      if (groups[i] == 0) continue;
      append_english_group(words, groups[i]);
      if (!kEnglishScales[i].empty()) append_word(words, kEnglishScales[i]);
    }
  }
  if (amount < 0) words = "minus " + words;
  capitalize(words);
  return words + " dong";
}

}  // namespace dk
