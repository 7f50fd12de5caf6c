#include "core/contact_fields.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

TEST(IdNumber, AcceptsCccdAndCmnd) {
  EXPECT_EQ(canonical_id_number("042190001234"), "042190001234");
  EXPECT_EQ(canonical_id_number("042 190 001 234"), "042190001234");
  EXPECT_EQ(canonical_id_number("'042190001234"), "042190001234");
  EXPECT_EQ(canonical_id_number("183456789"), "183456789");
}

TEST(IdNumber, RestoresTheZeroExcelDropped) {
  EXPECT_EQ(canonical_id_number("42190001234"), "042190001234");
}

TEST(IdNumber, RefusesOtherShapes) {
  EXPECT_FALSE(canonical_id_number("12345"));
  EXPECT_FALSE(canonical_id_number("04219000123A"));
  EXPECT_FALSE(canonical_id_number("=1+1"));
}

TEST(Phone, CanonicalisesVietnameseNumbers) {
  EXPECT_EQ(canonical_phone("0912 345 678"), "0912345678");
  EXPECT_EQ(canonical_phone("+84 912 345 678"), "0912345678");
  EXPECT_EQ(canonical_phone("84912345678"), "0912345678");
  EXPECT_EQ(canonical_phone("912345678"), "0912345678");
  EXPECT_EQ(canonical_phone("0239.3855.123"), "02393855123");
  EXPECT_EQ(canonical_phone("(0239) 3855 123"), "02393855123");
}

TEST(Phone, RefusesWhatCannotBeDialled) {
  EXPECT_FALSE(canonical_phone("12345"));
  EXPECT_FALSE(canonical_phone("+1 212 555 0100"));
  EXPECT_FALSE(canonical_phone("0912-34567x"));
  EXPECT_FALSE(canonical_phone(""));
}

TEST(Email, LowersTheDomainOnly) {
  EXPECT_EQ(canonical_email("An.Nguyen@SoTuPhap.HaTinh.Gov.VN"),
            "An.Nguyen@sotuphap.hatinh.gov.vn");
  EXPECT_FALSE(canonical_email("an nguyen@x.vn"));
  EXPECT_FALSE(canonical_email("an@x"));
  EXPECT_FALSE(canonical_email("@x.vn"));
  EXPECT_FALSE(canonical_email("a@b@c.vn"));
}

}  // namespace
}  // namespace dk
