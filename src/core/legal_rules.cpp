#include "core/legal_rules.hpp"

#include <array>

namespace dk {
namespace {

constexpr std::array kRules = {
    LegalRule{LegalTopic::personal_data, CivilDate{2023, 7, 1},
              "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
              "Decree 13/2023/ND-CP on personal data protection"},
    LegalRule{LegalTopic::personal_data, CivilDate{2026, 1, 1},
              "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
              "Law on Personal Data Protection No. 91/2025/QH15"},
};

}  // namespace

std::span<const LegalRule> legal_rules() {
  return kRules;
}

const LegalRule& rule_in_force(LegalTopic topic, CivilDate day) {
  const LegalRule* in_force = nullptr;
  for (const LegalRule& rule : kRules) {
    if (rule.topic != topic) continue;
    if (!in_force || rule.effective_from <= day) in_force = &rule;
    if (rule.effective_from > day) break;
  }
  return *in_force;  // every topic has a rule
}

}  // namespace dk
