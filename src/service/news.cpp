#include "service/news.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/directive.hpp"
#include "core/vietnamese_text.hpp"
#include "io/attachment_type.hpp"
#include "io/markdown.hpp"
#include "service/audit.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/news_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// How long a post stays pinned at most: a notice board is not an archive.
constexpr auto kLongestPin = std::chrono::days(92);

std::unexpected<Error> post_not_found(Id id) {
  return fail(ErrorKind::not_found, "news.not_found", fmt::format("Không có tin bài số {}.", id),
              fmt::format("There is no post {}.", id));
}

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

NewsView view_of(const Actor& actor, store::NewsSummary summary) {
  NewsView view;
  view.may_edit = may_address_members(actor.principal, summary.post.organization_id);
  view.may_comment = may_comment(actor.principal, summary.post);
  view.pinned = is_pinned(summary.post, actor.clock());
  if (!summary.post.video_url.empty()) view.video = parse_video_link(summary.post.video_url);
  view.organization_name = std::move(summary.organization_name);
  view.reads = summary.reads;
  view.comments = summary.comments;
  view.reactions = summary.reactions;
  view.read_by_me = summary.read_by_me;
  view.my_reaction = summary.my_reaction;
  view.post = std::move(summary.post);
  return view;
}

Result<NewsView> read_view(store::NewsStore& news, const Actor& actor, Id id) {
  auto found = TRY(news.find(actor.principal.tenant, id, actor.principal.person_id));
  if (!found) return post_not_found(id);
  NewsView view = view_of(actor, std::move(*found));
  if (view.post.withdrawn && !view.may_edit) return post_not_found(id);
  return view;
}

// The view of a post the actor may edit, for the use cases that change it.
Result<NewsView> editable(store::NewsStore& news, const Actor& actor, Id id) {
  auto view = TRY(read_view(news, actor, id));
  if (!view.may_edit) return refuse();
  return view;
}

Status check_pin(const std::optional<Instant>& pinned_until, Instant now) {
  if (!pinned_until) return {};
  if (*pinned_until <= now || *pinned_until > now + kLongestPin) {
    return invalid("pinned_until", "news.pin_invalid",
                   "Thời hạn ghim phải ở tương lai, trong vòng 3 tháng.",
                   "A post is pinned until a time in the future, within 3 months.");
  }
  return {};
}

// Normalises the texts, renders the body and checks the whole post.
Status prepare(NewsPost& post) {
  post.title = normalize_text(post.title);
  post.summary = normalize_text(post.summary);
  post.video_url = normalize_text(post.video_url);
  // The body keeps its lines: Markdown is made of them.
  post.body_html = io::render_markdown(post.body);
  return validate_post(post);
}

// The first `n` characters (code points) of a UTF-8 text.
std::string first_characters(std::string_view text, std::size_t n) {
  std::size_t count = 0;
  std::size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (count == n) break;
    ++count;
  }
  return std::string(text.substr(0, end));
}

NotificationEvent posted_event(const NewsPost& post, std::string_view organization) {
  NotificationEvent event;
  event.tenant_id = post.tenant_id;
  event.kind = NotificationKind::news_posted;
  event.created_at = post.created_at;
  event.link = fmt::format("/news/{}", post.id);
  const Text kind = label_of(post.kind);
  event.title =
      Text{fmt::format("{}: {}", kind.vi, post.title), fmt::format("{}: {}", kind.en, post.title)};
  std::string lead = post.summary;
  if (count_characters(lead) > 300) lead = first_characters(lead, 300) + "…";
  const std::string body = organization.empty() ? lead : fmt::format("{} — {}", organization, lead);
  event.body = Text{body, body};
  return event;
}

}  // namespace

Result<NewsView> publish_news(Connection& connection, const Actor& actor, NewsDraft draft) {
  if (!may_address_members(actor.principal, draft.organization_id)) return refuse();
  NewsPost post;
  post.tenant_id = actor.principal.tenant;
  post.organization_id = draft.organization_id;
  post.kind = draft.kind;
  post.title = std::move(draft.title);
  post.summary = std::move(draft.summary);
  post.body = std::move(draft.body);
  post.video_url = std::move(draft.video_url);
  post.pinned_until = draft.pinned_until;
  post.comments_open = draft.comments_open;
  TRY(prepare(post));
  TRY(check_pin(post.pinned_until, actor.clock()));
  store::NewsStore news(connection);
  auto published = store::in_transaction(connection, [&]() -> Result<NewsView> {
    std::string organization_name;
    if (post.organization_id) {
      auto organization = TRY(store::RegistryStore(connection)
                                  .find_organization_by_id(post.tenant_id, *post.organization_id));
      if (!organization || organization->external) {
        return invalid("organization_id", "organization.not_found",
                       "Không có tổ chức này trong cơ quan.", "There is no such organization.");
      }
      organization_name = organization->name;
    }
    post.created_by = actor.principal.account_id;
    post.created_at = post.updated_at = actor.clock();
    const NewsPost stored = TRY(news.create(post));
    if (draft.notify) {
      TRY(publish_notification(connection, posted_event(stored, organization_name),
                               store::member_recipients(stored.organization_id)));
    }
    TRY(record_audit(connection, actor, "publish", "news", stored.id,
                     fmt::format(R"({{"kind":"{}"}})", code_of(stored.kind))));
    return read_view(news, actor, stored.id);
  });
  if (published && draft.notify) signal_notified(actor.principal.tenant);
  return published;
}

Result<NewsFeed> news_feed(Connection& connection, const Actor& actor, const NewsQuery& query) {
  store::NewsStore news(connection);
  store::NewsFilter filter;
  filter.organization_id = query.organization_id;
  filter.kind = query.kind;
  filter.before = query.before;
  filter.limit = std::clamp<std::size_t>(query.limit, 1, 50);
  // Withdrawn posts are listed for those who run some organization's news; kept below if theirs.
  filter.withdrawn =
      actor.principal.administrator || actor.principal.leadership || actor.principal.is_officer();
  return store::in_read_snapshot(connection, [&]() -> Result<NewsFeed> {
    NewsFeed feed;
    const Instant now = actor.clock();
    const Id reader = actor.principal.person_id;
    if (!query.before) {
      for (auto& summary : TRY(news.list(actor.principal.tenant, reader, filter, now, now)))
        feed.pinned.push_back(view_of(actor, std::move(summary)));
    }
    // One more than asked tells whether there is a next page.
    store::NewsFilter page = filter;
    page.limit = filter.limit + 1;
    auto rows = TRY(news.list(actor.principal.tenant, reader, page, std::nullopt, now));
    const bool more = rows.size() > filter.limit;
    if (more) rows.resize(filter.limit);
    for (auto& summary : rows) {
      NewsView view = view_of(actor, std::move(summary));
      if (view.post.withdrawn && !view.may_edit) continue;
      feed.posts.push_back(std::move(view));
    }
    if (more && !rows.empty()) feed.next_before = rows.back().post.id;
    return feed;
  });
}

Result<NewsPage> read_news(Connection& connection, const Actor& actor, Id id) {
  store::NewsStore news(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<NewsPage> {
    NewsPage page;
    page.view = TRY(read_view(news, actor, id));
    page.comments = TRY(news.comments(actor.principal.tenant, id, page.view.may_edit));
    return page;
  });
}

Result<std::vector<NewsView>> news_by_ids(Connection& connection, const Actor& actor,
                                          const std::vector<Id>& ids) {
  store::NewsStore news(connection);
  std::vector<NewsView> views;
  for (auto& summary : TRY(news.posts(actor.principal.tenant, ids))) {
    NewsView view = view_of(actor, std::move(summary));
    if (!view.post.withdrawn) views.push_back(std::move(view));
  }
  return views;
}

Result<NewsView> edit_news(Connection& connection, const Actor& actor, Id id, NewsChange change) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    NewsView view = TRY(editable(news, actor, id));
    NewsPost post = view.post;
    if (change.title) post.title = std::move(*change.title);
    if (change.summary) post.summary = std::move(*change.summary);
    if (change.body) post.body = std::move(*change.body);
    if (change.video_url) post.video_url = std::move(*change.video_url);
    if (change.comments_open) post.comments_open = *change.comments_open;
    if (change.pinned_until) {
      post.pinned_until = *change.pinned_until;
      TRY(check_pin(post.pinned_until, actor.clock()));
    }
    TRY(prepare(post));
    post.updated_at = actor.clock();
    TRY(news.update(post));
    TRY(record_audit(connection, actor, "edit", "news", id, "{}"));
    return read_view(news, actor, id);
  });
}

Result<NewsView> withdraw_news(Connection& connection, const Actor& actor, Id id) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    NewsView view = TRY(editable(news, actor, id));
    if (view.post.withdrawn) return view;
    view.post.withdrawn = true;
    view.post.pinned_until.reset();
    view.post.updated_at = actor.clock();
    TRY(news.update(view.post));
    TRY(record_audit(connection, actor, "withdraw", "news", id, "{}"));
    return read_view(news, actor, id);
  });
}

Result<NewsView> mark_news_read(Connection& connection, const Actor& actor, Id id) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    NewsView view = TRY(read_view(news, actor, id));
    if (actor.principal.person_id == 0 || view.read_by_me) return view;
    TRY(news.mark_read(actor.principal.tenant, id, actor.principal.person_id, actor.clock()));
    return read_view(news, actor, id);
  });
}

Result<NewsView> react_to_news(Connection& connection, const Actor& actor, Id id,
                               std::optional<Reaction> reaction) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    NewsView view = TRY(read_view(news, actor, id));
    if (!view.may_comment) return refuse();
    const Id tenant = actor.principal.tenant;
    const Id person = actor.principal.person_id;
    if (reaction) {
      TRY(news.set_reaction(tenant, id, person, *reaction, actor.clock()));
    } else {
      TRY(news.clear_reaction(tenant, id, person));
    }
    return read_view(news, actor, id);
  });
}

Result<NewsComment> comment_on_news(Connection& connection, const Actor& actor, Id id,
                                    std::string_view text) {
  std::string comment = TRY(check_comment(text));
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsComment> {
    NewsView view = TRY(read_view(news, actor, id));
    if (!view.may_comment) {
      if (actor.principal.person_id != 0 && !view.post.comments_open) {
        return fail(ErrorKind::conflict, "news.comments_closed", "Tin bài này đã khóa bình luận.",
                    "Comments on this post are closed.");
      }
      return refuse();
    }
    NewsComment written;
    written.post_id = id;
    written.person_id = actor.principal.person_id;
    written.text = std::move(comment);
    written.created_at = actor.clock();
    return news.add_comment(actor.principal.tenant, std::move(written));
  });
}

Result<NewsComment> moderate_comment(Connection& connection, const Actor& actor, Id id, Id comment,
                                     bool hidden, std::string_view reason) {
  const std::string why = normalize_text(reason);
  if (hidden && why.empty()) {
    return invalid("reason", "news.hide_reason_required", "Hãy ghi lý do ẩn bình luận.",
                   "Say why the comment is hidden.");
  }
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsComment> {
    TRY(editable(news, actor, id));
    auto found = TRY(news.comment(actor.principal.tenant, comment));
    if (!found || found->post_id != id) {
      return fail(ErrorKind::not_found, "news.comment_not_found", "Không có bình luận này.",
                  "There is no such comment.");
    }
    TRY(news.set_comment_hidden(actor.principal.tenant, comment,
                                hidden ? std::optional(actor.clock()) : std::nullopt,
                                actor.principal.account_id, why));
    TRY(record_audit(connection, actor, hidden ? "hide" : "restore", "news_comment", comment,
                     fmt::format(R"({{"post":{}}})", id)));
    auto stored = TRY(news.comment(actor.principal.tenant, comment));
    return std::move(*stored);
  });
}

Status delete_comment(Connection& connection, const Actor& actor, Id id, Id comment) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Status {
    NewsView view = TRY(read_view(news, actor, id));
    auto found = TRY(news.comment(actor.principal.tenant, comment));
    if (!found || found->post_id != id) {
      return fail(ErrorKind::not_found, "news.comment_not_found", "Không có bình luận này.",
                  "There is no such comment.");
    }
    const bool author =
        actor.principal.person_id != 0 && found->person_id == actor.principal.person_id;
    if (!author && !view.may_edit) return refuse();
    TRY(news.delete_comment(actor.principal.tenant, comment));
    TRY(record_audit(connection, actor, "delete", "news_comment", comment,
                     fmt::format(R"({{"post":{},"by_author":{}}})", id, author)));
    return {};
  });
}

Result<NewsView> add_news_photo(Connection& connection, const Actor& actor, Id id,
                                std::string_view file_name, std::string_view caption,
                                const std::string& content) {
  if (content.empty()) {
    return invalid("file", "attachment.empty", "Tệp gửi lên trống.", "The uploaded file is empty.");
  }
  if (static_cast<std::int64_t>(content.size()) > kMaxPhotoBytes) {
    return invalid("file", "attachment.too_large",
                   fmt::format("Ảnh lớn quá {} MB.", kMaxPhotoBytes >> 20),
                   fmt::format("The picture is larger than {} MB.", kMaxPhotoBytes >> 20));
  }
  const auto type = io::sniff_attachment(content);
  if (!type || !type->content_type.starts_with("image/")) {
    return invalid("file", "news.photo_type", "Chỉ nhận ảnh PNG, JPEG hoặc WebP.",
                   "Only PNG, JPEG or WebP pictures are accepted.");
  }
  const std::string note = normalize_text(caption);
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    NewsView view = TRY(editable(news, actor, id));
    if (view.post.photos.size() >= kMaxNewsPhotos) {
      return fail(ErrorKind::conflict, "news.too_many_photos",
                  fmt::format("Mỗi tin bài có tối đa {} ảnh.", kMaxNewsPhotos),
                  fmt::format("A post has at most {} photos.", kMaxNewsPhotos));
    }
    NewsPhoto photo;
    photo.caption = note;
    photo.file_name = attachment_file_name(file_name, type->extension);
    photo.content_type = std::string(type->content_type);
    photo.uploaded_by = actor.principal.account_id;
    photo.uploaded_at = actor.clock();
    const NewsPhoto added =
        TRY(news.add_photo(actor.principal.tenant, id, std::move(photo), content));
    TRY(record_audit(connection, actor, "add_photo", "news", id,
                     fmt::format(R"({{"position":{},"size":{}}})", added.position, added.size)));
    return read_view(news, actor, id);
  });
}

Result<PhotoFile> news_photo(Connection& connection, const Actor& actor, Id id, int position) {
  store::NewsStore news(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<PhotoFile> {
    TRY(read_view(news, actor, id));
    auto found = TRY(news.photo(actor.principal.tenant, id, position));
    if (!found) {
      return fail(ErrorKind::not_found, "news.photo_not_found", "Không có ảnh này.",
                  "There is no such photo.");
    }
    return PhotoFile{std::move(found->first), std::move(found->second)};
  });
}

Result<NewsView> remove_news_photo(Connection& connection, const Actor& actor, Id id,
                                   int position) {
  store::NewsStore news(connection);
  return store::in_transaction(connection, [&]() -> Result<NewsView> {
    TRY(editable(news, actor, id));
    if (!TRY(news.remove_photo(actor.principal.tenant, id, position))) {
      return fail(ErrorKind::not_found, "news.photo_not_found", "Không có ảnh này.",
                  "There is no such photo.");
    }
    TRY(record_audit(connection, actor, "remove_photo", "news", id,
                     fmt::format(R"({{"position":{}}})", position)));
    return read_view(news, actor, id);
  });
}

std::string preview_news_body(std::string_view markdown) {
  return io::render_markdown(markdown);
}

}  // namespace dk::service
