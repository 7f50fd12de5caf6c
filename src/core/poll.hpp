#pragma once
// Polls and surveys (khảo sát, lấy ý kiến): an organization asks its members (or the agency asks
// everyone) one or more questions — one choice, several choices, or a free answer — between an
// opening and a closing time. Each member votes once; a retried vote is the same vote. An
// anonymous poll keeps who voted apart from what they answered. The results are counts per
// option, derived from the ballots, shown as charts.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class PollQuestionKind { single, multiple, text };
template <>
std::span<const CodeEntry<PollQuestionKind>> code_entries();

// When those who vote see the results (whoever runs the poll sees them all along).
enum class PollResultsShown { after_vote, after_close };
template <>
std::span<const CodeEntry<PollResultsShown>> code_entries();

struct PollQuestion {
  std::string text;
  PollQuestionKind kind = PollQuestionKind::single;
  std::vector<std::string> options;  // two or more for a choice; none for a free answer
  int max_choices = 0;               // multiple: at most this many (0: any number)
  bool required = true;
};

inline constexpr std::size_t kMaxPollQuestions = 20;
inline constexpr std::size_t kMaxPollOptions = 12;
inline constexpr std::size_t kMaxPollAnswerText = 1000;

struct Poll {
  Id id = 0;
  Id tenant_id = 0;
  std::optional<Id> organization_id;  // who asks; none: the agency, asking everyone
  std::string title;
  std::string description;
  bool anonymous = false;
  PollResultsShown results_shown = PollResultsShown::after_vote;
  Instant opens_at{};
  Instant closes_at{};
  std::vector<PollQuestion> questions;
  Id created_by = 0;
  Instant created_at{};
};

enum class PollPhase { upcoming, open, closed };
PollPhase phase_of(const Poll& poll, Instant now);

// One question's answer on a ballot: the chosen options (indexes), or the text.
struct PollAnswer {
  std::vector<int> choices;
  std::string text;
  bool empty() const { return choices.empty() && text.empty(); }
};

// Field-named problems of a new poll: a title, one to twenty questions, each with its text, two to
// twelve distinct options for a choice (none for a free answer), a sensible max_choices, and the
// close after the open.
Status validate_poll(const Poll& poll);

// The ballot checked against the poll: one answer per question, in order; a required question
// answered; one option for a single choice, distinct options within max_choices for several, text
// within its length for a free answer. Choices come back sorted. Errors name "answers[i]".
Result<std::vector<PollAnswer>> check_ballot(const Poll& poll, std::vector<PollAnswer> answers);

// The results of one question: votes per option (choices), or the answers given (free text).
struct QuestionResult {
  std::vector<std::int64_t> votes;  // per option, in the options' order
  std::int64_t answered = 0;        // ballots that answered it
  std::vector<std::string> texts;   // free answers, oldest first
};
struct PollResults {
  std::int64_t ballots = 0;
  std::vector<QuestionResult> questions;
};
// An option's share is share_percent(votes, answered) (core/directive.hpp); for several choices
// the options' shares add up to more than 100, each ballot picking several.

// Who runs a poll: core/access.hpp, may_address_members.
// Who may vote: for an organization's poll, its current members; for the agency's, anyone who
// is a person of it.
bool may_vote_in(const Principal& principal, const Poll& poll);

}  // namespace dk
