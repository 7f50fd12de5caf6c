// A crash in the middle of a stream of donations loses none that were acknowledged: four desks
// record donations with their own Idempotency-Keys, the server is killed with SIGKILL while they
// do, and once it is back on the same database every acknowledged donation is there, retried
// requests are answered as before rather than recorded twice, and `doanket funds check` finds the
// ledger balanced. On SQLite and PostgreSQL.

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "http/api_support.hpp"

extern char** environ;

namespace dk::http::testing {
namespace {

// `doanket ARGS…` as a child with its output to a pipe (when `out` is given) or nowhere.
pid_t spawn_doanket(std::vector<std::string> args, int* out) {
  args.insert(args.begin(), DOANKET_BINARY);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int pipe_ends[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (out) {
    if (pipe2(pipe_ends, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  }
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  if (out) {
    close(pipe_ends[1]);
    *out = pipe_ends[0];
  }
  return pid;
}

int exit_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class FundCrash : public ApiTest {
 protected:
  // Serves the test's database again, after a crash: a new address, new sessions.
  void restart_server() {
    int out = -1;
    server_ =
        spawn_doanket({"--db", database_->target(), "serve", "--listen", "127.0.0.1:0"}, &out);
    ASSERT_GT(server_, 0);
    std::string line;
    char c = 0;
    while (read(out, &c, 1) == 1 && c != '\n') line.push_back(c);
    close(out);
    ASSERT_TRUE(line.starts_with("http://127.0.0.1:")) << "the server printed: " << line;
    base_url_ = line;
    clients_.clear();
  }

  std::int64_t sum_of_entries(std::int64_t fund, std::set<std::int64_t>& ids) {
    const Reply entries = as("chutichcd").get(fmt::format("/api/v1/funds/{}/entries", fund));
    EXPECT_EQ(entries.status, 200) << entries.body;
    std::int64_t sum = 0;
    const auto listed = entries.json();
    for (const auto& entry : listed.at("items").as_array()) {
      ids.insert(entry.at("id").as_int64());
      sum += entry.at("amount").as_int64();
    }
    return sum;
  }
};

struct Donation {
  std::string key;
  std::string body;
  std::int64_t id = 0;  // 0: not acknowledged (yet)
  std::int64_t amount = 0;
};

TEST_P(FundCrash, EveryAcknowledgedDonationSurvivesAKill) {
  Client& officer = as("chutichcd");
  const int year = vietnam_date(dk::testing::test_now()).year;
  const Reply created = officer.post(
      "/api/v1/funds",
      fmt::format(
          R"({{"kind":"campaign","name":"Ủng hộ đồng bào lũ lụt","starts_on":"{}-01-01","organization_ids":[{}]}})",
          year, organization_id("CD")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t fund = created.json().at("id").as_int64();
  const std::string path = fmt::format("/api/v1/funds/{}/donations", fund);
  auto send = [&](Client& client, const Donation& donation) {
    return client.send({"POST",
                        path,
                        donation.body,
                        "application/json",
                        {client.csrf_header(), "Idempotency-Key: " + donation.key}});
  };

  // Four desks stream donations until the server dies under them.
  constexpr int kDesks = 4;
  std::mutex mutex;
  std::vector<Donation> acknowledged;
  std::vector<Donation> in_flight;  // sent, answer lost
  std::vector<std::string> refusals;
  std::atomic<int> count{0};
  std::vector<std::thread> desks;
  for (int desk = 0; desk < kDesks; ++desk) {
    desks.emplace_back([&, desk] {
      for (int i = 0;; ++i) {
        Donation donation;
        donation.key = fmt::format("desk-{}-{}", desk, i);
        donation.amount = 50000 + desk * 1000 + i;
        donation.body = fmt::format(
            R"({{"amount":{},"method":"{}","memo":"{}","payer":{{"kind":"outside","name":"Khách {}"}}}})",
            donation.amount, desk % 2 ? "cash" : "bank_transfer", donation.key, desk);
        const Reply reply = send(officer, donation);
        std::lock_guard lock(mutex);
        if (reply.status != 201) {
          if (reply.status > 0) refusals.push_back(reply.body);  // an answer, not a lost one
          in_flight.push_back(donation);
          return;
        }
        donation.id = reply.json().at("id").as_int64();
        acknowledged.push_back(donation);
        ++count;
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (count < 60 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(kill(server_, SIGKILL), 0);
  EXPECT_EQ(exit_status(server_), 128 + SIGKILL);
  server_ = -1;
  for (std::thread& desk : desks) desk.join();
  ASSERT_GE(acknowledged.size(), 60u) << "the desks failed before the kill";
  ASSERT_TRUE(refusals.empty()) << refusals.front();

  restart_server();
  std::set<std::int64_t> ids;
  std::int64_t recorded = sum_of_entries(fund, ids);
  std::int64_t sum = 0;
  for (const Donation& donation : acknowledged) {
    EXPECT_TRUE(ids.contains(donation.id)) << donation.key << " was acknowledged and lost";
    sum += donation.amount;
  }
  // What was in flight may or may not have been committed; at most one per desk.
  EXPECT_LE(ids.size(), acknowledged.size() + in_flight.size());
  EXPECT_LE(acknowledged.size(), ids.size());
  // Each desk retries its lost request under the same key: recorded once, whichever way it went.
  Client& again = as("chutichcd");
  for (Donation& donation : in_flight) {
    const Reply reply = send(again, donation);
    ASSERT_EQ(reply.status, 201) << reply.body;
    donation.id = reply.json().at("id").as_int64();
    sum += donation.amount;
    acknowledged.push_back(donation);
    EXPECT_EQ(send(again, donation).body, reply.body) << "a second retry, the same answer";
  }
  ids.clear();
  recorded = sum_of_entries(fund, ids);
  EXPECT_EQ(ids.size(), acknowledged.size()) << "each donation once";
  EXPECT_EQ(recorded, sum);
  const auto totals =
      again.get(fmt::format("/api/v1/funds/{}", fund)).json().at("totals").as_object();
  EXPECT_EQ(totals.at("received").as_int64(), sum);
  EXPECT_EQ(totals.at("balance").as_int64(), sum);
  EXPECT_EQ(totals.at("cash").as_int64() + totals.at("bank").as_int64(), sum);
  EXPECT_EQ(totals.at("donations").as_int64(), static_cast<std::int64_t>(acknowledged.size()));

  // The trial balance, by the command a treasurer runs.
  EXPECT_EQ(stop_server(), 0);
  const pid_t check = spawn_doanket({"--db", database_->target(), "funds", "check"}, nullptr);
  ASSERT_GT(check, 0);
  EXPECT_EQ(exit_status(check), 0) << "doanket funds check: the ledger does not balance";
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(funds, FundCrash, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace dk::http::testing
