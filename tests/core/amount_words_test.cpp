#include "core/amount_words.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string_view>

namespace dk {
namespace {

struct Reading {
  Dong amount;
  std::string_view words;
};

void expect_readings(std::initializer_list<Reading> readings) {
  for (const auto& [amount, words] : readings) {
    EXPECT_EQ(amount_in_words(amount), words) << amount;
  }
}

TEST(AmountInWords, ReadsTheSeedsDonations) {
  expect_readings({
      {2800000, "Hai triệu tám trăm nghìn đồng"},
      {20000000, "Hai mươi triệu đồng"},
      {2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"},
      {2160000, "Hai triệu một trăm sáu mươi nghìn đồng"},
      {15000000, "Mười lăm triệu đồng"},
      {42300000, "Bốn mươi hai triệu ba trăm nghìn đồng"},  // their total
  });
}

TEST(AmountInWords, ReadsUnitsAndTens) {
  expect_readings({
      {0, "Không đồng"},
      {1, "Một đồng"},
      {4, "Bốn đồng"},
      {5, "Năm đồng"},
      {10, "Mười đồng"},
      {11, "Mười một đồng"},  // "mốt" only after "mươi"
      {14, "Mười bốn đồng"},  // "tư" only after "mươi"
      {15, "Mười lăm đồng"},
      {20, "Hai mươi đồng"},
      {21, "Hai mươi mốt đồng"},
      {24, "Hai mươi tư đồng"},
      {25, "Hai mươi lăm đồng"},
      {41, "Bốn mươi mốt đồng"},
      {44, "Bốn mươi tư đồng"},
      {50, "Năm mươi đồng"},
      {55, "Năm mươi lăm đồng"},
      {99, "Chín mươi chín đồng"},
  });
}

TEST(AmountInWords, ReadsHundredsWithLinh) {
  expect_readings({
      {100, "Một trăm đồng"},
      {101, "Một trăm linh một đồng"},
      {104, "Một trăm linh bốn đồng"},
      {105, "Một trăm linh năm đồng"},
      {110, "Một trăm mười đồng"},
      {111, "Một trăm mười một đồng"},
      {115, "Một trăm mười lăm đồng"},
      {121, "Một trăm hai mươi mốt đồng"},
      {250, "Hai trăm năm mươi đồng"},
      {999, "Chín trăm chín mươi chín đồng"},
  });
}

TEST(AmountInWords, ReadsKhongTramInGroupsAfterTheFirst) {
  expect_readings({
      {1000, "Một nghìn đồng"},
      {1001, "Một nghìn không trăm linh một đồng"},
      {1010, "Một nghìn không trăm mười đồng"},
      {1025, "Một nghìn không trăm hai mươi lăm đồng"},
      {1100, "Một nghìn một trăm đồng"},
      {1005000, "Một triệu không trăm linh năm nghìn đồng"},
      {1000001, "Một triệu không trăm linh một đồng"},  // no "không nghìn"
      {1000000001, "Một tỷ không trăm linh một đồng"},
  });
}

TEST(AmountInWords, ReadsLargeAmounts) {
  expect_readings({
      {15000, "Mười lăm nghìn đồng"},
      {21000, "Hai mươi mốt nghìn đồng"},
      {150000, "Một trăm năm mươi nghìn đồng"},
      {500000, "Năm trăm nghìn đồng"},
      {1500000, "Một triệu năm trăm nghìn đồng"},
      {31000000, "Ba mươi mốt triệu đồng"},
      {1000000000, "Một tỷ đồng"},
      {1500000000, "Một tỷ năm trăm triệu đồng"},
      {24000000000, "Hai mươi tư tỷ đồng"},
      {1000000000000, "Một nghìn tỷ đồng"},
      {1000005000000, "Một nghìn tỷ không trăm linh năm triệu đồng"},
      {1050000000000, "Một nghìn không trăm năm mươi tỷ đồng"},
      {kMaxAmount - 1,
       "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín "
       "triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
      {2000000000000000000, "Hai tỷ tỷ đồng"},
  });
}

TEST(AmountInWords, ReadsNegativeAmountsWithAm) {
  expect_readings({
      {-150000, "Âm một trăm năm mươi nghìn đồng"},
      {-1, "Âm một đồng"},
  });
  const std::string lowest = amount_in_words(std::numeric_limits<Dong>::min());
  // 9.223.372.036.854.775.808 is 9.223.372.036 tỷ (itself read with "tỷ") and 854.775.808.
  EXPECT_TRUE(
      lowest.starts_with("Âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai "
                         "nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu"))
      << lowest;
  EXPECT_TRUE(lowest.ends_with("tám trăm linh tám đồng")) << lowest;
}

// Reads a Vietnamese reading back into a number, independently of how it was produced: each
// word's value, "mươi"/"trăm" multiplying the digit before them, "nghìn"/"triệu" closing a group,
// "tỷ" multiplying everything before it.
std::uint64_t read_back(const std::string& words) {
  static const std::map<std::string, std::uint64_t> kDigit = {
      {"không", 0}, {"một", 1}, {"mốt", 1}, {"hai", 2}, {"ba", 3},  {"bốn", 4}, {"tư", 4},
      {"năm", 5},   {"lăm", 5}, {"sáu", 6}, {"bảy", 7}, {"tám", 8}, {"chín", 9}};
  std::uint64_t billions = 0;
  std::uint64_t below = 0;
  std::uint64_t group = 0;
  std::uint64_t last = 0;
  std::istringstream in(words);
  std::string word;
  bool first = true;
  while (in >> word) {
    if (first) {
      EXPECT_TRUE(word != "Không" || words == "Không đồng") << words;
      if (word == "Âm") continue;
      word = (word[0] >= 'A' && word[0] <= 'Z')
                 ? static_cast<char>(word[0] - 'A' + 'a') + word.substr(1)
                 : word;
      first = false;
    }
    if (auto digit = kDigit.find(word); digit != kDigit.end()) {
      last = digit->second;
      group += last;
    } else if (word == "mười") {
      group += 10;
    } else if (word == "mươi") {
      group += last * 9;
    } else if (word == "trăm") {
      group += last * 99;
    } else if (word == "linh") {
    } else if (word == "nghìn") {
      below += group * 1000;
      group = 0;
    } else if (word == "triệu") {
      below += group * 1'000'000;
      group = 0;
    } else if (word == "tỷ") {
      billions = (billions + below + group) * 1'000'000'000;
      below = group = 0;
    } else if (word == "đồng") {
      EXPECT_FALSE(in >> word) << "words after đồng: " << words;
    } else {
      ADD_FAILURE() << "unknown word “" << word << "” in " << words;
    }
  }
  return billions + below + group;
}

TEST(AmountInWords, EveryReadingReadsBackToItsAmount) {
  for (Dong amount = 0; amount <= 21000; ++amount) {
    ASSERT_EQ(read_back(amount_in_words(amount)), static_cast<std::uint64_t>(amount))
        << amount_in_words(amount);
  }
  std::mt19937_64 random(6);
  std::uniform_int_distribution<Dong> any(1, std::numeric_limits<Dong>::max());
  for (int i = 0; i < 20000; ++i) {
    const Dong amount = std::max<Dong>(1, any(random) >> (i % 63));
    const std::string words = amount_in_words(amount);
    ASSERT_EQ(read_back(words), static_cast<std::uint64_t>(amount)) << words;
    ASSERT_EQ(words.find("  "), std::string::npos) << words;
    ASSERT_TRUE(words.ends_with(" đồng")) << words;
    ASSERT_FALSE(words.starts_with("Không")) << words;
    ASSERT_EQ(words.find("mươi một"), std::string::npos) << words;
    ASSERT_EQ(words.find("mươi bốn"), std::string::npos) << words;
    ASSERT_EQ(words.find("mươi năm"), std::string::npos) << words;
    ASSERT_EQ(words.find("mười năm"), std::string::npos) << words;
  }
}

TEST(AmountInEnglishWords, ReadsAmountsForTheEnglishReceipt) {
  EXPECT_EQ(amount_in_english_words(2800000), "Two million eight hundred thousand dong");
  EXPECT_EQ(amount_in_english_words(42300000), "Forty-two million three hundred thousand dong");
  EXPECT_EQ(amount_in_english_words(2340000), "Two million three hundred forty thousand dong");
  EXPECT_EQ(amount_in_english_words(15000000), "Fifteen million dong");
  EXPECT_EQ(amount_in_english_words(20000000), "Twenty million dong");
  EXPECT_EQ(amount_in_english_words(0), "Zero dong");
  EXPECT_EQ(amount_in_english_words(1), "One dong");
  EXPECT_EQ(amount_in_english_words(21), "Twenty-one dong");
  EXPECT_EQ(amount_in_english_words(105), "One hundred five dong");
  EXPECT_EQ(amount_in_english_words(1001), "One thousand one dong");
  EXPECT_EQ(amount_in_english_words(1005000), "One million five thousand dong");
  EXPECT_EQ(amount_in_english_words(1000000000), "One billion dong");
  EXPECT_EQ(amount_in_english_words(1000000000000), "One trillion dong");
  EXPECT_EQ(amount_in_english_words(-150000), "Minus one hundred fifty thousand dong");
  EXPECT_EQ(amount_in_english_words(std::numeric_limits<Dong>::max()),
            "Nine quintillion two hundred twenty-three quadrillion three hundred seventy-two "
            "trillion thirty-six billion eight hundred fifty-four million seven hundred "
            "seventy-five thousand eight hundred seven dong");
}

}  // namespace
}  // namespace dk
