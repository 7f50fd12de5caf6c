#pragma once
// Emulation title rules as the API's JSON (docs/api.md, "Emulation"): texts the rules write in
// both languages ({"vi", "en"}), each criterion as data (what the rule editor fills in) and in
// words (what a member reads), the quota, and whether a value is the organization's own choice.

#include <boost/json.hpp>
#include <span>

#include "core/emulation_rules.hpp"

namespace dk::http {

boost::json::object text_json(const Text& text);
// `rules` and `day` name the titles a criterion or the quota refers to.
boost::json::object title_rule_json(const TitleRule& rule, std::span<const TitleRule> rules,
                                    CivilDate day);

}  // namespace dk::http
