#pragma once
// Bulletins (bản tin): numbered issues that gather published posts (core/news.hpp).

#include <optional>
#include <string>
#include <vector>

#include "core/news.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct BulletinSummary {
  Bulletin bulletin;  // with its posts' ids in order
  std::string organization_name;
};

class BulletinStore {
 public:
  explicit BulletinStore(SqlConnection& connection) : connection_(connection) {}

  Result<Bulletin> create(Bulletin bulletin);
  Result<std::optional<BulletinSummary>> find(Id tenant, Id id);
  // Newest issue first.
  Result<std::vector<BulletinSummary>> list(Id tenant);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
