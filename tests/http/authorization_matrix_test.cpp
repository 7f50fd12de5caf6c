// Every demo role against every endpoint: what each may do is allowed, the rest refused — checked
// against the real server, whatever a user interface would offer.

#include <fmt/format.h>

#include <set>

#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class AuthorizationMatrix : public ApiTest {};

struct Attempt {
  std::string method;
  std::string path;
  std::string body;
  // Expected status per login; refused ones are 403 with access.forbidden, hidden ones (a person
  // the caller may not see) 404 with person.not_found, as if they were not there.
  std::map<std::string, long> expected;
};

// The ids of the people quantri sees, with their organization codes.
std::vector<std::pair<std::int64_t, std::string>> people_and_organizations(Client& admin) {
  std::vector<std::pair<std::int64_t, std::string>> people;
  const auto listed = admin.get("/api/v1/people?limit=500").json();
  for (const auto& item : listed.at("items").as_array()) {
    people.emplace_back(item.at("id").as_int64(),
                        std::string(item.at("organizations").as_string()));
  }
  return people;
}

TEST_P(AuthorizationMatrix, EachRoleMayDoExactlyWhatItIsAllowed) {
  const std::int64_t cd = organization_id("CD");
  const std::int64_t dtn = organization_id("DTN");
  Client& admin = as("quantri");
  const auto member_session = as("doanvien").get("/api/v1/session").json().as_object();
  const std::int64_t member_self = member_session.at("person_id").as_int64();
  const auto people = people_and_organizations(admin);
  // Someone of the trade union only, who is not the member; someone who shares no organization
  // with the member; someone not in the youth union.
  std::int64_t trade_unionist = 0, stranger = 0, not_in_youth_union = 0;
  std::string stranger_codes;
  const auto member_codes = std::string(as("quantri")
                                            .get(fmt::format("/api/v1/people/{}", member_self))
                                            .json()
                                            .at("organizations")
                                            .as_string());
  for (const auto& [id, codes] : people) {
    if (id == member_self) continue;
    if (!trade_unionist && codes == "CD") trade_unionist = id;
    bool shares = false;
    for (const std::string code : {"CD", "DTN", "CHLG"}) {
      if (codes.find(code) != std::string::npos && member_codes.find(code) != std::string::npos)
        shares = true;
    }
    if (!stranger && !shares && !codes.empty()) {
      stranger = id;
      stranger_codes = codes;
    }
    if (!not_in_youth_union && codes.find("DTN") == std::string::npos) not_in_youth_union = id;
  }
  ASSERT_TRUE(trade_unionist && stranger && not_in_youth_union);

  // Records the structural changes below act on, made beforehand by the administrator.
  const auto spare_unit =
      admin.post("/api/v1/units", R"({"name":"Phòng Dự phòng"})").json().at("id").as_int64();
  const auto spare_partner = admin.post("/api/v1/partner-units", R"({"name":"Đơn vị Dự phòng"})")
                                 .json()
                                 .at("id")
                                 .as_int64();
  const auto cd_committee =
      admin.get(fmt::format("/api/v1/organizations/{}", cd)).json().at("committee");
  const auto cd_seat = cd_committee.as_array().back().at("id").as_int64();

  const auto unionist_record = admin.get(fmt::format("/api/v1/people/{}", trade_unionist)).json();
  const auto unionist_membership =
      unionist_record.at("memberships").as_array().front().at("id").as_int64();

  // Someone without an account, and the leader's account (disabled by the administrator last).
  const auto accounts = admin.get("/api/v1/accounts").json();
  std::set<std::int64_t> with_account;
  std::int64_t leader_account = 0;
  for (const auto& account : accounts.at("items").as_array()) {
    with_account.insert(account.at("person_id").as_int64());
    if (account.at("login").as_string() == "lanhdao") leader_account = account.at("id").as_int64();
  }
  std::int64_t no_account = 0;
  for (const auto& [id, codes] : people) {
    if (!with_account.contains(id) && id != stranger) no_account = id;
  }
  ASSERT_TRUE(no_account && leader_account);

  const long ok = 200, created = 201, gone = 204, refused = 403, hidden = 404;
  auto all = [](long status) {
    return std::map<std::string, long>{
        {"doanvien", status}, {"lanhdao", status}, {"chutichcd", status}, {"quantri", status}};
  };
  auto only_admin = [&](long status) {
    return std::map<std::string, long>{
        {"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", refused}, {"quantri", status}};
  };
  const std::vector<Attempt> attempts{
      {"GET", "/api/v1/session", "", all(ok)},
      {"GET", "/api/v1/agency", "", all(ok)},
      {"GET", "/api/v1/units", "", all(ok)},
      {"GET", "/api/v1/organizations", "", all(ok)},
      {"GET", fmt::format("/api/v1/organizations/{}", cd), "", all(ok)},
      {"GET", "/api/v1/partner-units", "", all(ok)},
      {"GET", "/api/v1/people", "", all(ok)},
      {"GET", fmt::format("/api/v1/people/{}", member_self), "", all(ok)},
      {"GET",
       fmt::format("/api/v1/people/{}", stranger),
       "",
       {{"doanvien", hidden}, {"lanhdao", ok}, {"chutichcd", ok}, {"quantri", ok}}},
      {"PATCH",
       fmt::format("/api/v1/people/{}", stranger),
       R"({"phone":"0987654322"})",
       {{"doanvien", hidden},
        {"lanhdao", refused},
        {"chutichcd", stranger_codes.find("CD") != std::string::npos ? ok : refused},
        {"quantri", ok}}},
      {"POST", "/api/v1/units", R"({"name":"Phòng Thử nghiệm"})", only_admin(created)},
      {"POST", "/api/v1/partner-units", R"({"name":"Công an tỉnh Hà Tĩnh"})", only_admin(created)},
      {"POST",
       "/api/v1/people",
       fmt::format(R"({{"full_name":"Lê Văn Mới","organization_id":{}}})", cd),
       {{"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", created}, {"quantri", created}}},
      {"POST", "/api/v1/people",
       fmt::format(R"({{"full_name":"Trần Thị Mới","organization_id":{}}})", dtn),
       only_admin(created)},
      {"POST", "/api/v1/people", R"({"full_name":"Ngô Văn Ngoài"})", only_admin(created)},
      {"PATCH",
       fmt::format("/api/v1/people/{}", trade_unionist),
       R"({"position":"Chuyên viên chính"})",
       {{"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", ok}, {"quantri", ok}}},
      {"PATCH",
       fmt::format("/api/v1/people/{}", member_self),
       R"({"phone":"0987654321"})",
       {{"doanvien", ok},
        {"lanhdao", refused},
        {"chutichcd", member_codes.find("CD") != std::string::npos ? ok : refused},
        {"quantri", ok}}},
      {"PATCH",
       fmt::format("/api/v1/people/{}", member_self),
       R"({"full_name":"Tên Khác"})",
       {{"doanvien", refused},
        {"lanhdao", refused},
        {"chutichcd", member_codes.find("CD") != std::string::npos ? ok : refused},
        {"quantri", ok}}},
      {"PATCH",
       fmt::format("/api/v1/memberships/{}", unionist_membership),
       R"({"card_number":"CD-9999"})",
       {{"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", ok}, {"quantri", ok}}},
      {"POST", "/api/v1/memberships",
       fmt::format(R"({{"person_id":{},"organization_id":{}}})", not_in_youth_union, dtn),
       only_admin(created)},
      {"POST",
       "/api/v1/committee-roles",
       fmt::format(R"({{"person_id":{},"organization_id":{},"role":"member"}})", trade_unionist,
                   cd),
       {{"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", created}, {"quantri", created}}},
      {"GET", "/api/v1/audit", "", only_admin(ok)},
      {"GET",
       "/api/v1/dashboard",
       "",
       {{"doanvien", refused}, {"lanhdao", ok}, {"chutichcd", ok}, {"quantri", ok}}},
      {"GET", "/api/v1/people/export?format=csv", "", all(ok)},
      {"POST", "/api/v1/imports/members?mode=preview", "Họ và tên\nNguyễn Văn Xem\n",
       only_admin(ok)},
      {"GET", "/api/v1/accounts", "", only_admin(ok)},
      {"POST", "/api/v1/accounts",
       fmt::format(R"({{"person_id":{},"login":"moi","password":"một mật khẩu đủ dài"}})",
                   no_account),
       only_admin(created)},
      {"DELETE", fmt::format("/api/v1/accounts/{}", leader_account), "", only_admin(ok)},
      {"PATCH", "/api/v1/agency", R"({"province":"Tỉnh Hà Tĩnh"})", only_admin(ok)},
      {"PATCH", fmt::format("/api/v1/units/{}", spare_unit), R"({"code":"DP"})", only_admin(ok)},
      {"DELETE", fmt::format("/api/v1/units/{}", spare_unit), "", only_admin(gone)},
      {"POST", "/api/v1/organizations", R"({"code":"CLB","name":"Câu lạc bộ Thể thao"})",
       only_admin(created)},
      {"PATCH", fmt::format("/api/v1/organizations/{}", cd), R"({"name":"Công đoàn Sở Tư pháp"})",
       only_admin(ok)},
      {"PATCH", fmt::format("/api/v1/partner-units/{}", spare_partner), R"({"note":"Dự phòng"})",
       only_admin(ok)},
      {"DELETE", fmt::format("/api/v1/partner-units/{}", spare_partner), "", only_admin(gone)},
      {"DELETE",
       fmt::format("/api/v1/committee-roles/{}", cd_seat),
       "",
       {{"doanvien", refused}, {"lanhdao", refused}, {"chutichcd", ok}, {"quantri", ok}}},
      {"DELETE", fmt::format("/api/v1/people/{}", stranger), "", only_admin(ok)},
  };
  // The administrator goes last, so that what it creates does not change the others' answers.
  for (const std::string login : {"doanvien", "lanhdao", "chutichcd", "quantri"}) {
    Client& client = as(login);
    for (const Attempt& attempt : attempts) {
      const Reply reply = client.send(
          {attempt.method, attempt.path, attempt.body, "application/json", {client.csrf_header()}});
      const long expected = attempt.expected.at(login);
      EXPECT_EQ(reply.status, expected)
          << login << " " << attempt.method << " " << attempt.path << " " << attempt.body << "\n"
          << reply.body;
      if (expected == refused && reply.status == refused) {
        EXPECT_EQ(reply.code(), "access.forbidden") << login << " " << attempt.path;
      }
      if (expected == hidden && reply.status == hidden) {
        EXPECT_EQ(reply.code(), "person.not_found") << login << " " << attempt.path;
      }
    }
  }
}

TEST_P(AuthorizationMatrix, NobodySignedInGetsOnlyTheHealthCheckAndTheDocument) {
  Client nobody = anonymous();
  EXPECT_EQ(nobody.get("/healthz").status, 200);
  EXPECT_EQ(nobody.get("/api/v1/openapi.json").status, 200);
  for (const std::string path : {"/api/v1/session", "/api/v1/agency", "/api/v1/units",
                                 "/api/v1/organizations", "/api/v1/people", "/api/v1/audit"}) {
    const Reply reply = nobody.get(path);
    EXPECT_EQ(reply.status, 401) << path;
    EXPECT_EQ(reply.code(), "session.none") << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthorizationMatrix, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
