#include "demo/funds.hpp"

#include <fmt/format.h>

#include <optional>

#include "demo/officer.hpp"
#include "service/disbursements.hpp"
#include "service/donations.hpp"
#include "service/funds.hpp"
#include "service/pledges.hpp"
#include "store/fund_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::demo {

// The demo acts through the service's use cases where people would have.
using namespace dk::service;
namespace {

// A gift of `amount` to `fund` from a person, a department or an outside giver.
struct Gift {
  PayerInput payer;
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  bool anonymous = false;
};

}  // namespace

Result<DemoFundsSummary> load_demo_funds(store::SqlConnection& connection, Id tenant,
                                         const std::vector<Organization>& organizations,
                                         const Clock& clock) {
  const int year = vietnam_date(clock()).year;
  const Id trade_union = organizations[0].id;
  const Id youth_union = organizations[1].id;
  auto treasurer = officer(connection, "thuquy", {trade_union, youth_union});
  if (!treasurer) return std::unexpected(treasurer.error());
  auto chair = officer(connection, "chutichcd", {trade_union});
  if (!chair) return std::unexpected(chair.error());

  store::RegistryStore registry(connection);
  std::vector<Person> people;
  auto listed = registry.list_members(tenant, {}, [&](const MemberListing& listing) {
    people.push_back(listing.person);
    return Status{};
  });
  if (!listed) return std::unexpected(listed.error());
  auto units = TRY(registry.list_units(tenant));
  if (people.size() < 40 || units.size() < 8) {
    return fail(ErrorKind::internal, "demo.funds", "Dữ liệu mẫu thiếu người cho các quỹ.",
                "The demo data lacks people for its funds.");
  }
  auto person = [&](std::size_t i) {
    return PayerInput{PayerKind::person, people[i % people.size()].id, {}, ""};
  };
  auto unit = [&](std::size_t i) { return PayerInput{PayerKind::unit, {}, (units)[i].id, ""}; };

  DemoFundsSummary summary;
  Actor& recorder = treasurer->actor;
  auto add_fund = [&](Fund fund) -> Result<Id> {
    treasurer->on(fund.starts_on);
    auto created = TRY(create_fund(connection, recorder, std::move(fund)));
    ++summary.funds;
    return created.fund.id;
  };
  auto give = [&](Id fund, CivilDate day, const Gift& gift) -> Status {
    treasurer->on(day);
    DonationInput input;
    input.amount = gift.amount;
    input.method = gift.method;
    input.received_on = day;
    input.payer = gift.payer;
    input.anonymous = gift.anonymous;
    TRY(record_donation(connection, recorder, fund, input));
    ++summary.entries;
    return {};
  };
  // Requested by the treasurer, approved by the chair unless `approve` is false.
  auto pay = [&](Id fund, CivilDate day, Dong amount, PaymentMethod method, std::string beneficiary,
                 std::string purpose, bool approve = true) -> Status {
    treasurer->on(day);
    auto requested =
        request_disbursement(connection, recorder, fund,
                             {amount, method, std::move(beneficiary), std::move(purpose), day});
    if (!requested) return std::unexpected(requested.error());
    if (!approve) return {};
    chair->on(day);
    TRY(approve_disbursement(connection, chair->actor, requested->request.id));
    ++summary.entries;
    return {};
  };
  auto close = [&](Id fund, CivilDate day) -> Status {
    treasurer->on(day);
    FundChanges changes;
    changes.status = FundStatus::closed;
    TRY(update_fund(connection, recorder, fund, changes));
    return {};
  };
  auto campaign = [&](std::string name, std::string purpose, std::string beneficiary,
                      CivilDate starts, CivilDate ends, std::optional<Dong> target,
                      std::vector<Id> organizers) {
    Fund fund;
    fund.kind = FundKind::campaign;
    fund.name = std::move(name);
    fund.purpose = std::move(purpose);
    fund.beneficiary = std::move(beneficiary);
    fund.starts_on = starts;
    fund.ends_on = ends;
    fund.target = target;
    fund.organization_ids = std::move(organizers);
    return fund;
  };

  // The trade union's welfare fund, fed at the end of last year, pays the Tết gifts.
  Fund welfare;
  welfare.kind = FundKind::standing;
  welfare.name = "Quỹ phúc lợi Công đoàn";
  welfare.purpose = "Thăm hỏi, tặng quà đoàn viên và gia đình có hoàn cảnh khó khăn";
  welfare.beneficiary = "Đoàn viên công đoàn và gia đình";
  welfare.starts_on = CivilDate{year - 1, 1, 1};
  welfare.organization_ids = {trade_union};
  auto welfare_id = TRY(add_fund(welfare));
  if (auto given = give(welfare_id, CivilDate{year - 1, 12, 20},
                        {{PayerKind::outside, {}, {}, "Kinh phí Công đoàn cơ sở trích lập"},
                         8'000'000,
                         PaymentMethod::bank_transfer});
      !given)
    return std::unexpected(given.error());
  treasurer->on(CivilDate{year, 2, 5});
  if (auto drawn = transfer_between_funds(
          connection, recorder, welfare_id,
          {welfare_id, 5'000'000, PaymentMethod::bank_transfer, PaymentMethod::cash,
           CivilDate{year, 2, 5}, "Rút tiền mặt mua quà Tết"});
      !drawn)
    return std::unexpected(drawn.error());
  for (std::size_t family = 0; family < 5; ++family) {
    const Person& member = people[3 + family * 7];
    if (auto paid = pay(welfare_id, CivilDate{year, 2, 10}, 1'000'000, PaymentMethod::cash,
                        fmt::format("Gia đình đồng chí {}", member.full_name),
                        "Quà Tết Nguyên đán cho gia đình có hoàn cảnh khó khăn");
        !paid)
      return std::unexpected(paid.error());
  }

  // The article's five gifts, each a campaign of the year closed and handed over.
  struct SeedCampaign {
    const char* name;
    const char* purpose;
    const char* beneficiary;
    CivilDate starts;
    CivilDate ends;
    std::vector<Id> organizers;
    std::vector<Gift> gifts;
    PaymentMethod paid_by;
  };
  std::vector<Gift> quang, ly_son, hoang_sa, memorial, flood;
  for (std::size_t i = 0; i < 14; ++i) quang.push_back({person(i), 200'000});
  for (std::size_t i = 0; i < 8; ++i)
    ly_son.push_back({unit(i), i < 4 ? 3'000'000 : 2'000'000, PaymentMethod::bank_transfer});
  for (std::size_t i = 0; i < 18; ++i) hoang_sa.push_back({person(14 + i), 130'000});
  for (std::size_t i = 0; i < 12; ++i) memorial.push_back({person(32 + i), 180'000});
  for (std::size_t i = 0; i < 20; ++i) flood.push_back({person(i * 2 + 1), 500'000});
  flood.push_back({{PayerKind::outside, {}, {}, "Văn phòng công chứng Hồng Lĩnh"},
                   3'000'000,
                   PaymentMethod::bank_transfer});
  flood.push_back({{PayerKind::outside, {}, {}, ""}, 2'000'000, PaymentMethod::cash, true});
  const SeedCampaign seeds[] = {
      {"Ủng hộ cháu Hồ Minh Quang",
       "Ủng hộ cháu Hồ Minh Quang ở thị trấn Thạch Hà",
       "Cháu Hồ Minh Quang, thị trấn Thạch Hà",
       CivilDate{year, 3, 2},
       CivilDate{year, 3, 20},
       {trade_union},
       quang,
       PaymentMethod::cash},
      {"Ủng hộ bà con đảo Lý Sơn",
       "Ủng hộ bà con đảo Lý Sơn – Quảng Ngãi",
       "UBND huyện Lý Sơn, tỉnh Quảng Ngãi",
       CivilDate{year, 4, 8},
       CivilDate{year, 4, 30},
       {trade_union},
       ly_son,
       PaymentMethod::bank_transfer},
      {"Ủng hộ quỹ Hoàng Sa",
       "Ủng hộ quỹ Hoàng Sa",
       "Quỹ Hoàng Sa",
       CivilDate{year, 6, 1},
       CivilDate{year, 6, 20},
       {trade_union},
       hoang_sa,
       PaymentMethod::bank_transfer},
      {"Xây dựng khu tưởng niệm “Nghĩa sĩ Hoàng Sa”",
       "Ủng hộ xây dựng khu tưởng niệm “Nghĩa sĩ Hoàng Sa”",
       "Ban quản lý khu tưởng niệm “Nghĩa sĩ Hoàng Sa”",
       CivilDate{year, 7, 1},
       CivilDate{year, 7, 27},
       {trade_union, youth_union},
       memorial,
       PaymentMethod::bank_transfer},
      {"Ủng hộ đồng bào lũ lụt, hạn hán",
       "Ủng hộ đồng bào lũ lụt, hạn hán",
       "Ủy ban MTTQ tỉnh Hà Tĩnh (tiếp nhận ủng hộ)",
       CivilDate{year, 10, 5},
       CivilDate{year, 10, 31},
       {trade_union, youth_union},
       flood,
       PaymentMethod::bank_transfer},
  };
  for (std::size_t s = 0; s < std::size(seeds); ++s) {
    const SeedCampaign& seed = seeds[s];
    auto id = TRY(add_fund(campaign(seed.name, seed.purpose, seed.beneficiary, seed.starts,
                                    seed.ends, std::nullopt, seed.organizers)));
    Dong total = 0;
    for (std::size_t g = 0; g < seed.gifts.size(); ++g) {
      // Spread over the campaign's first ten days, in the order they are recorded.
      const CivilDate day =
          add_days(seed.starts, static_cast<long>(1 + g * 10 / seed.gifts.size()));
      TRY(give(id, day, seed.gifts[g]));
      total += seed.gifts[g].amount;
    }
    TRY(close(id, seed.ends));
    // Cash collected goes to the bank before a bank payment, as treasurers do.
    const bool last = s + 1 == std::size(seeds);
    if (seed.paid_by == PaymentMethod::bank_transfer) {
      auto balance = TRY(store::FundStore(connection).balance(tenant, id));
      if (balance.cash > 0) {
        treasurer->on(seed.ends);
        TRY(transfer_between_funds(
            connection, recorder, id,
            {id, balance.cash, PaymentMethod::cash, PaymentMethod::bank_transfer, seed.ends,
             "Nộp tiền mặt vào tài khoản"}));
      }
    }
    // The last one awaits the chair's approval in the demo, to show the second signature.
    if (auto paid = pay(id, add_days(seed.ends, 3), total, seed.paid_by, seed.beneficiary,
                        seed.purpose, !last);
        !paid)
      return std::unexpected(paid.error());
  }

  // Open now: study encouragement, with members' pledges still to be paid (by transfer, to be
  // matched from the bank statement), so that the year's gifts stay the article's 42.300.000 đ.
  const CivilDate today = vietnam_date(clock());
  const CivilDate opens = add_days(today, -20);
  auto study = TRY(add_fund(campaign(fmt::format("Quỹ khuyến học năm {}", year),
                                     "Ủng hộ quỹ khuyến học cho con đoàn viên",
                                     "Con đoàn viên, hội viên học giỏi, vượt khó", opens,
                                     add_days(today, 35), 10'000'000, {trade_union})));
  for (std::size_t i = 0; i < 6; ++i) {
    treasurer->on(add_days(opens, static_cast<long>(i)));
    PledgeInput pledge;
    pledge.amount = i % 2 == 0 ? 500'000 : 300'000;
    pledge.person_id = people[i * 5 + 2].id;
    TRY(record_pledge(connection, recorder, study, pledge));
    ++summary.entries;
  }
  return summary;
}

}  // namespace dk::demo
