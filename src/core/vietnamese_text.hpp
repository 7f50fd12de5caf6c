#pragma once
// Vietnamese text as the registry needs it: one normal form for what is stored, a folded key for
// search that ignores case and diacritics (đ counts as d), and sort keys that follow the `vi`
// collation, where Đ comes after D and names sort by the given name first.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dk {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// How many characters (code points) valid UTF-8 holds, so that "mậtkhẩu" is as long as it looks:
// limits on what people type count characters, not bytes.
std::size_t count_characters(std::string_view utf8);

// The stored form: NFC, Ð (U+00D0, Icelandic Eth that old keyboards and fonts produce) read as
// Đ (U+0110) and ð as đ, control characters dropped, runs of white space (also no-break spaces)
// made one space, no space at either end. Input must be valid UTF-8.
std::string normalize_text(std::string_view text);

// The search form: lower case, without tones or marks, đ→d, one space between words.
// "NGUYỄN Thị  Đức" → "nguyen thi duc".
std::string fold_for_search(std::string_view text);

// Capitals with their tones, as a document's header writes an issuer: "Công đoàn cơ sở" →
// "CÔNG ĐOÀN CƠ SỞ". Input must be valid UTF-8.
std::string to_upper_vietnamese(std::string_view text);

// A Vietnamese full name in its three parts: family (họ) first, given name (tên) last.
struct PersonName {
  std::string family;
  std::string middle;
  std::string given;
};
PersonName split_full_name(std::string_view normalized_full_name);

// Bytes that compare (memcmp, as SQLite BLOB and PostgreSQL bytea do) in the order Vietnamese
// lists use: given name, then middle names, then family name, each with the `vi` collator.
std::string name_sort_key(const PersonName& name);

// The keys a person's name is stored with, besides the name itself.
struct NameKeys {
  std::string match;   // lower_case: people match on it (and the birth date)
  std::string search;  // fold_for_search
  std::string sort;    // name_sort_key
};
NameKeys person_name_keys(std::string_view normalized_full_name);

// The distinct words of a folded search key (fold_for_search), in order of first appearance.
std::vector<std::string> search_words(std::string_view folded);

// The rows a name has in the word index besides its words: for a name of 2 to
// kMostCombinedWords distinct words (search_words; "~*" is no word here), one key per pair and
// per triple of them, the words sorted (as bytes) and joined by a space after a '~'
// ("nguyen van duc" → "~duc nguyen", …, "~duc nguyen van"); a longer name gets the one key
// kLongNameKey instead, so that a hostile name costs a bounded number of rows. '~' sorts after
// every letter and digit, and a plain word holds no space, so that a search for a word that
// does not begin with '~' never reads a combination, and a combination is never a word.
inline constexpr std::size_t kMostCombinedWords = 6;
inline constexpr std::string_view kLongNameKey = "~*";
std::string combination_key(std::vector<std::string> words);
std::vector<std::string> word_combinations(std::string_view folded);

// Every row a name has in the word index: its distinct words (but kLongNameKey), then
// word_combinations.
std::vector<std::string> index_words(std::string_view folded);

// Bytes that compare like `text` does under the `vi` collator (for units, organizations).
std::string collation_key(std::string_view text);

// Lower case with tones and marks kept ("NGUYỄN Văn" → "nguyễn văn"): two spellings of one name
// in different case are the same name, but Đức and Dục are not.
std::string lower_case(std::string_view normalized_text);

// Title case as Vietnamese names are written ("NGUYỄN THỊ đức" → "Nguyễn Thị Đức").
std::string title_case_name(std::string_view normalized_name);

}  // namespace dk
