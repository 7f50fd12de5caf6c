#include "core/emulation_records.hpp"

namespace dk {

template <>
std::span<const CodeEntry<EmulationStage>> code_entries() {
  static constexpr CodeEntry<EmulationStage> kEntries[] = {
      {EmulationStage::open, "open", "Đang đánh giá", "Open", "dang danh gia|mo"},
      {EmulationStage::proposed, "proposed", "Đã lập đề nghị", "Proposed", "de nghi"},
      {EmulationStage::decided, "decided", "Đã có quyết định", "Decided", "quyet dinh"},
  };
  return kEntries;
}

template <>
std::span<const CodeEntry<Verdict>> code_entries() {
  static constexpr CodeEntry<Verdict> kEntries[] = {
      {Verdict::proposed, "proposed", "Đề nghị", "Proposed", "de nghi"},
      {Verdict::not_eligible, "not_eligible", "Chưa đủ điều kiện", "Not eligible",
       "chua du dieu kien"},
      {Verdict::over_quota, "over_quota", "Vượt chỉ tiêu", "Over the quota", "vuot chi tieu"},
  };
  return kEntries;
}

}  // namespace dk
