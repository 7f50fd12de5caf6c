#pragma once
// A Word document (DOCX) in the administrative format of Decree 30/2020/NĐ-CP, Appendix I: A4,
// margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman (Liberation Serif where
// it is absent, with the same metrics), the page number centred in the top margin from the second
// page on. A DOCX is a ZIP of WordprocessingML parts; the body is built here paragraph by
// paragraph with real Word styles, so that the document opens editable in Word and LibreOffice.
// The award decision (award_decision_docx.hpp) and, later, the year-end report write with it.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace dk::io {

enum class Align { left, center, right, justify };

// A piece of text with one look. Sizes in points (13 is the body's).
struct DocxRun {
  std::string text;  // a line break where it holds '\n'
  bool bold = false;
  bool italic = false;
  int points = 13;
  bool underline = false;
};

struct DocxParagraph {
  std::vector<DocxRun> runs;
  Align align = Align::justify;
  bool first_line_indent = false;  // 1 cm, as the body's paragraphs are
  int space_after = 6;             // points
  bool page_break_before = false;
};

// A table: column widths in millimetres; each cell a list of paragraphs.
struct DocxTable {
  std::vector<int> widths_mm;
  std::vector<std::vector<std::vector<DocxParagraph>>> rows;
  bool borders = true;
  int header_rows = 0;  // repeated at the top of each page
};

// The body, in order.
class DocxBody {
 public:
  DocxBody& add(DocxParagraph paragraph);
  DocxBody& add(const DocxTable& table);
  const std::string& xml() const { return xml_; }

 private:
  std::string xml_;
};

// A paragraph of one run.
DocxParagraph docx_line(std::string text, Align align = Align::justify, bool bold = false,
                        bool italic = false, int points = 13);

// The whole DOCX file: `title` goes into its properties.
Result<std::string> docx_file(const DocxBody& body, std::string_view title);

}  // namespace dk::io
