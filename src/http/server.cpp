// The HTTP server on RESTinio: one io_context run by a few threads, each request served
// synchronously on its thread with a database connection borrowed from the pool. The only file
// that includes RESTinio, whose headers are slow to compile.

#include "http/server.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <ostream>
#include <restinio/all.hpp>
#include <thread>

#include "http/api.hpp"
#include "http/event_streams.hpp"
#include "http/problem.hpp"
#include "http/static_files.hpp"
#include "service/database.hpp"

namespace dk::http {
namespace {

using Router = restinio::router::express_router_t<>;
struct Traits : restinio::default_traits_t {
  using request_handler_t = Router;
};

// Limits on what a client may send; a body over the parser's limit closes the connection, one over
// the API's own limit (smaller) gets a 413 problem that says so.
constexpr std::size_t kParserBodyLimit = kMaxUploadBody + kMaxJsonBody;
// The same for the address and the headers: past ours (8 KiB) a clear 414 or 431; past the
// parser's (64 KiB) the connection is closed.
constexpr std::size_t kMaxTarget = 8 * 1024;
constexpr std::size_t kMaxHeaderValue = 8 * 1024;
constexpr std::size_t kParserHeaderLimit = 64 * 1024;

// A request over our limits on the address or a header, as the problem to answer it with.
std::optional<HttpResponse> over_limits(const restinio::request_handle_t& request) {
  auto too_large = [](int status, std::string code, Text text) {
    return problem(Error{ErrorKind::invalid_input, std::move(code), std::move(text), {}}, "vi",
                   status);
  };
  if (request->header().request_target().size() > kMaxTarget) {
    return too_large(414, "request.target_too_long",
                     Text{fmt::format("Địa chỉ yêu cầu dài quá {} byte.", kMaxTarget),
                          fmt::format("The request address is longer than {} bytes.", kMaxTarget)});
  }
  std::optional<HttpResponse> refused;
  request->header().for_each_field([&](const auto& field) {
    if (!refused && field.value().size() > kMaxHeaderValue) {
      refused = too_large(
          431, "request.header_too_large",
          Text{fmt::format("Trường đầu “{}” dài quá {} byte.", field.name(), kMaxHeaderValue),
               fmt::format("The header “{}” is longer than {} bytes.", field.name(),
                           kMaxHeaderValue)});
    }
  });
  return refused;
}

restinio::http_method_id_t method_id(std::string_view method) {
  if (method == "POST") return restinio::http_method_post();
  if (method == "PUT") return restinio::http_method_put();
  if (method == "PATCH") return restinio::http_method_patch();
  if (method == "DELETE") return restinio::http_method_delete();
  return restinio::http_method_get();
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string json_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Our request from RESTinio's; a query string that cannot be decoded is reported, not guessed.
// `pattern` is the route's ("/api/v1/clubs/:id/members/:person"): its ":names" are the
// parameters to copy (RESTinio offers no public way to list them). No route: none.
Result<HttpRequest> convert(const restinio::request_handle_t& request,
                            const restinio::router::route_params_t& params,
                            std::string_view pattern) {
  HttpRequest converted;
  converted.method = std::string(request->header().method().c_str());
  converted.path = std::string(request->header().path());
  converted.body = request->body();
  converted.address = request->remote_endpoint().address().to_string();
  request->header().for_each_field(
      [&](const auto& field) { converted.headers[lower(field.name())] = field.value(); });
  for (std::size_t colon = pattern.find(':'); colon != std::string_view::npos;
       colon = pattern.find(':', colon + 1)) {
    std::size_t end = colon + 1;
    while (end < pattern.size() &&
           (std::isalnum(static_cast<unsigned char>(pattern[end])) || pattern[end] == '_'))
      ++end;
    const std::string name(pattern.substr(colon + 1, end - colon - 1));
    if (auto value = params.get_param(name)) converted.route[name] = std::string(*value);
  }
  converted.query = TRY(parse_query_string(request->header().query()));
  return converted;
}

#ifdef DOANKET_TEST_CLOCK
// Test builds only: an upload that has its slot stops here while the file that
// DOANKET_TEST_UPLOAD_GATE names does not exist, having made "<gate>.waiting", so that a test can
// hold the upload threads and then act (another upload, a SIGTERM) at a moment it knows rather
// than after a sleep. A minute at most, should the test never open the gate.
void wait_at_test_gate() {
  const char* gate = std::getenv("DOANKET_TEST_UPLOAD_GATE");
  if (gate == nullptr) return;
  std::ofstream(std::string(gate) + ".waiting") << "waiting\n";
  for (int i = 0; i < 3000 && !std::filesystem::exists(gate); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}
#endif

class Server {
 public:
  Server(const ServerOptions& options, service::Database& database,
         std::optional<StaticFiles> web_app, std::ostream& log, unsigned threads)
      : database_(database),
        web_app_(std::move(web_app)),
        log_(log),
        // Uploads are read on the request threads; one thread always stays for everyone else.
        max_uploads_(std::max(1, static_cast<int>(threads) - 1)) {
    settings_.session_lifetime = options.session_lifetime;
    settings_.clock = options.clock;
    settings_.database = &database_;
  }

  std::unique_ptr<Router> router() {
    auto router = std::make_unique<Router>();
    router->http_get(
        "/api/v1/notifications/stream",
        [this](const restinio::request_handle_t& request, auto) { return stream_events(request); });
    for (const Route& route : api_routes()) {
      auto handler = [this, route](const restinio::request_handle_t& request,
                                   restinio::router::route_params_t params) {
        return handle(request, &route, params);
      };
      router->add_handler(method_id(route.method), std::string(route.pattern), handler);
      // HEAD is GET without the body (RFC 9110 9.3.2): the same answer, headers and length.
      if (route.method == "GET")
        router->add_handler(restinio::http_method_head(), std::string(route.pattern), handler);
    }
    router->non_matched_request_handler(
        [this](const restinio::request_handle_t& request) { return handle(request, nullptr, {}); });
    return router;
  }

  std::atomic<int>& in_flight() { return in_flight_; }
  void close_streams() { streams_.close_all(); }

 private:
  // One open event stream's response, written by the streams' thread and ended by it or by the
  // shutdown: one at a time.
  struct OpenStream {
    std::mutex mutex;
    std::optional<restinio::response_builder_t<restinio::chunked_output_t>> reply;
    std::atomic<std::uint64_t> id{0};
  };

  restinio::request_handling_status_t stream_events(const restinio::request_handle_t& request) {
    const auto started = std::chrono::steady_clock::now();
    ++in_flight_;
    auto converted = convert(request, {}, {});
    if (!converted) return reply(request, problem(converted.error(), "vi"), started);
    auto open = std::make_shared<OpenStream>();
    auto write = [this, open](std::string text) {
      std::lock_guard lock(open->mutex);
      if (!open->reply) return;
      open->reply->append_chunk(std::move(text));
      open->reply->flush([this, open](const restinio::asio_ns::error_code& error) {
        if (error) streams_.closed(open->id);
      });
    };
    auto end = [open] {
      std::lock_guard lock(open->mutex);
      if (!open->reply) return;
      open->reply->done();
      open->reply.reset();
    };
    auto signed_in = streams_.sign_in(*converted);
    if (!signed_in) {
      return reply(request, problem(signed_in.error(), language_of(*converted)), started);
    }
    {
      // Held while the stream is registered and its headers go out, so that the streams' thread,
      // which may write its first count at once, waits for them.
      std::lock_guard lock(open->mutex);
      auto opened = streams_.open(*converted, *signed_in, std::move(write), end);
      if (!opened) {
        return reply(request, problem(opened.error(), language_of(*converted)), started);
      }
      open->id = *opened;
      open->reply.emplace(request->create_response<restinio::chunked_output_t>());
      open->reply->append_header(restinio::http_field::content_type,
                                 "text/event-stream; charset=utf-8");
      open->reply->append_header("Cache-Control", "no-store");
      open->reply->append_header("X-Content-Type-Options", "nosniff");
      // nginx and the like would otherwise hold the events back.
      open->reply->append_header("X-Accel-Buffering", "no");
      // Tells EventSource how long to wait before it reconnects after a drop.
      open->reply->append_chunk(std::string("retry: 3000\n\n"));
      open->reply->flush();
    }
    --in_flight_;
    log_line(fmt::format(R"({{"event":"stream_opened","path":"{}","account":"{}"}})",
                         json_escape(converted->path), json_escape(signed_in->login)));
    return restinio::request_accepted();
  }

  restinio::request_handling_status_t handle(const restinio::request_handle_t& request,
                                             const Route* route,
                                             const restinio::router::route_params_t& params) {
    ++in_flight_;
    const auto started = std::chrono::steady_clock::now();
    HttpResponse response;
    auto converted = convert(request, params, route ? route->pattern : std::string_view());
    if (auto refused = over_limits(request)) {
      response = std::move(*refused);
    } else if (!converted) {
      response = problem(converted.error(), "vi");
    } else if (!route) {
      response = not_found(*converted);
      if (auto page = web_page(*converted)) response = std::move(*page);
    } else if (converted->body.size() > route->max_body) {
      response = problem(
          Error{ErrorKind::invalid_input,
                "body.too_large",
                Text{fmt::format("Nội dung yêu cầu lớn quá {} byte.", route->max_body),
                     fmt::format("The request body is larger than {} bytes.", route->max_body)},
                {}},
          language_of(*converted), 413);
    } else if (route->max_body > kMaxJsonBody && !take_upload_slot()) {
      response = problem(Error{ErrorKind::unavailable,
                               "server.busy",
                               Text{"Máy chủ đang đọc các tệp khác; hãy gửi lại sau ít giây.",
                                    "The server is reading other files; send again in a few "
                                    "seconds."},
                               {}},
                         language_of(*converted), 503);
      response.headers.emplace_back("Retry-After", "5");
    } else {
      const bool upload = route->max_body > kMaxJsonBody;
#ifdef DOANKET_TEST_CLOCK
      if (upload) wait_at_test_gate();
#endif
      try {
        database_.with_connection([&](service::Connection& connection) {
          response = dispatch(*route, *converted, connection, settings_);
        });
      } catch (const std::exception& error) {
        // Nothing below throws on purpose; a bug must still answer, not kill the server.
        response = problem(Error{ErrorKind::internal,
                                 "server.internal",
                                 Text{"Lỗi máy chủ.", "Internal server error."},
                                 {}},
                           "vi");
        log_line(fmt::format(R"({{"event":"exception","what":"{}"}})", json_escape(error.what())));
      }
      if (upload) --uploads_;
    }
    return reply(request, std::move(response), started);
  }

  // Writes `response`, logs it, and ends the request's time in flight once it is written.
  restinio::request_handling_status_t reply(const restinio::request_handle_t& request,
                                            HttpResponse response,
                                            std::chrono::steady_clock::time_point started) {
    const restinio::http_status_line_t status_line(
        restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
        std::string(reason(response.status)));
    auto with_headers = [&](auto reply) {
      if (!response.content_type.empty())
        reply.append_header(restinio::http_field::content_type, response.content_type);
      for (const auto& [name, value] : response.headers) reply.append_header(name, value);
      reply.append_header("X-Content-Type-Options", "nosniff");
      return reply;
    };
    // In flight until the answer is written, so that shutdown does not cut it off.
    const auto written = [this](const auto&) { --in_flight_; };
    restinio::request_handling_status_t status;
    if (request->header().method() == restinio::http_method_head()) {
      // The length the GET's body would have, and no body.
      auto reply =
          with_headers(request->create_response<restinio::user_controlled_output_t>(status_line));
      reply.set_content_length(response.body.size());
      status = reply.done(written);
    } else {
      auto reply = with_headers(request->create_response(status_line));
      reply.set_body(std::move(response.body));
      status = reply.done(written);
    }
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    log_line(fmt::format(
        R"({{"time":{},"method":"{}","path":"{}","status":{},"ms":{:.2f},"address":"{}","account":"{}"}})",
        std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count(),
        json_escape(request->header().method().c_str()), json_escape(request->header().path()),
        response.status, milliseconds,
        json_escape(request->remote_endpoint().address().to_string()),
        json_escape(response.account)));
    return status;
  }

  // The web app's file for a GET outside the API, when the server has one.
  std::optional<HttpResponse> web_page(const HttpRequest& request) const {
    if (!web_app_ || (request.method != "GET" && request.method != "HEAD") ||
        request.path.starts_with("/api/"))
      return {};
    return web_app_->answer(request);
  }

  static std::string_view reason(int status) {
    switch (status) {
      case 304:
        return "Not Modified";
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 204:
        return "No Content";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 409:
        return "Conflict";
      case 413:
        return "Content Too Large";
      case 414:
        return "URI Too Long";
      case 431:
        return "Request Header Fields Too Large";
      case 422:
        return "Unprocessable Content";
      case 429:
        return "Too Many Requests";
      case 503:
        return "Service Unavailable";
      default:
        return status < 500 ? "Bad Request" : "Internal Server Error";
    }
  }

  void log_line(const std::string& line) {
    std::lock_guard lock(log_mutex_);
    log_ << line << '\n';
  }

  service::Database& database_;
  std::optional<StaticFiles> web_app_;
  ApiSettings settings_;
  EventStreams streams_{database_, settings_};
  std::ostream& log_;
  std::mutex log_mutex_;
  std::atomic<int> in_flight_{0};
  const int max_uploads_;
  std::atomic<int> uploads_{0};

  // A place to read an upload in, if one is free.
  bool take_upload_slot() {
    if (++uploads_ <= max_uploads_) return true;
    --uploads_;
    return false;
  }
};

}  // namespace

Status serve(const ServerOptions& options, service::Database& database, std::ostream& out,
             std::ostream& log) {
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(2u, std::thread::hardware_concurrency());
  std::optional<StaticFiles> web_app;
  if (!options.web_root.empty()) {
    auto loaded = TRY(StaticFiles::load(options.web_root));
    web_app = std::move(loaded);
  } else {
    auto packed = TRY(StaticFiles::embedded());
    web_app = std::move(packed);
  }
  Server server_state(options, database, std::move(web_app), log, threads);

  restinio::asio_ns::io_context context;
  std::uint16_t bound_port = 0;
  restinio::http_server_t<Traits> server{
      restinio::external_io_context(context),
      restinio::server_settings_t<Traits>{}
          .port(options.port)
          .address(options.address)
          .request_handler(server_state.router())
          .read_next_http_message_timelimit(std::chrono::seconds(30))
          .write_http_response_timelimit(std::chrono::seconds(30))
          .handle_request_timeout(std::chrono::seconds(30))
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                        .max_url_size(kParserHeaderLimit)
                                        .max_field_name_size(256)
                                        .max_field_value_size(kParserHeaderLimit)
                                        .max_field_count(100)
                                        .max_body_size(kParserBodyLimit))
          .acceptor_post_bind_hook([&](restinio::asio_ns::ip::tcp::acceptor& acceptor) {
            bound_port = acceptor.local_endpoint().port();
          })};
  try {
    server.open_sync();
  } catch (const std::exception& error) {
    return fail(
        ErrorKind::unavailable, "server.listen_failed",
        fmt::format("Không mở được cổng {}:{}: {}", options.address, options.port, error.what()),
        fmt::format("Cannot listen on {}:{}: {}", options.address, options.port, error.what()));
  }
  out << "http://" << options.address << ':' << bound_port << std::endl;

  // On SIGINT or SIGTERM: stop accepting, wait for the requests in flight, then stop.
  restinio::asio_ns::signal_set signals(context, SIGINT, SIGTERM);
  restinio::asio_ns::steady_timer drain(context);
  // A client that stops reading cannot hold the shutdown for more than the write time limit, and
  // an upload being read stops within its own (io::kUploadReadTime): counted from the signal.
  std::chrono::steady_clock::time_point give_up;
  std::function<void()> wait_for_requests = [&] {
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](const auto&) {
      if (server_state.in_flight() > 0 && std::chrono::steady_clock::now() < give_up)
        return wait_for_requests();
      context.stop();
    });
  };
  signals.async_wait([&](const auto& error, int) {
    if (error) return;
    give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    // Open event streams never end by themselves: ended first, so that the pages reconnect to
    // the next server.
    server_state.close_streams();
    server.close_async([&] { wait_for_requests(); }, [&](std::exception_ptr) { context.stop(); });
  });

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < threads; ++i) workers.emplace_back([&] { context.run(); });
  context.run();
  for (std::thread& worker : workers) worker.join();
  return {};
}

}  // namespace dk::http
