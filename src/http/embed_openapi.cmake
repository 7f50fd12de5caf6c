# Writes a C++ file that holds openapi.json as a string.
file(READ ${INPUT} document)
file(WRITE ${OUTPUT} "// Generated from src/http/openapi.json by embed_openapi.cmake; do not edit.
#include \"http/openapi.hpp\"

namespace dk::http {

std::string_view openapi_json() {
  return R\"doanket_json(${document})doanket_json\";
}

}  // namespace dk::http
")
