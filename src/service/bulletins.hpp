#pragma once
// Bulletins (bản tin): an organization's officers gather published posts into one numbered issue
// — "Bản tin Công đoàn, số 12/2026" — with an introduction, which the app lays out as one printable
// page (A4). Everyone of the agency reads them, as they read the news.

#include <optional>
#include <string>
#include <vector>

#include "core/news.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/news.hpp"

namespace dk::service {

struct BulletinView {
  Bulletin bulletin;
  std::string organization_name;
  std::string introduction_html;  // the introduction's Markdown, rendered as a post's body is
  std::vector<NewsView> posts;    // published ones, in the bulletin's order
  bool may_edit = false;
};

// The posts must be published ones of the agency.
Result<BulletinView> create_bulletin(Connection& connection, const Actor& actor, Bulletin bulletin);
// Newest issue first; their posts' titles and counts, not their photos' bytes.
Result<std::vector<BulletinView>> list_bulletins(Connection& connection, const Actor& actor);
Result<BulletinView> read_bulletin(Connection& connection, const Actor& actor, Id id);

}  // namespace dk::service
