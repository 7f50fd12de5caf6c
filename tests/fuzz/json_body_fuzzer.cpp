// A request body read by the API's strict reader, with the readers of every type the endpoints
// use: any bytes give fields or an error that names the field.
#include "fuzz_support.hpp"
#include "http/json_body.hpp"
#include "http/json_duplicate_keys.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dk::http::HttpRequest request;
  request.method = "POST";
  request.headers["content-type"] = "application/json";
  request.body = std::string(dk::fuzz::text_of(data, size));
  (void)dk::http::first_duplicate_key(request.body);
  auto body = dk::http::JsonBody::parse(request);
  if (!body) {
    dk::fuzz::check_error(body.error());
    return 0;
  }
  std::optional<std::string> name, note;
  std::optional<std::int64_t> amount;
  std::optional<std::optional<std::int64_t>> person;
  std::optional<std::optional<dk::CivilDate>> day;
  std::optional<bool> anonymous;
  std::optional<std::optional<dk::Instant>> starts;
  std::optional<std::vector<std::string>> days;
  std::optional<std::vector<std::int64_t>> ids;
  std::optional<std::vector<std::pair<std::string, std::int64_t>>> targets;
  for (const dk::Status& read :
       {body->text("name", name), body->text("note", note), body->integer("amount", amount),
        body->nullable_integer("person_id", person), body->date("paid_on", day),
        body->boolean("anonymous", anonymous), body->instant("starts_at", starts),
        body->texts("days", days), body->integers("organization_ids", ids),
        body->counts("targets", targets), body->finish()}) {
    if (!read) dk::fuzz::check_error(read.error());
  }
  return 0;
}
