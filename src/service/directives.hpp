#pragma once
// Directives to be studied (quán triệt) as the web service offers them: an organization's
// officers (or, for the whole agency, administrators and the leadership) post a document with its
// audience, deadline and check questions, and it is delivered to every person of the audience at
// once; each person opens it (read), then studies it by acknowledging it, by passing the
// questions, or by attending a study session linked to it; the officers follow the share studied
// by department, the names of the rest, and send them a reminder at most once a day. Posting,
// linking and reminding are audited.

#include <optional>
#include <string>
#include <vector>

#include "core/directive.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

// Fewer reminders than this apart are not sent again to the same person.
inline constexpr auto kReminderSpacing = std::chrono::hours(20);

struct DirectiveView {
  Directive directive;
  std::string organization_name;            // empty for the agency's own
  std::optional<StudyCounts> counts;        // people, read, studied: for those who follow it up
  std::optional<DirectiveReceipt> receipt;  // the actor's own, when it was delivered to them
  std::optional<Study> study;               // the actor's own study, counting study sessions
  bool may_follow = false;  // sees the progress, reminds, links study sessions, sees the answers
};

struct DirectiveFollowUp {
  DirectiveView view;
  DirectiveProgress progress;                // of exactly the rows below
  std::vector<DirectiveProgressRow> people;  // by department and name
};

struct StudyOutcome {
  DirectiveView view;
  std::optional<Grade> grade;  // when answers were given
};

// Posts and delivers. For an organization's directive the audience is its members (narrowed to
// departments or its committee); for the agency's, the named organizations' or everyone's.
Result<DirectiveView> post_directive(Connection& connection, const Actor& actor,
                                     Directive directive);
// Those the actor follows up: all of them for administrators and the leadership, their
// organizations' for an officer.
Result<std::vector<DirectiveView>> list_directives(Connection& connection, const Actor& actor);
// Those delivered to the actor's person, newest first.
Result<std::vector<DirectiveView>> my_directives(Connection& connection, const Actor& actor);
// One directive, for its recipients and for those who follow it up.
Result<DirectiveView> read_directive(Connection& connection, const Actor& actor, Id id);
// The actor opened it: their receipt's first reading.
Result<DirectiveView> mark_directive_read(Connection& connection, const Actor& actor, Id id);
// The actor studied it: an acknowledgement when it has no questions; with questions, `answers`
// (one per question) must all be right to count, and a wrong attempt is counted. Studying again
// changes nothing.
Result<StudyOutcome> study_directive(Connection& connection, const Actor& actor, Id id,
                                     const std::optional<std::vector<int>>& answers);
Result<DirectiveFollowUp> directive_progress(Connection& connection, const Actor& actor, Id id);
// How many were reminded (those not studied and not reminded within kReminderSpacing).
Result<std::int64_t> remind_directive(Connection& connection, const Actor& actor, Id id);
// Attending `activity` (a study activity) now counts as having studied the directive.
Result<DirectiveView> link_study_activity(Connection& connection, const Actor& actor, Id id,
                                          Id activity);

struct AttachmentFile {
  DirectiveAttachment attachment;
  std::string content;
};

// Adds a file (those who follow it up): a PDF, DOCX, PNG, JPEG or WebP by its bytes, up to
// kMaxAttachmentBytes, at most kMaxAttachments; stored under attachment_file_name.
Result<DirectiveView> attach_to_directive(Connection& connection, const Actor& actor, Id id,
                                          std::string_view file_name, const std::string& content);
// A file, for those who received the directive and those who follow it up.
Result<AttachmentFile> directive_attachment(Connection& connection, const Actor& actor, Id id,
                                            int position);

}  // namespace dk::service
