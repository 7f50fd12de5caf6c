#include "service/directives.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/vietnamese_text.hpp"
#include "io/attachment_type.hpp"
#include "service/audit.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/activity_store.hpp"
#include "store/directive_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> directive_not_found(Id id) {
  return fail(ErrorKind::not_found, "directive.not_found",
              fmt::format("Không có văn bản số {}.", id),
              fmt::format("There is no directive {}.", id));
}

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

// The directive with what the actor may see of it: their own receipt, and the counts and the
// right answers for those who follow it up. Someone who neither received it nor follows it gets
// "not found", so that ids tell nobody what other organizations study.
Result<DirectiveView> view_for(store::DirectiveStore& directives, const Actor& actor, Id id) {
  const Id tenant = actor.principal.tenant;
  // Counting the receipts is for those who may follow a directive up; a member's reading skips it.
  const Principal& who = actor.principal;
  auto summary =
      TRY(directives.summary(tenant, id, who.administrator || who.leadership || who.is_officer()));
  if (!summary) return directive_not_found(id);
  DirectiveView view;
  view.may_follow = may_address_members(actor.principal, summary->directive.organization_id);
  if (actor.principal.person_id != 0) {
    view.receipt = TRY(directives.receipt(tenant, id, actor.principal.person_id));
  }
  if (!view.may_follow && !view.receipt) return directive_not_found(id);
  view.directive = std::move(summary->directive);
  view.organization_name = std::move(summary->organization_name);
  if (view.may_follow) view.counts = summary->counts;
  if (view.receipt) {
    auto attended = TRY(directives.attended_at(tenant, id, actor.principal.person_id));
    view.study = studied(DirectiveProgressRow{*view.receipt, {}, {}, {}, attended});
  }
  return view;
}

// Every organization and department named exists in the agency, and so does every study session.
Status check_references(store::SqlConnection& connection, const Directive& directive) {
  store::RegistryStore registry(connection);
  for (Id organization : directive.audience.organization_ids) {
    auto found = TRY(registry.find_organization_by_id(directive.tenant_id, organization));
    if (!found || found->external) {
      return invalid("audience.organization_ids", "organization.not_found",
                     fmt::format("Không có tổ chức mang mã {} trong cơ quan.", organization),
                     fmt::format("There is no organization {} in the agency.", organization));
    }
  }
  for (Id unit : directive.audience.unit_ids) {
    auto found = TRY(registry.find_unit_by_id(directive.tenant_id, unit));
    if (!found) {
      return invalid("audience.unit_ids", "unit.not_found",
                     fmt::format("Không có phòng, ban mang mã {}.", unit),
                     fmt::format("There is no department {}.", unit));
    }
  }
  store::ActivityStore activities(connection);
  for (Id activity : directive.study_activity_ids) {
    auto found = TRY(activities.find(directive.tenant_id, activity));
    if (!found) {
      return invalid("study_activity_ids", "activity.not_found",
                     fmt::format("Không có hoạt động mang mã {}.", activity),
                     fmt::format("There is no activity {}.", activity));
    }
  }
  return {};
}

// What the bell and the e-mail say of a directive: posted, or a reminder to study it.
NotificationEvent directive_event(const Directive& directive, NotificationKind kind, Instant at) {
  Text what = label_of(directive.kind);
  // Mid-sentence in English: "New plan to study", not "New Plan".
  if (!what.en.empty())
    what.en[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what.en[0])));
  const std::string name = directive.number.empty()
                               ? directive.title
                               : fmt::format("{} — {}", directive.number, directive.title);
  NotificationEvent event;
  event.tenant_id = directive.tenant_id;
  event.kind = kind;
  event.created_at = at;
  event.link = fmt::format("/directives/{}", directive.id);
  if (kind == NotificationKind::directive_reminder) {
    event.title = Text{fmt::format("Nhắc học tập: {} {}", what.vi, name),
                       fmt::format("Reminder to study: {} {}", what.en, name)};
  } else {
    event.title = Text{fmt::format("{} mới cần học tập: {}", what.vi, name),
                       fmt::format("New {} to study: {}", what.en, name)};
  }
  event.body = Text{fmt::format("Cơ quan ban hành: {}.", directive.issuer),
                    fmt::format("Issued by {}.", directive.issuer)};
  if (directive.deadline) {
    event.body.vi += fmt::format(" Hạn học tập: {}.", format_vietnamese(*directive.deadline));
    event.body.en += fmt::format(" Study it by {}.", format_vietnamese(*directive.deadline));
  }
  return event;
}

}  // namespace

Result<DirectiveView> post_directive(store::SqlConnection& connection, const Actor& actor,
                                     Directive directive) {
  directive.tenant_id = actor.principal.tenant;
  directive.number = normalize_text(directive.number);
  directive.issuer = normalize_text(directive.issuer);
  directive.title = normalize_text(directive.title);
  directive.summary = normalize_text(directive.summary);
  for (CheckQuestion& question : directive.questions) {
    question.text = normalize_text(question.text);
    for (std::string& choice : question.choices) choice = normalize_text(choice);
  }
  // An organization's directive goes to its own members; the request need not repeat it.
  if (directive.organization_id && directive.audience.organization_ids.empty())
    directive.audience.organization_ids = {*directive.organization_id};
  TRY(validate_directive(directive));
  if (!may_address_members(actor.principal, directive.organization_id)) return refuse();
  store::DirectiveStore directives(connection);
  auto posted = store::in_transaction(connection, [&]() -> Result<DirectiveView> {
    TRY(check_references(connection, directive));
    directive.posted_by = actor.principal.account_id;
    directive.posted_at = actor.clock();
    auto created = TRY(directives.create(directive));
    const auto delivered = TRY(directives.deliver(created, vietnam_date(created.posted_at)));
    TRY(publish_notification(
        connection, directive_event(created, NotificationKind::directive_posted, created.posted_at),
        store::directive_recipients(created.id, std::nullopt)));
    TRY(record_audit(connection, actor, "create", "directive", created.id,
                     fmt::format(R"({{"delivered":{}}})", delivered)));
    return view_for(directives, actor, created.id);
  });
  if (posted) signal_notified(actor.principal.tenant);
  return posted;
}

Result<std::vector<DirectiveView>> list_directives(store::SqlConnection& connection,
                                                   const Actor& actor) {
  std::optional<std::vector<Id>> within;
  if (!actor.principal.administrator && !actor.principal.leadership) {
    if (!actor.principal.is_officer()) return refuse();
    within = actor.principal.officer_of;
  }
  auto summaries = TRY(store::DirectiveStore(connection).list(actor.principal.tenant, within));
  std::vector<DirectiveView> views;
  views.reserve(summaries.size());
  for (auto& summary : summaries) {
    DirectiveView view;
    view.directive = std::move(summary.directive);
    view.organization_name = std::move(summary.organization_name);
    view.counts = summary.counts;
    view.may_follow = true;
    views.push_back(std::move(view));
  }
  return views;
}

Result<std::vector<DirectiveView>> my_directives(store::SqlConnection& connection,
                                                 const Actor& actor) {
  std::vector<DirectiveView> views;
  if (actor.principal.person_id == 0) return views;
  auto received = TRY(store::DirectiveStore(connection)
                          .received(actor.principal.tenant, actor.principal.person_id));
  views.reserve(received.size());
  for (auto& item : received) {
    DirectiveView view;
    view.may_follow = may_address_members(actor.principal, item.summary.directive.organization_id);
    view.directive = std::move(item.summary.directive);
    view.organization_name = std::move(item.summary.organization_name);
    view.study = studied(DirectiveProgressRow{item.receipt, {}, {}, {}, item.attended_at});
    view.receipt = std::move(item.receipt);
    views.push_back(std::move(view));
  }
  return views;
}

Result<DirectiveView> read_directive(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::DirectiveStore directives(connection);
  return view_for(directives, actor, id);
}

Result<DirectiveView> mark_directive_read(store::SqlConnection& connection, const Actor& actor,
                                          Id id) {
  store::DirectiveStore directives(connection);
  return store::in_transaction(connection, [&]() -> Result<DirectiveView> {
    auto view = TRY(view_for(directives, actor, id));
    if (!view.receipt) return view;  // a follower who was not in the audience
    TRY(directives.mark_read(actor.principal.tenant, id, actor.principal.person_id, actor.clock()));
    return view_for(directives, actor, id);
  });
}

Result<StudyOutcome> study_directive(store::SqlConnection& connection, const Actor& actor, Id id,
                                     const std::optional<std::vector<int>>& answers) {
  store::DirectiveStore directives(connection);
  return store::in_transaction(connection, [&]() -> Result<StudyOutcome> {
    auto view = TRY(view_for(directives, actor, id));
    if (!view.receipt) {
      return fail(ErrorKind::conflict, "directive.not_delivered",
                  "Văn bản này không gửi tới bạn nên bạn không cần xác nhận học tập.",
                  "This directive was not sent to you, so there is nothing for you to study.");
    }
    StudyOutcome outcome;
    const Id tenant = actor.principal.tenant;
    const Id person = actor.principal.person_id;
    if (view.study) {
      outcome.view = std::move(view);
      return outcome;
    }
    StudyWay how = StudyWay::acknowledged;
    if (!view.directive.questions.empty()) {
      if (!answers) {
        return invalid("answers", "directive.answers_required",
                       "Hãy trả lời các câu hỏi kiểm tra để xác nhận đã học tập.",
                       "Answer the check questions to confirm you studied it.");
      }
      outcome.grade = TRY(grade_answers(view.directive.questions, *answers));
      how = StudyWay::answered;
    }
    if (outcome.grade && !outcome.grade->passed()) {
      TRY(directives.count_attempt(tenant, id, person));
    } else {
      TRY(directives.mark_studied(tenant, id, person, actor.clock(), how));
    }
    outcome.view = TRY(view_for(directives, actor, id));
    return outcome;
  });
}

Result<DirectiveFollowUp> directive_progress(store::SqlConnection& connection, const Actor& actor,
                                             Id id) {
  store::DirectiveStore directives(connection);
  auto view = TRY(view_for(directives, actor, id));
  if (!view.may_follow) return refuse();
  DirectiveFollowUp follow_up;
  follow_up.people = TRY(directives.progress(actor.principal.tenant, id));
  follow_up.progress = tally_study(follow_up.people);
  follow_up.view = std::move(view);
  return follow_up;
}

Result<std::int64_t> remind_directive(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::DirectiveStore directives(connection);
  auto outcome = store::in_transaction(connection, [&]() -> Result<std::int64_t> {
    auto view = TRY(view_for(directives, actor, id));
    if (!view.may_follow) return refuse();
    const Instant now = actor.clock();
    const auto reminded =
        TRY(directives.remind(actor.principal.tenant, id, now, now - kReminderSpacing));
    // Those just reminded are those whose last reminder is now.
    if (reminded > 0) {
      TRY(publish_notification(
          connection, directive_event(view.directive, NotificationKind::directive_reminder, now),
          store::directive_recipients(id, now)));
    }
    TRY(record_audit(connection, actor, "remind", "directive", id,
                     fmt::format(R"({{"reminded":{}}})", reminded)));
    return reminded;
  });
  if (outcome && *outcome > 0) signal_notified(actor.principal.tenant);
  return outcome;
}

Result<DirectiveView> link_study_activity(store::SqlConnection& connection, const Actor& actor,
                                          Id id, Id activity) {
  store::DirectiveStore directives(connection);
  return store::in_transaction(connection, [&]() -> Result<DirectiveView> {
    auto view = TRY(view_for(directives, actor, id));
    if (!view.may_follow) return refuse();
    Directive probe = view.directive;
    probe.audience = {};
    probe.study_activity_ids = {activity};
    TRY(check_references(connection, probe));
    TRY(directives.link_study_activity(actor.principal.tenant, id, activity));
    TRY(record_audit(connection, actor, "link", "directive", id,
                     fmt::format(R"({{"study_activity_id":{}}})", activity)));
    return view_for(directives, actor, id);
  });
}

Result<DirectiveView> attach_to_directive(store::SqlConnection& connection, const Actor& actor,
                                          Id id, std::string_view file_name,
                                          const std::string& content) {
  if (content.empty()) {
    return invalid("file", "attachment.empty", "Tệp gửi lên trống.", "The uploaded file is empty.");
  }
  if (static_cast<std::int64_t>(content.size()) > kMaxAttachmentBytes) {
    return invalid("file", "attachment.too_large",
                   fmt::format("Tệp lớn quá {} MB.", kMaxAttachmentBytes >> 20),
                   fmt::format("The file is larger than {} MB.", kMaxAttachmentBytes >> 20));
  }
  const auto type = io::sniff_attachment(content);
  if (!type) {
    return invalid("file", "attachment.type",
                   "Chỉ nhận tệp PDF, Word (DOCX) hoặc ảnh PNG, JPEG, WebP.",
                   "Only PDF, Word (DOCX) files and PNG, JPEG or WebP pictures are accepted.");
  }
  store::DirectiveStore directives(connection);
  return store::in_transaction(connection, [&]() -> Result<DirectiveView> {
    auto view = TRY(view_for(directives, actor, id));
    if (!view.may_follow) return refuse();
    if (view.directive.attachments.size() >= kMaxAttachments) {
      return fail(ErrorKind::conflict, "attachment.too_many",
                  fmt::format("Mỗi văn bản có tối đa {} tệp đính kèm.", kMaxAttachments),
                  fmt::format("A directive has at most {} attachments.", kMaxAttachments));
    }
    DirectiveAttachment attachment;
    attachment.file_name = attachment_file_name(file_name, type->extension);
    attachment.content_type = std::string(type->content_type);
    attachment.uploaded_by = actor.principal.account_id;
    attachment.uploaded_at = actor.clock();
    const auto added =
        TRY(directives.add_attachment(actor.principal.tenant, id, std::move(attachment), content));
    TRY(record_audit(connection, actor, "attach", "directive", id,
                     fmt::format(R"({{"position":{},"size":{}}})", added.position, added.size)));
    return view_for(directives, actor, id);
  });
}

Result<AttachmentFile> directive_attachment(store::SqlConnection& connection, const Actor& actor,
                                            Id id, int position) {
  store::DirectiveStore directives(connection);
  TRY(view_for(directives, actor, id));
  auto found = TRY(directives.attachment(actor.principal.tenant, id, position));
  if (!found) {
    return fail(ErrorKind::not_found, "attachment.not_found",
                fmt::format("Văn bản không có tệp đính kèm số {}.", position),
                fmt::format("The directive has no attachment {}.", position));
  }
  return AttachmentFile{std::move(found->first), std::move(found->second)};
}

}  // namespace dk::service
