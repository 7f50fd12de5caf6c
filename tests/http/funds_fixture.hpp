#pragma once
// The funds' HTTP suites start here: the demo agency's trade union, its chair and treasurer (two
// officers, so that one approves what the other asks), a member, and helpers that open a
// campaign, record donations and read a fund's totals.

#include <fmt/format.h>

#include "core/clock.hpp"
#include "http/api_support.hpp"

namespace dk::http::testing {

class Funds : public ApiTest {
 protected:
  // The trade union's treasurer: its second officer, beside its chair.
  Client& treasurer() { return as("thuquy"); }
  Client& chair() { return as("chutichcd"); }
  Client& member() { return as("doanvien"); }

  std::int64_t person_of(const std::string& login) {
    return as(login).get("/api/v1/session").json().at("person_id").as_int64();
  }
  std::string name_of(const std::string& login) {
    return text_of(as(login).get("/api/v1/session").json(), "full_name");
  }

  // A campaign of the trade union, opened by its chair; returns its id.
  std::int64_t campaign(const std::string& name, const std::string& extra = "") {
    const Reply created = chair().post(
        "/api/v1/funds",
        fmt::format(
            R"({{"kind":"campaign","name":"{}","beneficiary":"Đồng bào vùng lũ","purpose":"Ủng hộ đồng bào bị lũ lụt","starts_on":"{}-01-01","organization_ids":[{}]{}}})",
            name, this_year(), organization_id("CD"), extra.empty() ? "" : "," + extra));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? created.json().at("id").as_int64() : 0;
  }

  static int this_year() { return vietnam_date(dk::testing::test_now()).year; }

  static std::string fund_path(std::int64_t fund, const std::string& rest = "") {
    return fmt::format("/api/v1/funds/{}{}", fund, rest);
  }

  // POST with the CSRF token and, when given, an Idempotency-Key.
  static Reply post_with_key(Client& client, const std::string& path, const std::string& body,
                             const std::string& key) {
    std::vector<std::string> headers{client.csrf_header()};
    if (!key.empty()) headers.push_back("Idempotency-Key: " + key);
    return client.send({"POST", path, body, "application/json", headers});
  }

  Reply donate(Client& officer, std::int64_t fund, const std::string& body,
               const std::string& key = "") {
    return post_with_key(officer, fund_path(fund, "/donations"), body, key);
  }

  // A cash donation from a member; returns the entry.
  boost::json::value cash_from(std::int64_t fund, std::int64_t amount, const std::string& login) {
    const Reply given = donate(
        chair(), fund,
        fmt::format(R"({{"amount":{},"method":"cash","payer":{{"kind":"person","person_id":{}}}}})",
                    amount, person_of(login)));
    EXPECT_EQ(given.status, 201) << given.body;
    return given.json();
  }

  boost::json::object totals(std::int64_t fund) {
    const Reply read = chair().get(fund_path(fund));
    EXPECT_EQ(read.status, 200) << read.body;
    return read.json().at("totals").as_object();
  }

  std::size_t entry_count(std::int64_t fund) {
    const Reply entries = chair().get(fund_path(fund, "/entries"));
    EXPECT_EQ(entries.status, 200) << entries.body;
    return entries.json().at("items").as_array().size();
  }

  // A disbursement requested by the chair; returns its id.
  std::int64_t requested(std::int64_t fund, std::int64_t amount) {
    const Reply request = chair().post(
        fund_path(fund, "/disbursements"),
        fmt::format(
            R"({{"amount":{},"method":"cash","beneficiary":"UBND xã Kỳ Hà","purpose":"Hỗ trợ gia đình bị lũ","paid_on":"{}"}})",
            amount, format_iso(vietnam_date(dk::testing::test_now()))));
    EXPECT_EQ(request.status, 201) << request.body;
    return request.status == 201 ? request.json().at("id").as_int64() : 0;
  }
};

inline std::int64_t integer_at(const boost::json::value& value, const char* field) {
  return value.at(field).as_int64();
}

}  // namespace dk::http::testing
