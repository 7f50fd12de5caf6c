#include "http/json_duplicate_keys.hpp"

// basic_parser's implementation is a header included in exactly one translation unit: this one.
#include <boost/json/basic_parser_impl.hpp>
#include <set>
#include <vector>

namespace dk::http {
namespace {

using boost::json::error_code;
using boost::json::string_view;

// A handler of Boost.JSON's push parser that remembers, for each object being read, the keys it
// has named so far, and stops at the first one named again.
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) {
    scopes_.push_back({false, {}, path_of_value()});
    return true;
  }
  bool on_array_end(std::size_t, error_code&) { return close(); }
  bool on_object_begin(error_code&) {
    scopes_.push_back({true, {}, path_of_value()});
    return true;
  }
  bool on_object_end(std::size_t, error_code&) { return close(); }
  bool on_string_part(string_view, std::size_t, error_code&) { return true; }
  bool on_string(string_view, std::size_t, error_code&) { return true; }
  bool on_key_part(string_view part, std::size_t, error_code&) {
    key_.append(part.data(), part.size());
    return true;
  }
  bool on_key(string_view part, std::size_t, error_code& error) {
    key_.append(part.data(), part.size());
    if (!scopes_.back().keys.insert(key_).second) {
      const std::string& path = scopes_.back().path;
      duplicate_ = path.empty() ? key_ : path + "." + key_;
      error = boost::json::error::extra_data;  // any error: it only stops the parser
      return false;
    }
    last_key_ = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
  bool on_double(double, string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }

  const std::optional<std::string>& duplicate() const { return duplicate_; }

 private:
  struct Scope {
    bool object = false;
    std::set<std::string, std::less<>> keys;
    std::string path;  // where this object or array is: "payer", "lines"
  };

  // The path of the value about to be read: the last key inside an object, the array's own path
  // inside an array (its items are not told apart).
  std::string path_of_value() const {
    if (scopes_.empty()) return "";
    const Scope& around = scopes_.back();
    if (!around.object) return around.path;
    return around.path.empty() ? last_key_ : around.path + "." + last_key_;
  }
  bool close() {
    scopes_.pop_back();
    return true;
  }

  std::vector<Scope> scopes_;
  std::string key_;
  std::string last_key_;
  std::optional<std::string> duplicate_;
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view json) {
  boost::json::parse_options options;
  options.max_depth = 16;
  boost::json::basic_parser<DuplicateKeyFinder> parser(options);
  error_code error;
  parser.write_some(false, json.data(), json.size(), error);
  return parser.handler().duplicate();
}

}  // namespace dk::http
