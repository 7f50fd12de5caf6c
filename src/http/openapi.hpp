#pragma once
// The OpenAPI 3.1 description of /api/v1, merged from src/http/openapi/ at build time and
// compiled into the binary.

#include <string_view>

namespace dk::http {

std::string_view openapi_json();

}  // namespace dk::http
