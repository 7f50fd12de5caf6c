#include "core/emulation_law.hpp"

namespace dk {
namespace {

constexpr CivilDate kLaw2022{2024, 1, 1};  // Luật 06/2022/QH15 and Thông tư 01/2024/TT-BNV

TitleRule title(std::string_view code, Text name, EmulationSubject subject, Text citation,
                std::vector<Criterion> criteria, std::optional<Quota> quota = std::nullopt) {
  return TitleRule{.title = std::string(code),
                   .name = std::move(name),
                   .subject = subject,
                   .organization_kind = std::nullopt,
                   .effective_from = kLaw2022,
                   .citation = std::move(citation),
                   .criteria = std::move(criteria),
                   .quota = std::move(quota)};
}

}  // namespace

std::vector<TitleRule> shipped_title_rules() {
  std::vector<TitleRule> rules;
  // Rated "completed tasks well" or better; not for those recruited less than six months before
  // (the circular). The reprimand bar is the rule the 2022 law replaced (NĐ 91/2017): the
  // organization's choice.
  rules.push_back(title(
      kAdvancedWorker, {"Lao động tiên tiến", "Advanced worker"}, EmulationSubject::person,
      {"Khoản 1 Điều 24 Luật Thi đua, khen thưởng 2022; Thông tư 01/2024/TT-BNV",
       "Art. 24(1) Law on Emulation and Commendation 2022; Circular "
       "01/2024/TT-BNV"},
      {rating_criterion(CriterionKind::rating_at_least, TaskRating::good),
       number_criterion(CriterionKind::months_in_service, 6),
       discipline_criterion(CriterionKind::discipline_below, DisciplineLevel::reprimand, true)}));
  // An advanced worker who completed tasks with distinction or has a recognised initiative. The
  // 15 % cap is the old rule's (NĐ 91/2017): the organization's choice.
  rules.push_back(title(
      kGrassrootsFighter, {"Chiến sĩ thi đua cơ sở", "Grassroots emulation fighter"},
      EmulationSubject::person,
      {"Điều 23 Luật Thi đua, khen thưởng 2022", "Art. 23 Law on Emulation and Commendation 2022"},
      {number_criterion(CriterionKind::title_this_year, 0, kAdvancedWorker),
       rating_criterion(CriterionKind::rating_or_initiative, TaskRating::excellent)},
      Quota{.of_title = std::string(kAdvancedWorker), .percent = 15, .own_choice = true}));
  // Proposed by the agency, decided by the province: three consecutive grassroots titles and an
  // initiative applied across the province.
  rules.push_back(title(
      kProvincialFighter, {"Chiến sĩ thi đua cấp tỉnh", "Provincial emulation fighter"},
      EmulationSubject::person,
      {"Điều 22 Luật Thi đua, khen thưởng 2022", "Art. 22 Law on Emulation and Commendation 2022"},
      {number_criterion(CriterionKind::title_consecutive, 3, kGrassrootsFighter),
       criterion_of(CriterionKind::initiative)}));
  rules.push_back(title(
      kAdvancedCollective, {"Tập thể lao động tiên tiến", "Advanced collective"},
      EmulationSubject::collective,
      {"Điều 28 Luật Thi đua, khen thưởng 2022", "Art. 28 Law on Emulation and Commendation 2022"},
      {rating_criterion(CriterionKind::collective_rating_at_least, TaskRating::good),
       number_criterion(CriterionKind::members_title_share_above, 50, kAdvancedWorker),
       discipline_criterion(CriterionKind::members_discipline_below, DisciplineLevel::warning)}));
  rules.push_back(title(
      kExcellentCollective, {"Tập thể lao động xuất sắc", "Excellent collective"},
      EmulationSubject::collective,
      {"Khoản 1 Điều 27 Luật Thi đua, khen thưởng 2022",
       "Art. 27(1) Law on Emulation and Commendation 2022"},
      {rating_criterion(CriterionKind::collective_rating_at_least, TaskRating::excellent),
       rating_criterion(CriterionKind::members_rating_at_least, TaskRating::completed, 100),
       number_criterion(CriterionKind::members_title_share_at_least, 70, kAdvancedWorker),
       number_criterion(CriterionKind::members_title_count, 1, kGrassrootsFighter),
       discipline_criterion(CriterionKind::members_discipline_below, DisciplineLevel::warning)}));
  return rules;
}

}  // namespace dk
