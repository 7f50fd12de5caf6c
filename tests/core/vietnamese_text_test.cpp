#include "core/vietnamese_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace dk {
namespace {

TEST(NormalizeText, ComposesDecomposedVietnameseToNfc) {
  // "Nguyễn" typed as e + circumflex + tilde (NFD), as some Mac keyboards and PDFs produce.
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n";
  EXPECT_EQ(normalize_text(decomposed), "Nguyễn");
}

TEST(NormalizeText, ReadsEthAsDStroke) {
  EXPECT_EQ(normalize_text("\xC3\x90\xE1\xBB\xA9\x63"), "Đức");  // Ð (U+00D0) + ức
  EXPECT_EQ(normalize_text("\xC3\xB0i"), "đi");                  // ð (U+00F0)
}

TEST(NormalizeText, CollapsesSpacesAndDropsControls) {
  EXPECT_EQ(normalize_text("  Trần \t Thị\xC2\xA0 Hà \r\n"), "Trần Thị Hà");
  EXPECT_EQ(normalize_text("a\x01"
                           "b"),
            "ab");
  EXPECT_EQ(normalize_text(""), "");
}

TEST(FoldForSearch, DropsTonesCaseAndStroke) {
  EXPECT_EQ(fold_for_search("NGUYỄN Thị  Đức"), "nguyen thi duc");
  EXPECT_EQ(fold_for_search("Đặng Văn Dũng"), "dang van dung");
  EXPECT_EQ(fold_for_search("Ð"), "d");
  EXPECT_EQ(fold_for_search("Hoàng Sa"), "hoang sa");
}

TEST(IsValidUtf8, RejectsBrokenSequences) {
  EXPECT_TRUE(is_valid_utf8("Nguyễn Đức"));
  EXPECT_FALSE(is_valid_utf8("Nguy\xE1n"));     // Windows-1258 byte
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xE1\xBB"));      // truncated
}

TEST(SplitFullName, FamilyFirstGivenLast) {
  const auto name = split_full_name("Nguyễn Thị Minh Khai");
  EXPECT_EQ(name.family, "Nguyễn");
  EXPECT_EQ(name.middle, "Thị Minh");
  EXPECT_EQ(name.given, "Khai");
  EXPECT_EQ(split_full_name("Lan").given, "Lan");
  EXPECT_EQ(split_full_name("Lê Lan").family, "Lê");
  EXPECT_EQ(split_full_name("Lê Lan").middle, "");
}

std::vector<std::string> sorted_names(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return name_sort_key(split_full_name(a)) < name_sort_key(split_full_name(b));
  });
  return names;
}

TEST(NameSortKey, SortsByGivenThenMiddleThenFamily) {
  EXPECT_EQ(
      sorted_names({"Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Nguyễn Thị An"}),
      (std::vector<std::string>{"Lê Thị An", "Nguyễn Thị An", "Nguyễn Văn An", "Trần Văn Bình"}));
}

TEST(NameSortKey, PutsDStrokeAfterD) {
  // With the root collator Đ would sort with D; in Vietnamese it is its own letter after D.
  EXPECT_EQ(sorted_names({"Lê Văn Đức", "Lê Văn Dũng", "Lê Văn Em", "Lê Văn Duy"}),
            (std::vector<std::string>{"Lê Văn Dũng", "Lê Văn Duy", "Lê Văn Đức", "Lê Văn Em"}));
}

TEST(NameSortKey, OrdersVietnameseVowelLetters) {
  // a < ă < â, o < ô < ơ, u < ư are letters of the alphabet, not accents.
  EXPECT_EQ(sorted_names({"Lê Ân", "Lê Ăn", "Lê An", "Lê Ơn", "Lê On", "Lê Ôn"}),
            (std::vector<std::string>{"Lê An", "Lê Ăn", "Lê Ân", "Lê On", "Lê Ôn", "Lê Ơn"}));
}

TEST(CollationKey, HasNoZeroBeforeItsEnd) {
  const std::string key = collation_key("Phòng Hành chính tư pháp");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(key.find('\0'), key.size() - 1);
}

TEST(LowerCase, KeepsTones) {
  EXPECT_EQ(lower_case("NGUYỄN Văn ĐỨC"), "nguyễn văn đức");
  EXPECT_NE(lower_case("Đức"), lower_case("Dục"));
}

TEST(TitleCaseName, CapitalisesEachWord) {
  EXPECT_EQ(title_case_name("NGUYỄN thị đức"), "Nguyễn Thị Đức");
}

TEST(WordCombinations, PairsAndTriplesOfDistinctWordsSorted) {
  EXPECT_EQ(
      word_combinations("nguyen van duc"),
      (std::vector<std::string>{"~nguyen van", "~duc nguyen van", "~duc nguyen", "~duc van"}));
  // A word twice counts once; the words of a key are sorted as bytes.
  EXPECT_EQ(word_combinations("le le an"), (std::vector<std::string>{"~an le"}));
  EXPECT_TRUE(word_combinations("duc").empty());
  EXPECT_TRUE(word_combinations("").empty());
  // Four words: 6 pairs and 4 triples.
  EXPECT_EQ(word_combinations("ton nu thanh ha").size(), 10U);
  // Six words: 15 pairs and 20 triples; seven: one row for a long name.
  EXPECT_EQ(word_combinations("a b c d e f").size(), 35U);
  EXPECT_EQ(word_combinations("a b c d e f g"), (std::vector<std::string>{"~*"}));
  EXPECT_EQ(word_combinations("a b c d e f a b"), word_combinations("a b c d e f"));
}

TEST(WordCombinations, KeysSortAfterEveryWordTheyBegin) {
  // A prefix range of a word ("d" up to "d\U0010FFFF") never reaches a key, and no key is a word.
  for (const std::string& key : word_combinations("nguyen van duc")) {
    EXPECT_GT(key, "zzz\xf4\x8f\xbf\xbf");
    EXPECT_NE(key.find(' '), std::string::npos);
  }
  EXPECT_EQ(combination_key({"van", "duc", "nguyen"}), "~duc nguyen van");
}

TEST(IndexWords, AreTheWordsThenTheirCombinations) {
  EXPECT_EQ(index_words("nguyen van an"),
            (std::vector<std::string>{"nguyen", "van", "an", "~nguyen van", "~an nguyen van",
                                      "~an nguyen", "~an van"}));
  // "~*" typed in a name is no word of the index: it would read as a long name.
  EXPECT_EQ(index_words("an ~* binh"), (std::vector<std::string>{"an", "binh", "~an binh"}));
  EXPECT_EQ(index_words("mot hai ba bon nam sau bay").size(), 8U);
}

}  // namespace
}  // namespace dk
