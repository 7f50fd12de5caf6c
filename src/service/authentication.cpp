#include "service/authentication.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/password_policy.hpp"
#include "core/sign_in_throttle.hpp"
#include "service/audit.hpp"
#include "service/credentials.hpp"
#include "store/account_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr std::string_view kLoginScope = "login";
constexpr std::string_view kAddressScope = "address";
constexpr std::string_view kPairScope = "pair";

// The subject of the pair's count: the login and the address, which holds no space.
std::string pair_of(std::string_view login, std::string_view address) {
  return std::string(login) + " " + std::string(address);
}

std::unexpected<Error> wrong_credentials() {
  return fail(ErrorKind::unauthenticated, "session.wrong_credentials",
              "Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password.");
}

Status check_login(std::string_view login) {
  const bool shaped =
      !login.empty() && login.size() <= 64 &&
      login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string_view::npos;
  if (!shaped) {
    return fail(ErrorKind::invalid_input, "account.login_invalid",
                "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch "
                "ngang (tối đa 64 ký tự).",
                "A login has only lower-case ASCII letters, digits, dots, underscores and hyphens "
                "(at most 64 characters).",
                Location{0, "login"});
  }
  return {};
}

// The wait a subject owes, or nothing.
Status check_throttle(store::AccountStore& accounts, std::string_view scope,
                      const std::string& subject, const ThrottlePolicy& policy, std::int64_t now) {
  const std::int64_t window = std::chrono::seconds(kThrottleWindow).count();
  auto failures = TRY(accounts.failures(scope, subject, now - window));
  if (failures.count == 0) return {};
  const auto wait =
      throttle_wait(policy, failures.count, std::chrono::seconds(now - failures.latest),
                    std::chrono::seconds(now - failures.oldest));
  if (wait.count() == 0) return {};
  auto error =
      fail(ErrorKind::rate_limited, "session.throttled",
           fmt::format("Đăng nhập sai quá nhiều lần. Hãy thử lại sau {} giây.", wait.count()),
           fmt::format("Too many failed sign-ins. Try again in {} seconds.", wait.count()));
  error.error().retry_after_seconds = wait.count();
  return error;
}

}  // namespace

Result<Account> add_account(store::SqlConnection& connection, const NewAccount& account,
                            const Clock& clock) {
  TRY(check_login(account.login));
  if (auto strong = check_password(account.password); !strong) {
    return std::unexpected(strong.error());
  }
  auto hash = TRY(hash_password(account.password));
  store::AccountStore accounts(connection);
  Account record;
  record.tenant = account.tenant;
  record.person_id = account.person_id;
  record.login = account.login;
  record.password_hash = std::move(hash);
  record.grants = account.grants;
  return accounts.create_account(record, unix_seconds(clock()));
}

Result<SignedIn> sign_in(store::SqlConnection& connection, SignInRequest request,
                         const Clock& clock, std::chrono::seconds lifetime) {
  // Logins are lower case; a phone's keyboard capitalises the first letter.
  for (char& c : request.login) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  store::AccountStore accounts(connection);
  const std::int64_t now = unix_seconds(clock());
  const std::string pair = pair_of(request.login, request.address);
  TRY(check_throttle(accounts, kPairScope, pair, kPairThrottle, now));
  TRY(check_throttle(accounts, kAddressScope, request.address, kAddressThrottle, now));
  const std::int64_t known_since = now - std::chrono::seconds(kKnownPlaceFor).count();
  if (!TRY(accounts.signed_in_from(request.login, request.address, known_since)))
    TRY(check_throttle(accounts, kLoginScope, request.login, kLoginThrottle, now));
  auto account = TRY(accounts.find_by_login(request.login));
  // An unknown login costs the same hashing work as a wrong password, so that timing does not
  // tell which logins exist.
  static const std::string kDecoy = hash_password("decoy password, never valid").value_or("");
  const bool valid = account ? verify_password(account->password_hash, request.password)
                             : (verify_password(kDecoy, request.password), false);
  if (!valid || account->disabled) {
    // A login that could not be one (a megabyte of text, say) is not stored: its address pays.
    const bool shaped = check_login(request.login).has_value();
    auto recorded = store::in_transaction(connection, [&]() -> Status {
      if (shaped) {
        TRY(accounts.record_failure(kLoginScope, request.login, now));
        TRY(accounts.record_failure(kPairScope, pair, now));
      }
      return accounts.record_failure(kAddressScope, request.address, now);
    });
    if (!recorded) return std::unexpected(recorded.error());
    return wrong_credentials();
  }

  SignedIn signed_in;
  signed_in.token = random_token();
  signed_in.expires_at = clock() + lifetime;
  store::SessionRecord session{
      token_digest(signed_in.token),      account->tenant, account->id, random_token(), now,
      unix_seconds(signed_in.expires_at), request.address};
  auto stored = store::in_transaction(connection, [&]() -> Status {
    // The owner's success clears what this place owes, not the login's count elsewhere: that
    // would hand a guesser spread over many addresses a fresh allowance.
    TRY(accounts.clear_failures(kPairScope, pair));
    TRY(accounts.remember_sign_in(request.login, request.address, now, known_since));
    if (auto done = accounts.delete_expired_sessions(now); !done) return done;
    return accounts.create_session(session);
  });
  if (!stored) return std::unexpected(stored.error());
  auto actor = authenticate(connection, signed_in.token, request.address, clock);
  if (!actor) return std::unexpected(actor.error());
  signed_in.actor = std::move(*actor);
  if (auto audited = record_audit(connection, signed_in.actor, "sign_in", "account",
                                  signed_in.actor.principal.account_id, "{}");
      !audited) {
    return std::unexpected(audited.error());
  }
  return signed_in;
}

namespace {
Result<Actor> authenticate_reading(store::SqlConnection& connection, std::string_view token,
                                   std::string address, const Clock& clock);
}  // namespace

Result<Actor> authenticate(store::SqlConnection& connection, std::string_view token,
                           std::string address, const Clock& clock) {
  // No cookie at all is someone who has not signed in, not an ended session: the web app shows
  // the sign-in page for one and "your session has expired" for the other.
  if (token.empty()) {
    return fail(ErrorKind::unauthenticated, "session.none", "Bạn chưa đăng nhập.",
                "You are not signed in.");
  }
  // Run on every request: its four reads see one snapshot and cost one read transaction.
  return store::in_read_snapshot(connection, [&]() -> Result<Actor> {
    return authenticate_reading(connection, token, std::move(address), clock);
  });
}

namespace {

Result<Actor> authenticate_reading(store::SqlConnection& connection, std::string_view token,
                                   std::string address, const Clock& clock) {
  store::AccountStore accounts(connection);
  auto found = TRY(accounts.find_session(token_digest(token), unix_seconds(clock())));
  if (!found) {
    return fail(ErrorKind::unauthenticated, "session.expired",
                "Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.",
                "The session has expired or you have not signed in. Please sign in again.");
  }
  const store::SessionAccount& session = *found;
  Actor actor;
  actor.principal.tenant = session.session.tenant;
  actor.principal.account_id = session.session.account_id;
  actor.principal.person_id = session.person_id;
  for (const Grant grant : session.grants) {
    if (grant == Grant::administrator) actor.principal.administrator = true;
    if (grant == Grant::leadership) actor.principal.leadership = true;
  }
  auto officer = TRY(accounts.officer_of(actor.principal.tenant, actor.principal.person_id,
                                         format_iso(vietnam_date(clock()))));
  actor.principal.officer_of = std::move(officer);
  auto member = TRY(accounts.member_of(actor.principal.tenant, actor.principal.person_id));
  actor.principal.member_of = std::move(member);
  actor.login = session.login;
  actor.full_name = session.full_name;
  actor.session_digest = session.session.token_hash;
  actor.csrf_token = session.session.csrf_token;
  actor.address = std::move(address);
  actor.clock = clock;
  return actor;
}

}  // namespace

Status sign_out(store::SqlConnection& connection, const Actor& actor) {
  store::AccountStore accounts(connection);
  return accounts.delete_session(actor.session_digest);
}

Status change_password(store::SqlConnection& connection, const Actor& actor,
                       std::string_view current_password, std::string_view new_password) {
  store::AccountStore accounts(connection);
  const std::int64_t now = unix_seconds(actor.clock());
  // Guessing the current password from a stolen session is throttled like signing in from the
  // session's address; the failures count for signing in there too.
  const std::string pair = pair_of(actor.login, actor.address);
  TRY(check_throttle(accounts, kPairScope, pair, kPairThrottle, now));
  auto account = TRY(accounts.find_by_login(actor.login));
  if (!account || !verify_password(account->password_hash, current_password)) {
    TRY(store::in_transaction(connection,
                              [&] { return accounts.record_failure(kPairScope, pair, now); }));
    return fail(ErrorKind::invalid_input, "password.current_wrong", "Mật khẩu hiện tại không đúng.",
                "The current password is wrong.", Location{0, "current_password"});
  }
  if (auto strong = check_password(new_password); !strong) {
    Error error = strong.error();
    error.where.field = "new_password";
    return std::unexpected(error);
  }
  auto hash = TRY(hash_password(new_password));
  return store::in_transaction(connection, [&]() -> Status {
    if (auto done =
            accounts.set_password_hash(actor.principal.tenant, actor.principal.account_id, hash);
        !done) {
      return done;
    }
    if (auto done = accounts.delete_other_sessions(
            actor.principal.tenant, actor.principal.account_id, actor.session_digest);
        !done) {
      return done;
    }
    return record_audit(connection, actor, "change_password", "account", actor.principal.account_id,
                        "{}");
  });
}

}  // namespace dk::service
