// The contest file (io/contest_file.hpp): what a province writes, an agency reads back whole —
// every kind of question with its answers, every rule of the rounds; a file damaged on the way
// is refused by its checksum, and one written wrong is refused with the field that is wrong. The
// results file (io/contest_results_file.hpp) that comes back up, the same way.
#include "io/contest_file.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <boost/json.hpp>
#include <functional>

#include "io/contest_results_file.hpp"

namespace dk::io {
namespace {

using namespace std::chrono_literals;

ContestFile sample() {
  ContestFile file;
  file.key = "k3y-of-the-province";
  file.launched_by = "Liên đoàn Lao động tỉnh Hà Tĩnh";
  file.contest.title = "Tìm hiểu Bộ luật Lao động năm 2019";
  file.contest.description = "Dành cho đoàn viên công đoàn — \"tuần 1\"";
  file.contest.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
  ContestRound round;
  round.title = "Vòng 1";
  round.opens_at = instant_of(1'772'330'400);  // 01/03/2026 09:00 in Vietnam
  round.closes_at = round.opens_at + 14 * 24h;
  round.time_limit = 20min;
  round.attempts_allowed = 3;
  round.counted = CountedAttempt::last;
  round.shuffle_options = false;
  round.results_shown = ResultsShown::at_once;
  round.quotas = {{"Hợp đồng", 2}, {"Nghỉ", 1}};
  file.rounds.push_back(round);
  auto question = [](std::string topic, ContestQuestionKind kind, std::string text,
                     std::vector<std::string> options, std::vector<int> correct,
                     std::string number) {
    ContestQuestion made;
    made.topic = std::move(topic);
    made.kind = kind;
    made.text = std::move(text);
    made.options = std::move(options);
    made.correct = std::move(correct);
    made.numeric_answer = std::move(number);
    return made;
  };
  file.questions = {
      question("Hợp đồng", ContestQuestionKind::single, "Hợp đồng lao động có mấy loại?",
               {"1", "2", "3", "4"}, {1}, ""),
      question("Hợp đồng", ContestQuestionKind::multiple, "Những khoản nào thuộc tiền lương?",
               {"Mức lương", "Phụ cấp", "Thưởng Tết"}, {0, 1}, ""),
      question("Nghỉ", ContestQuestionKind::true_false,
               "Người lao động được nghỉ Tết Âm lịch 5 ngày.", {"Đúng", "Sai"}, {0}, ""),
      question("Hợp đồng", ContestQuestionKind::numeric, "Bộ luật có bao nhiêu điều?", {}, {},
               "220"),
  };
  file.questions[1].difficulty = 3;
  return file;
}

TEST(ContestFile, WhatIsWrittenReadsBackTheSame) {
  const ContestFile file = sample();
  const std::string content = write_contest_file(file);
  auto read = read_contest_file(content);
  ASSERT_TRUE(read) << read.error().message.en << " " << read.error().where.field;
  EXPECT_EQ(read->key, file.key);
  EXPECT_EQ(read->launched_by, file.launched_by);
  EXPECT_EQ(read->contest.title, file.contest.title);
  EXPECT_EQ(read->contest.description, file.contest.description);
  EXPECT_EQ(read->contest.prediction_question, file.contest.prediction_question);
  ASSERT_EQ(read->rounds.size(), 1u);
  const ContestRound& round = read->rounds[0];
  EXPECT_EQ(round.title, "Vòng 1");
  EXPECT_EQ(round.opens_at, file.rounds[0].opens_at);
  EXPECT_EQ(round.closes_at, file.rounds[0].closes_at);
  EXPECT_EQ(round.time_limit, 20min);
  EXPECT_EQ(round.attempts_allowed, 3);
  EXPECT_EQ(round.counted, CountedAttempt::last);
  EXPECT_FALSE(round.shuffle_options);
  EXPECT_EQ(round.results_shown, ResultsShown::at_once);
  ASSERT_EQ(round.quotas.size(), 2u);
  EXPECT_EQ(round.quotas[1].topic, "Nghỉ");
  EXPECT_EQ(round.quotas[1].count, 1);
  ASSERT_EQ(read->questions.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const ContestQuestion& got = read->questions[i];
    const ContestQuestion& want = file.questions[i];
    EXPECT_EQ(got.topic, want.topic);
    EXPECT_EQ(got.difficulty, want.difficulty);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.text, want.text);
    EXPECT_EQ(got.options, want.options);
    EXPECT_EQ(got.correct, want.correct);
    EXPECT_EQ(got.numeric_answer, want.numeric_answer);
  }
  // Pretty-printed by someone's editor, it still reads: the checksum is over the content.
  std::string spaced;
  for (const char c : content) spaced += c == ',' ? std::string(",\n  ") : std::string(1, c);
  EXPECT_TRUE(read_contest_file(spaced)) << "whitespace between the fields changes nothing";
}

TEST(ContestFile, AChangedAnswerOrACutFileIsRefused) {
  const std::string content = write_contest_file(sample());
  std::string changed = content;
  const auto at = changed.find("\"correct\":[1]");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 13, "\"correct\":[2]");
  auto refused = read_contest_file(changed);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "contest.file_checksum");
  EXPECT_NE(refused.error().message.vi.find("không khớp"), std::string::npos);

  std::string unsigned_content = content;
  const auto sum = unsigned_content.find(",\"sha256\"");
  ASSERT_NE(sum, std::string::npos);
  unsigned_content = unsigned_content.substr(0, sum) + "}";
  auto missing = read_contest_file(unsigned_content);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().where.field, "sha256");

  auto cut = read_contest_file("{\n\"format\": \"doanket-contest/1\",\n\"key\": \"a");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, "contest.file_json");
  EXPECT_EQ(cut.error().where.line, 3u) << "the line where the JSON stops";

  EXPECT_EQ(read_contest_file("[1, 2]").error().code, "contest.file_field");
  EXPECT_EQ(read_contest_file(std::string(kMaxContestFileBytes + 1, ' ')).error().code,
            "contest.file_too_large");
  EXPECT_EQ(read_contest_file(std::string(100, '[')).error().code, "contest.file_json")
      << "a file nested past any contest's depth";
}

// What another program that writes contest files would send with one field wrong: the checksum
// right (computed here as the format says), the field not.
std::string rewritten(const std::function<void(boost::json::object&)>& edit) {
  boost::json::object document = boost::json::parse(write_contest_file(sample())).as_object();
  document.erase("sha256");
  edit(document);
  const std::string unsealed = boost::json::serialize(document);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(unsealed.data()),
                     unsealed.size());
  std::string hex(digest.size() * 2, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, digest.data(), digest.size());
  document["sha256"] = hex;
  return boost::json::serialize(document);
}

boost::json::object& first(boost::json::object& document, std::string_view list) {
  return document.at(list).as_array()[0].as_object();
}

TEST(ContestFile, AFieldWrittenWrongIsNamedByItsPath) {
  const std::string untouched = rewritten([](boost::json::object&) {});
  EXPECT_TRUE(read_contest_file(untouched)) << "the test's own checksum is the format's";

  const auto problem = [](const std::function<void(boost::json::object&)>& edit) {
    auto read = read_contest_file(rewritten(edit));
    EXPECT_FALSE(read);
    return read ? std::string("(read)") : read.error().where.field;
  };
  EXPECT_EQ(problem([](auto& d) { d.erase("rounds"); }), "rounds");
  EXPECT_EQ(problem([](auto& d) { first(d, "rounds")["closes_at"] = "15/03/2026"; }),
            "rounds[0].closes_at");
  EXPECT_EQ(
      problem([](auto& d) { first(d, "rounds")["closes_at"] = first(d, "rounds")["opens_at"]; }),
      "rounds[0].closes_at")
      << "the core's own check of a round, under the round's path";
  EXPECT_EQ(problem([](auto& d) { first(d, "rounds")["time_limit_minutes"] = 0; }),
            "rounds[0].time_limit_minutes");
  EXPECT_EQ(problem([](auto& d) { first(d, "rounds")["counted"] = "most"; }), "rounds[0].counted");
  EXPECT_EQ(problem([](auto& d) {
              first(d, "rounds")["quotas"].as_array()[1].as_object()["count"] = "một";
            }),
            "rounds[0].quotas[1].count");
  EXPECT_EQ(problem([](auto& d) { first(d, "questions")["correct"] = boost::json::array{7}; }),
            "questions[0].correct[0]");
  EXPECT_EQ(problem([](auto& d) {
              first(d, "questions")["correct"] = boost::json::array{0, 1};
            }),
            "questions[0].correct")
      << "one right answer to a one-choice question, as the bank's import says";
  EXPECT_EQ(problem([](auto& d) { first(d, "questions")["text"] = 5; }), "questions[0].text");
  EXPECT_EQ(problem([](auto& d) { d["key"] = ""; }), "key");
  EXPECT_EQ(problem([](auto& d) { d.at("contest").as_object().erase("title"); }), "contest.title");
}

ContestResultsFile results() {
  ContestResultsFile file;
  file.contest_key = "k3y-of-the-province";
  file.sender_key = "k3y-of-the-agency";
  file.sent_by = "Công đoàn Sở Tư pháp — Sở Tư pháp Hà Tĩnh";
  file.people = 45;  // seven people are in both
  file.entrants = 38;
  file.organizations = {{"Công đoàn Sở Tư pháp", 40, 31}, {"Chi đoàn Sở Tư pháp", 12, 12}};
  ReportedRound round;
  round.title = "Vòng 1";
  round.opens_at = instant_of(1'772'330'400);
  round.questions = 20;
  round.entries = {
      {"Trần Thị Bình", "Phòng Pháp chế", "Công đoàn Sở Tư pháp", 20, 7, 318s, round.opens_at + 2h},
      {"Lê Văn Cường", "", "Chi đoàn Sở Tư pháp", 17, std::nullopt, 1200s, round.opens_at + 3h},
  };
  file.rounds.push_back(round);
  return file;
}

TEST(ContestResultsFile, WhatAnAgencySendsUpReadsBackTheSame) {
  const ContestResultsFile sent = results();
  auto read = read_contest_results_file(write_contest_results_file(sent));
  ASSERT_TRUE(read) << read.error().message.en << " " << read.error().where.field;
  EXPECT_EQ(read->contest_key, sent.contest_key);
  EXPECT_EQ(read->sender_key, sent.sender_key);
  EXPECT_EQ(read->sent_by, sent.sent_by);
  EXPECT_EQ(read->people, 45);
  EXPECT_EQ(read->entrants, 38);
  ASSERT_EQ(read->organizations.size(), 2u);
  EXPECT_EQ(read->organizations[0].name, "Công đoàn Sở Tư pháp");
  EXPECT_EQ(read->organizations[0].people, 40);
  EXPECT_EQ(read->organizations[0].entrants, 31);
  ASSERT_EQ(read->rounds.size(), 1u);
  EXPECT_EQ(read->rounds[0].opens_at, sent.rounds[0].opens_at);
  EXPECT_EQ(read->rounds[0].questions, 20);
  ASSERT_EQ(read->rounds[0].entries.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const ReportedEntry& got = read->rounds[0].entries[i];
    const ReportedEntry& want = sent.rounds[0].entries[i];
    EXPECT_EQ(got.full_name, want.full_name);
    EXPECT_EQ(got.unit_name, want.unit_name);
    EXPECT_EQ(got.organization, want.organization);
    EXPECT_EQ(got.score, want.score);
    EXPECT_EQ(got.prediction, want.prediction);
    EXPECT_EQ(got.taken, want.taken);
    EXPECT_EQ(got.submitted_at, want.submitted_at);
  }
}

TEST(ContestResultsFile, FiguresThatCannotBeAreNamedAndAChangedFileIsRefused) {
  ContestResultsFile impossible = results();
  impossible.rounds[0].entries[1].score = 21;  // of 20 questions
  auto read = read_contest_results_file(write_contest_results_file(impossible));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "contest.results_file_field");
  EXPECT_EQ(read.error().where.field, "rounds[0].entries[1].score");

  impossible = results();
  impossible.entrants = 46;  // of 45 people
  read = read_contest_results_file(write_contest_results_file(impossible));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().where.field, "entrants");

  impossible = results();
  impossible.organizations[1].entrants = 13;  // of 12 people
  read = read_contest_results_file(write_contest_results_file(impossible));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().where.field, "organizations[1].entrants");

  std::string changed = write_contest_results_file(results());
  changed.replace(changed.find("\"score\":17"), 10, "\"score\":19");
  read = read_contest_results_file(changed);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "contest.results_file_checksum");
  EXPECT_EQ(read_contest_results_file(write_contest_file(sample())).error().code,
            "contest.results_file_format")
      << "a contest file is not its results";
}

}  // namespace
}  // namespace dk::io
