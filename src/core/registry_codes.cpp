#include "core/registry_codes.hpp"

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<OrganizationKind> kOrganizationKinds[] = {
    {OrganizationKind::trade_union, "trade-union", "Công đoàn", "Trade union", "cd|cong doan"},
    {OrganizationKind::youth_union, "youth-union", "Đoàn Thanh niên", "Youth union",
     "dtn|doan thanh nien|doan tncs ho chi minh|doan"},
    {OrganizationKind::lawyers_association, "lawyers-association", "Hội Luật gia",
     "Lawyers' association", "hlg|chi hoi luat gia|luat gia"},
    {OrganizationKind::womens_union, "womens-union", "Hội Liên hiệp Phụ nữ", "Women's union",
     "phu nu|hoi phu nu|women's union"},
    {OrganizationKind::veterans_association, "veterans-association", "Hội Cựu chiến binh",
     "Veterans' association", "ccb|cuu chien binh"},
    {OrganizationKind::other, "other", "Tổ chức khác", "Other", "khac"},
};

constexpr CodeEntry<Gender> kGenders[] = {
    {Gender::male, "male", "Nam", "Male", "m|trai"},
    {Gender::female, "female", "Nữ", "Female", "f|gai"},
    {Gender::other, "other", "Khác", "Other", ""},
};

constexpr CodeEntry<MembershipStatus> kMembershipStatuses[] = {
    {MembershipStatus::active, "active", "Đang sinh hoạt", "Active", "dang hoat dong|hoat dong"},
    {MembershipStatus::suspended, "suspended", "Tạm ngừng sinh hoạt", "Suspended",
     "tam ngung|tam dung"},
    {MembershipStatus::left, "left", "Đã ra khỏi tổ chức", "Left", "da ra|nghi|chuyen di"},
};

constexpr CodeEntry<CommitteeRoleKind> kCommitteeRoleKinds[] = {
    {CommitteeRoleKind::chair, "chair", "Chủ tịch", "Chair", "bi thu|chi hoi truong|truong"},
    {CommitteeRoleKind::vice_chair, "vice-chair", "Phó Chủ tịch", "Vice-chair",
     "pho bi thu|chi hoi pho|pho"},
    {CommitteeRoleKind::secretary, "secretary", "Thư ký", "Secretary", "thu ky"},
    {CommitteeRoleKind::member, "member", "Ủy viên Ban Chấp hành", "Committee member",
     "uy vien|uy vien bch|uv bch"},
};

bool alias_matches(std::string_view aliases, std::string_view folded) {
  while (!aliases.empty()) {
    const size_t bar = aliases.find('|');
    if (aliases.substr(0, bar) == folded) return true;
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

template <>
std::span<const CodeEntry<OrganizationKind>> code_entries() {
  return kOrganizationKinds;
}
template <>
std::span<const CodeEntry<Gender>> code_entries() {
  return kGenders;
}
template <>
std::span<const CodeEntry<MembershipStatus>> code_entries() {
  return kMembershipStatuses;
}
template <>
std::span<const CodeEntry<CommitteeRoleKind>> code_entries() {
  return kCommitteeRoleKinds;
}

bool entry_matches(std::string_view folded, std::string_view code, std::string_view vi,
                   std::string_view en, std::string_view aliases) {
  return folded == code || folded == fold_for_search(vi) || folded == fold_for_search(en) ||
         alias_matches(aliases, folded);
}

Text committee_role_title(CommitteeRoleKind role, OrganizationKind kind) {
  if (kind == OrganizationKind::youth_union) {
    if (role == CommitteeRoleKind::chair) return {"Bí thư", "Secretary (chair)"};
    if (role == CommitteeRoleKind::vice_chair) return {"Phó Bí thư", "Deputy secretary"};
  }
  if (kind == OrganizationKind::lawyers_association) {
    if (role == CommitteeRoleKind::chair) return {"Chi hội trưởng", "Branch chair"};
    if (role == CommitteeRoleKind::vice_chair) return {"Chi hội phó", "Branch vice-chair"};
  }
  return label_of(role);
}

}  // namespace dk
