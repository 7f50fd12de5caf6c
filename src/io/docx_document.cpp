#include "io/docx_document.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

namespace dk::io {
namespace {

// Twentieths of a point per millimetre (1 inch = 25.4 mm = 1440 twips).
int twips(int mm) {
  return mm * 1440 * 10 / 254;
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 has no place for the other control characters.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string_view align_value(Align align) {
  switch (align) {
    case Align::left:
      return "left";
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::justify:
      break;
  }
  return "both";
}

std::string run_xml(const DocxRun& run) {
  std::string properties;
  if (run.bold) properties += "<w:b/>";
  if (run.italic) properties += "<w:i/>";
  if (run.underline) properties += "<w:u w:val=\"single\"/>";
  properties += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", run.points * 2);
  std::string text;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = run.text.find('\n', start);
    text += fmt::format("<w:t xml:space=\"preserve\">{}</w:t>",
                        escaped(std::string_view(run.text).substr(start, end - start)));
    if (end == std::string::npos) break;
    text += "<w:br/>";
    start = end + 1;
  }
  return fmt::format("<w:r><w:rPr>{}</w:rPr>{}</w:r>", properties, text);
}

std::string paragraph_xml(const DocxParagraph& paragraph) {
  std::string properties =
      fmt::format("<w:spacing w:before=\"0\" w:after=\"{}\"/>", paragraph.space_after * 20);
  if (paragraph.first_line_indent)
    properties += fmt::format("<w:ind w:firstLine=\"{}\"/>", twips(10));
  properties += fmt::format("<w:jc w:val=\"{}\"/>", align_value(paragraph.align));
  if (paragraph.page_break_before) properties = "<w:pageBreakBefore/>" + properties;
  std::string runs;
  for (const DocxRun& run : paragraph.runs) runs += run_xml(run);
  return fmt::format("<w:p><w:pPr>{}</w:pPr>{}</w:p>", properties, runs);
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kDocumentRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

// Times New Roman 13 for everything, single spacing; the Normal style is what Word's users change.
std::string styles_xml() {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {}>)"
      R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" )"
      R"(w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>)"
      R"(<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>)"
      R"(<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>)"
      R"(</w:pPrDefault></w:docDefaults>)"
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
      R"(</w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal">)"
      R"(<w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/>)"
      R"(<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>)",
      kNamespaces);
}

std::string settings_xml() {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {}>)"
      R"(<w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" )"
      R"(w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)",
      kNamespaces);
}

// The page number, centred, in the header of every page but the first.
std::string header_xml() {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {}><w:p><w:pPr>)"
      R"(<w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>)"
      R"(<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>)"
      R"(<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r>)"
      R"(<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>)",
      kNamespaces);
}

std::string core_xml(std::string_view title) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties )"
      R"(xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title>)"
      R"(<dc:creator>Đoàn Kết</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>)",
      escaped(title));
}

// A4, the margins of Decree 30/2020, the header 12 mm from the top edge; the first page has none.
std::string document_xml(const DocxBody& body) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {}><w:body>{})"
      R"(<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>)"
      R"(<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" )"
      R"(w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/><w:titlePg/></w:sectPr>)"
      R"(</w:body></w:document>)",
      kNamespaces, body.xml(), twips(20), twips(15), twips(20), twips(30), twips(12), twips(10));
}

Error zip_failed(std::string_view what) {
  return Error{ErrorKind::internal,
               "export.docx_failed",
               Text{fmt::format("Không tạo được tệp DOCX ({}).", what),
                    fmt::format("The DOCX file could not be made ({}).", what)},
               {}};
}

}  // namespace

DocxBody& DocxBody::add(DocxParagraph paragraph) {
  xml_ += paragraph_xml(paragraph);
  return *this;
}

DocxBody& DocxBody::add(const DocxTable& table) {
  std::string grid;
  int total = 0;
  for (const int width : table.widths_mm) {
    grid += fmt::format("<w:gridCol w:w=\"{}\"/>", twips(width));
    total += width;
  }
  const std::string borders =
      table.borders
          ? R"(<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>)"
            R"(<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>)"
            R"(<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>)"
            R"(</w:tblBorders>)"
          : "";
  xml_ += fmt::format(
      "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>{}"
      "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{}</w:tblGrid>",
      twips(total), borders, grid);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    xml_ += "<w:tr>";
    if (static_cast<int>(r) < table.header_rows)
      xml_ += "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>";
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const int width = c < table.widths_mm.size() ? table.widths_mm[c] : 20;
      xml_ +=
          fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", twips(width));
      // A cell holds at least one paragraph.
      if (table.rows[r][c].empty()) xml_ += "<w:p/>";
      for (const DocxParagraph& paragraph : table.rows[r][c]) xml_ += paragraph_xml(paragraph);
      xml_ += "</w:tc>";
    }
    xml_ += "</w:tr>";
  }
  xml_ += "</w:tbl>";
  return *this;
}

DocxParagraph docx_line(std::string text, Align align, bool bold, bool italic, int points) {
  DocxParagraph paragraph;
  paragraph.runs.push_back(DocxRun{std::move(text), bold, italic, points, false});
  paragraph.align = align;
  return paragraph;
}

Result<std::string> docx_file(const DocxBody& body, std::string_view title) {
  const std::pair<std::string, std::string> parts[] = {
      {"[Content_Types].xml", std::string(kContentTypes)},
      {"_rels/.rels", std::string(kPackageRelationships)},
      {"docProps/core.xml", core_xml(title)},
      {"word/_rels/document.xml.rels", std::string(kDocumentRelationships)},
      {"word/document.xml", document_xml(body)},
      {"word/styles.xml", styles_xml()},
      {"word/settings.xml", settings_xml()},
      {"word/header1.xml", header_xml()},
  };
  zip_error_t error;
  zip_error_init(&error);
  // The ZIP is written into memory: a source the archive writes to, kept after it is closed.
  zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!memory) return std::unexpected(zip_failed(zip_error_strerror(&error)));
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> owned(memory, zip_source_free);
  zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
  if (!archive) return std::unexpected(zip_failed(zip_error_strerror(&error)));
  zip_source_keep(memory);
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!part || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
      if (part) zip_source_free(part);
      const std::string reason = zip_strerror(archive);
      zip_discard(archive);
      return std::unexpected(zip_failed(reason));
    }
  }
  if (zip_close(archive) < 0) {
    const std::string reason = zip_strerror(archive);
    zip_discard(archive);
    return std::unexpected(zip_failed(reason));
  }
  zip_stat_t stat;
  if (zip_source_stat(memory, &stat) < 0 || zip_source_open(memory) < 0)
    return std::unexpected(zip_failed("stat"));
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(memory, bytes.data(), stat.size);
  zip_source_close(memory);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    return std::unexpected(zip_failed("read"));
  return bytes;
}

}  // namespace dk::io
