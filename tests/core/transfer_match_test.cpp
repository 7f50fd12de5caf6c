#include "core/transfer_match.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dk {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

const std::vector<std::string> kFlood = {"Ủng hộ đồng bào lũ lụt miền Trung"};
const std::vector<std::string> kHoangSa = {"Quỹ Hoàng Sa", "hoang sa truong sa"};

MatchCandidate pledge(Id pledge_id, Id person_id, std::string name, std::string unit,
                      Dong outstanding, Id fund_id = 100,
                      std::vector<std::string> fund_words = kFlood) {
  return {pledge_id,   person_id, std::move(name),      std::move(unit),
          outstanding, fund_id,   std::move(fund_words)};
}

MatchCandidate person(Id person_id, std::string name, std::string unit) {
  return {0, person_id, std::move(name), std::move(unit), 0, 0, {}};
}

// An office's pledges to the flood campaign and a few people.
std::vector<MatchCandidate> office() {
  return {
      pledge(1, 10, "Nguyễn Văn An", "Phòng Kế toán", 500000),
      pledge(2, 11, "Trần Thị Bình", "Phòng Kế toán", 300000),
      pledge(3, 12, "Lê Văn Cường", "Văn phòng", 500000),
      person(13, "Phạm Đức Dũng", "Phòng Tổ chức"),
      pledge(4, 14, "Hoàng Minh Châu", "Phòng Tổ chức", 2340000, 200, kHoangSa),
  };
}

std::vector<MatchProposal> match(std::string reference, Dong amount,
                                 const std::vector<MatchCandidate>& candidates = office(),
                                 std::string counterparty = "", std::size_t limit = 3) {
  return propose_matches(TransferNote{amount, std::move(reference), std::move(counterparty)},
                         candidates, limit);
}

TEST(ProposeMatches, ExactAmountAndFullNameAreStrong) {
  const auto proposals = match("NGUYEN VAN AN CHUYEN TIEN UH LU LUT", 500000);
  ASSERT_FALSE(proposals.empty());
  EXPECT_EQ(proposals[0].pledge_id, 1);
  EXPECT_EQ(proposals[0].person_id, 10);
  EXPECT_EQ(proposals[0].fund_id, 100);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  EXPECT_THAT(proposals[0].reasons, ElementsAre("amount.equal", "name.full", "fund.words"));
  // Cường's pledge has the same amount and fund, but nothing names him: a weak hint at most.
  for (std::size_t i = 1; i < proposals.size(); ++i) {
    EXPECT_EQ(proposals[i].strength, MatchStrength::weak);
  }
}

TEST(ProposeMatches, FullNameWithAnotherAmountIsLikely) {
  const auto partial = match("NGUYEN VAN AN CHUYEN TIEN UH LU LUT", 200000);
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].pledge_id, 1);
  EXPECT_EQ(partial[0].strength, MatchStrength::likely);
  EXPECT_THAT(partial[0].reasons, ElementsAre("amount.within", "name.full", "fund.words"));

  const auto more = match("Nguyen Van An ung ho", 1000000);
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].strength, MatchStrength::likely);
  EXPECT_THAT(more[0].reasons, ElementsAre("name.full"));
}

TEST(ProposeMatches, ReadsTheNameInAnyCaseWithOrWithoutDiacritics) {
  for (const char* reference : {"Trần Thị Bình ủng hộ", "TRAN THI BINH UNG HO", "tran thi binh",
                                "ung ho-tran thi binh.", "TRẦN   THỊ\u00A0BÌNH"}) {
    const auto proposals = match(reference, 300000);
    ASSERT_FALSE(proposals.empty()) << reference;
    EXPECT_EQ(proposals[0].pledge_id, 2) << reference;
    EXPECT_EQ(proposals[0].strength, MatchStrength::strong) << reference;
  }
}

TEST(ProposeMatches, ReadsTheUnitAbbreviation) {
  const auto proposals = match("ung ho mien trung - Tran Thi Binh P.KT", 300000);
  ASSERT_FALSE(proposals.empty());
  EXPECT_EQ(proposals[0].pledge_id, 2);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  EXPECT_THAT(proposals[0].reasons,
              ElementsAre("amount.equal", "name.full", "fund.words", "unit.words"));
  for (const char* unit : {"PKT", "p kt", "phong KT", "phong ke toan", "ke toan"}) {
    const auto written = match(std::string("Tran Thi Binh ") + unit, 300000);
    ASSERT_FALSE(written.empty()) << unit;
    EXPECT_THAT(written[0].reasons, Contains("unit.words")) << unit;
  }
  // "Văn phòng" is a kind of unit alone, abbreviated VP.
  const auto office_unit = match("Le Van Cuong VP ung ho", 500000);
  ASSERT_FALSE(office_unit.empty());
  EXPECT_EQ(office_unit[0].pledge_id, 3);
  EXPECT_THAT(office_unit[0].reasons, Contains("unit.words"));
  // Two letters alone are not a unit.
  EXPECT_THAT(match("Tran Thi Binh KT", 300000)[0].reasons, Not(Contains("unit.words")));
}

TEST(ProposeMatches, ReadsANameRunTogether) {
  const auto bank = match("MBVCB.123456.nguyenvanan ung ho", 500000);
  ASSERT_FALSE(bank.empty());
  EXPECT_EQ(bank[0].pledge_id, 1);
  EXPECT_EQ(bank[0].strength, MatchStrength::strong);
  EXPECT_THAT(bank[0].reasons, ElementsAre("amount.equal", "name.compact"));
  for (const char* reference : {"NguyenVanAn", "nguyenvan an ck", "IBFT123456nguyenvanan",
                                "nguyenvananchuyentien", "nguyenvanan123"}) {
    const auto proposals = match(reference, 500000);
    ASSERT_FALSE(proposals.empty()) << reference;
    EXPECT_EQ(proposals[0].pledge_id, 1) << reference;
    EXPECT_THAT(proposals[0].reasons, Contains("name.compact")) << reference;
  }
}

TEST(ProposeMatches, DoesNotMistakeALongerNameForAShorterOne) {
  // Nguyễn Văn Anh is someone else than Nguyễn Văn An.
  EXPECT_THAT(match("Nguyen Van Anh ung ho", 1000000), IsEmpty());
  EXPECT_THAT(match("nguyenvananh ung ho", 1000000), IsEmpty());
  EXPECT_THAT(match("Nguyen Van Anh ung ho", 500000), IsEmpty());  // the amount alone is not enough
  // A given name alone names no one; nor do its letters inside another word.
  EXPECT_THAT(match("An ung ho", 1000000), IsEmpty());
  EXPECT_THAT(match("Thanh chuyen tien", 1000000), IsEmpty());
}

TEST(ProposeMatches, ReadsInitialsAndGivenName) {
  for (const char* reference : {"NV An ung ho", "nv.an", "N.V.An ck", "N V AN"}) {
    const auto exact = match(reference, 500000);
    ASSERT_FALSE(exact.empty()) << reference;
    EXPECT_EQ(exact[0].pledge_id, 1) << reference;
    EXPECT_EQ(exact[0].strength, MatchStrength::likely) << reference;
    EXPECT_THAT(exact[0].reasons, ElementsAre("amount.equal", "name.initials")) << reference;
  }
  const auto other_amount = match("NV An ung ho", 1000000);
  ASSERT_EQ(other_amount.size(), 1u);
  EXPECT_EQ(other_amount[0].strength, MatchStrength::weak);
  // The initials must be followed by the given name itself.
  EXPECT_THAT(match("NV Anh ung ho", 1000000), IsEmpty());
  EXPECT_THAT(match("TV An ung ho", 1000000), IsEmpty());
}

TEST(ProposeMatches, CountsInitialsAloneOnlyWithTheExactAmount) {
  const auto exact = match("TTB ung ho bao lu", 300000);
  ASSERT_FALSE(exact.empty());
  EXPECT_EQ(exact[0].pledge_id, 2);
  EXPECT_EQ(exact[0].strength, MatchStrength::likely);
  EXPECT_THAT(exact[0].reasons, ElementsAre("amount.equal", "name.initials_only", "fund.words"));
  EXPECT_THAT(match("T.T.B ck", 300000)[0].reasons, Contains("name.initials_only"));
  EXPECT_THAT(match("TTB ung ho bao lu", 250000), IsEmpty());
}

TEST(ProposeMatches, AmountAndFundWordsAloneAreWeak) {
  const auto proposals = match("ung ho lu lut", 500000);
  // Both pledges of 500.000 đ to the flood fund, in the candidates' order; Bình's 300.000 đ is not.
  ASSERT_EQ(proposals.size(), 2u);
  EXPECT_EQ(proposals[0].pledge_id, 1);
  EXPECT_EQ(proposals[1].pledge_id, 3);
  for (const auto& proposal : proposals) {
    EXPECT_EQ(proposal.strength, MatchStrength::weak);
    EXPECT_THAT(proposal.reasons, ElementsAre("amount.equal", "fund.words"));
  }
  // An amount that no fund word backs is no evidence: round amounts are everyone's.
  EXPECT_THAT(match("chuyen tien", 500000), IsEmpty());
  EXPECT_THAT(match("ung ho", 500000), IsEmpty());
  // Nor fund words without the amount.
  EXPECT_THAT(match("ung ho lu lut mien trung", 400000), IsEmpty());
}

TEST(ProposeMatches, ReadsFundWordsAbbreviatedOrRunTogether) {
  for (const char* reference : {"UH LL MT", "ungho lulut", "uh mientrung", "MBVCB.99.UNGHOLULUT"}) {
    const auto proposals = match(reference, 500000);
    ASSERT_EQ(proposals.size(), 2u) << reference;
    EXPECT_THAT(proposals[0].reasons, Contains("fund.words")) << reference;
  }
  const auto hoang_sa = match("ung ho quy hoang sa", 2340000);
  ASSERT_EQ(hoang_sa.size(), 1u);
  EXPECT_EQ(hoang_sa[0].pledge_id, 4);
  EXPECT_EQ(hoang_sa[0].fund_id, 200);
}

TEST(ProposeMatches, MoreFundWordsScoreHigher) {
  const auto one = match("ung ho lu", 500000);
  const auto four = match("ung ho lu lut mien trung", 500000);
  ASSERT_FALSE(one.empty());
  ASSERT_FALSE(four.empty());
  EXPECT_GT(four[0].score, one[0].score);
}

TEST(ProposeMatches, TwoPeopleWithTheSameNameAreNeitherStrong) {
  auto candidates = office();
  candidates.push_back(pledge(5, 15, "Trần Thị Bình", "Phòng Tổ chức", 300000));
  const auto same = match("Tran Thi Binh ung ho", 300000, candidates);
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(same[0].pledge_id, 2);
  EXPECT_EQ(same[1].pledge_id, 5);
  EXPECT_EQ(same[0].strength, MatchStrength::likely);
  EXPECT_EQ(same[1].strength, MatchStrength::likely);
  EXPECT_EQ(same[0].score, same[1].score);

  // The unit tells them apart.
  const auto unit = match("Tran Thi Binh P.TC ung ho", 300000, candidates);
  ASSERT_EQ(unit.size(), 2u);
  EXPECT_EQ(unit[0].pledge_id, 5);
  EXPECT_EQ(unit[0].strength, MatchStrength::strong);
  EXPECT_EQ(unit[1].strength, MatchStrength::likely);

  // So does the amount.
  candidates.back().outstanding = 200000;
  const auto amount = match("Tran Thi Binh ung ho", 200000, candidates);
  ASSERT_EQ(amount.size(), 2u);
  EXPECT_EQ(amount[0].pledge_id, 5);
  EXPECT_EQ(amount[0].strength, MatchStrength::strong);
  EXPECT_EQ(amount[1].pledge_id, 2);
  EXPECT_EQ(amount[1].strength, MatchStrength::likely);
}

TEST(ProposeMatches, OnePersonsTwoPledgesAreToldApartByTheFund) {
  auto candidates = office();
  candidates.push_back(pledge(6, 14, "Hoàng Minh Châu", "Phòng Tổ chức", 2340000));  // flood too
  const auto unclear = match("Hoang Minh Chau ck", 2340000, candidates);
  ASSERT_EQ(unclear.size(), 2u);
  EXPECT_EQ(unclear[0].strength, MatchStrength::likely);
  const auto hoang_sa = match("Hoang Minh Chau ung ho Hoang Sa", 2340000, candidates);
  ASSERT_EQ(hoang_sa.size(), 2u);
  EXPECT_EQ(hoang_sa[0].pledge_id, 4);
  EXPECT_EQ(hoang_sa[0].strength, MatchStrength::strong);
  const auto flood = match("Hoang Minh Chau ung ho lu lut", 2340000, candidates);
  ASSERT_EQ(flood.size(), 2u);
  EXPECT_EQ(flood[0].pledge_id, 6);
  EXPECT_EQ(flood[0].strength, MatchStrength::strong);
}

TEST(ProposeMatches, APledgeOutranksItsPayerAsAPlainPerson) {
  auto candidates = office();
  candidates.push_back(person(11, "Trần Thị Bình", "Phòng Kế toán"));
  const auto proposals = match("Tran Thi Binh ung ho", 300000, candidates);
  ASSERT_EQ(proposals.size(), 2u);
  EXPECT_EQ(proposals[0].pledge_id, 2);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  EXPECT_EQ(proposals[1].pledge_id, 0);
  EXPECT_EQ(proposals[1].person_id, 11);
  EXPECT_EQ(proposals[1].strength, MatchStrength::likely);
}

TEST(ProposeMatches, FindsAPersonWithoutAPledge) {
  const auto proposals = match("PHAM DUC DUNG CK", 1000000);
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].pledge_id, 0);
  EXPECT_EQ(proposals[0].person_id, 13);
  EXPECT_EQ(proposals[0].strength, MatchStrength::likely);
  EXPECT_THAT(proposals[0].reasons, ElementsAre("name.full"));
}

TEST(ProposeMatches, ReadsTheCounterpartyToo) {
  const auto proposals = match("ung ho lu lut", 300000, office(), "TRAN THI BINH");
  ASSERT_FALSE(proposals.empty());
  EXPECT_EQ(proposals[0].pledge_id, 2);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  // A name is never spelled across the note and the counterparty.
  EXPECT_THAT(match("ung ho Tran Thi", 1000000, office(), "Binh"), IsEmpty());
  // An account number before the name does not hide it.
  EXPECT_EQ(match("ck", 300000, office(), "0011004455667 TRAN THI BINH")[0].pledge_id, 2);
}

TEST(ProposeMatches, AnOutsideGiversPledgeHasNoPerson) {
  std::vector<MatchCandidate> candidates = {pledge(7, 0, "Công ty Minh Phát", "", 20000000)};
  const auto proposals = match("CONG TY MINH PHAT UNG HO MIEN TRUNG", 20000000, candidates);
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0].pledge_id, 7);
  EXPECT_EQ(proposals[0].person_id, 0);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
}

TEST(ProposeMatches, MoneyOutNeverEqualsAPledge) {
  const auto proposals = match("Tran Thi Binh", -300000);
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_THAT(proposals[0].reasons, ElementsAre("name.full"));
  EXPECT_THAT(match("ung ho lu lut", -500000), IsEmpty());
  EXPECT_THAT(match("ung ho lu lut", 0), IsEmpty());
}

TEST(ProposeMatches, KeepsTheBestUpToTheLimitInAStableOrder) {
  std::vector<MatchCandidate> candidates;
  for (Id i = 1; i <= 6; ++i) candidates.push_back(pledge(i, 0, "Đoàn Văn Hùng", "", 100000));
  candidates.push_back(pledge(7, 0, "Đoàn Văn Hùng", "", 500000));
  const auto proposals = match("Doan Van Hung ung ho", 500000, candidates);
  ASSERT_EQ(proposals.size(), 3u);
  EXPECT_EQ(proposals[0].pledge_id, 7);  // the exact amount first
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  EXPECT_EQ(proposals[1].pledge_id, 1);  // then the candidates' own order
  EXPECT_EQ(proposals[2].pledge_id, 2);
  EXPECT_EQ(match("Doan Van Hung ung ho", 500000, candidates, "", 1).size(), 1u);
  EXPECT_THAT(match("Doan Van Hung ung ho", 500000, candidates, "", 0), IsEmpty());
  EXPECT_THAT(match("Doan Van Hung ung ho", 500000, {}), IsEmpty());
  // Deterministic: the same input, the same answer.
  const auto again = match("Doan Van Hung ung ho", 500000, candidates);
  for (std::size_t i = 0; i < proposals.size(); ++i) {
    EXPECT_EQ(again[i].pledge_id, proposals[i].pledge_id);
    EXPECT_EQ(again[i].score, proposals[i].score);
  }
}

TEST(ProposeMatches, SortsStrongBeforeLikelyBeforeWeak) {
  auto candidates = office();
  candidates.push_back(person(16, "Vũ Thị Hoa", ""));
  // Bình by name and amount (strong), Hoa by name (likely); An and Cường await 500.000 đ.
  const auto proposals =
      match("Tran Thi Binh, Vu Thi Hoa ung ho lu lut", 300000, candidates, "", 10);
  ASSERT_EQ(proposals.size(), 2u);
  EXPECT_EQ(proposals[0].pledge_id, 2);
  EXPECT_EQ(proposals[0].strength, MatchStrength::strong);
  EXPECT_EQ(proposals[1].person_id, 16);
  EXPECT_EQ(proposals[1].strength, MatchStrength::likely);
  // Hoa by name (likely), An and Cường by amount and fund (weak).
  const auto mixed = match("Vu Thi Hoa ung ho lu lut", 500000, candidates, "", 10);
  ASSERT_EQ(mixed.size(), 3u);
  EXPECT_EQ(mixed[0].person_id, 16);
  EXPECT_EQ(mixed[0].strength, MatchStrength::likely);
  EXPECT_EQ(mixed[1].strength, MatchStrength::weak);
  EXPECT_EQ(mixed[2].strength, MatchStrength::weak);
}

TEST(ProposeMatches, PreparedCandidatesGiveTheSameAnswers) {
  auto candidates = office();
  candidates.push_back(pledge(5, 15, "Trần Thị Bình", "Phòng Tổ chức", 300000));
  candidates.push_back(person(16, "Vũ Thị Hoa", ""));
  const PreparedCandidates prepared(candidates);
  EXPECT_EQ(prepared.size(), candidates.size());
  for (const char* reference :
       {"NGUYEN VAN AN CHUYEN TIEN UH LU LUT", "ung ho mien trung - Tran Thi Binh P.KT",
        "TTB ung ho bao lu", "MBVCB.123456.nguyenvanan ung ho", "NV An", "ung ho lu lut",
        "Vu Thi Hoa ung ho lu lut", "Hoang Minh Chau ung ho Hoang Sa", ""}) {
    for (const Dong amount : {300000, 500000, 2340000, 1000000}) {
      const TransferNote note{amount, reference, "TRAN THI BINH"};
      const auto once = propose_matches(note, candidates, 10);
      const auto again = propose_matches(note, prepared, 10);
      ASSERT_EQ(again.size(), once.size()) << reference << " " << amount;
      for (std::size_t i = 0; i < once.size(); ++i) {
        EXPECT_EQ(again[i].pledge_id, once[i].pledge_id);
        EXPECT_EQ(again[i].person_id, once[i].person_id);
        EXPECT_EQ(again[i].fund_id, once[i].fund_id);
        EXPECT_EQ(again[i].score, once[i].score);
        EXPECT_EQ(again[i].strength, once[i].strength);
        EXPECT_EQ(again[i].reasons, once[i].reasons);
      }
    }
  }
  // A prepared pool moves (a service keeps it while it reads a statement).
  PreparedCandidates first(candidates);
  const PreparedCandidates moved(std::move(first));
  EXPECT_EQ(propose_matches({300000, "Tran Thi Binh P.KT", ""}, moved)[0].pledge_id, 2);
}

}  // namespace
}  // namespace dk
