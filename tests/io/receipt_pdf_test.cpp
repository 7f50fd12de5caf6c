// Receipts are read back with poppler's pdftotext, pdfinfo and pdffonts, as a PDF viewer would
// read them, rather than by looking for strings in the PDF's bytes: if poppler extracts the exact
// Vietnamese text, the fonts are embedded with a correct Unicode map and a person can copy the
// payer's name out of the receipt.

#include "io/receipt_pdf.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "support/pdf_reader.hpp"

namespace dk::io {
namespace {

using dk::testing::info_of;
using dk::testing::pages_of;
using dk::testing::poppler;
using dk::testing::text_of;

using ::testing::HasSubstr;
using ::testing::Not;

// The A5 landscape page and its right margin, in points.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 419.528;

ReceiptDocument seed_receipt() {
  ReceiptDocument receipt;
  receipt.agency_name = "Sở Tư pháp tỉnh Hà Tĩnh";
  receipt.organization_name = "Công đoàn cơ sở Sở Tư pháp";
  receipt.number = "PT-2026-0007";
  receipt.issued_on = "15/10/2026";
  receipt.payer = "Nguyễn Thị Ánh Tuyết";
  receipt.payer_unit = "Phòng Hành chính - Tổng hợp";
  receipt.fund_name = "Ủng hộ đồng bào lũ lụt miền Trung 2026";
  receipt.purpose = "Ủng hộ đồng bào bị lũ lụt";
  receipt.amount_figures = "2.800.000 đ";
  receipt.amount_words = "Hai triệu tám trăm nghìn đồng";
  receipt.method = "Chuyển khoản";
  receipt.reference = "NGUYEN THI ANH TUYET UNG HO LU LUT";
  receipt.recorded_by = "Đặng Thị Hương";
  return receipt;
}

// All the text with every space and line break removed, to find text that was wrapped.
std::string without_spaces(std::string text) {
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  return text;
}

std::string render(const ReceiptDocument& receipt) {
  auto pdf = render_receipt_pdf(receipt);
  EXPECT_TRUE(pdf.has_value()) << (pdf ? "" : pdf.error().message.en);
  if (!pdf) return {};
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  std::string end = *pdf;
  while (!end.empty() && (end.back() == '\n' || end.back() == '\r')) end.pop_back();
  EXPECT_TRUE(end.ends_with("%%EOF"));
  return *pdf;
}

TEST(ReceiptPdf, VietnameseReceiptReadsBackExactly) {
  const std::string pdf = render(seed_receipt());
  const std::string text = text_of(pdf);
  EXPECT_THAT(text, HasSubstr("Sở Tư pháp tỉnh Hà Tĩnh"));
  EXPECT_THAT(text, HasSubstr("Công đoàn cơ sở Sở Tư pháp"));
  EXPECT_THAT(text, HasSubstr("PHIẾU THU"));
  EXPECT_THAT(text, HasSubstr("Số: PT-2026-0007"));
  EXPECT_THAT(text, HasSubstr("Ngày: 15/10/2026"));
  EXPECT_THAT(text, HasSubstr("Họ và tên người nộp tiền: Nguyễn Thị Ánh Tuyết"));
  EXPECT_THAT(text, HasSubstr("Đơn vị: Phòng Hành chính - Tổng hợp"));
  EXPECT_THAT(text, HasSubstr("Lý do nộp: Ủng hộ đồng bào bị lũ lụt"));
  EXPECT_THAT(text, HasSubstr("Quỹ / cuộc vận động: Ủng hộ đồng bào lũ lụt miền Trung 2026"));
  EXPECT_THAT(text, HasSubstr("Số tiền: 2.800.000 đ"));
  EXPECT_THAT(text, HasSubstr("Viết bằng chữ: Hai triệu tám trăm nghìn đồng"));
  EXPECT_THAT(text, HasSubstr("Hình thức: Chuyển khoản"));
  EXPECT_THAT(text, HasSubstr("Nội dung chuyển khoản: NGUYEN THI ANH TUYET UNG HO LU LUT"));
  EXPECT_THAT(text, HasSubstr("Người nộp tiền"));
  EXPECT_THAT(text, HasSubstr("Người lập phiếu"));
  EXPECT_THAT(text, HasSubstr("Thủ quỹ"));
  EXPECT_THAT(text, HasSubstr("(Ký, họ tên)"));
  EXPECT_THAT(text, HasSubstr("Đặng Thị Hương"));
  EXPECT_THAT(text, Not(HasSubstr("RECEIPT")));
}

TEST(ReceiptPdf, IsOneA5LandscapePageWithTitleAndCreator) {
  const std::string info = info_of(render(seed_receipt()));
  EXPECT_THAT(info, HasSubstr("Title:           Phiếu thu PT-2026-0007"));
  EXPECT_THAT(info, HasSubstr("Creator:         Đoàn Kết"));
  EXPECT_THAT(info, HasSubstr("Pages:           1"));
  EXPECT_THAT(info, HasSubstr("Page size:       595.276 x 419.528 pts"));
}

TEST(ReceiptPdf, EmbedsLiberationSerif) {
  const std::string fonts = poppler("pdffonts", "", render(seed_receipt()));
  // Regular labels, bold values, italic words; each embedded as a subset ("emb sub uni": yes).
  EXPECT_THAT(fonts, HasSubstr("LiberationSerif "));
  EXPECT_THAT(fonts, HasSubstr("LiberationSerif-Bold "));
  EXPECT_THAT(fonts, HasSubstr("LiberationSerif-Italic "));
  EXPECT_THAT(fonts, Not(HasSubstr(" no  ")));
}

TEST(ReceiptPdf, EnglishLabels) {
  ReceiptDocument receipt = seed_receipt();
  receipt.language = "en";
  receipt.payer = "Anonymous";
  receipt.payer_unit.clear();
  receipt.method = "Bank transfer";
  const std::string pdf = render(receipt);
  const std::string text = text_of(pdf);
  EXPECT_THAT(text, HasSubstr("RECEIPT"));
  EXPECT_THAT(text, HasSubstr("No.: PT-2026-0007"));
  EXPECT_THAT(text, HasSubstr("Date: 15/10/2026"));
  EXPECT_THAT(text, HasSubstr("Received from: Anonymous"));
  EXPECT_THAT(text, HasSubstr("Purpose: Ủng hộ đồng bào bị lũ lụt"));
  EXPECT_THAT(text, HasSubstr("Fund / campaign: Ủng hộ đồng bào lũ lụt miền Trung 2026"));
  EXPECT_THAT(text, HasSubstr("Amount: 2.800.000 đ"));
  EXPECT_THAT(text, HasSubstr("In words: Hai triệu tám trăm nghìn đồng"));
  EXPECT_THAT(text, HasSubstr("Payment method: Bank transfer"));
  EXPECT_THAT(text, HasSubstr("Transfer note: NGUYEN THI ANH TUYET"));
  EXPECT_THAT(text, HasSubstr("Payer"));
  EXPECT_THAT(text, HasSubstr("Prepared by"));
  EXPECT_THAT(text, HasSubstr("Cashier"));
  EXPECT_THAT(text, Not(HasSubstr("PHIẾU THU")));
  EXPECT_THAT(text, Not(HasSubstr("Department:")));  // no department given: no line
  EXPECT_THAT(info_of(pdf), HasSubstr("Title:           Receipt PT-2026-0007"));
}

TEST(ReceiptPdf, LeavesOutEmptyOptionalLines) {
  ReceiptDocument receipt = seed_receipt();
  receipt.payer = "Ẩn danh";
  receipt.payer_unit.clear();
  receipt.purpose.clear();
  receipt.reference.clear();
  receipt.method = "Tiền mặt";
  const std::string text = text_of(render(receipt));
  EXPECT_THAT(text, HasSubstr("Họ và tên người nộp tiền: Ẩn danh"));
  EXPECT_THAT(text, HasSubstr("Hình thức: Tiền mặt"));
  EXPECT_THAT(text, Not(HasSubstr("Đơn vị:")));
  EXPECT_THAT(text, Not(HasSubstr("Lý do nộp:")));
  EXPECT_THAT(text, Not(HasSubstr("Nội dung chuyển khoản:")));
  EXPECT_THAT(text, HasSubstr("Số tiền: 2.800.000 đ"));
}

TEST(ReceiptPdf, ReversedNoteIsPrinted) {
  ReceiptDocument receipt = seed_receipt();
  receipt.reversed_note = "ĐÃ HỦY – bút toán đảo số 12, ngày 20/10/2026";
  const std::string pdf = render(receipt);
  EXPECT_THAT(text_of(pdf), HasSubstr("ĐÃ HỦY – bút toán đảo số 12, ngày 20/10/2026"));
  EXPECT_EQ(pages_of(pdf), 1);
}

TEST(ReceiptPdf, MarkupIsPrintedLiterally) {
  ReceiptDocument receipt = seed_receipt();
  receipt.payer = "<b>Trần</b> & Lê &amp; <span foreground=\"red\">Phạm</span>";
  receipt.purpose = "<i>x</i> &lt; 5 & y > 3";
  const std::string text = text_of(render(receipt));
  EXPECT_THAT(text, HasSubstr("<b>Trần</b> & Lê &amp; <span foreground=\"red\">Phạm</span>"));
  EXPECT_THAT(text, HasSubstr("<i>x</i> &lt; 5 & y > 3"));
}

// The right edge of every word poppler finds, and the bottom of every word, in points.
std::vector<std::pair<double, double>> word_corners(const std::string& pdf) {
  const std::string boxes = poppler("pdftotext", "-bbox", pdf, "-");
  std::vector<std::pair<double, double>> corners;
  const std::regex word(
      R"re(<word xMin="[-0-9.]+" yMin="[-0-9.]+" xMax="([-0-9.]+)" yMax="([-0-9.]+)")re");
  for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it) {
    corners.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  return corners;
}

void expect_inside_the_page(const std::string& pdf) {
  const auto corners = word_corners(pdf);
  EXPECT_FALSE(corners.empty());
  for (const auto& [right, bottom] : corners) {
    EXPECT_LE(right, kPageWidth - 30) << "a word runs into the right margin";
    EXPECT_LE(bottom, kPageHeight - 20) << "a word runs into the bottom margin";
  }
}

TEST(ReceiptPdf, TypicalReceiptStaysInsideTheMargins) {
  expect_inside_the_page(render(seed_receipt()));
}

TEST(ReceiptPdf, VeryLongNameWrapsOntoFurtherPages) {
  std::string name;
  while (name.size() < 2000) name += "Nguyễn Thị Ánh Tuyết ";
  ReceiptDocument receipt = seed_receipt();
  receipt.payer = name;
  const std::string pdf = render(receipt);
  expect_inside_the_page(pdf);
  EXPECT_GE(pages_of(pdf), 2);
  const std::string text = text_of(pdf);
  EXPECT_THAT(without_spaces(text), HasSubstr(without_spaces(name)));
  // What follows the name is still there, after it.
  EXPECT_THAT(text, HasSubstr("Viết bằng chữ: Hai triệu tám trăm nghìn đồng"));
  EXPECT_THAT(text, HasSubstr("Người lập phiếu"));
  EXPECT_THAT(text, HasSubstr("Phiếu thu PT-2026-0007 (tiếp theo)"));
}

TEST(ReceiptPdf, TwoThousandCharactersWithoutASpaceStillWrap) {
  ReceiptDocument receipt = seed_receipt();
  std::string name;
  for (int i = 0; i < 2000; ++i) name += "Ằ";
  receipt.payer = name;
  receipt.agency_name = name;
  receipt.fund_name = name;
  receipt.recorded_by = name;  // three lines at most under the signature, then "…"
  receipt.number = std::string(2000, '7');
  receipt.reversed_note = name;
  const std::string pdf = render(receipt);
  expect_inside_the_page(pdf);
  EXPECT_THAT(without_spaces(text_of(pdf)), HasSubstr(name));
}

TEST(ReceiptPdf, HostileTextRenders) {
  ReceiptDocument receipt = seed_receipt();
  // Arabic and Hebrew (right to left), emoji, a right-to-left override, control characters, a
  // NUL, and bytes that are not UTF-8.
  receipt.payer = "مرحبا بالعالم שלום 👩‍👩‍👧 \u202Eevil\u202C\t\r\x01" +
                  std::string(1, '\0') + "\xFF\xC3(\xE2\x82";
  receipt.purpose = "🇻🇳🎉 \u200F\u2066x\u2069 Ω≈ç√ 中文 한국어";
  receipt.recorded_by = "שלום עליכם";
  const std::string pdf = render(receipt);
  const std::string text = text_of(pdf);
  EXPECT_THAT(text, HasSubstr("Số tiền: 2.800.000 đ"));
  EXPECT_THAT(text, HasSubstr("Viết bằng chữ: Hai triệu tám trăm nghìn đồng"));
  // The override was dropped, so the word reads as written.
  EXPECT_THAT(text, HasSubstr("evil"));
  expect_inside_the_page(pdf);
}

TEST(ReceiptPdf, EmptyReceiptStillRenders) {
  const std::string text = text_of(render(ReceiptDocument{}));
  EXPECT_THAT(text, HasSubstr("PHIẾU THU"));
  EXPECT_THAT(text, HasSubstr("Số tiền:"));
}

TEST(ReceiptPdf, RendersFromSeveralThreadsAtOnce) {
  const std::string expected = text_of(render(seed_receipt()));
  constexpr int kThreads = 4;
  constexpr int kReceiptsEach = 8;
  std::vector<std::vector<std::string>> rendered(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&rendered, t] {
        ReceiptDocument receipt = seed_receipt();
        if (t % 2 == 1) receipt.language = "en";
        for (int i = 0; i < kReceiptsEach; ++i) {
          auto pdf = render_receipt_pdf(receipt);
          rendered[t].push_back(pdf ? *pdf : std::string());
        }
      });
    }
  }
  for (int t = 0; t < kThreads; t += 2) {
    ASSERT_EQ(rendered[t].size(), kReceiptsEach);
    for (const std::string& pdf : rendered[t]) {
      ASSERT_FALSE(pdf.empty());
      EXPECT_EQ(text_of(pdf), expected);
    }
  }
  for (int t = 1; t < kThreads; t += 2) {
    for (const std::string& pdf : rendered[t]) {
      ASSERT_FALSE(pdf.empty());
      EXPECT_THAT(text_of(pdf), HasSubstr("Received from: Nguyễn Thị Ánh Tuyết"));
    }
  }
}

}  // namespace
}  // namespace dk::io
