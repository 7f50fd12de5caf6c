#include "core/directive.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<DirectiveKind> kKinds[] = {
    {DirectiveKind::directive, "directive", "Chỉ thị", "Directive", "chi thi|ct"},
    {DirectiveKind::resolution, "resolution", "Nghị quyết", "Resolution", "nghi quyet|nq"},
    {DirectiveKind::plan, "plan", "Kế hoạch", "Plan", "ke hoach|kh"},
    {DirectiveKind::guidance, "guidance", "Hướng dẫn", "Guidance", "huong dan|hd"},
    {DirectiveKind::notice, "notice", "Thông báo", "Notice", "thong bao|tb"},
};

constexpr CodeEntry<IssuerLevel> kIssuerLevels[] = {
    {IssuerLevel::party, "party", "Đảng", "The Party", "dang|cap uy"},
    {IssuerLevel::state, "state", "Nhà nước", "The State", "nha nuoc|chinh phu"},
    {IssuerLevel::superior, "superior", "Tổ chức cấp trên", "Superior organization", "cap tren"},
    {IssuerLevel::own, "own", "Tổ chức mình", "Own organization", "co so"},
};

constexpr CodeEntry<StudyWay> kStudyWays[] = {
    {StudyWay::acknowledged, "acknowledged", "Xác nhận đã học tập", "Acknowledged", "xac nhan"},
    {StudyWay::answered, "answered", "Trả lời đúng câu hỏi", "Answered the questions", "tra loi"},
    {StudyWay::attended, "attended", "Dự buổi học tập", "Attended the study session", "du hoc"},
};

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

Status check_questions(std::span<const CheckQuestion> questions) {
  if (questions.size() > kMaxCheckQuestions) {
    return invalid("questions", "directive.too_many_questions",
                   fmt::format("Tối đa {} câu hỏi kiểm tra.", kMaxCheckQuestions),
                   fmt::format("At most {} check questions.", kMaxCheckQuestions));
  }
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const CheckQuestion& question = questions[i];
    const std::string field = fmt::format("questions[{}]", i);
    if (question.text.empty()) {
      return invalid(field + ".text", "directive.question_empty",
                     fmt::format("Câu hỏi {} chưa có nội dung.", i + 1),
                     fmt::format("Question {} has no text.", i + 1));
    }
    if (question.choices.size() < 2 || question.choices.size() > kMaxChoices) {
      return invalid(field + ".choices", "directive.choices_count",
                     fmt::format("Câu hỏi {} cần từ 2 đến {} phương án.", i + 1, kMaxChoices),
                     fmt::format("Question {} needs 2 to {} choices.", i + 1, kMaxChoices));
    }
    if (std::ranges::any_of(question.choices, [](const auto& choice) { return choice.empty(); })) {
      return invalid(field + ".choices", "directive.choice_empty",
                     fmt::format("Câu hỏi {} có phương án trống.", i + 1),
                     fmt::format("Question {} has an empty choice.", i + 1));
    }
    if (question.answer < 0 ||
        static_cast<std::size_t>(question.answer) >= question.choices.size()) {
      return invalid(field + ".answer", "directive.answer_invalid",
                     fmt::format("Đáp án của câu hỏi {} không phải một phương án của nó.", i + 1),
                     fmt::format("The answer to question {} is not one of its choices.", i + 1));
    }
  }
  return {};
}

void count(StudyCounts& counts, const DirectiveProgressRow& row,
           const std::optional<Study>& study) {
  ++counts.people;
  if (row.receipt.read_at || study) ++counts.read;
  if (study) {
    ++counts.studied;
    if (study->how == StudyWay::answered) ++counts.by_answers;
    if (study->how == StudyWay::attended) ++counts.by_attendance;
  } else if (row.receipt.reminders > 0) {
    ++counts.reminded;
  }
}

}  // namespace

template <>
std::span<const CodeEntry<DirectiveKind>> code_entries() {
  return kKinds;
}
template <>
std::span<const CodeEntry<IssuerLevel>> code_entries() {
  return kIssuerLevels;
}
template <>
std::span<const CodeEntry<StudyWay>> code_entries() {
  return kStudyWays;
}

std::optional<Study> studied(const DirectiveProgressRow& row) {
  std::optional<Study> study;
  if (row.receipt.studied_at) {
    study =
        Study{*row.receipt.studied_at, row.receipt.studied_how.value_or(StudyWay::acknowledged)};
  }
  if (row.attended_at && (!study || *row.attended_at < study->at))
    study = Study{*row.attended_at, StudyWay::attended};
  return study;
}

DirectiveProgress tally_study(std::span<const DirectiveProgressRow> rows) {
  DirectiveProgress progress;
  for (const DirectiveProgressRow& row : rows) {
    const auto study = studied(row);
    count(progress.total, row, study);
    auto unit = std::ranges::find(progress.units, row.unit_id, &UnitStudy::unit_id);
    if (unit == progress.units.end())
      unit = progress.units.insert(progress.units.end(), UnitStudy{row.unit_id, row.unit_name, {}});
    count(unit->counts, row, study);
  }
  return progress;
}

int share_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return 0;
  return static_cast<int>((part * 200 + whole) / (2 * whole));
}

Result<Grade> grade_answers(std::span<const CheckQuestion> questions,
                            std::span<const int> answers) {
  if (answers.size() != questions.size()) {
    return invalid("answers", "directive.answers_count",
                   fmt::format("Cần trả lời đủ {} câu hỏi.", questions.size()),
                   fmt::format("Answer all {} questions.", questions.size()));
  }
  Grade grade{0, questions.size()};
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (answers[i] < 0 || static_cast<std::size_t>(answers[i]) >= questions[i].choices.size()) {
      return invalid(fmt::format("answers[{}]", i), "directive.answer_invalid",
                     fmt::format("Câu trả lời {} không phải một phương án của câu hỏi.", i + 1),
                     fmt::format("Answer {} is not one of the question's choices.", i + 1));
    }
    if (answers[i] == questions[i].answer) ++grade.right;
  }
  return grade;
}

std::string attachment_file_name(std::string_view uploaded, std::string_view extension) {
  if (const auto slash = uploaded.find_last_of("/\\"); slash != std::string_view::npos)
    uploaded.remove_prefix(slash + 1);
  std::string name;
  if (is_valid_utf8(uploaded)) {
    for (const char c : uploaded) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte == 0x7F || std::strchr("<>:\"|?*", c) != nullptr) continue;
      name.push_back(c);
    }
  }
  // The extension it came with goes (the bytes decide the new one); "05-KH.TĐTN" keeps its dot.
  if (const auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) {
    const std::string_view tail = std::string_view(name).substr(dot + 1);
    if (!tail.empty() && tail.size() <= 5 && std::ranges::all_of(tail, [](char c) {
          return std::isalnum(static_cast<unsigned char>(c));
        }))
      name.resize(dot);
  }
  constexpr std::size_t kMaxNameCharacters = 120;
  std::size_t characters = 0, end = 0;
  for (; end < name.size(); ++end) {
    const bool starts_character = (static_cast<unsigned char>(name[end]) & 0xC0) != 0x80;
    if (starts_character && ++characters > kMaxNameCharacters) break;
  }
  name.resize(end);
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(0, 1);
  if (name.empty()) name = "tep-dinh-kem";
  return name + std::string(extension);
}

Status validate_directive(const Directive& directive) {
  if (directive.title.empty()) {
    return invalid("title", "directive.title_required", "Hãy ghi trích yếu (tên) văn bản.",
                   "Give the document's title.");
  }
  if (directive.issuer.empty()) {
    return invalid("issuer", "directive.issuer_required", "Hãy ghi cơ quan ban hành.",
                   "Say who issued the document.");
  }
  if (directive.deadline && directive.issued_on && *directive.deadline < *directive.issued_on) {
    return invalid("deadline", "directive.deadline_before_issue",
                   "Hạn học tập không thể trước ngày ban hành.",
                   "The study deadline cannot be before the date issued.");
  }
  if (directive.organization_id &&
      directive.audience.organization_ids != std::vector<Id>{*directive.organization_id}) {
    return invalid("audience.organization_ids", "directive.audience_other_organization",
                   "Tổ chức chỉ gửi văn bản cho đoàn viên, hội viên của mình.",
                   "An organization sends documents to its own members only.");
  }
  return check_questions(directive.questions);
}

}  // namespace dk
