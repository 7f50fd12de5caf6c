// Members' Markdown rendered for every reader (io/markdown.hpp): whatever the text, the HTML holds
// only the tags the renderer makes, no event-handler attribute, and no link or picture to a
// script address. Any other output is a way to run a writer's script in a reader's page.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "io/markdown.hpp"

namespace {

constexpr std::array<std::string_view, 26> kTags = {
    "p",     "br",    "strong", "em", "h1", "h2",  "h3",   "h4",        "h5",
    "h6",    "ul",    "ol",     "li", "a",  "img", "code", "pre",       "hr",
    "table", "thead", "tbody",  "tr", "th", "td",  "del",  "blockquote"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

bool dangerous_address(std::string_view value) {
  const std::string address = lower(value);
  if (address.starts_with("data:image/png") || address.starts_with("data:image/gif") ||
      address.starts_with("data:image/jpeg") || address.starts_with("data:image/webp"))
    return false;
  return address.starts_with("javascript:") || address.starts_with("vbscript:") ||
         address.starts_with("file:") || address.starts_with("data:");
}

// Checks one tag's inside, from after its name to its '>'.
void check_attributes(std::string_view inside) {
  std::size_t at = 0;
  while (at < inside.size()) {
    while (at < inside.size() && (inside[at] == ' ' || inside[at] == '/')) ++at;
    const std::size_t name_end = inside.find_first_of("= />", at);
    const std::string name = lower(inside.substr(at, name_end - at));
    if (name.empty()) break;
    if (name.starts_with("on") || name == "style") std::abort();
    at = name_end;
    if (at < inside.size() && inside[at] == '=') {
      if (at + 1 >= inside.size() || inside[at + 1] != '"') std::abort();  // always quoted
      const std::size_t close = inside.find('"', at + 2);
      if (close == std::string_view::npos) std::abort();
      const std::string_view value = inside.substr(at + 2, close - at - 2);
      if ((name == "href" || name == "src") && dangerous_address(value)) std::abort();
      at = close + 1;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html = dk::io::render_markdown(dk::fuzz::text_of(data, size));
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    if (html.compare(at, 4, "<!--") == 0) {  // what safe mode leaves of the writer's HTML
      const std::size_t end = html.find("-->", at);
      if (end == std::string::npos) std::abort();
      at = end + 3;
      continue;
    }
    const std::size_t start = at + (html.compare(at, 2, "</") == 0 ? 2 : 1);
    const std::size_t name_end = html.find_first_of(" />", start);
    if (name_end == std::string::npos) std::abort();
    const std::string name = lower(std::string_view(html).substr(start, name_end - start));
    if (std::ranges::find(kTags, name) == kTags.end()) std::abort();
    const std::size_t close = html.find('>', name_end);
    if (close == std::string::npos) std::abort();
    check_attributes(std::string_view(html).substr(name_end, close - name_end));
    at = close + 1;
  }
  return 0;
}
