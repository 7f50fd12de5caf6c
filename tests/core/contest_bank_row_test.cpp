// A question bank as organizers keep it in Excel, read row by row: the headers they write, the
// answers as they write them, every bad row reported by line and column, and the export read back.
#include "core/contest_bank_row.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

using Row = std::vector<std::string>;

const Row kHeader = {"STT",      "Nội dung câu hỏi", "Đáp án A", "Đáp án B", "Đáp án C",
                     "Đáp án D", "Đáp án đúng",      "Chủ đề",   "Mức độ"};

BankColumns columns() {
  auto mapped = map_bank_columns(kHeader);
  EXPECT_TRUE(mapped) << mapped.error().message.en;
  return *mapped;
}

TEST(ContestBankRow, RecognisesTheHeadersOrganizersWrite) {
  EXPECT_TRUE(is_bank_header(kHeader));
  EXPECT_TRUE(is_bank_header({"Câu hỏi", "A", "B", "C", "D", "ĐÁP ÁN", "Chủ đề"}));
  EXPECT_FALSE(is_bank_header({"Họ và tên", "Ngày sinh"}));
  auto no_topic = map_bank_columns({"Câu hỏi", "A", "B", "C", "Đáp án"});
  ASSERT_FALSE(no_topic);
  EXPECT_EQ(no_topic.error().code, "contest.bank_missing_column");
  EXPECT_EQ(no_topic.error().where.field, "Chủ đề");
  auto twice = map_bank_columns({"Câu hỏi", "Nội dung", "Đáp án", "Chủ đề"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "import.duplicate_column");
}

TEST(ContestBankRow, ReadsEachKindFromItsAnswer) {
  const BankColumns c = columns();
  auto single = read_bank_row(
      c, {"1", "Hợp đồng lao động có mấy loại?", "1", "2", "3", "4", "b", "Hợp đồng", "Dễ"}, 2);
  ASSERT_TRUE(single);
  EXPECT_EQ(single->kind, ContestQuestionKind::single);
  EXPECT_EQ(single->correct, (std::vector<int>{1}));
  EXPECT_EQ(single->options.size(), 4u);

  auto several = read_bank_row(c,
                               {"2", "Những khoản nào là tiền lương?", "Mức lương", "Phụ cấp",
                                "Tiền thưởng Tết", "", "A, B", "Tiền lương", "2"},
                               3);
  ASSERT_TRUE(several) << several.error().front().message.en;
  EXPECT_EQ(several->kind, ContestQuestionKind::multiple);
  EXPECT_EQ(several->correct, (std::vector<int>{0, 1}));
  EXPECT_EQ(several->options.size(), 3u);
  EXPECT_EQ(several->difficulty, 2);

  auto truth = read_bank_row(
      c,
      {"3", "Người lao động được nghỉ Tết Âm lịch 5 ngày.", "", "", "", "", "Đúng", "Nghỉ", "khó"},
      4);
  ASSERT_TRUE(truth) << truth.error().front().message.en;
  EXPECT_EQ(truth->kind, ContestQuestionKind::true_false);
  EXPECT_EQ(truth->options, (std::vector<std::string>{"Đúng", "Sai"}));
  EXPECT_EQ(truth->correct, (std::vector<int>{0}));
  EXPECT_EQ(truth->difficulty, 3);

  auto number = read_bank_row(
      c, {"4", "Bộ luật Lao động 2019 có bao nhiêu điều?", "", "", "", "", "220", "Số liệu", ""},
      5);
  ASSERT_TRUE(number);
  EXPECT_EQ(number->kind, ContestQuestionKind::numeric);
  EXPECT_EQ(number->numeric_answer, "220");
  EXPECT_EQ(number->difficulty, 1) << "no difficulty: easy";
}

TEST(ContestBankRow, ABadRowSaysEveryProblemByLineAndColumn) {
  const BankColumns c = columns();
  auto no_answer = read_bank_row(c, {"1", "Câu hỏi?", "X", "Y", "Z", "", "E", "Chủ đề", "4"}, 7);
  ASSERT_FALSE(no_answer);
  ASSERT_EQ(no_answer.error().size(), 2u) << "both problems of the row at once";
  EXPECT_EQ(no_answer.error()[0].code, "contest.difficulty_invalid");
  EXPECT_EQ(no_answer.error()[0].where.line, 7u);
  EXPECT_EQ(no_answer.error()[0].where.field, "Mức độ");
  EXPECT_EQ(no_answer.error()[1].code, "contest.correct_invalid");
  EXPECT_EQ(no_answer.error()[1].where.field, "Đáp án đúng");

  auto letter = read_bank_row(c, {"1", "Câu hỏi?", "X", "Y", "Z", "", "E", "Chủ đề", "1"}, 8);
  ASSERT_FALSE(letter);
  EXPECT_EQ(letter.error()[0].code, "contest.correct_invalid");
  EXPECT_EQ(letter.error()[0].where.field, "Đáp án đúng");
  EXPECT_NE(letter.error()[0].message.vi.find("Dòng 8"), std::string::npos);

  auto two_options = read_bank_row(c, {"1", "Câu hỏi?", "X", "Y", "", "", "A", "Chủ đề", ""}, 9);
  ASSERT_FALSE(two_options);
  EXPECT_EQ(two_options.error()[0].code, "contest.options_count");
  EXPECT_EQ(two_options.error()[0].where.field, "Đáp án A");

  auto no_topic = read_bank_row(c, {"1", "Câu hỏi?", "X", "Y", "Z", "", "A", "", ""}, 10);
  ASSERT_FALSE(no_topic);
  EXPECT_EQ(no_topic.error()[0].where.field, "Chủ đề");

  auto words = read_bank_row(c, {"1", "Bao nhiêu?", "", "", "", "", "hai trăm", "Số liệu", ""}, 11);
  ASSERT_FALSE(words);
  EXPECT_EQ(words.error()[0].code, "contest.numeric_answer_invalid");
}

TEST(ContestBankRow, TheExportReadsBackAsTheSameQuestions) {
  auto mapped = map_bank_columns(bank_header());
  ASSERT_TRUE(mapped) << mapped.error().message.en;
  ContestQuestion several;
  several.kind = ContestQuestionKind::multiple;
  several.text = "Những khoản nào là tiền lương?";
  several.topic = "Tiền lương";
  several.difficulty = 2;
  several.options = {"Mức lương", "Phụ cấp", "Thưởng", "Ăn ca"};
  several.correct = {0, 1};
  ContestQuestion truth;
  truth.kind = ContestQuestionKind::true_false;
  truth.text = "Được nghỉ Tết 5 ngày.";
  truth.topic = "Nghỉ";
  truth.options = {"Đúng", "Sai"};
  truth.correct = {1};
  ContestQuestion custom = truth;
  custom.options = {"Có", "Không"};
  custom.correct = {0};
  ContestQuestion number;
  number.kind = ContestQuestionKind::numeric;
  number.text = "Bao nhiêu điều?";
  number.topic = "Số liệu";
  number.numeric_answer = "220";
  std::size_t n = 0;
  for (const ContestQuestion& question : {several, truth, custom, number}) {
    const auto row = bank_row(question, ++n);
    auto read = read_bank_row(*mapped, row, n + 1);
    ASSERT_TRUE(read) << question.text << ": " << read.error().front().message.en;
    EXPECT_EQ(read->kind, question.kind) << question.text;
    EXPECT_EQ(read->text, question.text);
    EXPECT_EQ(read->topic, question.topic);
    EXPECT_EQ(read->difficulty, question.difficulty);
    EXPECT_EQ(read->options, question.options) << question.text;
    EXPECT_EQ(read->correct, question.correct) << question.text;
    EXPECT_EQ(read->numeric_answer, question.numeric_answer);
  }
}

}  // namespace
}  // namespace dk
