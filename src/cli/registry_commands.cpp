// init, demo, agency, units, orgs, partners: setting up an agency's registry from the command line.

#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/text_table.hpp"
#include "demo/agency.hpp"
#include "service/organizations.hpp"

namespace dk::cli {
namespace {

// Connects, resolves the agency and runs `work` with the connection and the command's actor in
// it; any error becomes the exit code.
template <class Work>
int with_agency(const Context& context, Work&& work) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  return work(**connection, *agency, context.actor_in(*agency));
}

// An organization of the agency by its code, for the options that name one.
Result<Organization> organization_by_code(service::Connection& connection,
                                          const service::Actor& actor, const std::string& code,
                                          std::string_view option) {
  for (auto& summary : TRY(service::list_organizations(connection, actor))) {
    if (summary.organization.code == code) return std::move(summary.organization);
  }
  return fail(ErrorKind::not_found, "organization.not_found",
              fmt::format("Không có tổ chức mã “{}”.", code),
              fmt::format("There is no organization with code “{}”.", code),
              Location{0, std::string(option)});
}

int show_agency(const Context& context) {
  return with_agency(context, [&](service::Connection& connection, const Agency& agency,
                                  const service::Actor& actor) {
    std::ostream& out = *context.out;
    out << agency.name << " (" << agency.code << ")\n\n";
    auto units = service::list_units(connection, actor);
    if (!units) return context.report(units.error());
    TextTable unit_table({context.say("Mã", "Code"), context.say("Đơn vị", "Unit"),
                          context.say("Số người", "People")});
    for (const auto& [unit, people] : *units)
      unit_table.add_row({unit.code, unit.name, std::to_string(people)});
    unit_table.print(out);
    out << '\n';
    auto organizations = service::list_organizations(connection, actor);
    if (!organizations) return context.report(organizations.error());
    TextTable organization_table({context.say("Mã", "Code"), context.say("Tổ chức", "Organization"),
                                  context.say("Loại", "Kind"), context.say("Cấp trên", "Superior"),
                                  context.say("Thành viên", "Members")});
    for (const auto& [organization, members] : *organizations) {
      if (organization.external) continue;
      std::string superior;
      for (const auto& other : *organizations) {
        if (organization.superior &&
            other.organization.id == organization.superior->organization_id)
          superior = other.organization.name;
      }
      organization_table.add_row({organization.code, organization.name,
                                  label_of(organization.kind).in(context.language), superior,
                                  std::to_string(members)});
    }
    organization_table.print(out);
    for (const auto& summary : *organizations) {
      const Organization& organization = summary.organization;
      if (organization.external) continue;
      auto record = service::read_organization(connection, actor, organization.id);
      if (!record) return context.report(record.error());
      if (record->committee.empty()) continue;
      out << '\n'
          << context.say("Ban Chấp hành ", "Executive committee of ") << organization.name << ":\n";
      for (const auto& seat : record->committee) {
        out << "  " << committee_role_title(seat.role, organization.kind).in(context.language)
            << ": " << (seat.person_name.empty() ? "?" : seat.person_name) << " (" << seat.term
            << ")\n";
      }
    }
    auto partners = service::list_partner_units(connection, actor);
    if (!partners) return context.report(partners.error());
    if (!partners->empty()) {
      out << '\n' << context.say("Đơn vị bạn:", "Partner units:") << '\n';
      for (const auto& partner : *partners) out << "  " << partner.name << '\n';
    }
    return static_cast<int>(kSuccess);
  });
}

}  // namespace

void add_registry_commands(CLI::App& app, Context& context, int& result) {
  auto* init = app.add_subcommand("init", "Tạo cơ sở dữ liệu trống / create an empty database");
  init->callback([&] {
    auto connection = context.connect();
    if (!connection) {
      result = context.report(connection.error());
      return;
    }
    *context.out << context.say("Đã sẵn sàng: ", "Ready: ") << context.database << '\n';
  });

  auto* demo =
      app.add_subcommand("demo", "Nạp cơ quan mẫu Sở Tư pháp Hà Tĩnh / load the demo agency");
  demo->callback([&] {
    auto connection = context.connect();
    if (!connection) {
      result = context.report(connection.error());
      return;
    }
    auto summary = demo::load_demo_agency(**connection, context.clock);
    if (!summary) {
      result = context.report(summary.error());
      return;
    }
    if (summary->created) {
      *context.out << fmt::format(
          fmt::runtime(context.say("Đã nạp {} ({}): {} người, {} lượt thành viên.\n",
                                   "Loaded {} ({}): {} people, {} memberships.\n")),
          summary->agency.name, summary->agency.code, summary->people, summary->memberships);
      *context.out << fmt::format(
          fmt::runtime(
              context.say("Kế hoạch năm và {} hoạt động ({} lượt điểm danh).\n",
                          "The year's plans and {} activities ({} attendance records).\n")),
          summary->activities, summary->attendance);
      *context.out << fmt::format(
          fmt::runtime(context.say("{} quỹ và cuộc vận động ({} bút toán); kiểm tra: doanket "
                                   "funds check.\n",
                                   "{} funds and campaigns ({} ledger entries); check them with "
                                   "doanket funds check.\n")),
          summary->funds, summary->fund_entries);
      *context.out << fmt::format(
          fmt::runtime(context.say("Thi đua: {} danh hiệu năm trước đã có quyết định; {} danh "
                                   "hiệu năm nay đang đề nghị.\n",
                                   "Emulation: {} titles decided last year; {} titles proposed "
                                   "this year.\n")),
          summary->titles_awarded, summary->titles_proposed);
      *context.out << context.say("Tài khoản thử (mật khẩu / password):\n",
                                  "Demo sign-ins (login / password):\n");
      for (const auto& login : summary->logins) {
        *context.out << fmt::format("  {:<10} {}  — {}: {}\n", login.login, login.password,
                                    login.role.in(context.language), login.full_name);
      }
    } else {
      *context.out << fmt::format(
          fmt::runtime(context.say("{} ({}) đã có trong cơ sở dữ liệu; không thay đổi gì.\n",
                                   "{} ({}) is already in the database; nothing changed.\n")),
          summary->agency.name, summary->agency.code);
    }
  });

  auto* agency = app.add_subcommand("agency", "Cơ quan / the agency")->require_subcommand(1);
  auto* show = agency->add_subcommand(
      "show", "Xem đơn vị, tổ chức, ban chấp hành / units, organizations, committees");
  show->callback([&] { result = show_agency(context); });
  auto* add_agency = agency->add_subcommand("add", "Thêm cơ quan / add an agency");
  auto new_agency_holder = std::make_shared<Agency>();
  Agency& new_agency = *new_agency_holder;
  add_agency->add_option("--code", new_agency.code, "Mã / code, e.g. STP-HT")->required();
  add_agency->add_option("--name", new_agency.name, "Tên / name")->required();
  add_agency->add_option("--province", new_agency.province, "Tỉnh / province");
  add_agency->callback([&, new_agency_holder] {
    auto connection = context.connect();
    if (!connection) {
      result = context.report(connection.error());
      return;
    }
    auto created = service::create_agency(**connection, *new_agency_holder, context.clock);
    if (!created) {
      result = context.report(created.error());
      return;
    }
    *context.out << context.say("Đã thêm cơ quan ", "Added agency ") << created->name << '\n';
  });

  auto* units = app.add_subcommand("units", "Đơn vị (phòng ban) / units")->require_subcommand(1);
  auto* add_unit = units->add_subcommand("add", "Thêm đơn vị / add a unit");
  auto new_unit_holder = std::make_shared<Unit>();
  Unit& new_unit = *new_unit_holder;
  add_unit->add_option("--name", new_unit.name, "Tên / name")->required();
  add_unit->add_option("--code", new_unit.code, "Mã / code");
  add_unit->callback([&, new_unit_holder] {
    result = with_agency(
        context, [&](service::Connection& connection, const Agency&, const service::Actor& actor) {
          auto created = service::create_unit(connection, actor, *new_unit_holder);
          if (!created) return context.report(created.error());
          *context.out << context.say("Đã thêm đơn vị ", "Added unit ") << created->name << '\n';
          return static_cast<int>(kSuccess);
        });
  });
  units->add_subcommand("list", "Danh sách đơn vị / list units")->callback([&] {
    result = with_agency(
        context, [&](service::Connection& connection, const Agency&, const service::Actor& actor) {
          auto list = service::list_units(connection, actor);
          if (!list) return context.report(list.error());
          TextTable table({context.say("Mã", "Code"), context.say("Đơn vị", "Unit")});
          for (const auto& summary : *list) table.add_row({summary.unit.code, summary.unit.name});
          table.print(*context.out);
          return static_cast<int>(kSuccess);
        });
  });

  auto* orgs =
      app.add_subcommand("orgs", "Tổ chức đoàn thể / organizations")->require_subcommand(1);
  auto* add_org = orgs->add_subcommand("add", "Thêm tổ chức / add an organization");
  // Option values live as long as the callbacks that read them.
  struct NewOrganization {
    Organization organization;
    std::string kind;
    std::optional<std::string> superior;
  };
  auto holder = std::make_shared<NewOrganization>();
  Organization& new_organization = holder->organization;
  std::string& kind_text = holder->kind;
  std::optional<std::string>& superior_code = holder->superior;
  add_org->add_option("--code", new_organization.code, "Mã / code, e.g. CD")->required();
  add_org->add_option("--name", new_organization.name, "Tên / name")->required();
  add_org
      ->add_option("--kind", kind_text,
                   "Loại / kind: trade-union, youth-union, lawyers-association, womens-union, "
                   "veterans-association, other")
      ->required();
  add_org->add_option("--superior", superior_code,
                      "Mã tổ chức cấp trên / code of the superior organization");
  add_org->add_flag("--external", new_organization.external,
                    "Không thuộc cơ quan (chỉ là cấp trên) / outside the agency (a superior only)");
  add_org->callback([&, holder] {
    result = with_agency(context, [&](service::Connection& connection, const Agency& tenant,
                                      const service::Actor& actor) {
      const auto kind = parse_code<OrganizationKind>(holder->kind);
      if (!kind) {
        return context.report(
            Error{ErrorKind::invalid_input,
                  "organization.kind_invalid",
                  {fmt::format("“{}” không phải loại tổ chức.", holder->kind),
                   fmt::format("“{}” is not a kind of organization.", holder->kind)},
                  {0, "--kind"}});
      }
      holder->organization.kind = *kind;
      if (holder->superior) {
        auto superior = organization_by_code(connection, actor, *holder->superior, "--superior");
        if (!superior) return context.report(superior.error());
        holder->organization.superior = OrganizationRef{tenant.id, superior->id};
      }
      auto created = service::create_organization(connection, actor, holder->organization);
      if (!created) return context.report(created.error());
      *context.out << context.say("Đã thêm tổ chức ", "Added organization ") << created->name
                   << '\n';
      return static_cast<int>(kSuccess);
    });
  });
  auto* update_org = orgs->add_subcommand(
      "update",
      "Sửa tên hoặc cấp trên của tổ chức / rename an organization or change its superior");
  struct OrganizationUpdate {
    std::string code;
    std::optional<std::string> name;
    std::optional<std::string> superior;
    bool no_superior = false;
  };
  auto update = std::make_shared<OrganizationUpdate>();
  update_org->add_option("--code", update->code, "Mã tổ chức / the organization's code")
      ->required();
  update_org->add_option("--name", update->name, "Tên mới / new name");
  auto* superior_option = update_org->add_option(
      "--superior", update->superior, "Mã tổ chức cấp trên / code of the superior organization");
  update_org
      ->add_flag("--no-superior", update->no_superior,
                 "Bỏ cấp trên trong cơ quan / no superior in the agency")
      ->excludes(superior_option);
  update_org->callback([&, update] {
    result = with_agency(context, [&](service::Connection& connection, const Agency&,
                                      const service::Actor& actor) {
      auto organization = organization_by_code(connection, actor, update->code, "--code");
      if (!organization) return context.report(organization.error());
      service::OrganizationChanges changes;
      changes.name = update->name;
      if (update->no_superior) changes.superior_id = std::optional<Id>{};
      if (update->superior) {
        auto superior = organization_by_code(connection, actor, *update->superior, "--superior");
        if (!superior) return context.report(superior.error());
        changes.superior_id = std::optional<Id>{superior->id};
      }
      auto updated = service::update_organization(connection, actor, organization->id, changes);
      if (!updated) return context.report(updated.error());
      *context.out << context.say("Đã sửa tổ chức ", "Updated organization ") << updated->name
                   << '\n';
      return static_cast<int>(kSuccess);
    });
  });
  orgs->add_subcommand("list", "Danh sách tổ chức / list organizations")->callback([&] {
    result = with_agency(
        context, [&](service::Connection& connection, const Agency&, const service::Actor& actor) {
          auto list = service::list_organizations(connection, actor);
          if (!list) return context.report(list.error());
          TextTable table({context.say("Mã", "Code"), context.say("Tổ chức", "Organization"),
                           context.say("Loại", "Kind"), context.say("Ngoài cơ quan", "External")});
          for (const auto& [organization, members] : *list) {
            table.add_row({organization.code, organization.name,
                           label_of(organization.kind).in(context.language),
                           organization.external ? "x" : ""});
          }
          table.print(*context.out);
          return static_cast<int>(kSuccess);
        });
  });
}

}  // namespace dk::cli
