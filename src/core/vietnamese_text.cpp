#include "core/vietnamese_text.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <memory>

namespace dk {
namespace {

constexpr UChar32 kEthUpper = 0x00D0;
constexpr UChar32 kEthLower = 0x00F0;
constexpr UChar32 kDStrokeUpper = 0x0110;
constexpr UChar32 kDStrokeLower = 0x0111;

bool is_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);  // `c` is a valid code point and the buffer fits any
  out.append(buffer, static_cast<size_t>(length));
}

// Rebuilds `text` code point by code point: white space collapsed to one space, controls dropped,
// each other code point passed through `map` (which may return U_SENTINEL to drop it).
template <class Map>
std::string rebuild(const icu::UnicodeString& text, Map map) {
  std::string out;
  out.reserve(static_cast<size_t>(text.length()) + 8);
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0xFEFF) {
      pending_space = !out.empty();
      continue;
    }
    if (u_iscntrl(c)) continue;
    const UChar32 mapped = map(c);
    if (mapped == U_SENTINEL) continue;
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    append_utf8(out, mapped);
  }
  return out;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
  assert(U_SUCCESS(status));
  return *instance;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
  assert(U_SUCCESS(status));
  return *instance;
}

// ICU collators are not safe to share across threads for every operation; one per thread is.
icu::Collator& vietnamese_collator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> created(
        icu::Collator::createInstance(icu::Locale("vi"), status));
    assert(U_SUCCESS(status) && created);
    return created;
  }();
  return *collator;
}

void append_sort_key(std::string& out, std::string_view text) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  icu::Collator& collator = vietnamese_collator();
  uint8_t stack_buffer[256];
  int32_t length = collator.getSortKey(unicode, stack_buffer, sizeof stack_buffer);
  if (length <= static_cast<int32_t>(sizeof stack_buffer)) {
    out.append(reinterpret_cast<const char*>(stack_buffer), static_cast<size_t>(length));
    return;
  }
  std::string heap(static_cast<size_t>(length), '\0');
  collator.getSortKey(unicode, reinterpret_cast<uint8_t*>(heap.data()), length);
  out += heap;
}

}  // namespace

std::size_t count_characters(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  }
  return count;
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

// True when `text` certainly needs no work: no control bytes, single inner spaces, none at the
// ends, none of the multi-byte spaces or Eth that the slow path rewrites, and already NFC. Most
// cells of an office's file are like that, and checking costs a fraction of rebuilding them.
bool already_normal(std::string_view text) {
  if (text.empty()) return true;
  if (text.front() == ' ' || text.back() == ' ') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return false;
    if (byte == ' ' && text[i + 1] == ' ') return false;
    if (byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF) return false;  // spaces, BOM
    if (byte == 0xC3 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) == 0x90 ||
         static_cast<unsigned char>(text[i + 1]) == 0xB0)) {
      return false;  // Ð, ð
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc().isNormalizedUTF8(text, status);
  return U_SUCCESS(status) && normalized;
}

}  // namespace

std::string normalize_text(std::string_view text) {
  if (already_normal(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  if (is_ascii(text)) {
    return rebuild(icu::UnicodeString::fromUTF8(text), [](UChar32 c) { return c; });
  }
  const icu::UnicodeString composed = nfc().normalize(icu::UnicodeString::fromUTF8(text), status);
  return rebuild(composed, [](UChar32 c) {
    if (c == kEthUpper) return kDStrokeUpper;
    if (c == kEthLower) return kDStrokeLower;
    return c;
  });
}

std::string to_upper_vietnamese(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.toUpper(icu::Locale("vi"));
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::string fold_for_search(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      is_ascii(text) ? icu::UnicodeString::fromUTF8(text)
                     : nfd().normalize(icu::UnicodeString::fromUTF8(text), status);
  return rebuild(decomposed, [](UChar32 c) -> UChar32 {
    if (c == kDStrokeUpper || c == kDStrokeLower || c == kEthUpper || c == kEthLower) return 'd';
    if (u_charType(c) == U_NON_SPACING_MARK) return U_SENTINEL;
    return u_tolower(c);
  });
}

PersonName split_full_name(std::string_view full_name) {
  PersonName name;
  const size_t first_space = full_name.find(' ');
  if (first_space == std::string_view::npos) {
    name.given = std::string(full_name);
    return name;
  }
  const size_t last_space = full_name.rfind(' ');
  name.family = std::string(full_name.substr(0, first_space));
  name.given = std::string(full_name.substr(last_space + 1));
  if (last_space > first_space) {
    name.middle = std::string(full_name.substr(first_space + 1, last_space - first_space - 1));
  }
  return name;
}

std::string name_sort_key(const PersonName& name) {
  // Each ICU sort key ends with a zero byte and holds none before it, so keys laid end to end
  // compare as the tuple (given, middle, family) does.
  std::string key;
  append_sort_key(key, name.given);
  append_sort_key(key, name.middle);
  append_sort_key(key, name.family);
  return key;
}

NameKeys person_name_keys(std::string_view full_name) {
  return {lower_case(full_name), fold_for_search(full_name),
          name_sort_key(split_full_name(full_name))};
}

std::string collation_key(std::string_view text) {
  std::string key;
  append_sort_key(key, text);
  return key;
}

std::string lower_case(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  std::string out;
  unicode.toLower(icu::Locale("vi")).toUTF8String(out);
  return out;
}

std::string title_case_name(std::string_view name) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(name);
  std::string out;
  out.reserve(name.size());
  bool word_start = true;
  for (int32_t i = 0; i < unicode.length();) {
    const UChar32 c = unicode.char32At(i);
    i += U16_LENGTH(c);
    append_utf8(out, word_start ? u_toupper(c) : u_tolower(c));
    word_start = (c == ' ' || c == '-');
  }
  return out;
}

std::vector<std::string> search_words(std::string_view folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    std::string word(folded.substr(start, end - start));
    if (!word.empty() && std::ranges::find(words, word) == words.end())
      words.push_back(std::move(word));
    start = end + 1;
  }
  return words;
}

std::string combination_key(std::vector<std::string> words) {
  std::ranges::sort(words);
  std::string key = "~";
  for (const std::string& word : words) {
    if (key.size() > 1) key += ' ';
    key += word;
  }
  return key;
}

namespace {

// The words that combine: the distinct words but the long-name key.
std::vector<std::string> combined_words(std::string_view folded) {
  std::vector<std::string> words = search_words(folded);
  std::erase(words, std::string(kLongNameKey));
  return words;
}

}  // namespace

std::vector<std::string> word_combinations(std::string_view folded) {
  std::vector<std::string> words = combined_words(folded);
  if (words.size() < 2) return {};
  if (words.size() > kMostCombinedWords) return {std::string(kLongNameKey)};
  std::vector<std::string> keys;
  for (std::size_t a = 0; a < words.size(); ++a) {
    for (std::size_t b = a + 1; b < words.size(); ++b) {
      keys.push_back(combination_key({words[a], words[b]}));
      for (std::size_t c = b + 1; c < words.size(); ++c)
        keys.push_back(combination_key({words[a], words[b], words[c]}));
    }
  }
  return keys;
}

std::vector<std::string> index_words(std::string_view folded) {
  std::vector<std::string> rows = combined_words(folded);
  for (std::string& key : word_combinations(folded)) rows.push_back(std::move(key));
  return rows;
}

}  // namespace dk
