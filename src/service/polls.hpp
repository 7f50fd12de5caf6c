#pragma once
// Polls and surveys (core/poll.hpp): run by an organization's officers for its members, or by
// the agency for everyone; one vote per member, a retried vote answered as the first; results
// when the poll's rule allows (whoever runs it sees them all along).

#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "core/poll.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct PollView {
  Poll poll;
  std::string organization_name;
  PollPhase phase = PollPhase::open;
  std::int64_t ballots = 0;
  bool may_run = false;
  bool may_vote = false;  // in the audience (whether or not it is open)
  bool voted = false;
  std::optional<PollResults> results;  // when the actor may see them
};

// Creates it and tells its audience (the bell, and the morning's mail by default).
Result<PollView> create_poll(Connection& connection, const Actor& actor, Poll poll);
// Those the actor may vote in or runs, newest first.
Result<std::vector<PollView>> list_polls(Connection& connection, const Actor& actor);
Result<PollView> read_poll(Connection& connection, const Actor& actor, Id id);
// Errors: poll.not_open (before it opens or after it closes), poll.already_voted, the ballot's
// field-named problems; someone outside the audience is refused.
Result<PollView> vote(Connection& connection, const Actor& actor, Id id,
                      std::vector<PollAnswer> answers);

// The poll's answer goes into a year's plan: a programme named after the chosen option of a
// choice question (or `title`), whose description cites the poll and every option's votes and
// share, from the same counts the results show. For whoever runs the poll and plans for the
// plan's organization, which must be the poll's. Errors name question, option or plan_id.
Result<Programme> add_poll_result_to_plan(Connection& connection, const Actor& actor, Id id,
                                          int question, int option, Id plan,
                                          std::string_view title);

}  // namespace dk::service
