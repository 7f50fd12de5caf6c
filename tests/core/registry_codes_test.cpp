#include "core/registry_codes.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

TEST(ParseCode, ReadsCodesAndLabelsAsTyped) {
  EXPECT_EQ(parse_code<Gender>("Nữ"), Gender::female);
  EXPECT_EQ(parse_code<Gender>("nu"), Gender::female);
  EXPECT_EQ(parse_code<Gender>("NAM"), Gender::male);
  EXPECT_EQ(parse_code<Gender>("female"), Gender::female);
  EXPECT_FALSE(parse_code<Gender>("x"));
  EXPECT_EQ(parse_code<OrganizationKind>("Công đoàn"), OrganizationKind::trade_union);
  EXPECT_EQ(parse_code<OrganizationKind>("youth-union"), OrganizationKind::youth_union);
  EXPECT_EQ(parse_code<OrganizationKind>("Hội Luật gia"), OrganizationKind::lawyers_association);
  EXPECT_EQ(parse_code<MembershipStatus>("Đã ra khỏi tổ chức"), MembershipStatus::left);
}

TEST(CodeOf, IsStable) {
  EXPECT_EQ(code_of(OrganizationKind::lawyers_association), "lawyers-association");
  EXPECT_EQ(code_of(CommitteeRoleKind::vice_chair), "vice-chair");
  for (const auto& entry : organization_kinds())
    EXPECT_EQ(parse_code<OrganizationKind>(entry.code), entry.value);
}

TEST(CommitteeRoleTitle, FollowsTheOrganizationsCustom) {
  EXPECT_EQ(committee_role_title(CommitteeRoleKind::chair, OrganizationKind::youth_union).vi,
            "Bí thư");
  EXPECT_EQ(committee_role_title(CommitteeRoleKind::chair, OrganizationKind::trade_union).vi,
            "Chủ tịch");
  EXPECT_EQ(
      committee_role_title(CommitteeRoleKind::chair, OrganizationKind::lawyers_association).vi,
      "Chi hội trưởng");
}

}  // namespace
}  // namespace dk
