#include "io/award_decision_docx.hpp"

#include <fmt/format.h>

#include <map>

#include "core/amount_words.hpp"
#include "core/vietnamese_text.hpp"
#include "io/docx_document.hpp"

namespace dk::io {
namespace {

constexpr int kTextWidthMm = 165;  // A4's 210 mm less the left 30 and the right 15

DocxParagraph centered(std::string text, bool bold, int points, bool italic = false) {
  DocxParagraph paragraph = docx_line(std::move(text), Align::center, bold, italic, points);
  paragraph.space_after = 0;
  return paragraph;
}

DocxParagraph article(std::string heading, std::string text) {
  DocxParagraph paragraph;
  paragraph.runs = {DocxRun{std::move(heading) + " ", true, false, 14, false},
                    DocxRun{std::move(text), false, false, 14, false}};
  paragraph.first_line_indent = true;
  return paragraph;
}

std::string bonus_text(const std::optional<Dong>& bonus) {
  return bonus ? format_dong_digits(*bonus) : std::string("—");
}

// The titles in the order their lines come, with their lines' count and sum.
struct TitleGroup {
  std::string name;
  std::vector<const AwardDecisionLine*> lines;
  Dong sum = 0;
  std::int64_t people = 0;
  std::int64_t collectives = 0;
};

}  // namespace

std::string place_and_date(std::string_view place, CivilDate day) {
  return fmt::format("{}, ngày {:02} tháng {} năm {}", place, day.day,
                     day.month <= 2 ? fmt::format("{:02}", day.month) : std::to_string(day.month),
                     day.year);
}

Result<std::string> award_decision_docx(const AwardDecisionDocument& decision) {
  std::vector<TitleGroup> groups;
  std::map<std::string, std::size_t> group_of;
  Dong total = 0;
  for (const AwardDecisionLine& line : decision.lines) {
    auto [at, added] = group_of.try_emplace(line.title_name, groups.size());
    if (added) groups.push_back(TitleGroup{line.title_name, {}, 0, 0, 0});
    TitleGroup& group = groups[at->second];
    group.lines.push_back(&line);
    (line.collective ? group.collectives : group.people) += 1;
    const auto sum = checked_add(group.sum, line.bonus.value_or(0));
    const auto all = checked_add(total, line.bonus.value_or(0));
    if (!sum || !all)
      return fail(ErrorKind::invalid_input, "money.too_large", "Tổng tiền thưởng vượt giới hạn.",
                  "The bonuses' total is too large.");
    group.sum = *sum;
    total = *all;
  }
  if (total != decision.total) {
    return fail(ErrorKind::internal, "emulation.decision_total",
                fmt::format("Tổng tiền thưởng {} khác tổng các dòng {}.",
                            format_dong(decision.total), format_dong(total)),
                fmt::format("The bonuses' total {} differs from the sum of the lines {}.",
                            format_dong(decision.total), format_dong(total)));
  }

  DocxBody body;
  // The header: the issuer on the left, the national title on the right.
  std::vector<DocxParagraph> issuer;
  if (!decision.superior.empty())
    issuer.push_back(centered(to_upper_vietnamese(decision.superior), false, 12));
  issuer.push_back(centered(to_upper_vietnamese(decision.issuer), true, 12));
  issuer.push_back(centered("———", false, 12));
  issuer.push_back(centered("Số: " + decision.number, false, 13));
  std::vector<DocxParagraph> nation = {
      centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, 12),
      centered("Độc lập - Tự do - Hạnh phúc", true, 13), centered("———————————", false, 12),
      centered(place_and_date(decision.place, decision.signed_on), false, 13, true)};
  body.add(DocxTable{{62, kTextWidthMm - 62}, {{issuer, nation}}, false, 0});

  DocxParagraph title = centered("QUYẾT ĐỊNH", true, 14);
  title.runs.front().text = "\nQUYẾT ĐỊNH";
  body.add(title);
  body.add(
      centered(fmt::format("Về việc công nhận danh hiệu thi đua năm {}", decision.year), true, 14));
  body.add(centered("————", false, 12));
  DocxParagraph authority = centered(to_upper_vietnamese(decision.authority), true, 14);
  authority.space_after = 12;
  body.add(authority);
  for (const std::string& ground : decision.grounds) {
    DocxParagraph paragraph = docx_line(ground, Align::justify, false, true, 14);
    paragraph.first_line_indent = true;
    body.add(paragraph);
  }
  DocxParagraph decides = centered("QUYẾT ĐỊNH:", true, 14);
  decides.space_after = 12;
  body.add(decides);

  std::int64_t people = 0, collectives = 0;
  for (const TitleGroup& group : groups) {
    people += group.people;
    collectives += group.collectives;
  }
  body.add(article("Điều 1.",
                   fmt::format("Công nhận danh hiệu thi đua năm {} cho {} cá nhân và {} tập thể "
                               "có tên trong danh sách kèm theo Quyết định này.",
                               decision.year, people, collectives)));
  // Each title's bonus a paragraph of its own: a justified paragraph would stretch its lines.
  body.add(article("Điều 2.", "Tiền thưởng kèm theo danh hiệu theo mức quy định:"));
  for (const TitleGroup& group : groups) {
    const AwardDecisionLine& first = *group.lines.front();
    DocxParagraph line = docx_line(
        fmt::format("- {}: {} × {} = {} đồng;", group.name,
                    first.bonus ? format_dong(*first.bonus) : std::string("không có tiền thưởng"),
                    group.lines.size(), format_dong_digits(group.sum)),
        Align::justify, false, false, 14);
    line.first_line_indent = true;
    line.space_after = 0;
    body.add(line);
  }
  DocxParagraph sum = docx_line(fmt::format("Tổng số tiền thưởng: {} đồng (Bằng chữ: {}).",
                                            format_dong_digits(total), amount_in_words(total)),
                                Align::justify, false, false, 14);
  sum.first_line_indent = true;
  body.add(sum);
  body.add(article("Điều 3.",
                   fmt::format("Quyết định có hiệu lực kể từ ngày ký. Các cá nhân, tập thể có tên "
                               "tại Điều 1 và các bộ phận liên quan của {} chịu trách nhiệm thi "
                               "hành Quyết định này.",
                               decision.issuer)));

  // The signature block, "Nơi nhận" on its left.
  std::vector<DocxParagraph> recipients = {
      docx_line("Nơi nhận:", Align::left, true, true, 12),
      docx_line("- Như Điều 3;\n- Lưu: VT.", Align::left, false, false, 11)};
  std::vector<DocxParagraph> signature = {
      centered(to_upper_vietnamese(decision.signing_for), true, 13),
      centered(to_upper_vietnamese(decision.signer_role), true, 13), centered("\n\n\n", false, 13),
      centered(decision.signer, true, 14)};
  body.add(DocxTable{{80, kTextWidthMm - 80}, {{recipients, signature}}, false, 0});

  // The annex: every line under its title, the title's sum, the total.
  DocxParagraph annex = centered("DANH SÁCH", true, 14);
  annex.page_break_before = true;
  body.add(annex);
  body.add(centered(
      fmt::format("Cá nhân, tập thể được công nhận danh hiệu thi đua năm {}", decision.year), true,
      14));
  DocxParagraph attached =
      centered(fmt::format("(Kèm theo Quyết định số {} ngày {} của {})", decision.number,
                           format_vietnamese(decision.signed_on), decision.authority),
               false, 13, true);
  attached.space_after = 12;
  body.add(attached);
  const auto cell = [](std::string text, Align align = Align::left, bool bold = false) {
    DocxParagraph paragraph = docx_line(std::move(text), align, bold, false, 13);
    paragraph.space_after = 0;
    return std::vector<DocxParagraph>{paragraph};
  };
  DocxTable list{{14, 62, 55, kTextWidthMm - 131}, {}, true, 1};
  list.rows.push_back(
      {cell("TT", Align::center, true), cell("Họ và tên / Tập thể", Align::center, true),
       cell("Đơn vị", Align::center, true), cell("Tiền thưởng (đồng)", Align::center, true)});
  const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const TitleGroup& group = groups[g];
    list.rows.push_back(
        {cell(g < std::size(kRoman) ? kRoman[g] : std::to_string(g + 1), Align::center, true),
         cell(fmt::format("{} ({})", group.name, group.lines.size()), Align::left, true), cell(""),
         cell(format_dong_digits(group.sum), Align::right, true)});
    for (std::size_t i = 0; i < group.lines.size(); ++i) {
      const AwardDecisionLine& line = *group.lines[i];
      list.rows.push_back({cell(std::to_string(i + 1), Align::center), cell(line.name),
                           cell(line.unit), cell(bonus_text(line.bonus), Align::right)});
    }
  }
  list.rows.push_back({cell(""), cell("Tổng cộng", Align::left, true), cell(""),
                       cell(format_dong_digits(total), Align::right, true)});
  body.add(list);

  return docx_file(body, fmt::format("Quyết định {} công nhận danh hiệu thi đua năm {}",
                                     decision.number, decision.year));
}

}  // namespace dk::io
