// The emulation year over HTTP, on SQLite and PostgreSQL, on the demo agency (issue 18): last
// year's decision adds up to the sum of its awards; this year stands proposed; a member sees only
// their own file and history and may not review; nothing changes under a proposal; the chair sends
// it back, the member rates themselves again, the chair proposes and decides once (a retry with
// the same key answers the same), the decision's total the sum of its lines; bad input names its
// field, in the caller's language.

#include <fmt/format.h>

#include "http/api_support.hpp"

namespace dk::http::testing {
namespace {

class Emulation : public ApiTest {
 protected:
  std::string year_path(int year) {
    return fmt::format("/api/v1/emulation/years/{}/{}", organization_id("CD"), year);
  }
  static std::int64_t sum_of_bonuses(const boost::json::value& decision) {
    std::int64_t sum = 0;
    for (const auto& award : decision.at("awards").as_array())
      if (!award.at("bonus").is_null()) sum += award.at("bonus").as_int64();
    return sum;
  }
  static std::int64_t proposed_outcomes(const boost::json::value& year) {
    std::int64_t count = 0;
    for (const auto& outcome : year.at("outcomes").as_array())
      count += outcome.at("verdict").as_string() == "proposed" ? 1 : 0;
    return count;
  }
  static std::int64_t counted(const boost::json::value& year) {
    std::int64_t sum = 0;
    for (const auto& [title, count] : year.at("proposed").as_object()) sum += count.as_int64();
    return sum;
  }
  const int year_ = dk::testing::test_today().year;
};

TEST_P(Emulation, LastYearIsDecidedAndThisYearProposedInTheDemo) {
  Client& chair = as("chutichcd");
  const Reply last = chair.get(year_path(year_ - 1));
  ASSERT_EQ(last.status, 200) << last.body;
  const auto decided = last.json();
  EXPECT_EQ(text_of(decided, "stage"), "decided");
  const auto& decision = decided.at("decision");
  EXPECT_EQ(text_of(decision, "number"), "25/QĐ-CĐCS");
  EXPECT_EQ(decision.at("total_bonus").as_int64(), sum_of_bonuses(decision));
  EXPECT_GT(decision.at("total_bonus").as_int64(), 0);
  EXPECT_EQ(static_cast<std::int64_t>(decision.at("awards").as_array().size()), counted(decided));

  const Reply now = chair.get(year_path(year_));
  ASSERT_EQ(now.status, 200) << now.body;
  const auto proposed = now.json();
  EXPECT_EQ(text_of(proposed, "stage"), "proposed");
  EXPECT_TRUE(proposed.at("may_manage").as_bool());
  EXPECT_EQ(proposed.at("unreviewed").as_int64(), 0);
  EXPECT_GT(proposed.at("proposed").at("lao-dong-tien-tien").as_int64(), 10);
  EXPECT_EQ(counted(proposed), proposed_outcomes(proposed)) << "the counts are the names listed";
  bool explained = true;
  for (const auto& outcome : proposed.at("outcomes").as_array()) {
    if (outcome.at("verdict").as_string() != "proposed" && outcome.at("reasons").as_array().empty())
      explained = false;
  }
  EXPECT_TRUE(explained) << "every refusal says why";
  const auto& worker = proposed.at("titles").at(0);
  EXPECT_EQ(text_of(worker, "code"), "lao-dong-tien-tien");
  EXPECT_EQ(text_of(worker.at("name"), "vi"), "Lao động tiên tiến");

  const Reply listed = chair.get(fmt::format("/api/v1/emulation/years?year={}", year_));
  ASSERT_EQ(listed.status, 200) << listed.body;
  bool runs_trade_union = false;
  const auto items = listed.json();
  for (const auto& item : items.at("items").as_array())
    if (item.at("organization_id").as_int64() == organization_id("CD"))
      runs_trade_union = item.at("may_manage").as_bool() && text_of(item, "stage") == "proposed";
  EXPECT_TRUE(runs_trade_union) << listed.body;
}

TEST_P(Emulation, AMemberSeesOnlyTheirOwnFileAndHistory) {
  Client& member = as("doanvien");
  const Reply year = member.get(year_path(year_));
  ASSERT_EQ(year.status, 200) << year.body;
  const auto own = year.json();
  EXPECT_FALSE(own.at("may_manage").as_bool());
  ASSERT_EQ(own.at("people").as_array().size(), 1u);
  const std::int64_t self = as("doanvien").get("/api/v1/session").json().at("person_id").as_int64();
  EXPECT_EQ(own.at("people").at(0).at("person_id").as_int64(), self);
  EXPECT_TRUE(own.at("collectives").as_array().empty());
  for (const auto& outcome : own.at("outcomes").as_array())
    EXPECT_EQ(outcome.at("subject_id").as_int64(), self);

  const Reply mine = member.get("/api/v1/emulation/mine");
  ASSERT_EQ(mine.status, 200) << mine.body;
  bool last_year = false;
  const auto history = mine.json();
  for (const auto& award : history.at("awards").as_array())
    if (award.at("year").as_int64() == year_ - 1 &&
        text_of(award, "decision_number") == "25/QĐ-CĐCS")
      last_year = true;
  EXPECT_TRUE(last_year) << mine.body;

  const Reply review = member.post(fmt::format("{}/reviews/{}", year_path(year_), self),
                                   R"({"rating":"excellent"})");
  EXPECT_EQ(review.status, 403) << review.body;
  EXPECT_EQ(review.code(), "access.forbidden");
}

TEST_P(Emulation, TheChairSendsTheProposalBackThenProposesAndDecidesOnce) {
  Client& chair = as("chutichcd");
  Client& member = as("doanvien");
  const std::string path = year_path(year_);
  const std::int64_t self = member.get("/api/v1/session").json().at("person_id").as_int64();

  const Reply frozen = chair.send({"POST",
                                   fmt::format("{}/reviews/{}", path, self),
                                   R"({"rating":"excellent"})",
                                   "application/json",
                                   {chair.csrf_header(), "Accept-Language: en"}});
  EXPECT_EQ(frozen.status, 409) << frozen.body;
  EXPECT_EQ(frozen.code(), "emulation.stage");
  EXPECT_NE(frozen.body.find("Proposed"), std::string::npos) << frozen.body;

  const Reply no_reason = chair.post(path + "/reopen", R"({"reason":""})");
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(chair.get(path + "/decision.docx").code(), "emulation.stage") << "nothing decided yet";
  const Reply reopened = chair.post(path + "/reopen", R"({"reason":"Bổ sung minh chứng"})");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(text_of(reopened.json(), "stage"), "open");
  EXPECT_EQ(text_of(reopened.json(), "reopened_reason"), "Bổ sung minh chứng");

  const Reply rated =
      member.post(path + "/self-rating", R"({"rating":"good","note":"Đủ chỉ tiêu"})");
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(text_of(rated.json().at("people").at(0), "self_rating"), "good");
  const Reply wrong_rating = member.post(path + "/self-rating", R"({"rating":"superb"})");
  EXPECT_EQ(wrong_rating.status, 422) << wrong_rating.body;

  const Reply too_many = chair.post(
      path + "/votes",
      fmt::format(R"({{"council_members":7,"votes":[{{"subject":"person","subject_id":{},)"
                  R"("title":"chien-si-thi-dua-co-so","yes":9}}]}})",
                  self));
  EXPECT_EQ(too_many.status, 422) << too_many.body;
  EXPECT_NE(too_many.body.find("votes[0].yes"), std::string::npos) << too_many.body;

  ASSERT_EQ(chair.post(path + "/proposal", "{}").status, 200);
  const Reply bad_day = chair.post(
      path + "/decision",
      fmt::format(R"({{"number":"30/QĐ-CĐCS","signed_on":"{}-01-05","signer":"Chủ tịch"}})",
                  year_ - 1));
  EXPECT_EQ(bad_day.status, 422) << bad_day.body;
  EXPECT_NE(bad_day.body.find("signed_on"), std::string::npos) << bad_day.body;

  const std::string decision =
      fmt::format(R"({{"number":"30/QĐ-CĐCS","signed_on":"{}-12-28","signer":"Chủ tịch"}})", year_);
  const Call decide{"POST",
                    path + "/decision",
                    decision,
                    "application/json",
                    {chair.csrf_header(), "Idempotency-Key: decision-1"}};
  const Reply decided = chair.send(decide);
  ASSERT_EQ(decided.status, 200) << decided.body;
  const auto year = decided.json();
  EXPECT_EQ(text_of(year, "stage"), "decided");
  EXPECT_EQ(year.at("decision").at("total_bonus").as_int64(), sum_of_bonuses(year.at("decision")));
  EXPECT_EQ(static_cast<std::int64_t>(year.at("decision").at("awards").as_array().size()),
            counted(year));
  const Reply again = chair.send(decide);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, decided.body) << "a retry gets the first answer";
  EXPECT_EQ(chair.post(path + "/decision", decision).status, 409) << "decided once";

  // The decision as a Word document: a ZIP, named for the year and the organization.
  const Reply docx = chair.get(path + "/decision.docx");
  ASSERT_EQ(docx.status, 200) << docx.body;
  EXPECT_EQ(docx.headers.at("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_NE(docx.headers.at("content-disposition")
                .find(fmt::format("quyet-dinh-thi-dua-{}-CD.docx", year_)),
            std::string::npos);
  EXPECT_EQ(member.get(path + "/decision.docx").status, 403);
}

// The rules over HTTP: everyone reads them with what each kind of criterion needs; only the
// administrator adds a version, checked by field; a version from next year is not yet in force,
// and the year already proposed keeps the rules it was proposed under.
TEST_P(Emulation, TheAdministratorAddsAVersionOfARuleAndItWaitsForItsDay) {
  Client& chair = as("chutichcd");
  const Reply rules = chair.get("/api/v1/emulation/rules");
  ASSERT_EQ(rules.status, 200) << rules.body;
  const auto shipped = rules.json();
  EXPECT_FALSE(shipped.at("may_edit").as_bool());
  const auto& worker = shipped.at("titles").at(0);
  EXPECT_EQ(text_of(worker, "code"), "lao-dong-tien-tien");
  ASSERT_EQ(worker.at("versions").as_array().size(), 1u);
  EXPECT_TRUE(worker.at("versions").at(0).at("in_force").as_bool());
  EXPECT_TRUE(worker.at("versions").at(0).at("shipped").as_bool());
  bool rating_kind = false;
  for (const auto& kind : shipped.at("criterion_kinds").as_array())
    if (text_of(kind, "code") == "rating-at-least") rating_kind = kind.at("rating").as_bool();
  EXPECT_TRUE(rating_kind) << "the editor knows a rating criterion needs a rating";

  const std::string version = fmt::format(
      R"({{"new_title":false,"title":"lao-dong-tien-tien","name_vi":"Lao động tiên tiến",)"
      R"("name_en":"Advanced worker",)"
      R"("subject":"person","effective_from":"{}-01-01","citation_vi":"Quyết định 12/QĐ-CĐCS",)"
      R"("criteria":[{{"kind":"rating-at-least","rating":"excellent"}},)"
      R"({{"kind":"months-in-service","number":6}}]}})",
      year_ + 1);
  EXPECT_EQ(chair.post("/api/v1/emulation/rules", version).status, 403);
  Client& admin = as("quantri");
  const Reply added = admin.post("/api/v1/emulation/rules", version);
  ASSERT_EQ(added.status, 201) << added.body;
  const auto now_kept = added.json();
  const auto& versions = now_kept.at("titles").at(0).at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_TRUE(versions.at(0).at("in_force").as_bool()) << "the new one waits for next year";
  EXPECT_FALSE(versions.at(1).at("in_force").as_bool());
  EXPECT_FALSE(versions.at(1).at("shipped").as_bool());
  EXPECT_EQ(text_of(versions.at(1).at("citation"), "en"), "Quyết định 12/QĐ-CĐCS");

  const Reply again = admin.post("/api/v1/emulation/rules", version);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.code(), "emulation.rule_version_exists");
  const Reply no_rating = admin.post(
      "/api/v1/emulation/rules",
      fmt::format(R"({{"title":"lao-dong-tien-tien","name_vi":"Lao động tiên tiến",)"
                  R"("subject":"person","effective_from":"{}-02-01","citation_vi":"QĐ 13",)"
                  R"("criteria":[{{"kind":"rating-at-least"}}]}})",
                  year_ + 1));
  EXPECT_EQ(no_rating.status, 422) << no_rating.body;
  EXPECT_NE(no_rating.body.find("criteria[0].rating"), std::string::npos) << no_rating.body;

  const Reply year = chair.get(year_path(year_));
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_EQ(text_of(year.json().at("titles").at(0), "effective_from"), "2024-01-01");
}

INSTANTIATE_TEST_SUITE_P(Engines, Emulation, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::http::testing
