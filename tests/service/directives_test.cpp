// Directives' use cases on SQLite and PostgreSQL: the youth union's secretary posts the provincial
// Youth Union's plan to its members with a check question; it reaches them and nobody else; they
// read it, answer, or attend the study session; the secretary sees the share studied by
// department, with counts that add up, and reminds the rest once a day.
#include "service/directives.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "service/organizations.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class DirectivesTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    office_ = add_unit("Văn phòng");
    inspection_ = add_unit("Thanh tra");
    secretary_ = add_person("Nguyễn Thị Ánh", youth_union_);
    binh_ = add_person("Trần Văn Bình", youth_union_);
    chi_ = add_person("Lê Thị Chi", youth_union_);
    dung_ = add_person("Phạm Văn Dũng", youth_union_);
    union_member_ = add_person("Hoàng Văn Em", trade_union_);
    for (auto [person, unit] : {std::pair{secretary_, office_},
                                {binh_, office_},
                                {chi_, inspection_},
                                {dung_, inspection_},
                                {union_member_, office_}})
      sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit, person});
    sql("INSERT INTO committee_roles (tenant_id, id, organization_id, person_id, role) VALUES ($1, "
        "900, $2, $3, 'secretary')",
        {youth_union_, secretary_});
  }

  Actor secretary() const { return officer_of(youth_union_, secretary_); }
  Actor member(Id person) const { return member_of(youth_union_, person); }

  Directive youth_month() const {
    Directive directive;
    directive.organization_id = youth_union_;
    directive.kind = DirectiveKind::plan;
    directive.issuer_level = IssuerLevel::superior;
    directive.number = "05-KH/TĐTN";
    directive.issuer = "Tỉnh đoàn Hà Tĩnh";
    directive.title = "  Kế hoạch   Tháng Thanh niên năm 2027 ";
    directive.issued_on = CivilDate{2026, 11, 10};
    directive.deadline = CivilDate{2026, 12, 10};
    directive.questions = {{"Tháng Thanh niên là tháng mấy?", {"Tháng 3", "Tháng 5"}, 0}};
    return directive;
  }

  DirectiveView post(const Actor& actor, const Directive& directive) {
    auto posted = post_directive(*connection_, actor, directive);
    EXPECT_TRUE(posted) << posted.error().message.en;
    return posted ? *posted : DirectiveView{};
  }

  DirectiveFollowUp follow_up(Id id) {
    auto read = directive_progress(*connection_, secretary(), id);
    EXPECT_TRUE(read) << read.error().message.en;
    return read ? *read : DirectiveFollowUp{};
  }

  // A done study session of the youth union, attended by `person`.
  Id study_session(Id person) {
    const std::int64_t starts = seconds_of(now_) + 3600;
    sql("INSERT INTO activities (tenant_id, id, kind, title, starts_at, ends_at, status, required, "
        "check_in_secret, created_at, updated_at) VALUES ($1, 77, 'study', 'Học tập kế hoạch', $2, "
        "$3, 'done', 0, 's', 0, 0)",
        {starts, starts + 3600});
    sql("INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position) "
        "VALUES ($1, 77, $2, 0)",
        {youth_union_});
    sql("INSERT INTO attendance (tenant_id, activity_id, person_id, state, checked_in_at, method) "
        "VALUES ($1, 77, $2, 'present', $3, 'activity_code')",
        {person, starts + 60});
    return 77;
  }

  Id office_ = 0, inspection_ = 0;
  Id secretary_ = 0, binh_ = 0, chi_ = 0, dung_ = 0, union_member_ = 0;
};

TEST_P(DirectivesTest, ReachesTheOrganizationsMembersAndNobodyElse) {
  const DirectiveView posted = post(secretary(), youth_month());
  ASSERT_NE(posted.directive.id, 0);
  EXPECT_EQ(posted.directive.title, "Kế hoạch Tháng Thanh niên năm 2027");
  EXPECT_EQ(posted.directive.audience.organization_ids, std::vector<Id>{youth_union_});
  EXPECT_EQ(posted.counts->people, 4);
  EXPECT_EQ(posted.counts->studied, 0);
  EXPECT_TRUE(posted.may_follow);
  EXPECT_EQ(last_audit(), "create directive 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), R"({"delivered":4})");

  auto mine = my_directives(*connection_, member(binh_));
  ASSERT_TRUE(mine) << mine.error().message.en;
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_TRUE(mine->front().receipt);
  EXPECT_FALSE(mine->front().may_follow);
  EXPECT_EQ(mine->front().directive.questions.size(), 1u) << "a list carries the questions";
  EXPECT_FALSE(mine->front().counts) << "a member does not see the others' counts";

  // The trade union's member neither received it nor may read it.
  const Actor outsider = member_of(trade_union_, union_member_);
  auto theirs = my_directives(*connection_, outsider);
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->empty());
  EXPECT_EQ(error_code(read_directive(*connection_, outsider, posted.directive.id)),
            "directive.not_found");
  EXPECT_EQ(error_code(directive_progress(*connection_, member(binh_), posted.directive.id)),
            "access.forbidden");
  // Nor may the trade union's officer post to the youth union's members.
  Directive overreach = youth_month();
  EXPECT_EQ(error_code(post_directive(*connection_, officer_of(trade_union_), overreach)),
            "access.forbidden");
}

TEST_P(DirectivesTest, NarrowsToDepartmentsOrTheCommittee) {
  Directive inspection_only = youth_month();
  inspection_only.audience.unit_ids = {inspection_};
  EXPECT_EQ(post(secretary(), inspection_only).counts->people, 2);  // Chi, Dũng
  Directive committee = youth_month();
  committee.audience.committee_only = true;
  const DirectiveView to_committee = post(secretary(), committee);
  EXPECT_EQ(to_committee.counts->people, 1);
  EXPECT_TRUE(to_committee.receipt) << "the secretary is on the committee";
  // The agency's own, to every organization: every current member once.
  Directive agency = youth_month();
  agency.organization_id.reset();
  agency.issuer_level = IssuerLevel::party;
  EXPECT_EQ(post(administrator(), agency).counts->people, 5);
  Directive unknown_unit = youth_month();
  unknown_unit.audience.unit_ids = {999};
  auto refused = post_directive(*connection_, secretary(), unknown_unit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "unit.not_found");
  EXPECT_EQ(refused.error().where.field, "audience.unit_ids");
}

TEST_P(DirectivesTest, ReadAnsweredAttendedAndTheSharesAddUp) {
  const Id id = post(secretary(), youth_month()).directive.id;
  // Bình opens it, answers wrong, then right.
  auto opened = mark_directive_read(*connection_, member(binh_), id);
  ASSERT_TRUE(opened) << opened.error().message.en;
  ASSERT_TRUE(opened->receipt && opened->receipt->read_at);
  EXPECT_FALSE(opened->study);
  auto wrong = study_directive(*connection_, member(binh_), id, std::vector<int>{1});
  ASSERT_TRUE(wrong) << wrong.error().message.en;
  ASSERT_TRUE(wrong->grade);
  EXPECT_EQ(wrong->grade->right, 0u);
  EXPECT_FALSE(wrong->view.study);
  EXPECT_EQ(error_code(study_directive(*connection_, member(binh_), id, std::nullopt)),
            "directive.answers_required");
  auto right = study_directive(*connection_, member(binh_), id, std::vector<int>{0});
  ASSERT_TRUE(right) << right.error().message.en;
  ASSERT_TRUE(right->view.study);
  EXPECT_EQ(right->view.study->how, StudyWay::answered);
  // Answering again changes nothing.
  auto again = study_directive(*connection_, member(binh_), id, std::vector<int>{1});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->view.study->at, right->view.study->at);

  // Chi attends the study session linked to it; the trade union's member cannot study it.
  auto linked = link_study_activity(*connection_, secretary(), id, study_session(chi_));
  ASSERT_TRUE(linked) << linked.error().message.en;
  EXPECT_EQ(error_code(study_directive(*connection_, member_of(trade_union_, union_member_), id,
                                       std::vector<int>{0})),
            "directive.not_found");

  const DirectiveFollowUp progress = follow_up(id);
  ASSERT_EQ(progress.people.size(), 4u);
  EXPECT_EQ(progress.progress.total.people, 4);
  EXPECT_EQ(progress.progress.total.studied, 2);
  EXPECT_EQ(progress.progress.total.by_answers, 1);
  EXPECT_EQ(progress.progress.total.by_attendance, 1);
  EXPECT_EQ(progress.progress.total.read, 2);
  // The list counts the same rows the same way.
  EXPECT_EQ(progress.view.counts->people, progress.progress.total.people);
  EXPECT_EQ(progress.view.counts->studied, progress.progress.total.studied);
  EXPECT_EQ(progress.view.counts->read, progress.progress.total.read);
  auto list = list_directives(*connection_, secretary());
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().counts->studied, 2);
  // Departments in their order, people by name within; each department's studied adds up.
  ASSERT_EQ(progress.progress.units.size(), 2u);
  std::int64_t studied = 0, people = 0;
  for (const auto& unit : progress.progress.units) {
    studied += unit.counts.studied;
    people += unit.counts.people;
  }
  EXPECT_EQ(studied, 2);
  EXPECT_EQ(people, 4);
  EXPECT_EQ(progress.people.front().unit_name, progress.progress.units.front().unit_name);
}

TEST_P(DirectivesTest, RemindsThoseWhoHaveNotStudiedOnceADay) {
  Directive plain = youth_month();
  plain.questions.clear();
  const Id id = post(secretary(), plain).directive.id;
  ASSERT_TRUE(study_directive(*connection_, member(binh_), id, std::nullopt));
  auto reminded = remind_directive(*connection_, secretary(), id);
  ASSERT_TRUE(reminded) << reminded.error().message.en;
  EXPECT_EQ(*reminded, 3);
  EXPECT_EQ(last_audit_detail(), R"({"reminded":3})");
  auto twice = remind_directive(*connection_, at(secretary(), now_ + std::chrono::hours(2)), id);
  ASSERT_TRUE(twice);
  EXPECT_EQ(*twice, 0) << "the same day: nobody again";
  ASSERT_TRUE(study_directive(*connection_, member(chi_), id, std::nullopt));
  auto next_day =
      remind_directive(*connection_, at(secretary(), now_ + std::chrono::hours(24)), id);
  ASSERT_TRUE(next_day);
  EXPECT_EQ(*next_day, 2);
  const DirectiveFollowUp progress = follow_up(id);
  EXPECT_EQ(progress.progress.total.reminded, 2);
  EXPECT_EQ(progress.progress.total.studied, 2);
  EXPECT_EQ(error_code(remind_directive(*connection_, member(dung_), id)), "access.forbidden");
}

TEST_P(DirectivesTest, KeepsAttachmentsByTheirBytesForThoseWhoMayReadThem) {
  const Id id = post(secretary(), youth_month()).directive.id;
  const std::string pdf = "%PDF-1.7\n% Kế hoạch\n";
  auto attached = attach_to_directive(*connection_, secretary(), id, "Kế hoạch 05.pdf", pdf);
  ASSERT_TRUE(attached) << attached.error().message.en;
  ASSERT_EQ(attached->directive.attachments.size(), 1u);
  const DirectiveAttachment& file = attached->directive.attachments.front();
  EXPECT_EQ(file.position, 1);
  EXPECT_EQ(file.file_name, "Kế hoạch 05.pdf");
  EXPECT_EQ(file.content_type, "application/pdf");
  EXPECT_EQ(file.size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(last_audit_detail(), fmt::format(R"({{"position":1,"size":{}}})", pdf.size()));

  // A page named as a picture is refused, and so is nothing; a member may not add one.
  auto page = attach_to_directive(*connection_, secretary(), id, "anh.png",
                                  "<html><script>alert(1)</script></html>");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, "attachment.type");
  EXPECT_EQ(page.error().where.field, "file");
  EXPECT_EQ(error_code(attach_to_directive(*connection_, secretary(), id, "x.pdf", "")),
            "attachment.empty");
  EXPECT_EQ(error_code(attach_to_directive(*connection_, secretary(), id, "x.pdf",
                                           "%PDF-" + std::string(kMaxAttachmentBytes, 'x'))),
            "attachment.too_large");
  EXPECT_EQ(error_code(attach_to_directive(*connection_, member(binh_), id, "x.pdf", pdf)),
            "access.forbidden");

  // A recipient downloads it byte for byte; someone it was not sent to does not.
  auto download = directive_attachment(*connection_, member(binh_), id, 1);
  ASSERT_TRUE(download) << download.error().message.en;
  EXPECT_EQ(download->content, pdf);
  EXPECT_EQ(
      error_code(directive_attachment(*connection_, member_of(trade_union_, union_member_), id, 1)),
      "directive.not_found");
  EXPECT_EQ(error_code(directive_attachment(*connection_, member(binh_), id, 2)),
            "attachment.not_found");

  for (std::size_t i = 1; i < kMaxAttachments; ++i)
    ASSERT_TRUE(attach_to_directive(*connection_, secretary(), id, "p.pdf", pdf));
  EXPECT_EQ(error_code(attach_to_directive(*connection_, secretary(), id, "p.pdf", pdf)),
            "attachment.too_many");
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectivesTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
