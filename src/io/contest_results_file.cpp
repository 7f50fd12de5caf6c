#include "io/contest_results_file.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/contest_round.hpp"
#include "core/instant_text.hpp"
#include "io/contest_file.hpp"
#include "io/sealed_json.hpp"

namespace dk::io {
namespace {

namespace json = boost::json;

const SealedFormat kFormat{kContestResultsFormat, "contest.results_file", "tệp kết quả cuộc thi",
                           "contest results file", kMaxContestResultsBytes};

// More people than a province holds, fewer than what would overflow a sum.
constexpr std::int64_t kMostPeople = 100'000'000;
constexpr std::int64_t kMostSeconds = 30LL * 24 * 3600;

json::object entry_json(const ReportedEntry& entry) {
  return json::object{
      {"full_name", entry.full_name},
      {"unit_name", entry.unit_name},
      {"organization", entry.organization},
      {"score", entry.score},
      {"prediction", entry.prediction ? json::value(*entry.prediction) : json::value(nullptr)},
      {"seconds", entry.taken.count()},
      {"submitted_at", format_instant(entry.submitted_at)},
  };
}

Result<ReportedEntry> read_entry(const json::value& value, const std::string& path, int questions) {
  const JsonFields fields(kFormat, value, path);
  TRY(fields.is_object());
  ReportedEntry entry;
  entry.full_name = TRY(fields.text("full_name"));
  if (entry.full_name.empty())
    return fields.bad(fields.name("full_name"), "Thiếu họ và tên.", "The name is missing.");
  entry.unit_name = TRY(fields.text("unit_name", false));
  entry.organization = TRY(fields.text("organization", false));
  entry.score = static_cast<int>(TRY(fields.integer("score", 0, questions)));
  entry.prediction = TRY(fields.optional_integer("prediction", 0, kMostPeople));
  entry.taken = std::chrono::seconds(TRY(fields.integer("seconds", 0, kMostSeconds)));
  entry.submitted_at = TRY(fields.instant("submitted_at"));
  return entry;
}

Result<ReportedRound> read_round(const json::value& value, const std::string& path) {
  const JsonFields fields(kFormat, value, path);
  TRY(fields.is_object());
  ReportedRound round;
  round.title = TRY(fields.text("title"));
  round.opens_at = TRY(fields.instant("opens_at"));
  round.questions = static_cast<int>(TRY(fields.integer("questions", 1, kMaxRoundQuestions)));
  const json::array* entries = TRY(fields.array("entries", kMaxReportedEntries));
  round.entries.reserve(entries->size());
  for (std::size_t i = 0; i < entries->size(); ++i) {
    round.entries.push_back(
        TRY(read_entry((*entries)[i], fmt::format("{}.entries[{}]", path, i), round.questions)));
  }
  return round;
}

Result<ReportedGroup> read_group(const json::value& value, const std::string& path) {
  const JsonFields fields(kFormat, value, path);
  TRY(fields.is_object());
  ReportedGroup group;
  group.name = TRY(fields.text("name"));
  group.people = TRY(fields.integer("people", 0, kMostPeople));
  group.entrants = TRY(fields.integer("entrants", 0, group.people));
  return group;
}

}  // namespace

std::string write_contest_results_file(const ContestResultsFile& file) {
  json::array organizations;
  for (const ReportedGroup& group : file.organizations) {
    organizations.push_back(
        json::object{{"name", group.name}, {"people", group.people}, {"entrants", group.entrants}});
  }
  json::array rounds;
  for (const ReportedRound& round : file.rounds) {
    json::array entries;
    entries.reserve(round.entries.size());
    for (const ReportedEntry& entry : round.entries) entries.push_back(entry_json(entry));
    rounds.push_back(json::object{{"title", round.title},
                                  {"opens_at", format_instant(round.opens_at)},
                                  {"questions", round.questions},
                                  {"entries", std::move(entries)}});
  }
  return seal_json(kFormat, json::object{{"contest_key", file.contest_key},
                                         {"sender_key", file.sender_key},
                                         {"sent_by", file.sent_by},
                                         {"people", file.people},
                                         {"entrants", file.entrants},
                                         {"organizations", std::move(organizations)},
                                         {"rounds", std::move(rounds)}});
}

Result<ContestResultsFile> read_contest_results_file(std::string_view bytes) {
  const json::value document = TRY(open_sealed_json(kFormat, bytes));
  const JsonFields fields(kFormat, document, "");
  ContestResultsFile file;
  file.contest_key = TRY(fields.text("contest_key"));
  file.sender_key = TRY(fields.text("sender_key"));
  for (const auto& [key, text] :
       {std::pair{"contest_key", &file.contest_key}, std::pair{"sender_key", &file.sender_key}}) {
    if (text->empty() || text->size() > 64)
      return fields.bad(key, "Mã không hợp lệ.", "The key is not valid.");
  }
  file.sent_by = TRY(fields.text("sent_by"));
  file.people = TRY(fields.integer("people", 0, kMostPeople));
  file.entrants = TRY(fields.integer("entrants", 0, file.people));
  const json::array* organizations = TRY(fields.array("organizations", kMaxReportedGroups));
  for (std::size_t i = 0; i < organizations->size(); ++i) {
    file.organizations.push_back(
        TRY(read_group((*organizations)[i], fmt::format("organizations[{}]", i))));
  }
  const json::array* rounds = TRY(fields.array("rounds", kMaxContestFileRounds));
  for (std::size_t i = 0; i < rounds->size(); ++i)
    file.rounds.push_back(TRY(read_round((*rounds)[i], fmt::format("rounds[{}]", i))));
  return file;
}

}  // namespace dk::io
