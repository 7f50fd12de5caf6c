#pragma once
// Taking part in an online contest (issue 17): a person of the contest's audience starts an
// attempt at an open round — the questions are drawn then, by the round's quotas, and fixed — and
// saves answers as they go; the server's clock decides what counts (a save after the deadline is
// refused, and an attempt left open is closed at its deadline with what was saved in time). The
// correct answers never leave the server before the attempt is over and the round shows results.

#include <optional>
#include <string>
#include <vector>

#include "core/contest_attempt.hpp"
#include "core/contest_round.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

// A drawn question as the entrant sees it: its options in the attempt's order, each with its
// place in the question's own order (what an answer names).
struct AttemptOption {
  int place = 0;
  std::string label;
};

struct AttemptQuestion {
  int position = 0;
  ContestQuestionKind kind = ContestQuestionKind::single;
  std::string topic;
  std::string text;
  std::vector<AttemptOption> options;
  GivenAnswer answer;  // as saved (empty when none)
  // Once the results are shown: whether it was right, and the right answer.
  std::optional<bool> correct;
  std::vector<int> right_choices;
  std::string right_number;
};

struct AttemptView {
  ContestAttempt attempt;
  std::string contest_title;
  std::string round_title;
  std::string prediction_question;  // empty: none asked
  std::vector<AttemptQuestion> questions;
  Instant now{};               // the server's clock, for the page's timer
  bool results_shown = false;  // the marks and the right answers are in the view
  std::optional<int> rank;     // in the round, when results are shown and this attempt counts
  std::int64_t entrants = 0;   // with `rank`
};

// Starts an attempt at the round, or resumes the person's unfinished one (a retry, a second tab,
// a reload): the same questions, the same deadline. Refused before the round opens, after it
// closes, outside the audience, and when the attempts allowed are used.
Result<AttemptView> start_attempt(Connection& connection, const Actor& actor, Id contest, Id round);
// The person's own attempt.
Result<AttemptView> read_attempt(Connection& connection, const Actor& actor, Id attempt);

struct AnswerAt {
  int position = 0;
  GivenAnswer answer;  // empty: clear the place
};

// Saves answers (and the prediction, when given) while the attempt takes them; saving the same
// again changes nothing. After the deadline nothing is saved: the attempt is over.
Result<AttemptView> save_answers(Connection& connection, const Actor& actor, Id attempt,
                                 const std::vector<AnswerAt>& answers,
                                 std::optional<std::optional<std::int64_t>> prediction);
// Saves what is given as save_answers does (when still in time), then finishes the attempt with
// its marks. Submitting again, or after the server closed it, returns it as it is. `database`:
// the submission shares a group commit with others when it groups commits; without one, or on an
// engine that does not, it commits alone on `connection`. Either way it is durable when returned.
Result<AttemptView> submit_attempt(Connection& connection, const Actor& actor, Id attempt,
                                   const std::vector<AnswerAt>& answers,
                                   std::optional<std::optional<std::int64_t>> prediction,
                                   Database* database = nullptr);

// A person's standing in one round of a contest they may enter.
struct RoundStanding {
  ContestRound round;
  RoundPhase phase = RoundPhase::upcoming;
  std::vector<ContestAttempt> attempts;  // theirs, first first; marks only when results are shown
  bool results_shown = false;
  std::optional<ContestEntry> entry;  // their counted attempt, when results are shown
  std::optional<int> rank;
  std::int64_t entrants = 0;
};
// For each round of the contest, the actor's attempts and, when shown, standing.
Result<std::vector<RoundStanding>> my_standings(Connection& connection, const Actor& actor,
                                                Id contest);

// Closes the round's attempts left open past their deadline, with the answers saved in time: so
// that leaderboards and figures count them. Returns how many were closed.
Result<std::int64_t> close_expired_attempts(Connection& connection, const ContestRound& round,
                                            Instant now);

}  // namespace dk::service
