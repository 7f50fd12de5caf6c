#include "cli/cli_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "io/table_reader.hpp"
#include "store/registry_store.hpp"
#include "support/demo_database.hpp"

extern char** environ;

namespace dk::cli::testing {
namespace {

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (auto& text : strings) result.push_back(text.data());
  result.push_back(nullptr);
  return result;
}

std::vector<std::string> child_environment(const RunOptions& options) {
  std::string extra_asan;
  std::vector<std::string> extra;
  for (const auto& variable : options.environment) {
    if (variable.starts_with("ASAN_OPTIONS=")) {
      extra_asan = variable.substr(std::strlen("ASAN_OPTIONS="));
    } else {
      extra.push_back(variable);
    }
  }
  std::vector<std::string> environment;
  std::string inherited_asan;
  for (char** variable = environ; *variable; ++variable) {
    const std::string_view text(*variable);
    if (text.starts_with("DOANKET_DB=") || text.starts_with("DOANKET_LANG=")) continue;
    if (text.starts_with("ASAN_OPTIONS=")) {
      inherited_asan = text.substr(std::strlen("ASAN_OPTIONS="));
      continue;
    }
    environment.emplace_back(text);
  }
  std::string asan = inherited_asan;
  if (!extra_asan.empty()) asan += (asan.empty() ? "" : ":") + extra_asan;
  if (!asan.empty()) environment.push_back("ASAN_OPTIONS=" + asan);
  environment.insert(environment.end(), extra.begin(), extra.end());
  return environment;
}

}  // namespace

CliRun run_doanket(const std::vector<std::string>& args, const RunOptions& options) {
  CliRun run;
  std::vector<std::string> argv_strings = {DOANKET_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = child_environment(options);
  auto argv = pointers(argv_strings);
  auto envp = pointers(env_strings);

  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2: " << std::strerror(errno);
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, argv_strings[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    ADD_FAILURE() << "posix_spawn " << argv_strings[0] << ": " << std::strerror(spawned);
    return run;
  }

  // Both pipes are drained together: a child that fills one while we wait on the other would
  // never finish.
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::array<pollfd, 2> fds = {pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
  std::array<std::string*, 2> sinks = {&run.out, &run.err};
  bool killed = false;
  char buffer[65536];
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && !killed) {
      ADD_FAILURE() << "doanket did not finish within " << options.timeout.count() << " s";
      kill(pid, SIGKILL);
      killed = true;
    }
    const int ready = poll(fds.data(), fds.size(), killed ? 1000 : static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) break;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
      }
    }
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.peak_rss_kib = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string describe(const CliRun& run) {
  std::ostringstream text;
  text << "exit code " << run.exit_code << ", peak RSS " << run.peak_rss_kib / 1024
       << " MiB\n--- stdout ---\n"
       << run.out.substr(0, 4000) << (run.out.size() > 4000 ? "…\n" : "") << "--- stderr ---\n"
       << run.err.substr(0, 4000) << (run.err.size() > 4000 ? "…\n" : "");
  return text.str();
}

std::string csv_bytes(const Rows& rows, const CsvStyle& style) {
  std::string bytes = style.bom ? "\xEF\xBB\xBF" : "";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) bytes += style.separator;
      const std::string& cell = row[i];
      if (cell.find_first_of(std::string("\"\r\n") + style.separator) == std::string::npos) {
        bytes += cell;
        continue;
      }
      bytes += '"';
      for (const char c : cell) bytes += c == '"' ? std::string("\"\"") : std::string(1, c);
      bytes += '"';
    }
    bytes += style.line_end;
  }
  return bytes;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "cannot read " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

namespace {

Rows read_all(io::TableReader& reader) {
  Rows rows;
  io::TableRow row;
  for (;;) {
    auto more = reader.next(row);
    if (!more) {
      ADD_FAILURE() << "reading the table failed: " << dk::describe(more.error(), "en");
      return rows;
    }
    if (!*more) return rows;
    rows.push_back(row.cells);
  }
}

}  // namespace

Rows read_table_file(const std::filesystem::path& path) {
  auto reader = io::open_table(path);
  if (!reader) {
    ADD_FAILURE() << "cannot open " << path << ": " << dk::describe(reader.error(), "en");
    return {};
  }
  return read_all(**reader);
}

Rows read_csv_text(const std::string& text) {
  auto reader = io::open_csv(std::make_unique<std::istringstream>(text));
  return read_all(*reader);
}

std::string read_zip_entry(const std::filesystem::path& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!archive) {
    ADD_FAILURE() << path << " is not a ZIP (libzip error " << error << ")";
    return "";
  }
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (!file) {
    zip_discard(archive);
    ADD_FAILURE() << path << " has no entry " << name;
    return "";
  }
  std::string content;
  char buffer[4096];
  for (zip_int64_t got; (got = zip_fread(file, buffer, sizeof buffer)) > 0;) {
    content.append(buffer, static_cast<size_t>(got));
  }
  zip_fclose(file);
  zip_discard(archive);
  return content;
}

std::filesystem::path test_data(std::string_view name) {
  return std::filesystem::path(DK_CLI_TEST_DATA) / name;
}

namespace {

// Every Vietnamese letter with its tones and marks, by the plain letter it folds to.
constexpr std::pair<char, std::string_view> kLetters[] = {
    {'a', "aàáảãạăằắẳẵặâầấẩẫậAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'d', "đĐ"},
    {'e', "eèéẻẽẹêềếểễệEÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "iìíỉĩịIÌÍỈĨỊ"},
    {'o', "oòóỏõọôồốổỗộơờớởỡợOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "uùúủũụưừứửữựUÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "yỳýỷỹỵYỲÝỶỸỴ"},
};

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

const std::unordered_map<std::string, char>& letter_table() {
  static const auto table = [] {
    std::unordered_map<std::string, char> map;
    for (const auto& [plain, variants] : kLetters) {
      for (size_t i = 0; i < variants.size();) {
        const size_t length = utf8_length(static_cast<unsigned char>(variants[i]));
        map.emplace(std::string(variants.substr(i, length)), plain);
        i += length;
      }
    }
    return map;
  }();
  return table;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string folded;
  for (size_t i = 0; i < text.size();) {
    const size_t length = utf8_length(static_cast<unsigned char>(text[i]));
    const std::string letter(text.substr(i, length));
    i += length;
    if (const auto found = letter_table().find(letter); found != letter_table().end()) {
      folded += found->second;
    } else if (length == 1) {
      folded += static_cast<char>(std::tolower(static_cast<unsigned char>(letter[0])));
    } else {
      folded += letter;
    }
  }
  return folded;
}

std::vector<std::string> folded_words(std::string_view name) {
  std::vector<std::string> words;
  std::istringstream in(fold(name));
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

boost::json::array parse_members(const CliRun& run) {
  boost::system::error_code error;
  auto value = boost::json::parse(run.out, error);
  if (error || !value.is_array()) {
    ADD_FAILURE() << "members list did not print a JSON array: " << describe(run);
    return {};
  }
  return value.as_array();
}

std::vector<std::string> names_of(const boost::json::array& members) {
  std::vector<std::string> names;
  for (const auto& member : members) {
    names.emplace_back(member.as_object().at("full_name").as_string());
  }
  return names;
}

std::string field(const boost::json::value& member, const char* name) {
  const auto* value = member.as_object().if_contains(name);
  if (!value) {
    ADD_FAILURE() << "no field " << name << " in " << boost::json::serialize(member);
    return "";
  }
  return value->is_string() ? std::string(value->as_string()) : "";
}

std::string fingerprint(const boost::json::object& member) {
  std::string line;
  for (const char* field : {"full_name", "birth_date", "gender", "unit", "position", "phone",
                            "email", "id_number", "address", "organizations"}) {
    const auto* value = member.if_contains(field);
    line += std::string(field) + "=" + (value ? boost::json::serialize(*value) : "?") + "; ";
  }
  return line;
}

std::vector<std::string> fingerprints(const boost::json::array& members) {
  std::vector<std::string> lines;
  for (const auto& member : members) lines.push_back(fingerprint(member.as_object()));
  std::sort(lines.begin(), lines.end());
  return lines;
}

void CliTest::SetUp() {
  database_ = std::make_unique<dk::testing::TestDatabase>(GetParam());
  DK_REQUIRE_DATABASE(*database_);
}

CliRun CliTest::doanket(std::vector<std::string> args, const RunOptions& options) {
  args.insert(args.begin(), {"--db", database_->target()});
  return run_doanket(args, options);
}

CliRun CliTest::ok(std::vector<std::string> args) {
  CliRun run = doanket(args);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  return run;
}

boost::json::array CliTest::members(std::vector<std::string> filters) {
  std::vector<std::string> args = {"members", "list", "--format", "json"};
  args.insert(args.end(), filters.begin(), filters.end());
  const CliRun run = doanket(args);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  return parse_members(run);
}

void create_empty_agency(const std::string& target) {
  // Set up in-process: a process per step would make the suite slow, and `agency add` and
  // `orgs add` are not what these tests are about.
  auto connection = store::open_database(target);
  ASSERT_TRUE(connection) << connection.error().message.en;
  store::RegistryStore registry(**connection);
  auto agency = registry.create_agency({0, "STP-HT", "Sở Tư pháp Hà Tĩnh", "Hà Tĩnh"});
  ASSERT_TRUE(agency) << agency.error().message.en;
  for (const auto& [code, name, kind] :
       {std::tuple{"CD", "Công đoàn cơ sở Sở Tư pháp", OrganizationKind::trade_union},
        std::tuple{"DTN", "Chi đoàn Sở Tư pháp", OrganizationKind::youth_union}}) {
    auto created =
        registry.create_organization(agency->id, Organization{0, code, name, kind, {}, false});
    ASSERT_TRUE(created) << created.error().message.en;
  }
}

void CliTest::create_empty_agency() {
  testing::create_empty_agency(database_->target());
}

void CliTest::load_demo() {
  ASSERT_TRUE(dk::testing::fill_with_demo(*database_, DOANKET_BINARY,
                                          [&] { return ok({"demo"}).exit_code == 0; }));
}

Rows standard_people() {
  return {
      {"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phòng", "Chức vụ", "Số điện thoại", "Email",
       "Số CCCD"},
      {"1", "Nguyễn Văn An", "03/02/1990", "Nam", "Phòng Kế toán", "Chuyên viên", "0912345678",
       "an.nv@stp.example.vn", "042090001234"},
      {"2", "Lê Thị Bích Ngọc", "15/11/1985", "Nữ", "Phòng Kế toán", "Kế toán trưởng", "0987654321",
       "", "042185004321"},
      {"3", "Trần Đức Dũng", "29/02/1992", "Nam", "Văn phòng", "Chánh Văn phòng", "",
       "dung.td@stp.example.vn", "042092007777"},
      {"4", "Đặng Quốc Việt", "20/07/1978", "Nam", "Phòng Công chứng", "Công chứng viên",
       "0977000111", "", "042078000555"},
      {"5", "Phạm Thị Hoa", "01/12/1999", "Nữ", "Văn phòng", "Chuyên viên", "0905111222", "", ""},
  };
}

}  // namespace dk::cli::testing
