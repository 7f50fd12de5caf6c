#include "core/clash.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace dk {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Instant kAfternoon = vietnam_instant({2026, 4, 9}, 14 * 60);

Scheduled scheduled(Id id, Instant starts_at, Instant ends_at, std::string place = {},
                    std::vector<Id> audience = {}, std::vector<Id> organizers = {}) {
  return Scheduled{id,
                   "Hoạt động " + std::to_string(id),
                   starts_at,
                   ends_at,
                   std::move(place),
                   std::move(audience),
                   std::move(organizers)};
}

std::vector<ClashKind> kinds_of(const std::vector<Clash>& clashes) {
  std::vector<ClashKind> kinds;
  for (const auto& clash : clashes) kinds.push_back(clash.kind);
  return kinds;
}

std::vector<Id> ids_from(Id first, Id last, Id step = 1) {
  std::vector<Id> ids;
  for (Id id = first; id <= last; id += step) ids.push_back(id);
  return ids;
}

TEST(ClashCodes, AreStable) {
  EXPECT_EQ(code_of(ClashKind::organizer_double_booked), "organizer-double-booked");
  EXPECT_EQ(label_of(ClashKind::same_place).vi, "Trùng địa điểm");
  EXPECT_EQ(parse_code<ClashKind>("shared-audience"), ClashKind::shared_audience);
}

TEST(Overlaps, IsHalfOpen) {
  const Instant a = kAfternoon;
  const Instant b = a + hours(1);
  const Instant c = a + hours(2);
  EXPECT_TRUE(overlaps(a, c, b, c));
  EXPECT_TRUE(overlaps(a, c, a, c));
  EXPECT_TRUE(overlaps(a, c, b, b + minutes(1)));  // inside
  EXPECT_FALSE(overlaps(a, b, b, c));              // touching
  EXPECT_FALSE(overlaps(b, c, a, b));
  EXPECT_FALSE(overlaps(a, c, b, b));  // an empty interval shares no moment
}

TEST(PlaceKey, IgnoresCaseTonesAndSpaces) {
  EXPECT_EQ(place_key("  Hội trường   A "), place_key("hoi truong a"));
  EXPECT_EQ(place_key("HỘI TRƯỜNG A"), place_key("Hội trường A"));
  EXPECT_EQ(place_key("Sân Đình"), place_key("san dinh"));
  EXPECT_NE(place_key("Hội trường A"), place_key("Hội trường B"));
  EXPECT_EQ(place_key("   "), "");
}

TEST(FindClashes, ListsSharedPeopleAndTheirCount) {
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(3), "Sân bóng", {10, 11, 12, 13, 14}, {10});
  const std::vector<Scheduled> others = {
      scheduled(2, kAfternoon + hours(1), kAfternoon + hours(2), "Hội trường", {5, 11, 13, 14, 20}),
  };
  const auto clashes = find_clashes(candidate, others);
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].kind, ClashKind::shared_audience);
  EXPECT_EQ(clashes[0].other_id, 2);
  EXPECT_EQ(clashes[0].other_title, "Hoạt động 2");
  EXPECT_EQ(clashes[0].other_starts_at, kAfternoon + hours(1));
  EXPECT_EQ(clashes[0].other_ends_at, kAfternoon + hours(2));
  EXPECT_THAT(clashes[0].people, ElementsAre(11, 13, 14));
  EXPECT_EQ(clashes[0].people_count, 3);
}

TEST(FindClashes, TouchingIntervalsDoNotClash) {
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(2), "Hội trường A", {1, 2, 3}, {1});
  const std::vector<Scheduled> others = {
      scheduled(2, kAfternoon + hours(2), kAfternoon + hours(4), "Hội trường A", {1, 2, 3}, {1}),
      scheduled(3, kAfternoon - hours(1), kAfternoon, "Hội trường A", {1, 2, 3}, {1}),
  };
  EXPECT_THAT(find_clashes(candidate, others), IsEmpty());
}

TEST(FindClashes, SamePlaceDespiteCaseAndDiacritics) {
  const Scheduled candidate = scheduled(1, kAfternoon, kAfternoon + hours(2), "Hội trường tầng 3");
  const std::vector<Scheduled> others = {
      scheduled(2, kAfternoon + minutes(30), kAfternoon + hours(1), " HOI  TRUONG TANG 3"),
      scheduled(3, kAfternoon, kAfternoon + hours(1), "Hội trường tầng 2"),
      scheduled(4, kAfternoon, kAfternoon + hours(1), ""),
  };
  const auto clashes = find_clashes(candidate, others);
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].kind, ClashKind::same_place);
  EXPECT_EQ(clashes[0].other_id, 2);
  EXPECT_THAT(clashes[0].people, IsEmpty());
  EXPECT_EQ(clashes[0].people_count, 0);
}

TEST(FindClashes, EmptyPlacesNeverClash) {
  const Scheduled candidate = scheduled(1, kAfternoon, kAfternoon + hours(2), "  ");
  const std::vector<Scheduled> others = {scheduled(2, kAfternoon, kAfternoon + hours(2), "")};
  EXPECT_THAT(find_clashes(candidate, others), IsEmpty());
}

TEST(FindClashes, OrganizerDoubleBooked) {
  // The youth union's secretary (person 70) sits on both committees.
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(2), "Sân bóng", {}, {70, 71, 72});
  const std::vector<Scheduled> others = {
      scheduled(2, kAfternoon, kAfternoon + hours(1), "Phòng họp 1", {}, {60, 70, 80})};
  const auto clashes = find_clashes(candidate, others);
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].kind, ClashKind::organizer_double_booked);
  EXPECT_THAT(clashes[0].people, ElementsAre(70));
  EXPECT_EQ(clashes[0].people_count, 1);
}

TEST(FindClashes, SkipsTheCandidatesStoredSelf) {
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(2), "Sân bóng", {1, 2}, {1});
  const std::vector<Scheduled> others = {
      scheduled(1, kAfternoon - hours(1), kAfternoon + hours(1), "Sân bóng", {1, 2}, {1})};
  EXPECT_THAT(find_clashes(candidate, others), IsEmpty());
}

TEST(FindClashes, SortedByStartThenActivityThenKind) {
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(4), "Hội trường", {1, 2, 3}, {1});
  const std::vector<Scheduled> others = {
      scheduled(9, kAfternoon + hours(2), kAfternoon + hours(3), "hội trường", {3}, {1}),
      scheduled(5, kAfternoon + hours(1), kAfternoon + hours(3), "", {2}),
      scheduled(4, kAfternoon + hours(2), kAfternoon + hours(3), "Hội trường"),
  };
  const auto clashes = find_clashes(candidate, others);
  std::vector<Id> order;
  for (const auto& clash : clashes) order.push_back(clash.other_id);
  EXPECT_THAT(order, ElementsAre(5, 4, 9, 9, 9));
  EXPECT_THAT(kinds_of(clashes), ElementsAre(ClashKind::shared_audience, ClashKind::same_place,
                                             ClashKind::shared_audience, ClashKind::same_place,
                                             ClashKind::organizer_double_booked));
  // The same input in another order gives the same answer.
  const std::vector<Scheduled> reversed(others.rbegin(), others.rend());
  const auto again = find_clashes(candidate, reversed);
  ASSERT_EQ(again.size(), clashes.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].other_id, clashes[i].other_id);
    EXPECT_EQ(again[i].kind, clashes[i].kind);
  }
}

TEST(FindClashes, LargeAudiencesCapThePeopleButCountThemAll) {
  // A province-wide study session (200,000 people, even ids) and a sports day (every third id).
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(3), "", ids_from(2, 400'000, 2));
  const std::vector<Scheduled> others = {
      scheduled(2, kAfternoon, kAfternoon + hours(3), "", ids_from(3, 600'000, 3))};
  const auto clashes = find_clashes(candidate, others);
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].people_count, 66'666);  // multiples of 6 up to 399,996
  ASSERT_EQ(clashes[0].people.size(), kClashPeopleLimit);
  EXPECT_EQ(clashes[0].people.front(), 6);
  EXPECT_EQ(clashes[0].people.back(), 6 * 50);
  EXPECT_EQ(find_clashes(candidate, others, 3)[0].people, (std::vector<Id>{6, 12, 18}));
}

TEST(FindClashes, ASmallAudienceAgainstAHugeOneFindsEveryone) {
  // Seven committee members against a million people: the binary-search path, in both directions.
  const std::vector<Id> everyone = ids_from(1, 1'000'000);
  const std::vector<Id> few = {0, 5, 999'999, 1'000'000, 1'000'001, 2'000'000, 3'000'000};
  const Scheduled big = scheduled(1, kAfternoon, kAfternoon + hours(3), "", everyone);
  const Scheduled small = scheduled(2, kAfternoon, kAfternoon + hours(3), "", few);
  for (const auto& [candidate, other] : {std::pair(big, small), std::pair(small, big)}) {
    const auto clashes = find_clashes(candidate, std::vector<Scheduled>{other});
    ASSERT_EQ(clashes.size(), 1u);
    EXPECT_THAT(clashes[0].people, ElementsAre(5, 999'999, 1'000'000));
    EXPECT_EQ(clashes[0].people_count, 3);
  }
}

TEST(FindClashes, ManyOthersOfAProvince) {
  // 5,000 activities over a day, each for 1,000 people; the candidate's audience of 20,000.
  std::vector<Scheduled> others;
  for (Id id = 1; id <= 5000; ++id) {
    const Instant start = kAfternoon + minutes(id % 600);
    others.push_back(scheduled(id + 100, start, start + hours(1), "Phòng " + std::to_string(id),
                               ids_from(id * 10, id * 10 + 9'990, 10)));
  }
  const Scheduled candidate =
      scheduled(1, kAfternoon, kAfternoon + hours(2), "Phòng 7", ids_from(0, 199'999, 10));
  const auto clashes = find_clashes(candidate, others);
  // Those starting in the candidate's two hours overlap it, and share all their 1,000 people.
  std::size_t overlapping = 0;
  for (Id id = 1; id <= 5000; ++id) overlapping += id % 600 < 120;
  std::size_t same_place = 0;
  std::size_t shared_audience = 0;
  for (const auto& clash : clashes) {
    same_place += clash.kind == ClashKind::same_place;
    if (clash.kind == ClashKind::shared_audience) {
      ++shared_audience;
      EXPECT_EQ(clash.people_count, 1000);
      EXPECT_EQ(clash.people.size(), kClashPeopleLimit);
    }
  }
  EXPECT_EQ(same_place, 1u);
  EXPECT_EQ(shared_audience, overlapping);
  EXPECT_EQ(clashes.size(), overlapping + 1);
  EXPECT_TRUE(std::is_sorted(clashes.begin(), clashes.end(), [](const Clash& a, const Clash& b) {
    return a.other_starts_at < b.other_starts_at;
  }));
}

}  // namespace
}  // namespace dk
