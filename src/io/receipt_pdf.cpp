#include "io/receipt_pdf.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "io/pdf_text.hpp"

namespace dk::io {
namespace {

// An A5 sheet in landscape, in PDF points: the size Vietnamese receipt books and accounting
// software print a phiếu thu on (two fit on an A4 sheet).
constexpr double kPageWidth = 210 * kPointsPerMillimetre;
constexpr double kPageHeight = 148 * kPointsPerMillimetre;
constexpr double kMarginLeft = 18 * kPointsPerMillimetre;
constexpr double kMarginRight = 15 * kPointsPerMillimetre;
constexpr double kMarginTop = 10 * kPointsPerMillimetre;
constexpr double kMarginBottom = 10 * kPointsPerMillimetre;
constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;

constexpr double kBodySize = 12;
constexpr double kHeaderSize = 11;
constexpr double kTitleSize = 17;
constexpr double kNoteSize = 13;
constexpr double kSmallSize = 10;

struct Labels {
  std::string_view title;
  std::string_view document;  // the PDF's title: "<document> <number>"
  std::string_view number;
  std::string_view date;
  std::string_view payer;
  std::string_view unit;
  std::string_view purpose;
  std::string_view fund;
  std::string_view amount;
  std::string_view words;
  std::string_view method;
  std::string_view reference;
  std::string_view payer_signs;
  std::string_view preparer_signs;
  std::string_view cashier_signs;
  std::string_view signature_hint;
  std::string_view continued;
};

constexpr Labels kVietnamese{
    .title = "PHIẾU THU",
    .document = "Phiếu thu",
    .number = "Số: ",
    .date = "Ngày: ",
    .payer = "Họ và tên người nộp tiền: ",
    .unit = "Đơn vị: ",
    .purpose = "Lý do nộp: ",
    .fund = "Quỹ / cuộc vận động: ",
    .amount = "Số tiền: ",
    .words = "Viết bằng chữ: ",
    .method = "Hình thức: ",
    .reference = "Nội dung chuyển khoản: ",
    .payer_signs = "Người nộp tiền",
    .preparer_signs = "Người lập phiếu",
    .cashier_signs = "Thủ quỹ",
    .signature_hint = "(Ký, họ tên)",
    .continued = "(tiếp theo)",
};

constexpr Labels kEnglish{
    .title = "RECEIPT",
    .document = "Receipt",
    .number = "No.: ",
    .date = "Date: ",
    .payer = "Received from: ",
    .unit = "Department: ",
    .purpose = "Purpose: ",
    .fund = "Fund / campaign: ",
    .amount = "Amount: ",
    .words = "In words: ",
    .method = "Payment method: ",
    .reference = "Transfer note: ",
    .payer_signs = "Payer",
    .preparer_signs = "Prepared by",
    .cashier_signs = "Cashier",
    .signature_hint = "(Signature, full name)",
    .continued = "(continued)",
};

// Writes the page's parts top to bottom and starts a new page when the next line does not fit.
class ReceiptPainter {
 public:
  ReceiptPainter(cairo_t* cairo, PangoContext* context, std::string continued_header)
      : cairo_(cairo), context_(context), continued_header_(std::move(continued_header)) {}

  // A paragraph of plain text (never markup), wrapped to `width`.
  GObject<PangoLayout> layout(std::string_view text, Style style, double width,
                              PangoAlignment alignment = PANGO_ALIGN_LEFT) const {
    GObject<PangoLayout> layout{pango_layout_new(context_)};
    auto font = font_of(style);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), pango_units(width));
    // A name without spaces still breaks, between characters, instead of running off the page.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), alignment);
    // Pango would print a hyphen where it breaks inside a word; on a receipt a hyphen that is not
    // in the name or the transfer note could be read as part of it, so none is added.
    std::unique_ptr<PangoAttrList, AttributesUnref> attributes{pango_attr_list_new()};
    pango_attr_list_insert(attributes.get(), pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout.get(), attributes.get());
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  // "Label: value", the value in `value_style`, wrapped to the full width.
  GObject<PangoLayout> field(std::string_view label, std::string_view value,
                             Style value_style) const {
    const std::string text = std::string(label) + printable(value);
    auto paragraph = layout(text, Style{}, kContentWidth);
    std::unique_ptr<PangoAttrList, AttributesUnref> attributes{
        pango_attr_list_copy(pango_layout_get_attributes(paragraph.get()))};
    const auto start = static_cast<guint>(label.size());
    if (value_style.weight == Weight::bold) {
      PangoAttribute* weight = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
      weight->start_index = start;
      weight->end_index = PANGO_ATTR_INDEX_TO_TEXT_END;
      pango_attr_list_insert(attributes.get(), weight);
    }
    if (value_style.slant == Slant::italic) {
      PangoAttribute* slant = pango_attr_style_new(PANGO_STYLE_ITALIC);
      slant->start_index = start;
      slant->end_index = PANGO_ATTR_INDEX_TO_TEXT_END;
      pango_attr_list_insert(attributes.get(), slant);
    }
    pango_layout_set_attributes(paragraph.get(), attributes.get());
    return paragraph;
  }

  // Draws the layout's lines at `x` from the current height down, starting a page between two
  // lines when the next one does not fit, so that text of any length is printed whole.
  void flow(PangoLayout* paragraph, double x) {
    std::unique_ptr<PangoLayoutIter, LayoutIterFree> line{pango_layout_get_iter(paragraph)};
    // Where the layout's top would be on this page; moved up when the layout continues on a new
    // one.
    double origin = y_;
    do {
      PangoRectangle extents;
      pango_layout_iter_get_line_extents(line.get(), nullptr, &extents);
      const double top = points(extents.y);
      const double bottom = top + points(extents.height);
      if (origin + bottom > kPageHeight - kMarginBottom && origin + top > page_top_) {
        new_page();
        origin = y_ - top;
      }
      const double baseline = points(pango_layout_iter_get_baseline(line.get()));
      cairo_move_to(cairo_, x + points(extents.x), origin + baseline);
      pango_cairo_show_layout_line(cairo_, pango_layout_iter_get_line_readonly(line.get()));
    } while (pango_layout_iter_next_line(line.get()));
    y_ = origin + height_of(paragraph);
  }

  // Draws a block that must stay on one page (it fits on an empty one) at `x`, top at `top`.
  void place(PangoLayout* block, double x, double top) {
    cairo_move_to(cairo_, x, top);
    pango_cairo_show_layout(cairo_, block);
  }

  // Starts a new page unless `height` more points fit on this one.
  void keep_together(double height) {
    if (y_ + height > kPageHeight - kMarginBottom && y_ > page_top_) new_page();
  }

  void skip(double height) { y_ += height; }
  double y() const { return y_; }
  double room_on_empty_page() const {
    return kPageHeight - kMarginBottom - kMarginTop - continued_header_height();
  }
  cairo_t* cairo() const { return cairo_; }

 private:
  double continued_header_height() const { return height_of(continued_header_layout().get()) + 6; }

  GObject<PangoLayout> continued_header_layout() const {
    auto header = layout(continued_header_, Style{kSmallSize, Weight::regular, Slant::italic},
                         kContentWidth, PANGO_ALIGN_RIGHT);
    // One line at most, so that a hostile receipt number cannot fill every page with its header.
    pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
    return header;
  }

  void new_page() {
    cairo_show_page(cairo_);
    y_ = kMarginTop;
    auto header = continued_header_layout();
    cairo_save(cairo_);
    cairo_set_source_rgb(cairo_, 0.3, 0.3, 0.3);
    place(header.get(), kMarginLeft, y_);
    cairo_restore(cairo_);
    y_ += continued_header_height();
    page_top_ = y_;
  }

  cairo_t* cairo_;
  PangoContext* context_;
  std::string continued_header_;
  double y_ = kMarginTop;
  double page_top_ = kMarginTop;
};

void paint_header(ReceiptPainter& painter, const ReceiptDocument& receipt) {
  // The agency above the organization, centred in a block at the top left, as on Vietnamese
  // official papers.
  constexpr double kBlockWidth = kContentWidth * 0.55;
  auto agency = painter.layout(printable(receipt.agency_name), Style{kHeaderSize}, kBlockWidth,
                               PANGO_ALIGN_CENTER);
  painter.flow(agency.get(), kMarginLeft);
  auto organization =
      painter.layout(printable(receipt.organization_name), Style{kHeaderSize, Weight::bold},
                     kBlockWidth, PANGO_ALIGN_CENTER);
  painter.flow(organization.get(), kMarginLeft);
}

void paint_title(ReceiptPainter& painter, const ReceiptDocument& receipt, const Labels& labels) {
  painter.skip(10);
  auto title = painter.layout(labels.title, Style{kTitleSize, Weight::bold}, kContentWidth,
                              PANGO_ALIGN_CENTER);
  painter.flow(title.get(), kMarginLeft);
  painter.skip(2);
  auto number = painter.layout(std::string(labels.number) + printable(receipt.number),
                               Style{kBodySize, Weight::bold}, kContentWidth, PANGO_ALIGN_CENTER);
  painter.flow(number.get(), kMarginLeft);
  auto date = painter.layout(std::string(labels.date) + printable(receipt.issued_on),
                             Style{kBodySize, Weight::regular, Slant::italic}, kContentWidth,
                             PANGO_ALIGN_CENTER);
  painter.flow(date.get(), kMarginLeft);
}

// The reversal in red, boxed, where nobody can miss it; a note too long for one page is printed
// in red without the box.
void paint_reversal(ReceiptPainter& painter, const ReceiptDocument& receipt) {
  if (receipt.reversed_note.empty()) return;
  constexpr double kPadding = 5;
  constexpr double kLine = 1.5;
  painter.skip(6);
  cairo_t* cairo = painter.cairo();
  cairo_save(cairo);
  cairo_set_source_rgb(cairo, 0.78, 0.0, 0.0);
  auto note = painter.layout(printable(receipt.reversed_note), Style{kNoteSize, Weight::bold},
                             kContentWidth - 2 * kPadding, PANGO_ALIGN_CENTER);
  const double box_height = height_of(note.get()) + 2 * kPadding;
  if (box_height <= painter.room_on_empty_page()) {
    painter.keep_together(box_height);
    const double top = painter.y();
    cairo_set_line_width(cairo, kLine);
    cairo_rectangle(cairo, kMarginLeft + kLine / 2, top + kLine / 2, kContentWidth - kLine,
                    box_height - kLine);
    cairo_stroke(cairo);
    painter.place(note.get(), kMarginLeft + kPadding, top + kPadding);
    painter.skip(box_height);
  } else {
    painter.flow(note.get(), kMarginLeft + kPadding);
  }
  cairo_restore(cairo);
}

void paint_fields(ReceiptPainter& painter, const ReceiptDocument& receipt, const Labels& labels) {
  painter.skip(8);
  const Style plain{};
  const Style bold{kBodySize, Weight::bold};
  const Style italic{kBodySize, Weight::regular, Slant::italic};
  struct Line {
    std::string_view label;
    const std::string& value;
    Style style;
    bool optional;
  };
  const std::array lines{
      Line{labels.payer, receipt.payer, bold, false},
      Line{labels.unit, receipt.payer_unit, plain, true},
      Line{labels.purpose, receipt.purpose, plain, true},
      Line{labels.fund, receipt.fund_name, plain, false},
      Line{labels.amount, receipt.amount_figures, bold, false},
      Line{labels.words, receipt.amount_words, italic, false},
      Line{labels.method, receipt.method, plain, false},
      Line{labels.reference, receipt.reference, plain, true},
  };
  for (const Line& line : lines) {
    if (line.optional && line.value.empty()) continue;
    auto paragraph = painter.field(line.label, line.value, line.style);
    painter.flow(paragraph.get(), kMarginLeft);
    painter.skip(3.5);
  }
}

// Three signature blocks side by side; the preparer's carries the recorder's name. A name gets at
// most three lines there (then "…"): the blocks must stay together on one page.
void paint_signatures(ReceiptPainter& painter, const ReceiptDocument& receipt,
                      const Labels& labels) {
  constexpr double kColumnWidth = kContentWidth / 3;
  constexpr double kSignatureSpace = 36;
  const std::array titles{labels.payer_signs, labels.preparer_signs, labels.cashier_signs};
  const std::array names{std::string(), printable(receipt.recorded_by), std::string()};
  std::array<GObject<PangoLayout>, 3> title_layouts;
  std::array<GObject<PangoLayout>, 3> hint_layouts;
  std::array<GObject<PangoLayout>, 3> name_layouts;
  double height = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    title_layouts[i] =
        painter.layout(titles[i], Style{kBodySize, Weight::bold}, kColumnWidth, PANGO_ALIGN_CENTER);
    hint_layouts[i] =
        painter.layout(labels.signature_hint, Style{kSmallSize, Weight::regular, Slant::italic},
                       kColumnWidth, PANGO_ALIGN_CENTER);
    name_layouts[i] = painter.layout(names[i], Style{kBodySize, Weight::bold}, kColumnWidth - 8,
                                     PANGO_ALIGN_CENTER);
    pango_layout_set_height(name_layouts[i].get(), -3);
    pango_layout_set_ellipsize(name_layouts[i].get(), PANGO_ELLIPSIZE_END);
    height = std::max(height, height_of(title_layouts[i].get()) + height_of(hint_layouts[i].get()) +
                                  kSignatureSpace + height_of(name_layouts[i].get()));
  }
  painter.skip(10);
  painter.keep_together(height);
  const double top = painter.y();
  for (std::size_t i = 0; i < 3; ++i) {
    const double x = kMarginLeft + kColumnWidth * static_cast<double>(i);
    double y = top;
    painter.place(title_layouts[i].get(), x, y);
    y += height_of(title_layouts[i].get());
    painter.place(hint_layouts[i].get(), x, y);
    y += height_of(hint_layouts[i].get()) + kSignatureSpace;
    painter.place(name_layouts[i].get(), x + 4, y);
  }
  painter.skip(height);
}

std::unexpected<Error> render_failed(cairo_status_t status) {
  const std::string reason = cairo_status_to_string(status);
  return fail(ErrorKind::internal, "receipt.render_failed",
              "Không tạo được phiếu thu PDF: " + reason,
              "Could not render the receipt PDF: " + reason);
}

}  // namespace

Result<std::string> render_receipt_pdf(const ReceiptDocument& receipt) {
  const Labels& labels = receipt.language == "en" ? kEnglish : kVietnamese;
  std::string pdf;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface{
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight)};
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return render_failed(status);
  }
  const std::string number = one_line(receipt.number);
  const std::string title = std::string(labels.document) + " " + number;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 one_line(receipt.organization_name).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Đoàn Kết");

  std::unique_ptr<cairo_t, CairoDestroy> cairo{cairo_create(surface.get())};
  auto context = pdf_context(cairo.get(), receipt.language == "en" ? "en" : "vi");

  cairo_set_source_rgb(cairo.get(), 0, 0, 0);
  ReceiptPainter painter(
      cairo.get(), context.get(),
      std::string(labels.document) + " " + number + " " + std::string(labels.continued));
  paint_header(painter, receipt);
  paint_title(painter, receipt, labels);
  paint_reversal(painter, receipt);
  paint_fields(painter, receipt, labels);
  paint_signatures(painter, receipt, labels);
  cairo_show_page(cairo.get());

  if (auto status = cairo_status(cairo.get()); status != CAIRO_STATUS_SUCCESS) {
    return render_failed(status);
  }
  cairo.reset();
  cairo_surface_finish(surface.get());
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return render_failed(status);
  }
  return pdf;
}

}  // namespace dk::io
