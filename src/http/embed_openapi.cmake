# Merges the OpenAPI document from its pieces in src/http/openapi/ (see the README there) and writes
# a C++ file that holds it as a string. The build runs it (src/http/CMakeLists.txt); by hand:
#   cmake -DINPUT_DIR=src/http/openapi -DAREAS=server.json,session.json,... -DOUTPUT=/tmp/openapi.cpp
#         -P src/http/embed_openapi.cmake
#
# base.json comes first, then the areas in the order of AREAS (comma-separated). An area holds
# "paths" and "components" only. Each path and each component (components.<section>.<name>) is
# defined in one piece; if two define it, the build fails naming both files.
#
# The pieces are parsed and checked with string(JSON), but the document is put together from their
# text: string(JSON) would sort every object by key, and the document keeps the order written in
# the pieces (paths by area, as in each file) and their formatting.
cmake_minimum_required(VERSION 3.25)

foreach(variable INPUT_DIR AREAS OUTPUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "embed_openapi: -D${variable}=... is missing (see the top of this script)")
  endif()
endforeach()

# Splits the JSON object <text> into its members in the order they are written. Sets <prefix>_n
# and, for each member k (from 0), <prefix>_key_<k>, <prefix>_member_<k> (the text '"key": value'
# as written) and <prefix>_value_<k> (the value's text). Each cut is checked against string(JSON).
function(_oa_split prefix text where)
  string(STRIP "${text}" text)
  string(JSON type ERROR_VARIABLE error TYPE "${text}")
  if(error)
    message(FATAL_ERROR "embed_openapi: ${where} is not valid JSON: ${error}")
  elseif(NOT type STREQUAL "OBJECT")
    message(FATAL_ERROR "embed_openapi: ${where} should be a JSON object, not ${type}")
  endif()
  string(JSON n LENGTH "${text}")
  set(${prefix}_n ${n} PARENT_SCOPE)
  if(n EQUAL 0)
    return()
  endif()
  math(EXPR last "${n} - 1")

  # Where each key starts. In a pretty-printed object the members' keys start a line at the first
  # member's indentation, which a key of the same name deeper inside cannot.
  set(line_start "")
  if(text MATCHES "^{\r?\n([ \t]*)\"")
    set(line_start "\n${CMAKE_MATCH_1}")
  endif()
  string(LENGTH "${line_start}" skip)
  set(order "")
  foreach(i RANGE ${last})
    string(JSON key MEMBER "${text}" ${i})
    string(FIND "${text}" "${line_start}\"${key}\"" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "embed_openapi: ${where}: cannot find the key \"${key}\" as written; "
                          "write keys without escapes, one member a line as the other files do")
    endif()
    math(EXPR at "${at} + ${skip}")
    set(start_${i} ${at})
    string(LENGTH "${at}" digits)
    math(EXPR zeros "12 - ${digits}")
    string(REPEAT "0" ${zeros} padding)
    list(APPEND order "${padding}${at}:${i}")
  endforeach()
  list(SORT order)

  # A member runs from its key to the next member's key (less the comma), the last to the "}".
  string(LENGTH "${text}" end)
  math(EXPR end "${end} - 1")
  set(k 0)
  foreach(entry IN LISTS order)
    string(REGEX REPLACE "^.*:" "" i "${entry}")
    if(k EQUAL last)
      set(stop ${end})
    else()
      math(EXPR next "${k} + 1")
      list(GET order ${next} following)
      string(REGEX REPLACE "^.*:" "" following "${following}")
      set(stop ${start_${following}})
    endif()
    math(EXPR length "${stop} - ${start_${i}}")
    string(SUBSTRING "${text}" ${start_${i}} ${length} member)
    string(STRIP "${member}" member)
    if(line_start)
      # Another key at the members' indentation: string(JSON) keeps the last of two equal keys.
      string(FIND "${member}" "${line_start}\"" extra)
      if(NOT extra EQUAL -1)
        math(EXPR extra "${extra} + ${skip} + 1")
        string(SUBSTRING "${member}" ${extra} -1 twice)
        string(REGEX MATCH "^[^\"]*" twice "${twice}")
        message(FATAL_ERROR "embed_openapi: ${where}: \"${twice}\" is written twice")
      endif()
    endif()
    if(NOT k EQUAL last)
      string(REGEX REPLACE ",$" "" member "${member}")
      string(STRIP "${member}" member)
    endif()
    string(JSON key MEMBER "${text}" ${i})
    string(LENGTH "\"${key}\"" key_length)
    string(SUBSTRING "${member}" ${key_length} -1 value)
    string(STRIP "${value}" value)
    string(REGEX REPLACE "^:" "" value "${value}")
    string(STRIP "${value}" value)

    # The cut must hold exactly this member, with the value string(JSON) reads.
    string(JSON count ERROR_VARIABLE error LENGTH "{${member}}")
    set(same FALSE)
    if(NOT error AND count EQUAL 1)
      string(JSON type_read TYPE "${text}" "${key}")
      string(JSON type_cut TYPE "{${member}}" "${key}")
      string(JSON value_read GET "${text}" "${key}")
      string(JSON value_cut GET "{${member}}" "${key}")
      if(type_read STREQUAL type_cut AND value_read STREQUAL value_cut)
        set(same TRUE)
      endif()
    endif()
    if(NOT same)
      message(FATAL_ERROR "embed_openapi: ${where}: cannot tell where \"${key}\" ends. Is a key "
                          "written twice in this object, or \"${key}\" also a key deeper inside "
                          "a member before it, at the same indentation?")
    endif()

    set(${prefix}_key_${k} "${key}" PARENT_SCOPE)
    set(${prefix}_member_${k} "${member}" PARENT_SCOPE)
    set(${prefix}_value_${k} "${value}" PARENT_SCOPE)
    math(EXPR k "${k} + 1")
  endforeach()
endfunction()

# Adds a member to the merged object <container> ("paths" or a components section), failing if an
# earlier piece defined the same key.
function(_oa_add container key member file)
  string(MD5 id "${container}\n${key}")
  if(DEFINED owner_${id})
    if(container STREQUAL "paths")
      set(what "the path \"${key}\"")
    else()
      set(what "components.${container}.${key}")
    endif()
    message(FATAL_ERROR "embed_openapi: ${what} is defined twice, in ${owner_${id}} and in "
                        "${file} (src/http/openapi/); keep one")
  endif()
  set(owner_${id} "${file}" PARENT_SCOPE)
  set(n ${merged_${container}_n})
  set(merged_${container}_${n} "${member}" PARENT_SCOPE)
  math(EXPR n "${n} + 1")
  set(merged_${container}_n ${n} PARENT_SCOPE)
endfunction()

# The merged object <container> as text, its members one a line as json.dumps(indent=1) writes:
# the pieces hold them at the same depth, so their own lines keep their indentation.
function(_oa_object out container depth)
  if(merged_${container}_n EQUAL 0)
    set(${out} "{}" PARENT_SCOPE)
    return()
  endif()
  string(REPEAT " " ${depth} indent)
  set(text "{")
  math(EXPR last "${merged_${container}_n} - 1")
  foreach(k RANGE ${last})
    if(k GREATER 0)
      string(APPEND text ",")
    endif()
    string(APPEND text "\n ${indent}${merged_${container}_${k}}")
  endforeach()
  set(${out} "${text}\n${indent}}" PARENT_SCOPE)
endfunction()

string(REPLACE "," ";" areas "${AREAS}")
set(pieces base.json ${areas})
set(top "")                 # the document's members: base's in order, "paths" and "components"
set(sections "")            # the components sections, in the order first met
set(merged_paths_n 0)
foreach(file IN LISTS pieces)
  if(NOT EXISTS "${INPUT_DIR}/${file}")
    message(FATAL_ERROR "embed_openapi: ${INPUT_DIR}/${file} does not exist")
  endif()
  file(READ "${INPUT_DIR}/${file}" text)
  _oa_split(piece "${text}" "${file}")
  if(piece_n EQUAL 0)
    continue()
  endif()
  math(EXPR last "${piece_n} - 1")
  foreach(i RANGE ${last})
    set(key "${piece_key_${i}}")
    if(key STREQUAL "paths" OR key STREQUAL "components")
      if(NOT key IN_LIST top)
        list(APPEND top "${key}")
      endif()
    elseif(file STREQUAL "base.json")
      set(base_member_${i} "${piece_member_${i}}")
      list(APPEND top "base:${i}")
      continue()
    else()
      message(FATAL_ERROR "embed_openapi: ${file} has \"${key}\"; an area holds only paths and "
                          "components, the rest belongs in base.json")
    endif()

    if(key STREQUAL "paths")
      _oa_split(path "${piece_value_${i}}" "paths of ${file}")
      if(path_n GREATER 0)
        math(EXPR path_last "${path_n} - 1")
        foreach(p RANGE ${path_last})
          _oa_add(paths "${path_key_${p}}" "${path_member_${p}}" "${file}")
        endforeach()
      endif()
    else()
      _oa_split(section "${piece_value_${i}}" "components of ${file}")
      if(section_n GREATER 0)
        math(EXPR section_last "${section_n} - 1")
        foreach(s RANGE ${section_last})
          set(name "${section_key_${s}}")
          if(NOT name MATCHES "^[A-Za-z]+$")
            message(FATAL_ERROR "embed_openapi: ${file}: \"${name}\" is not a components section")
          endif()
          if(NOT name IN_LIST sections)
            list(APPEND sections "${name}")
            set(merged_${name}_n 0)
          endif()
          _oa_split(entry "${section_value_${s}}" "components.${name} of ${file}")
          if(entry_n GREATER 0)
            math(EXPR entry_last "${entry_n} - 1")
            foreach(e RANGE ${entry_last})
              _oa_add(${name} "${entry_key_${e}}" "${entry_member_${e}}" "${file}")
            endforeach()
          endif()
        endforeach()
      endif()
    endif()
  endforeach()
endforeach()

# The document, laid out as the pieces are (json.dumps(indent=1)).
set(document "{")
set(separator "\n")
foreach(member IN LISTS top)
  if(member STREQUAL "paths")
    _oa_object(object paths 1)
    set(text "\"paths\": ${object}")
  elseif(member STREQUAL "components")
    set(text "\"components\": {")
    set(inner "\n")
    foreach(name IN LISTS sections)
      _oa_object(object ${name} 2)
      string(APPEND text "${inner}  \"${name}\": ${object}")
      set(inner ",\n")
    endforeach()
    if(sections)
      string(APPEND text "\n }")
    else()
      string(APPEND text "}")
    endif()
  else()
    string(REPLACE "base:" "" i "${member}")
    set(text "${base_member_${i}}")
  endif()
  string(APPEND document "${separator} ${text}")
  set(separator ",\n")
endforeach()
string(APPEND document "\n}\n")

string(JSON type ERROR_VARIABLE error TYPE "${document}")
if(error)
  message(FATAL_ERROR "embed_openapi: the merged document is not valid JSON: ${error}")
endif()
string(FIND "${document}" ")doanket_json\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "embed_openapi: the document contains )doanket_json\", which ends the raw "
                      "string; change the delimiter in this script")
endif()

file(WRITE "${OUTPUT}" "// Generated from src/http/openapi/*.json by embed_openapi.cmake; do not edit.
#include \"http/openapi.hpp\"

namespace dk::http {

std::string_view openapi_json() {
  return R\"doanket_json(${document})doanket_json\";
}

}  // namespace dk::http
")
