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

}  // namespace
}  // namespace dk
