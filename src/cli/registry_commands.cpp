// init, demo, agency, units, orgs, partners: setting up an agency's registry from the command line.

#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/text_table.hpp"
#include "service/demo_agency.hpp"
#include "store/registry_store.hpp"

namespace dk::cli {
namespace {

// Connects, resolves the agency and runs `work` with both; any error becomes the exit code.
template <class Work>
int with_agency(const Context& context, Work&& work) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  return work(**connection, *agency);
}

int show_agency(const Context& context) {
  return with_agency(context, [&](store::SqlConnection& connection, const Agency& agency) {
    store::RegistryStore registry(connection);
    std::ostream& out = *context.out;
    out << agency.name << " (" << agency.code << ")\n\n";
    auto units = registry.list_units(agency.id);
    if (!units) return context.report(units.error());
    TextTable unit_table({context.say("Mã", "Code"), context.say("Đơn vị", "Unit"),
                          context.say("Số người", "People")});
    for (const auto& unit : *units) {
      store::MemberQuery query;
      query.unit_id = unit.id;
      auto count = registry.count_members(agency.id, query);
      if (!count) return context.report(count.error());
      unit_table.add_row({unit.code, unit.name, std::to_string(*count)});
    }
    unit_table.print(out);
    out << '\n';
    auto organizations = registry.list_organizations(agency.id);
    if (!organizations) return context.report(organizations.error());
    TextTable organization_table({context.say("Mã", "Code"), context.say("Tổ chức", "Organization"),
                                  context.say("Loại", "Kind"), context.say("Cấp trên", "Superior"),
                                  context.say("Thành viên", "Members")});
    for (const auto& organization : *organizations) {
      if (organization.external) continue;
      std::string superior;
      for (const auto& other : *organizations) {
        if (organization.superior && other.id == organization.superior->organization_id)
          superior = other.name;
      }
      store::MemberQuery query;
      query.organization_id = organization.id;
      auto count = registry.count_members(agency.id, query);
      if (!count) return context.report(count.error());
      organization_table.add_row({organization.code, organization.name,
                                  label_of(organization.kind).in(context.language), superior,
                                  std::to_string(*count)});
    }
    organization_table.print(out);
    for (const auto& organization : *organizations) {
      if (organization.external) continue;
      auto committee = registry.committee_of(agency.id, organization.id);
      if (!committee) return context.report(committee.error());
      if (committee->empty()) continue;
      out << '\n'
          << context.say("Ban Chấp hành ", "Executive committee of ") << organization.name << ":\n";
      for (const auto& seat : *committee) {
        auto person = registry.find_person(agency.id, seat.person_id);
        if (!person) return context.report(person.error());
        out << "  " << committee_role_title(seat.role, organization.kind).in(context.language)
            << ": " << (*person ? (*person)->full_name : "?") << " (" << seat.term << ")\n";
      }
    }
    auto partners = registry.list_partner_units(agency.id);
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
    auto summary = service::load_demo_agency(**connection, context.clock);
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
    store::RegistryStore registry(**connection);
    auto created = registry.create_agency(*new_agency_holder);
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
    result = with_agency(context, [&](store::SqlConnection& connection, const Agency& tenant) {
      store::RegistryStore registry(connection);
      auto created = registry.create_unit(tenant.id, *new_unit_holder);
      if (!created) return context.report(created.error());
      *context.out << context.say("Đã thêm đơn vị ", "Added unit ") << created->name << '\n';
      return static_cast<int>(kSuccess);
    });
  });
  units->add_subcommand("list", "Danh sách đơn vị / list units")->callback([&] {
    result = with_agency(context, [&](store::SqlConnection& connection, const Agency& tenant) {
      store::RegistryStore registry(connection);
      auto list = registry.list_units(tenant.id);
      if (!list) return context.report(list.error());
      TextTable table({context.say("Mã", "Code"), context.say("Đơn vị", "Unit")});
      for (const auto& unit : *list) table.add_row({unit.code, unit.name});
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
    result = with_agency(context, [&](store::SqlConnection& connection, const Agency& tenant) {
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
      store::RegistryStore registry(connection);
      if (holder->superior) {
        auto superior = registry.find_organization(tenant.id, *holder->superior);
        if (!superior) return context.report(superior.error());
        if (!*superior) {
          return context.report(
              Error{ErrorKind::not_found,
                    "organization.not_found",
                    {fmt::format("Không có tổ chức mã “{}”.", *holder->superior),
                     fmt::format("There is no organization with code “{}”.", *holder->superior)},
                    {0, "--superior"}});
        }
        holder->organization.superior = OrganizationRef{tenant.id, (*superior)->id};
      }
      auto created = registry.create_organization(tenant.id, holder->organization);
      if (!created) return context.report(created.error());
      *context.out << context.say("Đã thêm tổ chức ", "Added organization ") << created->name
                   << '\n';
      return static_cast<int>(kSuccess);
    });
  });
  orgs->add_subcommand("list", "Danh sách tổ chức / list organizations")->callback([&] {
    result = with_agency(context, [&](store::SqlConnection& connection, const Agency& tenant) {
      store::RegistryStore registry(connection);
      auto list = registry.list_organizations(tenant.id);
      if (!list) return context.report(list.error());
      TextTable table({context.say("Mã", "Code"), context.say("Tổ chức", "Organization"),
                       context.say("Loại", "Kind"), context.say("Ngoài cơ quan", "External")});
      for (const auto& organization : *list) {
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
