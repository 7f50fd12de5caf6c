#pragma once
// The shapes most handlers answer with: a JSON value, and a list as {"items": […], "total": n}.
// For http/*.cpp only, which include Boost.JSON anyway.

#include <boost/json.hpp>

#include "http/api.hpp"

namespace dk::http {

inline HttpResponse ok(int status, const boost::json::value& json) {
  return json_response(status, boost::json::serialize(json));
}

inline HttpResponse items_response(boost::json::array items) {
  const auto total = static_cast<std::int64_t>(items.size());
  return ok(200, boost::json::object{{"items", std::move(items)}, {"total", total}});
}

}  // namespace dk::http
