#pragma once
// The emulation title rules of an agency (issue 18): the versions shipped with the product
// (core/emulation_law.hpp) and those its administrators added — a newer version of a shipped
// title from the day a decree or the organization's choice changed it, or a title of the
// organization's own ("Đoàn viên công đoàn xuất sắc"). Versions are added, never edited: an
// award stays explained by the version that decided it, and a year evaluated after a version
// takes effect is evaluated by it.

#include <optional>
#include <vector>

#include "core/emulation_rules.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

// Every version in force or to come in the agency, shipped first; what the emulation year
// evaluates with (filtered by the organization's kind, core's rules_for).
Result<std::vector<TitleRule>> agency_title_rules(Connection& connection, Id tenant);

struct TitleRuleVersion {
  TitleRule rule;
  bool shipped = false;             // with the product, else added by the agency
  std::optional<Instant> added_at;  // when the agency added it
  bool in_force = false;            // the version in force today
};

struct TitleRulesView {
  std::vector<TitleRuleVersion> versions;  // by title (the shipped order first), then day
  std::vector<TitleRule> all;              // the same rules, for describing criteria
  CivilDate today;
  bool may_edit = false;  // administrators
};

// Anyone signed in reads the rules (a member sees them on their year already).
Result<TitleRulesView> list_title_rules(Connection& connection, const Actor& actor);
// Administrators only: a version of an existing title, or with `new_title` the first version of a
// title of the agency's own (a code already taken is refused, so that a new title never becomes
// a version of another by mistake). The version is checked with every other (core's
// check_title_rules): what its kind of criterion needs, titles it names, no circle, one version of
// a title per day, the subject and the organization kept; audited.
Result<TitleRulesView> add_title_rule(Connection& connection, const Actor& actor, TitleRule rule,
                                      bool new_title = false);

}  // namespace dk::service
