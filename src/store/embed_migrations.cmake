# Writes a C++ file holding every migration as a string, ordered by its number.
foreach(engine sqlite postgres)
  file(GLOB files ${SOURCE_DIR}/${engine}/*.sql)
  list(SORT files)
  set(entries "")
  foreach(path ${files})
    get_filename_component(name ${path} NAME_WE)
    string(REGEX MATCH "^[0-9]+" number ${name})
    math(EXPR version "${number}")
    file(READ ${path} sql)
    string(APPEND entries "    {${version}, \"${name}\", R\"doanket_sql(${sql})doanket_sql\"},\n")
  endforeach()
  set(${engine}_entries "${entries}")
endforeach()
file(WRITE ${OUTPUT} "// Generated from src/store/migrations by embed_migrations.cmake; do not edit.
#include \"store/migrations.hpp\"

namespace dk::store {
namespace {
constexpr Migration kSqlite[] = {
${sqlite_entries}};
constexpr Migration kPostgres[] = {
${postgres_entries}};
}  // namespace

std::span<const Migration> migrations_for(Engine engine) {
  if (engine == Engine::postgres) return kPostgres;
  return kSqlite;
}

}  // namespace dk::store
")
