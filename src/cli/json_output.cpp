#include "cli/json_output.hpp"

#include <boost/json.hpp>
#include <ostream>

namespace dk::cli {
namespace {

boost::json::value date_json(const std::optional<CivilDate>& date) {
  if (!date) return nullptr;
  return boost::json::value(format_iso(*date));
}

}  // namespace

std::string member_json(const MemberListing& listing) {
  const Person& person = listing.person;
  boost::json::object object{
      {"id", person.id},
      {"full_name", person.full_name},
      {"birth_date", date_json(person.birth_date)},
      {"gender",
       person.gender ? boost::json::value(code_of(*person.gender)) : boost::json::value(nullptr)},
      {"unit", listing.unit_name},
      {"position", person.position},
      {"phone", person.phone},
      {"email", person.email},
      {"id_number", person.id_number},
      {"address", person.address},
      {"organizations", listing.organization_codes},
  };
  if (listing.membership) {
    object["membership"] = boost::json::object{
        {"joined_on", date_json(listing.membership->joined_on)},
        {"card_number", listing.membership->card_number},
        {"status", code_of(listing.membership->status)},
        {"left_on", date_json(listing.membership->left_on)},
    };
  }
  return boost::json::serialize(object);
}

JsonArrayWriter::JsonArrayWriter(std::ostream& out) : out_(out) {
  out_ << "[";
}

void JsonArrayWriter::write(const std::string& element) {
  out_ << (first_ ? "\n  " : ",\n  ") << element;
  first_ = false;
}

void JsonArrayWriter::close() {
  out_ << (first_ ? "]\n" : "\n]\n");
}

}  // namespace dk::cli
