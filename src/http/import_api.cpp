// /api/v1/imports/members: the office's member list sent as the request body (the file's bytes),
// previewed, then written all or nothing or valid rows only.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.hpp"
#include "service/member_upload.hpp"

namespace dk::http {
namespace {

boost::json::object report_json(const service::ImportReport& report, std::string_view mode,
                                std::string_view language) {
  boost::json::array problems;
  for (const Error& problem : report.problems) {
    boost::json::object item{{"code", problem.code},
                             {"message", problem.message.in(language)},
                             {"message_vi", problem.message.vi},
                             {"message_en", problem.message.en}};
    item["line"] = problem.where.line;
    item["field"] = problem.where.field;
    problems.push_back(std::move(item));
  }
  boost::json::array ignored(report.ignored_columns.begin(), report.ignored_columns.end());
  boost::json::array skipped;
  for (const service::SkippedLine& line : report.skipped) {
    skipped.push_back({{"line", line.line},
                       {"code", line.code},
                       {"message", line.reason.in(language)},
                       {"message_vi", line.reason.vi},
                       {"message_en", line.reason.en}});
  }
  const ImportCounts& counts = report.counts;
  return {{"mode", mode},
          {"written", report.written},
          {"counts",
           {{"rows", counts.rows},
            {"people_created", counts.people_created},
            {"people_matched", counts.people_matched},
            {"memberships_added", counts.memberships_added},
            {"already_members", counts.already_members},
            {"units_created", report.units_created}}},
          {"rows_rejected", report.rows_rejected},
          {"problems", std::move(problems)},
          {"problems_truncated",
           report.rows_rejected > 0 && report.problems.size() >= service::kMaxReportedProblems},
          {"ignored_columns", std::move(ignored)},
          {"skipped", std::move(skipped)},
          {"sheet", report.sheet}};
}

Result<HttpResponse> import_members(ApiCall& call) {
  service::MemberUpload upload;
  const std::string mode = query_value(call.request, "mode").value_or("preview");
  if (mode == "preview") {
    upload.mode = service::UploadMode::preview;
  } else if (mode == "all_or_nothing") {
    upload.mode = service::UploadMode::all_or_nothing;
  } else if (mode == "valid_only") {
    upload.mode = service::UploadMode::valid_only;
  } else {
    return bad_parameter("mode");
  }
  auto organization = TRY(query_integer_value(call.request, "organization_id"));
  upload.organization_id = organization;
  upload.file_name = query_value(call.request, "filename").value_or("");
  upload.encoding = query_value(call.request, "encoding").value_or("utf-8");
  if (upload.encoding != "utf-8" && upload.encoding != "windows-1258")
    return bad_parameter("encoding");
  if (call.request.body.empty()) {
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp gửi lên trống.",
                "The uploaded file is empty.", Location{0, "file"});
  }
  upload.content = call.request.body;
  auto report = TRY(service::import_uploaded_members(call.connection, call.who(), upload));
  return json_response(200, boost::json::serialize(report_json(report, mode, call.language)));
}

}  // namespace

void add_import_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"POST", "/api/v1/imports/members", Guard::signed_in, import_members, kMaxUploadBody});
}

}  // namespace dk::http
