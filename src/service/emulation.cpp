#include "service/emulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <type_traits>

#include "core/commendation_bonus.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/emulation_rules.hpp"
#include "service/emulation_view.hpp"
#include "service/refusal.hpp"
#include "store/emulation_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr std::size_t kMaxReasonLength = 2000;

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

std::unexpected<Error> not_found(Id organization) {
  return fail(ErrorKind::not_found, "organization.not_found",
              fmt::format("Không có tổ chức số {} trong cơ quan.", organization),
              fmt::format("There is no organization {} in the agency.", organization));
}

std::unexpected<Error> wrong_stage(EmulationStage stage) {
  const Text label = label_of(stage);
  return fail(
      ErrorKind::conflict, "emulation.stage",
      fmt::format("Năm thi đua đang ở bước “{}”: không làm được việc này.", label.vi),
      fmt::format("The emulation year is at the step “{}”: this cannot be done now.", label.en));
}

Result<Organization> organization_of(Connection& connection, const Actor& actor, Id id) {
  auto found =
      TRY(store::RegistryStore(connection).find_organization_by_id(actor.principal.tenant, id));
  if (!found || found->external) return not_found(id);
  return std::move(*found);
}

Status check_year(int year) {
  if (year < 2000 || year > 2200) {
    return invalid("year", "emulation.year", fmt::format("Năm {} không hợp lệ.", year),
                   fmt::format("The year {} is not valid.", year));
  }
  return {};
}

Result<EmulationYearView> read_view(Connection& connection, const Actor& actor, Id organization,
                                    int year) {
  TRY(check_year(year));
  Organization found = TRY(organization_of(connection, actor, organization));
  if (!may_manage_organization(actor.principal, organization) &&
      !actor.principal.is_member_of(organization) && !actor.principal.leadership)
    return refuse();
  return build_view(connection, actor, std::move(found), year);
}

// Runs a step of the workflow: the year held at `stage` (created open if new), `step` writes,
// the step audited, and the year read again as the actor sees it.
template <class Step>
Result<EmulationYearView> in_step(Connection& connection, const Actor& actor, Id organization,
                                  int year, bool officers_only, std::string_view action,
                                  std::string detail, EmulationStage stage, Step&& step) {
  TRY(check_year(year));
  return store::in_transaction(connection, [&]() -> Result<EmulationYearView> {
    Organization found = TRY(organization_of(connection, actor, organization));
    const bool manages = may_manage_organization(actor.principal, organization);
    if (officers_only ? !manages : !(manages || actor.principal.is_member_of(organization)))
      return refuse();
    store::EmulationStore store(connection);
    TRY(store.ensure_year(actor.principal.tenant, organization, year));
    if (!TRY(store.hold(actor.principal.tenant, organization, year, stage))) {
      const auto record = TRY(store.year(actor.principal.tenant, organization, year));
      return wrong_stage(record ? record->stage : EmulationStage::open);
    }
    // A step that has the year as it now stands answers with it, rather than reading it again.
    if constexpr (std::is_same_v<decltype(step(store, found)), Result<EmulationYearView>>) {
      EmulationYearView view = TRY(step(store, found));
      TRY(record_audit(connection, actor, action, "emulation_year", organization,
                       fmt::format(R"({{"year":{}{}}})", year, detail)));
      return view;
    } else {
      TRY(step(store, found));
      TRY(record_audit(connection, actor, action, "emulation_year", organization,
                       fmt::format(R"({{"year":{}{}}})", year, detail)));
      return build_view(connection, actor, std::move(found), year);
    }
  });
}

std::string json_text(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      quoted += fmt::format("\\u{:04x}", static_cast<int>(c));
      continue;
    }
    quoted += c;
  }
  return quoted + '"';
}

// A title whose rule is in force on `day` and is for `subject`.
Status check_title(std::span<const TitleRule> rules, const std::string& title,
                   EmulationSubject subject, CivilDate day, std::string field) {
  const TitleRule* rule = rule_in_force(rules, title, day);
  if (rule && rule->subject == subject) return {};
  return invalid(std::move(field), "emulation.title",
                 fmt::format("Không có danh hiệu “{}” cho {}.", title, label_of(subject).vi),
                 fmt::format("There is no title “{}” for a {}.", title, label_of(subject).en));
}

Status check_reason(const std::string& reason) {
  if (reason.empty()) {
    return invalid("reason", "emulation.reason_missing", "Hãy ghi lý do.", "Give the reason.");
  }
  if (reason.size() > kMaxReasonLength) {
    return invalid("reason", "emulation.reason_long",
                   fmt::format("Lý do dài quá {} ký tự.", kMaxReasonLength),
                   fmt::format("The reason is longer than {} characters.", kMaxReasonLength));
  }
  return {};
}

// Whether the year has `person` among its members.
Result<bool> has_member(Connection& connection, Id tenant, Id organization, int year, Id person) {
  const auto found =
      TRY(store::EmulationStore(connection).members(tenant, organization, year, person));
  return !found.empty();
}

std::unexpected<Error> not_a_member(std::string field, Id person) {
  return invalid(
      std::move(field), "emulation.not_member",
      fmt::format("Người số {} không là đoàn viên, hội viên của tổ chức trong năm.", person),
      fmt::format("Person {} is not a member of the organization in the year.", person));
}

}  // namespace

Result<std::vector<EmulationYearSummary>> list_emulation_years(Connection& connection,
                                                               const Actor& actor, int year) {
  TRY(check_year(year));
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<EmulationYearSummary>> {
    const Id tenant = actor.principal.tenant;
    store::EmulationStore store(connection);
    std::vector<EmulationYearSummary> years;
    for (Organization& organization :
         TRY(store::RegistryStore(connection).list_organizations(tenant))) {
      if (organization.external) continue;
      EmulationYearSummary summary;
      summary.may_manage = may_manage_organization(actor.principal, organization.id);
      summary.member = actor.principal.is_member_of(organization.id);
      if (!summary.may_manage && !summary.member && !actor.principal.leadership) continue;
      summary.year = year;
      if (const auto record = TRY(store.year(tenant, organization.id, year)))
        summary.stage = record->stage;
      summary.organization = std::move(organization);
      years.push_back(std::move(summary));
    }
    return years;
  });
}

Result<EmulationYearView> read_emulation_year(Connection& connection, const Actor& actor,
                                              Id organization, int year) {
  return store::in_read_snapshot(connection,
                                 [&] { return read_view(connection, actor, organization, year); });
}

Result<EmulationMine> my_emulation(Connection& connection, const Actor& actor, int year) {
  TRY(check_year(year));
  return store::in_read_snapshot(connection, [&]() -> Result<EmulationMine> {
    EmulationMine mine;
    const Id self = actor.principal.person_id;
    if (self == 0) return mine;
    store::RegistryStore registry(connection);
    store::EmulationStore store(connection);
    std::map<Id, std::string> names;
    for (const Organization& organization :
         TRY(registry.list_organizations(actor.principal.tenant))) {
      names[organization.id] = organization.name;
      if (!actor.principal.is_member_of(organization.id) || organization.external) continue;
      EmulationYearView view = TRY(build_view(connection, Actor(actor), organization, year));
      // An officer's view holds everyone: keep the actor's row.
      for (EmulationPersonView& person : view.people) {
        if (person.member.person != self) continue;
        mine.years.push_back({organization, view.record.stage, std::move(person)});
        break;
      }
    }
    const auto rules = TRY(agency_title_rules(connection, actor.principal.tenant));
    for (EmulationAward& award : TRY(store.awards_of_person(actor.principal.tenant, self))) {
      const TitleRule* rule = rule_in_force(rules, award.title, award.rule_from);
      Text title = rule ? rule->name : Text{award.title, award.title};
      std::string organization = names[award.organization];
      mine.awards.push_back({std::move(award), std::move(organization), std::move(title)});
    }
    return mine;
  });
}

Result<EmulationYearView> register_titles(Connection& connection, const Actor& actor,
                                          Id organization, int year, EmulationSubject subject,
                                          Id subject_id, std::vector<std::string> titles) {
  std::ranges::sort(titles);
  titles.erase(std::unique(titles.begin(), titles.end()), titles.end());
  const bool for_self =
      subject == EmulationSubject::person && subject_id == actor.principal.person_id;
  std::string detail = fmt::format(R"(,"subject":"{}","subject_id":{},"titles":{})",
                                   code_of(subject), subject_id, titles.size());
  return in_step(
      connection, actor, organization, year, !for_self, "register", std::move(detail),
      EmulationStage::open, [&](store::EmulationStore& store, const Organization& found) -> Status {
        const Id tenant = actor.principal.tenant;
        const auto rules = TRY(rules_of(connection, tenant, found.kind));
        for (std::size_t i = 0; i < titles.size(); ++i) {
          TRY(check_title(rules, titles[i], subject, vietnam_date(actor.clock()),
                          fmt::format("titles[{}]", i)));
        }
        if (subject == EmulationSubject::person) {
          if (!TRY(has_member(connection, tenant, organization, year, subject_id)))
            return not_a_member("subject_id", subject_id);
        } else if (!TRY(store::RegistryStore(connection).find_unit_by_id(tenant, subject_id))) {
          return invalid("subject_id", "unit.not_found",
                         fmt::format("Không có phòng ban số {}.", subject_id),
                         fmt::format("There is no department {}.", subject_id));
        }
        return store.save_registration(tenant, organization, year, subject, subject_id, titles,
                                       actor.principal.account_id, actor.clock());
      });
}

Result<EmulationYearView> rate_self(Connection& connection, const Actor& actor, Id organization,
                                    int year, TaskRating rating, std::string note) {
  note = normalize_text(note);
  if (note.size() > kMaxReasonLength) {
    return invalid("note", "emulation.note_long",
                   fmt::format("Ghi chú dài quá {} ký tự.", kMaxReasonLength),
                   fmt::format("The note is longer than {} characters.", kMaxReasonLength));
  }
  const Id self = actor.principal.person_id;
  return in_step(connection, actor, organization, year, false, "rate_self",
                 fmt::format(R"(,"rating":"{}")", code_of(rating)), EmulationStage::open,
                 [&](store::EmulationStore& store, const Organization&) -> Status {
                   const Id tenant = actor.principal.tenant;
                   if (self == 0 || !TRY(has_member(connection, tenant, organization, year, self)))
                     return refuse();
                   return store.save_self_rating(tenant, organization, year, self, rating, note,
                                                 actor.clock());
                 });
}

Result<EmulationYearView> review_member(Connection& connection, const Actor& actor, Id organization,
                                        int year, Id person, EmulationReview review) {
  review.initiative_note = normalize_text(review.initiative_note);
  if (review.absence_days < 0 || review.absence_days > 366) {
    return invalid("absence_days", "emulation.absence_days", "Số ngày nghỉ phải từ 0 đến 366.",
                   "Days absent must be between 0 and 366.");
  }
  if (review.initiative_note.size() > kMaxReasonLength) {
    return invalid("initiative_note", "emulation.note_long",
                   fmt::format("Ghi chú dài quá {} ký tự.", kMaxReasonLength),
                   fmt::format("The note is longer than {} characters.", kMaxReasonLength));
  }
  std::string detail =
      fmt::format(R"(,"person":{},"rating":"{}","absence_days":{},"discipline":"{}",)"
                  R"("initiative":{})",
                  person, code_of(review.rating), review.absence_days, code_of(review.discipline),
                  review.initiative);
  return in_step(connection, actor, organization, year, true, "review", std::move(detail),
                 EmulationStage::open,
                 [&](store::EmulationStore& store, const Organization&) -> Status {
                   const Id tenant = actor.principal.tenant;
                   if (!TRY(has_member(connection, tenant, organization, year, person)))
                     return not_a_member("person_id", person);
                   return store.save_review(tenant, organization, year, person, review,
                                            actor.principal.account_id, actor.clock());
                 });
}

Result<EmulationYearView> return_member_file(Connection& connection, const Actor& actor,
                                             Id organization, int year, Id person,
                                             std::string reason) {
  reason = normalize_text(reason);
  TRY(check_reason(reason));
  return in_step(connection, actor, organization, year, true, "return_file",
                 fmt::format(R"(,"person":{},"reason":{})", person, json_text(reason)),
                 EmulationStage::open,
                 [&](store::EmulationStore& store, const Organization&) -> Status {
                   const Id tenant = actor.principal.tenant;
                   if (!TRY(has_member(connection, tenant, organization, year, person)))
                     return not_a_member("person_id", person);
                   return store.return_file(tenant, organization, year, person, reason);
                 });
}

Result<EmulationYearView> review_unit(Connection& connection, const Actor& actor, Id organization,
                                      int year, Id unit, TaskRating rating) {
  return in_step(connection, actor, organization, year, true, "review_unit",
                 fmt::format(R"(,"unit":{},"rating":"{}")", unit, code_of(rating)),
                 EmulationStage::open,
                 [&](store::EmulationStore& store, const Organization&) -> Status {
                   const Id tenant = actor.principal.tenant;
                   if (!TRY(store::RegistryStore(connection).find_unit_by_id(tenant, unit))) {
                     return invalid("unit_id", "unit.not_found",
                                    fmt::format("Không có phòng ban số {}.", unit),
                                    fmt::format("There is no department {}.", unit));
                   }
                   return store.save_unit_rating(tenant, organization, year, unit, rating,
                                                 actor.principal.account_id, actor.clock());
                 });
}

Result<EmulationYearView> record_votes(Connection& connection, const Actor& actor, Id organization,
                                       int year, std::int64_t council_members,
                                       std::vector<EmulationVote> votes) {
  if (council_members < 0 || council_members > 1000) {
    return invalid("council_members", "emulation.council_members",
                   "Số thành viên hội đồng phải từ 0 đến 1.000.",
                   "The council must have between 0 and 1,000 members.");
  }
  std::set<std::tuple<EmulationSubject, Id, std::string>> seen;
  for (std::size_t i = 0; i < votes.size(); ++i) {
    const EmulationVote& vote = votes[i];
    const std::string field = fmt::format("votes[{}]", i);
    if (vote.yes < 0 || vote.yes > council_members) {
      return invalid(field + ".yes", "emulation.votes",
                     fmt::format("Số phiếu đồng ý phải từ 0 đến {} (số thành viên hội đồng).",
                                 council_members),
                     fmt::format("Yes votes must be between 0 and {} (the council's members).",
                                 council_members));
    }
    if (!seen.emplace(vote.subject, vote.subject_id, vote.title).second) {
      return invalid(field, "emulation.vote_twice", "Kết quả bỏ phiếu này đã có ở trên.",
                     "These votes are already given above.");
    }
  }
  return in_step(
      connection, actor, organization, year, true, "record_votes",
      fmt::format(R"(,"council_members":{},"votes":{})", council_members, votes.size()),
      EmulationStage::open, [&](store::EmulationStore& store, const Organization& found) -> Status {
        const auto rules = TRY(rules_of(connection, actor.principal.tenant, found.kind));
        for (std::size_t i = 0; i < votes.size(); ++i) {
          TRY(check_title(rules, votes[i].title, votes[i].subject, vietnam_date(actor.clock()),
                          fmt::format("votes[{}].title", i)));
        }
        return store.save_votes(actor.principal.tenant, organization, year, council_members, votes);
      });
}

Result<EmulationYearView> propose_titles(Connection& connection, const Actor& actor,
                                         Id organization, int year) {
  return in_step(
      connection, actor, organization, year, true, "propose", "", EmulationStage::open,
      [&](store::EmulationStore& store, const Organization& found) -> Result<EmulationYearView> {
        EmulationYearView view = TRY(build_view(connection, actor, found, year));
        if (view.unreviewed > 0) {
          std::string names;
          for (const auto& person : view.people) {
            if (person.member.review) continue;
            if (!names.empty()) names += ", ";
            names += person.member.full_name;
            if (names.size() > 200) {
              names += ", …";
              break;
            }
          }
          return fail(ErrorKind::conflict, "emulation.unreviewed",
                      fmt::format("Còn {} người chưa được ban chấp hành đánh giá: {}.",
                                  view.unreviewed, names),
                      fmt::format("{} people have not been reviewed by the committee: {}.",
                                  view.unreviewed, names));
        }
        TRY(store.save_proposal(actor.principal.tenant, organization, year, view.evaluation,
                                view.rules_day, actor.clock()));
        // What was kept is this evaluation: the year is answered with it, not read back.
        view.record.stage = EmulationStage::proposed;
        view.record.rules_day = view.rules_day;
        view.record.proposed_at = actor.clock();
        view.record.reopened_reason.clear();
        return view;
      });
}

Result<EmulationYearView> reopen_year(Connection& connection, const Actor& actor, Id organization,
                                      int year, std::string reason) {
  reason = normalize_text(reason);
  TRY(check_reason(reason));
  return in_step(connection, actor, organization, year, true, "reopen",
                 fmt::format(R"(,"reason":{})", json_text(reason)), EmulationStage::proposed,
                 [&](store::EmulationStore& store, const Organization&) -> Status {
                   return store.reopen(actor.principal.tenant, organization, year, reason);
                 });
}

Result<EmulationYearView> decide_titles(Connection& connection, const Actor& actor, Id organization,
                                        int year, EmulationDecision decision) {
  decision.number = normalize_text(decision.number);
  decision.signer = normalize_text(decision.signer);
  if (decision.number.empty() || decision.number.size() > 100) {
    return invalid("number", "emulation.decision_number",
                   "Hãy ghi số, ký hiệu của quyết định (đến 100 ký tự).",
                   "Give the decision's number and symbol (up to 100 characters).");
  }
  if (decision.signer.empty() || decision.signer.size() > 200) {
    return invalid("signer", "emulation.decision_signer",
                   "Hãy ghi người ký quyết định (đến 200 ký tự).",
                   "Give who signs the decision (up to 200 characters).");
  }
  if (decision.signed_on.year != year && decision.signed_on.year != year + 1) {
    return invalid(
        "signed_on", "emulation.decision_day",
        fmt::format("Quyết định khen thưởng năm {} ký trong năm {} hoặc {}.", year, year, year + 1),
        fmt::format("The awards of {} are decided in {} or {}.", year, year, year + 1));
  }
  return in_step(
      connection, actor, organization, year, true, "decide",
      fmt::format(R"(,"number":{})", json_text(decision.number)), EmulationStage::proposed,
      [&](store::EmulationStore& store, const Organization&) -> Status {
        const Id tenant = actor.principal.tenant;
        std::vector<EmulationAward> awards;
        for (const TitleOutcome& outcome : TRY(store.outcomes(tenant, organization, year))) {
          if (outcome.verdict != Verdict::proposed) continue;
          awards.push_back({.organization = organization,
                            .year = year,
                            .subject = outcome.subject,
                            .subject_id = outcome.subject_id,
                            .title = outcome.title,
                            .rule_from = outcome.rule_from,
                            .decision_number = decision.number,
                            .decided_on = decision.signed_on,
                            .bonus = title_bonus(outcome.title, decision.signed_on)});
        }
        return store.decide(tenant, organization, year, decision, awards, actor.clock());
      });
}

}  // namespace dk::service
