#include "http/contest_json.hpp"

#include "core/instant_text.hpp"

namespace dk::http {
namespace {

boost::json::value optional_json(const std::optional<std::int64_t>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value instant_json(const std::optional<Instant>& instant) {
  return instant ? boost::json::value(format_instant(*instant)) : boost::json::value(nullptr);
}

boost::json::array places_json(const std::vector<int>& places) {
  boost::json::array json;
  for (const int place : places) json.push_back(place);
  return json;
}

boost::json::object round_json(const ContestRound& round, Instant now) {
  boost::json::array quotas;
  for (const TopicQuota& quota : round.quotas)
    quotas.push_back(boost::json::object{{"topic", quota.topic}, {"count", quota.count}});
  return {{"id", round.id},
          {"title", round.title},
          {"opens_at", format_instant(round.opens_at)},
          {"closes_at", format_instant(round.closes_at)},
          {"phase", phase_of(round, now) == RoundPhase::upcoming ? "upcoming"
                    : phase_of(round, now) == RoundPhase::open   ? "open"
                                                                 : "closed"},
          {"time_limit_minutes", round.time_limit.count() / 60},
          {"attempts_allowed", round.attempts_allowed},
          {"counted", code_of(round.counted)},
          {"shuffle_options", round.shuffle_options},
          {"results_shown", code_of(round.results_shown)},
          {"questions", question_count(round)},
          {"quotas", std::move(quotas)}};
}

boost::json::object entry_json(const ContestEntry& entry) {
  return {{"score", entry.score},
          {"prediction", optional_json(entry.prediction)},
          {"taken_seconds", entry.taken.count()},
          {"finished_at", format_instant(entry.submitted_at)}};
}

// An attempt's own figures; its marks only when `marked`.
boost::json::object attempt_summary(const ContestAttempt& attempt, bool marked) {
  boost::json::object json{{"id", attempt.id},
                           {"round_id", attempt.round_id},
                           {"number", attempt.number},
                           {"started_at", format_instant(attempt.started_at)},
                           {"deadline", format_instant(attempt.deadline)},
                           {"finished_at", instant_json(attempt.finished_at)},
                           {"submitted", attempt.submitted},
                           {"prediction", optional_json(attempt.prediction)}};
  if (marked && attempt.finished_at) {
    json["score"] = attempt.marking.score;
    json["answered"] = attempt.marking.answered;
    json["taken_seconds"] = attempt.marking.taken.count();
  }
  return json;
}

boost::json::object group_json(const ParticipationGroup& group) {
  return {{"id", optional_json(group.id)},
          {"name", group.name},
          {"people", group.people},
          {"entrants", group.entrants},
          {"rank_by_count", group.rank_by_count},
          {"rank_by_rate", group.rank_by_rate}};
}

}  // namespace

boost::json::object contest_json(const service::ContestView& view, Instant now) {
  const Contest& contest = view.contest;
  boost::json::object topics;
  for (const auto& [topic, count] : view.topics) topics[topic] = count;
  boost::json::array rounds;
  for (const ContestRound& round : view.rounds) rounds.push_back(round_json(round, now));
  boost::json::array audience_ids;
  for (const Id id : contest.audience.ids) audience_ids.push_back(id);
  return {{"id", contest.id},
          {"organization_id", optional_json(contest.organization_id)},
          {"organization_name", view.organization_name},
          {"title", contest.title},
          {"description", contest.description},
          {"prediction_question", contest.prediction_question},
          {"audience_scope", code_of(contest.audience.scope)},
          {"audience_ids", std::move(audience_ids)},
          {"created_at", format_instant(contest.created_at)},
          // A copy of a contest launched from above says who sent it (the key stays inside).
          {"launched_by", contest.launched_from.empty() ? boost::json::value(nullptr)
                                                        : boost::json::value(contest.launched_by)},
          // Sent down at least once: results may come back up to it.
          {"sent_down", contest.sent_down},
          {"questions", view.questions},
          {"topics", std::move(topics)},
          {"rounds", std::move(rounds)},
          {"may_run", view.may_run},
          {"may_enter", view.may_enter}};
}

boost::json::object standing_json(const service::RoundStanding& standing) {
  boost::json::array attempts;
  for (const ContestAttempt& attempt : standing.attempts)
    attempts.push_back(attempt_summary(attempt, standing.results_shown));
  return {
      {"round_id", standing.round.id},
      {"results_shown", standing.results_shown},
      {"attempts", std::move(attempts)},
      {"entry", standing.entry ? boost::json::value(entry_json(*standing.entry))
                               : boost::json::value(nullptr)},
      {"rank", standing.rank ? boost::json::value(*standing.rank) : boost::json::value(nullptr)},
      {"entrants", standing.entrants}};
}

boost::json::object attempt_json(const service::AttemptView& view) {
  boost::json::array questions;
  for (const service::AttemptQuestion& question : view.questions) {
    boost::json::array options;
    for (const service::AttemptOption& option : question.options)
      options.push_back(boost::json::object{{"place", option.place}, {"label", option.label}});
    boost::json::object answer{{"choices", places_json(question.answer.choices)},
                               {"number", question.answer.number}};
    boost::json::object json{{"position", question.position}, {"kind", code_of(question.kind)},
                             {"topic", question.topic},       {"text", question.text},
                             {"options", std::move(options)}, {"answer", std::move(answer)}};
    if (question.correct) {
      json["correct"] = *question.correct;
      json["right_choices"] = places_json(question.right_choices);
      json["right_number"] = question.right_number;
    }
    questions.push_back(std::move(json));
  }
  boost::json::object json = attempt_summary(view.attempt, view.results_shown);
  json["contest_id"] = view.attempt.contest_id;
  json["contest_title"] = view.contest_title;
  json["round_title"] = view.round_title;
  json["prediction_question"] = view.prediction_question;
  json["now"] = format_instant(view.now);
  json["seconds_left"] =
      view.attempt.finished_at
          ? 0
          : std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(
                                          view.attempt.deadline - view.now)
                                          .count());
  json["results_shown"] = view.results_shown;
  json["rank"] = view.rank ? boost::json::value(*view.rank) : boost::json::value(nullptr);
  json["entrants"] = view.entrants;
  json["questions"] = std::move(questions);
  return json;
}

boost::json::object leaderboard_json(const service::Leaderboard& board) {
  boost::json::array rows;
  for (const service::LeaderboardRow& row : board.rows) {
    boost::json::object json = entry_json(row.entry);
    json["rank"] = row.rank;
    json["person_id"] = row.entry.person_id;
    json["full_name"] = row.full_name;
    json["unit_name"] = row.unit_name;
    // Reported from below: no person here (person_id below zero), the organization it came from.
    json["organization"] = row.organization;
    json["distance"] = optional_json(row.distance);
    rows.push_back(std::move(json));
  }
  return {{"round_id", board.round.id}, {"questions", board.questions},
          {"entrants", board.entrants}, {"perfect", board.perfect},
          {"offset", board.offset},     {"items", std::move(rows)}};
}

boost::json::object participation_json(const service::ContestParticipation& participation) {
  boost::json::array units, organizations, below, not_entered;
  for (const ParticipationGroup& group : participation.below) below.push_back(group_json(group));
  for (const ParticipationGroup& group : participation.total.units)
    units.push_back(group_json(group));
  for (const ParticipationGroup& group : participation.organizations)
    organizations.push_back(group_json(group));
  for (const ParticipantRow& row : participation.not_entered) {
    not_entered.push_back(boost::json::object{{"person_id", row.person_id},
                                              {"full_name", row.full_name},
                                              {"unit_id", optional_json(row.unit_id)},
                                              {"unit_name", row.unit_name}});
  }
  return {{"people", participation.total.people},
          {"entrants", participation.total.entrants},
          {"units", std::move(units)},
          {"organizations", std::move(organizations)},
          {"not_entered", std::move(not_entered)},
          {"below", std::move(below)},
          {"people_with_below", participation.people_with_below},
          {"entrants_with_below", participation.entrants_with_below}};
}

}  // namespace dk::http
