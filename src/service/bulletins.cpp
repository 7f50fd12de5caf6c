#include "service/bulletins.hpp"

#include <fmt/format.h>

#include "core/vietnamese_text.hpp"
#include "io/markdown.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/bulletin_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

Result<BulletinView> view_of(Connection& connection, const Actor& actor,
                             store::BulletinSummary summary) {
  BulletinView view;
  view.may_edit = may_address_members(actor.principal, summary.bulletin.organization_id);
  view.organization_name = std::move(summary.organization_name);
  view.introduction_html = io::render_markdown(summary.bulletin.introduction);
  view.posts = TRY(news_by_ids(connection, actor, summary.bulletin.post_ids));
  view.bulletin = std::move(summary.bulletin);
  return view;
}

Result<BulletinView> read(Connection& connection, const Actor& actor, Id id) {
  auto found = TRY(store::BulletinStore(connection).find(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "bulletin.not_found",
                fmt::format("Không có bản tin số {}.", id),
                fmt::format("There is no bulletin {}.", id));
  }
  return view_of(connection, actor, std::move(*found));
}

}  // namespace

Result<BulletinView> create_bulletin(Connection& connection, const Actor& actor,
                                     Bulletin bulletin) {
  if (!may_address_members(actor.principal, bulletin.organization_id)) return refuse();
  bulletin.tenant_id = actor.principal.tenant;
  bulletin.title = normalize_text(bulletin.title);
  bulletin.number = normalize_text(bulletin.number);
  TRY(validate_bulletin(bulletin));
  return store::in_transaction(connection, [&]() -> Result<BulletinView> {
    if (bulletin.organization_id) {
      auto organization =
          TRY(store::RegistryStore(connection)
                  .find_organization_by_id(bulletin.tenant_id, *bulletin.organization_id));
      if (!organization || organization->external) {
        return fail(ErrorKind::invalid_input, "organization.not_found",
                    "Không có tổ chức này trong cơ quan.", "There is no such organization.",
                    Location{0, "organization_id"});
      }
    }
    const auto posts = TRY(news_by_ids(connection, actor, bulletin.post_ids));
    for (std::size_t i = 0; i < bulletin.post_ids.size(); ++i) {
      const bool published = std::ranges::any_of(
          posts, [&](const NewsView& view) { return view.post.id == bulletin.post_ids[i]; });
      if (!published) {
        return fail(ErrorKind::invalid_input, "bulletin.post_not_found",
                    fmt::format("Không có tin bài số {} (hoặc đã gỡ).", bulletin.post_ids[i]),
                    fmt::format("There is no published post {}.", bulletin.post_ids[i]),
                    Location{0, fmt::format("post_ids[{}]", i)});
      }
    }
    bulletin.created_by = actor.principal.account_id;
    bulletin.created_at = actor.clock();
    const Bulletin stored = TRY(store::BulletinStore(connection).create(bulletin));
    TRY(record_audit(connection, actor, "create", "bulletin", stored.id,
                     fmt::format(R"({{"posts":{}}})", stored.post_ids.size())));
    return read(connection, actor, stored.id);
  });
}

Result<std::vector<BulletinView>> list_bulletins(Connection& connection, const Actor& actor) {
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<BulletinView>> {
    std::vector<BulletinView> views;
    for (auto& summary : TRY(store::BulletinStore(connection).list(actor.principal.tenant)))
      views.push_back(TRY(view_of(connection, actor, std::move(summary))));
    return views;
  });
}

Result<BulletinView> read_bulletin(Connection& connection, const Actor& actor, Id id) {
  return store::in_read_snapshot(connection, [&] { return read(connection, actor, id); });
}

}  // namespace dk::service
