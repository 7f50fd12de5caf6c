// Contest certificates read back with poppler, as a PDF viewer would: one A4 landscape page per
// winner with the exact Vietnamese text, the fonts embedded; a hostile name neither breaks the
// page nor runs off it.
#include "io/certificate_pdf.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "support/pdf_reader.hpp"

namespace dk::io {
namespace {

using dk::testing::info_of;
using dk::testing::pages_of;
using dk::testing::poppler;
using dk::testing::text_of;
using ::testing::HasSubstr;

CertificateDocument certificate(std::string name, std::string achievement) {
  CertificateDocument document;
  document.superior = "Sở Tư pháp tỉnh Hà Tĩnh";
  document.issuer = "Công đoàn cơ sở Sở Tư pháp";
  document.number = "Số: 1/GCN";
  document.recipient = std::move(name);
  document.recipient_unit = "Phòng Kế toán";
  document.achievement = std::move(achievement);
  document.contest = "Cuộc thi trực tuyến “Tìm hiểu Bộ luật Lao động năm 2019” — Vòng 1";
  document.place_and_date = "Hà Tĩnh, ngày 07 tháng 12 năm 2026";
  document.signer_title = "TM. BAN CHẤP HÀNH\nCHỦ TỊCH";
  document.signer_name = "Nguyễn Văn An";
  return document;
}

TEST(CertificatePdf, OnePagePerWinnerReadsBackExactly) {
  const std::vector<CertificateDocument> winners = {
      certificate("Trần Thị Bình", "Đạt thứ hạng 1 / 120 người dự thi — 20/20 câu đúng"),
      certificate("Lê Văn Cường", "Đạt thứ hạng 2 / 120 người dự thi — 20/20 câu đúng")};
  auto pdf = render_certificates_pdf(winners);
  ASSERT_TRUE(pdf) << pdf.error().message.en;
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_EQ(pages_of(*pdf), 2);
  EXPECT_THAT(info_of(*pdf), HasSubstr("841.89 x 595.276 pts (A4)"));  // landscape
  const std::string text = text_of(*pdf);
  for (const char* expected : {"SỞ TƯ PHÁP TỈNH HÀ TĨNH", "CÔNG ĐOÀN CƠ SỞ SỞ TƯ PHÁP",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                               "GIẤY CHỨNG NHẬN", "Trần Thị Bình", "Lê Văn Cường",
                               "Đơn vị: Phòng Kế toán", "Đạt thứ hạng 1 / 120 người dự thi",
                               "Hà Tĩnh, ngày 07 tháng 12 năm 2026", "CHỦ TỊCH", "Nguyễn Văn An"})
    EXPECT_THAT(text, HasSubstr(expected));
  EXPECT_THAT(poppler("pdffonts", "", *pdf), HasSubstr("LiberationSerif"));
  // Embedded: every font row says "yes" in the emb column.
  EXPECT_THAT(poppler("pdffonts", "", *pdf), ::testing::Not(HasSubstr(" no  ")));
}

TEST(CertificatePdf, EnglishLabelsAndAHostileNameStayOnTheirPage) {
  CertificateDocument hostile =
      certificate(std::string(3000, 'W') + "\xff\x01\u202e", "Rank 1 of 3 — 20/20 right");
  hostile.language = "en";
  auto pdf = render_certificates_pdf(std::vector{hostile});
  ASSERT_TRUE(pdf) << pdf.error().message.en;
  EXPECT_EQ(pages_of(*pdf), 1);
  const std::string text = text_of(*pdf);
  EXPECT_THAT(text, HasSubstr("CERTIFICATE"));
  EXPECT_THAT(text, HasSubstr("SOCIALIST REPUBLIC OF VIETNAM"));
  EXPECT_THAT(text, HasSubstr("This certifies that"));
  EXPECT_FALSE(render_certificates_pdf({}));
}

}  // namespace
}  // namespace dk::io
