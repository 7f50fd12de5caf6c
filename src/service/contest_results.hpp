#pragma once
// A contest's results and participation as its organizers follow them (issue 17): each round's
// leaderboard (for the organizers at any time; for entrants once the round shows results), who of
// the audience has taken part by department and by organization with the collective rankings,
// the names of those who have not, and a reminder to them at most once a day.

#include <optional>
#include <string>
#include <vector>

#include "core/contest_participation.hpp"
#include "core/contest_round.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

inline constexpr std::int64_t kMaxLeaderboardPage = 500;
inline constexpr auto kContestReminderSpacing = std::chrono::hours(20);

struct LeaderboardRow {
  int rank = 0;
  ContestEntry entry;
  std::optional<std::int64_t> distance;  // of the prediction to the real count
  std::string full_name;
  std::string unit_name;
  std::string organization;  // an entrant reported from below: the organization it came through
};

struct Leaderboard {
  ContestRound round;
  int questions = 0;
  std::int64_t entrants = 0;
  std::int64_t perfect = 0;  // the real count predictions are measured against
  std::int64_t offset = 0;
  std::vector<LeaderboardRow> rows;
};

// A page of the round's leaderboard, best first (ranks count every entrant ahead). Attempts left
// open past their deadline are closed first, so that they count.
Result<Leaderboard> round_leaderboard(Connection& connection, const Actor& actor, Id contest,
                                      Id round, std::int64_t limit, std::int64_t offset);

struct ContestParticipation {
  Participation total;                            // the audience and each department, ranked
  std::vector<ParticipationGroup> organizations;  // ranked; a person may be in several
  std::vector<ParticipantRow> not_entered;        // by department then name
  // Each organization below that reported its results (a contest launched from above, one row per
  // sender with its audience counted once), ranked among themselves, and the figures with them:
  // total's plus every sender's.
  std::vector<ParticipationGroup> below;
  std::int64_t people_with_below = 0;
  std::int64_t entrants_with_below = 0;
};

// For those who run the contest.
Result<ContestParticipation> contest_participation(Connection& connection, const Actor& actor,
                                                   Id contest);
inline constexpr int kMaxCertificates = 100;

struct CertificatesFile {
  std::string file_name;  // "giay-chung-nhan-vong-3.pdf"
  std::string content;    // PDF
  int certificates = 0;
};

// Certificates for the round's winners — every entrant ranked `top` or better (those tied at the
// last place included) — one page each, in `language` ("vi", "en"), dated today. For those who run
// the contest, once the round has closed and its ranking is final.
Result<CertificatesFile> round_certificates(Connection& connection, const Actor& actor, Id contest,
                                            Id round, int top, std::string_view language);

// Reminds each of the audience who has not entered and was not reminded within a day (the bell,
// and mail as they chose); how many were reminded.
Result<std::int64_t> remind_contest(Connection& connection, const Actor& actor, Id contest);

}  // namespace dk::service
