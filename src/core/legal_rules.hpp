#pragma once
// Rules the law sets, as data with the day each took effect, never as constants in code: laws are
// replaced (personal data was governed by Decree 13/2023/NĐ-CP from 01/07/2023, and by the Law on
// Personal Data Protection 91/2025/QH15 from 01/01/2026), and what the product cites or applies
// on a given day is the rule in force on that day. A new rule is a new row.

#include <span>
#include <string_view>

#include "core/civil_date.hpp"

namespace dk {

enum class LegalTopic {
  personal_data,  // who may see a person's date of birth, CCCD, phone, email and address
};

struct LegalRule {
  LegalTopic topic;
  CivilDate effective_from;
  std::string_view citation_vi;  // as a Vietnamese document cites it
  std::string_view citation_en;
};

// Every rule, by topic, oldest first.
std::span<const LegalRule> legal_rules();

// The rule of `topic` in force on `day`: the latest to take effect on or before it, or the oldest
// known one for a day before them all.
const LegalRule& rule_in_force(LegalTopic topic, CivilDate day);

}  // namespace dk
