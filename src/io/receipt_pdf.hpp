#pragma once
// A receipt (phiếu thu) for one donation as a PDF: what the treasurer prints or sends to the payer,
// with the amount in figures and in Vietnamese words, as Vietnamese receipts are written.

#include <string>

#include "core/error.hpp"

namespace dk::io {

// Every text is UTF-8 that the caller has already formatted (dates, amounts, words, the method in
// the receipt's language). Nothing in it is interpreted: "<b>" and "&amp;" print as they are.
struct ReceiptDocument {
  std::string language = "vi";    // "en": English labels; anything else: Vietnamese
  std::string agency_name;        // "Sở Tư pháp tỉnh Hà Tĩnh"
  std::string organization_name;  // who receives the money: "Công đoàn cơ sở Sở Tư pháp"
  std::string number;             // "PT-2026-0007"
  std::string issued_on;          // "15/10/2026"
  // "Nguyễn Văn An", "Ẩn danh" / "Anonymous", or a department giving as a group.
  std::string payer;
  std::string payer_unit;  // the payer's department; empty: the line is left out
  std::string fund_name;   // "Ủng hộ đồng bào lũ lụt miền Trung 2026"
  std::string purpose;     // "Ủng hộ đồng bào bị lũ lụt"; empty: the line is left out
  std::string amount_figures;  // "2.800.000 đ"
  std::string amount_words;    // "Hai triệu tám trăm nghìn đồng"
  std::string method;          // "Tiền mặt" / "Chuyển khoản"
  std::string reference;       // the bank transfer's note; empty: the line is left out
  std::string recorded_by;     // who recorded it, printed under "Người lập phiếu"
  // Non-empty when the donation was reversed afterwards: printed in red in a box under the title,
  // e.g. "ĐÃ HỦY – bút toán đảo số 12, ngày 20/10/2026".
  std::string reversed_note;
};

inline constexpr const char* kReceiptPdfContentType = "application/pdf";

// The receipt as PDF bytes on an A5 landscape page, the size of a Vietnamese phiếu thu: the agency
// and the organization at the top left, the title "PHIẾU THU" / "RECEIPT" with the number and the
// date centred, one line per field (the fund's line is "Quỹ / cuộc vận động:"), and the signature
// blocks (payer, preparer with the recorder's name, cashier). Long text wraps and, if it must,
// continues on a further page. Liberation Serif, embedded; the PDF's title is "Phiếu thu
// PT-2026-0007" / "Receipt PT-2026-0007". Invalid UTF-8 is shown as U+FFFD. Cairo stamps the PDF's
// creation date with the time of rendering, so a reprint differs from the first print in those
// bytes only. Safe to call from several threads at once. A Cairo or Pango failure is
// "receipt.render_failed".
Result<std::string> render_receipt_pdf(const ReceiptDocument& receipt);

}  // namespace dk::io
