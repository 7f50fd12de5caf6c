// The storage contract: every test runs on SQLite and on PostgreSQL and must see the same thing.
#include "store/registry_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/vietnamese_text.hpp"
#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace dk::store {
namespace {

class RegistryStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!database_->available()) GTEST_SKIP() << "DOANKET_TEST_POSTGRES is not set";
    connection_ = database_->open();
    ASSERT_TRUE(connection_);
    registry_ = std::make_unique<RegistryStore>(*connection_);
    auto agency = registry_->create_agency({0, "STP-HT", "Sở Tư pháp Hà Tĩnh", "Hà Tĩnh"});
    ASSERT_TRUE(agency);
    tenant_ = agency->id;
  }

  Person person(std::string name, std::string id_number = "",
                std::optional<CivilDate> birth = std::nullopt) {
    Person p;
    p.full_name = std::move(name);
    p.id_number = std::move(id_number);
    p.birth_date = birth;
    return p;
  }

  Id add_person(const std::string& name, const std::string& id_number = "") {
    auto created = registry_->create_person(tenant_, person(name, id_number));
    EXPECT_TRUE(created) << (created ? "" : created.error().message.en);
    return created ? created->id : 0;
  }

  Organization add_organization(const std::string& code,
                                OrganizationKind kind = OrganizationKind::trade_union) {
    auto created = registry_->create_organization(
        tenant_, Organization{0, code, "Tổ chức " + code, kind, {}, false});
    EXPECT_TRUE(created);
    return created.value_or(Organization{});
  }

  void enrol(Id person_id, Id organization_id, MembershipStatus status = MembershipStatus::active) {
    Membership membership;
    membership.person_id = person_id;
    membership.organization_id = organization_id;
    membership.status = status;
    auto created = registry_->create_membership(tenant_, membership);
    ASSERT_TRUE(created) << created.error().message.en;
  }

  std::vector<std::string> names(const MemberQuery& query) {
    std::vector<std::string> found;
    auto listed =
        registry_->list_members(tenant_, query, [&](const MemberListing& listing) -> Status {
          found.push_back(listing.person.full_name);
          return {};
        });
    EXPECT_TRUE(listed) << (listed ? "" : listed.error().message.en);
    return found;
  }

  Result<ImportCounts> import(std::vector<StagedMember> rows,
                              std::optional<Id> organization = std::nullopt) {
    size_t next = 0;
    return in_transaction(*connection_, [&] {
      return registry_->import_members(tenant_, organization,
                                       [&](StagedMember& row) -> Result<bool> {
                                         if (next == rows.size()) return false;
                                         row = rows[next++];
                                         return true;
                                       });
    });
  }

  StagedMember staged(std::uint64_t line, std::string name, std::string id_number = "",
                      std::optional<CivilDate> birth = std::nullopt) {
    StagedMember row;
    row.line = line;
    row.person = person(std::move(name), std::move(id_number), birth);
    return row;
  }

  std::int64_t count(std::string_view table) {
    auto value =
        query_integer(*connection_, std::string("SELECT count(*) FROM ") + std::string(table));
    EXPECT_TRUE(value);
    return value ? value->value_or(-1) : -1;
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<SqlConnection> connection_;
  std::unique_ptr<RegistryStore> registry_;
  Id tenant_ = 0;
};

TEST_P(RegistryStoreTest, AgencyCodesAreUnique) {
  auto again = registry_->create_agency({0, "STP-HT", "Khác", ""});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().message.en.find("agencies"),
            std::string::npos);  // no constraint or table names
  auto found = registry_->find_agency("STP-HT");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->name, "Sở Tư pháp Hà Tĩnh");
}

TEST_P(RegistryStoreTest, UnitsAreFoundByCodeOrNameAndListedInVietnameseOrder) {
  ASSERT_TRUE(registry_->create_unit(tenant_, {0, "VP", "Văn phòng Sở"}));
  ASSERT_TRUE(registry_->create_unit(tenant_, {0, "TT", "Đội kiểm tra"}));
  ASSERT_TRUE(registry_->create_unit(tenant_, {0, "", "Dịch vụ"}));
  auto by_name = registry_->find_unit(tenant_, "VĂN PHÒNG  SỞ");
  ASSERT_TRUE(by_name && *by_name);
  EXPECT_EQ((*by_name)->code, "VP");
  auto units = registry_->list_units(tenant_);
  ASSERT_TRUE(units);
  std::vector<std::string> listed;
  for (const auto& unit : *units) listed.push_back(unit.name);
  EXPECT_EQ(listed, (std::vector<std::string>{"Dịch vụ", "Đội kiểm tra", "Văn phòng Sở"}));
  auto duplicate = registry_->create_unit(tenant_, {0, "", "văn phòng sở"});
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, ErrorKind::conflict);
}

TEST_P(RegistryStoreTest, OrganizationsFormATreeWithExternalSuperiors) {
  auto superior = registry_->create_organization(
      tenant_,
      Organization{
          0, "DK-HT", "Đoàn Khối các cơ quan tỉnh", OrganizationKind::youth_union, {}, true});
  ASSERT_TRUE(superior);
  auto branch = registry_->create_organization(
      tenant_, Organization{0, "DTN", "Chi đoàn Sở Tư pháp", OrganizationKind::youth_union,
                            OrganizationRef{tenant_, superior->id}, false});
  ASSERT_TRUE(branch);
  auto found = registry_->find_organization(tenant_, "DTN");
  ASSERT_TRUE(found && *found);
  ASSERT_TRUE((*found)->superior);
  EXPECT_EQ((*found)->superior->organization_id, superior->id);
  EXPECT_EQ((*found)->kind, OrganizationKind::youth_union);
  auto missing_superior = registry_->create_organization(
      tenant_,
      Organization{0, "X", "X", OrganizationKind::other, OrganizationRef{tenant_, 424242}, false});
  ASSERT_FALSE(missing_superior);
  EXPECT_EQ(missing_superior.error().code, "store.reference_missing");
}

TEST_P(RegistryStoreTest, OneCccdIsOnePerson) {
  add_person("Nguyễn Văn An", "042190001234");
  auto twin = registry_->create_person(tenant_, person("Nguyễn Văn Ân", "042190001234"));
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().kind, ErrorKind::conflict);
  EXPECT_NE(twin.error().message.vi.find("042190001234"), std::string::npos);
  // People without a CCCD are not duplicates of each other.
  add_person("Lê Văn Bình");
  add_person("Lê Văn Bình");
  EXPECT_EQ(count("persons"), 3);
}

TEST_P(RegistryStoreTest, TenantsAreIsolated) {
  auto other = registry_->create_agency({0, "STC-HT", "Sở Tài chính Hà Tĩnh", "Hà Tĩnh"});
  ASSERT_TRUE(other);
  add_person("Nguyễn Văn An", "042190001234");
  // The same CCCD may be in another agency's registry; each agency sees only its own.
  ASSERT_TRUE(registry_->create_person(other->id, person("Nguyễn Văn An", "042190001234")));
  EXPECT_EQ(names({}).size(), 1u);
  auto found = registry_->find_person_by_id_number(other->id, "042190001234");
  ASSERT_TRUE(found && *found);
}

TEST_P(RegistryStoreTest, OneCurrentMembershipPerOrganizationButHistoryStays) {
  const auto union_ = add_organization("CD");
  const Id an = add_person("Nguyễn Văn An");
  enrol(an, union_.id, MembershipStatus::left);
  enrol(an, union_.id);  // rejoined
  Membership again;
  again.person_id = an;
  again.organization_id = union_.id;
  auto duplicate = registry_->create_membership(tenant_, again);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, ErrorKind::conflict);
  auto memberships = registry_->memberships_of(tenant_, an);
  ASSERT_TRUE(memberships);
  EXPECT_EQ(memberships->size(), 2u);
}

TEST_P(RegistryStoreTest, SearchIgnoresTonesCaseAndStroke) {
  add_person("Trần Văn Đức");
  add_person("Lê Đức Anh");
  add_person("NGUYỄN THỊ HÀ");
  add_person("Phạm Văn Dục");
  add_person("Hoàng Thị Dung");
  MemberQuery query;
  query.search = "duc";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Lê Đức Anh", "Phạm Văn Dục", "Trần Văn Đức"}));
  query.search = "nguyen thi";
  EXPECT_EQ(names(query), (std::vector<std::string>{"NGUYỄN THỊ HÀ"}));
  query.search = "thi nguyen";  // the order of the words does not matter
  EXPECT_EQ(names(query), (std::vector<std::string>{"NGUYỄN THỊ HÀ"}));
  query.search = "uc";  // words are matched from their start
  EXPECT_TRUE(names(query).empty());
  query.search = "100%_";  // wildcards typed by a user are literal
  EXPECT_TRUE(names(query).empty());
}

TEST_P(RegistryStoreTest, SearchFindsIdAndPhoneNumbers) {
  Person an = person("Nguyễn Văn An", "042190001234");
  an.phone = "0912345678";
  ASSERT_TRUE(registry_->create_person(tenant_, an));
  add_person("Lê Văn Bình", "042190009999");
  MemberQuery query;
  query.search = "0012";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Nguyễn Văn An"}));
  query.search = "0912 345";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Nguyễn Văn An"}));
}

TEST_P(RegistryStoreTest, ListsSortByGivenNameThenMiddleThenFamilyWithDAfterD) {
  for (const auto* name :
       {"Trần Văn Đức", "Nguyễn Văn Dũng", "Lê Thị An", "Bùi Văn An", "Lê Văn Em", "Ân"}) {
    add_person(name);
  }
  EXPECT_EQ(names({}), (std::vector<std::string>{"Lê Thị An", "Bùi Văn An", "Ân", "Nguyễn Văn Dũng",
                                                 "Trần Văn Đức", "Lê Văn Em"}));
}

TEST_P(RegistryStoreTest, FiltersByOrganizationAndUnitAndPages) {
  const auto union_ = add_organization("CD");
  const auto youth = add_organization("DTN", OrganizationKind::youth_union);
  auto office = registry_->create_unit(tenant_, {0, "VP", "Văn phòng"});
  ASSERT_TRUE(office);
  Person an = person("Nguyễn Văn An");
  an.unit_id = office->id;
  auto created = registry_->create_person(tenant_, an);
  ASSERT_TRUE(created);
  const Id binh = add_person("Lê Văn Bình");
  const Id cuong = add_person("Trần Văn Cường");
  enrol(created->id, union_.id);
  enrol(created->id, youth.id);
  enrol(binh, union_.id);
  enrol(cuong, union_.id, MembershipStatus::left);

  MemberQuery query;
  query.organization_id = union_.id;
  EXPECT_EQ(names(query), (std::vector<std::string>{"Nguyễn Văn An", "Lê Văn Bình"}));
  query.include_former = true;
  EXPECT_EQ(names(query).size(), 3u);
  auto total = registry_->count_members(tenant_, query);
  ASSERT_TRUE(total);
  EXPECT_EQ(*total, 3);
  query.limit = 1;
  query.offset = 1;
  EXPECT_EQ(names(query), (std::vector<std::string>{"Lê Văn Bình"}));

  MemberQuery by_unit;
  by_unit.unit_id = office->id;
  std::vector<MemberListing> listings;
  ASSERT_TRUE(
      registry_->list_members(tenant_, by_unit, [&](const MemberListing& listing) -> Status {
        listings.push_back(listing);
        return {};
      }));
  ASSERT_EQ(listings.size(), 1u);
  EXPECT_EQ(listings[0].unit_name, "Văn phòng");
  EXPECT_EQ(listings[0].organization_codes, "CD, DTN");  // in the order of the organizations' names
}

TEST_P(RegistryStoreTest, ImportCreatesMatchesAndEnrolsSetBased) {
  const auto union_ = add_organization("CD");
  const Id existing = add_person("Nguyễn Văn An", "042190001234");
  Person by_name = person("Lê Thị Hà", "", CivilDate{1990, 2, 3});
  ASSERT_TRUE(registry_->create_person(tenant_, by_name));
  enrol(existing, union_.id);

  std::vector<StagedMember> rows = {
      staged(2, "Nguyễn Văn An", "042190001234"),         // same CCCD: matched
      staged(3, "LÊ THỊ HÀ", "", CivilDate{1990, 2, 3}),  // same name (case aside) and birth date
      staged(4, "Trần Văn Bình", "042190005555"),         // new
      staged(5, "Trần Văn Bình", "042190005555"),         // same person again in the file
      staged(6, "Phạm Thị Dung", "", CivilDate{1995, 5, 5}),  // new
      staged(7, "Lê Thị Hà", "", CivilDate{1991, 2, 3}),      // same name, other birth date: new
      staged(8, "=HYPERLINK(\"x\")", "", CivilDate{1980, 1, 1}),  // stored as text
  };
  rows[1].person.phone = "0912345678";
  auto counts = import(rows, union_.id);
  ASSERT_TRUE(counts) << counts.error().message.en;
  EXPECT_EQ(counts->rows, 7);
  EXPECT_EQ(counts->people_created, 4);
  EXPECT_EQ(counts->people_matched, 3);
  EXPECT_EQ(counts->memberships_added, 5);
  EXPECT_EQ(counts->already_members, 1);
  EXPECT_EQ(count("persons"), 6);

  MemberQuery query;
  query.search = "le thi ha";
  std::vector<MemberListing> found;
  ASSERT_TRUE(registry_->list_members(tenant_, query, [&](const MemberListing& listing) -> Status {
    found.push_back(listing);
    return {};
  }));
  ASSERT_EQ(found.size(), 2u);
  // The matched person kept her name and got the phone she lacked.
  EXPECT_EQ(found[0].person.full_name, "Lê Thị Hà");
  EXPECT_EQ(found[0].person.phone, "0912345678");
  query.search = "=hyperlink";
  EXPECT_EQ(names(query), (std::vector<std::string>{"=HYPERLINK(\"x\")"}));

  // The same file again changes nothing.
  auto again = import(rows, union_.id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->people_created, 0);
  EXPECT_EQ(again->memberships_added, 0);
  EXPECT_EQ(count("persons"), 6);
}

// Both engines import the same way, though SQLite goes row by row and PostgreSQL set-based.
TEST_P(RegistryStoreTest, ImportGroupsRowsOfOneFileAndNamesUnitsAsFirstWritten) {
  const auto union_ = add_organization("CD");
  const Id registered = add_person("Võ Văn Cũ", "042190000001");
  std::vector<StagedMember> rows = {
      staged(2, "Hồ Thị Mai", "042190000002", CivilDate{1990, 1, 1}),
      staged(3, "HỒ THỊ MAI", "", CivilDate{1990, 1, 1}),  // no CCCD: not the row above
      staged(4, "Hồ Thị Mai", "", CivilDate{1990, 1, 1}),  // but the same as this one
      staged(5, "Võ Văn Cũ", "042190000001"),              // registered before
      staged(6, "Võ Văn Cũ", "042190000001"),              // and again
      staged(7, "Hồ Thị Mai", "042190000002"),             // the first row's CCCD
  };
  rows[0].unit_name = "Phòng kế toán";
  rows[1].unit_name = "PHÒNG KẾ TOÁN";
  rows[3].person.phone = "0912345678";
  rows[4].person.phone = "0987654321";
  auto counts = import(rows, union_.id);
  ASSERT_TRUE(counts) << counts.error().message.en;
  EXPECT_EQ(counts->rows, 6);
  EXPECT_EQ(counts->people_created, 2);
  EXPECT_EQ(counts->people_matched, 4);
  EXPECT_EQ(counts->memberships_added, 3);
  EXPECT_EQ(counts->already_members, 0);
  EXPECT_EQ(counts->units_created, 1);
  EXPECT_EQ(count("persons"), 3);
  EXPECT_EQ(count("memberships"), 3);

  auto units = registry_->list_units(tenant_);
  ASSERT_TRUE(units);
  ASSERT_EQ(units->size(), 1u);
  EXPECT_EQ((*units)[0].name, "Phòng kế toán") << "the file's first spelling";
  auto person = registry_->find_person(tenant_, registered);
  ASSERT_TRUE(person && *person);
  EXPECT_EQ((*person)->phone, "0912345678") << "filled from the first row that matched";
}

TEST_P(RegistryStoreTest, AFailedImportLeavesNothingBehind) {
  add_person("Nguyễn Văn An");
  size_t produced = 0;
  auto result = in_transaction(*connection_, [&] {
    return registry_->import_members(tenant_, std::nullopt, [&](StagedMember& row) -> Result<bool> {
      if (produced == 1000) {
        return fail(ErrorKind::invalid_input, "import.not_utf8", "dòng 1002 hỏng",
                    "line 1002 is broken", Location{1002, ""});
      }
      ++produced;
      row = staged(produced + 1, "Người Thứ " + std::to_string(produced));
      return true;
    });
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "import.not_utf8");
  EXPECT_EQ(result.error().where.line, 1002u);
  EXPECT_EQ(count("persons"), 1);
}

// A page of a search is read from the word index; the whole list by a scan. Both must agree, for
// prefixes that several words share, for several words, and after a name changes.
TEST_P(RegistryStoreTest, SearchPagesFromTheWordIndexAgreeWithTheWholeList) {
  const Organization union_ = add_organization("CD");
  const char* const kNames[] = {"Nguyễn Văn An",   "Trần Thị Anh",   "Lê An Khánh",
                                "Phạm Anh An",     "Đỗ Đức Anh",     "Nguyễn Thị Đức",
                                "Hoàng Ánh Dương", "Vũ Thị Thu Ánh", "Ngô Văn Bình",
                                "Nguyễn Ân",       "Bùi Đức Nguyên", "Lý Thị An"};
  std::vector<Id> ids;
  for (const char* name : kNames) ids.push_back(add_person(name));
  for (size_t i = 0; i < ids.size(); i += 2) enrol(ids[i], union_.id);
  auto whole = [&](MemberQuery query) {
    query.limit = -1;
    return names(query);
  };
  auto paged = [&](MemberQuery query, std::int64_t limit) {
    std::vector<std::string> all;
    for (std::int64_t offset = 0;; offset += limit) {
      query.limit = limit;
      query.offset = offset;
      auto page = names(query);
      all.insert(all.end(), page.begin(), page.end());
      if (static_cast<std::int64_t>(page.size()) < limit) return all;
    }
  };
  for (const std::string search : {"an", "anh", "duc", "nguyen thi", "an nguyen", "d", "ngu"}) {
    MemberQuery query;
    query.search = search;
    const auto expected = whole(query);
    EXPECT_EQ(paged(query, 2), expected) << search;
    EXPECT_EQ(paged(query, 50), expected) << search;
    auto count = registry_->count_members(tenant_, query);
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, static_cast<std::int64_t>(expected.size())) << search;
    query.organization_id = union_.id;
    EXPECT_EQ(paged(query, 3), whole(query)) << search << " in CD";
  }
  // A page from the index names each person's organizations as the whole list does.
  auto codes = [&](MemberQuery query) {
    std::vector<std::string> found;
    auto listed =
        registry_->list_members(tenant_, query, [&](const MemberListing& listing) -> Status {
          found.push_back(listing.person.full_name + ": " + listing.organization_codes + " " +
                          std::to_string(listing.organization_ids.size()));
          return {};
        });
    EXPECT_TRUE(listed);
    return found;
  };
  MemberQuery page_of_an, all_of_an;
  page_of_an.search = all_of_an.search = "an";
  page_of_an.limit = 50;
  EXPECT_EQ(codes(page_of_an), codes(all_of_an));
  const auto page_codes = codes(page_of_an);
  EXPECT_TRUE(std::ranges::any_of(
      page_codes, [](const std::string& line) { return line.ends_with(": CD 1"); }));
  // A page past the index's depth is read by a scan, with the same result.
  MemberQuery deep;
  deep.search = "an";
  deep.limit = 5;
  deep.offset = 1998;
  EXPECT_TRUE(names(deep).empty());
  deep.offset = 5;
  deep.limit = 2000;
  const auto everyone_an = whole(all_of_an);
  EXPECT_EQ(names(deep), std::vector<std::string>(everyone_an.begin() + 5, everyone_an.end()));
  MemberQuery an;
  an.search = "an";
  EXPECT_EQ(whole(an).size(), 9u);  // An, Anh, Ánh, Ân: not Bình, not Đức, not Khánh alone
  // A new name is found by its new words and no longer by its old ones.
  Person renamed = *registry_->find_person(tenant_, ids[8]).value();
  renamed.full_name = "Ngô Văn Cường";
  ASSERT_TRUE(registry_->update_person(tenant_, renamed));
  MemberQuery old_name, new_name;
  old_name.search = "binh";
  old_name.limit = 10;
  new_name.search = "cuong";
  new_name.limit = 10;
  EXPECT_TRUE(names(old_name).empty());
  EXPECT_EQ(names(new_name), (std::vector<std::string>{"Ngô Văn Cường"}));
}

// A search of several words is read from the combinations of its words (pairs and triples of a
// name's words; "~*" for a name too long to combine): the same people and counts as the check of
// every name, for names added one by one and imported, for prefixes, repeated words, long names
// and renamed people.
TEST_P(RegistryStoreTest, SearchesOfSeveralWordsAgreeWithTheCheckOfEveryName) {
  const Organization union_ = add_organization("CD");
  const char* const kAdded[] = {"Nguyễn Văn Đức",
                                "Nguyễn Văn Dũng",
                                "Nguyễn Thị Đức",
                                "Trần Văn Đức",
                                "Nguyễn Đức Văn",
                                "Nguyễn Nguyễn Văn Đức",
                                "Văn Đức",
                                "Đức",
                                "Lê Văn Đạt Nguyễn",
                                "Nguyễn Văn Bình",
                                "Tôn Nữ Thị Văn Đức Nguyễn Hạ"};
  std::vector<Id> ids;
  for (const char* name : kAdded) ids.push_back(add_person(name));
  for (size_t i = 0; i < ids.size(); i += 2) enrol(ids[i], union_.id);
  std::vector<StagedMember> rows = {
      staged(2, "Nguyễn Văn Đức", "", CivilDate{1990, 1, 1}),
      staged(3, "Phạm Nguyễn Văn Đức Anh Minh Khoa", "", CivilDate{1991, 1, 1}),  // 7 words
      staged(4, "Nguyễn Văn Nguyễn Đông", "", CivilDate{1992, 1, 1}),
      staged(5, "Hồ ~* Văn Đức", "", CivilDate{1993, 1, 1}),
  };
  ASSERT_TRUE(import(rows, union_.id));
  auto whole = [&](MemberQuery query) {
    query.limit = -1;
    return names(query);
  };
  const char* const kSearches[] = {
      "nguyen van duc",     "nguyen van", "van duc",       "duc nguyen",       "nguyen van d",
      "ng van d",           "van duc ng", "nguyen nguyen", "ng nguyen",        "d du",
      "nguyen van duc anh", "duc khoa",   "van xyz",       "thi ha nguyen ton"};
  for (const std::string search : kSearches) {
    MemberQuery query;
    query.search = search;
    const auto expected = whole(query);
    query.limit = 50;
    EXPECT_EQ(names(query), expected) << search;
    query.limit = 2;
    EXPECT_EQ(names(query),
              std::vector<std::string>(expected.begin(),
                                       expected.begin() + std::min<size_t>(2, expected.size())))
        << search;
    auto count = registry_->count_members(tenant_, query);
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, static_cast<std::int64_t>(expected.size())) << search;
    query.count_limit = 2;
    count = registry_->count_members(tenant_, query);
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, std::min<std::int64_t>(2, expected.size())) << search;
    query.count_limit = -1;
    query.organization_id = union_.id;
    const auto in_union = whole(query);
    query.limit = 50;
    EXPECT_EQ(names(query), in_union) << search << " in CD";
    count = registry_->count_members(tenant_, query);
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, static_cast<std::int64_t>(in_union.size())) << search << " in CD";
  }
  MemberQuery three;
  three.search = "nguyen van duc";
  EXPECT_EQ(whole(three).size(), 6u);
  // The plan reads the combinations: one key for three whole words, one per word that a prefix
  // begins, and the long names.
  auto plan = registry_->plan_search(tenant_, {"nguyen", "van", "duc"});
  ASSERT_TRUE(plan && *plan);
  EXPECT_EQ((*plan)->combinations, (std::vector<std::string>{"~duc nguyen van"}));
  EXPECT_TRUE((*plan)->others.empty());
  EXPECT_EQ((*plan)->long_names.size(), 3u);
  plan = registry_->plan_search(tenant_, {"nguyen", "van", "d"});
  ASSERT_TRUE(plan && *plan);
  auto keys = (*plan)->combinations;
  std::ranges::sort(keys);
  EXPECT_EQ(keys, (std::vector<std::string>{"~dat nguyen van", "~dong nguyen van",
                                            "~duc nguyen van", "~dung nguyen van"}));
  // Two typed words that begin one word fall back to the word that drives.
  plan = registry_->plan_search(tenant_, {"ng", "nguyen"});
  ASSERT_TRUE(plan && *plan);
  EXPECT_TRUE((*plan)->combinations.empty());
  // Added one by one or imported, a name has the same rows.
  auto rows_of = [&](Id person) {
    std::vector<std::string> words;
    const SqlValue params[] = {tenant_, person};
    EXPECT_TRUE(connection_->query(
        "SELECT word FROM person_words WHERE tenant_id = $1 AND person_id = $2 ORDER BY word",
        params, [&](const SqlRow& row) -> Status {
          words.push_back(row.text(0));
          return {};
        }));
    return words;
  };
  auto imported = [&](const std::string& name) {
    Id id = 0;
    const SqlValue params[] = {tenant_, name};
    EXPECT_TRUE(
        connection_->query("SELECT max(id) FROM persons WHERE tenant_id = $1 AND full_name = $2",
                           params, [&](const SqlRow& row) -> Status {
                             id = row.integer(0);
                             return {};
                           }));
    return id;
  };
  auto sorted_index_words = [](const std::string& name) {
    auto words = index_words(fold_for_search(name));
    std::ranges::sort(words);
    return words;
  };
  for (const StagedMember& row : rows) {
    EXPECT_EQ(rows_of(imported(row.person.full_name)), sorted_index_words(row.person.full_name))
        << row.person.full_name;
  }
  for (size_t i = 0; i < ids.size(); ++i)
    EXPECT_EQ(rows_of(ids[i]), sorted_index_words(kAdded[i])) << kAdded[i];
  // People stored before the combinations get them from migration 0009 (with "~*" typed in a
  // name no longer a word).
  auto all_rows = [&] {
    std::vector<std::string> found;
    EXPECT_TRUE(
        connection_->query("SELECT person_id, word FROM person_words ORDER BY person_id, word", {},
                           [&](const SqlRow& row) -> Status {
                             found.push_back(std::to_string(row.integer(0)) + " " + row.text(1));
                             return {};
                           }));
    return found;
  };
  const auto indexed = all_rows();
  const SqlValue no_params[] = {tenant_};
  ASSERT_TRUE(connection_->execute(
      "DELETE FROM person_words WHERE tenant_id = $1 AND word LIKE '~%' AND word <> '~*'",
      no_params));
  ASSERT_TRUE(connection_->execute(
      "INSERT INTO person_words (tenant_id, word, sort_key, person_id) SELECT tenant_id, '~*', "
      "sort_key, person_id FROM person_words WHERE tenant_id = $1 AND word = 'ho'",
      no_params));
  const auto migration = std::ranges::find_if(migrations_for(connection_->engine()),
                                              [](const Migration& m) { return m.version == 9; });
  ASSERT_TRUE(migration != migrations_for(connection_->engine()).end());
  ASSERT_TRUE(connection_->execute_script(migration->sql));
  EXPECT_EQ(all_rows(), indexed);
  // A new name has the combinations of its new words only.
  Person renamed = *registry_->find_person(tenant_, ids[0]).value();
  renamed.full_name = "Nguyễn Thị Hoa";
  ASSERT_TRUE(registry_->update_person(tenant_, renamed));
  EXPECT_EQ(rows_of(ids[0]), sorted_index_words("Nguyễn Thị Hoa"));
  EXPECT_EQ(whole(three).size(), 5u);
  three.limit = 50;
  EXPECT_EQ(names(three).size(), 5u);
  auto count = registry_->count_members(tenant_, three);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 5);
  MemberQuery hoa;
  hoa.search = "thi hoa";
  hoa.limit = 50;
  EXPECT_EQ(names(hoa), (std::vector<std::string>{"Nguyễn Thị Hoa"}));
}

TEST_P(RegistryStoreTest, PeopleTakingPartAndNotAddUpToEveryone) {
  const Organization trade_union = add_organization("CD");
  const Organization youth_union = add_organization("DTN");
  const Id both = add_person("Lê Văn An");
  const Id youth = add_person("Phạm Thị Bích");
  const Id left = add_person("Trần Văn Cường");
  add_person("Ngô Thị Dung");  // in no organization
  enrol(both, trade_union.id);
  enrol(both, youth_union.id);
  enrol(youth, youth_union.id);
  enrol(left, trade_union.id, MembershipStatus::left);
  MemberQuery current, none, everyone;
  current.membership = MembershipState::current;
  none.membership = MembershipState::none;
  EXPECT_EQ(names(current), (std::vector<std::string>{"Lê Văn An", "Phạm Thị Bích"}))
      << "in two organizations, listed once";
  EXPECT_EQ(names(none), (std::vector<std::string>{"Trần Văn Cường", "Ngô Thị Dung"}));
  EXPECT_EQ(registry_->count_members(tenant_, current).value_or(-1) +
                registry_->count_members(tenant_, none).value_or(-1),
            registry_->count_members(tenant_, everyone).value_or(-1));
  // With an organization: who is not (or no longer) in the trade union.
  none.organization_id = trade_union.id;
  EXPECT_EQ(names(none),
            (std::vector<std::string>{"Phạm Thị Bích", "Trần Văn Cường", "Ngô Thị Dung"}));
  current.organization_id = trade_union.id;
  EXPECT_EQ(names(current), (std::vector<std::string>{"Lê Văn An"}));
}

TEST_P(RegistryStoreTest, WhoLeftAndCameBackIsListedOnceWithTheLatestMembership) {
  const Organization union_ = add_organization("CD");
  const Id returner = add_person("Trần Văn Trở");
  add_person("Lê Thị Khác");
  enrol(returner, union_.id, MembershipStatus::left);
  enrol(returner, union_.id);
  MemberQuery query;
  query.organization_id = union_.id;
  query.include_former = true;
  std::vector<MembershipStatus> statuses;
  auto listed =
      registry_->list_members(tenant_, query, [&](const MemberListing& listing) -> Status {
        statuses.push_back(listing.membership->status);
        return {};
      });
  ASSERT_TRUE(listed);
  EXPECT_EQ(statuses, (std::vector<MembershipStatus>{MembershipStatus::active}));
  EXPECT_EQ(registry_->count_members(tenant_, query).value_or(-1), 1);
  query.search = "tro";
  query.limit = 10;
  EXPECT_EQ(names(query), (std::vector<std::string>{"Trần Văn Trở"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
