#pragma once
// Directives to be studied, their audience, check questions and study sessions, and every
// person's receipt (core/directive.hpp).

#include <optional>
#include <string>
#include <vector>

#include "core/directive.hpp"
#include "store/sql.hpp"

namespace dk::store {

// A directive as lists show it: the counts of its receipts by the rules of core::studied.
struct DirectiveSummary {
  Directive directive;
  std::string organization_name;  // empty for the agency's own
  // people, read, studied (the others stay 0); nothing when not asked for
  std::optional<StudyCounts> counts;
};

// A person's own view of a directive they received.
struct ReceivedDirective {
  DirectiveSummary summary;
  DirectiveReceipt receipt;
  std::optional<Instant> attended_at;  // at a linked study activity
};

class DirectiveStore {
 public:
  explicit DirectiveStore(SqlConnection& connection) : connection_(connection) {}

  // Writes the directive with its audience, questions and study sessions; returns it with its id.
  Result<Directive> create(const Directive& directive);
  // A receipt for every person of the audience as of `today`; how many were delivered.
  Result<std::int64_t> deliver(const Directive& directive, CivilDate today);
  // The directive with its details, its organization's name and, if asked, its counts.
  Result<std::optional<DirectiveSummary>> summary(Id tenant, Id id, bool with_counts);
  // Newest first; `within`, when set, keeps those of these organizations (an officer's own).
  Result<std::vector<DirectiveSummary>> list(Id tenant,
                                             const std::optional<std::vector<Id>>& within);
  // What `person` received, newest first, without the counts (a member sees no one else's).
  Result<std::vector<ReceivedDirective>> received(Id tenant, Id person);
  Result<std::optional<DirectiveReceipt>> receipt(Id tenant, Id id, Id person);
  // The person's earliest check-in at one of its study sessions.
  Result<std::optional<Instant>> attended_at(Id tenant, Id id, Id person);
  // First opening; false when already read.
  Result<bool> mark_read(Id tenant, Id id, Id person, Instant at);
  // Studied (and read, if it was not); false when it already was studied.
  Result<bool> mark_studied(Id tenant, Id id, Id person, Instant at, StudyWay how);
  Status count_attempt(Id tenant, Id id, Id person);
  // Everyone it was delivered to, by department and name.
  Result<std::vector<DirectiveProgressRow>> progress(Id tenant, Id id);
  // One more reminder to each who has not studied it (counting the study sessions) and was not
  // reminded since `not_since`; how many were reminded.
  Result<std::int64_t> remind(Id tenant, Id id, Instant at, Instant not_since);
  Status link_study_activity(Id tenant, Id id, Id activity);
  // Stores the file after the directive's last one; returns it with its position. The caller
  // holds the directive (a transaction) so that two uploads at once take different positions.
  Result<DirectiveAttachment> add_attachment(Id tenant, Id id, DirectiveAttachment attachment,
                                             const std::string& content);
  // The file and its bytes; nothing when there is no such file.
  Result<std::optional<std::pair<DirectiveAttachment, std::string>>> attachment(Id tenant, Id id,
                                                                                int position);

 private:
  // The directives `where` selects (a condition on d, after the tenant's); their counts are made
  // from the receipts of those directives only, and only when asked.
  Result<std::vector<DirectiveSummary>> read(std::string_view where, std::vector<SqlValue> params,
                                             bool with_counts);
  Status read_details(Directive& directive);

  SqlConnection& connection_;
};

}  // namespace dk::store
