#include "io/pdf_text.hpp"

#include <exception>

namespace dk::io {

// Right-to-left scripts still read right to left: Pango's own bidirectional algorithm places them.
std::string printable(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  while (!text.empty()) {
    const gchar* end = nullptr;
    if (g_utf8_validate_len(text.data(), text.size(), &end)) {
      valid.append(text);
      break;
    }
    const auto good = static_cast<std::size_t>(end - text.data());
    valid.append(text.substr(0, good));
    valid.append("\xEF\xBF\xBD");
    text.remove_prefix(good + 1);
  }
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto byte = static_cast<unsigned char>(valid[i]);
    if ((byte < 0x20 && byte != '\n') || byte == 0x7F) {
      out.push_back(' ');
      continue;
    }
    // U+202A-U+202E are E2 80 AA-AE; U+2066-U+2069 are E2 81 A6-A9.
    if (byte == 0xE2 && i + 2 < valid.size()) {
      const auto second = static_cast<unsigned char>(valid[i + 1]);
      const auto third = static_cast<unsigned char>(valid[i + 2]);
      if ((second == 0x80 && third >= 0xAA && third <= 0xAE) ||
          (second == 0x81 && third >= 0xA6 && third <= 0xA9)) {
        i += 2;
        continue;
      }
    }
    out.push_back(valid[i]);
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string line = printable(text);
  for (char& c : line) {
    if (c == '\n') c = ' ';
  }
  return line;
}

// Several server threads render receipts at once. Pango's objects (font map, context, layout) are
// not thread-safe, while fontconfig, HarfBuzz, FreeType access through cairo-ft and Cairo's own
// caches lock what they share. So each thread gets its own font map (Pango's documented model:
// its default cairo font map is per thread for the same reason) and every render its own context,
// layouts and surface. (With one font map shared by four threads, the test that renders from
// four threads at once deadlocked in Pango 1.50.) A global mutex would be as safe but would queue
// every receipt behind the one being drawn; a font map per thread costs one font cache per server
// thread, a fixed number.
PangoFontMap* thread_font_map() {
  thread_local GObject<PangoFontMap> font_map{pango_cairo_font_map_new()};
  return font_map.get();
}

std::unique_ptr<PangoFontDescription, FontDescriptionFree> font_of(Style style) {
  std::unique_ptr<PangoFontDescription, FontDescriptionFree> font{pango_font_description_new()};
  pango_font_description_set_family(font.get(), kFontFamily);
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_font_description_set_weight(
      font.get(), style.weight == Weight::bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(
      font.get(), style.slant == Slant::italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

double points(int pango_units) {
  return static_cast<double>(pango_units) / PANGO_SCALE;
}
int pango_units(double points) {
  return static_cast<int>(points * PANGO_SCALE);
}

double height_of(PangoLayout* layout) {
  int height = 0;
  pango_layout_get_size(layout, nullptr, &height);
  return points(height);
}

GObject<PangoContext> pdf_context(cairo_t* cairo, const char* language) {
  GObject<PangoContext> context{pango_font_map_create_context(thread_font_map())};
  pango_cairo_update_context(cairo, context.get());
  // Sizes are in PDF points, and glyphs sit where the font puts them: a PDF is not a screen, so
  // no hinting and no rounding to whole pixels.
  pango_cairo_context_set_resolution(context.get(), 72);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_language(context.get(), pango_language_from_string(language));
  return context;
}

// Cairo calls this for every chunk of the PDF; the bytes go to a string, not to a file.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::exception&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

#if defined(__SANITIZE_ADDRESS__)
// Fontconfig 2.14 leaks 288 bytes while parsing its configuration, once per process, when Pango
// first loads it. LeakSanitizer would fail every sanitized program that renders a receipt (the
// tests, the server under the API tests), so that library's leaks are not reported there.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
#endif

}  // namespace dk::io
