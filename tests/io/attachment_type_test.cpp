// What an uploaded attachment is, from its bytes: the accepted kinds by their signatures, a Word
// document by its ZIP's parts, and everything else — HTML, a workbook, a broken ZIP, nothing —
// refused, whatever it would be named.
#include "io/attachment_type.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "io_test_support.hpp"

namespace dk::io {
namespace {

std::string type_of(std::string_view bytes) {
  const auto type = sniff_attachment(bytes);
  return type ? std::string(type->content_type) + " " + std::string(type->extension) : "none";
}

std::string zipped(const std::map<std::string, std::string>& parts) {
  testing::TempDir dir;
  const auto path = dir / "file.zip";
  testing::write_zip(path, parts);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(AttachmentType, KnowsTheAcceptedKindsByTheirFirstBytes) {
  EXPECT_EQ(type_of("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf .pdf");
  EXPECT_EQ(type_of(std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "image/png .png");
  EXPECT_EQ(type_of("\xFF\xD8\xFF\xE0\0\x10JFIF"), "image/jpeg .jpg");
  EXPECT_EQ(type_of(std::string_view("RIFF\x24\0\0\0WEBPVP8 ", 16)), "image/webp .webp");
}

TEST(AttachmentType, AcceptsAWordDocumentAndNoOtherZip) {
  const std::string types = "<?xml version=\"1.0\"?><Types/>";
  EXPECT_EQ(
      type_of(zipped({{"[Content_Types].xml", types}, {"word/document.xml", "<w:document/>"}})),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document .docx");
  EXPECT_EQ(type_of(zipped({{"[Content_Types].xml", types}, {"xl/workbook.xml", "<workbook/>"}})),
            "none");
  const std::string docx =
      zipped({{"[Content_Types].xml", types}, {"word/document.xml", "<w:document/>"}});
  EXPECT_EQ(type_of(docx.substr(0, docx.size() / 2)), "none") << "a ZIP cut in half";
}

TEST(AttachmentType, RefusesPagesScriptsAndNothing) {
  EXPECT_EQ(type_of("<!DOCTYPE html><script>alert(1)</script>"), "none");
  EXPECT_EQ(type_of("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "none");
  EXPECT_EQ(type_of("%PD"), "none");
  EXPECT_EQ(type_of("RIFF\x24\0\0\0WAVE"), "none");
  EXPECT_EQ(type_of(""), "none");
}

}  // namespace
}  // namespace dk::io
