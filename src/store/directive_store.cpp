#include "store/directive_store.hpp"

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

// The earliest check-in (present or late) of the receipt `r`'s person at one of its directive's
// study sessions; a check-in recorded by hand without a time counts at the session's start.
constexpr std::string_view kAttendedAt =
    "(SELECT min(COALESCE(a.checked_in_at, act.starts_at)) FROM directive_study_activities s "
    "JOIN attendance a ON a.tenant_id = s.tenant_id AND a.activity_id = s.activity_id "
    "JOIN activities act ON act.tenant_id = s.tenant_id AND act.id = s.activity_id "
    "WHERE s.tenant_id = {0}.tenant_id AND s.directive_id = {0}.directive_id AND a.person_id = "
    "{0}.person_id AND a.state IN ('present', 'late'))";

// core::studied in SQL, for the counts of a list and the reminders: a recorded study or a
// check-in at a study session.
std::string studied_sql(std::string_view receipt) {
  return fmt::format(
      "({0}.studied_at IS NOT NULL OR EXISTS (SELECT 1 FROM directive_study_activities s JOIN "
      "attendance a ON a.tenant_id = s.tenant_id AND a.activity_id = s.activity_id WHERE "
      "s.tenant_id = {0}.tenant_id AND s.directive_id = {0}.directive_id AND a.person_id = "
      "{0}.person_id AND a.state IN ('present', 'late')))",
      receipt);
}

constexpr std::string_view kDirectiveColumns =
    "d.id, d.tenant_id, d.organization_id, d.kind, d.issuer_level, d.number, d.issuer, "
    "d.issued_on, d.title, d.summary, d.deadline, d.committee_only, d.posted_by, d.posted_at";
constexpr int kDirectiveColumnCount = 14;

Directive directive_at(const SqlRow& row) {
  Directive directive;
  directive.id = row.integer(0);
  directive.tenant_id = row.integer(1);
  directive.organization_id = optional_integer(row, 2);
  directive.kind = parse_code<DirectiveKind>(row.text(3)).value_or(DirectiveKind::directive);
  directive.issuer_level = parse_code<IssuerLevel>(row.text(4)).value_or(IssuerLevel::superior);
  directive.number = row.text(5);
  directive.issuer = row.text(6);
  if (!row.is_null(7)) directive.issued_on = date_at(row, 7);
  directive.title = row.text(8);
  directive.summary = row.text(9);
  if (!row.is_null(10)) directive.deadline = date_at(row, 10);
  directive.audience.committee_only = row.integer(11) != 0;
  directive.posted_by = row.integer(12);
  directive.posted_at = instant_of(row.integer(13));
  if (directive.organization_id) directive.audience.organization_ids = {*directive.organization_id};
  return directive;
}

DirectiveReceipt receipt_at(const SqlRow& row, int column) {
  DirectiveReceipt receipt;
  receipt.person_id = row.integer(column);
  receipt.delivered_at = instant_of(row.integer(column + 1));
  receipt.read_at = optional_instant(row, column + 2);
  receipt.studied_at = optional_instant(row, column + 3);
  receipt.studied_how = optional_enum<StudyWay>(row, column + 4);
  receipt.reminders = row.integer(column + 5);
  receipt.reminded_at = optional_instant(row, column + 6);
  return receipt;
}
// An attachment from its columns position, file_name, content_type, size, uploaded_by and
// uploaded_at, in that order.
DirectiveAttachment attachment_at(const SqlRow& row) {
  return DirectiveAttachment{
      static_cast<int>(row.integer(0)), row.text(1), row.text(2), row.integer(3), row.integer(4),
      instant_of(row.integer(5))};
}

constexpr std::string_view kReceiptColumns =
    "r.person_id, r.delivered_at, r.read_at, r.studied_at, r.studied_how, r.reminders, "
    "r.reminded_at";

}  // namespace

Result<Directive> DirectiveStore::create(const Directive& directive) {
  const Id id = TRY(reserve_ids(connection_, directive.tenant_id, "directives", 1));
  const Id tenant = directive.tenant_id;
  const SqlValue params[] = {tenant,
                             id,
                             nullable(directive.organization_id),
                             std::string(code_of(directive.kind)),
                             std::string(code_of(directive.issuer_level)),
                             directive.number,
                             directive.issuer,
                             optional_date(directive.issued_on),
                             directive.title,
                             directive.summary,
                             optional_date(directive.deadline),
                             std::int64_t{directive.audience.committee_only ? 1 : 0},
                             directive.posted_by,
                             seconds_of(directive.posted_at)};
  TRY(connection_.execute(
      "INSERT INTO directives (tenant_id, id, organization_id, kind, issuer_level, number, "
      "issuer, issued_on, title, summary, deadline, committee_only, posted_by, posted_at) VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      params));
  auto target = [&](std::string_view kind, Id target_id) -> Status {
    const SqlValue row[] = {tenant, id, std::string(kind), target_id};
    TRY(connection_.execute(
        "INSERT INTO directive_targets (tenant_id, directive_id, target, target_id) VALUES ($1, "
        "$2, $3, $4) ON CONFLICT DO NOTHING",
        row));
    return {};
  };
  for (Id organization : directive.audience.organization_ids)
    TRY(target("organization", organization));
  for (Id unit : directive.audience.unit_ids) TRY(target("unit", unit));
  for (std::size_t q = 0; q < directive.questions.size(); ++q) {
    const CheckQuestion& question = directive.questions[q];
    const SqlValue row[] = {tenant, id, static_cast<std::int64_t>(q), question.text,
                            std::int64_t{question.answer}};
    TRY(connection_.execute(
        "INSERT INTO directive_questions (tenant_id, directive_id, position, wording, answer) "
        "VALUES ($1, $2, $3, $4, $5)",
        row));
    for (std::size_t c = 0; c < question.choices.size(); ++c) {
      const SqlValue choice[] = {tenant, id, static_cast<std::int64_t>(q),
                                 static_cast<std::int64_t>(c), question.choices[c]};
      TRY(connection_.execute(
          "INSERT INTO directive_choices (tenant_id, directive_id, question, position, wording) "
          "VALUES ($1, $2, $3, $4, $5)",
          choice));
    }
  }
  for (Id activity : directive.study_activity_ids) TRY(link_study_activity(tenant, id, activity));
  Directive created = directive;
  created.id = id;
  return created;
}

Result<std::int64_t> DirectiveStore::deliver(const Directive& directive, CivilDate today) {
  const DirectiveAudience& audience = directive.audience;
  std::string where;
  if (!audience.organization_ids.empty())
    where += " AND m.organization_id IN " + id_list(audience.organization_ids);
  if (!audience.unit_ids.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = m.tenant_id AND p.id = "
        "m.person_id AND p.unit_id IN " +
        id_list(audience.unit_ids) + ")";
  }
  if (audience.committee_only) {
    where +=
        " AND EXISTS (SELECT 1 FROM committee_roles c WHERE c.tenant_id = m.tenant_id AND "
        "c.person_id = m.person_id AND c.organization_id = m.organization_id AND (c.term_start IS "
        "NULL OR c.term_start <= $4) AND (c.term_end IS NULL OR c.term_end >= $4))";
  }
  std::vector<SqlValue> params = {directive.tenant_id, directive.id,
                                  seconds_of(directive.posted_at)};
  if (audience.committee_only) params.emplace_back(format_iso(today));
  const auto delivered = TRY(connection_.execute(
      "INSERT INTO directive_receipts (tenant_id, directive_id, person_id, delivered_at) SELECT "
      "DISTINCT m.tenant_id, CAST($2 AS BIGINT), m.person_id, CAST($3 AS BIGINT) FROM memberships "
      "m WHERE m.tenant_id = $1 AND "
      "m.status <> 'left'" +
          where,
      params));
  // PostgreSQL plans the statements that read the receipts next in the same transaction (the
  // notifications) from statistics that do not count rows written since: told of a few, it probes
  // an index once per receipt where a hash join reads the table once (7.5 s of a million-member
  // directive). Fresh statistics of a sample cost a fraction of a second.
  if (connection_.engine() == Engine::postgres && delivered > 10'000)
    TRY(connection_.execute_script("ANALYZE directive_receipts"));
  return delivered;
}

Status DirectiveStore::read_details(Directive& directive) {
  const SqlValue params[] = {directive.tenant_id, directive.id};
  directive.audience.organization_ids.clear();
  TRY(connection_.query(
      "SELECT target, target_id FROM directive_targets WHERE tenant_id = $1 AND directive_id = $2 "
      "ORDER BY target, target_id",
      params, [&](const SqlRow& row) -> Status {
        (row.text(0) == "unit" ? directive.audience.unit_ids : directive.audience.organization_ids)
            .push_back(row.integer(1));
        return {};
      }));
  TRY(connection_.query(
      "SELECT q.position, q.wording, q.answer, c.wording FROM directive_questions q JOIN "
      "directive_choices c ON c.tenant_id = q.tenant_id AND c.directive_id = q.directive_id AND "
      "c.question = q.position WHERE q.tenant_id = $1 AND q.directive_id = $2 ORDER BY "
      "q.position, c.position",
      params, [&](const SqlRow& row) -> Status {
        const auto position = static_cast<std::size_t>(row.integer(0));
        if (directive.questions.size() <= position) {
          directive.questions.push_back(
              CheckQuestion{row.text(1), {}, static_cast<int>(row.integer(2))});
        }
        directive.questions.back().choices.push_back(row.text(3));
        return {};
      }));
  directive.attachments = TRY(query_all(
      connection_,
      "SELECT position, file_name, content_type, size, uploaded_by, uploaded_at FROM "
      "directive_attachments WHERE tenant_id = $1 AND directive_id = $2 ORDER BY position",
      params, attachment_at));
  directive.study_activity_ids = TRY(query_all(
      connection_,
      "SELECT activity_id FROM directive_study_activities WHERE tenant_id = $1 AND directive_id = "
      "$2 ORDER BY activity_id",
      params, [](const SqlRow& row) { return row.integer(0); }));
  return {};
}

Result<std::vector<DirectiveSummary>> DirectiveStore::read(std::string_view where,
                                                           std::vector<SqlValue> params,
                                                           bool with_counts) {
  const std::string studied = studied_sql("r");
  const std::string counts =
      with_counts
          ? fmt::format(
                " LEFT JOIN (SELECT r.directive_id, count(*) AS people, sum(CASE WHEN r.read_at "
                "IS NOT NULL OR {0} THEN 1 ELSE 0 END) AS opened, sum(CASE WHEN {0} THEN 1 ELSE 0 "
                "END) AS studied FROM directive_receipts r WHERE r.tenant_id = $1 AND "
                "r.directive_id IN (SELECT d.id FROM directives d WHERE d.tenant_id = $1{1}) GROUP "
                "BY r.directive_id) c ON c.directive_id = d.id",
                studied, where)
          : std::string(" LEFT JOIN (SELECT 0 AS people, 0 AS opened, 0 AS studied) c ON 1 = 0");
  return query_all(
      connection_,
      fmt::format("SELECT {0}, COALESCE(o.name, ''), COALESCE(c.people, 0), COALESCE(c.opened, "
                  "0), COALESCE(c.studied, 0) FROM directives d LEFT JOIN organizations o ON "
                  "o.tenant_id = d.tenant_id AND o.id = d.organization_id{1} WHERE d.tenant_id = "
                  "$1{2} ORDER BY d.posted_at DESC, d.id DESC",
                  kDirectiveColumns, counts, where),
      params, [with_counts](const SqlRow& row) {
        DirectiveSummary summary;
        summary.directive = directive_at(row);
        summary.organization_name = row.text(kDirectiveColumnCount);
        if (with_counts) {
          summary.counts = StudyCounts{};
          summary.counts->people = row.integer(kDirectiveColumnCount + 1);
          summary.counts->read = row.integer(kDirectiveColumnCount + 2);
          summary.counts->studied = row.integer(kDirectiveColumnCount + 3);
        }
        return summary;
      });
}

Result<std::vector<DirectiveSummary>> DirectiveStore::list(
    Id tenant, const std::optional<std::vector<Id>>& within) {
  std::string where;
  if (within) where = " AND d.organization_id IN " + id_list(*within);
  auto summaries = TRY(read(where, {tenant}, true));
  for (auto& summary : summaries) TRY(read_details(summary.directive));
  return summaries;
}

Result<std::optional<DirectiveSummary>> DirectiveStore::summary(Id tenant, Id id,
                                                                bool with_counts) {
  auto found = TRY(read(" AND d.id = $2", {tenant, id}, with_counts));
  if (found.empty()) return std::nullopt;
  TRY(read_details(found.front().directive));
  return std::move(found.front());
}

Result<std::vector<ReceivedDirective>> DirectiveStore::received(Id tenant, Id person) {
  auto summaries =
      TRY(read(" AND d.id IN (SELECT directive_id FROM directive_receipts WHERE tenant_id = $1 "
               "AND person_id = $2)",
               {tenant, person}, false));
  std::vector<ReceivedDirective> received;
  received.reserve(summaries.size());
  for (auto& summary : summaries) {
    TRY(read_details(summary.directive));
    const Id id = summary.directive.id;
    auto receipt = TRY(this->receipt(tenant, id, person));
    auto attended = TRY(attended_at(tenant, id, person));
    received.push_back(
        ReceivedDirective{std::move(summary), receipt.value_or(DirectiveReceipt{}), attended});
  }
  return received;
}

Result<std::optional<Instant>> DirectiveStore::attended_at(Id tenant, Id id, Id person) {
  const SqlValue params[] = {tenant, id, person};
  auto attended = TRY(
      query_integer(connection_,
                    fmt::format("SELECT {} FROM directive_receipts r WHERE r.tenant_id = $1 AND "
                                "r.directive_id = $2 AND r.person_id = $3",
                                fmt::format(kAttendedAt, "r")),
                    params));
  if (!attended) return std::nullopt;
  return instant_of(*attended);
}

Result<std::optional<DirectiveReceipt>> DirectiveStore::receipt(Id tenant, Id id, Id person) {
  const SqlValue params[] = {tenant, id, person};
  return query_one(connection_,
                   fmt::format("SELECT {} FROM directive_receipts r WHERE r.tenant_id = $1 AND "
                               "r.directive_id = $2 AND r.person_id = $3",
                               kReceiptColumns),
                   params, [](const SqlRow& row) { return receipt_at(row, 0); });
}

Result<bool> DirectiveStore::mark_read(Id tenant, Id id, Id person, Instant at) {
  const SqlValue params[] = {tenant, id, person, seconds_of(at)};
  const auto changed = TRY(connection_.execute(
      "UPDATE directive_receipts SET read_at = $4 WHERE tenant_id = $1 AND directive_id = $2 AND "
      "person_id = $3 AND read_at IS NULL",
      params));
  return changed > 0;
}

Result<bool> DirectiveStore::mark_studied(Id tenant, Id id, Id person, Instant at, StudyWay how) {
  const SqlValue params[] = {tenant, id, person, seconds_of(at), std::string(code_of(how))};
  const auto changed = TRY(connection_.execute(
      "UPDATE directive_receipts SET studied_at = $4, studied_how = $5, read_at = "
      "COALESCE(read_at, $4) WHERE tenant_id = $1 AND directive_id = $2 AND person_id = $3 AND "
      "studied_at IS NULL",
      params));
  return changed > 0;
}

Status DirectiveStore::count_attempt(Id tenant, Id id, Id person) {
  const SqlValue params[] = {tenant, id, person};
  TRY(connection_.execute(
      "UPDATE directive_receipts SET attempts = attempts + 1 WHERE tenant_id = $1 AND "
      "directive_id = $2 AND person_id = $3",
      params));
  return {};
}

Result<std::vector<DirectiveProgressRow>> DirectiveStore::progress(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_all(
      connection_,
      fmt::format(
          "SELECT {}, p.full_name, p.unit_id, COALESCE(u.name, ''), {} FROM directive_receipts r "
          "JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.person_id LEFT JOIN units u "
          "ON u.tenant_id = p.tenant_id AND u.id = p.unit_id WHERE r.tenant_id = $1 AND "
          "r.directive_id = $2 ORDER BY CASE WHEN u.id IS NULL THEN 1 ELSE 0 END, u.sort_key, "
          "p.sort_key, p.id",
          kReceiptColumns, fmt::format(kAttendedAt, "r")),
      params, [](const SqlRow& row) {
        DirectiveProgressRow progress;
        progress.receipt = receipt_at(row, 0);
        progress.full_name = row.text(7);
        progress.unit_id = optional_integer(row, 8);
        progress.unit_name = row.text(9);
        progress.attended_at = optional_instant(row, 10);
        return progress;
      });
}

Result<std::int64_t> DirectiveStore::remind(Id tenant, Id id, Instant at, Instant not_since) {
  const SqlValue params[] = {tenant, id, seconds_of(at), seconds_of(not_since)};
  return connection_.execute(
      "UPDATE directive_receipts SET reminders = reminders + 1, reminded_at = $3 WHERE tenant_id "
      "= $1 AND directive_id = $2 AND (reminded_at IS NULL OR reminded_at < $4) AND NOT " +
          studied_sql("directive_receipts"),
      params);
}

Status DirectiveStore::link_study_activity(Id tenant, Id id, Id activity) {
  const SqlValue params[] = {tenant, id, activity};
  TRY(connection_.execute(
      "INSERT INTO directive_study_activities (tenant_id, directive_id, activity_id) VALUES ($1, "
      "$2, $3) ON CONFLICT DO NOTHING",
      params));
  return {};
}

Result<DirectiveAttachment> DirectiveStore::add_attachment(Id tenant, Id id,
                                                           DirectiveAttachment attachment,
                                                           const std::string& content) {
  const SqlValue key[] = {tenant, id};
  // A no-op write locks the directive's row on both engines: a second upload waits here and then
  // sees the first one's position.
  TRY(connection_.execute(
      "UPDATE directives SET posted_at = posted_at WHERE tenant_id = $1 AND id = $2", key));
  const auto last = TRY(query_integer(
      connection_,
      "SELECT max(position) FROM directive_attachments WHERE tenant_id = $1 AND directive_id = $2",
      key));
  attachment.position = static_cast<int>(last.value_or(0) + 1);
  attachment.size = static_cast<std::int64_t>(content.size());
  const SqlValue params[] = {tenant,
                             id,
                             std::int64_t{attachment.position},
                             attachment.file_name,
                             attachment.content_type,
                             attachment.size,
                             Bytes{content},
                             attachment.uploaded_by,
                             seconds_of(attachment.uploaded_at)};
  TRY(connection_.execute(
      "INSERT INTO directive_attachments (tenant_id, directive_id, position, file_name, "
      "content_type, size, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9)",
      params));
  return attachment;
}

Result<std::optional<std::pair<DirectiveAttachment, std::string>>> DirectiveStore::attachment(
    Id tenant, Id id, int position) {
  const SqlValue params[] = {tenant, id, std::int64_t{position}};
  return query_one(
      connection_,
      "SELECT position, file_name, content_type, size, uploaded_by, uploaded_at, content FROM "
      "directive_attachments WHERE tenant_id = $1 AND directive_id = $2 AND position = $3",
      params, [](const SqlRow& row) {
        return std::pair{attachment_at(row), row.bytes(6)};
      });
}

}  // namespace dk::store
