#pragma once
// Where the fund store's contract tests start: the agency of StoreTest with two organizations, an
// officer's account that records money, and helpers that open funds and post ledger entries built
// by core/ledger, as the service posts them.

#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/fund_store.hpp"
#include "support/store_fixture.hpp"

namespace dk::testing {

class FundStoreFixture : public StoreTest {
 protected:
  void seed() override {
    add_unions();
    officer_ = add_account(add_person("Nguyễn Thị Ánh"), "anh.nt");
    today_ = test_today();
  }

  // A fund of this agency that opens today.
  Fund fund_of(const std::string& name, std::vector<Id> organizers,
               FundKind kind = FundKind::campaign) const {
    Fund opened;
    opened.tenant_id = tenant_;
    opened.kind = kind;
    opened.name = name;
    opened.starts_on = today_;
    opened.organization_ids = std::move(organizers);
    return opened;
  }

  Id create_fund(const Fund& fund) {
    auto created = store::FundStore(*connection_).create_fund(fund, officer_, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  // An entry of `fund` booked today by the officer; the caller sets the rest.
  LedgerEntry entry(EntryKind kind, Id fund, Dong amount, std::vector<LedgerLine> lines) const {
    LedgerEntry entry;
    entry.tenant_id = tenant_;
    entry.kind = kind;
    entry.fund_id = fund;
    entry.amount = amount;
    entry.occurred_on = today_;
    entry.recorded_by = officer_;
    entry.recorded_at = now_;
    entry.lines = std::move(lines);
    return entry;
  }

  Id post(const LedgerEntry& entry) {
    auto id = store::FundStore(*connection_).post(entry);
    EXPECT_TRUE(id) << id.error().message.en;
    return id.value_or(0);
  }

  // A donation from an outside giver.
  Id donate(Id fund, Dong amount, PaymentMethod method = PaymentMethod::cash,
            const std::string& payer = "Công ty Hòa Bình") {
    LedgerEntry gift =
        entry(EntryKind::donation, fund, amount, donation_lines(fund, method, amount));
    gift.method = method;
    gift.payer_kind = PayerKind::outside;
    gift.payer_name = payer;
    return post(gift);
  }

  Id pay_out(Id fund, Dong amount, PaymentMethod method = PaymentMethod::cash) {
    LedgerEntry payment =
        entry(EntryKind::disbursement, fund, amount, disbursement_lines(fund, method, amount));
    payment.method = method;
    payment.beneficiary = "Gia đình chị Trần Thị Lụa";
    return post(payment);
  }

  // The lines of an entry as "fund account amount pledge", one each.
  static std::vector<std::string> lines_of(const LedgerEntry& entry) {
    std::vector<std::string> lines;
    for (const LedgerLine& line : entry.lines) {
      lines.push_back(fmt::format("{} {} {} {}", line.fund_id, code_of(line.account), line.amount,
                                  line.pledge_id));
    }
    return lines;
  }

  Id officer_ = 0;  // an account
  CivilDate today_;
};

}  // namespace dk::testing
