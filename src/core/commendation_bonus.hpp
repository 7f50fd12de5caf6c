#pragma once
// The money that goes with an emulation title (issue 18): a multiple of the base salary (mức
// lương cơ sở) in force on the day of the award decision, rounded up to the next 10.000 đ — both
// dated data, since decrees change them (the base salary rose from 1.800.000 đ to 2.340.000 đ on
// 01/07/2024; Decree 152/2025/NĐ-CP replaced 98/2023/NĐ-CP on 01/07/2025).

#include <optional>
#include <span>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/money.hpp"

namespace dk {

struct BaseSalary {
  CivilDate effective_from;
  Dong amount = 0;
  std::string_view citation;
};

// A title's multiple of the base salary, in tenths (0,3 is 3), from a day on.
struct TitleBonus {
  std::string_view title;
  CivilDate effective_from;
  std::int64_t tenths = 0;
  std::string_view citation;
};

std::span<const BaseSalary> base_salaries();
std::span<const TitleBonus> title_bonuses();

// The base salary in force on `day`; nothing before the first one known.
std::optional<BaseSalary> base_salary_on(CivilDate day);

// The multiple of `title` in force on `day`; nothing when the law sets none for it.
const TitleBonus* title_bonus_in_force(std::string_view title, CivilDate day);

// The bonus of `title` decided on `day`; nothing when the law sets none for it (an
// organization's own titles) or no base salary is known for that day.
std::optional<Dong> title_bonus(std::string_view title, CivilDate day);

}  // namespace dk
