// The one length policy of text from outside: lines hold 300 characters, prose 10,000, counted in
// characters (a Vietnamese letter is two or three bytes), and a refusal names the field.
#include "core/text_limits.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dk {
namespace {

std::string repeated(std::string_view text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

TEST(TextLimits, ProseFieldsAreNamedAndEverythingElseIsALine) {
  for (const char* prose : {"description", "note", "purpose", "memo", "reason", "comment",
                            "leave_reason", "agenda", "payer.note"})
    EXPECT_EQ(text_kind(prose), TextKind::prose) << prose;
  for (const char* line : {"name", "full_name", "title", "place", "payer.name", "beneficiary",
                           "reference", "address", ""})
    EXPECT_EQ(text_kind(line), TextKind::line) << line;
  EXPECT_EQ(text_kind("body"), TextKind::rich);
  EXPECT_EQ(text_kind("introduction"), TextKind::prose);
}

TEST(TextLimits, AnArticlesBodyHoldsAHundredThousandCharacters) {
  EXPECT_TRUE(check_text_length(repeated("ầ", kMaxRichCharacters), TextKind::rich, "body"));
  EXPECT_FALSE(check_text_length(repeated("a", kMaxRichCharacters + 1), TextKind::rich, "body"));
}

TEST(TextLimits, CountsCharactersNotBytes) {
  const std::string name = repeated("Đ", kMaxLineCharacters);  // 600 bytes, 300 characters
  EXPECT_TRUE(check_text_length(name, TextKind::line, "payer.name"));
  const Status longer = check_text_length(name + "ư", TextKind::line, "payer.name");
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().code, "text.too_long");
  EXPECT_EQ(longer.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(longer.error().where.field, "payer.name");
  EXPECT_NE(longer.error().message.vi.find("301 ký tự; tối đa 300"), std::string::npos);
  EXPECT_NE(longer.error().message.en.find("301 characters long; at most 300"), std::string::npos);
  EXPECT_TRUE(check_text_length(repeated("a", 10000), TextKind::prose, "description"));
  EXPECT_FALSE(check_text_length(repeated("a", 10001), TextKind::prose, "description"));
}

TEST(TextLimits, ARowOfAFileIsNamedByItsLine) {
  const Status refused = check_text_length(repeated("x", 300001), TextKind::line, "Họ và tên", 7);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().where.line, 7u);
  EXPECT_EQ(refused.error().where.field, "Họ và tên");
}

}  // namespace
}  // namespace dk
