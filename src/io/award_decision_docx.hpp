#pragma once
// The award decision of an emulation year (quyết định công nhận danh hiệu thi đua, issue 18) as a
// DOCX in the administrative format (docx_document.hpp): the issuer's header and the national
// title, number and symbol, place and date, the grounds, three articles — the titles awarded, the
// bonuses with their total in figures and in words, who carries it out — the signature block and
// "Nơi nhận", then the annex listing every person and collective by title with the bonus of each
// and the totals. The total is the sum of the lines, checked here: a decision whose figures do not
// add up is not written.

#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

namespace dk::io {

struct AwardDecisionLine {
  std::string title_name;  // "Lao động tiên tiến": lines of one title stand together
  std::string name;        // a person's full name or a department's
  std::string unit;        // the person's department; empty for a collective
  bool collective = false;
  std::optional<Dong> bonus;  // nothing: the title carries no bonus
};

struct AwardDecisionDocument {
  std::string superior;  // the issuer's superior, "Công đoàn Viên chức tỉnh Hà Tĩnh"; may be empty
  std::string issuer;  // "Công đoàn cơ sở Sở Tư pháp"
  std::string number;  // "30/QĐ-CĐCS"
  std::string place;   // "Hà Tĩnh"
  CivilDate signed_on;
  int year = 0;
  std::string authority;             // "Ban Chấp hành Công đoàn cơ sở Sở Tư pháp"
  std::vector<std::string> grounds;  // "Căn cứ Luật Thi đua, khen thưởng năm 2022;" …
  std::vector<AwardDecisionLine> lines;
  Dong total = 0;           // must be the sum of the lines' bonuses
  std::string signing_for;  // "TM. Ban Chấp hành"
  std::string signer_role;  // "Chủ tịch"
  std::string signer;       // "Hồ Thị Thanh Hà"
};

// "Hà Tĩnh, ngày 05 tháng 02 năm 2026": a day below 10, and January and February, with a zero.
std::string place_and_date(std::string_view place, CivilDate day);

Result<std::string> award_decision_docx(const AwardDecisionDocument& decision);

}  // namespace dk::io
