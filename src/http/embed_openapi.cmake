# Merges the OpenAPI document from its pieces in src/http/openapi/ (see the README there) and writes
# a C++ file that holds it as a string. The build runs it (src/http/CMakeLists.txt); by hand:
#   cmake -DINPUT_DIR=src/http/openapi -DAREAS=server.json,session.json,... -DOUTPUT=/tmp/o.cpp
#         -P src/http/embed_openapi.cmake
# base.json comes first, then each area's paths and components. A path or a component defined in
# two pieces fails the build, naming both files. CMake's JSON writes objects with their keys in
# order, so the served document lists its paths alphabetically whatever the pieces' order.
cmake_minimum_required(VERSION 3.25)

foreach(variable INPUT_DIR AREAS OUTPUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "embed_openapi: -D${variable}=... is missing (see the top of this script)")
  endif()
endforeach()

function(read_piece file out)
  file(READ "${INPUT_DIR}/${file}" text)
  string(JSON type ERROR_VARIABLE error TYPE "${text}")
  if(error OR NOT type STREQUAL "OBJECT")
    message(FATAL_ERROR "embed_openapi: ${file} is not a JSON object: ${error}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

read_piece(base.json document)
# Who defined what, to name both files of a duplicate: owner_<md5 of group and name> = file.
string(REPLACE "," ";" areas "${AREAS}")
foreach(area IN LISTS areas)
  read_piece(${area} piece)
  string(JSON members LENGTH "${piece}")
  math(EXPR last "${members} - 1")
  foreach(i RANGE ${last})
    string(JSON top MEMBER "${piece}" ${i})
    if(NOT top MATCHES "^(paths|components)$")
      message(FATAL_ERROR "embed_openapi: ${area} holds “${top}”; an area holds paths and components")
    endif()
  endforeach()
  # Its paths, then each section of its components (schemas, parameters, responses…).
  set(groups "paths")
  string(JSON sections ERROR_VARIABLE none LENGTH "${piece}" components)
  if(NOT none AND sections GREATER 0)
    math(EXPR last "${sections} - 1")
    foreach(i RANGE ${last})
      string(JSON section MEMBER "${piece}" components ${i})
      list(APPEND groups "components.${section}")
    endforeach()
  endif()
  foreach(group IN LISTS groups)
    string(REPLACE "." ";" keys "${group}")
    string(JSON count ERROR_VARIABLE missing LENGTH "${piece}" ${keys})
    if(missing OR count EQUAL 0)
      continue()
    endif()
    # The group in the document so far (base.json may have none of it yet).
    string(JSON existing ERROR_VARIABLE absent GET "${document}" ${keys})
    if(absent)
      string(JSON document SET "${document}" ${keys} "{}")
    endif()
    math(EXPR last_member "${count} - 1")
    foreach(m RANGE ${last_member})
      string(JSON name MEMBER "${piece}" ${keys} ${m})
      string(MD5 owner "${group} ${name}")
      if(DEFINED owner_${owner})
        message(FATAL_ERROR "embed_openapi: ${group} “${name}” is defined twice, in "
                            "${owner_${owner}} and in ${area} (src/http/openapi/); keep one")
      endif()
      string(JSON taken ERROR_VARIABLE free GET "${document}" ${keys} "${name}")
      if(NOT free)
        message(FATAL_ERROR "embed_openapi: ${group} “${name}” is defined twice, in base.json "
                            "and in ${area} (src/http/openapi/); keep one")
      endif()
      set(owner_${owner} ${area})
      string(JSON value GET "${piece}" ${keys} "${name}")
      string(JSON document SET "${document}" ${keys} "${name}" "${value}")
    endforeach()
  endforeach()
endforeach()

file(WRITE ${OUTPUT} "// Generated from src/http/openapi/ by embed_openapi.cmake; do not edit.
#include \"http/openapi.hpp\"

namespace dk::http {

std::string_view openapi_json() {
  return R\"doanket_json(${document})doanket_json\";
}

}  // namespace dk::http
")
