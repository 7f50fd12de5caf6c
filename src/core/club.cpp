#include "core/club.hpp"

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<ClubKind> kClubKinds[] = {
    {ClubKind::sports, "sports", "Thể thao", "Sports", "the thao|tdtt"},
    {ClubKind::arts, "arts", "Văn nghệ", "Arts", "van nghe|nghe thuat"},
    {ClubKind::other, "other", "Khác", "Other", "khac"},
};

}  // namespace

template <>
std::span<const CodeEntry<ClubKind>> code_entries() {
  return kClubKinds;
}

Status validate_club(const Club& club) {
  if (club.name.empty()) {
    return fail(ErrorKind::invalid_input, "club.name_required", "Hãy đặt tên câu lạc bộ.",
                "Give the club a name.", Location{0, "name"});
  }
  if (count_characters(club.name) > kMaxClubNameLength) {
    return fail(ErrorKind::invalid_input, "club.name_too_long", "Tên câu lạc bộ dài quá 200 ký tự.",
                "The club's name is over 200 characters.", Location{0, "name"});
  }
  return {};
}

}  // namespace dk
