#include "service/contest_attempts.hpp"

#include <fmt/format.h>

#include <map>
#include <random>

#include "core/instant_text.hpp"
#include "service/contests.hpp"
#include "service/refusal.hpp"
#include "store/contest_attempt_store.hpp"
#include "store/contest_round_store.hpp"
#include "store/contest_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> attempt_not_found(Id id) {
  return fail(ErrorKind::not_found, "contest.attempt_not_found",
              fmt::format("Không có lượt thi số {}.", id),
              fmt::format("There is no attempt {}.", id));
}

std::unexpected<Error> round_not_found(Id id) {
  return fail(ErrorKind::not_found, "contest.round_not_found",
              fmt::format("Không có vòng thi số {}.", id),
              fmt::format("There is no round {}.", id));
}

// The round of a contest the actor may see.
Result<ContestRound> round_of(Connection& connection, Id tenant, Id contest, Id round) {
  auto found = TRY(store::ContestRoundStore(connection).find(tenant, round));
  if (!found || found->contest_id != contest) return round_not_found(round);
  return std::move(*found);
}

// The drawn questions, in the draw's order (with answers: for marking, never sent as they are).
Result<std::vector<ContestQuestion>> drawn_questions(Connection& connection,
                                                     const ContestAttempt& attempt) {
  std::vector<Id> ids;
  for (const DrawnQuestion& drawn : attempt.draw) ids.push_back(drawn.question_id);
  auto found = TRY(store::ContestStore(connection)
                       .questions(attempt.tenant_id, attempt.contest_id, std::span<const Id>(ids)));
  std::map<Id, ContestQuestion> by_id;
  for (ContestQuestion& question : found) by_id.emplace(question.id, std::move(question));
  std::vector<ContestQuestion> questions;
  for (const DrawnQuestion& drawn : attempt.draw) {
    auto question = by_id.find(drawn.question_id);
    if (question == by_id.end()) {
      return fail(ErrorKind::internal, "contest.draw_lost", "Câu hỏi của lượt thi đã mất.",
                  "A question of the attempt is missing.");
    }
    questions.push_back(question->second);
  }
  return questions;
}

// Marks the attempt with what was saved in time and finishes it: submitted by the person at
// `now`, or closed by the server at its deadline. `drawn`: its questions, when already read.
Result<bool> finish(Connection& connection, const ContestRound& round, ContestAttempt attempt,
                    bool submitted, Instant now,
                    std::optional<std::vector<ContestQuestion>> drawn = std::nullopt) {
  const auto questions = drawn ? std::move(*drawn) : TRY(drawn_questions(connection, attempt));
  std::vector<const ContestQuestion*> in_order;
  for (const ContestQuestion& question : questions) in_order.push_back(&question);
  const auto answers =
      TRY(store::ContestAttemptStore(connection).answers(attempt.tenant_id, attempt.id));
  attempt.submitted = submitted;
  attempt.finished_at = submitted ? std::min(now, attempt.deadline) : attempt.deadline;
  attempt.marking =
      mark_attempt(in_order, answers, attempt.started_at, attempt.deadline, attempt.finished_at);
  return store::ContestAttemptStore(connection).finish(attempt, round.counted);
}

// The actor's own attempt; anyone else's does not exist for them.
Result<ContestAttempt> own_attempt(Connection& connection, const Actor& actor, Id id) {
  auto found = TRY(store::ContestAttemptStore(connection).find(actor.principal.tenant, id));
  if (!found || found->person_id != actor.principal.person_id || actor.principal.person_id == 0)
    return attempt_not_found(id);
  return std::move(*found);
}

// Where the person stands in the round: their counted attempt's rank among the entrants.
struct Standing {
  std::optional<ContestEntry> entry;
  std::optional<int> rank;
  std::int64_t entrants = 0;
};

Result<Standing> standing_of(Connection& connection, const ContestRound& round, Id person) {
  store::ContestAttemptStore attempts(connection);
  Standing standing;
  standing.entry = TRY(attempts.entry(round.tenant_id, round.id, person));
  if (!standing.entry) return standing;
  standing.entrants = TRY(attempts.entrant_count(round.tenant_id, round.id));
  const auto real = TRY(attempts.perfect_count(round.tenant_id, round.id, question_count(round)));
  const auto ahead = TRY(attempts.ahead_of(round.tenant_id, round.id, *standing.entry, real));
  standing.rank = static_cast<int>(ahead + 1);
  return standing;
}

Result<AttemptView> view_of(Connection& connection, const Actor& actor,
                            const ContestAttempt& attempt) {
  const Instant now = actor.clock();
  AttemptView view;
  view.now = now;
  const auto contest = TRY(contest_visible_to(connection, actor, attempt.contest_id));
  const auto round =
      TRY(round_of(connection, attempt.tenant_id, attempt.contest_id, attempt.round_id));
  view.contest_title = contest.contest.title;
  view.prediction_question = contest.contest.prediction_question;
  view.round_title = round.title;
  view.results_shown = attempt.finished_at && results_visible(round, now);
  const auto questions = TRY(drawn_questions(connection, attempt));
  std::map<int, GivenAnswer> saved;
  for (auto& answer :
       TRY(store::ContestAttemptStore(connection).answers(attempt.tenant_id, attempt.id)))
    saved[answer.position] = std::move(answer.answer);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const ContestQuestion& question = questions[i];
    AttemptQuestion shown;
    shown.position = static_cast<int>(i);
    shown.kind = question.kind;
    shown.topic = question.topic;
    shown.text = question.text;
    for (const int place : attempt.draw[i].option_order) {
      if (place >= 0 && place < static_cast<int>(question.options.size()))
        shown.options.push_back({place, question.options[static_cast<std::size_t>(place)]});
    }
    if (auto answer = saved.find(shown.position); answer != saved.end())
      shown.answer = answer->second;
    if (view.results_shown) {
      shown.correct = is_correct(question, shown.answer);
      shown.right_choices = question.correct;
      shown.right_number = question.numeric_answer;
    }
    view.questions.push_back(std::move(shown));
  }
  view.attempt = attempt;
  if (!view.results_shown) view.attempt.marking = {};
  if (view.results_shown) {
    const Standing standing = TRY(standing_of(connection, round, attempt.person_id));
    view.rank = standing.rank;
    view.entrants = standing.entrants;
  }
  return view;
}

Result<AttemptView> read_view(Connection& connection, const Actor& actor, Id id) {
  return store::in_read_snapshot(connection, [&]() -> Result<AttemptView> {
    const auto attempt = TRY(own_attempt(connection, actor, id));
    return view_of(connection, actor, attempt);
  });
}

// The attempt's id: the unfinished one, or a new one with its draw.
Result<Id> begin_attempt(Connection& connection, const Actor& actor, Id contest_id, Id round_id) {
  return store::in_transaction(connection, [&]() -> Result<Id> {
    const Instant now = actor.clock();
    const auto contest = TRY(contest_visible_to(connection, actor, contest_id));
    if (!contest.may_enter) {
      return fail(ErrorKind::forbidden, "contest.not_in_audience",
                  "Cuộc thi này không dành cho bạn.", "This contest is not open to you.");
    }
    const auto round = TRY(round_of(connection, actor.principal.tenant, contest_id, round_id));
    store::ContestAttemptStore attempts(connection);
    auto mine = TRY(attempts.of_person(round.tenant_id, round.id, actor.principal.person_id));
    int finished = 0;
    for (ContestAttempt& attempt : mine) {
      if (takes_answers(attempt, now)) return attempt.id;
      if (!attempt.finished_at) TRY(finish(connection, round, attempt, false, now));
      ++finished;
    }
    switch (phase_of(round, now)) {
      case RoundPhase::upcoming:
        return fail(ErrorKind::conflict, "contest.round_not_open",
                    fmt::format("Vòng thi bắt đầu lúc {}.", format_vietnamese_time(round.opens_at)),
                    fmt::format("The round opens at {}.", format_vietnamese_time(round.opens_at)));
      case RoundPhase::closed:
        return fail(ErrorKind::conflict, "contest.round_closed", "Vòng thi đã kết thúc.",
                    "The round has closed.");
      case RoundPhase::open:
        break;
    }
    if (finished >= round.attempts_allowed) {
      return fail(
          ErrorKind::conflict, "contest.attempts_used",
          fmt::format("Bạn đã dự thi đủ {} lượt của vòng này.", round.attempts_allowed),
          fmt::format("You have made the {} attempts this round allows.", round.attempts_allowed));
    }
    const auto bank = TRY(store::ContestStore(connection).questions(round.tenant_id, contest_id));
    std::random_device seed;
    std::mt19937_64 random((static_cast<std::uint64_t>(seed()) << 32) | seed());
    ContestAttempt attempt;
    attempt.tenant_id = round.tenant_id;
    attempt.contest_id = contest_id;
    attempt.round_id = round.id;
    attempt.person_id = actor.principal.person_id;
    attempt.number = finished + 1;
    attempt.started_at = now;
    attempt.deadline = attempt_deadline(now, round.time_limit, round.closes_at);
    attempt.draw = TRY(draw_questions(bank, round.quotas, round.shuffle_options, random));
    const auto started = TRY(attempts.start(std::move(attempt)));
    return started.id;
  });
}

// Checks and saves answers and the prediction into an attempt that still takes them, whose
// questions are `questions`.
Status save_into(Connection& connection, const ContestAttempt& attempt,
                 const std::vector<ContestQuestion>& questions,
                 const std::vector<AnswerAt>& answers,
                 const std::optional<std::optional<std::int64_t>>& prediction, Instant now) {
  if (!answers.empty()) {
    std::vector<SavedAnswer> saved;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const AnswerAt& given = answers[i];
      if (given.position < 0 || given.position >= static_cast<int>(questions.size())) {
        return fail(ErrorKind::invalid_input, "contest.answer_position",
                    fmt::format("Lượt thi không có câu {}.", given.position + 1),
                    fmt::format("The attempt has no question {}.", given.position + 1),
                    Location{0, fmt::format("answers[{}].position", i)});
      }
      TRY(check_given_answer(questions[static_cast<std::size_t>(given.position)], given.answer, i));
      saved.push_back(SavedAnswer{given.position, given.answer, now});
    }
    TRY(store::ContestAttemptStore(connection).save_answers(attempt.tenant_id, attempt.id, saved));
  }
  if (prediction) {
    if (*prediction) TRY(check_prediction(**prediction));
    TRY(store::ContestAttemptStore(connection)
            .set_prediction(attempt.tenant_id, attempt.id, *prediction));
  }
  return {};
}

std::unexpected<Error> time_up() {
  return fail(ErrorKind::conflict, "contest.time_up",
              "Đã hết giờ làm bài: câu trả lời này không được ghi.",
              "Time is up: this answer was not saved.");
}

}  // namespace

Result<AttemptView> start_attempt(Connection& connection, const Actor& actor, Id contest,
                                  Id round) {
  auto id = begin_attempt(connection, actor, contest, round);
  // Two starts at once (a double tap): the second finds the first's attempt on a second look.
  if (!id && id.error().code == "store.duplicate")
    id = begin_attempt(connection, actor, contest, round);
  if (!id) return std::unexpected(id.error());
  return read_view(connection, actor, *id);
}

Result<AttemptView> read_attempt(Connection& connection, const Actor& actor, Id attempt) {
  auto view = TRY(read_view(connection, actor, attempt));
  if (view.attempt.finished_at || takes_answers(view.attempt, view.now)) return view;
  // Left open past its deadline (the page closed, the phone slept): closed now with what was
  // saved in time, so that the person sees it over.
  const Status closed = store::in_transaction(connection, [&]() -> Status {
    const auto open = TRY(own_attempt(connection, actor, attempt));
    const auto round = TRY(round_of(connection, open.tenant_id, open.contest_id, open.round_id));
    if (!open.finished_at) TRY(finish(connection, round, open, false, actor.clock()));
    return {};
  });
  if (!closed) return std::unexpected(closed.error());
  return read_view(connection, actor, attempt);
}

Result<AttemptView> save_answers(Connection& connection, const Actor& actor, Id id,
                                 const std::vector<AnswerAt>& answers,
                                 std::optional<std::optional<std::int64_t>> prediction) {
  const Status saved = store::in_transaction(connection, [&]() -> Status {
    const Instant now = actor.clock();
    const auto attempt = TRY(own_attempt(connection, actor, id));
    if (attempt.finished_at) {
      return fail(ErrorKind::conflict, "contest.attempt_finished", "Bài thi này đã nộp.",
                  "This attempt has been submitted.");
    }
    if (!takes_answers(attempt, now)) return time_up();
    return save_into(connection, attempt, TRY(drawn_questions(connection, attempt)), answers,
                     prediction, now);
  });
  if (!saved) return std::unexpected(saved.error());
  return read_view(connection, actor, id);
}

namespace {

// The submission's reads and writes, in a transaction the caller owns: the request's own, or the
// group commit's on the shared writer.
Status submit_in(Connection& connection, const Actor& actor, Id id,
                 const std::vector<AnswerAt>& answers,
                 const std::optional<std::optional<std::int64_t>>& prediction) {
  const Instant now = actor.clock();
  auto attempt = TRY(own_attempt(connection, actor, id));
  if (attempt.finished_at) return {};  // a retry: it stands as it was finished
  const auto round =
      TRY(round_of(connection, attempt.tenant_id, attempt.contest_id, attempt.round_id));
  auto questions = TRY(drawn_questions(connection, attempt));
  // Late, the answers carried by the submission are not saved; those saved in time count.
  const bool in_time = takes_answers(attempt, now);
  if (in_time) {
    TRY(save_into(connection, attempt, questions, answers, prediction, now));
    if (prediction) attempt.prediction = *prediction;
  }
  TRY(finish(connection, round, attempt, in_time, now, std::move(questions)));
  return {};
}

}  // namespace

Result<AttemptView> submit_attempt(Connection& connection, const Actor& actor, Id id,
                                   const std::vector<AnswerAt>& answers,
                                   std::optional<std::optional<std::int64_t>> prediction,
                                   Database* database) {
  auto writes = [&](Connection& writer) {
    return submit_in(writer, actor, id, answers, prediction);
  };
  // When the round closes, its entrants submit within the same minutes: on SQLite they share
  // commits (one flush for a batch) rather than queue for the one writer a flush each.
  const Status submitted =
      database && database->groups_commits()
          ? database->in_group_commit(writes)
          : store::in_transaction(connection, [&] { return writes(connection); });
  if (!submitted) return std::unexpected(submitted.error());
  return read_view(connection, actor, id);
}

Result<std::int64_t> close_expired_attempts(Connection& connection, const ContestRound& round,
                                            Instant now) {
  return store::in_transaction(connection, [&]() -> Result<std::int64_t> {
    std::int64_t closed = 0;
    for (const ContestAttempt& attempt :
         TRY(store::ContestAttemptStore(connection).expired(round.tenant_id, round.id, now))) {
      if (TRY(finish(connection, round, attempt, false, now))) ++closed;
    }
    return closed;
  });
}

Result<std::vector<RoundStanding>> my_standings(Connection& connection, const Actor& actor,
                                                Id contest_id) {
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<RoundStanding>> {
    const Instant now = actor.clock();
    const auto contest = TRY(contest_visible_to(connection, actor, contest_id));
    std::vector<RoundStanding> standings;
    store::ContestAttemptStore attempts(connection);
    for (const ContestRound& round : contest.rounds) {
      RoundStanding standing;
      standing.round = round;
      standing.phase = phase_of(round, now);
      standing.results_shown = results_visible(round, now);
      if (actor.principal.person_id != 0)
        standing.attempts =
            TRY(attempts.of_person(round.tenant_id, round.id, actor.principal.person_id));
      for (ContestAttempt& attempt : standing.attempts) {
        attempt.draw.clear();
        if (!standing.results_shown) attempt.marking = {};
      }
      if (standing.results_shown && actor.principal.person_id != 0) {
        const Standing where = TRY(standing_of(connection, round, actor.principal.person_id));
        standing.entry = where.entry;
        standing.rank = where.rank;
        standing.entrants = where.entrants;
      }
      standings.push_back(std::move(standing));
    }
    return standings;
  });
}

}  // namespace dk::service
