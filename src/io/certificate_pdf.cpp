#include "io/certificate_pdf.hpp"

#include <algorithm>

#include "io/pdf_text.hpp"

namespace dk::io {
namespace {

// A4 in landscape, in PDF points, with a frame 12 mm in from the edge.
constexpr double kPageWidth = 297 * kPointsPerMillimetre;
constexpr double kPageHeight = 210 * kPointsPerMillimetre;
constexpr double kFrame = 12 * kPointsPerMillimetre;
constexpr double kMargin = 24 * kPointsPerMillimetre;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;

struct Labels {
  const char* nation;
  const char* motto;
  const char* title;
  const char* certifies;
  const char* unit;
  const char* document;
};

constexpr Labels kVietnamese{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                             "Độc lập - Tự do - Hạnh phúc",
                             "GIẤY CHỨNG NHẬN",
                             "Chứng nhận",
                             "Đơn vị: ",
                             "Giấy chứng nhận"};
constexpr Labels kEnglish{"SOCIALIST REPUBLIC OF VIETNAM",
                          "Independence - Freedom - Happiness",
                          "CERTIFICATE",
                          "This certifies that",
                          "Department: ",
                          "Certificate"};

// The official papers' red, for the title.
constexpr double kRed[] = {0.75, 0.07, 0.07};

std::string upper(std::string_view text) {
  gchar* folded = g_utf8_strup(text.data(), static_cast<gssize>(text.size()));
  std::string result = folded;
  g_free(folded);
  return result;
}

class Page {
 public:
  Page(cairo_t* cairo, PangoContext* context) : cairo_(cairo), context_(context) {}

  GObject<PangoLayout> layout(const std::string& text, Style style, double width,
                              PangoAlignment alignment = PANGO_ALIGN_CENTER) const {
    GObject<PangoLayout> layout{pango_layout_new(context_)};
    auto font = font_of(style);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), pango_units(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), alignment);
    // At most three lines for any one text, so that nothing runs off the frame.
    pango_layout_set_height(layout.get(), -3);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    const std::string safe = printable(text);
    pango_layout_set_text(layout.get(), safe.data(), static_cast<int>(safe.size()));
    return layout;
  }

  // Draws `text` at `x`, `y` (its top) and returns its height.
  double put(const std::string& text, Style style, double x, double y, double width,
             PangoAlignment alignment = PANGO_ALIGN_CENTER) {
    auto block = layout(text, style, width, alignment);
    cairo_move_to(cairo_, x, y);
    pango_cairo_show_layout(cairo_, block.get());
    return height_of(block.get());
  }

  void frame() {
    cairo_save(cairo_);
    cairo_set_source_rgb(cairo_, kRed[0], kRed[1], kRed[2]);
    cairo_set_line_width(cairo_, 2.5);
    cairo_rectangle(cairo_, kFrame, kFrame, kPageWidth - 2 * kFrame, kPageHeight - 2 * kFrame);
    cairo_stroke(cairo_);
    cairo_set_line_width(cairo_, 0.8);
    const double inset = kFrame + 4;
    cairo_rectangle(cairo_, inset, inset, kPageWidth - 2 * inset, kPageHeight - 2 * inset);
    cairo_stroke(cairo_);
    cairo_restore(cairo_);
  }

  void rule(double x, double y, double width) {
    cairo_move_to(cairo_, x, y);
    cairo_line_to(cairo_, x + width, y);
    cairo_set_line_width(cairo_, 0.6);
    cairo_stroke(cairo_);
  }

  cairo_t* cairo() const { return cairo_; }

 private:
  cairo_t* cairo_;
  PangoContext* context_;
};

void paint(Page& page, const CertificateDocument& document, const Labels& labels) {
  page.frame();
  const double half = kContentWidth / 2;
  // Top left: the superior above the issuer, in capitals, the issuer bold and underlined.
  double left = kMargin;
  if (!document.superior.empty())
    left += page.put(upper(one_line(document.superior)), Style{12}, kMargin, left, half - 20);
  left +=
      page.put(upper(one_line(document.issuer)), Style{12, Weight::bold}, kMargin, left, half - 20);
  page.rule(kMargin + half / 2 - 50, left + 2, 80);
  if (!document.number.empty())
    page.put(one_line(document.number), Style{12}, kMargin, left + 6, half - 20);
  // Top right: the national title and motto.
  double right = kMargin;
  right += page.put(labels.nation, Style{12, Weight::bold}, kMargin + half, right, half);
  right += page.put(labels.motto, Style{13, Weight::bold}, kMargin + half, right, half);
  page.rule(kMargin + half + half / 2 - 80, right + 2, 160);

  double y = std::max(left, right) + 52;
  cairo_save(page.cairo());
  cairo_set_source_rgb(page.cairo(), kRed[0], kRed[1], kRed[2]);
  y += page.put(labels.title, Style{34, Weight::bold}, kMargin, y, kContentWidth) + 20;
  cairo_restore(page.cairo());
  y += page.put(labels.certifies, Style{16, Weight::regular, Slant::italic}, kMargin, y,
                kContentWidth) +
       10;
  y += page.put(one_line(document.recipient), Style{28, Weight::bold, Slant::italic}, kMargin, y,
                kContentWidth) +
       10;
  if (!document.recipient_unit.empty())
    y += page.put(std::string(labels.unit) + one_line(document.recipient_unit), Style{15}, kMargin,
                  y, kContentWidth) +
         18;
  y += page.put(document.achievement, Style{17, Weight::bold}, kMargin, y, kContentWidth) + 10;
  page.put(document.contest, Style{15}, kMargin, y, kContentWidth);

  // Bottom right: the place and date, then who signs.
  double sign = kPageHeight - kMargin - 150;
  sign += page.put(one_line(document.place_and_date), Style{13, Weight::regular, Slant::italic},
                   kMargin + half, sign, half) +
          4;
  sign += page.put(document.signer_title, Style{13, Weight::bold}, kMargin + half, sign, half);
  if (!document.signer_name.empty())
    page.put(one_line(document.signer_name), Style{14, Weight::bold}, kMargin + half, sign + 70,
             half);
}

std::unexpected<Error> render_failed(cairo_status_t status) {
  const std::string reason = cairo_status_to_string(status);
  return fail(ErrorKind::internal, "certificate.render_failed",
              "Không tạo được giấy chứng nhận PDF: " + reason,
              "Could not render the certificates PDF: " + reason);
}

}  // namespace

Result<std::string> render_certificates_pdf(std::span<const CertificateDocument> certificates) {
  if (certificates.empty()) {
    return fail(ErrorKind::invalid_input, "certificate.none", "Không có ai để cấp giấy chứng nhận.",
                "There is no one to give a certificate to.");
  }
  const bool english = certificates.front().language == "en";
  const Labels& labels = english ? kEnglish : kVietnamese;
  std::string pdf;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface{
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight)};
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
    return render_failed(status);
  const std::string title =
      std::string(labels.document) + " — " + one_line(certificates.front().contest);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 one_line(certificates.front().issuer).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Đoàn Kết");
  std::unique_ptr<cairo_t, CairoDestroy> cairo{cairo_create(surface.get())};
  auto context = pdf_context(cairo.get(), english ? "en" : "vi");
  Page page(cairo.get(), context.get());
  for (const CertificateDocument& certificate : certificates) {
    cairo_set_source_rgb(cairo.get(), 0, 0, 0);
    paint(page, certificate, labels);
    cairo_show_page(cairo.get());
  }
  if (auto status = cairo_status(cairo.get()); status != CAIRO_STATUS_SUCCESS)
    return render_failed(status);
  cairo.reset();
  cairo_surface_finish(surface.get());
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
    return render_failed(status);
  return pdf;
}

}  // namespace dk::io
