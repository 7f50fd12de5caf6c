#pragma once
// Contests as the API shows them: a contest with its rounds, an entrant's standing and attempts
// (never a right answer before the attempt is over and the round shows results), leaderboards and
// participation.

#include <boost/json.hpp>

#include "service/contest_attempts.hpp"
#include "service/contest_results.hpp"
#include "service/contests.hpp"

namespace dk::http {

boost::json::object contest_json(const service::ContestView& view, Instant now);
boost::json::object standing_json(const service::RoundStanding& standing);
boost::json::object attempt_json(const service::AttemptView& view);
boost::json::object leaderboard_json(const service::Leaderboard& board);
boost::json::object participation_json(const service::ContestParticipation& participation);

}  // namespace dk::http
