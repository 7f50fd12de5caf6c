#pragma once
// The emulation year of an organization (thi đua – khen thưởng, issue 18) as the web service
// offers it: members register the titles they aim for and rate themselves; the committee reviews
// each member (the rating, days absent, discipline, an initiative) and each department, or sends a
// file back with a reason; the council's secret ballot is recorded as counts; the rules in force
// propose the titles (core::evaluate_year), every refusal explained; the proposal is kept as the
// council saw it and refused while anyone is not reviewed; a proposal is sent back or decided,
// and the decision records each award with the bonus the law pays on its day. Each step is
// audited; nothing changes once decided.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/emulation_records.hpp"
#include "core/member_rating.hpp"
#include "core/registry.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct EmulationPersonView {
  EmulationMember member;
  std::optional<std::int64_t> months_in_service;  // nothing when the registry has no joining day
  // The committee's rating after the organization's member-rating rule (core/member_rating.hpp);
  // nothing when not reviewed, or not rated here this year.
  std::optional<TaskRating> rating_applied;
  std::vector<Text> rating_notes;  // why it was lowered, or not rated
};

struct EmulationCollectiveView {
  EmulationUnit unit;
  std::int64_t members = 0;
};

struct EmulationYearView {
  Organization organization;
  EmulationYearRecord record;
  bool may_manage = false;
  CivilDate rules_day;            // whose rules apply: today while open
  std::vector<TitleRule> titles;  // in force that day, in the order they are evaluated
  // Everyone for officers and the leadership (who read, and change nothing); a member sees only
  // their own.
  std::vector<EmulationPersonView> people;
  std::vector<EmulationCollectiveView> collectives;
  Evaluation evaluation;  // live while open; the kept proposal after (its caps then empty)
  std::int64_t unreviewed = 0;
  std::vector<EmulationAward> awards;  // once decided
  Dong total_bonus = 0;                // the sum of the awards' bonuses
};

struct EmulationYearSummary {
  Organization organization;
  int year = 0;
  EmulationStage stage = EmulationStage::open;
  bool may_manage = false;
  bool member = false;
};

struct EmulationMine {
  struct Year {
    Organization organization;
    EmulationStage stage = EmulationStage::open;
    EmulationPersonView person;
  };
  std::vector<Year> years;
  struct Award {
    EmulationAward award;
    std::string organization_name;
    Text title_name;  // as the rule that decided it names it
  };
  std::vector<Award> awards;
};

// The organizations whose year the actor runs (officers, administrators) or takes part in; every
// organization's for the leadership.
Result<std::vector<EmulationYearSummary>> list_emulation_years(Connection& connection,
                                                               const Actor& actor, int year);
Result<EmulationYearView> read_emulation_year(Connection& connection, const Actor& actor,
                                              Id organization, int year);
// The actor's own files this year in each organization they belong to, and their titles.
Result<EmulationMine> my_emulation(Connection& connection, const Actor& actor, int year);

// A member for themselves, or an officer for anyone or a department.
Result<EmulationYearView> register_titles(Connection& connection, const Actor& actor,
                                          Id organization, int year, EmulationSubject subject,
                                          Id subject_id, std::vector<std::string> titles);
Result<EmulationYearView> rate_self(Connection& connection, const Actor& actor, Id organization,
                                    int year, TaskRating rating, std::string note);
Result<EmulationYearView> review_member(Connection& connection, const Actor& actor, Id organization,
                                        int year, Id person, EmulationReview review);
Result<EmulationYearView> return_member_file(Connection& connection, const Actor& actor,
                                             Id organization, int year, Id person,
                                             std::string reason);
Result<EmulationYearView> review_unit(Connection& connection, const Actor& actor, Id organization,
                                      int year, Id unit, TaskRating rating);
Result<EmulationYearView> record_votes(Connection& connection, const Actor& actor, Id organization,
                                       int year, std::int64_t council_members,
                                       std::vector<EmulationVote> votes);
Result<EmulationYearView> propose_titles(Connection& connection, const Actor& actor,
                                         Id organization, int year);
Result<EmulationYearView> reopen_year(Connection& connection, const Actor& actor, Id organization,
                                      int year, std::string reason);
Result<EmulationYearView> decide_titles(Connection& connection, const Actor& actor, Id organization,
                                        int year, EmulationDecision decision);

// The award decision of a decided year as a DOCX in the administrative format, with its annex
// ("quyet-dinh-thi-dua-2026-CD.docx"); 409 emulation.stage before the decision. Officers only.
struct EmulationFile {
  std::string content;
  std::string file_name;
};
Result<EmulationFile> award_decision_file(Connection& connection, const Actor& actor,
                                          Id organization, int year);

}  // namespace dk::service
