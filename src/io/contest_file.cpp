#include "io/contest_file.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <chrono>

#include "core/instant_text.hpp"

namespace dk::io {
namespace {

namespace json = boost::json;

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::string hex(digest.size() * 2, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, digest.data(), digest.size());
  return hex;
}

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

std::unexpected<Error> bad_field(const std::string& field, std::string_view vi,
                                 std::string_view en) {
  return fail(ErrorKind::invalid_input, "contest.file_field", std::string(vi), std::string(en),
              Location{0, field});
}

// Reads the fields of one JSON object, each named by its path for the problem it may raise.
class Fields {
 public:
  Fields(const json::value& value, std::string path) : path_(std::move(path)) {
    object_ = value.if_object();
  }

  Status is_object() const {
    if (object_) return {};
    return bad_field(path_, "Cần một đối tượng JSON ({…}).", "A JSON object ({…}) is needed.");
  }

  std::string name(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
  }

  Result<const json::value*> need(std::string_view key) const {
    const json::value* value = object_->if_contains(key);
    if (!value) return bad_field(name(key), "Thiếu trường này.", "This field is missing.");
    return value;
  }

  Result<std::string> text(std::string_view key, bool required = true) const {
    if (!required && !object_->if_contains(key)) return std::string();
    const json::value* value = TRY(need(key));
    if (const json::string* text = value->if_string()) return std::string(*text);
    return bad_field(name(key), "Cần một chuỗi chữ.", "Text is needed.");
  }

  Result<std::int64_t> integer(std::string_view key, std::int64_t low, std::int64_t high) const {
    const json::value* value = TRY(need(key));
    const std::int64_t* number = value->if_int64();
    if (!number || *number < low || *number > high) {
      return bad_field(name(key), fmt::format("Cần một số nguyên từ {} đến {}.", low, high),
                       fmt::format("A whole number from {} to {} is needed.", low, high));
    }
    return *number;
  }

  Result<bool> boolean(std::string_view key) const {
    const json::value* value = TRY(need(key));
    if (const bool* flag = value->if_bool()) return *flag;
    return bad_field(name(key), "Cần true hoặc false.", "true or false is needed.");
  }

  Result<Instant> instant(std::string_view key) const {
    const std::string text = TRY(this->text(key));
    if (auto instant = parse_instant(text)) return *instant;
    return bad_field(name(key), "Cần một thời điểm dạng 2026-03-01T07:00:00+07:00.",
                     "A time such as 2026-03-01T07:00:00+07:00 is needed.");
  }

  template <class Enum>
  Result<Enum> code(std::string_view key) const {
    const std::string text = TRY(this->text(key));
    if (auto value = parse_code<Enum>(text)) return *value;
    return bad_field(name(key), fmt::format("Giá trị “{}” không hợp lệ.", text),
                     fmt::format("“{}” is not a valid value.", text));
  }

  Result<const json::array*> array(std::string_view key, std::size_t most) const {
    const json::value* value = TRY(need(key));
    const json::array* array = value->if_array();
    if (!array) return bad_field(name(key), "Cần một danh sách ([…]).", "A list ([…]) is needed.");
    if (array->size() > most) {
      return bad_field(name(key), fmt::format("Tối đa {} mục.", most),
                       fmt::format("At most {} items.", most));
    }
    return array;
  }

 private:
  const json::object* object_ = nullptr;
  std::string path_;
};

// A core check's problem, its field moved under the item's path ("questions[3].correct").
Error under(Error error, const std::string& path) {
  error.where.field = error.where.field.empty() ? path : path + "." + error.where.field;
  return error;
}

Result<ContestRound> read_round(const json::value& value, const std::string& path) {
  const Fields fields(value, path);
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
    const Fields quota((*quotas)[i], fmt::format("{}.quotas[{}]", path, i));
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
  const Fields fields(value, path);
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
      return bad_field(fmt::format("{}.options[{}]", path, i), "Cần một chuỗi chữ.",
                       "Text is needed.");
    }
    question.options.emplace_back(*label);
  }
  const json::array* correct = TRY(fields.array("correct", kMaxContestOptions));
  for (std::size_t i = 0; i < correct->size(); ++i) {
    const std::int64_t* place = (*correct)[i].if_int64();
    if (!place || *place < 0 || *place >= static_cast<std::int64_t>(question.options.size())) {
      return bad_field(fmt::format("{}.correct[{}]", path, i),
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

// The parsed JSON, or the line where it stops being JSON.
Result<json::value> parse(std::string_view bytes) {
  json::parse_options options;
  options.max_depth = 16;
  json::stream_parser parser({}, options);
  boost::system::error_code error;
  const std::size_t read = parser.write(bytes.data(), bytes.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + read, '\n');
    return fail(ErrorKind::invalid_input, "contest.file_json",
                "Tệp cuộc thi không phải JSON hợp lệ (tệp bị cắt hoặc hỏng).",
                "The contest file is not valid JSON (cut short or damaged).",
                Location{static_cast<std::uint64_t>(line), ""});
  }
  return parser.release();
}

}  // namespace

std::string write_contest_file(const ContestFile& file) {
  json::array rounds;
  for (const ContestRound& round : file.rounds) rounds.push_back(round_json(round));
  json::array questions;
  for (const ContestQuestion& question : file.questions)
    questions.push_back(question_json(question));
  json::object document{
      {"format", kContestFileFormat},
      {"key", file.key},
      {"launched_by", file.launched_by},
      {"contest", json::object{{"title", file.contest.title},
                               {"description", file.contest.description},
                               {"prediction_question", file.contest.prediction_question}}},
      {"rounds", std::move(rounds)},
      {"questions", std::move(questions)},
  };
  document["sha256"] = sha256_hex(json::serialize(document));
  return json::serialize(document) + "\n";
}

Result<ContestFile> read_contest_file(std::string_view bytes) {
  if (bytes.size() > kMaxContestFileBytes) {
    return fail(ErrorKind::invalid_input, "contest.file_too_large",
                fmt::format("Tệp cuộc thi lớn hơn {} MB.", kMaxContestFileBytes >> 20),
                fmt::format("The contest file is larger than {} MB.", kMaxContestFileBytes >> 20));
  }
  json::value document = TRY(parse(bytes));
  const Fields fields(document, "");
  TRY(fields.is_object());
  if (TRY(fields.text("format")) != kContestFileFormat) {
    return fail(ErrorKind::invalid_input, "contest.file_format",
                fmt::format("Không phải tệp cuộc thi “{}”.", kContestFileFormat),
                fmt::format("Not a “{}” contest file.", kContestFileFormat), Location{0, "format"});
  }
  const std::string checksum = TRY(fields.text("sha256"));
  json::object unsigned_part = document.as_object();
  unsigned_part.erase("sha256");
  if (sha256_hex(json::serialize(unsigned_part)) != checksum) {
    return fail(ErrorKind::invalid_input, "contest.file_checksum",
                "Mã kiểm tra (sha256) của tệp không khớp: tệp đã bị sửa hoặc hỏng trên đường "
                "gửi. Hãy xin lại tệp gốc.",
                "The file's checksum (sha256) does not match: it was changed or damaged on the "
                "way. Ask for the original file again.",
                Location{0, "sha256"});
  }
  ContestFile file;
  file.key = TRY(fields.text("key"));
  if (file.key.empty() || file.key.size() > 64)
    return bad_field("key", "Mã cuộc thi không hợp lệ.", "The contest's key is not valid.");
  file.launched_by = TRY(fields.text("launched_by"));
  const json::value* contest = TRY(fields.need("contest"));
  const Fields about(*contest, "contest");
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
