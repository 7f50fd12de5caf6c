// The award decision as a DOCX (issue 18): a ZIP of WordprocessingML parts in the administrative
// format (A4, the margins of Decree 30/2020, Times New Roman, the page number from page two), its
// three articles and its annex, the total the sum of the lines in figures and in words; and
// LibreOffice — a reader we did not write — opens it and makes a PDF of it in which poppler reads
// the same names and figures, the annex on a page of its own. A decision whose total is not the
// sum of its lines is refused.

#include "io/award_decision_docx.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>

#include "support/pdf_reader.hpp"
#include "support/temp_dir.hpp"

namespace dk::io {
namespace {

AwardDecisionDocument decision() {
  AwardDecisionDocument document;
  document.superior = "Công đoàn Viên chức tỉnh Hà Tĩnh";
  document.issuer = "Công đoàn cơ sở Sở Tư pháp";
  document.number = "30/QĐ-CĐCS";
  document.place = "Hà Tĩnh";
  document.signed_on = CivilDate{2027, 2, 5};
  document.year = 2026;
  document.authority = "Ban Chấp hành Công đoàn cơ sở Sở Tư pháp";
  document.grounds = {"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                      "Xét đề nghị của Hội đồng Thi đua – Khen thưởng,"};
  document.lines = {
      {"Chiến sĩ thi đua cơ sở", "Hồ Thị Thanh Hà", "Văn phòng Sở", false, 2'340'000},
      {"Lao động tiên tiến", "Hồ Thị Thanh Hà", "Văn phòng Sở", false, 710'000},
      {"Lao động tiên tiến", "Nguyễn Văn Đức", "Thanh tra Sở", false, 710'000},
      {"Tập thể lao động tiên tiến", "Phòng Bổ trợ tư pháp", "", true, 1'880'000},
  };
  document.total = 2'340'000 + 710'000 * 2 + 1'880'000;
  document.signing_for = "TM. Ban Chấp hành";
  document.signer_role = "Chủ tịch";
  document.signer = "Hồ Thị Thanh Hà";
  return document;
}

// A part of the DOCX, read back with libzip.
std::string part_of(const std::string& docx, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    ADD_FAILURE() << "not a ZIP: " << zip_error_strerror(&error);
    zip_source_free(source);
    return "";
  }
  std::string content;
  zip_stat_t stat;
  if (zip_stat(archive, name, 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(archive, name, 0);
    content.resize(stat.size);
    zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
  } else {
    ADD_FAILURE() << "no part " << name;
  }
  zip_close(archive);
  return content;
}

TEST(AwardDecisionDocx, HoldsTheArticlesTheAnnexAndTheTotalInTheAdministrativeFormat) {
  auto docx = award_decision_docx(decision());
  ASSERT_TRUE(docx) << docx.error().message.en;
  const std::string document = part_of(*docx, "word/document.xml");
  for (const char* expected :
       {"CÔNG ĐOÀN CƠ SỞ SỞ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Hà Tĩnh, ngày 05 tháng 02 năm 2027", "Số: 30/QĐ-CĐCS",
        "Về việc công nhận danh hiệu thi đua năm 2026", "cho 3 cá nhân và 1 tập thể",
        "Tổng số tiền thưởng: 5.640.000 đồng (Bằng chữ: Năm triệu sáu trăm bốn mươi nghìn đồng)",
        "Lao động tiên tiến (2)", "1.420.000", "Nguyễn Văn Đức", "Tổng cộng", "5.640.000"}) {
    EXPECT_NE(document.find(expected), std::string::npos) << expected;
  }
  // A4 portrait; top and bottom 20 mm, left 30 mm, right 15 mm; no number on the first page.
  EXPECT_NE(document.find(R"(<w:pgSz w:w="11906" w:h="16838"/>)"), std::string::npos);
  EXPECT_NE(document.find(R"(w:top="1133" w:right="850" w:bottom="1133" w:left="1700")"),
            std::string::npos);
  EXPECT_NE(document.find("<w:titlePg/>"), std::string::npos);
  EXPECT_NE(part_of(*docx, "word/styles.xml").find("Times New Roman"), std::string::npos);
  EXPECT_NE(part_of(*docx, "word/header1.xml").find(" PAGE "), std::string::npos);
}

TEST(AwardDecisionDocx, ATotalThatIsNotTheSumOfTheLinesIsRefused) {
  AwardDecisionDocument wrong = decision();
  wrong.total += 10'000;
  auto docx = award_decision_docx(wrong);
  ASSERT_FALSE(docx);
  EXPECT_EQ(docx.error().code, "emulation.decision_total");
}

TEST(AwardDecisionDocx, LibreOfficeOpensItAndItsPdfReadsTheSameFigures) {
  const auto office = dk::testing::find_in_path("soffice");
  ASSERT_TRUE(office)
      << "soffice is not on PATH: install libreoffice-writer-nogui (scripts/setup.sh)";
  auto docx = award_decision_docx(decision());
  ASSERT_TRUE(docx) << docx.error().message.en;
  dk::testing::TempDir folder;
  const auto input = folder / "quyet-dinh.docx";
  std::ofstream(input, std::ios::binary) << *docx;
  // A profile of its own, so that tests running at once do not share LibreOffice's lock.
  const std::string command =
      "'" + office->string() + "' -env:UserInstallation=file://" + (folder / "profile").string() +
      " --headless --norestore --convert-to pdf --outdir '" + folder.path().string() + "' '" +
      input.string() + "' > '" + (folder / "soffice.log").string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream file(folder / "quyet-dinh.pdf", std::ios::binary);
  ASSERT_TRUE(file) << "LibreOffice made no PDF";
  const std::string pdf((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // To look at them: DOANKET_DOCUMENT_ARTIFACTS=/some/folder.
  if (const char* keep = std::getenv("DOANKET_DOCUMENT_ARTIFACTS")) {
    std::ofstream(std::filesystem::path(keep) / "quyet-dinh.pdf", std::ios::binary) << pdf;
    std::ofstream(std::filesystem::path(keep) / "quyet-dinh.docx", std::ios::binary) << *docx;
  }
  const std::string text = dk::testing::text_of(pdf);
  for (const char* expected : {"QUYẾT ĐỊNH", "Hà Tĩnh, ngày 05 tháng 02 năm 2027", "Nguyễn Văn Đức",
                               "5.640.000", "Tổng cộng", "DANH SÁCH"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_GE(dk::testing::pages_of(pdf), 2) << "the annex starts a page of its own";
}

}  // namespace
}  // namespace dk::io
