// Directives' rules without a database: what a directive must say, how a person comes to have
// studied it, the grading of the check questions, and the follow-up's counts, whose departments
// add up to the total.
#include "core/directive.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

std::string code_of_error(const Status& status) {
  return status ? "" : status.error().code;
}

Directive youth_month() {
  Directive directive;
  directive.organization_id = 2;
  directive.audience.organization_ids = {2};
  directive.number = "05-KH/TĐTN";
  directive.issuer = "Tỉnh đoàn Hà Tĩnh";
  directive.title = "Kế hoạch Tháng Thanh niên năm 2027";
  directive.issued_on = CivilDate{2027, 2, 20};
  directive.deadline = CivilDate{2027, 3, 10};
  directive.questions = {{"Tháng Thanh niên là tháng mấy?", {"Tháng 3", "Tháng 5"}, 0}};
  return directive;
}

Instant at(std::int64_t seconds) {
  return instant_of(seconds);
}

DirectiveProgressRow row(std::optional<Id> unit, std::string unit_name) {
  DirectiveProgressRow progress;
  progress.unit_id = unit;
  progress.unit_name = std::move(unit_name);
  progress.receipt.delivered_at = at(100);
  return progress;
}

TEST(Directive, NeedsATitleAnIssuerADeadlineAfterIssueAndItsOwnMembers) {
  EXPECT_TRUE(validate_directive(youth_month()));
  Directive untitled = youth_month();
  untitled.title.clear();
  EXPECT_EQ(code_of_error(validate_directive(untitled)), "directive.title_required");
  Directive anonymous = youth_month();
  anonymous.issuer.clear();
  EXPECT_EQ(code_of_error(validate_directive(anonymous)), "directive.issuer_required");
  Directive backwards = youth_month();
  backwards.deadline = CivilDate{2027, 2, 19};
  EXPECT_EQ(code_of_error(validate_directive(backwards)), "directive.deadline_before_issue");
  // The youth union posts to the trade union's members: refused.
  Directive overreach = youth_month();
  overreach.audience.organization_ids = {1, 2};
  EXPECT_EQ(code_of_error(validate_directive(overreach)), "directive.audience_other_organization");
  // The agency's own directive may go to any organizations.
  Directive agency = youth_month();
  agency.organization_id.reset();
  agency.audience.organization_ids = {1, 2};
  EXPECT_TRUE(validate_directive(agency));
}

TEST(Directive, ChecksItsQuestionsAndNamesTheFaultyOne) {
  Directive one_choice = youth_month();
  one_choice.questions.push_back({"Ai ban hành?", {"Tỉnh đoàn"}, 0});
  const Status status = validate_directive(one_choice);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, "directive.choices_count");
  EXPECT_EQ(status.error().where.field, "questions[1].choices");
  EXPECT_NE(status.error().message.vi.find("Câu hỏi 2"), std::string::npos);

  Directive wrong_answer = youth_month();
  wrong_answer.questions[0].answer = 2;
  EXPECT_EQ(code_of_error(validate_directive(wrong_answer)), "directive.answer_invalid");
  Directive too_many = youth_month();
  too_many.questions.assign(kMaxCheckQuestions + 1, youth_month().questions[0]);
  EXPECT_EQ(code_of_error(validate_directive(too_many)), "directive.too_many_questions");
}

TEST(Directive, GradesAnswersAndRefusesAnswersThatAreNoChoice) {
  std::vector<CheckQuestion> questions = {
      {"Một", {"a", "b"}, 1}, {"Hai", {"a", "b", "c"}, 2}, {"Ba", {"a", "b"}, 0}};
  auto all_right = grade_answers(questions, std::vector<int>{1, 2, 0});
  ASSERT_TRUE(all_right);
  EXPECT_EQ(all_right->right, 3u);
  EXPECT_TRUE(all_right->passed());
  auto two_right = grade_answers(questions, std::vector<int>{1, 0, 0});
  ASSERT_TRUE(two_right);
  EXPECT_EQ(two_right->right, 2u);
  EXPECT_FALSE(two_right->passed());
  auto too_few = grade_answers(questions, std::vector<int>{1, 2});
  ASSERT_FALSE(too_few);
  EXPECT_EQ(too_few.error().code, "directive.answers_count");
  auto out_of_range = grade_answers(questions, std::vector<int>{1, 3, 0});
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().where.field, "answers[1]");
}

TEST(Directive, AStudySessionCountsAndTheEarlierStudyIsTheOne) {
  DirectiveProgressRow nobody = row(1, "Văn phòng");
  EXPECT_FALSE(studied(nobody));
  DirectiveProgressRow session = row(1, "Văn phòng");
  session.attended_at = at(500);
  ASSERT_TRUE(studied(session));
  EXPECT_EQ(studied(session)->how, StudyWay::attended);
  DirectiveProgressRow answered_first = session;
  answered_first.receipt.studied_at = at(400);
  answered_first.receipt.studied_how = StudyWay::answered;
  EXPECT_EQ(studied(answered_first)->how, StudyWay::answered);
  EXPECT_EQ(studied(answered_first)->at, at(400));
  DirectiveProgressRow attended_first = answered_first;
  attended_first.receipt.studied_at = at(600);
  EXPECT_EQ(studied(attended_first)->how, StudyWay::attended);
}

TEST(Directive, TalliesByDepartmentAndTheDepartmentsAddUpToTheTotal) {
  // Office: 3 people (one answered, one attended, one reminded and not studied).
  // Inspection: 2 people (one only read, one acknowledged). No department: 1, nothing.
  std::vector<DirectiveProgressRow> rows;
  rows.push_back(row(1, "Văn phòng"));
  rows.back().receipt.studied_at = at(200);
  rows.back().receipt.studied_how = StudyWay::answered;
  rows.push_back(row(1, "Văn phòng"));
  rows.back().attended_at = at(300);
  rows.push_back(row(1, "Văn phòng"));
  rows.back().receipt.reminders = 1;
  rows.push_back(row(2, "Thanh tra"));
  rows.back().receipt.read_at = at(150);
  rows.push_back(row(2, "Thanh tra"));
  rows.back().receipt.studied_at = at(250);
  rows.back().receipt.studied_how = StudyWay::acknowledged;
  rows.push_back(row(std::nullopt, ""));

  const DirectiveProgress progress = tally_study(rows);
  EXPECT_EQ(progress.total.people, 6);
  EXPECT_EQ(progress.total.read, 4);  // the one who only read, and the three who studied
  EXPECT_EQ(progress.total.studied, 3);
  EXPECT_EQ(progress.total.by_answers, 1);
  EXPECT_EQ(progress.total.by_attendance, 1);
  EXPECT_EQ(progress.total.reminded, 1);
  ASSERT_EQ(progress.units.size(), 3u);
  EXPECT_EQ(progress.units[0].unit_name, "Văn phòng");
  EXPECT_EQ(progress.units[0].counts.people, 3);
  EXPECT_EQ(progress.units[0].counts.studied, 2);
  EXPECT_EQ(progress.units[1].counts.studied, 1);
  EXPECT_FALSE(progress.units[2].unit_id);
  StudyCounts sum;
  for (const UnitStudy& unit : progress.units) {
    sum.people += unit.counts.people;
    sum.read += unit.counts.read;
    sum.studied += unit.counts.studied;
    sum.reminded += unit.counts.reminded;
  }
  EXPECT_EQ(sum.people, progress.total.people);
  EXPECT_EQ(sum.read, progress.total.read);
  EXPECT_EQ(sum.studied, progress.total.studied);
  EXPECT_EQ(sum.reminded, progress.total.reminded);
}

TEST(Directive, SharesAreWholePerCentRoundedHalfUp) {
  EXPECT_EQ(share_percent(0, 0), 0);
  EXPECT_EQ(share_percent(87, 100), 87);
  EXPECT_EQ(share_percent(2, 3), 67);
  EXPECT_EQ(share_percent(1, 8), 13);  // 12.5 → 13
  EXPECT_EQ(share_percent(1, 3), 33);
}

TEST(Directive, OfficersPostForTheirOwnOrganizationAndTheAgencyForAll) {
  Principal officer;
  officer.officer_of = {2};
  EXPECT_TRUE(may_address_members(officer, Id{2}));
  EXPECT_FALSE(may_address_members(officer, Id{1}));
  EXPECT_FALSE(may_address_members(officer, std::nullopt));
  Principal leader;
  leader.leadership = true;
  EXPECT_TRUE(may_address_members(leader, std::nullopt));
  Principal member;
  member.member_of = {2};
  EXPECT_FALSE(may_address_members(member, Id{2}));
}

TEST(Directive, AnAttachmentsNameLosesFoldersAndOddCharactersAndTakesItsTypesExtension) {
  EXPECT_EQ(attachment_file_name("Kế hoạch Tháng Thanh niên.pdf", ".pdf"),
            "Kế hoạch Tháng Thanh niên.pdf");
  EXPECT_EQ(attachment_file_name("C:\\Users\\an\\05-KH.TĐTN", ".pdf"), "05-KH.TĐTN.pdf");
  EXPECT_EQ(attachment_file_name("../../etc/passwd", ".pdf"), "passwd.pdf");
  EXPECT_EQ(attachment_file_name("trang.html", ".png"), "trang.png") << "the bytes decide";
  EXPECT_EQ(attachment_file_name("a<b>:\"c\"|?*\r\n.docx", ".docx"), "abc.docx");
  EXPECT_EQ(attachment_file_name("", ".jpg"), "tep-dinh-kem.jpg");
  EXPECT_EQ(attachment_file_name("\xC3\x28.pdf", ".pdf"), "tep-dinh-kem.pdf") << "not UTF-8";
  EXPECT_EQ(attachment_file_name(" . ", ".pdf"), "tep-dinh-kem.pdf");
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "ệ";
  const std::string cut = attachment_file_name(long_name + ".pdf", ".pdf");
  EXPECT_EQ(cut, long_name.substr(0, 120 * std::string("ệ").size()) + ".pdf");
}

}  // namespace
}  // namespace dk
