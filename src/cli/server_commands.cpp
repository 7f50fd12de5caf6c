// serve, user: the web service and its accounts.

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/process_clock.hpp"
#include "cli/text_table.hpp"
#include "http/server.hpp"
#include "service/account_admin.hpp"
#include "service/authentication.hpp"
#include "service/database.hpp"
#include "service/notification_mail.hpp"

namespace dk::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  long session_hours = 12;
  std::string web_root;
  // E-mail of notifications; without a server, none is sent (the bell still shows them).
  std::string smtp_url;
  bool smtp_starttls = false;
  std::string smtp_user;
  std::string mail_from;
  std::string site_url;
};

int serve(const Context& context, const ServeOptions& options) {
  end_with_test_parent();
  const auto colon = options.listen.rfind(':');
  unsigned long port = 0;
  try {
    if (colon == std::string::npos) throw std::invalid_argument("no port");
    port = std::stoul(options.listen.substr(colon + 1));
    if (port > 65535) throw std::out_of_range("port");
  } catch (const std::exception&) {
    return context.report(Error{ErrorKind::invalid_input,
                                "serve.listen_invalid",
                                Text{fmt::format("--listen cần ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080; "
                                                 "nhận được “{}”.",
                                                 options.listen),
                                     fmt::format("--listen needs ADDRESS:PORT, e.g. "
                                                 "127.0.0.1:8080; got “{}”.",
                                                 options.listen)},
                                {}});
  }
  http::ServerOptions server;
  server.address = options.listen.substr(0, colon);
  server.port = static_cast<std::uint16_t>(port);
  server.threads =
      options.threads > 0 ? options.threads : std::max(2u, std::thread::hardware_concurrency());
  server.session_lifetime = std::chrono::hours(options.session_hours);
  server.web_root = options.web_root;
  server.clock = context.clock;
  // The process is assembled here: the database (its pool, one connection per thread, and the
  // group commit) is the service's; the server only lends its connections to requests.
  auto database = service::Database::open(context.database, server.threads);
  if (!database) return context.report(database.error());
  std::unique_ptr<service::MailSender> mail;
  if (!options.smtp_url.empty()) {
    service::MailSettings settings;
    settings.server.url = options.smtp_url;
    settings.server.starttls = options.smtp_starttls;
    settings.server.user = options.smtp_user;
    // From the environment, so that it shows neither in `ps` nor in the shell's history.
    if (const char* password = std::getenv("DOANKET_SMTP_PASSWORD"))
      settings.server.password = password;
    settings.server.from = options.mail_from;
    settings.site = options.site_url;
    mail = std::make_unique<service::MailSender>(**database, std::move(settings), context.clock,
                                                 std::cerr);
  }
  // The access log goes to standard error, one JSON object per line.
  if (auto served = http::serve(server, **database, *context.out, std::cerr); !served)
    return context.report(served.error());
  return kSuccess;
}

struct NewUser {
  std::string login;
  Id person_id = 0;
  std::string password;
  bool administrator = false;
  bool leadership = false;
};

int add_user(const Context& context, const NewUser& user) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  std::string password = user.password;
  if (password.empty()) {
    // Read from standard input so that it stays out of the shell's history and `ps`.
    std::getline(std::cin, password);
  }
  service::NewAccount account{agency->id, user.person_id, user.login, password, {}};
  if (user.administrator) account.grants.push_back(Grant::administrator);
  if (user.leadership) account.grants.push_back(Grant::leadership);
  auto added = service::create_account(**connection, context.actor_in(*agency), account);
  if (!added) return context.report(added.error());
  *context.out << fmt::format(fmt::runtime(context.say("Đã tạo tài khoản “{}” cho {}.\n",
                                                       "Created the account “{}” for {}.\n")),
                              added->login, added->full_name);
  return kSuccess;
}

int list_users(const Context& context) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  auto agency = context.agency_in(**connection);
  if (!agency) return context.report(agency.error());
  auto listed = service::list_accounts(**connection, context.actor_in(*agency));
  if (!listed) return context.report(listed.error());
  TextTable table({context.say("Tên đăng nhập", "Login"), context.say("Họ và tên", "Full name"),
                   context.say("Quyền", "Grants")});
  for (const auto& account : *listed) {
    std::string grants;
    for (const Grant grant : account.grants) {
      if (!grants.empty()) grants += ", ";
      grants += grant == Grant::administrator ? context.say("quản trị", "administrator")
                                              : context.say("lãnh đạo", "leadership");
    }
    table.add_row({account.login, account.full_name, grants});
  }
  table.print(*context.out);
  return kSuccess;
}

}  // namespace

void add_server_commands(CLI::App& app, Context& context, int& result) {
  auto options = std::make_shared<ServeOptions>();
  auto* serve_command = app.add_subcommand(
      "serve", "Chạy dịch vụ web / serve the web API and app until SIGINT or SIGTERM");
  serve_command
      ->add_option("--listen", options->listen,
                   "ĐỊA_CHỈ:CỔNG / ADDRESS:PORT (default 127.0.0.1:8080; port 0: any free port)")
      ->capture_default_str();
  serve_command->add_option("--threads", options->threads, "Số luồng / threads (default: cores)");
  serve_command
      ->add_option("--session-hours", options->session_hours,
                   "Thời hạn phiên đăng nhập (giờ) / session lifetime in hours")
      ->check(CLI::Range(1, 24 * 30));
  serve_command->add_option("--web-root", options->web_root,
                            "Phục vụ ứng dụng web từ thư mục này thay cho bản trong chương trình "
                            "/ serve the web app from this folder (web/dist, in development) "
                            "instead of the copy inside the binary");
  serve_command->add_option("--smtp", options->smtp_url,
                            "Máy chủ thư cho thông báo / the mail server for notifications: "
                            "smtp://HOST:PORT or smtps://HOST:PORT (no option: no e-mail)");
  serve_command->add_flag("--smtp-starttls", options->smtp_starttls,
                          "Bắt buộc STARTTLS / require STARTTLS on smtp://");
  serve_command->add_option("--smtp-user", options->smtp_user,
                            "Tên đăng nhập máy chủ thư / mail server login (password from "
                            "DOANKET_SMTP_PASSWORD)");
  serve_command
      ->add_option("--mail-from", options->mail_from,
                   "Địa chỉ gửi / the sender's address, e.g. doanket@stp.hatinh.gov.vn")
      ->default_val("doanket@localhost");
  serve_command->add_option("--site-url", options->site_url,
                            "Địa chỉ mở ứng dụng, cho liên kết trong thư / the app's address, for "
                            "links in the mails (e.g. https://doanket.stp.hatinh.gov.vn)");
  serve_command->callback([&, options] { result = serve(context, *options); });

  auto* user = app.add_subcommand("user", "Tài khoản / accounts")->require_subcommand(1);
  auto new_user = std::make_shared<NewUser>();
  auto* add = user->add_subcommand(
      "add",
      "Tạo tài khoản cho một người / add an account for a person (password read from stdin "
      "unless --password)");
  add->add_option("login", new_user->login, "Tên đăng nhập / login")->required();
  add->add_option("--person", new_user->person_id, "Mã người / person id")->required();
  add->add_option("--password", new_user->password, "Mật khẩu / password (≥ 12 characters)");
  add->add_flag("--admin", new_user->administrator, "Quản trị hệ thống / system administrator");
  add->add_flag("--leadership", new_user->leadership, "Lãnh đạo (xem toàn bộ) / leadership");
  add->callback([&, new_user] { result = add_user(context, *new_user); });
  auto* list = user->add_subcommand("list", "Danh sách tài khoản / list the accounts");
  list->callback([&] { result = list_users(context); });
}

}  // namespace dk::cli
