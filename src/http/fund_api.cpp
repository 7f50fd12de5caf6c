// /api/v1/funds and the rest of charity: campaigns and standing funds, pledges and donations (with
// an Idempotency-Key, since a phone retries and money must not count twice), disbursements that a
// second officer approves, transfers, reversals, receipts, the public statement, bank statements
// matched to pledges, and the year's report. Money is an integer number of đồng in JSON, never a
// string or a fraction.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

#include "http/api.hpp"
#include "http/download.hpp"
#include "http/fund_json.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/bank_statements.hpp"
#include "service/disbursements.hpp"
#include "service/donations.hpp"
#include "service/fund_statement.hpp"
#include "service/funds.hpp"
#include "service/funds_report.hpp"
#include "service/pledges.hpp"

namespace dk::http {
namespace {

constexpr std::string_view kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---- reading bodies ----

// A body with the fields JsonBody has no reader for (money, the payer object) taken apart: `fields`
// reads the others strictly (an unknown one is still refused), `raw` holds the whole object.
struct FundBody {
  JsonBody fields;
  boost::json::object raw;
};

Result<JsonBody> json_body_of(const boost::json::object& object) {
  HttpRequest request;
  request.headers["content-type"] = "application/json";
  request.body = boost::json::serialize(object);
  return JsonBody::parse(request);
}

Result<FundBody> parse_body(const HttpRequest& request,
                            std::initializer_list<std::string_view> apart = {}) {
  // An empty body is an empty object: approving needs nothing, a reason may be left out.
  if (request.body.empty()) {
    auto fields = TRY(json_body_of({}));
    return FundBody{std::move(fields), {}};
  }
  TRY(JsonBody::parse(request));
  boost::json::object raw = boost::json::parse(request.body).as_object();
  boost::json::object rest = raw;
  for (std::string_view field : apart) rest.erase(field);
  auto fields = TRY(json_body_of(rest));
  return FundBody{std::move(fields), std::move(raw)};
}

std::unexpected<Error> bad_money(std::string_view field, std::string_view vi, std::string_view en) {
  return fail(ErrorKind::invalid_input, "money.invalid", fmt::format("Trường “{}”: {}", field, vi),
              fmt::format("The field “{}”: {}", field, en), Location{0, std::string(field)});
}

// An amount of money: a JSON integer of đồng, above 0 and below 10^15. Absent: the outer optional
// is empty; null: the inner one.
Result<std::optional<std::optional<Dong>>> read_money(const boost::json::object& raw,
                                                      std::string_view field) {
  const boost::json::value* value = raw.if_contains(field);
  if (!value) return std::nullopt;
  if (value->is_null()) return std::optional<std::optional<Dong>>(std::optional<Dong>());
  if (value->is_string()) {
    return bad_money(field, "số tiền phải là một số (đồng), không phải chuỗi.",
                     "an amount must be a number (of đồng), not a string.");
  }
  if (value->is_double()) {
    return bad_money(field, "số tiền phải là số nguyên đồng, không có phần lẻ.",
                     "an amount must be a whole number of đồng, without a fraction.");
  }
  if (value->is_uint64() || (value->is_int64() && value->get_int64() >= kMaxAmount)) {
    return bad_money(field, "số tiền phải nhỏ hơn 1.000.000.000.000.000 đ.",
                     "an amount must be less than 1,000,000,000,000,000 đồng.");
  }
  if (!value->is_int64()) {
    return bad_money(field, "số tiền phải là một số nguyên đồng.",
                     "an amount must be a whole number of đồng.");
  }
  if (value->get_int64() <= 0) {
    return bad_money(field, "số tiền phải lớn hơn 0.", "an amount must be more than 0.");
  }
  return std::optional<std::optional<Dong>>(value->get_int64());
}

// A required amount.
Result<Dong> required_money(const boost::json::object& raw, std::string_view field) {
  auto amount = TRY(read_money(raw, field));
  if (!amount || !*amount) return JsonBody::missing(field);
  return **amount;
}

// Errors of a nested object name their field under it: "payer.kind".
Error nested(std::string_view parent, Error error) {
  error.where.field = fmt::format("{}.{}", parent, error.where.field);
  return error;
}

// Who gave: {kind, person_id?, unit_id?, name?}; absent or null: none.
Result<std::optional<service::PayerInput>> read_payer(const boost::json::object& raw) {
  const boost::json::value* value = raw.if_contains("payer");
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_object()) {
    return fail(ErrorKind::invalid_input, "body.wrong_type",
                "Trường “payer” phải là một đối tượng {kind, person_id, unit_id, name}.",
                "The field “payer” must be an object {kind, person_id, unit_id, name}.",
                Location{0, "payer"});
  }
  auto body = TRY(json_body_of(value->get_object()));
  std::optional<std::optional<PayerKind>> kind;
  std::optional<std::optional<std::int64_t>> person, unit;
  std::optional<std::string> name;
  for (const Status& read :
       {body.code("kind", kind), body.nullable_integer("person_id", person),
        body.nullable_integer("unit_id", unit), body.text("name", name), body.finish()}) {
    if (!read) return std::unexpected(nested("payer", read.error()));
  }
  if (!kind || !*kind) return std::unexpected(nested("payer", JsonBody::missing("kind").error()));
  service::PayerInput payer;
  payer.kind = **kind;
  payer.person_id = person.value_or(std::nullopt);
  payer.unit_id = unit.value_or(std::nullopt);
  payer.name = name.value_or("");
  return payer;
}

Status all_read(std::initializer_list<Status> reads) {
  for (const Status& read : reads) {
    if (!read) return read;
  }
  return {};
}

// A reason that must be given (reversing, rejecting) or may be left out (cancelling, ignoring).
Result<std::string> read_reason(const HttpRequest& request, bool required) {
  auto body = TRY(parse_body(request));
  std::optional<std::string> reason;
  if (auto read = all_read({body.fields.text("reason", reason), body.fields.finish()}); !read)
    return std::unexpected(read.error());
  if (required && reason.value_or("").empty()) return JsonBody::missing("reason");
  return reason.value_or("");
}

template <class Enum>
Result<std::optional<Enum>> query_code(const HttpRequest& request, std::string_view name) {
  auto text = query_value(request, name);
  if (!text) return std::nullopt;
  auto parsed = parse_code<Enum>(*text);
  if (!parsed) return bad_parameter(name);
  return parsed;
}

// `lang=en|vi` on the address wins over Accept-Language: for the messages, a receipt's and a
// statement file's language.
template <Handler handler>
Result<HttpResponse> in_language(ApiCall& call) {
  if (auto lang = query_value(call.request, "lang")) {
    if (lang->starts_with("en")) {
      call.language = "en";
    } else if (lang->starts_with("vi")) {
      call.language = "vi";
    } else {
      return bad_parameter("lang");
    }
  }
  return handler(call);
}

// ---- funds ----

Result<HttpResponse> get_funds(ApiCall& call) {
  auto status = TRY(query_code<FundStatus>(call.request, "status"));
  auto organization = TRY(query_integer_value(call.request, "organization_id"));
  auto funds = TRY(service::list_funds(call.connection, call.who(), status, organization));
  boost::json::array items;
  for (const service::FundRecord& record : funds) items.push_back(fund_json(record));
  const auto count = static_cast<std::int64_t>(items.size());
  return ok(200, boost::json::object{{"items", std::move(items)}, {"count", count}});
}

Result<HttpResponse> post_fund(ApiCall& call) {
  auto body = TRY(parse_body(call.request, {"target"}));
  Fund fund;
  std::optional<std::optional<FundKind>> kind;
  std::optional<std::string> beneficiary, purpose;
  std::optional<std::optional<CivilDate>> starts_on, ends_on;
  std::optional<std::vector<std::int64_t>> organizations;
  JsonBody& fields = body.fields;
  if (auto read =
          all_read({fields.code("kind", kind), fields.required_text("name", fund.name),
                    fields.text("beneficiary", beneficiary), fields.text("purpose", purpose),
                    fields.date("starts_on", starts_on), fields.date("ends_on", ends_on),
                    fields.integers("organization_ids", organizations), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto target = read_money(body.raw, "target");
  if (!target) return std::unexpected(target.error());
  if (!kind || !*kind) return JsonBody::missing("kind");
  if (!starts_on || !*starts_on) return JsonBody::missing("starts_on");
  if (!organizations || organizations->empty()) return JsonBody::missing("organization_ids");
  fund.kind = **kind;
  fund.beneficiary = beneficiary.value_or("");
  fund.purpose = purpose.value_or("");
  fund.target = target->value_or(std::nullopt);
  fund.starts_on = **starts_on;
  fund.ends_on = ends_on.value_or(std::nullopt);
  fund.organization_ids = std::move(*organizations);
  auto created = TRY(service::create_fund(call.connection, call.who(), std::move(fund)));
  return ok(201, fund_json(created));
}

Result<HttpResponse> get_fund(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto record = TRY(service::read_fund(call.connection, call.who(), id));
  return ok(200, fund_json(record));
}

Result<HttpResponse> patch_fund(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"target"}));
  service::FundChanges changes;
  std::optional<std::optional<FundStatus>> status;
  JsonBody& fields = body.fields;
  if (auto read = all_read(
          {fields.text("name", changes.name), fields.text("beneficiary", changes.beneficiary),
           fields.text("purpose", changes.purpose), fields.date("ends_on", changes.ends_on),
           fields.code("status", status), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto target = read_money(body.raw, "target");
  if (!target) return std::unexpected(target.error());
  changes.target = *target;
  if (status) {
    if (!*status) return JsonBody::missing("status");
    changes.status = **status;
  }
  auto updated = TRY(service::update_fund(call.connection, call.who(), id, changes));
  return ok(200, fund_json(updated));
}

// ---- pledges ----

Result<HttpResponse> get_pledges(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto pledges = TRY(service::list_pledges(call.connection, call.who(), id));
  boost::json::array items;
  for (const Pledge& pledge : pledges) items.push_back(pledge_json(pledge));
  return items_response(std::move(items));
}

Result<HttpResponse> post_pledge(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"amount"}));
  service::PledgeInput input;
  std::optional<std::optional<std::int64_t>> person;
  std::optional<std::string> name, note;
  JsonBody& fields = body.fields;
  if (auto read = all_read({fields.nullable_integer("person_id", person), fields.text("name", name),
                            fields.text("note", note), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto amount = required_money(body.raw, "amount");
  if (!amount) return std::unexpected(amount.error());
  input.amount = *amount;
  input.person_id = person.value_or(std::nullopt);
  input.name = name.value_or("");
  input.note = note.value_or("");
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto pledge = TRY(service::record_pledge(call.connection, call.who(), id, input));
    return ok(201, pledge_json(pledge));
  });
}

Result<HttpResponse> cancel_pledge(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto reason = TRY(read_reason(call.request, false));
  auto pledge = TRY(service::cancel_pledge(call.connection, call.who(), id, reason));
  return ok(200, pledge_json(pledge));
}

// ---- donations and entries ----

Result<HttpResponse> post_donation(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"amount", "payer"}));
  service::DonationInput input;
  std::optional<std::optional<PaymentMethod>> method;
  std::optional<std::optional<CivilDate>> received_on;
  std::optional<bool> anonymous;
  std::optional<std::optional<std::int64_t>> pledge;
  std::optional<std::string> reference, memo;
  JsonBody& fields = body.fields;
  if (auto read = all_read(
          {fields.code("method", method), fields.date("received_on", received_on),
           fields.boolean("anonymous", anonymous), fields.nullable_integer("pledge_id", pledge),
           fields.text("reference", reference), fields.text("memo", memo), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto amount = required_money(body.raw, "amount");
  if (!amount) return std::unexpected(amount.error());
  auto payer = read_payer(body.raw);
  if (!payer) return std::unexpected(payer.error());
  if (!method || !*method) return JsonBody::missing("method");
  input.amount = *amount;
  input.method = **method;
  input.received_on = received_on.value_or(std::nullopt);
  input.payer = std::move(*payer);
  input.anonymous = anonymous.value_or(false);
  input.pledge_id = pledge.value_or(std::nullopt);
  input.reference = reference.value_or("");
  input.memo = memo.value_or("");
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto entry = TRY(service::record_donation(call.connection, call.who(), id, input));
    return ok(201, entry_json(entry));
  });
}

Result<HttpResponse> get_entries(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto entries = TRY(service::list_entries(call.connection, call.who(), id));
  boost::json::array items;
  // The service gives them oldest first; the treasurer reads the latest first.
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry)
    items.push_back(entry_json(*entry));
  return items_response(std::move(items));
}

Result<HttpResponse> post_transfer(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"amount"}));
  service::TransferInput input;
  std::optional<std::int64_t> to_fund;
  std::optional<std::optional<PaymentMethod>> from_method, to_method;
  std::optional<std::optional<CivilDate>> on;
  std::optional<std::string> memo;
  JsonBody& fields = body.fields;
  if (auto read =
          all_read({fields.integer("to_fund_id", to_fund), fields.code("from_method", from_method),
                    fields.code("to_method", to_method), fields.date("on", on),
                    fields.text("memo", memo), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto amount = required_money(body.raw, "amount");
  if (!amount) return std::unexpected(amount.error());
  if (!to_fund) return JsonBody::missing("to_fund_id");
  input.to_fund = *to_fund;
  input.amount = *amount;
  if (from_method && *from_method) input.from_method = **from_method;
  if (to_method && *to_method) input.to_method = **to_method;
  input.on = on.value_or(std::nullopt);
  input.memo = memo.value_or("");
  // Money moved twice by a retried click is as wrong as a gift counted twice.
  return answer_once(call, [&]() -> Result<HttpResponse> {
    auto entry = TRY(service::transfer_between_funds(call.connection, call.who(), id, input));
    return ok(201, entry_json(entry));
  });
}

Result<HttpResponse> reverse_entry(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto reason = TRY(read_reason(call.request, true));
  auto entry = TRY(service::reverse_entry(call.connection, call.who(), id, reason));
  return ok(201, entry_json(entry));
}

Result<HttpResponse> get_receipt(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto pdf = TRY(service::donation_receipt_pdf(call.connection, call.who(), id, call.language));
  HttpResponse response{200, "application/pdf", std::move(pdf.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("inline", pdf.file_name));
  return response;
}

// ---- disbursements ----

Result<HttpResponse> post_disbursement(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"amount"}));
  service::DisbursementInput input;
  std::optional<std::optional<PaymentMethod>> method;
  std::optional<std::string> purpose;
  std::optional<std::optional<CivilDate>> paid_on;
  JsonBody& fields = body.fields;
  if (auto read = all_read(
          {fields.code("method", method), fields.required_text("beneficiary", input.beneficiary),
           fields.text("purpose", purpose), fields.date("paid_on", paid_on), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto amount = required_money(body.raw, "amount");
  if (!amount) return std::unexpected(amount.error());
  if (!method || !*method) return JsonBody::missing("method");
  input.amount = *amount;
  input.method = **method;
  input.purpose = purpose.value_or("");
  input.paid_on = paid_on.value_or(std::nullopt);
  auto requested = TRY(service::request_disbursement(call.connection, call.who(), id, input));
  return ok(201, disbursement_json(requested));
}

Result<HttpResponse> get_disbursements(ApiCall& call) {
  auto status = TRY(query_code<DisbursementStatus>(call.request, "status"));
  auto views = TRY(service::list_disbursements(call.connection, call.who(), status));
  boost::json::array items;
  for (const service::DisbursementView& view : views) items.push_back(disbursement_json(view));
  return items_response(std::move(items));
}

Result<HttpResponse> approve_disbursement(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request));
  TRY(body.fields.finish());
  auto approved = TRY(service::approve_disbursement(call.connection, call.who(), id));
  return ok(200, disbursement_json(approved));
}

Result<HttpResponse> reject_disbursement(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto reason = TRY(read_reason(call.request, true));
  auto rejected = TRY(service::reject_disbursement(call.connection, call.who(), id, reason));
  return ok(200, disbursement_json(rejected));
}

// ---- the public statement ----

Result<HttpResponse> get_statement(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto statement = TRY(service::fund_statement(call.connection, call.who(), id));
  return ok(200, statement_json(statement, call.language));
}

Result<HttpResponse> get_statement_xlsx(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto file = TRY(service::fund_statement_xlsx(call.connection, call.who(), id, call.language));
  HttpResponse response{200, std::string(kXlsxContentType), std::move(file.content), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file.file_name));
  return response;
}

// ---- bank statements ----

Result<HttpResponse> post_bank_statement(ApiCall& call) {
  const std::string file_name = query_value(call.request, "filename").value_or("");
  const std::string encoding = query_value(call.request, "encoding").value_or("utf-8");
  if (encoding != "utf-8" && encoding != "windows-1258") return bad_parameter("encoding");
  if (call.request.body.empty()) {
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp gửi lên trống.",
                "The uploaded file is empty.", Location{0, "file"});
  }
  auto imported = TRY(service::import_bank_statement(call.connection, call.who(), call.request.body,
                                                     file_name, encoding));
  return ok(201, statement_import_json(imported));
}

Result<HttpResponse> get_bank_statements(ApiCall& call) {
  auto statements = TRY(service::list_bank_statements(call.connection, call.who()));
  boost::json::array items;
  for (const BankStatement& statement : statements) items.push_back(bank_statement_json(statement));
  return items_response(std::move(items));
}

Result<HttpResponse> get_statement_lines(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto lines = TRY(service::bank_statement_lines(call.connection, call.who(), id));
  boost::json::array items;
  for (const service::StatementLineView& line : lines) items.push_back(statement_line_json(line));
  return items_response(std::move(items));
}

Result<HttpResponse> book_statement_line(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(parse_body(call.request, {"payer"}));
  service::BookLineInput input;
  std::optional<std::int64_t> fund;
  std::optional<std::optional<std::int64_t>> pledge;
  std::optional<bool> anonymous;
  JsonBody& fields = body.fields;
  if (auto read =
          all_read({fields.integer("fund_id", fund), fields.nullable_integer("pledge_id", pledge),
                    fields.boolean("anonymous", anonymous), fields.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  auto payer = read_payer(body.raw);
  if (!payer) return std::unexpected(payer.error());
  if (!fund) return JsonBody::missing("fund_id");
  input.fund_id = *fund;
  input.pledge_id = pledge.value_or(std::nullopt);
  input.payer = std::move(*payer);
  input.anonymous = anonymous.value_or(false);
  auto entry = TRY(service::book_statement_line(call.connection, call.who(), id, input));
  return ok(201, entry_json(entry));
}

Result<HttpResponse> ignore_statement_line(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto reason = TRY(read_reason(call.request, false));
  auto line = TRY(service::ignore_statement_line(call.connection, call.who(), id, reason));
  return ok(200, statement_line_json(line));
}

// ---- the year's report ----

Result<HttpResponse> get_report(ApiCall& call) {
  auto year = query_integer_value(call.request, "year");
  if (!year) return std::unexpected(year.error());
  if (*year && (**year < 1900 || **year > 9999)) return bad_parameter("year");
  const int chosen = *year ? static_cast<int>(**year) : vietnam_date(call.settings.clock()).year;
  auto report = TRY(service::funds_report(call.connection, call.who(), chosen));
  return ok(200, funds_report_json(report, call.language));
}

}  // namespace

void add_fund_routes(std::vector<Route>& routes) {
  constexpr Guard kSignedIn = Guard::signed_in;
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/funds", kSignedIn, in_language<get_funds>},
          {"POST", "/api/v1/funds", kSignedIn, in_language<post_fund>},
          // Before /funds/:id, which would take "report" for an id.
          {"GET", "/api/v1/funds/report", kSignedIn, in_language<get_report>},
          {"GET", "/api/v1/funds/:id", kSignedIn, in_language<get_fund>},
          {"PATCH", "/api/v1/funds/:id", kSignedIn, in_language<patch_fund>},
          {"GET", "/api/v1/funds/:id/pledges", kSignedIn, in_language<get_pledges>},
          {"POST", "/api/v1/funds/:id/pledges", kSignedIn, in_language<post_pledge>},
          {"POST", "/api/v1/pledges/:id/cancel", kSignedIn, in_language<cancel_pledge>},
          {"POST", "/api/v1/funds/:id/donations", kSignedIn, in_language<post_donation>},
          {"GET", "/api/v1/funds/:id/entries", kSignedIn, in_language<get_entries>},
          {"POST", "/api/v1/funds/:id/disbursements", kSignedIn, in_language<post_disbursement>},
          {"GET", "/api/v1/disbursements", kSignedIn, in_language<get_disbursements>},
          {"POST", "/api/v1/disbursements/:id/approve", kSignedIn,
           in_language<approve_disbursement>},
          {"POST", "/api/v1/disbursements/:id/reject", kSignedIn, in_language<reject_disbursement>},
          {"POST", "/api/v1/funds/:id/transfers", kSignedIn, in_language<post_transfer>},
          {"POST", "/api/v1/entries/:id/reverse", kSignedIn, in_language<reverse_entry>},
          {"GET", "/api/v1/entries/:id/receipt.pdf", kSignedIn, in_language<get_receipt>},
          {"GET", "/api/v1/funds/:id/statement", kSignedIn, in_language<get_statement>},
          {"GET", "/api/v1/funds/:id/statement.xlsx", kSignedIn, in_language<get_statement_xlsx>},
          {"POST", "/api/v1/bank-statements", kSignedIn, in_language<post_bank_statement>,
           kMaxUploadBody},
          {"GET", "/api/v1/bank-statements", kSignedIn, in_language<get_bank_statements>},
          {"GET", "/api/v1/bank-statements/:id/lines", kSignedIn, in_language<get_statement_lines>},
          {"POST", "/api/v1/bank-statement-lines/:id/book", kSignedIn,
           in_language<book_statement_line>},
          {"POST", "/api/v1/bank-statement-lines/:id/ignore", kSignedIn,
           in_language<ignore_statement_line>},
      });
}

}  // namespace dk::http
