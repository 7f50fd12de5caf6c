#include "service/polls.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <numeric>

#include "core/directive.hpp"
#include "core/instant_text.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/notify.hpp"
#include "service/plans.hpp"
#include "service/refusal.hpp"
#include "store/poll_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> poll_not_found(Id id) {
  return fail(ErrorKind::not_found, "poll.not_found", fmt::format("Không có khảo sát số {}.", id),
              fmt::format("There is no poll {}.", id));
}

// A ballot's id: random, so that the order of the ballots says nothing of the order of voting.
Id random_ballot_id() {
  std::uint64_t bits = 0;
  randombytes_buf(&bits, sizeof bits);
  return static_cast<Id>(bits >> 2) + 1;
}

// What the actor may see of a stored poll; nothing when it is neither theirs to run nor to vote.
Result<std::optional<PollView>> view_of(store::PollStore& polls, const Actor& actor,
                                        store::PollSummary summary, bool voted) {
  PollView view;
  view.may_run = may_address_members(actor.principal, summary.poll.organization_id);
  view.may_vote = may_vote_in(actor.principal, summary.poll);
  if (!view.may_run && !view.may_vote) return std::optional<PollView>{};
  view.phase = phase_of(summary.poll, actor.clock());
  view.ballots = summary.ballots;
  view.voted = voted;
  view.organization_name = std::move(summary.organization_name);
  view.poll = std::move(summary.poll);
  const bool shown = view.may_run || view.phase == PollPhase::closed ||
                     (view.voted && view.poll.results_shown == PollResultsShown::after_vote);
  if (shown) view.results = TRY(polls.results(view.poll));
  return std::optional<PollView>(std::move(view));
}

Result<PollView> read(store::PollStore& polls, const Actor& actor, Id id) {
  auto found = TRY(polls.find(actor.principal.tenant, id));
  if (!found) return poll_not_found(id);
  const bool voted = actor.principal.person_id != 0 &&
                     TRY(polls.has_voted(actor.principal.tenant, id, actor.principal.person_id));
  auto view = TRY(view_of(polls, actor, std::move(*found), voted));
  // Ids tell nobody what other organizations ask.
  if (!view) return poll_not_found(id);
  return std::move(*view);
}

}  // namespace

Result<PollView> create_poll(Connection& connection, const Actor& actor, Poll poll) {
  poll.tenant_id = actor.principal.tenant;
  if (poll.opens_at == Instant{}) poll.opens_at = actor.clock();  // no opening time: now
  poll.title = normalize_text(poll.title);
  poll.description = normalize_text(poll.description);
  for (PollQuestion& question : poll.questions) {
    question.text = normalize_text(question.text);
    for (std::string& option : question.options) option = normalize_text(option);
  }
  TRY(validate_poll(poll));
  if (!may_address_members(actor.principal, poll.organization_id)) return refuse();
  store::PollStore polls(connection);
  auto created = store::in_transaction(connection, [&]() -> Result<PollView> {
    if (poll.organization_id) {
      auto organization = TRY(store::RegistryStore(connection)
                                  .find_organization_by_id(poll.tenant_id, *poll.organization_id));
      if (!organization || organization->external) {
        return fail(ErrorKind::invalid_input, "organization.not_found",
                    "Không có tổ chức này trong cơ quan.", "There is no such organization.",
                    Location{0, "organization_id"});
      }
    }
    poll.created_by = actor.principal.account_id;
    poll.created_at = actor.clock();
    const Poll stored = TRY(polls.create(poll));
    NotificationEvent event;
    event.tenant_id = stored.tenant_id;
    event.kind = NotificationKind::poll_opened;
    event.created_at = stored.created_at;
    event.link = fmt::format("/polls#poll-{}", stored.id);
    event.title = Text{fmt::format("Khảo sát mới: {}", stored.title),
                       fmt::format("New poll: {}", stored.title)};
    const std::string until = format_vietnamese_time(stored.closes_at);
    event.body =
        Text{fmt::format("Mở từ {} đến {}.", format_vietnamese_time(stored.opens_at), until),
             fmt::format("Open from {} until {}.", format_vietnamese_time(stored.opens_at), until)};
    TRY(publish_notification(connection, std::move(event),
                             store::member_recipients(stored.organization_id)));
    TRY(record_audit(connection, actor, "create", "poll", stored.id, "{}"));
    return read(polls, actor, stored.id);
  });
  if (created) signal_notified(actor.principal.tenant);
  return created;
}

Result<std::vector<PollView>> list_polls(Connection& connection, const Actor& actor) {
  store::PollStore polls(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<PollView>> {
    auto summaries = TRY(polls.list(actor.principal.tenant));
    std::set<Id> voted;
    if (actor.principal.person_id != 0)
      voted = TRY(polls.voted_in(actor.principal.tenant, actor.principal.person_id));
    std::vector<PollView> views;
    for (auto& summary : summaries) {
      const bool mine = voted.contains(summary.poll.id);
      auto view = TRY(view_of(polls, actor, std::move(summary), mine));
      if (view) views.push_back(std::move(*view));
    }
    return views;
  });
}

Result<PollView> read_poll(Connection& connection, const Actor& actor, Id id) {
  store::PollStore polls(connection);
  return store::in_read_snapshot(connection, [&] { return read(polls, actor, id); });
}

Result<PollView> vote(Connection& connection, const Actor& actor, Id id,
                      std::vector<PollAnswer> answers) {
  store::PollStore polls(connection);
  return store::in_transaction(connection, [&]() -> Result<PollView> {
    auto view = TRY(read(polls, actor, id));
    if (!view.may_vote) return refuse();
    if (view.phase != PollPhase::open) {
      const bool early = view.phase == PollPhase::upcoming;
      return fail(
          ErrorKind::conflict, "poll.not_open",
          early ? fmt::format("Khảo sát mở lúc {}.", format_vietnamese_time(view.poll.opens_at))
                : std::string("Khảo sát đã kết thúc."),
          early ? fmt::format("The poll opens at {}.", format_vietnamese_time(view.poll.opens_at))
                : std::string("The poll has closed."));
    }
    const auto ballot = TRY(check_ballot(view.poll, std::move(answers)));
    const bool cast = TRY(polls.cast(view.poll, actor.principal.person_id, random_ballot_id(),
                                     actor.clock(), ballot));
    if (!cast) {
      return fail(ErrorKind::conflict, "poll.already_voted", "Bạn đã bỏ phiếu khảo sát này.",
                  "You have already voted in this poll.");
    }
    return read(polls, actor, id);
  });
}

namespace {

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

// "Theo kết quả khảo sát “…” (20 phiếu, kết thúc 31/12/2026): Bóng đá 12 phiếu (60 %); …": every
// option, most votes first, as the plan's record of why. Plans are written in Vietnamese.
std::string result_citation(const PollView& view, int question) {
  const PollQuestion& asked = view.poll.questions[static_cast<std::size_t>(question)];
  const QuestionResult& result = view.results->questions[static_cast<std::size_t>(question)];
  std::vector<std::size_t> order(asked.options.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(
      order, [&](std::size_t a, std::size_t b) { return result.votes[a] > result.votes[b]; });
  std::string parts;
  for (const std::size_t option : order) {
    if (!parts.empty()) parts += "; ";
    parts += fmt::format("{} {} phiếu ({} %)", asked.options[option], result.votes[option],
                         share_percent(result.votes[option], result.answered));
  }
  const std::string when =
      view.phase == PollPhase::closed
          ? fmt::format("kết thúc {}", format_vietnamese_time(view.poll.closes_at))
          : fmt::format("đến {}, chưa kết thúc", format_vietnamese_time(view.poll.closes_at));
  return fmt::format("Theo kết quả khảo sát “{}”, câu “{}” ({} người trả lời, {}): {}.",
                     view.poll.title, asked.text, result.answered, when, parts);
}

}  // namespace

Result<Programme> add_poll_result_to_plan(Connection& connection, const Actor& actor, Id id,
                                          int question, int option, Id plan,
                                          std::string_view title) {
  store::PollStore polls(connection);
  return store::in_transaction(connection, [&]() -> Result<Programme> {
    const PollView view = TRY(read(polls, actor, id));
    if (!view.may_run || !view.results) return refuse();
    if (question < 0 || question >= static_cast<int>(view.poll.questions.size()) ||
        view.poll.questions[static_cast<std::size_t>(question)].kind == PollQuestionKind::text) {
      return invalid("question", "poll.question_not_a_choice",
                     "Hãy chọn một câu hỏi có phương án của khảo sát.",
                     "Choose a question of the poll that has options.");
    }
    const PollQuestion& asked = view.poll.questions[static_cast<std::size_t>(question)];
    if (option < 0 || option >= static_cast<int>(asked.options.size())) {
      return invalid("option", "poll.option_not_found", "Câu hỏi không có phương án này.",
                     "The question has no such option.");
    }
    const PlanRecord target = TRY(read_plan(connection, actor, plan));
    if (target.plan.organization_id != view.poll.organization_id.value_or(0)) {
      return invalid("plan_id", "poll.plan_of_another_organization",
                     "Kế hoạch phải của chính tổ chức đã khảo sát.",
                     "The plan must be the polling organization's own.");
    }
    Programme programme;
    const std::string named = normalize_text(title);
    programme.title = named.empty() ? asked.options[static_cast<std::size_t>(option)] : named;
    programme.description = result_citation(view, question);
    auto added = TRY(add_programme(connection, actor, plan, std::move(programme)));
    TRY(record_audit(connection, actor, "to_plan", "poll", id,
                     fmt::format(R"({{"plan":{},"programme":{}}})", plan, added.id)));
    return added;
  });
}

}  // namespace dk::service
