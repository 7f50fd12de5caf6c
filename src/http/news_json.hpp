#pragma once
// A news post as the API shows it, in the news list, on its page and in a bulletin.

#include <boost/json.hpp>

#include "service/news.hpp"

namespace dk::http {

// `full`: with the body as written (for those who edit it) and as HTML; otherwise the HTML only
// for an announcement (short, read in the list) and neither for the rest.
boost::json::object news_json(const service::NewsView& view, std::string_view language, bool full);

}  // namespace dk::http
