// The web service end to end: the real binary on a free port, over HTTP, on SQLite and PostgreSQL.

#include <fmt/format.h>

#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class Api : public ApiTest {};

TEST_P(Api, SignInGivesAPrivateCookieAndSignOutEndsTheSession) {
  Client client = anonymous();
  const Reply wrong = client.sign_in("chutichcd", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.code(), "session.wrong_credentials");
  EXPECT_EQ(wrong.headers.at("content-type"), "application/problem+json");

  const Reply signed_in = client.sign_in("ChuTichCD", kDemoPassword);  // as a phone types it
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string cookie = signed_in.headers.at("set-cookie");
  EXPECT_NE(cookie.find("dk_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP on loopback
  const auto session = signed_in.json();
  EXPECT_EQ(text_of(session, "login"), "chutichcd");
  EXPECT_EQ(session.at("csrf_token").as_string().size(), 43u);

  EXPECT_EQ(client.get("/api/v1/session").status, 200);
  // Signing out changes state: without the CSRF token it is refused.
  const Reply forged = client.send({"DELETE", "/api/v1/session", "", "", {"X-CSRF-Token: forged"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.code(), "session.csrf_mismatch");
  EXPECT_EQ(client.remove("/api/v1/session").status, 204);
  const Reply after = client.get("/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.code(), "session.expired");
}

TEST_P(Api, AnExpiredSessionIsRefusedWithAClearProblem) {
  Client& client = as("lanhdao");
  EXPECT_EQ(client.get("/api/v1/people").status, 200);
  execute_sql("UPDATE sessions SET expires_at = 0");
  const Reply reply = client.send({"GET", "/api/v1/people", "", "", {"Accept-Language: en"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.code(), "session.expired");
  EXPECT_NE(reply.body.find("Please sign in again"), std::string::npos) << reply.body;
}

TEST_P(Api, RepeatedFailedSignInsAreThrottledEvenWithTheRightPassword) {
  Client client = anonymous();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.sign_in("doanvien", "wrong password!").status, 401);
  const Reply throttled = client.sign_in("doanvien", kDemoPassword);
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.code(), "session.throttled");
  EXPECT_GT(std::stoi(throttled.headers.at("retry-after")), 0);
  // Another account from the same address is not locked out by this one's failures.
  EXPECT_EQ(anonymous().sign_in("lanhdao", kDemoPassword).status, 201);
}

TEST_P(Api, ChangingThePasswordChecksItAndEndsOtherSessions) {
  Client& first = as("doanvien");
  Client second = anonymous();
  ASSERT_EQ(second.sign_in("doanvien", kDemoPassword).status, 201);
  const Reply too_short = first.put(
      "/api/v1/session/password",
      fmt::format(R"({{"current_password":"{}","new_password":"short"}})", kDemoPassword));
  EXPECT_EQ(too_short.status, 422);
  EXPECT_EQ(too_short.code(), "password.too_short");
  EXPECT_EQ(text_of(too_short.json(), "field"), "new_password");
  const Reply changed =
      first.put("/api/v1/session/password",
                fmt::format(R"({{"current_password":"{}","new_password":"một mật khẩu dài hơn"}})",
                            kDemoPassword));
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(first.get("/api/v1/session").status, 200);
  EXPECT_EQ(second.get("/api/v1/session").status, 401);
  EXPECT_EQ(anonymous().sign_in("doanvien", kDemoPassword).status, 401);
  EXPECT_EQ(anonymous().sign_in("doanvien", "một mật khẩu dài hơn").status, 201);
}

TEST_P(Api, PersonalDataIsShownOnlyToThoseEntitledAndEveryReadIsAudited) {
  // Leadership reads everyone, without personal data.
  Client& leader = as("lanhdao");
  const auto leader_self = leader.get("/api/v1/session").json().at("person_id").as_int64();
  const auto leaders = leader.get("/api/v1/people?limit=500").json();
  const auto& everyone = leaders.at("items").as_array();
  EXPECT_EQ(leaders.at("total").as_int64(), 60);
  for (const auto& person : everyone) {
    if (person.at("id").as_int64() == leader_self) continue;
    EXPECT_FALSE(person.at("personal_data").as_bool());
    EXPECT_EQ(person.as_object().if_contains("id_number"), nullptr);
    EXPECT_EQ(person.as_object().if_contains("birth_date"), nullptr);
  }
  // A record cites the personal-data rule in force on the server's today (18/11/2026): the law
  // of 2025, not the decree it replaced on 01/01/2026.
  const auto record =
      leader.get(fmt::format("/api/v1/people/{}", everyone[0].at("id").as_int64())).json();
  const auto& rule = record.at("personal_data_rule");
  EXPECT_NE(text_of(rule, "vi").find("91/2025/QH15"), std::string::npos) << rule;
  EXPECT_EQ(text_of(rule, "effective_from"), "2026-01-01");
  // The trade union's chair sees the personal data of trade unionists only.
  const auto chair = as("chutichcd").get("/api/v1/people?limit=500").json();
  int shown = 0;
  const auto chair_self = as("chutichcd").get("/api/v1/session").json().at("person_id").as_int64();
  for (const auto& person : chair.at("items").as_array()) {
    if (person.at("id").as_int64() == chair_self) continue;
    const bool trade_unionist = text_of(person, "organizations").find("CD") != std::string::npos;
    EXPECT_EQ(person.at("personal_data").as_bool(), trade_unionist) << person;
    shown += trade_unionist;
  }
  EXPECT_GT(shown, 0);
  // A member sees only the people of their organizations, and their own personal data.
  Client& member = as("doanvien");
  const auto self = member.get("/api/v1/session").json().at("person_id").as_int64();
  const auto members = member.get("/api/v1/people?limit=500").json();
  EXPECT_LT(members.at("total").as_int64(), 60);
  for (const auto& person : members.at("items").as_array()) {
    EXPECT_EQ(person.at("personal_data").as_bool(), person.at("id").as_int64() == self);
  }
  // The chair's list read personal data: the administrator finds it in the audit log.
  const auto audit = as("quantri").get("/api/v1/audit?action=read_personal").json();
  ASSERT_GE(audit.at("total").as_int64(), 1);
  const auto& entry = audit.at("items").as_array().front();
  EXPECT_EQ(text_of(entry, "entity"), "person");
  EXPECT_EQ(text_of(entry, "address"), "127.0.0.1");
  EXPECT_FALSE(entry.at("detail").at("people").as_array().empty());
}

TEST_P(Api, SearchIgnoresDiacriticsAndPagesInVietnameseOrder) {
  Client& admin = as("quantri");
  const auto found = admin.get("/api/v1/people?search=duc&limit=500").json();
  ASSERT_GT(found.at("total").as_int64(), 0);
  for (const auto& person : found.at("items").as_array()) {
    const std::string name = text_of(person, "full_name");
    EXPECT_TRUE(name.find("Đức") != std::string::npos || name.find("Đực") != std::string::npos ||
                name.find("Dục") != std::string::npos || name.find("Dức") != std::string::npos ||
                name.find("Duc") != std::string::npos)
        << name;
  }
  // Two pages of 10 are the first 20 of the whole list, in the same order.
  const auto whole = admin.get("/api/v1/people?limit=20").json().at("items").as_array();
  const auto first = admin.get("/api/v1/people?limit=10").json().at("items").as_array();
  const auto second = admin.get("/api/v1/people?limit=10&offset=10").json().at("items").as_array();
  ASSERT_EQ(whole.size(), 20u);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(first[i].at("id"), whole[i].at("id"));
    EXPECT_EQ(second[i].at("id"), whole[10 + i].at("id"));
  }
  const Reply bad_limit = admin.get("/api/v1/people?limit=100000");
  EXPECT_EQ(bad_limit.status, 422);
  EXPECT_EQ(bad_limit.code(), "list.limit_invalid");
  EXPECT_EQ(admin.get("/api/v1/people?limit=abc").code(), "query.invalid");
}

TEST_P(Api, PeopleAreOrderedByNameEitherWayOrByDepartment) {
  Client& leadership = as("lanhdao");
  auto ids = [&](const std::string& sort) {
    std::vector<std::int64_t> listed;
    const auto page = leadership.get("/api/v1/people?limit=500&sort=" + sort).json();
    for (const auto& item : page.at("items").as_array()) listed.push_back(item.at("id").as_int64());
    return listed;
  };
  auto by_name = ids("name");
  auto reversed = ids("-name");
  ASSERT_GT(by_name.size(), 10u);
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(reversed, by_name);
  // By department: the departments come in their own (Vietnamese) order, people without one last.
  std::vector<std::string> unit_order;
  const auto units = leadership.get("/api/v1/units").json();
  for (const auto& unit : units.at("items").as_array()) unit_order.push_back(text_of(unit, "name"));
  const auto page = leadership.get("/api/v1/people?limit=500&sort=unit").json();
  std::size_t last = 0;
  for (const auto& item : page.at("items").as_array()) {
    const std::string unit = text_of(item, "unit_name");
    const auto found = std::find(unit_order.begin(), unit_order.end(), unit);
    const std::size_t position = unit.empty() ? unit_order.size() : found - unit_order.begin();
    EXPECT_GE(position, last) << text_of(item, "full_name") << " in " << unit;
    last = position;
  }
  EXPECT_EQ(leadership.get("/api/v1/people?sort=birth_date").code(), "query.invalid");
}

TEST_P(Api, BadBodiesGetAProblemThatNamesWhatIsWrongAndChangeNothing) {
  Client& admin = as("quantri");
  const long before = admin.get("/api/v1/people").json().at("total").as_int64();
  auto post = [&](const std::string& body, const std::string& type = "application/json") {
    return admin.send({"POST", "/api/v1/people", body, type, {admin.csrf_header()}});
  };
  EXPECT_EQ(post("{\"full_name\": ").code(), "body.malformed");
  EXPECT_EQ(post("[1, 2]").code(), "body.not_object");
  EXPECT_EQ(post(R"({"full_name":"An"})", "text/plain").code(), "body.not_json");
  const Reply wrong_type = post(R"({"full_name": 42})");
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(wrong_type.code(), "body.wrong_type");
  EXPECT_EQ(text_of(wrong_type.json(), "field"), "full_name");
  const Reply unknown = post(R"({"full_name":"Lê Văn A","salary":1})");
  EXPECT_EQ(unknown.code(), "body.unknown_field");
  EXPECT_EQ(text_of(unknown.json(), "field"), "salary");
  EXPECT_EQ(post(R"({"gender":"male"})").code(), "field.required");
  const Reply date = post(R"({"full_name":"Lê Văn A","birth_date":"1990-02-31"})");
  EXPECT_EQ(date.code(), "body.date_invalid");
  EXPECT_EQ(text_of(date.json(), "field"), "birth_date");
  EXPECT_EQ(post(R"({"full_name":"Lê Văn A","id_number":"12ab"})").code(),
            "person.id_number_invalid");
  EXPECT_EQ(post(R"({"full_name":"Lê Văn A","gender":"robot"})").code(), "body.unknown_code");
  const Reply big = post(R"({"full_name":")" + std::string(1536 * 1024, 'a') + "\"}");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.code(), "body.too_large");
  EXPECT_EQ(big.json().at("status").as_int64(), 413) << "the body says the status it came with";
  // A body far past every limit is cut off without being read.
  EXPECT_NE(post(R"({"full_name":")" + std::string(8 << 20, 'a') + "\"}").status, 201);
  // An address or a header past 8 KiB gets a problem that says which; past 64 KiB the connection
  // is closed.
  const Reply long_header =
      admin.send({"GET", "/api/v1/people", "", "", {"X-Note: " + std::string(10 * 1024, 'a')}});
  EXPECT_EQ(long_header.status, 431);
  EXPECT_EQ(long_header.code(), "request.header_too_large");
  EXPECT_EQ(long_header.json().at("status").as_int64(), 431);
  const Reply long_address = admin.get("/api/v1/people?search=" + std::string(10 * 1024, 'a'));
  EXPECT_EQ(long_address.status, 414);
  EXPECT_EQ(long_address.code(), "request.target_too_long");
  EXPECT_EQ(long_address.json().at("status").as_int64(), 414);
  // A field named twice is refused, not read one way here and another way elsewhere.
  const Reply twice = post(R"({"full_name":"Lê Văn A","full_name":"Lê Văn B"})");
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(twice.code(), "body.duplicate_key");
  EXPECT_EQ(text_of(twice.json(), "field"), "full_name");
  EXPECT_EQ(admin.get("/api/v1/people?search=%ff%fe").code(), "query.malformed");
  EXPECT_EQ(text_of(admin.get("/api/v1/people?membership=some").json(), "field"), "membership");
  EXPECT_EQ(admin.get("/api/v1/people/99999999999999999999").status, 404);
  const Reply english = admin.send({"POST",
                                    "/api/v1/people",
                                    R"({"full_name": 42})",
                                    "application/json",
                                    {admin.csrf_header(), "Accept-Language: en-US,en;q=0.9"}});
  EXPECT_NE(text_of(english.json(), "title").find("must be a string"), std::string::npos);
  EXPECT_EQ(admin.get("/api/v1/people").json().at("total").as_int64(), before);
  // A hostile name is stored as text and comes back as it was written.
  const Reply hostile = post(R"({"full_name":"=cmd|' /C calc'!A0 <script>"})");
  EXPECT_EQ(hostile.status, 201) << hostile.body;
}

TEST_P(Api, AnOfficerAddsAMemberAndTheChangeIsAudited) {
  Client& chair = as("chutichcd");
  const std::int64_t cd = organization_id("CD");
  const Reply created = chair.post(
      "/api/v1/people",
      fmt::format(
          R"({{"full_name":"nguyễn thị  đức","birth_date":"1995-04-30","phone":"+84 912 000 111","organization_id":{},"card_number":"CD-0999"}})",
          cd));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto person = created.json();
  EXPECT_EQ(text_of(person, "full_name"), "Nguyễn Thị Đức");
  EXPECT_EQ(text_of(person, "phone"), "0912000111");
  EXPECT_EQ(text_of(person, "birth_date"), "1995-04-30");
  ASSERT_EQ(person.at("memberships").as_array().size(), 1u);
  EXPECT_EQ(text_of(person.at("memberships").as_array()[0], "card_number"), "CD-0999");
  const auto id = person.at("id").as_int64();
  // The same CCCD twice is a conflict that names the field.
  ASSERT_EQ(
      chair.patch(fmt::format("/api/v1/people/{}", id), R"({"id_number":"042099000111"})").status,
      200);
  const Reply twice = chair.post(
      "/api/v1/people",
      fmt::format(
          R"({{"full_name":"Lê Văn Trùng","id_number":"042099000111","organization_id":{}}})", cd));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(text_of(twice.json(), "field"), "id_number");
  // Ending the membership keeps the person and their history.
  const auto membership = person.at("memberships").as_array()[0].at("id").as_int64();
  const Reply ended = chair.patch(fmt::format("/api/v1/memberships/{}", membership),
                                  R"({"status":"left","leave_reason":"Nghỉ hưu"})");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(text_of(ended.json(), "status"), "left");
  EXPECT_FALSE(text_of(ended.json(), "left_on").empty());
  const auto audit =
      as("quantri").get(fmt::format("/api/v1/audit?entity=person&entity_id={}", id)).json();
  std::vector<std::string> actions;
  for (const auto& entry : audit.at("items").as_array())
    actions.push_back(text_of(entry, "action"));
  EXPECT_EQ(actions, (std::vector<std::string>{"update", "create"}));
}

TEST_P(Api, ANumberSearchFindsOnlyNumbersTheCallerMaySee) {
  Client& member = as("doanvien");
  const auto self = member.get("/api/v1/session").json().at("person_id").as_int64();
  const auto mates = member.get("/api/v1/people?limit=500").json();
  std::int64_t mate = 0;
  for (const auto& person : mates.at("items").as_array()) {
    if (person.at("id").as_int64() != self) mate = person.at("id").as_int64();
  }
  ASSERT_NE(mate, 0);
  const auto numbers = as("quantri").get(fmt::format("/api/v1/people/{}", mate)).json();
  const std::string cccd = text_of(numbers, "id_number");
  ASSERT_EQ(cccd.size(), 12u);
  // Matching would tell the member a fellow member's CCCD, a few digits at a time.
  EXPECT_EQ(member.get("/api/v1/people?search=" + cccd.substr(0, 8)).json().at("total").as_int64(),
            0);
  const auto own = as("quantri").get(fmt::format("/api/v1/people/{}", self)).json();
  const auto found = member.get("/api/v1/people?search=" + text_of(own, "phone")).json();
  ASSERT_EQ(found.at("total").as_int64(), 1);
  EXPECT_EQ(found.at("items").as_array()[0].at("id").as_int64(), self);
  // The administrator finds anyone by number.
  EXPECT_EQ(as("quantri").get("/api/v1/people?search=" + cccd).json().at("total").as_int64(), 1);
}

TEST_P(Api, WhoLeavesTheAgencyLosesTheirSeatsAndTheirSignIn) {
  Client& chair = as("chutichcd");
  const auto chair_person = chair.get("/api/v1/session").json().at("person_id").as_int64();
  const Reply removed = as("quantri").remove(fmt::format("/api/v1/people/{}", chair_person));
  ASSERT_EQ(removed.status, 200) << removed.body;
  const auto record = removed.json();
  for (const auto& membership : record.at("memberships").as_array())
    EXPECT_EQ(text_of(membership, "status"), "left");
  ASSERT_FALSE(record.at("committee_roles").as_array().empty());
  for (const auto& seat : record.at("committee_roles").as_array())
    EXPECT_FALSE(text_of(seat, "term_end").empty());
  EXPECT_EQ(chair.get("/api/v1/session").status, 401);
  EXPECT_EQ(anonymous().sign_in("chutichcd", kDemoPassword).status, 401);
}

TEST_P(Api, AnOfficerCannotEnrolAStrangerToReadTheirData) {
  const std::int64_t cd = organization_id("CD");
  const auto people = as("quantri").get("/api/v1/people?limit=500").json();
  std::int64_t stranger = 0;
  for (const auto& person : people.at("items").as_array()) {
    if (text_of(person, "organizations").find("CD") == std::string::npos)
      stranger = person.at("id").as_int64();
  }
  ASSERT_NE(stranger, 0);
  const Reply enrol =
      as("chutichcd")
          .post("/api/v1/memberships",
                fmt::format(R"({{"person_id":{},"organization_id":{}}})", stranger, cd));
  EXPECT_EQ(enrol.status, 403);
  EXPECT_EQ(enrol.code(), "access.forbidden");
}

TEST_P(Api, OutOfRangeValuesAreRefusedNotObeyed) {
  Client& admin = as("quantri");
  const Reply far = admin.get("/api/v1/people?search=dung&offset=9223372036854775807");
  EXPECT_EQ(far.status, 422);
  EXPECT_EQ(far.code(), "list.offset_invalid");
  const Reply future =
      admin.post("/api/v1/people", R"({"full_name":"Lê Văn Sau","birth_date":"9999-12-31"})");
  EXPECT_EQ(future.code(), "person.birth_date_invalid");
  // Guessing the current password through a session is throttled too.
  Client& member = as("doanvien");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        member
            .put(
                "/api/v1/session/password",
                R"({"current_password":"guess guess guess","new_password":"một mật khẩu dài hơn"})")
            .code(),
        "password.current_wrong");
  }
  const Reply throttled =
      member.put("/api/v1/session/password",
                 fmt::format(R"({{"current_password":"{}","new_password":"một mật khẩu dài hơn"}})",
                             kDemoPassword));
  EXPECT_EQ(throttled.status, 429);
}

TEST_P(Api, TheAdministratorAddsAndDisablesAccounts) {
  Client& admin = as("quantri");
  const auto people = admin.get("/api/v1/people?limit=500").json();
  const auto accounts = admin.get("/api/v1/accounts").json();
  EXPECT_EQ(accounts.at("total").as_int64(), 6);  // the demo's six logins
  std::int64_t person = 0;
  for (const auto& item : people.at("items").as_array()) {
    bool has = false;
    for (const auto& account : accounts.at("items").as_array())
      has = has || account.at("person_id") == item.at("id");
    if (!has) person = item.at("id").as_int64();
  }
  ASSERT_NE(person, 0);
  const Reply weak =
      admin.post("/api/v1/accounts",
                 fmt::format(R"({{"person_id":{},"login":"can.bo","password":"ngắn"}})", person));
  EXPECT_EQ(weak.code(), "password.too_short");
  const Reply bad_login = admin.post(
      "/api/v1/accounts",
      fmt::format(R"({{"person_id":{},"login":"Cán Bộ","password":"một mật khẩu đủ dài"}})",
                  person));
  EXPECT_EQ(bad_login.code(), "account.login_invalid");
  const Reply added = admin.post(
      "/api/v1/accounts",
      fmt::format(
          R"({{"person_id":{},"login":"can.bo","password":"một mật khẩu đủ dài","leadership":true}})",
          person));
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json().at("grants").as_array().front().as_string(), "leadership");
  EXPECT_EQ(
      admin
          .post("/api/v1/accounts",
                fmt::format(R"({{"person_id":{},"login":"khac","password":"một mật khẩu đủ dài"}})",
                            person))
          .code(),
      "account.person_has_account");
  Client newcomer = anonymous();
  ASSERT_EQ(newcomer.sign_in("can.bo", "một mật khẩu đủ dài").status, 201);
  const auto id = added.json().at("id").as_int64();
  EXPECT_EQ(admin.remove(fmt::format("/api/v1/accounts/{}", id)).status, 200);
  EXPECT_EQ(newcomer.get("/api/v1/session").status, 401);
  EXPECT_EQ(anonymous().sign_in("can.bo", "một mật khẩu đủ dài").status, 401);
  const auto self = admin.get("/api/v1/session").json().at("account_id").as_int64();
  EXPECT_EQ(admin.remove(fmt::format("/api/v1/accounts/{}", self)).code(), "account.self_disable");
  const auto audit = admin.get("/api/v1/audit?entity=account&action=create").json();
  EXPECT_GE(audit.at("total").as_int64(), 1);
}

// An SQLite file has no connection to lose: this one runs on PostgreSQL only.
class PostgresApi : public ApiTest {};

TEST_P(PostgresApi, TheServiceRecoversWhenTheDatabaseDropsItsConnections) {
  Client& admin = as("quantri");
  ASSERT_EQ(admin.get("/api/v1/units").status, 200);
  // As a PostgreSQL restart does: every connection of the server is cut.
  execute_sql(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
      "AND pid <> pg_backend_pid()");
  // Each pooled connection may fail one request with a clear 503, then it is replaced.
  long status = 0;
  int failures = 0;
  for (int attempt = 0; attempt < 8 && status != 200; ++attempt) {
    const Reply reply = admin.get("/api/v1/units");
    status = reply.status;
    if (status != 200) {
      ++failures;
      EXPECT_EQ(status, 503) << reply.body;
      EXPECT_EQ(reply.headers.at("content-type"), "application/problem+json");
    }
  }
  EXPECT_EQ(status, 200);
  EXPECT_LE(failures, 4);
}

TEST_P(Api, TheAuditLogCannotBeRewritten) {
  as("quantri");  // signing in is itself on record
  auto connection = database_->open();
  ASSERT_TRUE(connection);
  EXPECT_FALSE(connection->execute_script("UPDATE audit_log SET action = 'nothing'"));
  EXPECT_FALSE(connection->execute_script("DELETE FROM audit_log"));
}

// The document itself is checked against the route table in openapi_test.cpp; here, that the
// server serves it and answers an unknown path with a problem.
TEST_P(Api, HeadAnswersAsGetWithoutTheBody) {
  Client& admin = as("quantri");
  for (const std::string path : {"/healthz", "/api/v1/people", "/api/v1/openapi.json"}) {
    const Reply got = admin.get(path);
    const Reply head = admin.send({"HEAD", path, "", "", {}});
    EXPECT_EQ(head.status, got.status) << path;
    EXPECT_TRUE(head.body.empty()) << path;
    EXPECT_EQ(head.headers.at("content-length"), std::to_string(got.body.size())) << path;
    EXPECT_EQ(head.headers.at("content-type"), got.headers.at("content-type")) << path;
  }
  EXPECT_EQ(anonymous().send({"HEAD", "/api/v1/people", "", "", {}}).status, 401);
  EXPECT_EQ(admin.send({"HEAD", "/api/v1/no-such-thing", "", "", {}}).status, 404);
}

TEST_P(Api, TheServerServesItsOpenApiDocument) {
  const auto document = anonymous().get("/api/v1/openapi.json").json();
  EXPECT_EQ(text_of(document, "openapi"), "3.1.0");
  EXPECT_TRUE(document.at("paths").as_object().contains("/api/v1/people/{id}"));
  // And nothing the server does not answer: an unknown path is a 404 problem.
  const Reply unknown = anonymous().get("/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.code(), "route.not_found");
}

TEST_P(Api, TheAdministratorShapesTheStructureAndTheRulesHold) {
  Client& admin = as("quantri");
  const Reply unit = admin.post("/api/v1/units", R"({"name":"Phòng Mới","code":"PM"})");
  ASSERT_EQ(unit.status, 201) << unit.body;
  const auto unit_id = unit.json().at("id").as_int64();
  const Reply renamed =
      admin.patch(fmt::format("/api/v1/units/{}", unit_id), R"({"name":"Phòng Đổi Tên"})");
  EXPECT_EQ(text_of(renamed.json(), "name"), "Phòng Đổi Tên");
  // A unit with people in it cannot go; an empty one can.
  const Reply person = admin.post(
      "/api/v1/people", fmt::format(R"({{"full_name":"Trương Văn Đơn","unit_id":{}}})", unit_id));
  ASSERT_EQ(person.status, 201) << person.body;
  const Reply busy = admin.remove(fmt::format("/api/v1/units/{}", unit_id));
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.code(), "unit.not_empty");
  ASSERT_EQ(admin
                .patch(fmt::format("/api/v1/people/{}", person.json().at("id").as_int64()),
                       R"({"unit_id":null})")
                .status,
            200);
  EXPECT_EQ(admin.remove(fmt::format("/api/v1/units/{}", unit_id)).status, 204);

  // Organizations form a tree without cycles.
  const Reply parent =
      admin.post("/api/v1/organizations",
                 R"({"code":"CDN","name":"Công đoàn ngành","kind":"trade-union","external":true})");
  ASSERT_EQ(parent.status, 201) << parent.body;
  const auto parent_id = parent.json().at("id").as_int64();
  const Reply child = admin.post(
      "/api/v1/organizations",
      fmt::format(
          R"({{"code":"CLB","name":"Câu lạc bộ Cầu lông","kind":"other","superior_id":{}}})",
          parent_id));
  ASSERT_EQ(child.status, 201) << child.body;
  const auto child_id = child.json().at("id").as_int64();
  const Reply cycle = admin.patch(fmt::format("/api/v1/organizations/{}", parent_id),
                                  fmt::format(R"({{"superior_id":{}}})", child_id));
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(cycle.code(), "organization.superior_cycle");
  EXPECT_EQ(admin.post("/api/v1/organizations", R"({"code":"CDN","name":"Trùng mã"})").code(),
            "organization.code_taken");

  const Reply partner = admin.post("/api/v1/partner-units", R"({"name":"Sở Tài chính"})");
  ASSERT_EQ(partner.status, 201);
  const auto partner_id = partner.json().at("id").as_int64();
  EXPECT_EQ(text_of(admin
                        .patch(fmt::format("/api/v1/partner-units/{}", partner_id),
                               R"({"contact_name":"Chị Lan"})")
                        .json(),
                    "contact_name"),
            "Chị Lan");
  EXPECT_EQ(admin.remove(fmt::format("/api/v1/partner-units/{}", partner_id)).status, 204);
  EXPECT_EQ(admin.remove(fmt::format("/api/v1/partner-units/{}", partner_id)).status, 404);

  const Reply agency = admin.patch("/api/v1/agency", R"({"province":"Tỉnh Hà Tĩnh"})");
  EXPECT_EQ(text_of(agency.json(), "province"), "Tỉnh Hà Tĩnh");
  EXPECT_EQ(as("chutichcd").patch("/api/v1/agency", R"({"name":"Khác"})").status, 403);

  // The chair ends a seat of their committee; it stays, with its end date.
  const std::int64_t cd = organization_id("CD");
  const auto committee =
      as("chutichcd").get(fmt::format("/api/v1/organizations/{}", cd)).json().at("committee");
  const auto seat = committee.as_array().back().at("id").as_int64();
  const Reply ended = as("chutichcd").remove(fmt::format("/api/v1/committee-roles/{}", seat));
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(text_of(ended.json(), "term_end").empty());
}

TEST_P(Api, TheServerStopsCleanlyOnSigterm) {
  EXPECT_EQ(as("quantri").get("/api/v1/people").status, 200);
  EXPECT_EQ(stop_server(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, Api, ::testing::ValuesIn(dk::testing::engines()));
INSTANTIATE_TEST_SUITE_P(Engines, PostgresApi, ::testing::Values(std::string("postgres")));

}  // namespace
}  // namespace dk::http::testing
