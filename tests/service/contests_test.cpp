// Contests' question banks on SQLite and PostgreSQL: the trade union's chair creates "Tìm hiểu Bộ
// luật Lao động" and imports the organizers' file — a bad file is refused whole with every bad row
// by line and column; a good one fills the bank by topic; the export imports back the same bank.
#include "service/contests.hpp"

#include <gtest/gtest.h>

#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

const std::string kHeader =
    "STT,Nội dung câu hỏi,Đáp án A,Đáp án B,Đáp án C,Đáp án D,Đáp án đúng,Chủ đề,Mức độ\n";

const std::string kGood =
    "NGÂN HÀNG CÂU HỎI CUỘC THI TÌM HIỂU BỘ LUẬT LAO ĐỘNG\n" + kHeader +
    "1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1\n"
    "2,Những khoản nào thuộc tiền lương?,Mức lương,Phụ cấp,Thưởng Tết,,\"A, B\",Tiền lương,2\n"
    "\n"
    "3,Người lao động được nghỉ Tết Âm lịch 5 ngày.,,,,,Đúng,Nghỉ,1\n"
    "4,Bộ luật Lao động 2019 có bao nhiêu điều?,,,,,220,Hợp đồng,3\n";

const std::string kBad = kHeader +
                         "1,Hợp đồng lao động có mấy loại?,1,2,3,4,B,Hợp đồng,1\n"
                         "2,Câu không có đáp án đúng?,X,Y,Z,,E,Hợp đồng,1\n"
                         "3,Câu thiếu chủ đề?,X,Y,Z,,A,,9\n";

class ContestsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Văn An", trade_union_);
    binh_ = add_person("Trần Thị Bình", trade_union_);
  }
  Actor chair() const { return officer_of(trade_union_, chair_); }

  Id create() {
    Contest contest;
    contest.organization_id = trade_union_;
    contest.title = "Tìm hiểu Bộ luật Lao động năm 2019";
    contest.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
    auto created = create_contest(*connection_, chair(), contest);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->contest.id : 0;
  }

  Id chair_ = 0, binh_ = 0;
};

TEST_P(ContestsTest, ABadFileIsRefusedWholeWithEveryBadRowByLine) {
  const Id id = create();
  auto report = import_question_bank(*connection_, chair(), id,
                                     BankImport{kBad, "ngan-hang.csv", BankImportMode::replace});
  ASSERT_TRUE(report) << report.error().message.en;
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->accepted, 1);
  ASSERT_EQ(report->problems.size(), 3u);
  EXPECT_EQ(report->problems[0].where.line, 3u);
  EXPECT_EQ(report->problems[0].where.field, "Đáp án đúng");
  EXPECT_EQ(report->problems[1].where.line, 4u);
  EXPECT_EQ(report->problems[1].where.field, "Mức độ");
  EXPECT_EQ(report->problems[2].where.line, 4u);
  EXPECT_EQ(report->problems[2].where.field, "Chủ đề");
  auto contest = read_contest(*connection_, chair(), id);
  ASSERT_TRUE(contest);
  EXPECT_EQ(contest->questions, 0) << "nothing of a bad file is kept";

  auto no_header = import_question_bank(
      *connection_, chair(), id,
      BankImport{"Họ và tên,Ngày sinh\nAn,1990\n", "x.csv", BankImportMode::append});
  ASSERT_FALSE(no_header);
  EXPECT_EQ(no_header.error().code, "contest.bank_no_header");
}

TEST_P(ContestsTest, AGoodFileFillsTheBankByTopicAndTheExportReadsBackTheSame) {
  const Id id = create();
  auto preview = import_question_bank(*connection_, chair(), id,
                                      BankImport{kGood, "ngan-hang.csv", BankImportMode::preview});
  ASSERT_TRUE(preview) << preview.error().message.en;
  EXPECT_FALSE(preview->written);
  EXPECT_EQ(preview->accepted, 4);
  EXPECT_EQ(read_contest(*connection_, chair(), id)->questions, 0) << "a preview writes nothing";

  auto imported = import_question_bank(*connection_, chair(), id,
                                       BankImport{kGood, "ngan-hang.csv", BankImportMode::append});
  ASSERT_TRUE(imported) << imported.error().message.en;
  EXPECT_TRUE(imported->written);
  EXPECT_TRUE(imported->problems.empty());
  auto contest = read_contest(*connection_, chair(), id);
  ASSERT_TRUE(contest);
  EXPECT_EQ(contest->questions, 4);
  EXPECT_EQ(contest->topics,
            (std::map<std::string, std::int64_t>{{"Hợp đồng", 2}, {"Nghỉ", 1}, {"Tiền lương", 1}}));
  std::int64_t sum = 0;
  for (const auto& [topic, count] : contest->topics) sum += count;
  EXPECT_EQ(sum, contest->questions) << "the topics add up to the bank";
  EXPECT_EQ(last_audit(), "import_bank contest 8 192.0.2.1");

  // Out as XLSX, and back in (replacing): the same bank.
  auto exported = export_question_bank(*connection_, chair(), id);
  ASSERT_TRUE(exported) << exported.error().message.en;
  EXPECT_EQ(exported->content.substr(0, 2), "PK");
  auto again = import_question_bank(
      *connection_, chair(), id,
      BankImport{exported->content, exported->file_name, BankImportMode::replace});
  ASSERT_TRUE(again) << again.error().message.en;
  ASSERT_TRUE(again->problems.empty()) << again->problems.front().message.en;
  EXPECT_TRUE(again->written);
  auto reread = read_contest(*connection_, chair(), id);
  ASSERT_TRUE(reread);
  EXPECT_EQ(reread->questions, 4) << "replaced, not appended";
  EXPECT_EQ(reread->topics, contest->topics);
  auto twice = export_question_bank(*connection_, chair(), id);
  ASSERT_TRUE(twice);
  auto once_more =
      import_question_bank(*connection_, chair(), id,
                           BankImport{twice->content, twice->file_name, BankImportMode::preview});
  ASSERT_TRUE(once_more);
  EXPECT_EQ(once_more->accepted, 4);
}

TEST_P(ContestsTest, OnlyThoseWhoRunItSeeTheBank) {
  const Id id = create();
  const Actor member = member_of(trade_union_, binh_);
  // A member may enter the union's contest and so sees it, but never its bank.
  auto seen = read_contest(*connection_, member, id);
  ASSERT_TRUE(seen) << seen.error().message.en;
  EXPECT_FALSE(seen->may_run);
  EXPECT_TRUE(seen->may_enter);
  EXPECT_EQ(error_code(export_question_bank(*connection_, member, id)), "contest.not_found");
  EXPECT_EQ(error_code(import_question_bank(*connection_, member, id,
                                            BankImport{kGood, "x.csv", BankImportMode::append})),
            "contest.not_found");
  Contest theirs;
  theirs.organization_id = trade_union_;
  theirs.title = "Cuộc thi";
  EXPECT_EQ(error_code(create_contest(*connection_, member, theirs)), "access.forbidden");
  Contest untitled = theirs;
  untitled.title = "  ";
  EXPECT_EQ(error_code(create_contest(*connection_, chair(), untitled)), "contest.title_required");
  auto listed = list_contests(*connection_, chair());
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  auto entered = list_contests(*connection_, member);
  ASSERT_TRUE(entered);
  ASSERT_EQ(entered->size(), 1u);
  EXPECT_FALSE(entered->front().may_run);
}

INSTANTIATE_TEST_SUITE_P(Engines, ContestsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
