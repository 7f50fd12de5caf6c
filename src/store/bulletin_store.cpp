#include "store/bulletin_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

std::string bulletins_query(std::string_view where) {
  return fmt::format(
      "SELECT b.id, b.tenant_id, b.organization_id, b.title, b.number, b.issued_on, "
      "b.introduction, b.created_by, b.created_at, COALESCE(o.name, '') FROM bulletins b LEFT "
      "JOIN organizations o ON o.tenant_id = b.tenant_id AND o.id = b.organization_id WHERE "
      "b.tenant_id = $1{} ORDER BY b.issued_on DESC, b.id DESC",
      where);
}

BulletinSummary bulletin_at(const SqlRow& row) {
  BulletinSummary summary;
  Bulletin& bulletin = summary.bulletin;
  bulletin.id = row.integer(0);
  bulletin.tenant_id = row.integer(1);
  bulletin.organization_id = optional_integer(row, 2);
  bulletin.title = row.text(3);
  bulletin.number = row.text(4);
  bulletin.issued_on = parse_civil_date(row.text(5)).value_or(CivilDate{});
  bulletin.introduction = row.text(6);
  bulletin.created_by = row.integer(7);
  bulletin.created_at = instant_of(row.integer(8));
  summary.organization_name = row.text(9);
  return summary;
}

}  // namespace

Result<Bulletin> BulletinStore::create(Bulletin bulletin) {
  bulletin.id = TRY(reserve_ids(connection_, bulletin.tenant_id, "bulletins", 1));
  const SqlValue row[] = {
      bulletin.tenant_id,    bulletin.id,         nullable(bulletin.organization_id),
      bulletin.title,        bulletin.number,     format_iso(bulletin.issued_on),
      bulletin.introduction, bulletin.created_by, seconds_of(bulletin.created_at)};
  TRY(connection_.execute(
      "INSERT INTO bulletins (tenant_id, id, organization_id, title, number, issued_on, "
      "introduction, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      row));
  for (std::size_t i = 0; i < bulletin.post_ids.size(); ++i) {
    const SqlValue item[] = {bulletin.tenant_id, bulletin.id, static_cast<std::int64_t>(i),
                             bulletin.post_ids[i]};
    TRY(connection_.execute(
        "INSERT INTO bulletin_posts (tenant_id, bulletin_id, position, post_id) VALUES ($1, $2, "
        "$3, $4)",
        item));
  }
  return bulletin;
}

Result<std::optional<BulletinSummary>> BulletinStore::find(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  auto found = TRY(query_one(connection_, bulletins_query(" AND b.id = $2"), params, bulletin_at));
  if (!found) return found;
  found->bulletin.post_ids = TRY(query_all(
      connection_,
      "SELECT post_id FROM bulletin_posts WHERE tenant_id = $1 AND bulletin_id = $2 ORDER BY "
      "position",
      params, [](const SqlRow& row) { return row.integer(0); }));
  return found;
}

Result<std::vector<BulletinSummary>> BulletinStore::list(Id tenant) {
  const SqlValue params[] = {tenant};
  auto all = TRY(query_all(connection_, bulletins_query(""), params, bulletin_at));
  std::map<Id, BulletinSummary*> by_id;
  for (BulletinSummary& summary : all) by_id[summary.bulletin.id] = &summary;
  TRY(connection_.query(
      "SELECT bulletin_id, post_id FROM bulletin_posts WHERE tenant_id = $1 ORDER BY bulletin_id, "
      "position",
      params, [&](const SqlRow& row) -> Status {
        if (auto found = by_id.find(row.integer(0)); found != by_id.end())
          found->second->bulletin.post_ids.push_back(row.integer(1));
        return {};
      }));
  return all;
}

}  // namespace dk::store
