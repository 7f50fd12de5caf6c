#pragma once
// Where the funds' use-case tests start: the agency of ServiceTest with its two unions, the trade
// union's treasurer and a second officer (who approves what the first asks), one of its members,
// a department, and the trade union's standing welfare fund.

#include "service/donations.hpp"
#include "service/funds.hpp"
#include "support/service_fixture.hpp"

namespace dk::testing {

class FundServiceTest : public ServiceTest {
 protected:
  void seed() override {
    add_unions();
    treasurer_ = add_person("Nguyễn Thị Ánh", trade_union_);
    deputy_ = add_person("Trần Văn Đức", trade_union_);
    member_ = add_person("Lê Văn Bình", trade_union_);
    auto office = service::create_unit(*connection_, administrator(), Unit{0, "VP", "Văn phòng"});
    EXPECT_TRUE(office) << office.error().message.en;
    office_ = office ? office->id : 0;
    service::PersonChanges placed;
    placed.unit_id = std::optional<Id>{office_};
    EXPECT_TRUE(service::update_person(*connection_, administrator(), member_, placed));
    welfare_ = open_fund("Quỹ tương trợ", FundKind::standing, trade_union_);
  }

  service::Actor treasurer() const { return officer_of(trade_union_, treasurer_); }
  // Another officer of the trade union, signed in with account 10.
  service::Actor deputy() const {
    service::Actor actor = officer_of(trade_union_, deputy_);
    actor.principal.account_id = 10;
    return actor;
  }
  service::Actor member() const { return member_of(trade_union_, member_); }

  Id open_fund(const std::string& name, FundKind kind, Id organizer) {
    Fund fund;
    fund.kind = kind;
    fund.name = name;
    fund.starts_on = vietnam_date(now_);
    fund.organization_ids = {organizer};
    auto created = service::create_fund(*connection_, administrator(), fund);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->fund.id : 0;
  }

  // A gift from an outside giver, recorded by the treasurer.
  service::DonationInput gift(Dong amount, PaymentMethod method = PaymentMethod::cash) const {
    service::DonationInput input;
    input.amount = amount;
    input.method = method;
    input.payer =
        service::PayerInput{PayerKind::outside, std::nullopt, std::nullopt, "Công ty Hòa Bình"};
    return input;
  }
  Id donate(Id fund, Dong amount, PaymentMethod method = PaymentMethod::cash) {
    auto entry = service::record_donation(*connection_, treasurer(), fund, gift(amount, method));
    EXPECT_TRUE(entry) << entry.error().message.en;
    return entry ? entry->id : 0;
  }

  service::FundTotals totals(Id fund) {
    auto read = service::read_fund(*connection_, administrator(), fund);
    EXPECT_TRUE(read) << read.error().message.en;
    return read ? read->totals : service::FundTotals{};
  }

  Id treasurer_ = 0;
  Id deputy_ = 0;
  Id member_ = 0;
  Id office_ = 0;
  Id welfare_ = 0;
};

}  // namespace dk::testing
