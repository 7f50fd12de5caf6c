#pragma once
// The contest file (issue 17): how a contest launched by a superior organization travels to the
// organizations below it when they run their own installation (an agency on SQLite, a province
// elsewhere) — the contest, its rounds and its whole bank with the answers, as JSON:
//
//   {"format": "doanket-contest/1", "key": "…", "launched_by": "Công đoàn Viên chức tỉnh …",
//    "contest": {"title", "description", "prediction_question"},
//    "rounds": [{"title", "opens_at", "closes_at", "time_limit_minutes", "attempts_allowed",
//                "counted", "shuffle_options", "results_shown", "quotas": [{"topic", "count"}]}],
//    "questions": [{"topic", "difficulty", "kind", "text", "options", "correct",
//    "numeric_answer"}], "sha256": "…"}
//
// "sha256" is the SHA-256 of the file's JSON written again without it (compact, in its own order):
// a file cut short, damaged in a mail client or edited by hand is refused rather than run with
// a wrong answer in its bank. It is a checksum, not a signature: it proves the file whole, not who
// wrote it — whoever imports a file decides whether to trust its sender.

#include <string>
#include <string_view>
#include <vector>

#include "core/contest.hpp"
#include "core/contest_question.hpp"
#include "core/contest_round.hpp"
#include "core/error.hpp"

namespace dk::io {

inline constexpr std::string_view kContestFileFormat = "doanket-contest/1";
inline constexpr std::size_t kMaxContestFileBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxContestFileRounds = 20;

struct ContestFile {
  std::string key;          // the sending contest's launch key: results going back name it
  std::string launched_by;  // who sends it down
  Contest contest;          // title, description, prediction question (no ids, no audience)
  std::vector<ContestRound> rounds;        // no ids
  std::vector<ContestQuestion> questions;  // no ids
};

// The file's bytes, with their checksum.
std::string write_contest_file(const ContestFile& file);

// The file, or what is wrong with it and where: the JSON's line, or the field's path
// ("rounds[1].closes_at", "questions[12].correct"); each round and question as the core checks
// them (core/contest_round.hpp, core/contest_question.hpp). A checksum that does not match is
// `contest.file_checksum`.
Result<ContestFile> read_contest_file(std::string_view bytes);

}  // namespace dk::io
