#pragma once
// A directive to be studied ("quán triệt"): a directive, resolution, plan, guidance or notice of
// the Party, the State, a superior organization or the organization itself, posted to the people
// who must study it. Each of them has a receipt: delivered when posted, read when first opened,
// studied when they acknowledge it, pass its check questions, or attend a study activity linked
// to it. The share studied, by department, is the report a superior asks for.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class DirectiveKind { directive, resolution, plan, guidance, notice };
template <>
std::span<const CodeEntry<DirectiveKind>> code_entries();

// Whose text it is: the Party, the State, a superior organization (the provincial Youth Union),
// or the organization's own.
enum class IssuerLevel { party, state, superior, own };
template <>
std::span<const CodeEntry<IssuerLevel>> code_entries();

// How a person came to have studied it.
enum class StudyWay { acknowledged, answered, attended };
template <>
std::span<const CodeEntry<StudyWay>> code_entries();

// A question that checks the text was understood: one right choice among two to six.
struct CheckQuestion {
  std::string text;
  std::vector<std::string> choices;
  int answer = 0;  // index into choices
};

inline constexpr std::size_t kMaxCheckQuestions = 10;
inline constexpr std::size_t kMaxChoices = 6;

// A file that goes with it: the text itself as a PDF or DOCX, or pictures. Its bytes are kept
// apart and read only when it is downloaded.
struct DirectiveAttachment {
  int position = 0;  // 1, 2, … in the order they were added
  std::string file_name;
  std::string content_type;  // as io::sniff_attachment found it, never as the browser said
  std::int64_t size = 0;     // bytes
  Id uploaded_by = 0;
  Instant uploaded_at{};
};

inline constexpr std::int64_t kMaxAttachmentBytes = 10 << 20;  // 10 MiB: a scanned directive
inline constexpr std::size_t kMaxAttachments = 10;

// Who must study it: the current members of the organizations (none named: of every
// organization of the agency), narrowed to some departments and to the committees if asked.
struct DirectiveAudience {
  std::vector<Id> organization_ids;
  std::vector<Id> unit_ids;     // empty: every department
  bool committee_only = false;  // only those with a current committee seat in one of them
};

struct Directive {
  Id id = 0;
  Id tenant_id = 0;
  // The organization that posts it and follows it up; nothing: the agency itself (administrators
  // and the leadership).
  std::optional<Id> organization_id;
  DirectiveKind kind = DirectiveKind::directive;
  IssuerLevel issuer_level = IssuerLevel::superior;
  std::string number;  // số, ký hiệu: "05-CT/TĐTN"
  std::string issuer;  // "Tỉnh đoàn Hà Tĩnh"
  std::optional<CivilDate> issued_on;
  std::string title;
  std::string summary;
  std::optional<CivilDate> deadline;  // studied by the end of this day
  DirectiveAudience audience;
  std::vector<CheckQuestion> questions;
  std::vector<Id> study_activity_ids;  // attending one of them counts as having studied it
  std::vector<DirectiveAttachment> attachments;
  Id posted_by = 0;
  Instant posted_at{};
};

// One person's receipt of a directive.
struct DirectiveReceipt {
  Id person_id = 0;
  Instant delivered_at{};
  std::optional<Instant> read_at;
  std::optional<Instant> studied_at;
  std::optional<StudyWay> studied_how;
  std::int64_t reminders = 0;
  std::optional<Instant> reminded_at;
};

// A receipt as the follow-up lists it: the person, their department, and whether they attended a
// linked study activity (which counts as studied even without a recorded receipt).
struct DirectiveProgressRow {
  DirectiveReceipt receipt;
  std::string full_name;
  std::optional<Id> unit_id;
  std::string unit_name;               // empty without a department
  std::optional<Instant> attended_at;  // check-in at a linked study activity (the earliest)
};

// When and how the person studied it, counting attendance at a linked study activity: the
// earlier of the recorded study and the check-in.
struct Study {
  Instant at{};
  StudyWay how = StudyWay::acknowledged;
};
std::optional<Study> studied(const DirectiveProgressRow& row);

// Counts of one group of receipts; every share is of `people`.
struct StudyCounts {
  std::int64_t people = 0;
  std::int64_t read = 0;     // opened it (studying counts as having read it)
  std::int64_t studied = 0;  // by any way
  std::int64_t by_answers = 0;
  std::int64_t by_attendance = 0;
  std::int64_t reminded = 0;  // of those who have not studied it, reminded at least once
};

struct UnitStudy {
  std::optional<Id> unit_id;
  std::string unit_name;
  StudyCounts counts;
};

// The whole audience and each department, from the same rows: the departments' counts add up to
// the total's. Departments in the order of the rows' first appearance.
struct DirectiveProgress {
  StudyCounts total;
  std::vector<UnitStudy> units;
};
DirectiveProgress tally_study(std::span<const DirectiveProgressRow> rows);

// Whole per cent, rounded half up; 0 of 0 is 0.
int share_percent(std::int64_t part, std::int64_t whole);

// How many of `answers` are right; an answer per question, in order.
struct Grade {
  std::size_t right = 0;
  std::size_t questions = 0;
  bool passed() const { return questions > 0 && right == questions; }
};
// Fails (field "answers") when the number of answers is not the number of questions or an answer
// is not one of its question's choices.
Result<Grade> grade_answers(std::span<const CheckQuestion> questions, std::span<const int> answers);

// The name an attachment is stored and downloaded under: `uploaded` without any folder, control
// characters or characters file systems refuse, at most 120 characters, ending in `extension`
// (the type its bytes are); "tep-dinh-kem" + extension when nothing is left.
std::string attachment_file_name(std::string_view uploaded, std::string_view extension);

// Field-named problems of a new directive: a title, an issuer, the deadline not before the date
// issued, a non-agency directive addressed to its own organization only (an officer reaches their
// members, not another organization's), the check questions well formed.
Status validate_directive(const Directive& directive);

}  // namespace dk
