#include "core/commendation_bonus.hpp"

#include <array>

#include "core/emulation_law.hpp"

namespace dk {
namespace {

constexpr std::array kBaseSalaries = {
    BaseSalary{{2023, 7, 1}, 1'800'000, "Nghị định 24/2023/NĐ-CP"},
    BaseSalary{{2024, 7, 1}, 2'340'000, "Khoản 2 Điều 3 Nghị định 73/2024/NĐ-CP"},
};

// The title multiples of Decree 98/2023/NĐ-CP (Art. 54) and, unchanged, of Decree
// 152/2025/NĐ-CP.
constexpr std::string_view kDecree98 = "Điều 54 Nghị định 98/2023/NĐ-CP";
constexpr std::string_view kDecree152 = "Nghị định 152/2025/NĐ-CP";
constexpr CivilDate kFrom98{2024, 1, 1};
constexpr CivilDate kFrom152{2025, 7, 1};
constexpr std::array kTitleBonuses = {
    TitleBonus{kAdvancedWorker, kFrom98, 3, kDecree98},
    TitleBonus{kGrassrootsFighter, kFrom98, 10, kDecree98},
    TitleBonus{kProvincialFighter, kFrom98, 30, kDecree98},
    TitleBonus{kAdvancedCollective, kFrom98, 8, kDecree98},
    TitleBonus{kExcellentCollective, kFrom98, 15, kDecree98},
    TitleBonus{kAdvancedWorker, kFrom152, 3, kDecree152},
    TitleBonus{kGrassrootsFighter, kFrom152, 10, kDecree152},
    TitleBonus{kProvincialFighter, kFrom152, 30, kDecree152},
    TitleBonus{kAdvancedCollective, kFrom152, 8, kDecree152},
    TitleBonus{kExcellentCollective, kFrom152, 15, kDecree152},
};

constexpr Dong kRoundedTo = 10'000;

}  // namespace

std::span<const BaseSalary> base_salaries() {
  return kBaseSalaries;
}

std::span<const TitleBonus> title_bonuses() {
  return kTitleBonuses;
}

std::optional<BaseSalary> base_salary_on(CivilDate day) {
  std::optional<BaseSalary> in_force;
  for (const BaseSalary& salary : kBaseSalaries)
    if (salary.effective_from <= day) in_force = salary;
  return in_force;
}

const TitleBonus* title_bonus_in_force(std::string_view title, CivilDate day) {
  const TitleBonus* in_force = nullptr;
  for (const TitleBonus& bonus : kTitleBonuses)
    if (bonus.title == title && bonus.effective_from <= day &&
        (!in_force || bonus.effective_from > in_force->effective_from))
      in_force = &bonus;
  return in_force;
}

std::optional<Dong> title_bonus(std::string_view title, CivilDate day) {
  const TitleBonus* in_force = title_bonus_in_force(title, day);
  const auto salary = base_salary_on(day);
  if (!in_force || !salary) return std::nullopt;
  // Tenths of a salary of a few million đồng: far inside 64 bits. Rounded up to 10.000 đ.
  const Dong exact_tenths = salary->amount * in_force->tenths;
  const Dong unit = kRoundedTo * 10;
  return (exact_tenths + unit - 1) / unit * kRoundedTo;
}

}  // namespace dk
