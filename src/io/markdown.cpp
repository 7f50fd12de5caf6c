#include "io/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace dk::io {
namespace {

// Safe is cmark-gfm's default (CMARK_OPT_UNSAFE is never set here).
constexpr int kOptions = CMARK_OPT_HARDBREAKS | CMARK_OPT_VALIDATE_UTF8;

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CharFree {
  void operator()(char* text) const { std::free(text); }
};

}  // namespace

std::string render_markdown(std::string_view markdown) {
  // The extensions' registry is process-wide and not safe to fill from two threads at once.
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(kOptions));
  // tagfilter also disarms the few tags GFM would pass through if raw HTML were ever allowed.
  for (const char* name : {"autolink", "strikethrough", "table", "tagfilter"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));
  std::unique_ptr<char, CharFree> html(cmark_render_html(
      document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace dk::io
