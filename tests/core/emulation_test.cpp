// The emulation rules and the year's evaluation on cases worked out by hand: who is proposed for
// which title and why not, the quota that takes the best by the council's vote, a rule changed
// mid-year (the version in force on the day of the evaluation decides), the collectives' titles
// from their members' — and, over many random agencies, that no proposal breaks a quota or a
// criterion.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/emulation_evaluation.hpp"
#include "core/emulation_law.hpp"

namespace dk {
namespace {

constexpr std::string_view kLdtt = "lao-dong-tien-tien";
constexpr std::string_view kCstdcs = "chien-si-thi-dua-co-so";
constexpr std::string_view kTtldtt = "tap-the-lao-dong-tien-tien";
constexpr std::string_view kTtldxs = "tap-the-lao-dong-xuat-sac";

// The four titles as the law words them (the numbers as the tests need them, not a citation).
std::vector<TitleRule> rules() {
  std::vector<TitleRule> all;
  all.push_back({.title = std::string(kLdtt),
                 .name = {"Lao động tiên tiến", "Advanced worker"},
                 .subject = EmulationSubject::person,
                 .organization_kind = std::nullopt,
                 .effective_from = {2024, 1, 1},
                 .citation = {"Luật Thi đua, khen thưởng 2022", "Law 06/2022/QH15"},
                 .criteria = {rating_criterion(CriterionKind::rating_at_least, TaskRating::good),
                              number_criterion(CriterionKind::months_in_service, 10),
                              number_criterion(CriterionKind::absence_days_below, 40),
                              discipline_criterion(CriterionKind::discipline_below,
                                                   DisciplineLevel::reprimand)},
                 .quota = std::nullopt});
  all.push_back({.title = std::string(kCstdcs),
                 .name = {"Chiến sĩ thi đua cơ sở", "Grassroots emulation fighter"},
                 .subject = EmulationSubject::person,
                 .organization_kind = std::nullopt,
                 .effective_from = {2024, 1, 1},
                 .citation = {"Luật Thi đua, khen thưởng 2022", "Law 06/2022/QH15"},
                 .criteria = {number_criterion(CriterionKind::title_this_year, 0, kLdtt),
                              criterion_of(CriterionKind::initiative),
                              number_criterion(CriterionKind::council_votes_at_least, 70)},
                 .quota = Quota{.of_title = std::string(kLdtt), .percent = 15}});
  all.push_back(
      {.title = std::string(kTtldtt),
       .name = {"Tập thể lao động tiên tiến", "Advanced collective"},
       .subject = EmulationSubject::collective,
       .organization_kind = std::nullopt,
       .effective_from = {2024, 1, 1},
       .citation = {"Luật Thi đua, khen thưởng 2022", "Law 06/2022/QH15"},
       .criteria = {rating_criterion(CriterionKind::collective_rating_at_least, TaskRating::good),
                    number_criterion(CriterionKind::members_title_share_above, 50, kLdtt),
                    discipline_criterion(CriterionKind::members_discipline_below,
                                         DisciplineLevel::warning)},
       .quota = std::nullopt});
  all.push_back(
      {.title = std::string(kTtldxs),
       .name = {"Tập thể lao động xuất sắc", "Excellent collective"},
       .subject = EmulationSubject::collective,
       .organization_kind = std::nullopt,
       .effective_from = {2024, 1, 1},
       .citation = {"Luật Thi đua, khen thưởng 2022", "Law 06/2022/QH15"},
       .criteria = {rating_criterion(CriterionKind::members_rating_at_least, TaskRating::completed,
                                     100),
                    number_criterion(CriterionKind::members_title_share_at_least, 70, kLdtt),
                    number_criterion(CriterionKind::members_title_count, 1, kCstdcs),
                    discipline_criterion(CriterionKind::members_discipline_below,
                                         DisciplineLevel::warning)},
       .quota = std::nullopt});
  return all;
}

PersonYear good_worker(Id id) {
  return {.person = id,
          .rating = TaskRating::good,
          .months_in_service = 12,
          .absence_days = 0,
          .discipline = DisciplineLevel::none,
          .initiative = false,
          .earlier_titles = {},
          .attended = 0,
          .expected = 0,
          .votes = {}};
}

const TitleOutcome& outcome_of(const Evaluation& evaluation, std::string_view title, Id id) {
  for (const TitleOutcome& outcome : evaluation.outcomes)
    if (outcome.title == title && outcome.subject_id == id) return outcome;
  ADD_FAILURE() << "no outcome of " << title << " for " << id;
  static const TitleOutcome none;
  return none;
}

std::vector<std::string> reasons_vi(const TitleOutcome& outcome) {
  std::vector<std::string> texts;
  for (const Text& reason : outcome.reasons) texts.push_back(reason.vi);
  return texts;
}

TEST(EmulationRules, TheShippedShapeIsSoundAndEachFlawIsNamed) {
  const auto all = rules();
  EXPECT_TRUE(check_title_rules(all));
  auto circle = all;
  circle[0].criteria.push_back(number_criterion(CriterionKind::title_this_year, 0, kCstdcs));
  auto refused = check_title_rules(circle);
  ASSERT_FALSE(refused);
  EXPECT_EQ(
      refused.error().message.en,
      "The rule of “Grassroots emulation fighter” from 01/01/2024: titles depend on each other "
      "in a circle.");
  auto unknown = all;
  unknown[2].criteria[1].title = "khong-co";
  refused = check_title_rules(unknown);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().where.field, "criteria[1]");
  auto share = all;
  share[1].criteria[2].number = 170;
  EXPECT_FALSE(check_title_rules(share));
  auto twice = all;
  twice.push_back(all[0]);
  EXPECT_FALSE(check_title_rules(twice));
  auto mixed = all;
  mixed[0].criteria.push_back(number_criterion(CriterionKind::members_title_count, 1, kLdtt));
  EXPECT_FALSE(check_title_rules(mixed)) << "a collective's criterion in a person's title";
  auto moved = all;
  moved.push_back(all[0]);
  moved.back().effective_from = {2026, 7, 1};
  EXPECT_TRUE(check_title_rules(moved)) << "a later version of the same title";
  moved.back().organization_kind = OrganizationKind::youth_union;
  refused = check_title_rules(moved);
  ASSERT_FALSE(refused) << "a later version may not change whose title it is";
  EXPECT_EQ(refused.error().where.field, "subject");
}

TEST(EmulationRules, AnOrganizationSeesTheTitlesOfItsKindAndEachKindSaysWhatItNeeds) {
  auto all = rules();
  TitleRule own = all[0];
  own.title = "doan-vien-cong-doan-xuat-sac";
  own.organization_kind = OrganizationKind::trade_union;
  all.push_back(own);
  EXPECT_EQ(rules_for(all, OrganizationKind::trade_union).size(), all.size());
  EXPECT_EQ(rules_for(all, OrganizationKind::youth_union).size(), all.size() - 1);
  const CriterionNeeds share = needs_of(CriterionKind::members_title_share_at_least);
  EXPECT_TRUE(share.number && share.percent && share.title && share.collective);
  EXPECT_FALSE(share.rating || share.discipline);
  const CriterionNeeds initiative = needs_of(CriterionKind::initiative);
  EXPECT_FALSE(initiative.number || initiative.rating || initiative.title || initiative.collective);
  for (const auto& entry : code_entries<CriterionKind>())
    EXPECT_EQ(parse_code<CriterionKind>(entry.code), entry.value) << entry.code;
  EXPECT_EQ(code_entries<CriterionKind>().size(),
            static_cast<std::size_t>(CriterionKind::members_discipline_below) + 1)
      << "every kind has a code";
}

TEST(EmulationEvaluation, EachPersonIsProposedOrToldEveryCriterionNotMet) {
  std::vector<PersonYear> people;
  people.push_back(good_worker(1));
  PersonYear newcomer = good_worker(2);
  newcomer.months_in_service = 6;
  newcomer.rating = TaskRating::completed;
  people.push_back(newcomer);
  PersonYear reprimanded = good_worker(3);
  reprimanded.discipline = DisciplineLevel::reprimand;
  people.push_back(reprimanded);
  PersonYear absent = good_worker(4);
  absent.absence_days = 40;
  people.push_back(absent);
  const auto all = rules();
  const Evaluation year = evaluate_year(all, {2026, 12, 20}, 2026, people, {});
  EXPECT_EQ(outcome_of(year, kLdtt, 1).verdict, Verdict::proposed);
  EXPECT_TRUE(outcome_of(year, kLdtt, 1).reasons.empty());
  EXPECT_EQ(reasons_vi(outcome_of(year, kLdtt, 2)),
            (std::vector<std::string>{"Xếp loại “Hoàn thành tốt nhiệm vụ” trở lên",
                                      "Công tác từ 10 tháng trở lên trong năm"}));
  EXPECT_EQ(reasons_vi(outcome_of(year, kLdtt, 3)),
            (std::vector<std::string>{"Không bị kỷ luật từ hình thức khiển trách trở lên"}));
  EXPECT_EQ(outcome_of(year, kLdtt, 4).reasons.at(0).en, "Fewer than 40 working days absent");
  EXPECT_EQ(year.proposed.at(std::string(kLdtt)), 1);
  // Not proposed for LĐTT, so not for CSTĐCS either, whatever else.
  const auto not_ldtt = reasons_vi(outcome_of(year, kCstdcs, 2));
  EXPECT_EQ(not_ldtt.front(), "Đạt danh hiệu “Lao động tiên tiến” trong năm");
}

TEST(EmulationEvaluation, TheQuotaTakesTheBestByTheCouncilsVoteAndSaysItWasFull) {
  // 14 advanced workers, four of them with an initiative and the council's votes: the quota of
  // 15 % of 14 is 2 (rounded down); the two with the most yes votes are proposed.
  std::vector<PersonYear> people;
  for (Id id = 1; id <= 14; ++id) people.push_back(good_worker(id));
  const std::pair<Id, std::int64_t> votes[] = {{3, 9}, {5, 10}, {8, 8}, {11, 10}};
  for (auto [id, yes] : votes) {
    PersonYear& person = people[static_cast<std::size_t>(id - 1)];
    person.initiative = true;
    person.votes[std::string(kCstdcs)] = {yes, 11};
  }
  people[7].votes[std::string(kCstdcs)] = {7, 11};  // 63.6 %: below 70 %, not eligible at all
  people[10].rating = TaskRating::excellent;        // 11 ties with 5 on votes, rated better
  const auto all = rules();
  const Evaluation year = evaluate_year(all, {2026, 12, 20}, 2026, people, {});
  EXPECT_EQ(year.proposed.at(std::string(kLdtt)), 14);
  EXPECT_EQ(year.caps.at(std::string(kCstdcs)), 2);
  EXPECT_EQ(year.proposed.at(std::string(kCstdcs)), 2);
  EXPECT_EQ(outcome_of(year, kCstdcs, 11).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(year, kCstdcs, 5).verdict, Verdict::proposed);
  const TitleOutcome& third = outcome_of(year, kCstdcs, 3);
  EXPECT_EQ(third.verdict, Verdict::over_quota);
  EXPECT_EQ(reasons_vi(third),
            (std::vector<std::string>{"Vượt hạn mức: tối đa 2 (15 % của 14 người đạt “Lao động "
                                      "tiên tiến”)"}));
  EXPECT_EQ(outcome_of(year, kCstdcs, 8).verdict, Verdict::not_eligible);
  EXPECT_EQ(reasons_vi(outcome_of(year, kCstdcs, 8)),
            (std::vector<std::string>{"Được từ 70 % thành viên Hội đồng bỏ phiếu đồng ý"}));
}

TEST(EmulationEvaluation, TheVersionInForceOnTheDayOfTheEvaluationDecides) {
  // From 01/07/2026 the organization asks fewer than 30 days of absence (its own choice).
  auto all = rules();
  TitleRule stricter = all[0];
  stricter.effective_from = {2026, 7, 1};
  stricter.criteria[2].number = 30;
  stricter.criteria[2].own_choice = true;
  all.push_back(stricter);
  ASSERT_TRUE(check_title_rules(all));
  PersonYear person = good_worker(1);
  person.absence_days = 35;
  const std::vector<PersonYear> people{person};
  const Evaluation before = evaluate_year(all, {2026, 6, 30}, 2026, people, {});
  EXPECT_EQ(outcome_of(before, kLdtt, 1).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(before, kLdtt, 1).rule_from, (CivilDate{2024, 1, 1}));
  const Evaluation after = evaluate_year(all, {2026, 12, 20}, 2026, people, {});
  EXPECT_EQ(outcome_of(after, kLdtt, 1).verdict, Verdict::not_eligible);
  EXPECT_EQ(outcome_of(after, kLdtt, 1).rule_from, (CivilDate{2026, 7, 1}));
  EXPECT_EQ(reasons_vi(outcome_of(after, kLdtt, 1)),
            (std::vector<std::string>{"Nghỉ dưới 30 ngày làm việc"}));
  // A title with no version in force yet is not evaluated at all.
  EXPECT_EQ(rule_in_force(all, kLdtt, {2023, 12, 31}), nullptr);
}

TEST(EmulationEvaluation, CollectivesFollowTheirMembersTitles) {
  // Department 100: four members, three advanced workers (75 %), one of them also a grassroots
  // emulation fighter; department 200: two members, one advanced (50 %, not above half), and
  // one disciplined with a warning.
  std::vector<PersonYear> people;
  for (Id id = 1; id <= 4; ++id) people.push_back(good_worker(id));
  people[3].rating = TaskRating::completed;
  people[0].initiative = true;
  people[0].votes[std::string(kCstdcs)] = {10, 10};
  people.push_back(good_worker(5));
  PersonYear warned = good_worker(6);
  warned.discipline = DisciplineLevel::warning;
  people.push_back(warned);
  const std::vector<CollectiveYear> collectives{
      {.collective = 100, .rating = TaskRating::excellent, .members = {1, 2, 3, 4}, .votes = {}},
      {.collective = 200, .rating = TaskRating::good, .members = {5, 6}, .votes = {}}};
  const auto all = rules();
  // Four advanced workers (1, 2, 3, 5) allow no fighter: 15 % of 4 rounds down to none.
  const Evaluation small = evaluate_year(all, {2026, 12, 20}, 2026, people, collectives);
  EXPECT_EQ(small.caps.at(std::string(kCstdcs)), 0);
  EXPECT_EQ(outcome_of(small, kCstdcs, 1).verdict, Verdict::over_quota);
  EXPECT_EQ(outcome_of(small, kTtldtt, 100).verdict, Verdict::proposed);
  EXPECT_EQ(reasons_vi(outcome_of(small, kTtldxs, 100)),
            (std::vector<std::string>{"Có ít nhất 1 thành viên đạt danh hiệu “Chiến sĩ thi đua cơ "
                                      "sở”"}));
  EXPECT_EQ(
      reasons_vi(outcome_of(small, kTtldtt, 200)),
      (std::vector<std::string>{"Trên 50 % thành viên đạt danh hiệu “Lao động tiên tiến”",
                                "Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên"}));

  // With 10 more advanced workers in the organization the quota allows two, and department 100
  // becomes excellent.
  for (Id id = 7; id <= 16; ++id) people.push_back(good_worker(id));
  const Evaluation larger = evaluate_year(all, {2026, 12, 20}, 2026, people, collectives);
  EXPECT_EQ(larger.caps.at(std::string(kCstdcs)), 2);
  EXPECT_EQ(outcome_of(larger, kCstdcs, 1).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(larger, kTtldxs, 100).verdict, Verdict::proposed);
}

TEST(EmulationEvaluation, ConsecutiveYearsCountTheAwardsOfEarlierYears) {
  auto all = rules();
  all.push_back({.title = "chien-si-thi-dua-cap-tinh",
                 .name = {"Chiến sĩ thi đua cấp tỉnh", "Provincial emulation fighter"},
                 .subject = EmulationSubject::person,
                 .organization_kind = std::nullopt,
                 .effective_from = {2024, 1, 1},
                 .citation = {"", ""},
                 .criteria = {number_criterion(CriterionKind::title_consecutive, 3, kCstdcs)},
                 .quota = std::nullopt});
  ASSERT_TRUE(check_title_rules(all));
  std::vector<PersonYear> people;
  for (Id id = 1; id <= 20; ++id) people.push_back(good_worker(id));
  for (Id id : {1, 2}) {
    PersonYear& person = people[static_cast<std::size_t>(id - 1)];
    person.initiative = true;
    person.votes[std::string(kCstdcs)] = {9, 9};
    person.earlier_titles[2025] = {std::string(kLdtt), std::string(kCstdcs)};
  }
  people[0].earlier_titles[2024] = {std::string(kCstdcs)};
  people[1].earlier_titles[2023] = {std::string(kCstdcs)};  // 2024 missing: not consecutive
  const Evaluation year = evaluate_year(all, {2026, 12, 20}, 2026, people, {});
  EXPECT_EQ(outcome_of(year, "chien-si-thi-dua-cap-tinh", 1).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(year, "chien-si-thi-dua-cap-tinh", 2).reasons.at(0).vi,
            "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” 3 năm liên tục");
}

TEST(EmulationLaw, TheShippedRulesAreSoundAndFollowThe2022Law) {
  const auto shipped = shipped_title_rules();
  ASSERT_TRUE(check_title_rules(shipped));
  std::vector<std::string> order;
  for (const TitleRule* rule : rules_in_order(shipped, EmulationSubject::person, {2026, 12, 1}))
    order.push_back(rule->title);
  EXPECT_EQ(order,
            (std::vector<std::string>{std::string(kAdvancedWorker), std::string(kGrassrootsFighter),
                                      std::string(kProvincialFighter)}));
  // Under the 2022 law a grassroots fighter needs distinction or an initiative, no longer both;
  // six months in service are enough for an advanced worker (Circular 01/2024/TT-BNV).
  std::vector<PersonYear> people;
  for (Id id = 1; id <= 20; ++id) people.push_back(good_worker(id));
  people[0].rating = TaskRating::excellent;
  people[1].initiative = true;
  people[2].months_in_service = 6;
  people[3].months_in_service = 5;
  const Evaluation year = evaluate_year(shipped, {2026, 12, 20}, 2026, people, {});
  EXPECT_EQ(outcome_of(year, kGrassrootsFighter, 1).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(year, kGrassrootsFighter, 2).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(year, kGrassrootsFighter, 5).reasons.at(0).vi,
            "Xếp loại “Hoàn thành xuất sắc nhiệm vụ” hoặc có sáng kiến được công nhận");
  EXPECT_EQ(outcome_of(year, kAdvancedWorker, 3).verdict, Verdict::proposed);
  EXPECT_EQ(outcome_of(year, kAdvancedWorker, 4).reasons.at(0).en, "At least 6 months in service");
  // The values the law leaves to the organization, or that only the replaced rules set, say so.
  const TitleRule* fighter = rule_in_force(shipped, kGrassrootsFighter, {2026, 12, 20});
  ASSERT_NE(fighter, nullptr);
  ASSERT_TRUE(fighter->quota);
  EXPECT_TRUE(fighter->quota->own_choice);
  EXPECT_EQ(fighter->citation.vi, "Điều 23 Luật Thi đua, khen thưởng 2022");
  // Before the 2022 law took effect nothing shipped is in force: the years before are history.
  EXPECT_TRUE(rules_in_order(shipped, EmulationSubject::person, {2023, 12, 31}).empty());
}

// Over many random organizations: every proposal meets every criterion of its version (no
// reason given), no quota is exceeded, and nobody eligible is left over a quota that had room.
TEST(EmulationEvaluation, NoProposalBreaksAQuotaOrACriterion) {
  std::mt19937 random(20261207);
  const auto all = rules();
  for (int round = 0; round < 300; ++round) {
    std::vector<PersonYear> people;
    const int size = std::uniform_int_distribution(0, 60)(random);
    for (Id id = 1; id <= size; ++id) {
      PersonYear person = good_worker(id);
      person.rating = static_cast<TaskRating>(std::uniform_int_distribution(0, 3)(random));
      person.months_in_service = std::uniform_int_distribution(0, 12)(random);
      person.absence_days = std::uniform_int_distribution(0, 60)(random);
      person.discipline =
          static_cast<DisciplineLevel>(std::uniform_int_distribution(0, 11)(random) / 4);
      person.initiative = std::uniform_int_distribution(0, 2)(random) == 0;
      person.votes[std::string(kCstdcs)] = {std::uniform_int_distribution(0, 11)(random), 11};
      people.push_back(person);
    }
    std::vector<CollectiveYear> collectives;
    for (Id unit = 1; unit <= 5; ++unit) {
      CollectiveYear collective{
          .collective = 1000 + unit,
          .rating = static_cast<TaskRating>(std::uniform_int_distribution(0, 3)(random)),
          .members = {},
          .votes = {}};
      for (const PersonYear& person : people)
        if (person.person % 5 == unit % 5) collective.members.push_back(person.person);
      collectives.push_back(collective);
    }
    const Evaluation year = evaluate_year(all, {2026, 12, 20}, 2026, people, collectives);
    const std::int64_t ldtt = year.proposed.at(std::string(kLdtt));
    const std::int64_t cap = ldtt * 15 / 100;
    EXPECT_LE(year.proposed.at(std::string(kCstdcs)), cap) << "round " << round;
    std::int64_t eligible = 0;
    for (const TitleOutcome& outcome : year.outcomes) {
      if (outcome.verdict == Verdict::proposed) {
        EXPECT_TRUE(outcome.reasons.empty());
      }
      if (outcome.verdict != Verdict::not_eligible && outcome.title == kCstdcs) ++eligible;
      if (outcome.verdict == Verdict::over_quota) {
        EXPECT_EQ(year.proposed.at(outcome.title), year.caps.at(outcome.title))
            << "someone was left over a quota that had room, round " << round;
      }
    }
    EXPECT_EQ(year.proposed.at(std::string(kCstdcs)), std::min(eligible, cap));
    EXPECT_EQ(year.outcomes.size(), people.size() * 2 + collectives.size() * 2);
  }
}

}  // namespace
}  // namespace dk
