#pragma once
// Certificates (giấy chứng nhận) for a contest's winners as a PDF, one A4 landscape page each,
// laid out as Vietnamese unions print them: the issuing organization under its superior at the top
// left, the national title and motto at the top right, the title in red, the winner's name large,
// what they achieved in which contest, the place and date, and the signature block.

#include <span>
#include <string>

#include "core/error.hpp"

namespace dk::io {

// Every text is UTF-8 the caller has already formatted and worded in the certificate's language;
// nothing in it is interpreted as markup.
struct CertificateDocument {
  std::string language = "vi";  // "en": the English labels; anything else: Vietnamese
  std::string superior;         // "Sở Tư pháp tỉnh Hà Tĩnh" (the agency), may be empty
  std::string issuer;           // "Công đoàn cơ sở Sở Tư pháp"
  std::string number;           // "Số: 3/GCN"; empty: left out
  std::string recipient;        // "Trần Thị Bình"
  std::string recipient_unit;   // "Phòng Kế toán"; empty: left out
  std::string achievement;  // "Đạt thứ hạng 1 / 120 người dự thi — 20/20 câu đúng"
  std::string contest;  // "Cuộc thi trực tuyến “Tìm hiểu Bộ luật Lao động” — Vòng 1"
  std::string place_and_date;  // "Hà Tĩnh, ngày 07 tháng 12 năm 2026"
  std::string signer_title;    // "TM. BAN CHẤP HÀNH\nCHỦ TỊCH"
  std::string signer_name;     // may be empty: signed by hand
};

inline constexpr const char* kCertificatePdfContentType = "application/pdf";

// One page per certificate, in order (none: a failure, "certificate.none"). Liberation Serif,
// embedded. Long names and titles wrap inside the frame. Safe from several threads at once. A
// Cairo or Pango failure is "certificate.render_failed".
Result<std::string> render_certificates_pdf(std::span<const CertificateDocument> certificates);

}  // namespace dk::io
