// The emulation year on SQLite and PostgreSQL (issue 18): the trade union's ten members in two
// departments register, rate themselves and are reviewed; the rules in force propose the titles
// with every refusal explained (a reprimand, too short a service, the quota of Chiến sĩ thi đua cơ
// sở taken by the council's votes, a department with too few advanced workers); the proposal is
// refused while anyone is not reviewed, kept as it was made, sent back and made again, then
// decided with the bonus the law pays, the total the sum of the lines; the titles enter each
// person's history, which makes the next higher title possible. A member sees only their own file.
#include "service/emulation.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/commendation_bonus.hpp"
#include "core/emulation_law.hpp"
#include "service/emulation_rules.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

const std::string kLdtt(kAdvancedWorker);
const std::string kCstdcs(kGrassrootsFighter);
const std::string kProvincial(kProvincialFighter);
const std::string kAdvancedUnit(kAdvancedCollective);
const std::string kExcellentUnit(kExcellentCollective);

class EmulationTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    year_ = dk::testing::test_today().year;
    admin_unit_ = add_unit("Phòng Hành chính");
    work_unit_ = add_unit("Phòng Nghiệp vụ");
    const char* admin_names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Chi", "Phạm Văn Dũng",
                                 "Hoàng Thị Giang"};
    const char* work_names[] = {"Võ Thị Hà", "Đặng Văn Khánh", "Bùi Thị Lan", "Đỗ Văn Minh",
                                "Ngô Văn Nam"};
    for (const char* name : admin_names) people_.push_back(member(name, admin_unit_, "2020-01-01"));
    for (const char* name : work_names) people_.push_back(member(name, work_unit_, "2020-01-01"));
    // Nam joined on 1 December: under six months by the end of the year.
    sql("UPDATE memberships SET joined_on = $2 WHERE tenant_id = $1 AND person_id = $3",
        {fmt::format("{}-12-01", year_), people_[9]});
  }

  Id member(const std::string& name, Id unit, const std::string& joined) {
    const Id person = add_person(name, trade_union_);
    sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit, person});
    sql("UPDATE memberships SET joined_on = $2 WHERE tenant_id = $1 AND person_id = $3",
        {joined, person});
    return person;
  }

  Actor chair() const { return officer_of(trade_union_, people_[0]); }
  Actor as_member(Id person) const { return member_of(trade_union_, person); }

  static EmulationReview review(TaskRating rating, bool initiative = false,
                                DisciplineLevel discipline = DisciplineLevel::none) {
    EmulationReview review;
    review.rating = rating;
    review.initiative = initiative;
    review.discipline = discipline;
    return review;
  }

  // Reviews everyone as the committee decided, rates the departments and records the votes.
  void review_everyone() {
    const TaskRating ratings[] = {
        TaskRating::excellent, TaskRating::excellent, TaskRating::good, TaskRating::good,
        TaskRating::good,      TaskRating::good,      TaskRating::good, TaskRating::good,
        TaskRating::completed, TaskRating::good};
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const auto discipline = i == 6 ? DisciplineLevel::reprimand : DisciplineLevel::none;
      auto done = review_member(*connection_, chair(), trade_union_, year_, people_[i],
                                review(ratings[i], i == 0, discipline));
      ASSERT_TRUE(done) << done.error().message.en;
    }
    ASSERT_TRUE(review_unit(*connection_, chair(), trade_union_, year_, admin_unit_,
                            TaskRating::excellent));
    ASSERT_TRUE(
        review_unit(*connection_, chair(), trade_union_, year_, work_unit_, TaskRating::good));
    auto voted = record_votes(*connection_, chair(), trade_union_, year_, 7,
                              {{EmulationSubject::person, people_[0], kCstdcs, 6},
                               {EmulationSubject::person, people_[1], kCstdcs, 4}});
    ASSERT_TRUE(voted) << voted.error().message.en;
  }

  static const TitleOutcome* outcome(const EmulationYearView& view, const std::string& title,
                                     Id subject) {
    for (const TitleOutcome& outcome : view.evaluation.outcomes)
      if (outcome.title == title && outcome.subject_id == subject) return &outcome;
    return nullptr;
  }
  static std::string reasons(const TitleOutcome* outcome) {
    std::string text;
    for (const Text& reason : outcome ? outcome->reasons : std::vector<Text>{})
      text += reason.en + "; ";
    return text;
  }

  int year_ = 0;
  Id admin_unit_ = 0, work_unit_ = 0;
  std::vector<Id> people_;
};

TEST_P(EmulationTest, MembersRegisterAndRateThemselvesOnlyForThemselves) {
  const Id binh = people_[1];
  auto registered = register_titles(*connection_, as_member(binh), trade_union_, year_,
                                    EmulationSubject::person, binh, {kLdtt});
  ASSERT_TRUE(registered) << registered.error().message.en;
  ASSERT_EQ(registered->people.size(), 1u) << "a member sees only their own file";
  EXPECT_EQ(registered->people[0].member.registered, std::vector<std::string>{kLdtt});
  EXPECT_TRUE(registered->collectives.empty());

  EXPECT_EQ(error_code(register_titles(*connection_, as_member(binh), trade_union_, year_,
                                       EmulationSubject::person, people_[2], {kLdtt})),
            "access.forbidden");
  auto unknown = register_titles(*connection_, as_member(binh), trade_union_, year_,
                                 EmulationSubject::person, binh, {kAdvancedUnit});
  EXPECT_EQ(error_code(unknown), "emulation.title") << "a collective's title for a person";
  EXPECT_EQ(unknown.error().where.field, "titles[0]");

  auto rated = rate_self(*connection_, as_member(binh), trade_union_, year_, TaskRating::good,
                         "Hoàn thành 12/12 chỉ tiêu");
  ASSERT_TRUE(rated) << rated.error().message.en;
  EXPECT_EQ(rated->people[0].member.self_rating, TaskRating::good);
  EXPECT_EQ(error_code(review_member(*connection_, as_member(binh), trade_union_, year_, binh,
                                     review(TaskRating::excellent))),
            "access.forbidden");

  // The committee sends the file back; the member sees why, and rates again.
  auto returned = return_member_file(*connection_, chair(), trade_union_, year_, binh,
                                     "Thiếu minh chứng sáng kiến");
  ASSERT_TRUE(returned) << returned.error().message.en;
  auto mine = my_emulation(*connection_, as_member(binh), year_);
  ASSERT_TRUE(mine) << mine.error().message.en;
  ASSERT_EQ(mine->years.size(), 1u);
  EXPECT_EQ(mine->years[0].person.member.returned_reason, "Thiếu minh chứng sáng kiến");
  auto again = rate_self(*connection_, as_member(binh), trade_union_, year_, TaskRating::good, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->people[0].member.returned_reason, "");
  EXPECT_EQ(last_audit(), "rate_self emulation_year 9 192.0.2.1");
}

TEST_P(EmulationTest, TheRulesProposeTitlesAndExplainEveryRefusal) {
  review_everyone();
  auto view = read_emulation_year(*connection_, chair(), trade_union_, year_);
  ASSERT_TRUE(view) << view.error().message.en;
  EXPECT_EQ(view->unreviewed, 0);
  // An, Bình, Chi, Dũng, Giang, Hà, Lan: Khánh was reprimanded, Minh only completed his tasks,
  // Nam has served one month.
  EXPECT_EQ(view->evaluation.proposed[kLdtt], 7);
  EXPECT_EQ(outcome(*view, kLdtt, people_[6])->verdict, Verdict::not_eligible);
  EXPECT_NE(reasons(outcome(*view, kLdtt, people_[6])).find("eprimand"), std::string::npos)
      << reasons(outcome(*view, kLdtt, people_[6]));
  EXPECT_EQ(outcome(*view, kLdtt, people_[8])->verdict, Verdict::not_eligible);
  EXPECT_EQ(outcome(*view, kLdtt, people_[9])->verdict, Verdict::not_eligible);
  EXPECT_NE(reasons(outcome(*view, kLdtt, people_[9])).find("month"), std::string::npos)
      << reasons(outcome(*view, kLdtt, people_[9]));
  // 15 % of 7 advanced workers is one: An had 6 of the council's 7 votes, Bình 4.
  EXPECT_EQ(view->evaluation.caps[kCstdcs], 1);
  EXPECT_EQ(outcome(*view, kCstdcs, people_[0])->verdict, Verdict::proposed);
  EXPECT_EQ(outcome(*view, kCstdcs, people_[1])->verdict, Verdict::over_quota);
  EXPECT_EQ(outcome(*view, kCstdcs, people_[2])->verdict, Verdict::not_eligible);
  // The administration's five are all advanced workers with one fighter; the other department has
  // two advanced workers of five.
  EXPECT_EQ(outcome(*view, kExcellentUnit, admin_unit_)->verdict, Verdict::proposed);
  EXPECT_EQ(outcome(*view, kAdvancedUnit, work_unit_)->verdict, Verdict::not_eligible);
  ASSERT_EQ(view->collectives.size(), 2u);
  EXPECT_EQ(view->collectives[0].unit.name, "Phòng Hành chính");
  EXPECT_EQ(view->collectives[0].members, 5);
  std::int64_t proposed = 0;
  for (const TitleOutcome& each : view->evaluation.outcomes)
    proposed += each.verdict == Verdict::proposed ? 1 : 0;
  std::int64_t counted = 0;
  for (const auto& [title, count] : view->evaluation.proposed) counted += count;
  EXPECT_EQ(counted, proposed) << "the counts per title are the proposals listed";
}

TEST_P(EmulationTest, AProposalWaitsForEveryReviewThenIsKeptSentBackAndDecided) {
  const Id nam = people_[9];
  ASSERT_TRUE(review_member(*connection_, chair(), trade_union_, year_, people_[0],
                            review(TaskRating::excellent, true)));
  auto early = propose_titles(*connection_, chair(), trade_union_, year_);
  EXPECT_EQ(error_code(early), "emulation.unreviewed");
  EXPECT_NE(early.error().message.en.find("9 people"), std::string::npos)
      << early.error().message.en;

  review_everyone();
  auto proposed = propose_titles(*connection_, chair(), trade_union_, year_);
  ASSERT_TRUE(proposed) << proposed.error().message.en;
  EXPECT_EQ(proposed->record.stage, EmulationStage::proposed);
  EXPECT_EQ(proposed->evaluation.proposed[kLdtt], 7);
  EXPECT_EQ(error_code(review_member(*connection_, chair(), trade_union_, year_, nam,
                                     review(TaskRating::excellent))),
            "emulation.stage")
      << "nothing changes under a proposal";
  EXPECT_EQ(error_code(reopen_year(*connection_, chair(), trade_union_, year_, "")),
            "emulation.reason_missing");

  auto reopened =
      reopen_year(*connection_, chair(), trade_union_, year_, "Xem lại kỷ luật của anh Khánh");
  ASSERT_TRUE(reopened) << reopened.error().message.en;
  EXPECT_EQ(reopened->record.stage, EmulationStage::open);
  EXPECT_EQ(reopened->record.reopened_reason, "Xem lại kỷ luật của anh Khánh");
  ASSERT_TRUE(review_member(*connection_, chair(), trade_union_, year_, people_[6],
                            review(TaskRating::good)));
  ASSERT_TRUE(propose_titles(*connection_, chair(), trade_union_, year_));

  const EmulationDecision decision{fmt::format("15/QĐ-CĐCS"), CivilDate{year_, 12, 20},
                                   "Nguyễn Văn An"};
  auto decided = decide_titles(*connection_, chair(), trade_union_, year_, decision);
  ASSERT_TRUE(decided) << decided.error().message.en;
  EXPECT_EQ(decided->record.stage, EmulationStage::decided);
  ASSERT_TRUE(decided->record.decision);
  EXPECT_EQ(decided->record.decision->number, "15/QĐ-CĐCS");
  std::int64_t proposals = 0;
  for (const auto& [title, count] : decided->evaluation.proposed) proposals += count;
  ASSERT_EQ(static_cast<std::int64_t>(decided->awards.size()), proposals);
  // 8 advanced workers (Khánh's reprimand withdrawn), a fighter; the administration advanced and
  // excellent (chosen among the advanced), the other department advanced with 3 of 5.
  EXPECT_EQ(proposals, 8 + 1 + 3);
  Dong sum = 0;
  for (const EmulationAward& award : decided->awards) {
    EXPECT_EQ(award.bonus, title_bonus(award.title, decision.signed_on)) << award.title;
    sum += award.bonus.value_or(0);
  }
  EXPECT_EQ(decided->total_bonus, sum);
  EXPECT_EQ(title_bonus(kLdtt, CivilDate{2026, 12, 20}), 710'000) << "0,3 × 2.340.000 rounded up";
  EXPECT_EQ(last_audit(), "decide emulation_year 8 192.0.2.1");
  EXPECT_EQ(error_code(decide_titles(*connection_, chair(), trade_union_, year_, decision)),
            "emulation.stage");

  // An's titles are in his history.
  auto mine = my_emulation(*connection_, as_member(people_[0]), year_);
  ASSERT_TRUE(mine) << mine.error().message.en;
  std::vector<std::string> titles;
  for (const auto& entry : mine->awards) titles.push_back(entry.award.title);
  EXPECT_EQ(titles, (std::vector<std::string>{kCstdcs, kLdtt}));
  EXPECT_EQ(mine->awards[0].organization_name, "Công đoàn cơ sở");
  EXPECT_EQ(mine->awards[0].title_name.vi, "Chiến sĩ thi đua cơ sở");
}

TEST_P(EmulationTest, EarlierTitlesFromTheHistoryMakeTheHigherTitlePossible) {
  for (const int earlier : {year_ - 2, year_ - 1}) {
    sql("INSERT INTO emulation_awards (tenant_id, organization_id, year, subject, subject_id, "
        "title, rule_from, decision_number, decided_on) VALUES ($1, $2, $3, 'person', $4, $5, "
        "'2024-01-01', '9/QĐ-CĐCS', $6)",
        {trade_union_, std::int64_t{earlier}, people_[0], kCstdcs,
         fmt::format("{}-12-20", earlier)});
  }
  review_everyone();
  auto view = read_emulation_year(*connection_, chair(), trade_union_, year_);
  ASSERT_TRUE(view) << view.error().message.en;
  EXPECT_EQ(outcome(*view, kProvincial, people_[0])->verdict, Verdict::proposed)
      << "three years of Chiến sĩ thi đua cơ sở and an initiative: "
      << reasons(outcome(*view, kProvincial, people_[0]));
  EXPECT_EQ(outcome(*view, kProvincial, people_[1])->verdict, Verdict::not_eligible);
}

TEST_P(EmulationTest, TheYouthUnionsRatingRuleLowersAReviewByParticipation) {
  const Id dung = add_person("Phạm Thị Dung", youth_union_);
  sql("UPDATE memberships SET joined_on = '2020-01-01' WHERE tenant_id = $1 AND person_id = $2",
      {dung});
  // Half of the activities expected of her.
  sql("INSERT INTO engagement_people (tenant_id, year, organization_id, person_id, unit_id, "
      "member, current_member, attended, expected, months, kind_counts, previous_attended) "
      "VALUES ($1, $2, $3, $4, 0, 1, 1, 5, 10, 12, 0, 0)",
      {std::int64_t{year_}, youth_union_, dung});
  auto reviewed = review_member(*connection_, officer_of(youth_union_), youth_union_, year_, dung,
                                review(TaskRating::excellent));
  ASSERT_TRUE(reviewed) << reviewed.error().message.en;
  ASSERT_EQ(reviewed->people.size(), 1u);
  const auto& person = reviewed->people[0];
  EXPECT_EQ(person.member.review->rating, TaskRating::excellent) << "the committee's word kept";
  EXPECT_EQ(person.rating_applied, TaskRating::completed) << "50 %: below 90 % and 70 %";
  EXPECT_FALSE(person.rating_notes.empty());
  EXPECT_EQ(person.member.attended, 5);
  EXPECT_EQ(person.member.expected, 10);
}

TEST_P(EmulationTest, VotesAndReviewsOutsideTheRulesAreRefusedByField) {
  auto too_many = record_votes(*connection_, chair(), trade_union_, year_, 7,
                               {{EmulationSubject::person, people_[0], kCstdcs, 8}});
  EXPECT_EQ(error_code(too_many), "emulation.votes");
  EXPECT_EQ(too_many.error().where.field, "votes[0].yes");
  auto twice = record_votes(*connection_, chair(), trade_union_, year_, 7,
                            {{EmulationSubject::person, people_[0], kCstdcs, 3},
                             {EmulationSubject::person, people_[0], kCstdcs, 4}});
  EXPECT_EQ(twice.error().where.field, "votes[1]");
  auto stranger = review_member(*connection_, chair(), trade_union_, year_,
                                add_person("Người Ngoài"), review(TaskRating::good));
  EXPECT_EQ(error_code(stranger), "emulation.not_member");
  EmulationReview absent = review(TaskRating::good);
  absent.absence_days = 400;
  EXPECT_EQ(
      error_code(review_member(*connection_, chair(), trade_union_, year_, people_[1], absent)),
      "emulation.absence_days");
  EXPECT_EQ(
      error_code(read_emulation_year(*connection_, officer_of(youth_union_), trade_union_, year_)),
      "access.forbidden");
}

// The administrator's versions of the rules: a stricter Lao động tiên tiến from 1 July (mid-year)
// applies to the open year, one from next year does not yet; what cannot be a rule is refused by
// field, and only administrators add.
TEST_P(EmulationTest, AVersionAddedByTheAdministratorAppliesFromItsDay) {
  TitleRule stricter = *rule_in_force(shipped_title_rules(), kLdtt, {year_, 1, 1});
  stricter.effective_from = {year_, 7, 1};
  stricter.citation = {"Quyết định 12/QĐ-CĐCS", "Decision 12/QĐ-CĐCS"};
  stricter.criteria[0].rating = TaskRating::excellent;
  EXPECT_EQ(error_code(add_title_rule(*connection_, chair(), stricter)), "access.forbidden");
  auto added = add_title_rule(*connection_, administrator(), stricter);
  ASSERT_TRUE(added) << added.error().message.en;
  TitleRule later = stricter;
  later.effective_from = {year_ + 1, 1, 1};
  later.criteria[0].rating = TaskRating::good;
  ASSERT_TRUE(add_title_rule(*connection_, administrator(), later));

  auto rules = list_title_rules(*connection_, officer_of(trade_union_));
  ASSERT_TRUE(rules) << rules.error().message.en;
  std::vector<std::pair<CivilDate, bool>> versions;
  for (const TitleRuleVersion& version : rules->versions)
    if (version.rule.title == kLdtt)
      versions.emplace_back(version.rule.effective_from, version.in_force);
  EXPECT_EQ(versions,
            (std::vector<std::pair<CivilDate, bool>>{
                {{2024, 1, 1}, false}, {{year_, 7, 1}, true}, {{year_ + 1, 1, 1}, false}}));
  EXPECT_FALSE(rules->may_edit);

  review_everyone();
  auto view = read_emulation_year(*connection_, chair(), trade_union_, year_);
  ASSERT_TRUE(view) << view.error().message.en;
  EXPECT_EQ(view->evaluation.proposed[kLdtt], 2) << "only An and Bình completed with distinction";
  EXPECT_EQ(outcome(*view, kLdtt, people_[2])->rule_from, (CivilDate{year_, 7, 1}));
  EXPECT_NE(reasons(outcome(*view, kLdtt, people_[2])).find("distinction"), std::string::npos)
      << reasons(outcome(*view, kLdtt, people_[2]));

  auto twice = add_title_rule(*connection_, administrator(), stricter);
  EXPECT_EQ(error_code(twice), "emulation.rule_version_exists");
  EXPECT_EQ(twice.error().where.field, "effective_from");
  TitleRule bad = stricter;
  bad.effective_from = {year_, 8, 1};
  bad.title = "Lao Động";
  EXPECT_EQ(add_title_rule(*connection_, administrator(), bad).error().where.field, "title");
  bad.title = kLdtt;
  bad.subject = EmulationSubject::collective;
  bad.criteria = {rating_criterion(CriterionKind::collective_rating_at_least, TaskRating::good)};
  EXPECT_EQ(add_title_rule(*connection_, administrator(), bad).error().where.field, "subject");
  bad = stricter;
  bad.effective_from = {year_, 8, 1};
  bad.criteria[1] = number_criterion(CriterionKind::title_this_year, 0, "khong-co");
  EXPECT_EQ(add_title_rule(*connection_, administrator(), bad).error().where.field, "criteria[1]");
  bad.criteria.clear();
  EXPECT_EQ(add_title_rule(*connection_, administrator(), bad).error().where.field, "criteria");
}

// A title of the trade union's own is offered in the trade union's year and not in the youth
// union's, and proposed by its criteria.
TEST_P(EmulationTest, AnOrganizationsOwnTitleIsOfferedOnlyByItsKind) {
  const std::string own = "doan-vien-cong-doan-xuat-sac";
  TitleRule rule;
  rule.title = own;
  rule.name = {"Đoàn viên công đoàn xuất sắc", "Outstanding trade union member"};
  rule.subject = EmulationSubject::person;
  rule.organization_kind = OrganizationKind::trade_union;
  rule.effective_from = {year_, 1, 1};
  rule.citation = {"Quy chế thi đua của Công đoàn cơ sở", "The grassroots union's regulation"};
  rule.criteria = {rating_criterion(CriterionKind::rating_at_least, TaskRating::excellent),
                   number_criterion(CriterionKind::title_this_year, 0, kLdtt)};
  EXPECT_EQ(error_code(add_title_rule(*connection_, administrator(), rule)),
            "emulation.rule_unknown_title")
      << "a version of a title nobody has";
  auto added = add_title_rule(*connection_, administrator(), rule, true);
  ASSERT_TRUE(added) << added.error().message.en;
  rule.effective_from = {year_, 2, 1};
  auto taken = add_title_rule(*connection_, administrator(), rule, true);
  EXPECT_EQ(error_code(taken), "emulation.rule_code_taken");
  EXPECT_EQ(taken.error().where.field, "title");

  review_everyone();
  auto view = read_emulation_year(*connection_, chair(), trade_union_, year_);
  ASSERT_TRUE(view) << view.error().message.en;
  EXPECT_TRUE(
      std::ranges::any_of(view->titles, [&](const TitleRule& t) { return t.title == own; }));
  EXPECT_EQ(outcome(*view, own, people_[0])->verdict, Verdict::proposed);
  EXPECT_EQ(outcome(*view, own, people_[2])->verdict, Verdict::not_eligible);

  const Id youth_member = add_person("Trương Văn Tâm", youth_union_);
  auto youth = read_emulation_year(*connection_, officer_of(youth_union_), youth_union_, year_);
  ASSERT_TRUE(youth) << youth.error().message.en;
  EXPECT_FALSE(
      std::ranges::any_of(youth->titles, [&](const TitleRule& t) { return t.title == own; }));
  EXPECT_EQ(error_code(register_titles(*connection_, officer_of(youth_union_), youth_union_, year_,
                                       EmulationSubject::person, youth_member, {own})),
            "emulation.title");
}

INSTANTIATE_TEST_SUITE_P(Engines, EmulationTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
