#pragma once
// The closed lists of the registry (kinds of organization, genders, membership states, committee
// roles), each with a stable code for storage and APIs and a label in Vietnamese and English.

#include <cassert>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/vietnamese_text.hpp"

namespace dk {

enum class OrganizationKind {
  trade_union,           // Công đoàn
  youth_union,           // Đoàn Thanh niên Cộng sản Hồ Chí Minh
  lawyers_association,   // Hội Luật gia
  womens_union,          // Hội Liên hiệp Phụ nữ
  veterans_association,  // Hội Cựu chiến binh
  other,
};

enum class Gender { male, female, other };

enum class MembershipStatus {
  active,
  suspended,  // tạm ngừng sinh hoạt: still a member, not taking part for now
  left,       // đã ra khỏi tổ chức: kept for history, never erased
};

enum class CommitteeRoleKind { chair, vice_chair, secretary, member };

template <class Enum>
struct CodeEntry {
  Enum value;
  std::string_view code;
  std::string_view vi;
  std::string_view en;
  std::string_view aliases;  // folded alternatives separated by '|', as offices write them
};

// The table of a closed list. Each list declares its specialisation next to its enum (here, in
// activity.hpp, recurrence.hpp …) and defines it beside the table, so that code_of, label_of and
// parse_code work for every list without another copy of their logic.
template <class Enum>
std::span<const CodeEntry<Enum>> code_entries();
template <>
std::span<const CodeEntry<OrganizationKind>> code_entries();
template <>
std::span<const CodeEntry<Gender>> code_entries();
template <>
std::span<const CodeEntry<MembershipStatus>> code_entries();
template <>
std::span<const CodeEntry<CommitteeRoleKind>> code_entries();

inline std::span<const CodeEntry<OrganizationKind>> organization_kinds() {
  return code_entries<OrganizationKind>();
}
inline std::span<const CodeEntry<Gender>> genders() {
  return code_entries<Gender>();
}
inline std::span<const CodeEntry<MembershipStatus>> membership_statuses() {
  return code_entries<MembershipStatus>();
}
inline std::span<const CodeEntry<CommitteeRoleKind>> committee_role_kinds() {
  return code_entries<CommitteeRoleKind>();
}

// Whether an entry answers to `folded` (fold_for_search of what a person typed): its code, its
// label in either language, or one of its aliases.
bool entry_matches(std::string_view folded, std::string_view code, std::string_view vi,
                   std::string_view en, std::string_view aliases);

template <class Enum>
const CodeEntry<Enum>& entry_of(Enum value) {
  const auto entries = code_entries<Enum>();
  for (const auto& entry : entries) {
    if (entry.value == value) return entry;
  }
  assert(false && "every enumerator has an entry");
  return entries.front();
}

template <class Enum>
std::string_view code_of(Enum value) {
  return entry_of(value).code;
}

template <class Enum>
Text label_of(Enum value) {
  const auto& entry = entry_of(value);
  return Text{std::string(entry.vi), std::string(entry.en)};
}

// Reads a value from its code, or from its label in either language as a person types it (case,
// tones and đ ignored): "nu", "Nữ", "female" and "F" are all Gender::female.
template <class Enum>
std::optional<Enum> parse_code(std::string_view text) {
  const std::string folded = fold_for_search(text);
  for (const auto& entry : code_entries<Enum>()) {
    if (entry_matches(folded, entry.code, entry.vi, entry.en, entry.aliases)) return entry.value;
  }
  return std::nullopt;
}

// The committee role's title in an organization of the given kind: the chair of a youth union is
// its Bí thư, of a trade union its Chủ tịch, of a lawyers' branch its Chi hội trưởng.
Text committee_role_title(CommitteeRoleKind role, OrganizationKind kind);

}  // namespace dk
