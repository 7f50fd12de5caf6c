#pragma once
// The results file (issue 17): how a contest launched from above reports back up. The agency that
// imported a contest file (io/contest_file.hpp) sends its superior each round's entries — name,
// department, organization, score, prediction, time taken, submission — and its participation by
// organization, as a sealed JSON file (io/sealed_json.hpp) naming the contest it answers:
//
//   {"format": "doanket-contest-results/1", "contest_key": "…", "sender_key": "…",
//    "sent_by": "Công đoàn Sở Tư pháp — Sở Tư pháp Hà Tĩnh", "people": 52, "entrants": 43,
//    "organizations": [{"name", "people", "entrants"}],
//    "rounds": [{"title", "opens_at", "questions",
//                "entries": [{"full_name", "unit_name", "organization", "score", "prediction",
//                             "seconds", "submitted_at"}]}],
//    "sha256": "…"}
//
// A middle level sends up what it received from below with its own, so results roll up level by
// level; the superior that imports a newer file from the same sender replaces the older.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/contest_report.hpp"
#include "core/error.hpp"

namespace dk::io {

inline constexpr std::string_view kContestResultsFormat = "doanket-contest-results/1";
inline constexpr std::size_t kMaxContestResultsBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxReportedEntries = 500'000;  // per round
inline constexpr std::size_t kMaxReportedGroups = 10'000;

struct ReportedRound {
  std::string title;  // with opens_at, how the superior finds its own round
  Instant opens_at{};
  int questions = 0;  // drawn per attempt: a score is out of it
  std::vector<ReportedEntry> entries;
};

struct ContestResultsFile {
  std::string contest_key;  // the key of the contest file it answers
  std::string sender_key;   // the sender's own copy: a newer file from it replaces the older
  std::string sent_by;
  // The contest's audience, each person once, and those who entered (in any round), with what
  // reached the sender from below: the figures a superior adds up. The organizations' figures
  // below overlap (a person may be in several) and are not to be summed.
  std::int64_t people = 0;
  std::int64_t entrants = 0;
  std::vector<ReportedGroup> organizations;
  std::vector<ReportedRound> rounds;
};

std::string write_contest_results_file(const ContestResultsFile& file);

// The file, or what is wrong with it and where (contest.results_file_checksum, …_json with its
// line, …_field with the path: "rounds[0].entries[12].score"). Entrants cannot outnumber an
// organization's people, nor a score its questions.
Result<ContestResultsFile> read_contest_results_file(std::string_view bytes);

}  // namespace dk::io
