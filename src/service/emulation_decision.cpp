// The award decision of an emulation year as a document (service/emulation.hpp): the decided
// year's awards, in the order of the rules and of the members' list, with the grounds the rules
// and the decrees give, written by io::award_decision_docx.

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/commendation_bonus.hpp"
#include "core/registry_codes.hpp"
#include "io/award_decision_docx.hpp"
#include "service/emulation.hpp"
#include "service/refusal.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// "Căn cứ …;" for the law, each rule version and decree the awards rest on, each once.
std::vector<std::string> grounds_of(const EmulationYearView& view, CivilDate signed_on) {
  std::vector<std::string> grounds;
  std::set<std::string> cited;
  const auto cite = [&](std::string_view source) {
    if (source.empty() || !cited.insert(std::string(source)).second) return;
    grounds.push_back(fmt::format("Căn cứ {};", source));
  };
  cite("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022");
  for (const EmulationAward& award : view.awards) {
    for (const TitleRule& rule : view.titles)
      if (rule.title == award.title) cite(rule.citation.vi);
    if (const TitleBonus* bonus = title_bonus_in_force(award.title, signed_on))
      cite(bonus->citation);
  }
  if (const auto salary = base_salary_on(signed_on)) cite(salary->citation);
  grounds.push_back(
      fmt::format("Xét đề nghị của Hội đồng Thi đua – Khen thưởng {},", view.organization.name));
  return grounds;
}

}  // namespace

Result<EmulationFile> award_decision_file(Connection& connection, const Actor& actor,
                                          Id organization, int year) {
  const EmulationYearView view = TRY(read_emulation_year(connection, actor, organization, year));
  if (!view.may_manage) return refuse();
  if (view.record.stage != EmulationStage::decided || !view.record.decision) {
    return fail(ErrorKind::conflict, "emulation.stage",
                "Năm thi đua chưa có quyết định khen thưởng.",
                "The emulation year has no award decision yet.");
  }
  const EmulationDecision& decision = *view.record.decision;
  store::RegistryStore registry(connection);
  io::AwardDecisionDocument document;
  if (view.organization.superior) {
    const auto superior = TRY(registry.find_organization_by_id(
        view.organization.superior->agency_id, view.organization.superior->organization_id));
    if (superior) document.superior = superior->name;
  }
  for (const Agency& agency : TRY(registry.list_agencies()))
    if (agency.id == actor.principal.tenant) document.place = agency.province;
  document.issuer = view.organization.name;
  document.number = decision.number;
  document.signed_on = decision.signed_on;
  document.year = year;
  document.authority = "Ban Chấp hành " + view.organization.name;
  document.grounds = grounds_of(view, decision.signed_on);
  document.signing_for = "TM. Ban Chấp hành";
  document.signer_role = committee_role_title(CommitteeRoleKind::chair, view.organization.kind).vi;
  document.signer = decision.signer;

  // The rules' order, then the members' (by department and name) and the departments' order.
  std::map<std::string, std::size_t> title_order;
  for (const TitleRule& rule : view.titles) title_order.emplace(rule.title, title_order.size());
  std::map<Id, std::size_t> person_order, unit_order;
  for (const auto& person : view.people)
    person_order.emplace(person.member.person, person_order.size());
  for (const auto& unit : view.collectives) unit_order.emplace(unit.unit.unit, unit_order.size());
  std::vector<const EmulationAward*> awards;
  for (const EmulationAward& award : view.awards) awards.push_back(&award);
  const auto place = [&](const EmulationAward* award) {
    const auto& order = award->subject == EmulationSubject::person ? person_order : unit_order;
    const auto found = order.find(award->subject_id);
    return std::tuple(title_order[award->title], award->subject,
                      found == order.end() ? order.size() : found->second, award->subject_id);
  };
  std::ranges::sort(awards, [&](auto* a, auto* b) { return place(a) < place(b); });
  for (const EmulationAward* award : awards) {
    io::AwardDecisionLine line;
    for (const TitleRule& rule : view.titles)
      if (rule.title == award->title) line.title_name = rule.name.vi;
    if (line.title_name.empty()) line.title_name = award->title;
    line.collective = award->subject == EmulationSubject::collective;
    if (line.collective) {
      for (const auto& unit : view.collectives)
        if (unit.unit.unit == award->subject_id) line.name = unit.unit.name;
    } else {
      for (const auto& person : view.people) {
        if (person.member.person != award->subject_id) continue;
        line.name = person.member.full_name;
        line.unit = person.member.unit_name;
      }
    }
    line.bonus = award->bonus;
    document.lines.push_back(std::move(line));
  }
  document.total = view.total_bonus;
  EmulationFile file;
  file.content = TRY(io::award_decision_docx(document));
  file.file_name = fmt::format("quyet-dinh-thi-dua-{}-{}.docx", year, view.organization.code);
  return file;
}

}  // namespace dk::service
