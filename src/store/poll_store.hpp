#pragma once
// Polls, their questions and options, who voted, and the ballots (core/poll.hpp).

#include <optional>
#include <set>
#include <vector>

#include "core/poll.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct PollSummary {
  Poll poll;                      // with its questions
  std::string organization_name;  // empty for the agency's
  std::int64_t ballots = 0;
};

class PollStore {
 public:
  explicit PollStore(SqlConnection& connection) : connection_(connection) {}

  // Writes the poll with its questions and options; returns it with its id.
  Result<Poll> create(Poll poll);
  Result<std::optional<PollSummary>> find(Id tenant, Id id);
  // Newest first: every poll of the agency (the service keeps those the person may see).
  Result<std::vector<PollSummary>> list(Id tenant);
  // The polls among `tenant`'s that `person` voted in.
  Result<std::set<Id>> voted_in(Id tenant, Id person);
  Result<bool> has_voted(Id tenant, Id poll, Id person);
  // Records that `person` voted and their ballot (`ballot` a fresh random id; a named ballot
  // carries the person and the time). False, writing nothing, when they had voted already.
  Result<bool> cast(const Poll& poll, Id person, Id ballot, Instant at,
                    const std::vector<PollAnswer>& answers);
  // Counts per option and the free answers, from the ballots.
  Result<PollResults> results(const Poll& poll);

 private:
  Status read_questions(Poll& poll);
  SqlConnection& connection_;
};

}  // namespace dk::store
