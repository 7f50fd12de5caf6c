// `doanket demo`, `agency show` and `members list` on the demo agency: what a user sees first.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "cli/cli_support.hpp"

namespace dk::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

class DemoTest : public CliTest {};

// A given name: the last word of a full name.
std::string given_name(const std::string& full_name) {
  const size_t space = full_name.rfind(' ');
  return space == std::string::npos ? full_name : full_name.substr(space + 1);
}

bool starts_with_dd(std::string_view word) {
  return word.starts_with("Đ") || word.starts_with("đ");
}

TEST_P(DemoTest, LoadsTheDemoAgencyOnceAndShowsIt) {
  const CliRun loaded = ok({"demo"});
  EXPECT_THAT(loaded.out,
              AllOf(HasSubstr("Đã nạp Sở Tư pháp Hà Tĩnh (STP-HT)"), HasSubstr("60 người")));

  const CliRun shown = ok({"agency", "show"});
  EXPECT_THAT(shown.out, HasSubstr("Sở Tư pháp Hà Tĩnh (STP-HT)"));
  for (const char* organization :
       {"Công đoàn cơ sở Sở Tư pháp", "Chi đoàn Sở Tư pháp", "Chi hội Luật gia Sở Tư pháp"}) {
    EXPECT_THAT(shown.out, HasSubstr(organization));
  }
  for (const char* code : {"\nCD ", "\nDTN ", "\nCHLG "}) EXPECT_THAT(shown.out, HasSubstr(code));
  EXPECT_THAT(shown.out, HasSubstr("Ban Chấp hành Công đoàn cơ sở Sở Tư pháp"));

  const auto everyone = members();
  EXPECT_EQ(everyone.size(), 60u);
  const auto names = names_of(everyone);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size())
      << "the demo has no namesakes";
  const CliRun table = ok({"members", "list"});
  EXPECT_THAT(table.out, HasSubstr("60 người\n"));
  EXPECT_THAT(table.out,
              AllOf(HasSubstr("Họ và tên"), HasSubstr("Ngày sinh"), HasSubstr("Số CCCD")));
  const CliRun english = ok({"--lang", "en", "members", "list"});
  EXPECT_THAT(english.out, AllOf(HasSubstr("Full name"), HasSubstr("60 people\n")));

  // Each organization lists its own members, and they add up to what agency show counts.
  size_t memberships = 0;
  for (const char* code : {"CD", "DTN", "CHLG"}) {
    const auto listed = members({"--org", code});
    EXPECT_GT(listed.size(), 0u) << code;
    EXPECT_LT(listed.size(), 60u) << code;
    for (const auto& member : listed) {
      EXPECT_THAT(field(member, "organizations"), HasSubstr(code));
      EXPECT_TRUE(member.as_object().contains("membership")) << code;
    }
    memberships += listed.size();
  }
  EXPECT_THAT(loaded.out, HasSubstr(std::to_string(memberships) + " lượt thành viên"));

  // Twice changes nothing.
  const CliRun again = ok({"demo"});
  EXPECT_THAT(again.out, HasSubstr("không thay đổi gì"));
  EXPECT_EQ(fingerprints(members()), fingerprints(everyone));
  EXPECT_EQ(ok({"agency", "show"}).out, shown.out);
}

TEST_P(DemoTest, SearchFindsEveryDucAndNothingElse) {
  load_demo();
  // A few more people whose names make the searches below tell right from wrong.
  write_file(files_ / "them.csv", csv_bytes({{"Họ và tên", "Ngày sinh"},
                                             {"Nguyễn Thị Lan", "01/01/1990"},
                                             {"Lê Thị Nguyên", "02/01/1990"},
                                             {"Nguyễn Văn Thìn", "03/01/1990"},
                                             {"Trần Thị Nguyệt", "04/01/1990"},
                                             {"Võ Văn Dục", "05/01/1990"},
                                             {"Phan Thị Mỹ Đức", "06/01/1990"}}));
  ok({"import", "members", (files_ / "them.csv").string()});
  const auto everyone = members();
  ASSERT_EQ(everyone.size(), 66u);

  // What a search should find, worked out here: each word typed begins a word of the name,
  // ignoring case and diacritics, in any order.
  auto expected_for = [&](std::vector<std::string> words) {
    std::vector<std::string> expected;
    for (const auto& name : names_of(everyone)) {
      const auto name_words = folded_words(name);
      const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& word) {
        return std::any_of(name_words.begin(), name_words.end(),
                           [&](const std::string& part) { return part.starts_with(word); });
      });
      if (all) expected.push_back(name);
    }
    return expected;
  };

  const auto duc = expected_for({"duc"});
  ASSERT_GE(duc.size(), 5u) << "the demo has several Đức";
  for (const auto& name : duc) {
    EXPECT_TRUE(name.find("Đức") != std::string::npos || name == "Võ Văn Dục") << name;
  }
  EXPECT_EQ(names_of(members({"--search", "duc"})), duc);
  // Diacritics and case do not matter, either way.
  EXPECT_EQ(names_of(members({"--search", "ĐỨC"})), duc);
  EXPECT_EQ(names_of(members({"--search", "Đức"})), duc);

  const auto nguyen_thi = expected_for({"nguyen", "thi"});
  EXPECT_THAT(nguyen_thi, ::testing::UnorderedElementsAre("Nguyễn Thị Lan", "Lê Thị Nguyên",
                                                          "Nguyễn Văn Thìn"));
  EXPECT_EQ(names_of(members({"--search", "nguyen thi"})), nguyen_thi);
  EXPECT_EQ(names_of(members({"--search", "thi nguyen"})), nguyen_thi) << "word order is free";

  // "Dung" is a word of its own: it finds Dung and Dũng, never Đức or Dương.
  const auto dung = expected_for({"dung"});
  ASSERT_GE(dung.size(), 1u);
  EXPECT_EQ(names_of(members({"--search", "dung"})), dung);
  for (const auto& name : dung) {
    EXPECT_TRUE(name.ends_with(" Dung") || name.ends_with(" Dũng")) << name;
  }

  EXPECT_TRUE(members({"--search", "khong co ai ten nay"}).empty());
  // A number searches the CCCD and phone numbers.
  const std::string id_number = field(everyone.front(), "id_number");
  const auto by_id = members({"--search", id_number});
  ASSERT_EQ(by_id.size(), 1u);
  EXPECT_EQ(field(by_id[0], "full_name"), field(everyone.front(), "full_name"));

  // The table says how many it found.
  const CliRun table = ok({"members", "list", "--search", "duc"});
  EXPECT_THAT(table.out, HasSubstr(std::to_string(duc.size()) + " người\n"));
  for (const auto& name : duc) EXPECT_THAT(table.out, HasSubstr(name));
}

TEST_P(DemoTest, ListsInVietnameseOrderByGivenName) {
  load_demo();
  const auto names = names_of(members());
  ASSERT_EQ(names.size(), 60u);
  // Given names first; within a letter D comes before Đ, which comes before E.
  std::vector<std::pair<std::string, int>> keys;
  for (const auto& name : names) {
    const std::string given = given_name(name);
    keys.emplace_back(fold(given).substr(0, 1), starts_with_dd(given) ? 1 : 0);
  }
  for (size_t i = 1; i < keys.size(); ++i) {
    EXPECT_LE(keys[i - 1], keys[i]) << names[i - 1] << " is listed before " << names[i];
  }
  std::optional<size_t> last_d;
  std::optional<size_t> first_dd;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string given = given_name(names[i]);
    if (given.starts_with("D")) last_d = i;
    if (starts_with_dd(given) && !first_dd) first_dd = i;
  }
  ASSERT_TRUE(last_d && first_dd) << "the demo has both Dung/Dũng and Đào/Đức/Đạt";
  EXPECT_LT(*last_d, *first_dd) << names[*last_d] << " must come before " << names[*first_dd];

  // The same order in the table, the CSV and the filtered lists.
  const auto csv = read_csv_text(ok({"members", "list", "--format", "csv"}).out);
  ASSERT_EQ(csv.size(), 61u);
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(csv[i + 1][1], names[i]);
  const auto union_members = names_of(members({"--org", "CD"}));
  std::vector<std::string> in_order;
  for (const auto& name : names) {
    if (std::find(union_members.begin(), union_members.end(), name) != union_members.end())
      in_order.push_back(name);
  }
  EXPECT_EQ(union_members, in_order);
}

TEST_P(DemoTest, FiltersByUnitByCodeOrName) {
  load_demo();
  const auto by_code = members({"--unit", "VP"});
  ASSERT_FALSE(by_code.empty());
  for (const auto& member : by_code) EXPECT_EQ(field(member, "unit"), "Văn phòng Sở");
  EXPECT_EQ(fingerprints(members({"--unit", "Văn phòng Sở"})), fingerprints(by_code));
  // Unit and organization together narrow the list.
  const auto both = members({"--unit", "VP", "--org", "CD"});
  EXPECT_LE(both.size(), by_code.size());
  for (const auto& member : both) {
    EXPECT_EQ(field(member, "unit"), "Văn phòng Sở");
    EXPECT_THAT(field(member, "organizations"), HasSubstr("CD"));
  }
  const CliRun unknown = doanket({"members", "list", "--unit", "Phòng Không Có"});
  EXPECT_EQ(unknown.exit_code, 4) << describe(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("“Phòng Không Có”"));
  EXPECT_THAT(unknown.out, Not(HasSubstr("Nguyễn")));
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::cli::testing
