#include "demo/agency.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "demo/activities.hpp"
#include "demo/emulation.hpp"
#include "demo/funds.hpp"
#include "service/authentication.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::demo {

// The demo acts through the service's use cases where people would have.
using namespace dk::service;
namespace {

struct DemoUnit {
  std::string_view code;
  std::string_view name;
};
constexpr DemoUnit kUnits[] = {
    {"VP", "Văn phòng Sở"},
    {"TTRA", "Thanh tra Sở"},
    {"HCTP", "Phòng Hành chính tư pháp"},
    {"BTTP", "Phòng Bổ trợ tư pháp"},
    {"XDKT", "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật"},
    {"PBGD", "Phòng Phổ biến, giáo dục pháp luật"},
    {"TGPL", "Trung tâm Trợ giúp pháp lý nhà nước"},
    {"CC1", "Phòng Công chứng số 1"},
    {"DGTS", "Trung tâm Dịch vụ đấu giá tài sản"},
};

struct DemoOrganization {
  std::string_view code;
  std::string_view name;
  OrganizationKind kind;
  std::string_view superior;  // code of an external organization
};
constexpr DemoOrganization kSuperiors[] = {
    {"CDVC-HT", "Công đoàn Viên chức tỉnh Hà Tĩnh", OrganizationKind::trade_union, ""},
    {"DK-HT", "Đoàn Khối các cơ quan tỉnh Hà Tĩnh", OrganizationKind::youth_union, ""},
    {"HLG-HT", "Hội Luật gia tỉnh Hà Tĩnh", OrganizationKind::lawyers_association, ""},
};
constexpr DemoOrganization kOrganizations[] = {
    {"CD", "Công đoàn cơ sở Sở Tư pháp", OrganizationKind::trade_union, "CDVC-HT"},
    {"DTN", "Chi đoàn Sở Tư pháp", OrganizationKind::youth_union, "DK-HT"},
    {"CHLG", "Chi hội Luật gia Sở Tư pháp", OrganizationKind::lawyers_association, "HLG-HT"},
};

const PartnerUnit kPartners[] = {
    {0, "Tòa án nhân dân tỉnh Hà Tĩnh", "Thành phố Hà Tĩnh", "Phan Văn Hùng", "0912345601",
     "Giao lưu bóng đá"},
    {0, "Viện Kiểm sát nhân dân tỉnh Hà Tĩnh", "Thành phố Hà Tĩnh", "Lê Thị Thanh", "0912345602",
     ""},
    {0, "Cục Thi hành án dân sự tỉnh Hà Tĩnh", "Thành phố Hà Tĩnh", "Trần Đình Khoa", "0912345603",
     "Giao lưu cầu lông"},
    {0, "Sở Tài chính Hà Tĩnh", "Thành phố Hà Tĩnh", "Võ Thị Hà", "0912345604", ""},
};

// Invented names in the proportions of Hà Tĩnh (Nguyễn, Trần, Lê, Phan, Võ … ), with several Đức
// and a Dũng/Dung so that search and Đ-after-D sorting show.
constexpr std::array<std::string_view, 14> kFamilies = {"Nguyễn", "Trần", "Lê",   "Phan", "Võ",
                                                        "Hoàng",  "Đặng", "Bùi",  "Đinh", "Hồ",
                                                        "Phạm",   "Đoàn", "Thái", "Dương"};
constexpr std::array<std::string_view, 8> kMaleMiddles = {"Văn",  "Đức",   "Đình", "Xuân",
                                                          "Minh", "Quang", "Hữu",  "Công"};
constexpr std::array<std::string_view, 6> kFemaleMiddles = {"Thị",  "Thị Thu",   "Thị Minh",
                                                            "Ngọc", "Thị Thanh", "Thùy"};
constexpr std::array<std::string_view, 16> kMaleGivens = {
    "Đức", "Dũng", "Hùng", "Tuấn", "Anh",   "Long",  "Nam",  "Hải",
    "Sơn", "Quân", "Bình", "Đạt",  "Khánh", "Trung", "Vinh", "Lộc"};
constexpr std::array<std::string_view, 16> kFemaleGivens = {
    "Dung", "Hà",   "Lan", "Hương", "Mai", "Trang", "Nga",   "Hằng",
    "Thảo", "Linh", "Yến", "Hoa",   "Đào", "Vân",   "Nhung", "Oanh"};
constexpr std::array<std::string_view, 5> kPositions = {
    "Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Công chứng viên"};

// A small deterministic generator: the demo must be the same on every machine.
class Sequence {
 public:
  std::uint32_t next(std::uint32_t bound) {
    state_ = state_ * 1664525u + 1013904223u;
    return (state_ >> 8) % bound;
  }

 private:
  std::uint32_t state_ = 20251125u;
};

constexpr int kPeople = 60;

// One account per role: the trade union's chair and the youth union's secretary (officers), a
// plain member, a leader of the Department and an administrator, each a person of the demo agency.
Result<std::vector<DemoLogin>> add_demo_accounts(store::SqlConnection& connection, Id tenant,
                                                 const std::vector<Organization>& organizations,
                                                 const Clock& clock) {
  store::RegistryStore registry(connection);
  auto chairs = TRY(registry.committee_of(tenant, organizations[0].id));
  std::vector<Id> seated;
  for (const Organization& organization : organizations) {
    auto committee = TRY(registry.committee_of(tenant, organization.id));
    for (const CommitteeRole& role : committee) seated.push_back(role.person_id);
  }
  // People on no committee, in name order: the first two become the member and the leader.
  std::vector<std::pair<Id, std::string>> plain;
  auto listed = registry.list_members(tenant, {}, [&](const MemberListing& listing) -> Status {
    if (std::ranges::find(seated, listing.person.id) == seated.end() &&
        !listing.organization_codes.empty()) {
      plain.emplace_back(listing.person.id, listing.person.full_name);
    }
    return {};
  });
  if (!listed) return std::unexpected(listed.error());
  if (chairs.empty() || plain.size() < 3) {
    return fail(ErrorKind::internal, "demo.accounts", "Dữ liệu mẫu thiếu người để tạo tài khoản.",
                "The demo data lacks people for its accounts.");
  }
  auto chair = TRY(registry.find_person(tenant, chairs.front().person_id));
  // The trade union's treasurer: a member of its committee, the second officer of the funds.
  auto member_seat = std::ranges::find(chairs, CommitteeRoleKind::member, &CommitteeRole::role);
  if (member_seat == chairs.end()) {
    return fail(ErrorKind::internal, "demo.accounts", "Dữ liệu mẫu thiếu ủy viên Công đoàn.",
                "The demo data lacks a trade union committee member.");
  }
  auto treasurer = TRY(registry.find_person(tenant, member_seat->person_id));
  // The youth union's secretary (its chair), who asks the leadership for support.
  auto youth_committee = TRY(registry.committee_of(tenant, organizations[1].id));
  auto youth_chair_seat =
      std::ranges::find(youth_committee, CommitteeRoleKind::chair, &CommitteeRole::role);
  if (youth_chair_seat == youth_committee.end()) {
    return fail(ErrorKind::internal, "demo.accounts", "Dữ liệu mẫu thiếu Bí thư Chi đoàn.",
                "The demo data lacks the youth union's secretary.");
  }
  auto youth_chair = TRY(registry.find_person(tenant, youth_chair_seat->person_id));
  struct Seat {
    std::string login;
    Id person;
    std::string full_name;
    std::vector<Grant> grants;
    Text role;
  };
  const Seat seats[] = {
      {"quantri",
       plain.back().first,
       plain.back().second,
       {Grant::administrator},
       {"Quản trị hệ thống", "System administrator"}},
      {"lanhdao",
       plain[1].first,
       plain[1].second,
       {Grant::leadership},
       {"Lãnh đạo Sở (xem toàn bộ)", "Department leadership (reads everything)"}},
      {"chutichcd",
       chair->id,
       chair->full_name,
       {},
       {"Chủ tịch Công đoàn (cán bộ tổ chức)", "Trade union chair (officer)"}},
      {"thuquy",
       treasurer->id,
       treasurer->full_name,
       {},
       {"Thủ quỹ Công đoàn (ủy viên BCH)", "Trade union treasurer (committee member)"}},
      {"bithudoan",
       youth_chair->id,
       youth_chair->full_name,
       {},
       {"Bí thư Chi đoàn (cán bộ tổ chức)", "Youth union secretary (officer)"}},
      {"doanvien", plain[0].first, plain[0].second, {}, {"Đoàn viên, hội viên", "Member"}},
  };
  std::vector<DemoLogin> logins;
  for (const Seat& seat : seats) {
    NewAccount account{tenant, seat.person, seat.login, std::string(kDemoPassword), seat.grants};
    if (auto added = add_account(connection, account, clock); !added)
      return std::unexpected(added.error());
    logins.push_back({seat.login, std::string(kDemoPassword), seat.full_name, seat.role});
  }
  return logins;
}

}  // namespace

Result<DemoSummary> load_demo_agency(store::SqlConnection& connection, const Clock& clock) {
  store::RegistryStore registry(connection);
  auto existing = TRY(registry.find_agency(kDemoAgencyCode));
  if (existing) {
    DemoSummary unchanged;
    unchanged.agency = *existing;
    return unchanged;
  }

  const int this_year = vietnam_date(clock()).year;
  return store::in_transaction(connection, [&]() -> Result<DemoSummary> {
    DemoSummary summary;
    auto agency = registry.create_agency(
        Agency{0, std::string(kDemoAgencyCode), "Sở Tư pháp Hà Tĩnh", "Hà Tĩnh"});
    if (!agency) return std::unexpected(agency.error());
    summary.agency = *agency;
    summary.created = true;
    const Id tenant = agency->id;

    std::vector<Id> unit_ids;
    for (const auto& unit : kUnits) {
      auto created =
          registry.create_unit(tenant, Unit{0, std::string(unit.code), std::string(unit.name)});
      if (!created) return std::unexpected(created.error());
      unit_ids.push_back(created->id);
    }
    std::vector<Id> superior_ids;
    for (const auto& superior : kSuperiors) {
      auto created = TRY(registry.create_organization(
          tenant,
          Organization{
              0, std::string(superior.code), std::string(superior.name), superior.kind, {}, true}));
      superior_ids.push_back(created.id);
    }
    std::vector<Organization> organizations;
    for (size_t i = 0; i < std::size(kOrganizations); ++i) {
      const auto& organization = kOrganizations[i];
      auto created = TRY(registry.create_organization(
          tenant,
          Organization{0, std::string(organization.code), std::string(organization.name),
                       organization.kind, OrganizationRef{tenant, superior_ids[i]}, false}));
      organizations.push_back(created);
    }
    std::vector<Id> partner_ids;
    for (const auto& partner : kPartners) {
      auto created = TRY(registry.create_partner_unit(tenant, partner));
      partner_ids.push_back(created.id);
    }

    Sequence random;
    std::set<std::string> used_names;
    std::vector<std::pair<Id, int>> people;  // id, birth year
    for (int i = 0; i < kPeople; ++i) {
      const bool female = random.next(100) < 48;
      Person person;
      // Namesakes are real life, but in a demo of sixty they only confuse: draw again.
      do {
        const auto family = kFamilies[random.next(kFamilies.size())];
        const auto middle = female ? kFemaleMiddles[random.next(kFemaleMiddles.size())]
                                   : kMaleMiddles[random.next(kMaleMiddles.size())];
        const auto given = female ? kFemaleGivens[random.next(kFemaleGivens.size())]
                                  : kMaleGivens[random.next(kMaleGivens.size())];
        person.full_name = fmt::format("{} {} {}", family, middle, given);
      } while (!used_names.insert(person.full_name).second);
      person.gender = female ? Gender::female : Gender::male;
      const int year = this_year - 23 - static_cast<int>(random.next(36));
      const int month = 1 + static_cast<int>(random.next(12));
      person.birth_date =
          CivilDate{year, month,
                    1 + static_cast<int>(
                            random.next(static_cast<std::uint32_t>(days_in_month(year, month))))};
      // 042 is Hà Tĩnh; the next digit encodes century and gender as on a real CCCD.
      const int century_gender = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
      person.id_number =
          fmt::format("042{}{:02}{:06}", century_gender, year % 100, 100000 + i * 7919 % 900000);
      person.phone = fmt::format("09{:08}", 12340000 + i * 1237);
      person.email = i % 3 == 0 ? "" : fmt::format("canbo{:02}@stp.hatinh.example.vn", i + 1);
      person.address =
          fmt::format("Phường {}, Thành phố Hà Tĩnh", random.next(2) == 0 ? "Bắc Hà" : "Trần Phú");
      person.unit_id = unit_ids[static_cast<size_t>(i) % unit_ids.size()];
      person.position = std::string(kPositions[random.next(kPositions.size())]);
      auto created = TRY(registry.create_person(tenant, person));
      people.emplace_back(created.id, year);
      ++summary.people;
    }

    auto enrol = [&](const Organization& organization, Id person_id, int joined_year,
                     int index) -> Status {
      Membership membership;
      membership.person_id = person_id;
      membership.organization_id = organization.id;
      membership.joined_on = CivilDate{joined_year, 1 + index % 12, 1 + index % 28};
      membership.card_number = fmt::format("{}-{:04}", organization.code, index + 1);
      TRY(registry.create_membership(tenant, membership));
      ++summary.memberships;
      return {};
    };
    for (int i = 0; i < kPeople; ++i) {
      const auto [person_id, birth_year] = people[static_cast<size_t>(i)];
      const int age = this_year - birth_year;
      // Every civil servant but a newcomer or two is in the trade union; the under-36 in the youth
      // union (officers may stay to 35); those in legal work in the lawyers' branch.
      if (i % 29 != 5) {
        if (auto done = enrol(organizations[0], person_id,
                              std::max(birth_year + 23, this_year - 15 + i % 10), i);
            !done) {
          return std::unexpected(done.error());
        }
      }
      if (age <= 35) {
        if (auto done = enrol(organizations[1], person_id, birth_year + 16 + i % 4, i); !done) {
          return std::unexpected(done.error());
        }
      }
      const Id unit = unit_ids[static_cast<size_t>(i) % unit_ids.size()];
      const bool legal_work = unit != unit_ids[0] && unit != unit_ids[8];
      if (legal_work && i % 2 == 0) {
        if (auto done = enrol(organizations[2], person_id,
                              std::max(birth_year + 25, this_year - 12 + i % 8), i);
            !done) {
          return std::unexpected(done.error());
        }
      }
    }

    struct Seat {
      size_t organization;
      int person;
      CommitteeRoleKind role;
    };
    // Chosen among people who are members of the organization above.
    const Seat kSeats[] = {
        {0, 0, CommitteeRoleKind::chair},  {0, 1, CommitteeRoleKind::vice_chair},
        {0, 2, CommitteeRoleKind::member}, {0, 3, CommitteeRoleKind::member},
        {0, 4, CommitteeRoleKind::member},
    };
    for (const auto& seat : kSeats) {
      CommitteeRole role;
      role.organization_id = organizations[seat.organization].id;
      role.person_id = people[static_cast<size_t>(seat.person)].first;
      role.role = seat.role;
      role.term = "2023–2028";
      role.term_start = CivilDate{2023, 6, 1};
      role.term_end = CivilDate{2028, 5, 31};
      if (auto created = registry.create_committee_role(tenant, role); !created)
        return std::unexpected(created.error());
    }
    // The youth union's and the lawyers' branch's committees from their own members.
    for (size_t o = 1; o < organizations.size(); ++o) {
      MemberQuery query;
      query.organization_id = organizations[o].id;
      query.limit = 3;
      std::vector<Id> members;
      auto listed =
          registry.list_members(tenant, query, [&](const MemberListing& listing) -> Status {
            members.push_back(listing.person.id);
            return {};
          });
      if (!listed) return std::unexpected(listed.error());
      const CommitteeRoleKind roles[] = {
          CommitteeRoleKind::chair, CommitteeRoleKind::vice_chair,
          o == 2 ? CommitteeRoleKind::secretary : CommitteeRoleKind::member};
      for (size_t k = 0; k < members.size(); ++k) {
        CommitteeRole role;
        role.organization_id = organizations[o].id;
        role.person_id = members[k];
        role.role = roles[k];
        role.term = o == 1 ? "2022–2027" : "2023–2028";
        role.term_start = o == 1 ? CivilDate{2022, 9, 1} : CivilDate{2023, 6, 1};
        role.term_end = o == 1 ? CivilDate{2027, 8, 31} : CivilDate{2028, 5, 31};
        if (auto created = registry.create_committee_role(tenant, role); !created) {
          return std::unexpected(created.error());
        }
      }
    }
    auto year = TRY(load_demo_activities(connection, tenant, organizations, partner_ids, clock));
    summary.activities = year.activities;
    summary.attendance = year.attendance;
    if (auto accounts = add_demo_accounts(connection, tenant, organizations, clock); !accounts) {
      return std::unexpected(accounts.error());
    } else {
      summary.logins = std::move(*accounts);
    }
    auto funds = load_demo_funds(connection, tenant, organizations, clock);
    if (!funds) return std::unexpected(funds.error());
    summary.funds = funds->funds;
    summary.fund_entries = funds->entries;
    const auto emulation = TRY(load_demo_emulation(connection, tenant, organizations[0], clock));
    summary.titles_proposed = emulation.proposed;
    summary.titles_awarded = emulation.awards;
    return summary;
  });
}

}  // namespace dk::demo
