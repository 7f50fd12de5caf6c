// Rules the law sets are dated data: the rule in force on a day is the latest to take effect by
// then. Personal data: Decree 13/2023/NĐ-CP until 31/12/2025, Law 91/2025/QH15 from 01/01/2026.
#include "core/legal_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dk {
namespace {

std::string cited_on(CivilDate day) {
  return std::string(rule_in_force(LegalTopic::personal_data, day).citation_vi);
}

TEST(LegalRules, ThePersonalDataRuleInForceChangesOnItsDay) {
  EXPECT_NE(cited_on({2025, 12, 31}).find("13/2023/NĐ-CP"), std::string::npos);
  EXPECT_NE(cited_on({2026, 1, 1}).find("91/2025/QH15"), std::string::npos);
  EXPECT_NE(cited_on({2028, 2, 29}).find("91/2025/QH15"), std::string::npos);
  // Before any known rule, the oldest is cited rather than nothing.
  EXPECT_NE(cited_on({2020, 1, 1}).find("13/2023/NĐ-CP"), std::string::npos);
  EXPECT_NE(std::string(rule_in_force(LegalTopic::personal_data, {2026, 6, 1}).citation_en)
                .find("Law on Personal Data Protection"),
            std::string::npos);
}

TEST(LegalRules, EachTopicsRulesAreInTheOrderTheyTookEffect) {
  const auto rules = legal_rules();
  for (std::size_t i = 1; i < rules.size(); ++i) {
    if (rules[i].topic == rules[i - 1].topic) {
      EXPECT_LT(rules[i - 1].effective_from, rules[i].effective_from);
    }
  }
}

}  // namespace
}  // namespace dk
