#include "io/contest_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "core/instant_text.hpp"
#include "io/sealed_json.hpp"

namespace dk::io {
namespace {

namespace json = boost::json;

const SealedFormat kFormat{kContestFileFormat, "contest.file", "tệp cuộc thi", "contest file",
                           kMaxContestFileBytes};

json::array strings_json(const std::vector<std::string>& texts) {
  json::array array;
  for (const std::string& text : texts) array.emplace_back(text);
  return array;
}

json::object round_json(const ContestRound& round) {
  json::array quotas;
  for (const TopicQuota& quota : round.quotas)
    quotas.push_back(json::object{{"topic", quota.topic}, {"count", quota.count}});
  return json::object{
      {"title", round.title},
      {"opens_at", format_instant(round.opens_at)},
      {"closes_at", format_instant(round.closes_at)},
      {"time_limit_minutes", round.time_limit.count() / 60},
      {"attempts_allowed", round.attempts_allowed},
      {"counted", code_of(round.counted)},
      {"shuffle_options", round.shuffle_options},
      {"results_shown", code_of(round.results_shown)},
      {"quotas", std::move(quotas)},
  };
}

json::object question_json(const ContestQuestion& question) {
  json::array correct;
  for (const int place : question.correct) correct.emplace_back(place);
  return json::object{
      {"topic", question.topic},
      {"difficulty", question.difficulty},
      {"kind", code_of(question.kind)},
      {"text", question.text},
      {"options", strings_json(question.options)},
      {"correct", std::move(correct)},
      {"numeric_answer", question.numeric_answer},
  };
}

Result<ContestRound> read_round(const json::value& value, const std::string& path) {
  const JsonFields fields(kFormat, value, path);
  TRY(fields.is_object());
  ContestRound round;
  round.title = TRY(fields.text("title"));
  round.opens_at = TRY(fields.instant("opens_at"));
  round.closes_at = TRY(fields.instant("closes_at"));
  round.time_limit = std::chrono::minutes(TRY(fields.integer("time_limit_minutes", 1, 180)));
  round.attempts_allowed =
      static_cast<int>(TRY(fields.integer("attempts_allowed", 1, kMaxAttemptsAllowed)));
  round.counted = TRY(fields.code<CountedAttempt>("counted"));
  round.shuffle_options = TRY(fields.boolean("shuffle_options"));
  round.results_shown = TRY(fields.code<ResultsShown>("results_shown"));
  const json::array* quotas = TRY(fields.array("quotas", kMaxRoundQuestions));
  for (std::size_t i = 0; i < quotas->size(); ++i) {
    const JsonFields quota(kFormat, (*quotas)[i], fmt::format("{}.quotas[{}]", path, i));
    TRY(quota.is_object());
    const std::string topic = TRY(quota.text("topic"));
    const auto count = TRY(quota.integer("count", 1, kMaxRoundQuestions));
    round.quotas.push_back(TopicQuota{topic, static_cast<int>(count)});
  }
  if (auto valid = validate_round(round); !valid)
    return std::unexpected(under(std::move(valid).error(), path));
  return round;
}

Result<ContestQuestion> read_question(const json::value& value, const std::string& path) {
  const JsonFields fields(kFormat, value, path);
  TRY(fields.is_object());
  ContestQuestion question;
  question.topic = TRY(fields.text("topic"));
  question.difficulty = static_cast<int>(TRY(fields.integer("difficulty", 1, 3)));
  question.kind = TRY(fields.code<ContestQuestionKind>("kind"));
  question.text = TRY(fields.text("text"));
  const json::array* options = TRY(fields.array("options", kMaxContestOptions));
  for (std::size_t i = 0; i < options->size(); ++i) {
    const json::string* label = (*options)[i].if_string();
    if (!label) {
      return fields.bad(fmt::format("{}.options[{}]", path, i), "Cần một chuỗi chữ.",
                        "Text is needed.");
    }
    question.options.emplace_back(*label);
  }
  const json::array* correct = TRY(fields.array("correct", kMaxContestOptions));
  for (std::size_t i = 0; i < correct->size(); ++i) {
    const std::int64_t* place = (*correct)[i].if_int64();
    if (!place || *place < 0 || *place >= static_cast<std::int64_t>(question.options.size())) {
      return fields.bad(fmt::format("{}.correct[{}]", path, i),
                        "Cần số thứ tự của một phương án (từ 0).",
                        "The place of one of the options (from 0) is needed.");
    }
    question.correct.push_back(static_cast<int>(*place));
  }
  std::ranges::sort(question.correct);
  question.numeric_answer = TRY(fields.text("numeric_answer", false));
  if (auto valid = validate_question(question); !valid)
    return std::unexpected(under(std::move(valid).error(), path));
  return question;
}

}  // namespace

std::string write_contest_file(const ContestFile& file) {
  json::array rounds;
  for (const ContestRound& round : file.rounds) rounds.push_back(round_json(round));
  json::array questions;
  for (const ContestQuestion& question : file.questions)
    questions.push_back(question_json(question));
  return seal_json(
      kFormat,
      json::object{
          {"key", file.key},
          {"launched_by", file.launched_by},
          {"contest", json::object{{"title", file.contest.title},
                                   {"description", file.contest.description},
                                   {"prediction_question", file.contest.prediction_question}}},
          {"rounds", std::move(rounds)},
          {"questions", std::move(questions)},
      });
}

Result<ContestFile> read_contest_file(std::string_view bytes) {
  const json::value document = TRY(open_sealed_json(kFormat, bytes));
  const JsonFields fields(kFormat, document, "");
  ContestFile file;
  file.key = TRY(fields.text("key"));
  if (file.key.empty() || file.key.size() > 64)
    return fields.bad("key", "Mã cuộc thi không hợp lệ.", "The contest's key is not valid.");
  file.launched_by = TRY(fields.text("launched_by"));
  const json::value* contest = TRY(fields.need("contest"));
  const JsonFields about(kFormat, *contest, "contest");
  TRY(about.is_object());
  file.contest.title = TRY(about.text("title"));
  file.contest.description = TRY(about.text("description", false));
  file.contest.prediction_question = TRY(about.text("prediction_question", false));
  const json::array* rounds = TRY(fields.array("rounds", kMaxContestFileRounds));
  for (std::size_t i = 0; i < rounds->size(); ++i)
    file.rounds.push_back(TRY(read_round((*rounds)[i], fmt::format("rounds[{}]", i))));
  const json::array* questions = TRY(fields.array("questions", kMaxBankQuestions));
  for (std::size_t i = 0; i < questions->size(); ++i)
    file.questions.push_back(TRY(read_question((*questions)[i], fmt::format("questions[{}]", i))));
  return file;
}

}  // namespace dk::io
