#include "core/clash.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <tuple>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<ClashKind> kClashKinds[] = {
    {ClashKind::shared_audience, "shared-audience", "Trùng người tham dự", "Shared audience",
     "trung doi tuong"},
    {ClashKind::same_place, "same-place", "Trùng địa điểm", "Same place", "trung phong"},
    {ClashKind::organizer_double_booked, "organizer-double-booked",
     "Ủy viên Ban Chấp hành phụ trách hai hoạt động", "Organizer double-booked",
     "trung nguoi to chuc"},
};

// When the larger list is this many times the smaller, binary searches beat walking both.
constexpr std::size_t kGallopRatio = 16;

[[maybe_unused]] bool sorted_unique(std::span<const Id> ids) {
  return std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<>()) == ids.end();
}

struct Shared {
  std::vector<Id> first;  // up to the limit
  std::int64_t count = 0;
};

Shared shared_people(std::span<const Id> a, std::span<const Id> b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  Shared out;
  const auto note = [&](Id id) {
    if (out.first.size() < limit) out.first.push_back(id);
    ++out.count;
  };
  if (a.empty()) return out;
  if (b.size() / a.size() >= kGallopRatio) {
    auto from = b.begin();
    for (const Id id : a) {
      from = std::lower_bound(from, b.end(), id);
      if (from == b.end()) break;
      if (*from == id) note(id);
    }
    return out;
  }
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      note(*i);
      ++i;
      ++j;
    }
  }
  return out;
}

Clash clash_with(ClashKind kind, const Scheduled& other, Shared shared = {}) {
  return Clash{
      kind,        other.id, other.title, other.starts_at, other.ends_at, std::move(shared.first),
      shared.count};
}

}  // namespace

template <>
std::span<const CodeEntry<ClashKind>> code_entries() {
  return kClashKinds;
}

bool overlaps(Instant a_start, Instant a_end, Instant b_start, Instant b_end) {
  return a_start < b_end && b_start < a_end && a_start < a_end && b_start < b_end;
}

std::string place_key(std::string_view place) {
  return fold_for_search(place);
}

std::vector<Clash> find_clashes(const Scheduled& candidate, std::span<const Scheduled> others,
                                std::size_t people_limit) {
  assert(sorted_unique(candidate.audience) && sorted_unique(candidate.organizers));
  const std::string place = place_key(candidate.place);
  std::vector<Clash> out;
  for (const Scheduled& other : others) {
    if (other.id == candidate.id ||
        !overlaps(candidate.starts_at, candidate.ends_at, other.starts_at, other.ends_at)) {
      continue;
    }
    assert(sorted_unique(other.audience) && sorted_unique(other.organizers));
    if (Shared audience = shared_people(candidate.audience, other.audience, people_limit);
        audience.count > 0) {
      out.push_back(clash_with(ClashKind::shared_audience, other, std::move(audience)));
    }
    if (!place.empty() && place_key(other.place) == place) {
      out.push_back(clash_with(ClashKind::same_place, other));
    }
    if (Shared organizers = shared_people(candidate.organizers, other.organizers, people_limit);
        organizers.count > 0) {
      out.push_back(clash_with(ClashKind::organizer_double_booked, other, std::move(organizers)));
    }
  }
  std::sort(out.begin(), out.end(), [](const Clash& a, const Clash& b) {
    return std::tie(a.other_starts_at, a.other_id, a.kind) <
           std::tie(b.other_starts_at, b.other_id, b.kind);
  });
  return out;
}

}  // namespace dk
