#pragma once
// What the PDFs we draw with Cairo and Pango share (io/receipt_pdf.hpp, io/certificate_pdf.hpp):
// user text made safe to lay out, the owning handles of Cairo's and Pango's objects, a font map
// per thread, Liberation Serif in a few styles, a Pango context set up for print, and Cairo's
// output gathered into a string. For io/ only.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>

namespace dk::io {

inline constexpr double kPointsPerMillimetre = 72.0 / 25.4;

// Metric-compatible with Times New Roman, the face of Vietnamese official papers, and it has
// every Vietnamese letter precomposed.
inline constexpr const char* kFontFamily = "Liberation Serif";

// User text as Pango may be given it: well-formed UTF-8 (a broken byte becomes U+FFFD, which also
// keeps a NUL from cutting the text short), control characters other than a line break made
// spaces, and the explicit bidirectional controls (U+202A-U+202E, U+2066-U+2069) dropped, so that
// a name cannot reverse how the rest of its line reads.
std::string printable(std::string_view text);
// The same on one line, for text that has room for one line only.
std::string one_line(std::string_view text);

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <class T>
using GObject = std::unique_ptr<T, GObjectUnref>;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
struct AttributesUnref {
  void operator()(PangoAttrList* attributes) const { pango_attr_list_unref(attributes); }
};
struct LayoutIterFree {
  void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};

// This thread's font map (Pango's objects are not thread-safe; see pdf_text.cpp).
PangoFontMap* thread_font_map();

enum class Weight { regular, bold };
enum class Slant { upright, italic };

struct Style {
  double size = 12;
  Weight weight = Weight::regular;
  Slant slant = Slant::upright;
};

std::unique_ptr<PangoFontDescription, FontDescriptionFree> font_of(Style style);

double points(int pango_units);
int pango_units(double points);
double height_of(PangoLayout* layout);

// A Pango context for drawing on `cairo` in PDF points, unhinted, for `language` ("vi", "en").
GObject<PangoContext> pdf_context(cairo_t* cairo, const char* language);

// For cairo_pdf_surface_create_for_stream: appends the PDF's bytes to the std::string `closure`.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace dk::io
